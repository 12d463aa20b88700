/**
 * Named Dell CEE servers (plan format 4): the Topology step's list and a Dell device's CEE
 * select on the Options step.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { createDefaultPlan } from '@/core/plan/model';
import { PlannerPage } from '@/features/planner/shell/planner-page';
import { useAppStore } from '@/state/store';

import { makeDevice } from '../../support/plan-builders';
import { renderRoutes } from '../../support/render-app';

function renderPlanner(url: string) {
  return renderRoutes([{ path: '/plan/:stepId', element: <PlannerPage /> }], url);
}

vi.setConfig({ testTimeout: 30_000 });

function twoDellDevices(): void {
  act(() => {
    useAppStore.getState().setPlan({
      ...createDefaultPlan(),
      ceeServers: [{ id: 'cee-1', name: 'CEE-01', address: '10.0.0.5', os: 'windows' }],
      devices: [
        makeDevice('dell-isilon', 1, {
          name: 'ISILON01',
          options: { ceePlacement: 'separate', ceeServer: 'cee-1' },
        }),
        makeDevice('dell-unity', 2, {
          name: 'UNITY01',
          options: { ceePlacement: 'separate', ceeServer: 'cee-1' },
        }),
      ],
    });
  });
}

describe('Topology step: CEE servers', () => {
  it('adds, renames and chooses the OS of CEE servers', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner('/plan/topology');
    const add = screen.getByRole('button', { name: 'Add CEE server' });
    await user.click(add);
    // The new CEE server's name takes the focus: type it straight away.
    expect(screen.getByLabelText('CEE server 1 name')).toHaveFocus();
    await user.click(add);
    expect(screen.getByLabelText('CEE server 2 name')).toHaveFocus();
    const list = screen.getByRole('list', { name: 'CEE servers' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    const name = screen.getByLabelText('CEE server 1 name');
    await user.clear(name);
    await user.type(name, 'CEE-01');
    await user.type(screen.getByLabelText('CEE server 1 address'), '10.0.0.5');
    expect(useAppStore.getState().plan.ceeServers[0]).toEqual({
      id: 'cee-1',
      name: 'CEE-01',
      address: '10.0.0.5',
      os: 'windows',
    });
    await user.click(screen.getByLabelText('CEE server 2 operating system'));
    await user.click(screen.getByRole('option', { name: /Linux/ }));
    expect(useAppStore.getState().plan.ceeServers[1]?.os).toBe('linux');
  });

  it('asks before removing a CEE server in use, naming its devices', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner('/plan/topology');
    twoDellDevices();
    expect(screen.getByText(/Used by .ISILON01., .UNITY01./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove CEE server 1 (CEE-01)' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent(/ISILON01.*UNITY01/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(useAppStore.getState().plan.ceeServers).toHaveLength(1);
    // The dialog closes (its transition ends) before the page answers again.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Remove CEE server 1 (CEE-01)' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }));
    expect(useAppStore.getState().plan.ceeServers).toEqual([]);
    // The devices keep their choice: the plan checks say it is gone (no silent fallback).
    expect(useAppStore.getState().plan.devices[0]?.options.ceeServer).toBe('cee-1');
  });
});

describe('Options step: a Dell device’s CEE location', () => {
  it('offers the agent server and each named CEE server in one list, and writes both options', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner('/plan/options');
    twoDellDevices();
    act(() => useAppStore.getState().addCeeServer());
    const selects = screen.getAllByLabelText<HTMLSelectElement>('CEE location');
    expect(selects).toHaveLength(2);
    expect(selects[0]?.selectedOptions[0]).toHaveTextContent('On CEE-01 (10.0.0.5)');
    // No second field for the CEE server: it is part of the location.
    expect(screen.queryByLabelText('CEE server')).toBeNull();
    const second = selects[1] as HTMLSelectElement;
    expect(
      within(second)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['On the agent server', 'On CEE-01 (10.0.0.5)', 'On CEE server 2']);
    await user.selectOptions(second, 'On CEE server 2');
    expect(useAppStore.getState().plan.devices[1]?.options).toMatchObject({
      ceePlacement: 'separate',
      ceeServer: 'cee-2',
    });
    await user.selectOptions(selects[0] as HTMLSelectElement, 'On the agent server');
    // Back on the agent server; the device keeps its CEE server for later (no silent loss).
    expect(useAppStore.getState().plan.devices[0]?.options).toMatchObject({
      ceePlacement: 'agent',
      ceeServer: 'cee-1',
    });
  });

  it('says when the chosen CEE server is no longer in the plan', () => {
    renderPlanner('/plan/options');
    twoDellDevices();
    act(() => useAppStore.getState().removeCeeServer('cee-1'));
    expect(
      screen.getAllByText('The CEE server this device named is no longer in the plan: choose one.'),
    ).toHaveLength(2);
  });

  it('says where to add one when the plan has no CEE server', () => {
    renderPlanner('/plan/options');
    act(() => {
      useAppStore.getState().setPlan({
        ...createDefaultPlan(),
        devices: [makeDevice('dell-unity', 1, { options: { ceePlacement: 'separate' } })],
      });
    });
    expect(screen.getByText(/the plan has none: add one on the Topology step/)).toBeInTheDocument();
  });
});
