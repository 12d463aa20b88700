/**
 * Topology step, plan format 3 parts: additional Console instances (review 2, M4) and Threat
 * Prevention for NAS among the integrations (M10).
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import { PlannerPage } from '@/features/planner/shell/planner-page';
import { useAppStore } from '@/state/store';

import { makeDevice } from '../../support/plan-builders';
import { renderRoutes } from '../../support/render-app';

function renderPlanner(url = '/plan/topology') {
  return renderRoutes([{ path: '/plan/:stepId', element: <PlannerPage /> }], url);
}

function checkFields(): string[] {
  return resolvePlan(useAppStore.getState().plan, getCatalog()).checks.map((c) => c.field);
}

vi.setConfig({ testTimeout: 20_000 });

describe('topology step: additional consoles', () => {
  it('adds consoles with their own fields and says a missing address next to each', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    expect(screen.queryByLabelText('Console 2 address')).toBeNull();
    const add = screen.getByRole('button', { name: 'Add console' });
    expect(add).toHaveAccessibleDescription(/every console gets the console’s connections/);
    await user.click(add);
    await user.click(add);
    expect(screen.getByLabelText('Console 2 name')).toHaveValue('Activity Monitor Console 2');
    expect(screen.getByLabelText('Console 3 name')).toHaveValue('Activity Monitor Console 3');
    // A missing address is said next to the field, with the placeholder the rules show.
    expect(
      screen.getAllByText(/No address yet: the rules will show “Activity Monitor Console”/),
    ).toHaveLength(3);
    const list = screen.getByRole('list', { name: 'Additional consoles' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
  });

  it('keeps what is typed, marks a bad address, and removes a console', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    act(() => {
      useAppStore.getState().addConsole();
      useAppStore.getState().addConsole();
    });
    await user.click(screen.getByLabelText('Console 2 address'));
    await user.paste('10.0.0.11');
    await user.click(screen.getByLabelText('Console 3 address'));
    await user.paste('bad host!');
    expect(screen.getByLabelText('Console 3 address')).toHaveAttribute('aria-invalid', 'true');
    expect(useAppStore.getState().plan.additionalConsoles).toEqual([
      { name: 'Activity Monitor Console 2', address: '10.0.0.11' },
      { name: 'Activity Monitor Console 3', address: 'bad host!' },
    ]);
    expect(checkFields()).toContain('additionalConsoles.1.address');

    await user.click(
      screen.getByRole('button', { name: 'Remove console 2 (Activity Monitor Console 2)' }),
    );
    expect(useAppStore.getState().plan.additionalConsoles).toEqual([
      { name: 'Activity Monitor Console 3', address: 'bad host!' },
    ]);
    expect(screen.getByLabelText('Console 2 address')).toHaveValue('bad host!');
  });

  it('each console gets the console rule to the agents', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    await user.type(screen.getByLabelText('Console address'), '10.0.0.10');
    await user.click(screen.getByRole('button', { name: 'Add console' }));
    await user.type(screen.getByLabelText('Console 2 address'), '10.0.0.11');
    const rule = resolvePlan(useAppStore.getState().plan, getCatalog()).rules.find((r) =>
      r.reasons.some((x) => x.ruleId === 'core-console-agent'),
    );
    expect(rule?.source.hosts.map((h) => h.address)).toEqual(['10.0.0.10', '10.0.0.11']);
  });

  it('focuses an additional console address a review check points to', async () => {
    const { router } = renderPlanner('/plan/devices');
    act(() => {
      useAppStore.getState().addConsole();
    });
    await act(() =>
      router.navigate('/plan/topology', {
        state: { focusField: 'additionalConsoles.0.address' },
      }),
    );
    expect(screen.getByLabelText('Console 2 address')).toHaveFocus();
  });
});

describe('topology step: Threat Prevention for NAS', () => {
  it('is off by default; switched on it asks for the Enterprise Manager', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    const tp = screen.getByRole('switch', { name: 'Netwrix Threat Prevention for NAS' });
    expect(tp).not.toBeChecked();
    expect(tp).toHaveAccessibleDescription(/Enterprise Manager \(gRPC TCP 3741\)/);
    expect(screen.queryByLabelText('Enterprise Manager address')).toBeNull();
    await user.click(tp);
    expect(tp).toBeChecked();
    expect(
      screen.getByText(
        /No address yet: the rules will show “Threat Prevention Enterprise Manager”/,
      ),
    ).toBeVisible();
    expect(checkFields()).toContain('integrations.threatPrevention.address');
    await user.type(screen.getByLabelText('Enterprise Manager address'), 'tp-em.corp.example');
    expect(useAppStore.getState().plan.integrations.threatPrevention).toEqual({
      enabled: true,
      name: 'Threat Prevention Enterprise Manager',
      address: 'tp-em.corp.example',
    });
  });

  it('says when no device is a NAS platform Threat Prevention supports, or Threat Manager is off', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    await user.click(screen.getByRole('switch', { name: 'Netwrix Threat Prevention for NAS' }));
    expect(screen.getByText(/No device of this plan is a NAS platform/)).toHaveTextContent(
      /NetApp Data ONTAP Cluster-Mode/,
    );
    expect(screen.getByText(/Threat Manager is off/)).toBeVisible();
    act(() => {
      useAppStore.setState((s) => ({
        plan: { ...s.plan, devices: [makeDevice('netapp-cmode', 1)] },
      }));
    });
    expect(screen.queryByText(/No device of this plan is a NAS platform/)).toBeNull();
    await user.click(screen.getByRole('switch', { name: 'Netwrix Threat Manager' }));
    expect(screen.queryByText(/Threat Manager is off/)).toBeNull();
  });
});
