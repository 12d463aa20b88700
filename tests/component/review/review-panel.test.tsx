import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { hostKinds } from '@/core/report/host-kind';
import type { Resolution, ResolvedHost, ResolvedRule } from '@/core/resolve/model';
import { ReviewFlowTable, ROWS_FIRST } from '@/features/planner/review/review-flow-table';
import type { RuleSort } from '@/features/planner/review/review-logic';
import { sortRules } from '@/features/planner/review/review-logic';
import { ReviewPanel } from '@/features/planner/review/review-panel';

import { reviewErrata } from '../../fixtures/catalogs';
import { reviewResolution, reviewRules } from '../../fixtures/review-resolution';
import { makeDevice, planWith } from '../../support/plan-builders';
import { renderRoutes } from '../../support/render-app';

/** The plan behind the review fixture's hosts: a Qumulo cluster, a Windows file server, a tenant. */
const reviewPlan = planWith({
  devices: [
    makeDevice('qumulo', 1),
    makeDevice('windows-file-server', 2),
    makeDevice('entra-id', 3),
  ],
});
const kindOf = hostKinds(reviewPlan, getCatalog());
const firewallOf = (host: ResolvedHost) => kindOf(host).firewall;

function renderPanel(
  options: { resolution?: Resolution; hasDevices?: boolean; showInferred?: boolean } = {},
) {
  const { resolution = reviewResolution, hasDevices = true, showInferred = true } = options;
  return renderRoutes(
    [
      {
        path: '/plan/review',
        element: (
          <ReviewPanel
            resolution={resolution}
            hasDevices={hasDevices}
            showInferred={showInferred}
            errata={reviewErrata}
            firewallOf={firewallOf}
          />
        ),
      },
      { path: '/plan/:stepId', element: <p>another step</p> },
    ],
    '/plan/review',
  );
}

function flowRows(): HTMLElement[] {
  const region = screen.getByRole('region', { name: 'Rules by flow' });
  return within(region).getAllByRole('row').slice(1);
}

function hostHeadingTexts(): (string | null)[] {
  const rules = screen.getByRole('region', { name: 'Rules' });
  return within(rules)
    .getAllByRole('heading', { level: 5 })
    .map((h) => h.textContent);
}

describe('ReviewPanel', () => {
  it('summarises rules, hosts and checks', () => {
    renderPanel();
    expect(screen.getByTestId('review-summary')).toHaveTextContent(
      '6 rules (1 inferred) between 6 hosts; 1 error, 2 warnings, 1 note.',
    );
  });

  it('lists every rule by flow with inferred and neutral "vendor doc corrected" chips', () => {
    renderPanel();
    const rows = flowRows();
    expect(rows).toHaveLength(6);
    expect(within(rows[4]!).getByText('Inferred')).toBeInTheDocument();
    const corrected = within(rows[2]!).getByText('Vendor doc corrected');
    expect(corrected).toBeInTheDocument();
    // Neutral, not a warning: warning and error colours are for what the user must act on.
    expect(corrected.closest('.MuiChip-root')).not.toHaveClass('MuiChip-colorWarning');
    expect(within(rows[2]!).queryByText('Erratum')).toBeNull();
    expect(within(rows[0]!).queryByText('Inferred')).not.toBeInTheDocument();
  });

  it('marks a rule that depends on an invalid value as not ready, with the reason', async () => {
    const user = userEvent.setup({ delay: null });
    const [first, ...rest] = reviewRules;
    const flawed: ResolvedRule = {
      ...first!,
      problems: [{ message: 'Agent port: "70000" is not a valid port' }],
    };
    renderPanel({ resolution: { ...reviewResolution, rules: [flawed, ...rest] } });
    const rows = flowRows();
    const chip = within(rows[0]!).getByText('Not ready: no script opens it');
    expect(chip).toBeVisible();
    expect(within(rows[1]!).queryByText('Not ready: no script opens it')).toBeNull();
    await user.click(within(rows[0]!).getAllByRole('button')[0]!);
    expect(
      await screen.findByText('Not ready: no script opens this rule until the plan is fixed'),
    ).toBeVisible();
    expect(screen.getByText('Agent port: "70000" is not a valid port')).toBeVisible();
  });

  it('marks an address the plan checks reject as invalid next to it', () => {
    const [first, ...rest] = reviewRules;
    const source = first!.source;
    const [host, ...others] = source.hosts;
    const flawed: ResolvedRule = {
      ...first!,
      source: {
        ...source,
        hosts: [
          { ...host!, invalid: { message: 'The console "C": "0.0.0.0/0" is a CIDR block' } },
          ...others,
        ],
      },
    };
    renderPanel({ resolution: { ...reviewResolution, rules: [flawed, ...rest] } });
    const rows = flowRows();
    expect(within(rows[0]!).getByText('invalid address')).toBeVisible();
    expect(within(rows[0]!).getByText('Not ready: no script opens it')).toBeVisible();
    expect(within(rows[1]!).queryByText('invalid address')).toBeNull();
  });

  it('shows missing addresses as role placeholders with a warning, not as blanks', () => {
    renderPanel();
    const rows = flowRows();
    // console -> agents: agent server 2 has no address
    expect(within(rows[0]!).getByText('Agent server 2')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('address missing')).toBeInTheDocument();
    // agents -> SIEM: no SIEM host at all, so the role name stands in
    const siem = rows[5]!;
    const cells = within(siem).getAllByRole('cell');
    expect(cells[1]).toHaveTextContent(/^R06$/);
    expect(cells[3]).toHaveTextContent('Syslog / SIEM server');
    expect(cells[3]).toHaveTextContent('address missing');
  });

  it('shows each rule ID, as in every export, sorts by it and finds a rule by it', async () => {
    const user = userEvent.setup();
    renderPanel();
    expect(screen.getByRole('columnheader', { name: 'Rule' })).toBeInTheDocument();
    expect(flowRows().map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual([
      'R01',
      'R02',
      'R03',
      'R04',
      'R05',
      'R06',
    ]);
    const header = screen.getByRole('columnheader', { name: 'Rule' });
    await user.click(within(header).getByRole('button', { name: 'Rule' }));
    await user.click(within(header).getByRole('button', { name: 'Rule' }));
    expect(within(flowRows()[0]!).getAllByRole('cell')[1]).toHaveTextContent('R06');
    await user.type(screen.getByRole('textbox', { name: 'Filter rules' }), 'r03');
    expect(screen.getByRole('status')).toHaveTextContent('1 rule of 6 match the filter.');
    expect(within(flowRows()[0]!).getAllByRole('cell')[1]).toHaveTextContent('R03');
  });

  it('sorts by a column header, ascending then descending', async () => {
    const user = userEvent.setup();
    renderPanel();
    const header = screen.getByRole('columnheader', { name: 'Ports' });
    expect(header).not.toHaveAttribute('aria-sort');
    await user.click(within(header).getByRole('button', { name: 'Ports' }));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    expect(flowRows()[0]).toHaveTextContent('135, 49152-65535');
    expect(flowRows()[5]).toHaveTextContent('4498');
    await user.click(within(header).getByRole('button', { name: 'Ports' }));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(flowRows()[0]).toHaveTextContent('4498');
    expect(flowRows()[5]).toHaveTextContent('135, 49152-65535');
  });

  it('filters by a port number inside a range (50000 is in 49152-65535)', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.type(screen.getByRole('textbox', { name: 'Filter rules' }), '50000');
    await waitFor(() => expect(flowRows()).toHaveLength(1));
    expect(flowRows()[0]).toHaveTextContent('MS-RPC');
    expect(screen.getByRole('status')).toHaveTextContent('1 rule of 6 match the filter.');
    await user.click(screen.getByRole('button', { name: 'Clear filter' }));
    await waitFor(() => expect(flowRows()).toHaveLength(6));
  });

  it('says so when nothing matches', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.type(screen.getByRole('textbox', { name: 'Filter rules' }), 'nothing-like-this');
    expect(await screen.findByText('No rules match.')).toBeInTheDocument();
  });

  it('expands a rule to show why it exists, the vendor link, notes and errata', async () => {
    const user = userEvent.setup();
    renderPanel();
    const row = flowRows()[2]!;
    const toggle = within(row).getByRole('button', { name: 'Show details' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAccessibleName('Hide details');
    const details = screen.getByRole('region', { name: 'Why this rule exists' });
    expect(toggle).toHaveAttribute('aria-controls', details.id);
    expect(details).toHaveTextContent('Windows file server');
    expect(details).toHaveTextContent('FS01');
    expect(details).toHaveTextContent('Agent deployed from the console');
    expect(details).toHaveTextContent('wfs-rpc');
    expect(details).toHaveTextContent('Documented');
    const link = within(details).getByRole('link', { name: /Vendor documentation/ });
    expect(link).toHaveAttribute('href', expect.stringContaining('#windows-file-server'));
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(details).toHaveTextContent('Windows Server 2008 and later use 49152-65535');
    expect(details).toHaveTextContent('E2: "RPC Dynamic Range" without numbers');
    expect(details).toHaveTextContent('TCP 49152-65535 (Windows default)');
    await user.click(toggle);
    expect(screen.queryByRole('region', { name: 'Why this rule exists' })).not.toBeInTheDocument();
  });

  it('labels the vendor link with its version, and a 10.0 page the plan version lacks as such', async () => {
    const user = userEvent.setup();
    const labelled: Resolution = {
      ...reviewResolution,
      rules: reviewResolution.rules.map((rule) => ({
        ...rule,
        reasons: rule.reasons.map((reason) => ({
          ...reason,
          referenceLabel: 'Activity Monitor 10.0 page; no 7.1 page',
          referenceFallback: true as const,
        })),
      })),
    };
    renderPanel({ resolution: labelled });
    await user.click(within(flowRows()[2]!).getByRole('button', { name: 'Show details' }));
    const details = screen.getByRole('region', { name: 'Why this rule exists' });
    expect(within(details).getByRole('link')).toHaveAccessibleName(
      /^Vendor documentation \(Activity Monitor 10\.0 page; no 7\.1 page\)/,
    );
  });

  it('groups by host with inbound and outbound tables', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(screen.getByRole('button', { name: 'By host' }));
    expect(screen.getByRole('button', { name: 'By host' })).toHaveAttribute('aria-pressed', 'true');
    const hostHeadings = hostHeadingTexts();
    expect(hostHeadings).toEqual(
      expect.arrayContaining([
        'AM Console10.0.0.1',
        'Agent server 110.0.0.5',
        'Agent server 2',
        'Qumulo NYCqumulo.example.com',
      ]),
    );
    const agent1 = screen.getByRole('group', { name: /^Agent server 1/ });
    expect(within(agent1).getByRole('heading', { name: 'Inbound (2)' })).toBeInTheDocument();
    expect(within(agent1).getByRole('heading', { name: 'Outbound (4)' })).toBeInTheDocument();
    const inbound = within(agent1).getByRole('region', { name: 'Inbound rules of Agent server 1' });
    expect(within(inbound).getAllByRole('row')).toHaveLength(3);
    expect(inbound).toHaveTextContent('Qumulo NYC');
    expect(inbound).toHaveTextContent('4496');
    const agent2 = screen.getByRole('group', { name: /^Agent server 2/ });
    // the heading area warns, outside the tables
    const warning = within(agent2).getAllByText('address missing')[0]!;
    expect(warning.closest('table')).toBeNull();
  });

  it('filters the host view too', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(screen.getByRole('button', { name: 'By host' }));
    await user.type(screen.getByRole('textbox', { name: 'Filter rules' }), 'qumulo');
    await waitFor(() =>
      expect(hostHeadingTexts()).toEqual([
        'Agent server 110.0.0.5',
        'Qumulo NYCqumulo.example.com',
      ]),
    );
  });

  it('shows plan checks errors first, each with a way to its field', async () => {
    const user = userEvent.setup();
    const { router } = renderPanel();
    const alerts = screen.getAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual([
      expect.stringContaining('The SIEM has no address.'),
      expect.stringContaining('Agent server "Agent server 2" has no address.'),
      expect.stringContaining('uses a separate CEE server'),
      expect.stringContaining('Device "FS01" has one address.'),
    ]);
    await user.click(within(alerts[2]!).getByRole('button', { name: 'Go to field' }));
    expect(router.state.location.pathname).toBe('/plan/options');
    expect(router.state.location.state).toEqual({ focusField: 'devices.3.options.ceeAddress' });
  });

  it.each([
    [0, '/plan/topology', 'integrations.siem.address'],
    [1, '/plan/topology', 'agents.1.address'],
    [3, '/plan/devices', 'devices.1.addresses'],
  ])('check %i goes to %s', async (index, pathname, field) => {
    const user = userEvent.setup();
    const { router } = renderPanel();
    const alert = screen.getAllByRole('alert')[index]!;
    await user.click(within(alert).getByRole('button', { name: 'Go to field' }));
    expect(router.state.location.pathname).toBe(pathname);
    expect(router.state.location.state).toEqual({ focusField: field });
  });

  it('says the plan is clean when there are no checks', () => {
    renderPanel({ resolution: { rules: reviewRules, checks: [] } });
    expect(screen.getByText('No problems found in the plan.')).toBeInTheDocument();
  });

  it('sends a plan without devices to the devices step', async () => {
    const user = userEvent.setup();
    const { router } = renderPanel({ hasDevices: false });
    expect(screen.getByText(/No devices yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Add devices' }));
    expect(router.state.location.pathname).toBe('/plan/devices');
  });

  it('points to the options when inferred rules are hidden', async () => {
    const user = userEvent.setup();
    const { router } = renderPanel({ showInferred: false });
    await user.click(screen.getByRole('link', { name: 'Show inferred rules' }));
    expect(router.state.location.pathname).toBe('/plan/options');
    expect(router.state.location.state).toEqual({ focusField: 'settings.showInferred' });
  });

  it('paginates large plans: 50 rules per page', async () => {
    const user = userEvent.setup();
    const base = reviewRules[1]!;
    const many: ResolvedRule[] = Array.from({ length: 120 }, (_, i) => ({
      ...base,
      key: `rule-${i}`,
      ports: [{ from: 1000 + i, to: 1000 + i, label: '' }],
      portsText: String(1000 + i),
    }));
    renderPanel({ resolution: { rules: many, checks: [] } });
    // The first rows paint at once, the rest of the page right after (issue 18).
    expect(flowRows()).toHaveLength(ROWS_FIRST);
    await waitFor(() => expect(flowRows()).toHaveLength(50));
    expect(flowRows().map((r) => r.textContent)).toEqual(
      many.slice(0, 50).map((_, i) => expect.stringContaining(String(1000 + i)) as string),
    );
    expect(screen.getByText('1–50 of 120')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Go to next page' }));
    expect(flowRows()).toHaveLength(50);
    expect(flowRows()[0]).toHaveTextContent('1050');
    await user.click(screen.getByRole('button', { name: 'Go to last page' }));
    expect(flowRows()).toHaveLength(20);
    // a new filter starts again at the first page
    await user.type(screen.getByRole('textbox', { name: 'Filter rules' }), '10');
    await waitFor(() => expect(flowRows()[0]).toHaveTextContent('1000'));
  }, 20_000);

  it('has no axe violations (by flow, expanded, and by host)', async () => {
    const user = userEvent.setup();
    const { container } = renderPanel({ showInferred: false });
    await user.click(within(flowRows()[2]!).getByRole('button', { name: 'Show details' }));
    const options = { rules: { 'color-contrast': { enabled: false } } };
    const flow = await axe.run(container, options);
    expect(flow.violations.map((v) => `${v.id}: ${v.nodes[0]?.html ?? ''}`)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'By host' }));
    const host = await axe.run(container, options);
    expect(host.violations.map((v) => `${v.id}: ${v.nodes[0]?.html ?? ''}`)).toEqual([]);
  }, 20_000);
});

describe('ReviewFlowTable, compact (narrow screens)', () => {
  function renderCompact() {
    function Harness() {
      const [sort, setSort] = useState<RuleSort | null>(null);
      return (
        <ReviewFlowTable
          rules={sort ? sortRules(reviewRules, sort.key, sort.direction) : reviewRules}
          sort={sort}
          onSortChange={setSort}
          errata={new Map(reviewErrata.map((e) => [e.id, e]))}
          compact
        />
      );
    }
    return renderRoutes([{ path: '*', element: <Harness /> }]);
  }

  function cards(): HTMLElement[] {
    return within(screen.getByRole('list', { name: 'Rules by flow' })).getAllByRole('listitem');
  }

  it('shows cards that sort with a labelled select and expand', async () => {
    const user = userEvent.setup();
    renderCompact();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(cards()).toHaveLength(6);
    expect(cards()[0]).toHaveTextContent('TCP 4498');
    expect(screen.getByRole('button', { name: 'Sort descending' })).toBeDisabled();
    await user.click(screen.getByRole('combobox', { name: 'Sort by' }));
    await user.click(screen.getByRole('option', { name: 'Ports' }));
    expect(cards()[0]).toHaveTextContent('TCP 135, 49152-65535');
    await user.click(screen.getByRole('button', { name: 'Sort descending' }));
    expect(cards()[0]).toHaveTextContent('TCP 4498');
    await user.click(within(cards()[5]!).getByRole('button', { name: 'Show details' }));
    expect(screen.getByRole('region', { name: 'Why this rule exists' })).toHaveTextContent(
      'wfs-rpc',
    );
  });
});
