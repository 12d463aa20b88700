/**
 * Plan files of every plan format keep opening (tests/fixtures/plans; never edit an old one):
 *   v1.am-firewall-plan.json                  format 1, saved before plan.deployment existed
 *   v1-with-deployment.am-firewall-plan.json  format 1, saved after deployment was added
 *                                             (as an optional key) and before format 2
 *   v2.am-firewall-plan.json                  format 2
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { parsePlanFile, serializePlanFile } from '@/core/exporters/plan-file';
import { V2_DEFAULT_DEPLOYMENT } from '@/core/plan/migrations';
import { PLAN_SCHEMA_VERSION } from '@/core/plan/model';

const read = (name: string) =>
  readFileSync(new URL(`../../../fixtures/plans/${name}`, import.meta.url), 'utf8');

interface FileJson {
  planVersion: number;
  plan: Record<string, unknown>;
}

describe('plan files of every format', () => {
  it('opens a format-1 file saved before deployment existed with the default deployment', () => {
    const text = read('v1.am-firewall-plan.json');
    const saved = JSON.parse(text) as FileJson;
    expect(saved.planVersion).toBe(1);
    expect(saved.plan).not.toHaveProperty('deployment');
    expect(parsePlanFile(text, '2026.11.0')).toEqual({
      ok: true,
      plan: { ...saved.plan, schemaVersion: 2, deployment: V2_DEFAULT_DEPLOYMENT },
      warnings: ['The plan was saved in plan format 1 and was updated to format 2.'],
    });
  });

  it('opens a format-1 file saved with a deployment (before format 2) and keeps its proxy', () => {
    const text = read('v1-with-deployment.am-firewall-plan.json');
    const saved = JSON.parse(text) as FileJson;
    expect(saved.plan).toMatchObject({ deployment: { proxy: { enabled: true, port: 3128 } } });
    const result = parsePlanFile(text, '2026.11.0');
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.plan).toEqual({ ...saved.plan, schemaVersion: 2 });
  });

  it('opens a format-2 file as it is', () => {
    const text = read('v2.am-firewall-plan.json');
    const saved = JSON.parse(text) as FileJson;
    expect(parsePlanFile(text, '2026.11.1')).toEqual({ ok: true, plan: saved.plan, warnings: [] });
  });

  it.runIf(PLAN_SCHEMA_VERSION === 2)('still writes the format-2 file byte for byte', () => {
    const text = read('v2.am-firewall-plan.json');
    const result = parsePlanFile(text, '2026.11.1');
    expect(result.ok && serializePlanFile(result.plan, '2026.11.1')).toBe(text);
  });
});
