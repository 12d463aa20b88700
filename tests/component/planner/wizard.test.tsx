import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import { HomePage } from '@/features/home/home-page';
import { PlannerPage } from '@/features/planner/shell/planner-page';
import { useAppStore } from '@/state/store';

import { renderRoutes } from '../../support/render-app';

/** Fields of the plan checks with errors, as the review reports them. */
function checkFields(): string[] {
  return resolvePlan(useAppStore.getState().plan, getCatalog())
    .checks.filter((c) => c.severity === 'error')
    .map((c) => c.field);
}

function renderPlanner(url = '/plan/topology') {
  return renderRoutes(
    [
      { path: '/', element: <HomePage /> },
      { path: '/plan/:stepId', element: <PlannerPage /> },
    ],
    url,
  );
}

const plan = () => useAppStore.getState().plan;

/** The agent server names the topology step shows. */
const agentNames = () =>
  screen.getAllByLabelText(/^Agent server \d+ name$/).map((e) => (e as HTMLInputElement).value);

/** The device display names the devices step shows. */
const deviceNames = () =>
  screen.queryAllByLabelText(/: Name$/).map((e) => (e as HTMLInputElement).value);

// MUI under jsdom is slow; these journeys click a lot.
vi.setConfig({ testTimeout: 20_000 });

describe('wizard shell', () => {
  it('replaces an unknown step id with the topology step', async () => {
    const { router } = renderPlanner('/plan/nope');
    expect(await screen.findByRole('heading', { level: 2, name: 'Topology' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/plan/topology');
    expect(router.state.historyAction).toBe('REPLACE');
  });

  it('moves with Next, Back and the step headers, the route following', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = renderPlanner();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(router.state.location.pathname).toBe('/plan/devices');
    expect(screen.getByRole('heading', { level: 2, name: 'Devices' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(router.state.location.pathname).toBe('/plan/options');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(router.state.location.pathname).toBe('/plan/devices');
    const steps = screen.getByRole('navigation', { name: 'Planner steps' });
    await user.click(within(steps).getByRole('tab', { name: /Review & export/ }));
    expect(router.state.location.pathname).toBe('/plan/review');
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    await act(() => router.navigate(-1));
    expect(router.state.location.pathname).toBe('/plan/devices');
  });

  it('disables Back on the first step and marks the current step', () => {
    renderPlanner();
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
    const steps = screen.getByRole('navigation', { name: 'Planner steps' });
    expect(within(steps).getByRole('tab', { name: /Topology/ })).toHaveAttribute(
      'aria-current',
      'step',
    );
  });
});

describe('page title', () => {
  it('names the step and the plan on every step; a long name is shortened', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    expect(document.title).toBe(`Topology · ${plan().name} · Activity Monitor Firewall Planner`);
    act(() => useAppStore.setState({ plan: { ...plan(), name: ' ' } }));
    expect(document.title).toBe('Topology · Untitled plan · Activity Monitor Firewall Planner');
    act(() => useAppStore.setState({ plan: { ...plan(), name: 'Head office' } }));
    expect(document.title).toBe('Topology · Head office · Activity Monitor Firewall Planner');
    for (const title of ['Devices', 'Options', 'Network', 'Review & export']) {
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await waitFor(() =>
        expect(document.title).toBe(`${title} · Head office · Activity Monitor Firewall Planner`),
      );
    }
    act(() => useAppStore.setState({ plan: { ...plan(), name: 'N'.repeat(100) } }));
    expect(document.title).toBe(
      `Review & export · ${'N'.repeat(60)}… · Activity Monitor Firewall Planner`,
    );
  });
});

describe('honest stepper', () => {
  const stepTab = (name: RegExp) =>
    within(screen.getByRole('navigation', { name: 'Planner steps' })).getByRole('tab', { name });

  it('shows the count of problems instead of a tick on a passed step, in its accessible name', () => {
    renderPlanner('/plan/options');
    // A new plan: the agent server and the console have no address (two warnings on Topology).
    const topology = stepTab(/^Topology/);
    expect(topology).toHaveAccessibleName('Topology, 2 warnings');
    expect(topology).toHaveTextContent('2 warnings');
    expect(topology.querySelector('.Mui-completed')).toBeNull();
    expect(within(topology).getByTestId('step-warning-icon')).toBeInTheDocument();
    // Devices has no problems: passed, it keeps its tick.
    const devices = stepTab(/^Devices/);
    expect(devices).toHaveAccessibleName('Devices');
    expect(devices.querySelector('.Mui-completed')).not.toBeNull();
  });

  it('marks a step with errors as an error, errors counted first', () => {
    renderPlanner('/plan/review');
    const agents = plan().agents;
    act(() => {
      useAppStore.setState({
        plan: { ...plan(), agents: agents.map((a) => ({ ...a, address: 'not an address!' })) },
      });
    });
    const topology = stepTab(/^Topology/);
    expect(topology).toHaveAccessibleName('Topology, 1 error, 1 warning');
    expect(topology.querySelector('.Mui-error')).not.toBeNull();
    expect(topology.querySelector('.Mui-completed')).toBeNull();
  });
});

describe('topology step', () => {
  it('edits the console and agents, keeping invalid text with a message', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    expect(
      screen.getByText(/No address yet: the rules will show “Activity Monitor Console”/),
    ).toBeVisible();
    await user.type(screen.getByLabelText('Console address'), 'am_console');
    expect(screen.getByLabelText('Console address')).toHaveValue('am_console');
    expect(screen.getByLabelText('Console address')).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: 'Add agent server' }));
    expect(agentNames()).toHaveLength(2);
    await user.clear(screen.getByLabelText('Agent server 2 name'));
    await user.type(screen.getByLabelText('Agent server 2 name'), 'AGT-NYC');
    expect(screen.getByLabelText('Agent server 2 name')).toHaveValue('AGT-NYC');
    await user.click(screen.getByRole('button', { name: 'Remove AGT-NYC' }));
    expect(agentNames()).toEqual(['Agent server 1']);
  });

  it('shows integration fields only when switched on', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    expect(screen.queryByLabelText('SIEM server address')).toBeNull();
    const siem = screen.getByRole('switch', { name: 'Syslog / SIEM output' });
    await user.click(siem);
    expect(siem).toBeChecked();
    await user.type(screen.getByLabelText('SIEM server address'), '10.1.2.3');
    expect(screen.getByLabelText('SIEM server address')).toHaveValue('10.1.2.3');
    const port = screen.getByLabelText('SIEM port');
    await user.clear(port);
    await user.type(port, '70000');
    expect(screen.getByText(/"70000" is not a valid port/)).toBeVisible();
    // Kept as typed (nothing lost: the field shows the plan's value), reported by the plan
    // checks, used by no rule.
    expect(port).toHaveValue('70000');
    expect(checkFields()).toContain('integrations.siem.port');
    await user.clear(port);
    await user.type(port, '6514');
    expect(port).toHaveValue('6514');
    expect(port).not.toHaveAttribute('aria-invalid', 'true');
  });
});

describe('devices step', () => {
  it('creates the first device when ticking, keeps every typed address', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner('/plan/devices');
    await user.click(screen.getByRole('checkbox', { name: 'Qumulo' }));
    expect(deviceNames()).toEqual(['Qumulo']);
    const group = screen.getByRole('group', { name: 'Qumulo' });
    expect(within(group).getByText(/the rules will show “Qumulo cluster”/)).toBeVisible();
    const addresses = within(group).getByLabelText('Qumulo: Addresses or CIDR blocks');
    await user.type(addresses, 'bad_host{Enter}10.0.0.0/24');
    expect(addresses).toHaveAttribute('aria-invalid', 'true');
    expect(addresses).toHaveAccessibleDescription(/"bad_host" .*underscore|"bad_host"/);
    // Both entries are in the plan: after leaving the step and coming back, the field (built
    // again from the plan) shows them.
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(
      within(screen.getByRole('group', { name: 'Qumulo' })).getByLabelText(
        'Qumulo: Addresses or CIDR blocks',
      ),
    ).toHaveValue('bad_host\n10.0.0.0/24');
  });

  describe('the Microsoft tenant, once per plan', () => {
    it('asks once for every cloud service, next to no card of its own', async () => {
      const user = userEvent.setup({ delay: null });
      renderPlanner('/plan/devices');
      expect(screen.queryByLabelText('Microsoft tenant')).toBeNull();
      await user.click(screen.getByRole('checkbox', { name: 'Microsoft Entra ID' }));
      await user.click(screen.getByRole('checkbox', { name: 'Exchange Online' }));
      expect(screen.getAllByLabelText('Microsoft tenant')).toHaveLength(1);
      const field = screen.getByLabelText('Microsoft tenant');
      expect(field.closest('[data-field]')).toHaveAttribute('data-field', 'microsoftTenant');
      expect(field).toHaveAccessibleDescription(/No tenant yet/);
      await user.type(field, 'contoso');
      expect(plan().microsoftTenant).toBe('contoso');
      expect(field).toHaveAccessibleDescription(/contoso or contoso\.onmicrosoft\.com/);
      // No card asks for its own tenant: the override is offered, collapsed.
      expect(screen.queryByLabelText('Tenant name')).toBeNull();
      expect(screen.queryByLabelText(/: Other tenant$/)).toBeNull();
      const entra = screen.getByRole('group', { name: 'Microsoft Entra ID' });
      expect(within(entra).getByText("Uses the plan's Microsoft tenant (contoso).")).toBeVisible();
      expect(within(entra).getByRole('button', { name: 'Uses another tenant' })).toHaveAttribute(
        'aria-expanded',
        'false',
      );
      expect(plan().devices.map((d) => d.tenant)).toEqual(['', '']);
    });

    it('says what is wrong with a tenant next to the field', async () => {
      const user = userEvent.setup({ delay: null });
      renderPlanner('/plan/devices');
      await user.click(screen.getByRole('checkbox', { name: 'Microsoft Entra ID' }));
      const field = screen.getByLabelText('Microsoft tenant');
      await user.type(field, 'contoso_corp');
      expect(field).toHaveAttribute('aria-invalid', 'true');
      expect(field).toHaveAccessibleDescription(/"contoso_corp".*contoso\.onmicrosoft\.com/);
      expect(checkFields()).toContain('microsoftTenant');
    });

    it('a device of another tenant names it; the override stays shown while it holds one', async () => {
      const user = userEvent.setup({ delay: null });
      renderPlanner('/plan/devices');
      await user.click(screen.getByRole('checkbox', { name: 'SharePoint Online' }));
      const card = () => screen.getByRole('group', { name: 'SharePoint Online' });
      const toggle = within(card()).getByRole('button', { name: 'Uses another tenant' });
      await user.click(toggle);
      expect(toggle).toHaveAttribute('aria-expanded', 'true');
      const other = within(card()).getByLabelText('SharePoint Online: Other tenant');
      expect(other.closest('[data-field]')).toHaveAttribute('data-field', 'devices.0.tenant');
      await user.type(other, 'fabrikam.onmicrosoft.com');
      expect(plan().devices[0]?.tenant).toBe('fabrikam.onmicrosoft.com');
      // Built again from the plan (leaving the step and coming back): shown, not collapsed.
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await user.click(screen.getByRole('button', { name: 'Back' }));
      expect(within(card()).getByLabelText('SharePoint Online: Other tenant')).toHaveValue(
        'fabrikam.onmicrosoft.com',
      );
      await user.click(
        within(card()).getByRole('button', { name: "Use the plan's tenant instead" }),
      );
      expect(plan().devices[0]?.tenant).toBe('');
      expect(within(card()).queryByLabelText('SharePoint Online: Other tenant')).toBeNull();
    });

    it('"Go to field" reaches the plan tenant and an override', async () => {
      const { router } = renderPlanner('/plan/topology');
      act(() => {
        useAppStore.getState().addDevice('entra-id', 'Entra');
        useAppStore.getState().addDevice('exchange-online', 'EXO');
        const exo = useAppStore.getState().plan.devices[1]!;
        useAppStore.getState().updateDevice(exo.id, { tenant: 'fab rikam' });
      });
      await act(() =>
        router.navigate('/plan/devices', { state: { focusField: 'microsoftTenant' } }),
      );
      expect(screen.getByLabelText('Microsoft tenant')).toHaveFocus();
      await act(() => router.navigate('/plan/topology'));
      await act(() =>
        router.navigate('/plan/devices', { state: { focusField: 'devices.1.tenant' } }),
      );
      expect(screen.getByLabelText('EXO: Other tenant')).toHaveFocus();
    });
  });

  it('filters by search, aliases included', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner('/plan/devices');
    await user.type(screen.getByRole('searchbox', { name: 'Search devices' }), 'azure ad');
    expect(screen.getByRole('checkbox', { name: 'Microsoft Entra ID' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Qumulo' })).toBeNull();
    await user.type(screen.getByRole('searchbox', { name: 'Search devices' }), 'zzz');
    expect(screen.getByRole('status')).toHaveTextContent('No device matches');
  });

  it('adds and removes instances; unticking with data asks first', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner('/plan/devices');
    await user.click(screen.getByRole('checkbox', { name: 'Qumulo' }));
    await user.click(screen.getByRole('button', { name: 'Add another Qumulo' }));
    expect(deviceNames()).toEqual(['Qumulo', 'Qumulo 2']);
    await user.click(screen.getByRole('button', { name: 'Remove Qumulo 2' }));
    expect(deviceNames()).toEqual(['Qumulo']);
    await user.type(screen.getByLabelText('Qumulo: Addresses or CIDR blocks'), 'q.example.com');
    await user.click(screen.getByRole('checkbox', { name: 'Qumulo' }));
    const dialog = screen.getByRole('dialog', { name: /Remove the Qumulo devices/ });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(deviceNames()).toEqual(['Qumulo']);
    await user.click(screen.getByRole('checkbox', { name: 'Qumulo' }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(deviceNames()).toEqual([]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('checkbox', { name: 'Qumulo' })).not.toBeChecked();
  });

  it('offers to remove devices the chosen version does not support', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner('/plan/devices');
    useAppStore.getState().addDevice('azure-files', 'Files');
    act(() => useAppStore.getState().setAmVersion('8.0'));
    expect(await screen.findByText(/not available in Activity Monitor 8.0/)).toBeVisible();
    expect(screen.queryByRole('checkbox', { name: 'Azure Files' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Remove Files' }));
    expect(screen.queryByText(/not available in Activity Monitor 8.0/)).toBeNull();
    expect(deviceNames()).toEqual([]);
  });

  it('focuses the field a review check points to', async () => {
    const { router } = renderPlanner('/plan/topology');
    act(() => {
      useAppStore.getState().addDevice('qumulo', 'Qumulo');
    });
    await act(() =>
      router.navigate('/plan/devices', { state: { focusField: 'devices.0.addresses' } }),
    );
    expect(screen.getByLabelText('Qumulo: Addresses or CIDR blocks')).toHaveFocus();
  });
});

describe('options step', () => {
  it('says so when no device needs options, and shows the global settings', () => {
    renderPlanner('/plan/options');
    expect(screen.getByText('No device chosen, so there are no device options.')).toBeVisible();
    expect(screen.getByLabelText('Agent port')).toHaveValue('4498');
    expect(screen.getByRole('switch', { name: 'Show inferred rules' })).toBeChecked();
  });

  it('shows only the options of the chosen devices, with help and default', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner('/plan/options');
    act(() => {
      useAppStore.getState().addDevice('qumulo', 'Qumulo');
    });
    const field = await screen.findByLabelText('Qumulo event port');
    expect(field).toHaveAccessibleDescription(/default 4496/i);
    expect(screen.queryByLabelText('FPolicy port')).toBeNull();
    await user.clear(field);
    await user.type(field, '80x');
    // Kept in the plan as typed (the field shows the plan's value), with a message.
    expect(field).toHaveValue('80x');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await user.clear(field);
    expect(plan().devices[0]?.options).toEqual({});
  });

  it('keeps invalid global values in the plan as typed, across steps, as plan-check errors', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner('/plan/options');
    const from = screen.getByLabelText('Dynamic RPC range: from');
    await user.clear(from);
    expect(screen.getByText('Enter a port number.')).toBeVisible();
    await user.type(from, '70000');
    expect(screen.getByText(/"70000" is not a valid port/)).toBeVisible();
    expect(from).toHaveValue('70000');
    expect(screen.getByLabelText('Dynamic RPC range: to')).toHaveValue('65535');
    expect(checkFields()).toContain('settings.rpcRange.from');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByLabelText('Dynamic RPC range: from')).toHaveValue('70000');
    await user.clear(screen.getByLabelText('Dynamic RPC range: from'));
    await user.type(screen.getByLabelText('Dynamic RPC range: from'), '50000');
    expect(screen.getByLabelText('Dynamic RPC range: from')).toHaveValue('50000');
    expect(screen.getByLabelText('Dynamic RPC range: from')).not.toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(checkFields()).not.toContain('settings.rpcRange.from');
    const agent = screen.getByLabelText('Agent port');
    await user.clear(agent);
    await user.type(agent, '4500');
    expect(agent).toHaveValue('4500');
    expect(agent).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('refuses a range that ends before it starts', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner('/plan/options');
    const to = screen.getByLabelText('Dynamic RPC range: to');
    await user.clear(to);
    await user.type(to, '1000');
    expect(screen.getByText(/Must not be below the start of the range/)).toBeVisible();
    // In the plan as typed (the field shows the plan's value); the plan checks report the
    // order, and no rule opens the range.
    expect(to).toHaveValue('1000');
    expect(checkFields()).toContain('settings.rpcRange.to');
  });
});

describe('new plan', () => {
  it('starts at once when nothing would be lost', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = renderPlanner('/plan/options');
    await user.click(screen.getByRole('button', { name: 'New plan' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(router.state.location.pathname).toBe('/plan/topology');
  });

  it('asks before discarding a plan in progress', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = renderPlanner('/plan/devices');
    await user.click(screen.getByRole('checkbox', { name: 'Qumulo' }));
    await user.click(screen.getByRole('button', { name: 'New plan' }));
    const dialog = screen.getByRole('dialog', { name: 'Discard the plan in progress?' });
    expect(dialog).toHaveTextContent(/save it as a file first/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('checkbox', { name: 'Qumulo' })).toBeChecked();
    expect(deviceNames()).toEqual(['Qumulo']);
    await user.click(screen.getByRole('button', { name: 'New plan' }));
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(router.state.location.pathname).toBe('/plan/topology');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('checkbox', { name: 'Qumulo' })).not.toBeChecked();
    expect(deviceNames()).toEqual([]);
  });

  it('asks on the home page too, and offers to continue', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = renderPlanner('/');
    act(() => useAppStore.getState().setPlanName('HQ'));
    expect(screen.getByRole('link', { name: 'Continue “HQ”' })).toBeVisible();
    await user.click(screen.getByRole('link', { name: 'Start a new plan' }));
    expect(router.state.location.pathname).toBe('/');
    // The dialog loads when it first opens (out of the first load).
    await user.click(await screen.findByRole('button', { name: 'Discard' }));
    expect(router.state.location.pathname).toBe('/plan/topology');
    expect(screen.getByLabelText('Plan name')).toHaveValue('Activity Monitor deployment');
  });
});

describe('storage alert', () => {
  it('shows a storage problem until closed', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    act(() => useAppStore.getState().setStorageError('Saving the plan in this browser failed.'));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Saving the plan in this browser failed.');
    await user.click(within(alert).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
