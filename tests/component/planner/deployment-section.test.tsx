import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import { PlannerPage } from '@/features/planner/shell/planner-page';
import { useAppStore } from '@/state/store';

import { renderRoutes } from '../../support/render-app';

function renderPlanner(url = '/plan/topology') {
  return renderRoutes([{ path: '/plan/:stepId', element: <PlannerPage /> }], url);
}

vi.setConfig({ testTimeout: 20_000 });

describe('topology step: agent deployment and settings', () => {
  it('has its own section after the integrations', () => {
    renderPlanner();
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings.slice(-2)).toEqual(['Integrations', 'Agent deployment and settings']);
  });

  it('switches push install on and off, with the help as the description', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    const push = screen.getByRole('switch', {
      name: 'Agents are deployed from the console (push install)',
    });
    expect(push).toHaveAccessibleDescription(/SMB 445 and WMI to every Windows agent host/);
    await user.click(push);
    expect(push).toBeChecked();
    await user.click(push);
    expect(push).not.toBeChecked();
  });

  it('shows the proxy fields only when switched on; the port starts at 8080 and must be valid', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    expect(screen.queryByLabelText('Proxy address')).toBeNull();
    const proxy = screen.getByRole('switch', { name: 'Network proxy for Microsoft cloud traffic' });
    await user.click(proxy);
    expect(proxy).toBeChecked();
    expect(screen.getByText(/No address yet: the rules will show “Network proxy”/)).toBeVisible();
    await user.type(screen.getByLabelText('Proxy address'), 'proxy.corp.example.com');
    expect(screen.getByLabelText('Proxy address')).toHaveValue('proxy.corp.example.com');

    const port = screen.getByLabelText('Proxy port');
    expect(port).toHaveValue('8080');
    expect(screen.getByText(/8080 is only a common default/)).toBeVisible();
    await user.clear(port);
    await user.type(port, '70000');
    expect(screen.getByText(/"70000" is not a valid port/)).toBeVisible();
    expect(port).toHaveAttribute('aria-invalid', 'true');
    // Kept as typed (the field shows the plan's value); the plan checks report it and no rule
    // uses it (never 8080 in its place).
    expect(port).toHaveValue('70000');
    expect(
      resolvePlan(useAppStore.getState().plan, getCatalog()).checks.map((c) => c.field),
    ).toContain('deployment.proxy.port');
    await user.clear(port);
    await user.type(port, '3128');
    expect(port).toHaveValue('3128');
    expect(port).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/8080 is only a common default/)).toBeVisible();

    await user.clear(screen.getByLabelText('Proxy address'));
    await user.type(screen.getByLabelText('Proxy address'), 'proxy corp');
    expect(screen.getByLabelText('Proxy address')).toHaveAttribute('aria-invalid', 'true');
  });

  it('asks for the archive server when archiving is switched on', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    expect(screen.queryByLabelText('Archive server address')).toBeNull();
    const archive = screen.getByRole('switch', { name: 'Archive logs to a network share' });
    await user.click(archive);
    expect(archive).toBeChecked();
    await user.type(screen.getByLabelText('Archive server address'), '10.5.0.1');
    expect(screen.getByLabelText('Archive server address')).toHaveValue('10.5.0.1');
    await user.click(archive);
    expect(archive).not.toBeChecked();
    expect(screen.queryByLabelText('Archive server address')).toBeNull();
    // Switched off, the server is kept: switched on again, the fields show it as it was.
    await user.click(archive);
    expect(screen.getByLabelText('Archive server name')).toHaveValue('Archive server');
    expect(screen.getByLabelText('Archive server address')).toHaveValue('10.5.0.1');
  });

  it('focuses the proxy address a review check points to', async () => {
    const { router } = renderPlanner('/plan/devices');
    act(() => {
      useAppStore.getState().setDeployment({ proxy: { enabled: true } });
    });
    await act(() =>
      router.navigate('/plan/topology', { state: { focusField: 'deployment.proxy.address' } }),
    );
    expect(screen.getByLabelText('Proxy address')).toHaveFocus();
  });
});
