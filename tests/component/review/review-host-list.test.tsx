/**
 * "By host": every host, servers with a firewall of their own first, then appliances and cloud
 * endpoints, each group by name; no pagination; host sections that open.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { Plan } from '@/core/plan/model';
import { hostKinds } from '@/core/report/host-kind';
import { buildHostViews } from '@/core/resolve/host-views';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import {
  HOSTS_FIRST,
  HOSTS_OPEN_UP_TO,
  ReviewHostList,
} from '@/features/planner/review/review-host-list';

import { makePlan } from '../../support/plan-builders';
import { renderElement } from '../../support/render-app';

const catalog = getCatalog();
const SERVERS = /^Servers with a firewall of their own \((\d+)\)$/;
const APPLIANCES = /^Appliances and cloud endpoints \((\d+)\)$/;

function renderList(plan: Plan, printing = false) {
  const views = buildHostViews(resolvePlan(plan, catalog));
  const kindOf = hostKinds(plan, catalog);
  const result = renderElement(
    <ReviewHostList
      views={views}
      firewallOf={(host) => kindOf(host).firewall}
      printing={printing}
    />,
  );
  return { ...result, views };
}

/** A plan of every device environment, three agents and the integrations: 40+ hosts. */
function largePlan(): Plan {
  return makePlan({ agents: 3, devices: 40, catalog, integrations: true });
}

function group(name: RegExp): HTMLElement {
  return screen.getByRole('region', { name });
}

/** The host names of a group, in order (the heading holds the name, then the address). */
function hostNames(region: HTMLElement): string[] {
  return [...region.querySelectorAll('.host-label')].map((e) => e.textContent ?? '');
}

/** Waits until every host is listed (the first ones paint at once, the rest in steps). */
async function allListed(): Promise<void> {
  await waitFor(() => expect(screen.queryByText(/^Listing \d+ more host/)).toBeNull(), {
    timeout: 20_000,
  });
}

function toggles(): HTMLElement[] {
  return screen
    .getAllByRole('button', { expanded: false })
    .concat(screen.queryAllByRole('button', { expanded: true }));
}

const byName = (a: string, b: string) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

describe('ReviewHostList', () => {
  it('lists every host: servers with a firewall of their own first, then appliances and cloud endpoints, each by name', async () => {
    const { views } = renderList(largePlan());
    expect(views.length).toBeGreaterThan(30);
    await allListed();

    const headings = screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(headings).toEqual([expect.stringMatching(SERVERS), expect.stringMatching(APPLIANCES)]);

    const servers = hostNames(group(SERVERS));
    const appliances = hostNames(group(APPLIANCES));
    expect(servers.length + appliances.length).toBe(views.length);
    expect(headings[0]).toBe(`Servers with a firewall of their own (${servers.length})`);
    expect(headings[1]).toBe(`Appliances and cloud endpoints (${appliances.length})`);
    // Every host, once.
    expect([...servers, ...appliances].sort(byName)).toEqual(
      views.map((v) => v.host.label).sort(byName),
    );
    // Each group by name.
    expect(servers).toEqual([...servers].sort(byName));
    expect(appliances).toEqual([...appliances].sort(byName));

    // The servers: agent servers, the console, the integration servers, hosts that run the agent.
    expect(servers).toEqual(
      expect.arrayContaining([
        'Agent server 1',
        'Agent server 2',
        'Agent server 3',
        'Console',
        'Access Analyzer',
        'SIEM',
        'Threat Manager',
      ]),
    );
    const devices = largePlan().devices;
    const named = (environment: string) =>
      devices.filter((d) => d.environment === environment).map((d) => d.name);
    expect(servers).toEqual(expect.arrayContaining([...named('linux'), ...named('sql-server')]));
    // The appliances and cloud endpoints: NAS devices and the Microsoft FQDNs (a cloud device
    // is no host of its own).
    expect(appliances).toEqual(
      expect.arrayContaining([
        ...named('qumulo'),
        ...named('dell-isilon'),
        'Microsoft Entra ID sign-in',
        'Microsoft Graph API',
      ]),
    );
    for (const name of named('entra-id')) expect(appliances).not.toContain(name);
    expect(appliances).not.toContain('Agent server 1');
  });

  it('has no pagination: 30+ hosts on one page, closed, each with its rule counts', async () => {
    const user = userEvent.setup();
    const { views } = renderList(largePlan());
    await allListed();
    expect(screen.queryByText(/per page/i)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /next page/i })).not.toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 5 })).toHaveLength(views.length);
    // Closed: no rule table yet, every toggle says so.
    expect(screen.queryAllByRole('table')).toHaveLength(0);
    expect(screen.getAllByRole('button', { expanded: false })).toHaveLength(views.length);

    const agent = views.find((v) => v.host.label === 'Agent server 2');
    if (!agent) throw new Error('no agent server 2');
    const section = screen.getByRole('group', { name: /^Agent server 2/ });
    expect(section).toHaveTextContent(
      `${agent.inbound.length} inbound rules, ${agent.outbound.length} outbound`,
    );
    const toggle = within(section).getByRole('button', { name: /^Agent server 2/ });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const inbound = within(section).getByRole('region', {
      name: 'Inbound rules of Agent server 2',
    });
    expect(within(inbound).getAllByRole('row')).toHaveLength(agent.inbound.length + 1);
    // Only that host opened.
    expect(screen.getAllByRole('button', { expanded: true })).toEqual([toggle]);
    await user.click(toggle);
    expect(within(section).queryByRole('table')).not.toBeInTheDocument();
  });

  it('opens and closes every host at once', async () => {
    const user = userEvent.setup();
    const { views } = renderList(largePlan());
    await user.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(screen.getAllByRole('button', { expanded: true })).toHaveLength(views.length);
    expect(screen.getAllByRole('region', { name: /^Inbound rules of / }).length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(screen.queryAllByRole('button', { expanded: true })).toHaveLength(0);
    expect(screen.queryAllByRole('table')).toHaveLength(0);
  });

  it(`opens every host of a small plan (up to ${HOSTS_OPEN_UP_TO} hosts)`, () => {
    const { views } = renderList(makePlan({ agents: 2, devices: 3, catalog }));
    expect(views.length).toBeLessThanOrEqual(HOSTS_OPEN_UP_TO);
    expect(screen.getAllByRole('button', { expanded: true })).toHaveLength(views.length);
    expect(screen.queryAllByRole('button', { expanded: false })).toHaveLength(0);
  });

  it('opens every host for printing', () => {
    const { views } = renderList(largePlan(), true);
    expect(screen.getAllByRole('button', { expanded: true })).toHaveLength(views.length);
  });

  it('stays light with 500 hosts: the first at once, then every host, closed, a few elements each', async () => {
    const plan = makePlan({ agents: 10, devices: 490, catalog, environments: ['qumulo'] });
    const { views, container } = renderList(plan);
    expect(views.length).toBeGreaterThanOrEqual(500);
    // Issue 18: the first host sections paint at once, the rest in steps.
    expect(toggles()).toHaveLength(HOSTS_FIRST);
    expect(screen.getByRole('status')).toHaveTextContent(
      `Listing ${views.length - HOSTS_FIRST} more hosts…`,
    );
    await allListed();
    expect(toggles()).toHaveLength(views.length);
    expect(container.querySelectorAll('table')).toHaveLength(0);
    expect(container.querySelectorAll('*').length / views.length).toBeLessThan(12);
  });

  it('has no axe violations (closed and open hosts)', async () => {
    const user = userEvent.setup();
    const { container } = renderList(largePlan());
    await user.click(screen.getByRole('button', { name: /^Agent server 1/ }));
    const options = { rules: { 'color-contrast': { enabled: false } } };
    const result = await axe.run(container, options);
    expect(result.violations.map((v) => `${v.id}: ${v.nodes[0]?.html ?? ''}`)).toEqual([]);
  }, 60_000);
});
