import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { buildHostViews } from '@/core/resolve/host-views';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { resolverCatalog as catalog } from '../../../fixtures/catalogs';
import { makeAgent, makeDevice, planWith, shufflePlan } from '../../../support/plan-builders';

import { flowText } from './summarize';

describe('buildHostViews', () => {
  const plan = planWith({
    agents: [makeAgent(1), makeAgent(2)],
    devices: [
      makeDevice('qumulo', 1, { name: 'Q1', agentId: 'agent-2' }),
      makeDevice('nutanix', 2, { name: 'N1', agentId: '' }),
    ],
  });
  const views = buildHostViews(resolvePlan(plan, catalog));

  it('lists each host once, sorted by label, without missing-agent placeholders', () => {
    expect(views.map((v) => `${v.host.label} (${v.roleName})`)).toEqual([
      'Agent server 1 (Activity Agent Server)',
      'Agent server 2 (Activity Agent Server)',
      'Console (Activity Monitor Console)',
      'N1 (Nutanix Files server)',
      'Q1 (Qumulo cluster)',
    ]);
  });

  it("gives a host's inbound and outbound rules", () => {
    const agent2 = views.find((v) => v.host.label === 'Agent server 2');
    expect(agent2?.inbound.map(flowText)).toEqual([
      'Console@10.0.0.10 -> Agent server 1@10.1.0.2 + Agent server 2@10.1.0.3 TCP 4498',
      'Q1@10.2.0.2 -> Agent server 2@10.1.0.3 TCP 4496',
    ]);
    expect(agent2?.outbound.map(flowText)).toEqual([
      'Agent server 2@10.1.0.3 -> Q1@10.2.0.2 TCP 8000',
    ]);
    const agent1 = views.find((v) => v.host.label === 'Agent server 1');
    expect(agent1?.inbound).toHaveLength(1);
    expect(agent1?.outbound).toEqual([]);
    const console = views.find((v) => v.host.label === 'Console');
    expect(console?.inbound).toEqual([]);
    expect(console?.outbound).toHaveLength(1);
  });

  it('every rule appears in the views of all its hosts', () => {
    const rules = resolvePlan(plan, catalog).rules;
    for (const rule of rules) {
      for (const host of rule.destination.hosts.filter((h) => h.address !== '')) {
        const view = views.find((v) => v.host.address === host.address);
        expect(view?.inbound).toContainEqual(rule);
      }
    }
  });

  it('does not depend on the order of the plan', () => {
    expect(buildHostViews(resolvePlan(shufflePlan(plan, 7), catalog))).toEqual(views);
  });

  it('one host with two roles gets one view naming both', () => {
    const shared = planWith({
      devices: [makeDevice('windows-file-server', 1, { name: 'FS1', addresses: ['10.1.0.2'] })],
      integrations: {
        ...planWith().integrations,
        siem: { enabled: true, name: 'S', address: '10.9.0.2', transport: 'UDP', port: 514 },
      },
    });
    const hostViews = buildHostViews(resolvePlan(shared, catalog));
    const agentHost = hostViews.filter((v) => v.host.address === '10.1.0.2');
    expect(agentHost).toHaveLength(1);
    expect(agentHost[0]?.host.label).toBe('Agent server 1 / FS1');
  });
});

describe('buildHostViews with the bundled catalog', () => {
  it('keeps a role name that contains a slash whole ("Syslog / SIEM server")', () => {
    const base = planWith({ agents: [makeAgent(1)], devices: [] });
    const plan = {
      ...base,
      integrations: {
        ...base.integrations,
        siem: {
          enabled: true,
          name: 'SIEM',
          address: 'siem.corp',
          transport: 'UDP' as const,
          port: 514,
        },
      },
    };
    const views = buildHostViews(resolvePlan(plan, getCatalog()));
    expect(views.find((v) => v.host.address === 'siem.corp')?.roleName).toBe(
      'Syslog / SIEM server',
    );
  });
});
