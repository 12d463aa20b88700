import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { migratePlan, nameCeeServers, PLAN_MIGRATIONS } from '@/core/plan/migrations';

const fixture = (name: string): Record<string, unknown> =>
  (
    JSON.parse(readFileSync(`tests/fixtures/plans/${name}`, 'utf8')) as {
      plan: Record<string, unknown>;
    }
  ).plan;

const step = PLAN_MIGRATIONS.find((m) => m.name === 'v4-named-cee-servers');

describe("plan migration 'v4-named-cee-servers'", () => {
  it('reads format 3 and is the last step', () => {
    expect(step?.fromVersion).toBe(3);
  });

  it('opens the format-3 Dell fixture with its CEE servers named once', () => {
    const result = migratePlan(fixture('v3-dell-cee.am-firewall-plan.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(3);
    expect(result.plan.ceeServers).toEqual([
      { id: 'cee-1', name: 'CEE server 1', address: 'cee01.corp.contoso.com', os: 'windows' },
      { id: 'cee-2', name: 'CEE server 2', address: '', os: 'windows' },
      { id: 'cee-3', name: 'CEE server 3', address: '', os: 'windows' },
      { id: 'cee-4', name: 'CEE server 4', address: '10.1.5.99', os: 'windows' },
    ]);
    expect(result.plan.devices.map((d) => d.options)).toEqual([
      // Same address, whatever its case and spaces: one CEE server; the delivery choice is kept.
      { ceePlacement: 'separate', ceeDelivery: 'http', ceeServer: 'cee-1' },
      { ceePlacement: 'separate', ceeServer: 'cee-1' },
      // No address: one CEE server per device, so nothing merges wrongly.
      { ceePlacement: 'separate', ceeServer: 'cee-2' },
      { ceePlacement: 'separate', ceeServer: 'cee-3' },
      // An address typed while the CEE ran on the agent server is kept, still unused.
      { ceePlacement: 'agent', ceeServer: 'cee-4' },
      {},
    ]);
  });

  it.each([
    ['an empty device list', [], []],
    ['a device without options', [{ id: 'dev-1' }], []],
    [
      'an empty address on the agent server (dropped: nothing was typed)',
      [{ options: { ceePlacement: 'agent', ceeAddress: '' } }],
      [],
    ],
  ])('%s', (_label, devices, ceeServers) => {
    expect(nameCeeServers(devices).ceeServers).toEqual(ceeServers);
  });

  it('refuses a format-3 plan that already holds ceeServers', () => {
    const plan = { ...fixture('v3-dell-cee.am-firewall-plan.json'), ceeServers: [] };
    const result = migratePlan(plan);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.join(' ')).toContain('v4-named-cee-servers');
      expect(result.errors.join(' ')).toContain('ceeServers');
    }
  });

  it('keeps the other format-3 fixture opening, its CEE address named', () => {
    const result = migratePlan(fixture('v3.am-firewall-plan.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.ceeServers).toEqual([
      { id: 'cee-1', name: 'CEE server 1', address: 'cee01.corp.contoso.com', os: 'windows' },
    ]);
    expect(result.plan.devices.find((d) => d.environment === 'dell-isilon')?.options).toEqual({
      ceePlacement: 'separate',
      ceeServer: 'cee-1',
    });
  });
});
