/**
 * A firewall with hundreds of rules (a core firewall of a large estate): opening it paints its
 * first rows at once and the rest in steps, so the page is never blocked for long; printing
 * renders every row at once.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { ReportFirewallRule, ReportZones } from '@/core/report/zones';
import { RULES_FIRST, ReviewFirewallList } from '@/features/planner/review/review-firewall-list';

import { renderElement } from '../../support/render-app';

/** More than the first rows and one step after them: the rest comes in a second step. */
vi.setConfig({ testTimeout: 120_000 });

const RULES = 250;

function rule(n: number): ReportFirewallRule {
  return {
    name: `AM-${String(n).padStart(4, '0')}`,
    ingress: { name: 'ethernet1/1', zones: ['Agents'] },
    egress: { name: 'ethernet1/2', zones: ['NAS'] },
    sources: ['AM-Agents'],
    destinations: [`AM-NAS-${n}`],
    sourceAddresses: ['10.1.0.1'],
    destinationAddresses: [`10.2.${Math.floor(n / 250)}.${(n % 250) + 1}`],
    sourceZones: ['Agents'],
    destinationZones: ['NAS'],
    service: 'AM-TCP-445',
    protocol: 'TCP',
    ports: '445',
    ruleIds: [`R${n}`],
    services: ['SMB'],
    purposes: [`Purpose ${n}`],
  };
}

const zones: ReportZones = {
  zones: [],
  firewalls: [
    {
      id: 'core',
      name: 'Core',
      kind: 'PAN-OS',
      kindId: 'panos',
      rules: Array.from({ length: RULES }, (_, i) => rule(i + 1)),
      addressObjects: [],
      serviceObjects: [],
    },
  ],
  checks: [],
};

const rows = () =>
  within(screen.getByRole('region', { name: 'Rules of Core' })).getAllByRole('row').length - 1;

describe('a firewall with hundreds of rules', () => {
  it('paints its first rows at once, then every rule, in order, as plain cells', async () => {
    renderElement(<ReviewFirewallList zones={zones} />);
    expect(rows()).toBe(RULES_FIRST);
    await waitFor(() => expect(rows()).toBe(RULES), { timeout: 60_000 });
    const region = screen.getByRole('region', { name: 'Rules of Core' });
    const last = within(region).getAllByRole('row').at(-1);
    expect(last).toHaveTextContent(`AM-${String(RULES).padStart(4, '0')}`);
    expect(last).toHaveTextContent(`R${RULES}: SMB`);
    expect(within(region).getAllByRole('cell')[0]).toHaveTextContent('AM-0001');
  });

  it('renders every rule at once for printing', () => {
    renderElement(<ReviewFirewallList zones={zones} printing />);
    expect(rows()).toBe(RULES);
  });
});
