/**
 * The review with network zones (issue 16): "By firewall" beside "By flow" and "By host", each
 * firewall's rule set, each flow's path in its details; on a hub and spoke (one core firewall,
 * four zones). Without zones the review shows none of it.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { hostKinds } from '@/core/report/host-kind';
import type { ResolvedHost } from '@/core/resolve/model';
import type { ZoneModel } from '@/core/zones/model';
import { emptyZoneModel } from '@/core/zones/model';
import { ReviewPanel } from '@/features/planner/review/review-panel';
import { selectZoneModel } from '@/state/selectors';
import { useAppStore } from '@/state/store';

import { reviewErrata } from '../../fixtures/catalogs';
import { reviewResolution } from '../../fixtures/review-resolution';
import { makeDevice, planWith } from '../../support/plan-builders';
import { renderRoutes } from '../../support/render-app';

const reviewPlan = planWith({
  devices: [
    makeDevice('qumulo', 1),
    makeDevice('windows-file-server', 2),
    makeDevice('entra-id', 3),
  ],
});
const kindOf = hostKinds(reviewPlan, getCatalog());
const firewallOf = (host: ResolvedHost) => kindOf(host).firewall;

/** One core firewall, four zones; the hosts known by name are placed by hand, but the tenant. */
const HUB_AND_SPOKE: ZoneModel = {
  zones: [
    { id: 'mgmt', name: 'Management', cidrs: ['10.0.0.0/30'] },
    { id: 'agents', name: 'Agent servers', cidrs: ['10.0.0.4/30'] },
    { id: 'nas', name: 'NAS', cidrs: ['10.0.2.0/24'] },
    { id: 'files', name: 'File servers', cidrs: ['10.0.3.0/24'] },
  ],
  firewalls: [
    {
      id: 'core',
      name: 'Core',
      kind: 'panos',
      interfaces: [
        { id: 'e1', name: 'ethernet1/1', zones: ['mgmt'] },
        { id: 'e2', name: 'ethernet1/2', zones: ['agents'] },
        { id: 'e3', name: 'ethernet1/3', zones: ['nas'] },
        { id: 'e4', name: 'ethernet1/4', zones: ['files'] },
      ],
    },
  ],
  assignments: [
    { address: 'qumulo.example.com', zoneId: 'nas' },
    { address: 'fs01.example.com', zoneId: 'files' },
  ],
  preferredPaths: [],
};

function renderPanel(zoneModel?: ZoneModel) {
  return renderRoutes(
    [
      {
        path: '/plan/review',
        element: (
          <ReviewPanel
            resolution={reviewResolution}
            hasDevices
            showInferred
            errata={reviewErrata}
            firewallOf={firewallOf}
            {...(zoneModel ? { zoneModel } : {})}
          />
        ),
      },
    ],
    '/plan/review',
  );
}

function flowRows(): HTMLElement[] {
  const region = screen.getByRole('region', { name: 'Rules by flow' });
  return within(region).getAllByRole('row').slice(1);
}

/** Opens the details of the rule with this ID (rows of open details are rows too). */
async function openDetails(user: ReturnType<typeof userEvent.setup>, ruleId: string) {
  const row = flowRows().find((r) => within(r).queryAllByRole('cell')[1]?.textContent === ruleId);
  await user.click(within(row!).getByRole('button', { name: 'Show details' }));
}

describe('the review without zones', () => {
  it('has no "By firewall" and no path in a flow’s details (default and empty model)', async () => {
    const user = userEvent.setup();
    for (const model of [undefined, emptyZoneModel()]) {
      const { unmount } = renderPanel(model);
      expect(screen.getByRole('button', { name: 'By flow' })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'By firewall' })).toBeNull();
      await openDetails(user, 'R01');
      expect(await screen.findByText('Why this rule exists')).toBeInTheDocument();
      expect(screen.queryByText('Path through the network')).toBeNull();
      unmount();
    }
  });

  it('gets no zones from the store until the plan holds them', () => {
    const model = selectZoneModel(useAppStore.getState());
    expect(model).toEqual(emptyZoneModel());
    expect(selectZoneModel(useAppStore.getState())).toBe(model);
  });
});

describe('the review with a hub and spoke', () => {
  it('offers "By firewall" beside "By flow" and "By host"', () => {
    renderPanel(HUB_AND_SPOKE);
    const group = screen.getByRole('group', { name: 'View' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['By flow', 'By host', 'By firewall']);
  });

  it('lists the core firewall’s rule set: interfaces and zones, objects, services, reasons', async () => {
    const user = userEvent.setup();
    renderPanel(HUB_AND_SPOKE);
    await user.click(screen.getByRole('button', { name: 'By firewall' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      '1 firewall, 4 firewall rules for 6 rules.',
    );
    const core = screen.getByRole('group', { name: /Core/ });
    expect(within(core).getByRole('heading', { level: 4 })).toHaveTextContent('Core (PAN-OS)');
    expect(core).toHaveTextContent('4 rules, 4 address objects, 4 service objects');
    const rules = within(core).getByRole('region', { name: 'Rules of Core' });
    const rows = within(rules).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual([
      'AM-001',
      'AM-002',
      'AM-003',
      'AM-004',
    ]);
    // Console to agent: from the management zone's interface to the agents'.
    const consoleRule = rows.find((r) => r.textContent?.includes('R01'))!;
    const [, from, to, service, reasons] = within(consoleRule).getAllByRole('cell');
    expect(from).toHaveTextContent('ethernet1/1 (Management)');
    expect(from).toHaveTextContent('Zone: Management');
    expect(from).toHaveTextContent('AM-Activity-Monitor-Console-Management');
    expect(to).toHaveTextContent('ethernet1/2 (Agent servers)');
    expect(to).toHaveTextContent('AM-Activity-Agent-Server-Agent-servers');
    expect(service).toHaveTextContent('AM-TCP-4498');
    expect(service).toHaveTextContent('TCP 4498');
    expect(reasons).toHaveTextContent('R01');
    const objects = within(core).getByRole('region', { name: 'Address objects of Core' });
    expect(within(objects).getByRole('row', { name: /AM-Qumulo-cluster-NAS/ })).toHaveTextContent(
      'qumulo.example.com',
    );
    expect(within(core).getByRole('region', { name: 'Service objects of Core' })).toHaveTextContent(
      'AM-TCP-135_49152-65535',
    );
    // The tenant is known by name only, in no zone: its flow is on no firewall, and a check says so.
    expect(screen.getByRole('heading', { name: 'Zone checks (1)' })).toBeInTheDocument();
    expect(
      screen.getByText(/"Contoso tenant" \("contoso\.onmicrosoft\.com"\) is known only by name/),
    ).toBeInTheDocument();
  });

  it('narrows the firewall rules to the rules the filter keeps', async () => {
    const user = userEvent.setup();
    renderPanel(HUB_AND_SPOKE);
    await user.click(screen.getByRole('button', { name: 'By firewall' }));
    await user.type(screen.getByRole('textbox', { name: 'Filter rules' }), '4496');
    const core = screen.getByRole('group', { name: /Core/ });
    await waitFor(() =>
      expect(
        within(within(core).getByRole('region', { name: 'Rules of Core' })).getAllByRole('row'),
      ).toHaveLength(2),
    );
    expect(core).toHaveTextContent('1 rule, 2 address objects, 1 service object');
    expect(core).toHaveTextContent('R02');
    await user.clear(screen.getByRole('textbox', { name: 'Filter rules' }));
    await user.type(screen.getByRole('textbox', { name: 'Filter rules' }), 'nothing-like-this');
    expect(await screen.findByText('No rules match.')).toBeInTheDocument();
  });

  it('closes and opens a firewall', async () => {
    const user = userEvent.setup();
    renderPanel(HUB_AND_SPOKE);
    await user.click(screen.getByRole('button', { name: 'By firewall' }));
    const toggle = screen.getByRole('button', { name: 'Core' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('region', { name: 'Rules of Core' })).toBeNull();
    await user.click(toggle);
    expect(screen.getByRole('region', { name: 'Rules of Core' })).toBeInTheDocument();
  });

  it('shows in each flow’s details the firewalls it crosses, or why it crosses none', async () => {
    const user = userEvent.setup();
    renderPanel(HUB_AND_SPOKE);
    await openDetails(user, 'R01');
    const details = await screen.findByRole('region', { name: 'Why this rule exists' });
    expect(within(details).getByText('Path through the network')).toBeInTheDocument();
    expect(
      within(details).getByText(
        'Crosses Core: ethernet1/1 (Management) → ethernet1/2 (Agent servers)',
      ),
    ).toBeInTheDocument();
    expect(details).toHaveTextContent('AM Console (10.0.0.1) → Agent server 1 (10.0.0.5)');
    await openDetails(user, 'R04');
    const tenant = screen.getAllByRole('region', { name: 'Why this rule exists' })[1]!;
    expect(
      within(tenant).getByText('On no firewall: the destination is in no zone'),
    ).toBeInTheDocument();
    // The SIEM has no address: no flow to place.
    await openDetails(user, 'R06');
    const siem = screen.getAllByRole('region', { name: 'Why this rule exists' })[2]!;
    expect(siem).toHaveTextContent('No flow to place');
  });

  it('has no axe violations (by firewall; by flow with a path open)', async () => {
    const user = userEvent.setup();
    const { container } = renderPanel(HUB_AND_SPOKE);
    const options = { rules: { 'color-contrast': { enabled: false } } };
    await openDetails(user, 'R01');
    await screen.findByText('Path through the network');
    const flow = await axe.run(container, options);
    expect(flow.violations.map((v) => `${v.id}: ${v.nodes[0]?.html ?? ''}`)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'By firewall' }));
    const firewall = await axe.run(container, options);
    expect(firewall.violations.map((v) => `${v.id}: ${v.nodes[0]?.html ?? ''}`)).toEqual([]);
  }, 30_000);
});
