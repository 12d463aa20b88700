import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { TabConflict } from '@/app/tab-conflict';
import { serializePlanFile } from '@/core/exporters/plan-file';
import type { Plan } from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';
import { PlanFileButtons } from '@/features/planner/plan-file/plan-file-buttons';
import { downloadFile } from '@/lib/download-file';
import type * as WindowEvents from '@/lib/window-events';
import { reloadPage } from '@/lib/window-events';
import { decodeStoredEnvelope, encodeStoredPlan, STORAGE_KEY } from '@/state/persistence';
import { useAppStore, watchOtherTabs } from '@/state/store';

import { fixturePlan } from '../../fixtures/resolution-fixture';
import { renderElement } from '../../support/render-app';
import { resetStore } from '../../support/reset-store';

vi.mock('@/lib/download-file', () => ({ downloadFile: vi.fn() }));
vi.mock('@/lib/window-events', async (original) => ({
  ...(await original<typeof WindowEvents>()),
  reloadPage: vi.fn(),
}));

const named = (name: string): Plan => ({ ...createDefaultPlan(), name });

let unwatch: () => void = () => undefined;

beforeEach(() => {
  vi.mocked(downloadFile).mockClear();
  vi.mocked(reloadPage).mockClear();
  resetStore();
  unwatch = watchOtherTabs();
});

afterEach(() => unwatch());

/** Renders the conflict UI in a tab that loaded an empty storage and then renamed the plan. */
function renderTab(element = <TabConflict />) {
  const result = renderElement(element);
  act(() => useAppStore.getState().setPlanName('Mine'));
  return result;
}

/** Another tab saves (its storage event is lost) and this tab then edits: the save finds it. */
function otherTabSavesThenIEdit(stored: string) {
  window.localStorage.setItem(STORAGE_KEY, stored);
  act(() => useAppStore.getState().setConsole({ name: 'console-mine' }));
}

const theirs = (plan: Plan, rev = 2) =>
  encodeStoredPlan(plan, { rev, tabId: 'other-tab', savedAt: new Date().toISOString() });

const storedPlan = () => {
  const decoded = decodeStoredEnvelope(window.localStorage.getItem(STORAGE_KEY) ?? '');
  return decoded.ok ? decoded.plan : null;
};

describe('the "changed in another tab" dialog', () => {
  it('says what happened, names both plans, and starts on "Decide later"', async () => {
    renderTab();
    otherTabSavesThenIEdit(theirs(named('Renamed in the other tab')));
    const dialog = await screen.findByRole('dialog', {
      name: 'This plan was changed in another tab',
    });
    expect(dialog).toHaveAccessibleDescription(/This tab has stopped saving/);
    expect(dialog).toHaveTextContent(
      'In the other tab: “Renamed in the other tab” (1 agent server, 0 devices)',
    );
    expect(dialog).toHaveTextContent('In this tab (not saved): “Mine” (1 agent server, 0 devices)');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Decide later' })).toHaveFocus());
  });

  it('is keyboard-operable: Escape leaves a banner whose button asks again', async () => {
    renderTab();
    otherTabSavesThenIEdit(theirs(named('Theirs')));
    await screen.findByRole('dialog');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const banner = screen.getByRole('alert');
    expect(banner).toHaveTextContent('This tab is not saving');
    // Still not saving.
    act(() => useAppStore.getState().setPlanName('Mine, later'));
    expect(storedPlan()?.name).toBe('Theirs');
    within(banner).getByRole('button', { name: 'Choose…' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('dialog')).toHaveTextContent('“Mine, later”');
  });

  it('"Load the other tab\'s plan" shows theirs and saves again from there', async () => {
    renderTab();
    otherTabSavesThenIEdit(theirs(named('Theirs')));
    await userEvent.click(await screen.findByRole('button', { name: "Load the other tab's plan" }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(useAppStore.getState().plan.name).toBe('Theirs');
    act(() => useAppStore.getState().setConsole({ name: 'after' }));
    expect(storedPlan()).toMatchObject({ name: 'Theirs', console: { name: 'after' } });
  });

  it('"Download my plan" saves this tab\'s plan as a plan file and keeps asking', async () => {
    renderTab();
    otherTabSavesThenIEdit(theirs(named('Theirs')));
    await userEvent.click(await screen.findByRole('button', { name: 'Download my plan' }));
    await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1));
    const [name, content] = vi.mocked(downloadFile).mock.calls[0] ?? [];
    expect(name).toBe('mine.am-firewall-plan.json');
    expect(JSON.parse(String(content))).toMatchObject({
      plan: { name: 'Mine', console: { name: 'console-mine' } },
    });
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(storedPlan()?.name).toBe('Theirs');
  });

  it('"Keep mine…" asks first, offers their plan as a download, then replaces it', async () => {
    renderTab();
    otherTabSavesThenIEdit(theirs(named('Theirs')));
    await userEvent.click(await screen.findByRole('button', { name: 'Keep mine…' }));
    const confirm = screen.getByRole('dialog', {
      name: "Replace the other tab's plan with this tab's?",
    });
    expect(confirm).toHaveTextContent(/“Theirs” .* will be replaced in this browser by/);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Back' })).toHaveFocus());
    // Nothing replaced yet; Back returns to the question.
    expect(storedPlan()?.name).toBe('Theirs');
    await userEvent.keyboard('{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Keep mine…' }));

    await userEvent.click(screen.getByRole('button', { name: 'Download their plan' }));
    await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1));
    const [, content] = vi.mocked(downloadFile).mock.calls[0] ?? [];
    expect(JSON.parse(String(content))).toMatchObject({ plan: { name: 'Theirs' } });

    await userEvent.click(screen.getByRole('button', { name: 'Replace with mine' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedPlan()).toMatchObject({ name: 'Mine', console: { name: 'console-mine' } });
  });

  it('shows a newer version from the other tab instead of replacing it unseen', async () => {
    renderTab();
    otherTabSavesThenIEdit(theirs(named('Theirs 1')));
    await userEvent.click(await screen.findByRole('button', { name: 'Keep mine…' }));
    // The other tab saves again; this tab's storage event arrives.
    act(() => {
      window.localStorage.setItem(STORAGE_KEY, theirs(named('Theirs 2'), 3));
      window.dispatchEvent(
        new StorageEvent('storage', { key: STORAGE_KEY, storageArea: window.localStorage }),
      );
    });
    const dialog = await screen.findByRole('dialog', {
      name: 'This plan was changed in another tab',
    });
    expect(dialog).toHaveTextContent('“Theirs 2”');
    expect(storedPlan()?.name).toBe('Theirs 2');
  });

  it('shortens and quotes long names', async () => {
    renderTab();
    otherTabSavesThenIEdit(theirs(named(`A${'b'.repeat(150)}`)));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(`“A${'b'.repeat(59)}…” (1 agent server, 0 devices)`);
  });

  it('offers to reload when the other tab saved something this tab cannot read', async () => {
    renderTab();
    otherTabSavesThenIEdit('{"v":2,"plan":"from a newer planner"}');
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(/cannot read \(unknown storage format\)/);
    expect(dialog).not.toHaveTextContent('In the other tab');
    await userEvent.click(screen.getByRole('button', { name: 'Reload this tab' }));
    expect(reloadPage).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Keep mine…' }));
    expect(screen.getByRole('dialog')).toHaveTextContent(/kept aside in this browser's storage/);
    await userEvent.click(screen.getByRole('button', { name: 'Download their text' }));
    await waitFor(() =>
      expect(downloadFile).toHaveBeenCalledWith(
        'other-tab-plan.txt',
        '{"v":2,"plan":"from a newer planner"}',
        'text/plain',
      ),
    );
  });

  it('opening a plan file after another tab saved asks instead of overwriting', async () => {
    renderTab(
      <>
        <TabConflict />
        <PlanFileButtons />
      </>,
    );
    const other = theirs(named('Theirs'));
    window.localStorage.setItem(STORAGE_KEY, other);
    const file = new File(
      [
        serializePlanFile(fixturePlan(), {
          catalogVersion: 'x',
          docsRevision: 'netwrix/docs@a8b312c3',
        }),
      ],
      'plan.json',
      {
        type: 'application/json',
      },
    );
    await userEvent.upload(screen.getByLabelText('Open plan file', { selector: 'input' }), file);
    await userEvent.click(await screen.findByRole('button', { name: 'Replace' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'This plan was changed in another tab',
    });
    expect(dialog).toHaveTextContent('In this tab (not saved): “Contoso HQ”');
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(other);
  });
});
