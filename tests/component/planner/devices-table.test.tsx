/**
 * Devices step, the table (issue 15, "Data entry at scale"): one row per device edited from the
 * keyboard, multi-select with a bulk "Assign to agent…" and an undoable bulk remove, names of
 * their own for every device's fields (table and cards), the agent a new device gets.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import type { Device } from '@/core/plan/model';
import { PlannerPage } from '@/features/planner/shell/planner-page';
import { useAppStore } from '@/state/store';

import { makeAgent, makeDevice, planWith } from '../../support/plan-builders';
import { renderRoutes } from '../../support/render-app';

vi.setConfig({ testTimeout: 90_000 });

const AGENTS = [
  makeAgent(1, { name: 'Agent NYC' }),
  makeAgent(2, { name: 'Agent LON' }),
  makeAgent(3, { name: 'Agent PAR' }),
];

function sixDevices(): Device[] {
  return [
    makeDevice('netapp-cmode', 1, { name: 'NetApp SVM1' }),
    makeDevice('netapp-cmode', 2, { name: 'NetApp SVM2' }),
    makeDevice('qumulo', 3, { name: 'Qumulo A', addresses: [] }),
    makeDevice('dell-isilon', 4, { name: 'Isilon B' }),
    makeDevice('sql-server', 5, { name: 'SQL C' }),
    makeDevice('windows-file-server', 6, { name: 'WFS D' }),
  ];
}

/** A large plan's devices: "Device 1" to "Device n", Qumulo and NetApp by turns. */
function manyDevices(n: number): Device[] {
  return Array.from({ length: n }, (_, i) =>
    makeDevice(i % 2 === 0 ? 'qumulo' : 'netapp-cmode', i + 1, { name: `Device ${i + 1}` }),
  );
}

/** The planner on the Devices step, opened on a plan that has `devices` already. */
async function renderDevices(devices: Device[] = sixDevices(), state?: unknown) {
  // The store is reset by the render: the plan is set before the step opens.
  const result = renderRoutes(
    [{ path: '/plan/:stepId', element: <PlannerPage /> }],
    '/plan/topology',
  );
  useAppStore.setState({ plan: planWith({ agents: AGENTS, devices }) });
  await act(() => result.router.navigate('/plan/devices', { state }));
  return result;
}

const plan = () => useAppStore.getState().plan;
const table = () => screen.getByRole('table', { name: /Your devices/ });

describe('devices table', () => {
  it('opens in the table past three devices, in the cards up to three', async () => {
    const { unmount } = await renderDevices();
    expect(table()).toBeVisible();
    expect(within(table()).getAllByRole('row')).toHaveLength(7);
    expect(screen.getByRole('button', { name: 'Table', pressed: true })).toBeVisible();
    unmount();
    await renderDevices(sixDevices().slice(0, 3));
    expect(screen.queryByRole('table', { name: /Your devices/ })).toBeNull();
    expect(screen.getByRole('group', { name: 'NetApp SVM1' })).toBeVisible();
  });

  it('gives every device field a name of its own, in the table and in the cards', async () => {
    const user = userEvent.setup({ delay: null });
    await renderDevices();
    expect(screen.getByLabelText('NetApp SVM1: Name')).toHaveValue('NetApp SVM1');
    expect(screen.getByLabelText('NetApp SVM1: Addresses')).toBeVisible();
    expect(screen.getByLabelText('NetApp SVM2: Agent server')).toHaveValue('agent-1');
    expect(screen.getByRole('checkbox', { name: 'Select SQL C' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove WFS D' })).toBeVisible();
    const names = within(table())
      .getAllByRole('textbox')
      .concat(within(table()).getAllByRole('combobox'))
      .map((e) => e.getAttribute('aria-label'));
    expect(new Set(names).size).toBe(names.length);

    await user.click(screen.getByRole('button', { name: 'Cards' }));
    expect(screen.queryByRole('table', { name: /Your devices/ })).toBeNull();
    expect(screen.getByLabelText('NetApp SVM1: Name')).toHaveValue('NetApp SVM1');
    expect(screen.getByLabelText('NetApp SVM2: Addresses or CIDR blocks')).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'NetApp SVM2: Agent server' })).toBeVisible();
    expect(screen.getAllByLabelText(/: Name$/)).toHaveLength(6);
    // The choice is remembered by the store (the step built again keeps it).
    expect(useAppStore.getState().deviceView).toBe('cards');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.queryByRole('table', { name: /Your devices/ })).toBeNull();
  });

  it('edits name, addresses and agent from the keyboard, Tab going along the row', async () => {
    const user = userEvent.setup({ delay: null });
    await renderDevices();
    const name = screen.getByLabelText('Qumulo A: Name');
    await user.click(name);
    await user.keyboard('{Control>}a{/Control}Qumulo NYC');
    expect(plan().devices[2]!.name).toBe('Qumulo NYC');
    await user.tab();
    const addresses = screen.getByLabelText('Qumulo NYC: Addresses');
    expect(addresses).toHaveFocus();
    await user.keyboard('10.2.9.1{Enter}bad_host');
    expect(plan().devices[2]!.addresses).toEqual(['10.2.9.1', 'bad_host']);
    // Nothing typed is lost; the problem shows under the cell.
    expect(addresses).toHaveAttribute('aria-invalid', 'true');
    expect(addresses).toHaveAccessibleDescription(/bad_host/);
    await user.tab();
    const agent = screen.getByLabelText('Qumulo NYC: Agent server');
    expect(agent).toHaveFocus();
    await user.selectOptions(agent, 'agent-3');
    expect(plan().devices[2]!.agentId).toBe('agent-3');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Remove Qumulo NYC' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('checkbox', { name: 'Select Isilon B' })).toHaveFocus();
  });

  it('selects rows (or all) and assigns them to an agent server in one change', async () => {
    const user = userEvent.setup({ delay: null });
    await renderDevices();
    const assign = screen.getByRole('button', { name: 'Assign to agent…' });
    expect(assign).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Select NetApp SVM2' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Isilon B' }));
    expect(screen.getByText('2 of 6 selected.')).toBeVisible();
    const before = plan();
    let changes = 0;
    const stop = useAppStore.subscribe((s, p) => {
      if (s.plan !== p.plan) changes += 1;
    });
    await user.click(assign);
    await user.click(screen.getByRole('menuitem', { name: /Agent LON/ }));
    stop();
    expect(changes).toBe(1);
    expect(plan().devices.map((d) => d.agentId)).toEqual([
      'agent-1',
      'agent-2',
      'agent-1',
      'agent-2',
      'agent-1',
      'agent-1',
    ]);
    expect(plan().devices[0]).toBe(before.devices[0]);
    // The selection is done with: the next bulk action starts from none.
    expect(screen.getByText('No device selected.')).toBeVisible();

    // Select all, then all to Agent PAR: every device monitored by an agent server moves.
    const all = screen.getByRole('checkbox', { name: 'Select all devices' });
    await user.click(screen.getByRole('checkbox', { name: 'Select SQL C' }));
    expect(all).toHaveAttribute('data-indeterminate', 'true');
    await user.click(all);
    expect(screen.getByText('6 of 6 selected.')).toBeVisible();
    await user.click(assign);
    await user.click(screen.getByRole('menuitem', { name: /Agent PAR/ }));
    expect(new Set(plan().devices.map((d) => d.agentId))).toEqual(new Set(['agent-3']));
  });

  it('gives a new device the agent server chosen last, and its name field the focus', async () => {
    const user = userEvent.setup({ delay: null });
    await renderDevices();
    // Without a choice: the first agent server.
    await user.selectOptions(screen.getByLabelText('Type of the new device'), 'qumulo');
    await user.click(screen.getByRole('button', { name: 'Add device' }));
    expect(plan().devices[6]).toMatchObject({ environment: 'qumulo', agentId: 'agent-1' });
    const added = screen.getByLabelText(`${plan().devices[6]!.name}: Name`);
    expect(added).toHaveFocus();
    await user.keyboard('Qumulo E');
    expect(plan().devices[6]!.name).toBe('Qumulo E');
    // Chosen for one device in its cell: the next device gets it.
    await user.selectOptions(screen.getByLabelText('SQL C: Agent server'), 'agent-2');
    await user.click(screen.getByRole('button', { name: 'Add device' }));
    expect(plan().devices[7]).toMatchObject({ environment: 'qumulo', agentId: 'agent-2' });
    // Chosen for many at once: the next device gets it too.
    await user.click(screen.getByRole('checkbox', { name: 'Select Isilon B' }));
    await user.click(screen.getByRole('button', { name: 'Assign to agent…' }));
    await user.click(screen.getByRole('menuitem', { name: /Agent PAR/ }));
    await user.click(screen.getByRole('button', { name: 'Add device' }));
    expect(plan().devices[8]!.agentId).toBe('agent-3');
  });

  it('removes the selected devices with an Undo that puts them back, edits kept', async () => {
    const user = userEvent.setup({ delay: null });
    await renderDevices();
    const original = plan().devices;
    await user.click(screen.getByRole('checkbox', { name: 'Select NetApp SVM1' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select SQL C' }));
    await user.click(screen.getByRole('button', { name: 'Remove selected' }));
    expect(plan().devices.map((d) => d.name)).toEqual([
      'NetApp SVM2',
      'Qumulo A',
      'Isilon B',
      'WFS D',
    ]);
    expect(screen.getByText('Removed 2 devices.')).toBeVisible();
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(undo).toHaveFocus();
    // An edit made before the undo stays.
    await user.type(screen.getByLabelText('Qumulo A: Addresses'), '10.2.9.9');
    await user.click(undo);
    expect(plan().devices.map((d) => d.name)).toEqual(original.map((d) => d.name));
    expect(plan().devices[0]).toEqual(original[0]);
    expect(plan().devices[2]!.addresses).toEqual(['10.2.9.9']);
    await waitFor(() => expect(screen.queryByText('Removed 2 devices.')).toBeNull());

    // One row's own Remove button is undoable the same way.
    await user.click(screen.getByRole('button', { name: 'Remove WFS D' }));
    expect(screen.getByText('Removed “WFS D”.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(plan().devices.map((d) => d.name)).toEqual(original.map((d) => d.name));
  });

  it('opens the cards for "Go to field" on a device\'s own tenant', async () => {
    const { router } = renderRoutes(
      [{ path: '/plan/:stepId', element: <PlannerPage /> }],
      '/plan/topology',
    );
    useAppStore.setState({ plan: planWith({ agents: AGENTS, devices: sixDevices() }) });
    act(() => {
      useAppStore.getState().addDevice('exchange-online', 'EXO');
      useAppStore.getState().updateDevice(plan().devices[6]!.id, { tenant: 'fab rikam' });
    });
    await act(() =>
      router.navigate('/plan/devices', { state: { focusField: 'devices.6.tenant' } }),
    );
    expect(screen.getByLabelText('EXO: Other tenant')).toHaveFocus();
  });
});

// jsdom has no layout: the rows count as their estimated height and the window is jsdom's
// 1024 × 768, so a window of rows is rendered, which these tests count.
describe('devices table of a large plan (issue 18)', () => {
  const rows = () => within(table()).getAllByRole('row');

  it('renders only the rows near the viewport, with the count for screen readers', async () => {
    await renderDevices(manyDevices(500));
    expect(table()).toHaveAccessibleName(/Your devices \(500\)/);
    expect(table()).toHaveAttribute('aria-rowcount', '501');
    // The header row and a window of devices (not 500 rows, 39,000 elements).
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThan(60);
    expect(rows()[0]).toHaveAttribute('aria-rowindex', '1');
    expect(rows()[1]).toHaveAttribute('aria-rowindex', '2');
    expect(screen.getByLabelText('Device 1: Name')).toHaveValue('Device 1');
    expect(screen.queryByLabelText('Device 500: Name')).toBeNull();
    // The rows not rendered are stood in for by a spacer of their height, hidden.
    const spacer = table().querySelector<HTMLElement>('tr[data-spacer]');
    expect(spacer).toHaveAttribute('aria-hidden', 'true');
    expect(parseFloat(spacer!.style.height)).toBeGreaterThan(400 * 50);
  });

  it('renders the rows of where the page is scrolled, the focused row kept', async () => {
    await renderDevices(manyDevices(500));
    const first = screen.getByLabelText('Device 1: Name');
    act(() => first.focus());
    // The table body at the top of the page, which scrolls down 300 estimated rows.
    const body = vi
      .spyOn(HTMLTableSectionElement.prototype, 'getBoundingClientRect')
      .mockImplementation(() => {
        const top = -window.scrollY;
        return { top, y: top, left: 0, x: 0, width: 1000, height: 26_500 } as DOMRect;
      });
    act(() => {
      Object.defineProperty(window, 'scrollY', { value: 300 * 53, configurable: true });
      fireEvent.scroll(window);
    });
    try {
      await waitFor(() => expect(screen.getByLabelText('Device 301: Name')).toBeInTheDocument());
      expect(screen.queryByLabelText('Device 100: Name')).toBeNull();
      expect(first).toBeInTheDocument();
      expect(first).toHaveFocus();
      expect(rows().length).toBeLessThan(60);
      const indexes = rows().map((r) => Number(r.getAttribute('aria-rowindex')));
      expect(indexes.slice(0, 3)).toEqual([1, 2, expect.any(Number)]);
      expect(indexes[2]).toBeGreaterThan(250);
    } finally {
      body.mockRestore();
      Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
    }
  });

  it('goes along a row and on to the next from the keyboard', async () => {
    const user = userEvent.setup({ delay: null });
    await renderDevices(manyDevices(500));
    await user.click(screen.getByLabelText('Device 1: Name'));
    await user.tab();
    expect(screen.getByLabelText('Device 1: Addresses')).toHaveFocus();
    await user.tab();
    expect(screen.getByLabelText('Device 1: Agent server')).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Remove Device 1' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('checkbox', { name: 'Select Device 2' })).toHaveFocus();
  });

  it('selects all 500 devices, not only the rendered ones, for a bulk assign', async () => {
    const user = userEvent.setup({ delay: null });
    await renderDevices(manyDevices(500));
    await user.click(screen.getByRole('checkbox', { name: 'Select Device 3' }));
    expect(screen.getByText('1 of 500 selected.')).toBeVisible();
    await user.click(screen.getByRole('checkbox', { name: 'Select all devices' }));
    expect(screen.getByText('500 of 500 selected.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Assign to agent…' }));
    await user.click(screen.getByRole('menuitem', { name: /Agent LON/ }));
    expect(plan().devices).toHaveLength(500);
    expect(plan().devices.every((d) => d.agentId === 'agent-2')).toBe(true);

    await user.click(screen.getByRole('checkbox', { name: 'Select all devices' }));
    await user.click(screen.getByRole('button', { name: 'Remove selected' }));
    expect(plan().devices).toEqual([]);
    expect(screen.getByText('Removed 500 devices.')).toBeVisible();
  });

  it('renders and focuses a device far down the table for "Go to field"', async () => {
    await renderDevices(manyDevices(500), { focusField: 'devices.420.addresses' });
    expect(screen.getByLabelText('Device 421: Addresses')).toHaveFocus();
    // Its row alone, not every row up to it.
    expect(screen.queryByLabelText('Device 300: Name')).toBeNull();
    expect(rows().length).toBeLessThan(60);
    const row = screen.getByLabelText('Device 421: Addresses').closest('tr');
    expect(row).toHaveAttribute('aria-rowindex', '422');
  });

  it('focuses the name of a device added at the end of a large table', async () => {
    const user = userEvent.setup({ delay: null });
    await renderDevices(manyDevices(500));
    await user.selectOptions(screen.getByLabelText('Type of the new device'), 'qumulo');
    await user.click(screen.getByRole('button', { name: 'Add device' }));
    expect(plan().devices).toHaveLength(501);
    expect(screen.getByLabelText(`${plan().devices[500]!.name}: Name`)).toHaveFocus();
    expect(rows().length).toBeLessThan(60);
  });
});
