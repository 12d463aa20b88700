import { describe, expect, it } from 'vitest';

import { createDefaultPlan, PLAN_SCHEMA_VERSION } from '@/core/plan/model';
import { migratePlan } from '@/core/plan/migrations';
import { parsePlan } from '@/core/plan/parse-plan';

describe('parsePlan', () => {
  it('accepts the default plan', () => {
    const result = parsePlan(createDefaultPlan());
    expect(result.ok).toBe(true);
  });

  it.each([
    ['not an object', 42, ''],
    [
      'a port out of range',
      {
        ...createDefaultPlan(),
        settings: { ...createDefaultPlan().settings, rpcRange: { from: 0, to: 65535 } },
      },
      'settings.rpcRange.from',
    ],
    ['an overlong name', { ...createDefaultPlan(), name: 'x'.repeat(201) }, 'name'],
    ['an unknown version', { ...createDefaultPlan(), amVersion: '6.0' }, 'amVersion'],
  ])('rejects %s and names the field', (_label, input, field) => {
    const result = parsePlan(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ')).toContain(field);
  });

  it('opens a plan saved before plan.deployment existed with the default deployment', () => {
    const { deployment: _dropped, ...old } = createDefaultPlan();
    const first = parsePlan(old);
    const second = parsePlan(old);
    expect(first.ok && first.plan.deployment).toEqual(createDefaultPlan().deployment);
    // Each plan gets its own default object (no shared, mutable default).
    expect(first.ok && second.ok && first.plan.deployment !== second.plan.deployment).toBe(true);
  });

  it.each([
    ['a proxy port out of range', { proxy: { enabled: true, name: 'P', address: '', port: 0 } }],
    ['a deployment without archive', { archive: undefined }],
  ])('rejects %s in the deployment', (_label, patch) => {
    const plan = createDefaultPlan();
    const result = parsePlan({ ...plan, deployment: { ...plan.deployment, ...patch } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ')).toContain('deployment.');
  });

  it('drops a __proto__ key instead of polluting prototypes', () => {
    const hostile = JSON.parse(
      JSON.stringify(createDefaultPlan()).replace(
        '"ports":{}',
        '"ports":{"__proto__":{"polluted":1}}',
      ),
    ) as unknown;
    const result = parsePlan(hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.ok) expect(Object.getPrototypeOf(result.plan.settings.ports)).toBe(Object.prototype);
  });
});

describe('migratePlan', () => {
  it('rejects a plan from a newer planner with a clear message', () => {
    const result = migratePlan({ ...createDefaultPlan(), schemaVersion: PLAN_SCHEMA_VERSION + 1 });
    expect(result).toEqual({ ok: false, errors: [expect.stringContaining('newer planner')] });
  });

  it('passes a current plan through unchanged', () => {
    const plan = createDefaultPlan();
    expect(migratePlan(plan)).toEqual({ ok: true, plan, migratedFrom: null });
  });
});
