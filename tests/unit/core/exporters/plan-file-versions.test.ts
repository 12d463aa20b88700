/**
 * Plan files of every plan format keep opening (tests/fixtures/plans; never edit an old one):
 *   v1.am-firewall-plan.json                  format 1, saved before plan.deployment existed
 *   v1-with-deployment.am-firewall-plan.json  format 1, saved after deployment was added
 *                                             (as an optional key) and before format 2
 *   v2.am-firewall-plan.json                  format 2 (a device names the tenant)
 *   v3.am-firewall-plan.json                  format 3 (tenant once, consoles, agent services)
 *   v3-dell-cee.am-firewall-plan.json         format 3, Dell devices sharing CEE addresses
 *   v4.am-firewall-plan.json                  format 4 (CEE servers named once)
 *   v5.am-firewall-plan.json                  format 5 (network zones and firewalls)
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { parsePlanFile, serializePlanFile } from '@/core/exporters/plan-file';
import {
  nameCeeServers,
  V2_DEFAULT_DEPLOYMENT,
  V3_DEFAULTS,
  V5_EMPTY_NETWORK,
} from '@/core/plan/migrations';
import { PLAN_SCHEMA_VERSION } from '@/core/plan/model';

const read = (name: string) =>
  readFileSync(new URL(`../../../fixtures/plans/${name}`, import.meta.url), 'utf8');

interface FileJson {
  planVersion: number;
  plan: Record<string, unknown>;
}

/** A format-4 plan as format 5 reads it: no zones. */
function asFormat5(plan: Record<string, unknown>): Record<string, unknown> {
  return { ...plan, schemaVersion: 5, network: V5_EMPTY_NETWORK };
}

/** A format-3 plan as format 5 reads it: its CEE addresses named once (nameCeeServers). */
function asFormat4(plan: Record<string, unknown>): Record<string, unknown> {
  const { ceeServers, devices } = nameCeeServers(plan.devices);
  return asFormat5({ ...plan, schemaVersion: 4, devices, ceeServers });
}

/** A format-1 or format-2 fixture plan as format 4 reads it: its tenant lifted to the plan. */
function asFormat3(plan: Record<string, unknown>): Record<string, unknown> {
  return asFormat4({
    ...plan,
    schemaVersion: 3,
    additionalConsoles: [],
    microsoftTenant: 'contoso.onmicrosoft.com',
    devices: (plan.devices as Record<string, unknown>[]).map((d) => ({ ...d, tenant: '' })),
    integrations: {
      ...(plan.integrations as object),
      threatPrevention: V3_DEFAULTS.threatPrevention,
    },
    agentServices: V3_DEFAULTS.agentServices,
  });
}

describe('plan files of every format', () => {
  it('opens a format-1 file saved before deployment existed with the default deployment', () => {
    const text = read('v1.am-firewall-plan.json');
    const saved = JSON.parse(text) as FileJson;
    expect(saved.planVersion).toBe(1);
    expect(saved.plan).not.toHaveProperty('deployment');
    expect(parsePlanFile(text, '2026.11.0')).toEqual({
      ok: true,
      plan: asFormat3({ ...saved.plan, deployment: V2_DEFAULT_DEPLOYMENT }),
      warnings: ['The plan was saved in plan format 1 and was updated to format 5.'],
    });
  });

  it('opens a format-1 file saved with a deployment (before format 2) and keeps its proxy', () => {
    const text = read('v1-with-deployment.am-firewall-plan.json');
    const saved = JSON.parse(text) as FileJson;
    expect(saved.plan).toMatchObject({ deployment: { proxy: { enabled: true, port: 3128 } } });
    const result = parsePlanFile(text, '2026.11.0');
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.plan).toEqual(asFormat3(saved.plan));
  });

  it('opens a format-2 file with its tenant entered once, for the whole plan', () => {
    const text = read('v2.am-firewall-plan.json');
    const saved = JSON.parse(text) as FileJson;
    expect(parsePlanFile(text, '2026.11.1')).toEqual({
      ok: true,
      plan: asFormat3(saved.plan),
      warnings: ['The plan was saved in plan format 2 and was updated to format 5.'],
    });
  });

  it('opens a format-3 file with its CEE server named once', () => {
    const text = read('v3.am-firewall-plan.json');
    const saved = JSON.parse(text) as FileJson;
    const result = parsePlanFile(text, '2026.11.4');
    expect(result).toEqual({
      ok: true,
      plan: asFormat4(saved.plan),
      warnings: ['The plan was saved in plan format 3 and was updated to format 5.'],
    });
    if (result.ok) expect(result.plan.ceeServers.length).toBeGreaterThan(0);
  });

  it('opens a format-4 file with no zones', () => {
    const text = read('v4.am-firewall-plan.json');
    const saved = JSON.parse(text) as FileJson;
    expect(saved.planVersion).toBe(4);
    expect(parsePlanFile(text, '2026.11.7')).toEqual({
      ok: true,
      plan: asFormat5(saved.plan),
      warnings: ['The plan was saved in plan format 4 and was updated to format 5.'],
    });
  });

  it('opens a format-5 file as it is, zones and firewalls included', () => {
    const text = read('v5.am-firewall-plan.json');
    const saved = JSON.parse(text) as FileJson;
    expect(saved.planVersion).toBe(5);
    const result = parsePlanFile(text, '2026.11.8');
    expect(result).toEqual({ ok: true, plan: saved.plan, warnings: [] });
    if (result.ok) expect(result.plan.network.firewalls.length).toBeGreaterThan(0);
  });

  it.runIf((PLAN_SCHEMA_VERSION as number) === 5)(
    'still writes the format-5 file byte for byte',
    () => {
      const text = read('v5.am-firewall-plan.json');
      const result = parsePlanFile(text, '2026.11.8');
      expect(
        result.ok &&
          serializePlanFile(result.plan, {
            catalogVersion: '2026.11.8',
            docsRevision: 'netwrix/docs@a8b312c3',
          }),
      ).toBe(text);
    },
  );
});
