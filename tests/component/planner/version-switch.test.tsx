/**
 * Topology step: switching the Activity Monitor version when the plan holds devices or
 * integrations the target version does not have asks first (Remove, or keep the version).
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import type { Plan } from '@/core/plan/model';
import { PlannerPage } from '@/features/planner/shell/planner-page';
import { useAppStore } from '@/state/store';

import { makeDevice, planWith } from '../../support/plan-builders';
import { renderRoutes } from '../../support/render-app';

vi.setConfig({ testTimeout: 20_000 });

function renderTopology() {
  return renderRoutes([{ path: '/plan/:stepId', element: <PlannerPage /> }], '/plan/topology');
}

function seed(plan: Plan) {
  act(() => useAppStore.getState().setPlan(plan));
}

async function chooseVersion(user: ReturnType<typeof userEvent.setup>, version: string) {
  await user.click(screen.getByRole('combobox', { name: 'Activity Monitor version' }));
  await user.click(await screen.findByRole('option', { name: version }));
}

describe('switching the Activity Monitor version', () => {
  it('asks before removing the devices the target version lacks; Keep cancels the switch', async () => {
    const user = userEvent.setup({ delay: null });
    renderTopology();
    seed(
      planWith({
        amVersion: '10.0',
        devices: [
          makeDevice('ctera', 1, { name: 'CTERA' }),
          makeDevice('qumulo', 2, { name: 'Qumulo' }),
        ],
      }),
    );
    await chooseVersion(user, '7.1');
    const dialog = await screen.findByRole('dialog', { name: 'Switch to Activity Monitor 7.1?' });
    expect(dialog).toHaveTextContent('CTERA is not available in 7.1. Remove it, or keep 10.0?');
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Device "CTERA" (CTERA)']);
    // Nothing changed while the question is open.
    expect(useAppStore.getState().plan.amVersion).toBe('10.0');
    await user.click(within(dialog).getByRole('button', { name: 'Keep 10.0' }));
    expect(useAppStore.getState().plan.amVersion).toBe('10.0');
    expect(useAppStore.getState().plan.devices.map((d) => d.name)).toEqual(['CTERA', 'Qumulo']);
  });

  it('Remove takes out every affected device and integration and switches, in one change', async () => {
    const user = userEvent.setup({ delay: null });
    renderTopology();
    const base = planWith({
      amVersion: '10.0',
      devices: [
        makeDevice('ctera', 1, { name: 'CTERA' }),
        makeDevice('qumulo', 2, { name: 'Qumulo' }),
        makeDevice('ctera', 3, { name: 'Edge filer "Paris"' }),
        makeDevice('cohesity', 4, { name: 'Cohesity' }),
      ],
    });
    seed({
      ...base,
      integrations: {
        ...base.integrations,
        accessAnalyzer: { ...base.integrations.accessAnalyzer, enabled: true, edition: 'aa26' },
      },
    });
    const changes: Plan[] = [];
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.plan !== prev.plan) changes.push(s.plan);
    });
    await chooseVersion(user, '7.1');
    const dialog = await screen.findByRole('dialog', { name: 'Switch to Activity Monitor 7.1?' });
    expect(dialog).toHaveTextContent(
      'CTERA, Cohesity SmartFiles and Access Analyzer 26 are not available in 7.1. Remove them, or keep 10.0?',
    );
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Device "CTERA" (CTERA)',
      'Device "Edge filer \\"Paris\\"" (CTERA)',
      'Device "Cohesity" (Cohesity SmartFiles)',
      'Integration Access Analyzer 26 (switched off)',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Remove and switch to 7.1' }));
    unsubscribe();
    expect(changes).toHaveLength(1);
    const plan = useAppStore.getState().plan;
    expect(plan.amVersion).toBe('7.1');
    expect(plan.devices.map((d) => d.name)).toEqual(['Qumulo']);
    expect(plan.integrations.accessAnalyzer.enabled).toBe(false);
  });

  it('switches without asking when nothing is lost', async () => {
    const user = userEvent.setup({ delay: null });
    renderTopology();
    seed(planWith({ amVersion: '10.0', devices: [makeDevice('qumulo', 1)] }));
    await chooseVersion(user, '8.0');
    expect(useAppStore.getState().plan.amVersion).toBe('8.0');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('Access Analyzer editions', () => {
  it('each edition says which product it is', async () => {
    const user = userEvent.setup({ delay: null });
    renderTopology();
    await user.click(screen.getByRole('switch', { name: 'Netwrix Access Analyzer' }));
    expect(
      screen.getByRole('radio', { name: 'Access Analyzer (classic)' }),
    ).toHaveAccessibleDescription(/12\.0 or earlier \(formerly StealthAUDIT\)/);
    expect(screen.getByRole('radio', { name: 'Access Analyzer 26' })).toHaveAccessibleDescription(
      /Linux virtual machine.*Activity Monitor 10\.0/,
    );
  });
});
