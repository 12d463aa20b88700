/**
 * Devices step, "Paste from spreadsheet" (issue 15): a preview of the pasted rows with every bad
 * cell listed by row and column; nothing changes until "Add"; Cancel keeps the text.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { PlannerPage } from '@/features/planner/shell/planner-page';
import { useAppStore } from '@/state/store';

import { makeAgent, planWith } from '../../support/plan-builders';
import { renderRoutes } from '../../support/render-app';

vi.setConfig({ testTimeout: 20_000 });

function renderDevices() {
  const result = renderRoutes(
    [{ path: '/plan/:stepId', element: <PlannerPage /> }],
    '/plan/devices',
  );
  useAppStore.setState({
    plan: planWith({
      agents: [makeAgent(1, { name: 'Agent NYC' }), makeAgent(2, { name: 'Agent LON' })],
      devices: [],
    }),
  });
  return result;
}

const BAD = [
  'name\ttype\taddresses\tagent',
  'Filer 1\tNetApp ONTAP\t10.0.0.1\tagent nyc',
  'Filer 2\tNetAp\t10.0.0.2\tAgent LON',
  'Filer 3\tIsilon\t10.0.0.3\tAgent LUN',
].join('\n');

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Paste from spreadsheet' }));
  return screen.findByRole('dialog', { name: 'Paste devices from a spreadsheet' });
}

describe('devices step: paste from spreadsheet', () => {
  it('lists every bad cell by row and column and adds nothing while one is bad', async () => {
    const user = userEvent.setup({ delay: null });
    renderDevices();
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByLabelText('Spreadsheet rows'));
    await user.paste(BAD);

    const problems = await within(dialog).findByRole('list', { name: 'Bad cells' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Row 3, column type: "NetAp" is not a platform; did you mean NetApp Data ONTAP 7-Mode or NetApp Data ONTAP Cluster-Mode?',
      'Row 4, column agent: The plan has no agent server named "Agent LUN"; did you mean "Agent LON"? (agent servers are added on the Topology step).',
    ]);
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      '3 rows: 2 problems to fix before adding (1 row ready).',
    );
    const preview = within(dialog).getByRole('region', { name: 'Preview of the pasted rows' });
    expect(within(preview).getAllByRole('img', { name: 'Bad cell:' })).toHaveLength(2);
    expect(within(dialog).getByRole('button', { name: 'Add 3 devices' })).toBeDisabled();
    expect(useAppStore.getState().plan.devices).toEqual([]);
  });

  it('adds the devices in one change once the cells are fixed', async () => {
    const user = userEvent.setup({ delay: null });
    renderDevices();
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByLabelText('Spreadsheet rows'));
    await user.paste(BAD.replace('NetAp\t', 'NetApp 7-Mode\t').replace('Agent LUN', 'AGENT NYC'));

    const add = await within(dialog).findByRole('button', { name: 'Add 3 devices' });
    await waitFor(() => expect(add).toBeEnabled());
    await user.click(add);

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const devices = useAppStore.getState().plan.devices;
    expect(devices.map((d) => [d.name, d.environment, d.agentId])).toEqual([
      ['Filer 1', 'netapp-cmode', 'agent-1'],
      ['Filer 2', 'netapp-7mode', 'agent-2'],
      ['Filer 3', 'dell-isilon', 'agent-1'],
    ]);
    expect(screen.getByText('Added 3 devices from the spreadsheet.')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { name: 'NetApp Data ONTAP 7-Mode' })).toHaveLength(1);
  });

  it('Cancel changes nothing and keeps the pasted text for next time', async () => {
    const user = userEvent.setup({ delay: null });
    renderDevices();
    const before = useAppStore.getState().plan;
    let dialog = await openDialog(user);
    await user.click(within(dialog).getByLabelText('Spreadsheet rows'));
    await user.paste(BAD);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(useAppStore.getState().plan).toBe(before);

    dialog = await openDialog(user);
    expect(within(dialog).getByLabelText('Spreadsheet rows')).toHaveValue(BAD);
  });

  it('reads a .csv file chosen with the file picker', async () => {
    const user = userEvent.setup({ delay: null });
    renderDevices();
    const dialog = await openDialog(user);
    const file = new File(
      ['name,type,addresses,agent\nSQL 1,SQL Server,10.0.0.9,Agent LON\n'],
      'devices.csv',
      {
        type: 'text/csv',
      },
    );
    const input = dialog.querySelector<HTMLInputElement>('input[type="file"]');
    expect(input).not.toBeNull();
    await user.upload(input!, file);
    expect(await within(dialog).findByRole('button', { name: 'Add 1 device' })).toBeEnabled();
  });
});
