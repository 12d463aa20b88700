/**
 * Topology step, "Paste agent servers from a spreadsheet" (issue 15): a preview with every bad
 * cell by row and column; nothing changes until "Add"; then all are added in one change.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { PlannerPage } from '@/features/planner/shell/planner-page';
import { useAppStore } from '@/state/store';

import { makeAgent, planWith } from '../../support/plan-builders';
import { renderRoutes } from '../../support/render-app';

vi.setConfig({ testTimeout: 90_000 });

const plan = () => useAppStore.getState().plan;

function renderTopology() {
  return renderRoutes([{ path: '/plan/:stepId', element: <PlannerPage /> }], '/plan/topology');
}

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Paste agent servers from a spreadsheet' }));
  return screen.findByRole('dialog', { name: 'Paste agent servers from a spreadsheet' });
}

describe('topology step: paste agent servers', () => {
  it('lists bad cells by row and column, adds nothing until fixed, then all in one change', async () => {
    const user = userEvent.setup({ delay: null });
    renderTopology();
    act(() => {
      useAppStore.setState({ plan: planWith({ agents: [makeAgent(1, { name: 'Agent NYC' })] }) });
    });
    const dialog = await openDialog(user);
    const text = within(dialog).getByLabelText('Spreadsheet rows');
    await user.click(text);
    await user.paste(
      ['name\taddress', 'agent nyc\t10.1.0.2', 'Agent LON\t10.1.0.300', 'Agent PAR\t'].join('\n'),
    );
    const problems = await within(dialog).findByRole('list', { name: 'Bad cells' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Row 2, column name: "agent nyc" is already an agent server of the plan.',
      expect.stringMatching(/^Row 3, column address: .*10\.1\.0\.300/),
    ]);
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      '3 rows: 2 problems to fix before adding (1 row ready).',
    );
    expect(within(dialog).getByRole('button', { name: 'Add 3 agent servers' })).toBeDisabled();
    expect(plan().agents).toHaveLength(1);

    await user.clear(text);
    await user.paste(
      ['name\taddress', 'Agent SIN\t10.1.0.4', 'Agent LON\t10.1.0.3', 'Agent PAR\t'].join('\n'),
    );
    const add = await within(dialog).findByRole('button', { name: 'Add 3 agent servers' });
    await waitFor(() => expect(add).toBeEnabled());
    let changes = 0;
    const stop = useAppStore.subscribe((s, p) => {
      if (s.plan !== p.plan) changes += 1;
    });
    await user.click(add);
    stop();
    expect(changes).toBe(1);
    expect(plan().agents.map((a) => [a.name, a.address])).toEqual([
      ['Agent NYC', '10.1.0.2'],
      ['Agent SIN', '10.1.0.4'],
      ['Agent LON', '10.1.0.3'],
      ['Agent PAR', ''],
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('Added 3 agent servers from the spreadsheet.')).toBeVisible();
    expect(screen.getByLabelText('Agent server 4 name')).toHaveValue('Agent PAR');
  });

  it('replaces the empty agent server of a new plan, saying so first', async () => {
    const user = userEvent.setup({ delay: null });
    renderTopology();
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByLabelText('Spreadsheet rows'));
    await user.paste('name,address\nAgent NYC,10.1.0.1\nAgent LON,10.1.0.2');
    expect(
      await within(dialog).findByText(
        /replace the empty “Agent server 1” the new plan started with/,
      ),
    ).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Add 2 agent servers' }));
    expect(plan().agents.map((a) => a.name)).toEqual(['Agent NYC', 'Agent LON']);
  });

  it('Cancel changes nothing and keeps the text for next time', async () => {
    const user = userEvent.setup({ delay: null });
    renderTopology();
    const before = plan();
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByLabelText('Spreadsheet rows'));
    await user.paste('name\taddress\nAgent NYC\t');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(plan()).toBe(before);
    const again = await openDialog(user);
    expect(within(again).getByLabelText('Spreadsheet rows')).toHaveValue(
      'name\taddress\nAgent NYC\t',
    );
  });
});
