/**
 * Options step, "Agent services" (review 2, M5-M7): DNS servers, domain controllers, SMTP and
 * syslog of the inactivity alerts; off by default, each with its fields, hints and messages.
 */
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import { PlannerPage } from '@/features/planner/shell/planner-page';
import { useAppStore } from '@/state/store';

import { renderRoutes } from '../../support/render-app';

function renderPlanner(url = '/plan/options') {
  return renderRoutes([{ path: '/plan/:stepId', element: <PlannerPage /> }], url);
}

/** The fields of the plan checks on the agents' services. */
function checkFields(): string[] {
  return resolvePlan(useAppStore.getState().plan, getCatalog())
    .checks.map((c) => c.field)
    .filter((f) => f.startsWith('agentServices.'));
}

vi.setConfig({ testTimeout: 20_000 });

const SWITCHES = [
  'DNS servers for the agents (DNS tab)',
  'Domain controllers for the agents (AD Users tab)',
  'Inactivity alerts by e-mail (SMTP)',
  'Inactivity alerts by syslog',
];

describe('options step: agent services', () => {
  it('has its own section after the global settings, every service off', () => {
    renderPlanner();
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings.slice(-2)).toEqual(['Global settings', 'Agent services']);
    for (const name of SWITCHES) expect(screen.getByRole('switch', { name })).not.toBeChecked();
    expect(screen.queryByLabelText('DNS server addresses')).toBeNull();
  });

  it('DNS servers: a list of addresses, each judged next to the field', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    const dns = screen.getByRole('switch', { name: SWITCHES[0] });
    expect(dns).toHaveAccessibleDescription(/UDP and TCP 53, ports inferred/);
    await user.click(dns);
    expect(screen.getByText(/No address yet: the rules will show “DNS server”/)).toBeVisible();
    expect(checkFields()).toContain('agentServices.dns.addresses');
    const field = screen.getByLabelText('DNS server addresses');
    await user.type(field, '10.7.0.1{Enter}bad_host');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(useAppStore.getState().plan.agentServices.dns).toEqual({
      enabled: true,
      addresses: ['10.7.0.1', 'bad_host'],
    });
    expect(checkFields()).toEqual(['agentServices.dns.addresses.1']);
  });

  it('domain controllers: LDAP look-ups, a list of their own', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    const dcs = screen.getByRole('switch', { name: SWITCHES[1] });
    expect(dcs).toHaveAccessibleDescription(/LDAP TCP and UDP 389, ports inferred/);
    await user.click(dcs);
    await user.type(screen.getByLabelText('Domain controller addresses'), 'dc1.corp.example');
    expect(useAppStore.getState().plan.agentServices.domainControllers.addresses).toEqual([
      'dc1.corp.example',
    ]);
  });

  it('SMTP: server and port; 25 is a suggestion, not a product default; a bad port is kept and reported', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    await user.click(screen.getByRole('switch', { name: SWITCHES[2] }));
    await user.type(screen.getByLabelText('SMTP server address'), 'smtp.corp.example');
    const port = screen.getByLabelText('SMTP server port');
    expect(port).toHaveValue('25');
    expect(port).toHaveAccessibleDescription(
      /Activity Monitor has no default: 25 is only a suggestion/,
    );
    await user.clear(port);
    await user.type(port, '70000');
    expect(port).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/"70000" is not a valid port/)).toBeVisible();
    expect(useAppStore.getState().plan.agentServices.smtp.port).toBe('70000');
    expect(checkFields()).toEqual(['agentServices.smtp.port']);
    await user.clear(port);
    await user.type(port, '587');
    expect(useAppStore.getState().plan.agentServices.smtp.port).toBe(587);
    expect(checkFields()).toEqual([]);
  });

  it('syslog: server, transport (UDP, TCP, TLS) and port; 514 is a suggestion', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    await user.click(screen.getByRole('switch', { name: SWITCHES[3] }));
    await user.type(screen.getByLabelText('Syslog alert server address'), '10.9.0.1');
    const port = screen.getByLabelText('Syslog alert port');
    expect(port).toHaveValue('514');
    expect(port).toHaveAccessibleDescription(/no default: 514 is only a suggestion/);
    await user.click(screen.getByRole('combobox', { name: 'Syslog alert transport' }));
    await user.click(screen.getByRole('option', { name: 'TLS' }));
    expect(useAppStore.getState().plan.agentServices.syslog.transport).toBe('TLS');
    const rules = resolvePlan(useAppStore.getState().plan, getCatalog()).rules.filter((r) =>
      r.reasons.some((x) => x.ruleId.startsWith('agent-services-agent-syslog')),
    );
    expect(rules.map((r) => `${r.transport} ${r.portsText}`)).toEqual(['TCP 514']);
  });

  it('every field of the step has a distinct accessible name', async () => {
    const user = userEvent.setup({ delay: null });
    renderPlanner();
    for (const name of SWITCHES) await user.click(screen.getByRole('switch', { name }));
    const names = screen
      .getAllByRole('textbox')
      .map((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? null);
    expect(names).not.toContain(null);
    expect(names).toEqual(expect.arrayContaining(['SMTP server port', 'Syslog alert port']));
    expect(new Set(names).size).toBe(names.length);
    expect(screen.getByRole('combobox', { name: 'Syslog alert transport' })).toBeVisible();
  });

  it('focuses a server list entry a review check points to', async () => {
    const { router } = renderPlanner('/plan/topology');
    act(() => {
      useAppStore.getState().setAgentServices({
        domainControllers: { enabled: true, addresses: ['dc1', 'bad host!'] },
      });
    });
    await act(() =>
      router.navigate('/plan/options', {
        state: { focusField: 'agentServices.domainControllers.addresses.1' },
      }),
    );
    expect(screen.getByLabelText('Domain controller addresses')).toHaveFocus();
  });
});
