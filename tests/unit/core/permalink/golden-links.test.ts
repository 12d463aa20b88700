/**
 * Golden links: every link format ever written keeps opening, forever (URL-3).
 * Each tests/fixtures/permalinks/v<N>.txt holds a link payload written by format N and
 * v<N>.plan.json the plan it must open as (migrated like any plan of its schemaVersion). Never
 * regenerate or edit an old fixture; add a new one for each new PERMALINK_VERSION (see
 * src/core/permalink/migrations.ts).
 * v1.txt was written before plan.deployment existed: it opens with the default deployment of
 * format 2. v2.txt's devices name a tenant, which format 3 lifts to the plan.
 * v1-deployment.txt is a format-1 link written after deployment was added and before
 * format 2 (by the planner of that time): it keeps its deployment.
 * v5.txt holds network zones and firewalls (plan format 5).
 */
import { readdirSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { crc32, decodePlan, encodePlan } from '@/core/permalink/codec';
import { DICTIONARY_V1 } from '@/core/permalink/dictionary-v1';
import { PERMALINK_VERSION } from '@/core/permalink/migrations';
import {
  migratePlan,
  nameCeeServers,
  V2_DEFAULT_DEPLOYMENT,
  V3_DEFAULTS,
  V5_EMPTY_NETWORK,
} from '@/core/plan/migrations';
import type { Plan } from '@/core/plan/model';
import { createDefaultDeployment } from '@/core/plan/model';

const DIR = new URL('../../../fixtures/permalinks/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DIR), 'utf8');
const versions = readdirSync(DIR)
  .map((f) => /^v(\d+)\.txt$/.exec(f)?.[1])
  .filter((v): v is string => v !== undefined)
  .map(Number)
  .sort((a, b) => a - b);

/** What format 3 adds to the format-1 and format-2 fixtures, whose devices name contoso. */
const V3_FROM_FIXTURE = {
  additionalConsoles: [],
  microsoftTenant: 'contoso.onmicrosoft.com',
  agentServices: V3_DEFAULTS.agentServices,
};

/**
 * A format-3 plan as format 5 opens it: its CEE addresses named once (nameCeeServers), no
 * zones (v5-network-zones).
 */
function asFormat4(plan: Record<string, unknown>): Record<string, unknown> {
  const { ceeServers, devices } = nameCeeServers(plan.devices);
  return { ...plan, devices, ceeServers, network: V5_EMPTY_NETWORK, schemaVersion: 5 };
}

/** The fixture's devices once the tenant is the plan's. */
function withoutTenant(devices: unknown): unknown {
  return (devices as Record<string, unknown>[]).map((d) => ({ ...d, tenant: '' }));
}

describe('golden permalink fixtures', () => {
  it('has a fixture for every link version up to the current one', () => {
    expect(versions).toEqual(Array.from({ length: PERMALINK_VERSION }, (_, i) => i + 1));
  });

  it.each(versions)('opens the format-%i golden link as its expected plan', (version) => {
    const link = read(`v${version}.txt`).trim();
    const opened = migratePlan(JSON.parse(read(`v${version}.plan.json`)));
    expect(opened.ok).toBe(true);
    const result = decodePlan(link);
    expect(result).toMatchObject({ ok: true, version });
    if (result.ok && opened.ok) expect(result.plan).toEqual(opened.plan);
  });

  it('opens the format-1 golden link as its old expected plan plus the default deployment', () => {
    const old = JSON.parse(read('v1.plan.json')) as Record<string, unknown>;
    expect(old).not.toHaveProperty('deployment');
    const result = decodePlan(read('v1.txt').trim());
    expect(result).toMatchObject({ ok: true, version: 1 });
    if (!result.ok) return;
    expect(result.plan).toEqual(
      asFormat4({
        ...old,
        ...V3_FROM_FIXTURE,
        devices: withoutTenant(old.devices),
        integrations: {
          ...(old.integrations as object),
          threatPrevention: V3_DEFAULTS.threatPrevention,
        },
        schemaVersion: 3,
        deployment: V2_DEFAULT_DEPLOYMENT,
      }),
    );
    expect(result.plan.deployment).toEqual(createDefaultDeployment());
    expect(result.warnings).toEqual([expect.stringContaining('earlier version of the planner')]);
  });

  it('opens a format-1 link written with a deployment (before format 2) with its deployment', () => {
    const expected = JSON.parse(read('v1-deployment.plan.json')) as Record<string, unknown>;
    expect(expected).toMatchObject({ schemaVersion: 1, deployment: { proxy: { port: 3128 } } });
    const result = decodePlan(read('v1-deployment.txt').trim());
    expect(result).toMatchObject({ ok: true, version: 1 });
    if (result.ok) {
      expect(result.plan).toEqual(
        asFormat4({
          ...expected,
          ...V3_FROM_FIXTURE,
          devices: withoutTenant(expected.devices),
          integrations: {
            ...(expected.integrations as object),
            threatPrevention: V3_DEFAULTS.threatPrevention,
          },
          schemaVersion: 3,
        }),
      );
    }
  });

  it('opens the format-2 golden link with its network proxy and its tenant lifted to the plan', () => {
    const result = decodePlan(read('v2.txt').trim());
    expect(result).toMatchObject({
      ok: true,
      version: 2,
      warnings: [expect.stringContaining('earlier version of the planner')],
      plan: {
        deployment: { proxy: { enabled: true, port: 3128 } },
        microsoftTenant: 'contoso.onmicrosoft.com',
      },
    });
  });

  it('opens the format-3 golden link with its tenant, consoles, agent services and TP', () => {
    const result = decodePlan(read('v3.txt').trim());
    expect(result).toMatchObject({
      ok: true,
      version: 3,
      warnings: [
        'This link was made by an earlier version of the planner (link format 3); it was updated to the current format.',
      ],
      plan: {
        microsoftTenant: 'contoso.onmicrosoft.com',
        additionalConsoles: [{ address: 'am-console2.corp.contoso.com' }, { name: 'DR console' }],
        integrations: { threatPrevention: { enabled: true, address: '10.1.9.1' } },
        agentServices: { dns: { enabled: true, addresses: ['10.1.0.53', '10.2.0.53'] } },
      },
    });
    if (result.ok) expect(result.plan.devices.map((d) => d.tenant)).toContain('fabrikam');
  });

  it('opens the format-5 golden link with its zones and firewalls', () => {
    const result = decodePlan(read('v5.txt').trim());
    expect(result).toMatchObject({ ok: true, version: 5, warnings: [] });
    if (!result.ok) return;
    expect(result.plan.network.zones.map((z) => z.name)).toEqual([
      'Server VLAN',
      'NAS VLAN',
      'DMZ',
    ]);
    expect(result.plan.network.firewalls.map((f) => [f.name, f.kind])).toEqual([
      ['Core firewall', 'panos'],
      ['Edge firewall', 'fortios'],
    ]);
  });

  it.runIf((PERMALINK_VERSION as number) === 5)(
    'still writes the format-5 golden link byte for byte',
    () => {
      const expected = JSON.parse(read('v5.plan.json')) as Plan;
      expect(encodePlan(expected, { catalogVersion: '2026.11.8' })).toBe(read('v5.txt').trim());
    },
  );

  it('keeps the frozen format-1 dictionary unchanged', () => {
    expect(DICTIONARY_V1.length).toBe(1653);
    expect(crc32(DICTIONARY_V1).toString(16).padStart(8, '0')).toBe('000b4f48');
  });
});
