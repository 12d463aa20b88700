/**
 * Named, ordered migrations of the plan's shape (tldraw style). A plan of any earlier
 * schemaVersion is brought up to PLAN_SCHEMA_VERSION, then checked by parsePlan.
 * To change the plan's shape: bump PLAN_SCHEMA_VERSION, add a step here with a fixture
 * of the old shape in tests/fixtures/plans, and update docs/plan-format.md.
 */
import type { Plan } from './model';
import { PLAN_SCHEMA_VERSION } from './model';
import { parsePlan } from './parse-plan';

export interface PlanMigration {
  /** The schemaVersion this step reads; it writes fromVersion + 1. */
  fromVersion: number;
  name: string;
  up: (plan: Record<string, unknown>) => Record<string, unknown>;
}

/** Empty while schemaVersion is 1; the first shape change adds { fromVersion: 1, ... }. */
export const PLAN_MIGRATIONS: readonly PlanMigration[] = [];

export type MigrateResult =
  { ok: true; plan: Plan; migratedFrom: number | null } | { ok: false; errors: string[] };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Migrates and validates an untrusted plan object. Never throws. */
export function migratePlan(input: unknown): MigrateResult {
  if (!isRecord(input)) return { ok: false, errors: ['The plan is not a JSON object.'] };
  const version = input.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: ['The plan has no valid schemaVersion.'] };
  }
  if (version > PLAN_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [
        `The plan was saved by a newer planner (plan format ${version}; this planner reads up to ${PLAN_SCHEMA_VERSION}).`,
      ],
    };
  }
  let current: Record<string, unknown> = input;
  for (let from = version; from < PLAN_SCHEMA_VERSION; from += 1) {
    const step = PLAN_MIGRATIONS.find((m) => m.fromVersion === from);
    if (!step) return { ok: false, errors: [`No migration from plan format ${from}.`] };
    try {
      current = { ...step.up(current), schemaVersion: from + 1 };
    } catch (e) {
      return { ok: false, errors: [`Migration "${step.name}" failed: ${String(e)}`] };
    }
  }
  const parsed = parsePlan(current);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    plan: parsed.plan,
    migratedFrom: version === PLAN_SCHEMA_VERSION ? null : version,
  };
}
