import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  isPlanInProgress,
  parsePlanFile,
  PLAN_FILE_FORMAT,
  PLAN_FILE_MAX_BYTES,
  planFileName,
  serializePlanFile,
} from '@/core/exporters/plan-file';
import { createDefaultPlan, PLAN_SCHEMA_VERSION } from '@/core/plan/model';

import { fixturePlan, HOSTILE_NAMES } from '../../../fixtures/resolution-fixture';

describe('plan file', () => {
  it('round-trips a plan', () => {
    for (const plan of [createDefaultPlan(), fixturePlan(), fixturePlan(HOSTILE_NAMES)]) {
      const result = parsePlanFile(serializePlanFile(plan, '2026.11.0'), '2026.11.0');
      expect(result).toEqual({ ok: true, plan, warnings: [] });
    }
  });

  it('writes the versioned envelope', () => {
    const file = JSON.parse(serializePlanFile(createDefaultPlan(), 'v1')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(file)).toEqual(['format', 'planVersion', 'catalogVersion', 'plan']);
    expect(file.format).toBe(PLAN_FILE_FORMAT);
    expect(file.planVersion).toBe(PLAN_SCHEMA_VERSION);
    expect(file.catalogVersion).toBe('v1');
  });

  it('names the file after the plan', () => {
    expect(planFileName(fixturePlan())).toBe('contoso-hq.am-firewall-plan.json');
    expect(planFileName({ ...createDefaultPlan(), name: '東京' })).toBe(
      'plan.am-firewall-plan.json',
    );
  });

  it('warns when the catalog differs, and reads a file with a BOM', () => {
    const result = parsePlanFile(`\uFEFF${serializePlanFile(fixturePlan(), 'old')}`, 'new');
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.warnings[0]).toMatch(/saved with catalog old; this planner uses catalog new/);
  });

  it('reads a bare plan with a warning', () => {
    const result = parsePlanFile(JSON.stringify(fixturePlan()));
    expect(result.ok && result.warnings[0]).toMatch(/bare plan/);
  });

  const file = (patch: Record<string, unknown>) =>
    JSON.stringify({ ...JSON.parse(serializePlanFile(fixturePlan(), 'v')), ...patch });

  it.each([
    ['an empty file', '', /empty/],
    ['broken JSON', '{"format": ', /not valid JSON/],
    ['a JSON array', '[1,2]', /expected a JSON object/],
    ['another format', file({ format: 'excalidraw' }), /not a plan file.*"excalidraw"/],
    ['an unrelated object', '{"hello": 1}', /not a plan file/],
    ['a newer plan version', file({ planVersion: 99 }), /newer planner \(plan format 99/],
    ['no plan', file({ plan: null }), /no plan in it/],
    [
      'an invalid plan',
      file({ plan: { ...fixturePlan(), amVersion: '1.0' } }),
      /Invalid plan: amVersion/,
    ],
    ['a file over the cap', ' '.repeat(PLAN_FILE_MAX_BYTES + 1), /too large/],
  ])('refuses %s with a clear error', (_name, text, message) => {
    const result = parsePlanFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ')).toMatch(message);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.anything().map((x) => JSON.stringify(x) ?? ''),
          fc
            .anything()
            .map(
              (plan) => JSON.stringify({ format: PLAN_FILE_FORMAT, planVersion: 1, plan }) ?? '',
            ),
        ),
        (text) => {
          const result = parsePlanFile(text);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('tells a plan in progress from a new plan', () => {
    expect(isPlanInProgress(createDefaultPlan())).toBe(false);
    // Key order does not matter.
    const reordered = JSON.parse(serializePlanFile(createDefaultPlan(), 'v')) as { plan: unknown };
    const parsed = parsePlanFile(JSON.stringify(reordered));
    expect(parsed.ok && isPlanInProgress(parsed.plan)).toBe(false);
    expect(isPlanInProgress({ ...createDefaultPlan(), name: 'x' })).toBe(true);
  });
});
