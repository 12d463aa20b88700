import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { decodePlan, encodePlan } from '@/core/permalink/codec';
import type { Plan } from '@/core/plan/model';
import { SharePanel, SharePlanButton } from '@/features/planner/share/share-panel';
import { copyText } from '@/lib/clipboard';
import { useAppStore } from '@/state/store';

import { renderElement } from '../../support/render-app';
import { typicalPlan } from '../../unit/core/permalink/sample-plans';

vi.mock('@/lib/clipboard', () => ({ copyText: vi.fn() }));
const copyMock = vi.mocked(copyText);

/** A plan with `n` unique, poorly compressible addresses. */
function bigPlan(n: number): Plan {
  let seed = 11;
  const word = () =>
    Array.from({ length: 10 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return 'abcdefghijklmnopqrstuvwxyz0123456789'[seed % 36];
    }).join('');
  const plan = typicalPlan();
  const addresses = Array.from({ length: n }, () => `${word()}.${word()}.example`);
  return {
    ...plan,
    devices: plan.devices.map((d, i) =>
      i === 0
        ? { ...d, addresses: addresses.slice(0, 256) }
        : i === 1
          ? { ...d, addresses: addresses.slice(256) }
          : d,
    ),
  };
}

function setPlan(plan: Plan) {
  act(() => useAppStore.getState().setPlan(plan));
}

describe('SharePanel', () => {
  beforeEach(() => copyMock.mockReset());

  it('shows the permalink of the plan in a read-only field that opens the same plan', () => {
    renderElement(<SharePanel />);
    setPlan(typicalPlan());
    const field = screen.getByRole('textbox', { name: 'Permalink' });
    expect(field).toHaveAttribute('readonly');
    const url = (field as HTMLInputElement).value;
    expect(url).toBe(
      `${window.location.origin}${window.location.pathname}#/open/${encodePlan(typicalPlan(), {
        catalogVersion: getCatalog().version,
      })}`,
    );
    expect(url.length).toBeLessThanOrEqual(2000);
    expect(decodePlan(url)).toMatchObject({ ok: true, plan: typicalPlan() });
    expect(screen.queryByText(/may cut links/)).not.toBeInTheDocument();
  });

  it('follows changes of the plan', () => {
    renderElement(<SharePanel />);
    const field = screen.getByRole('textbox', { name: 'Permalink' }) as HTMLInputElement;
    const before = field.value;
    act(() => useAppStore.getState().setPlanName('Renamed'));
    expect(field.value).not.toBe(before);
    const result = decodePlan(field.value);
    expect(result.ok && result.plan.name).toBe('Renamed');
  });

  it('copies the permalink and says so', async () => {
    copyMock.mockResolvedValue(true);
    renderElement(<SharePanel />);
    const url = (screen.getByRole('textbox', { name: 'Permalink' }) as HTMLInputElement).value;
    await userEvent.click(screen.getByRole('button', { name: 'Copy permalink' }));
    expect(copyMock).toHaveBeenCalledWith(url);
    expect(await screen.findByText(/Permalink copied/)).toBeInTheDocument();
  });

  it('tells how to copy by hand when the browser refuses', async () => {
    copyMock.mockResolvedValue(false);
    renderElement(<SharePanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy permalink' }));
    expect(await screen.findByText(/did not allow copying/)).toBeInTheDocument();
  });

  it('warns past 2,000 characters and points to the plan file', () => {
    renderElement(<SharePanel />);
    setPlan(bigPlan(150));
    const url = (screen.getByRole('textbox', { name: 'Permalink' }) as HTMLInputElement).value;
    expect(url.length).toBeGreaterThan(2000);
    const warning = screen.getByText(/may cut links longer than 2,000 characters/);
    expect(warning).toHaveTextContent('Save plan');
  });

  it('offers no link for a plan too large to open from one', () => {
    renderElement(<SharePanel />);
    setPlan(bigPlan(500));
    expect(screen.queryByRole('textbox', { name: 'Permalink' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copy permalink' })).not.toBeInTheDocument();
    expect(screen.getByText(/too large to share as a link/)).toHaveTextContent('Save plan');
  });
});

describe('SharePlanButton', () => {
  it('opens the share panel in a dialog', async () => {
    renderElement(<SharePlanButton />);
    await userEvent.click(screen.getByRole('button', { name: 'Share' }));
    const dialog = screen.getByRole('dialog', { name: 'Share this plan as a link' });
    expect(dialog).toContainElement(screen.getByRole('textbox', { name: 'Permalink' }));
  });
});
