/**
 * The plan file ("Save plan" / "Open plan file"): a versioned JSON envelope
 *   { format: 'am-firewall-plan', planVersion, catalogVersion, docsRevision, plan }
 * (docsRevision, e.g. "netwrix/docs@a8b312c3", since plan format 3; optional when read).
 * documented in docs/plan-format.md (JSON Schema: docs/plan.schema.json).
 * Reading goes through migratePlan (caps, migrations, strict structural validation) and never
 * throws. A file of a newer plan format is refused; a key the format does not have, in the
 * envelope or the plan, is an error naming its place. Text from the file appears in messages
 * only through quoteInput (short, quoted).
 */
import type { Catalog } from '@/core/catalog/model';
import { formatDocsRevision } from '@/core/catalog/provenance';
import { migratePlan, newerPlanMessage } from '@/core/plan/migrations';
import type { Plan } from '@/core/plan/model';
import { createDefaultPlan, PLAN_SCHEMA_VERSION } from '@/core/plan/model';
import { keyNotAllowed } from '@/core/plan/parse-plan';
import { describeValue, quoteInput } from '@/core/validate/quote';

import { planSlug } from './file-name';

export const PLAN_FILE_FORMAT = 'am-firewall-plan';
/** Files above this size are refused before they are read (2 MB). */
export const PLAN_FILE_MAX_BYTES = 2 * 1024 * 1024;
export const PLAN_FILE_MIME_TYPE = 'application/json';

export interface PlanFile {
  format: typeof PLAN_FILE_FORMAT;
  planVersion: number;
  catalogVersion: string;
  /** The docs revision the catalog was built from (formatDocsRevision), since plan format 3. */
  docsRevision: string;
  plan: Plan;
}

const ENVELOPE_KEYS = ['format', 'planVersion', 'catalogVersion', 'docsRevision', 'plan'];

export type PlanFileResult =
  | { ok: true; plan: Plan; warnings: string[] }
  /** newer: refused because a newer planner made it (the command line's exit code says so). */
  | { ok: false; errors: string[]; newer?: true };

/** The catalog's stamp on a plan file: its version and the docs revision it was built from. */
export function planFileStamp(catalog: Pick<Catalog, 'version' | 'docsRevision'>): {
  catalogVersion: string;
  docsRevision: string;
} {
  return {
    catalogVersion: catalog.version,
    docsRevision: formatDocsRevision(catalog.docsRevision),
  };
}

export function serializePlanFile(
  plan: Plan,
  stamp: { catalogVersion: string; docsRevision: string },
): string {
  const file: PlanFile = {
    format: PLAN_FILE_FORMAT,
    planVersion: PLAN_SCHEMA_VERSION,
    catalogVersion: stamp.catalogVersion,
    docsRevision: stamp.docsRevision,
    plan,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function planFileName(plan: Plan): string {
  return `${planSlug(plan.name)}.am-firewall-plan.json`;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Reads a plan file. `currentCatalogVersion`, when given, adds a warning if the file was saved
 * with another catalog. Never throws.
 */
export function parsePlanFile(text: string, currentCatalogVersion?: string): PlanFileResult {
  if (typeof text !== 'string') return { ok: false, errors: ['The file could not be read.'] };
  if (text.length > PLAN_FILE_MAX_BYTES) {
    return {
      ok: false,
      errors: [
        `The file is too large for a plan file (more than ${PLAN_FILE_MAX_BYTES / 1024 / 1024} MB).`,
      ],
    };
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, errors: ['The file is empty.'] };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    // The engine's message quotes a few characters of the file at most; cap it all the same.
    const detail = (e instanceof Error ? e.message : String(e)).slice(0, 160);
    return { ok: false, errors: [`The file is not valid JSON (${detail}).`] };
  }
  if (!isRecord(data)) {
    return { ok: false, errors: ['The file does not hold a plan (expected a JSON object).'] };
  }

  const warnings: string[] = [];
  let planData: unknown;
  if ('format' in data) {
    if (data.format !== PLAN_FILE_FORMAT) {
      return {
        ok: false,
        errors: [
          `This is not a plan file of the Activity Monitor Firewall Planner (format ${typeof data.format === 'string' ? quoteInput(data.format) : 'missing or not text'}, expected "${PLAN_FILE_FORMAT}").`,
        ],
      };
    }
    const planVersion = data.planVersion;
    if (typeof planVersion !== 'number' || !Number.isInteger(planVersion) || planVersion < 1) {
      return { ok: false, errors: ['The plan file has no valid planVersion.'] };
    }
    if (planVersion > PLAN_SCHEMA_VERSION) {
      return {
        ok: false,
        errors: [newerPlanMessage('The plan file was', planVersion)],
        newer: true,
      };
    }
    const extra = Object.keys(data).find((key) => !ENVELOPE_KEYS.includes(key));
    if (extra !== undefined) {
      return { ok: false, errors: [`The plan file's header: ${keyNotAllowed([], extra)}.`] };
    }
    if (!isRecord(data.plan)) return { ok: false, errors: ['The plan file has no plan in it.'] };
    const schemaVersion = data.plan.schemaVersion;
    if (typeof schemaVersion === 'number' && schemaVersion > PLAN_SCHEMA_VERSION) {
      return {
        ok: false,
        errors: [newerPlanMessage('The plan in this file was', schemaVersion)],
        newer: true,
      };
    }
    if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion)) {
      return { ok: false, errors: ['The plan in the file has no valid schemaVersion.'] };
    }
    if (schemaVersion !== planVersion) {
      return {
        ok: false,
        errors: [
          `The plan file says plan format ${planVersion}, but its plan says ${schemaVersion}; they must be equal.`,
        ],
      };
    }
    const saved = data.catalogVersion;
    if (saved !== undefined && typeof saved !== 'string') {
      return {
        ok: false,
        errors: [`The plan file's catalogVersion: expected text, got ${describeValue(saved)}.`],
      };
    }
    if (data.docsRevision !== undefined && typeof data.docsRevision !== 'string') {
      return {
        ok: false,
        errors: [
          `The plan file's docsRevision: expected text, got ${describeValue(data.docsRevision)}.`,
        ],
      };
    }
    planData = data.plan;
    if (
      currentCatalogVersion !== undefined &&
      typeof saved === 'string' &&
      saved !== currentCatalogVersion
    ) {
      warnings.push(
        `The plan was saved with catalog ${quoteInput(saved)}; this planner uses catalog ${currentCatalogVersion}. The rules are computed with the current catalog and may differ from an earlier export.`,
      );
    }
  } else if ('schemaVersion' in data) {
    planData = data;
    warnings.push(
      'The file holds a bare plan without the plan file header; it was read as a plan.',
    );
  } else {
    return {
      ok: false,
      errors: [
        `This is not a plan file of the Activity Monitor Firewall Planner (no "format": "${PLAN_FILE_FORMAT}").`,
      ],
    };
  }

  const migrated = migratePlan(planData);
  if (!migrated.ok) {
    const errors = migrated.errors.map((e) => `Invalid plan: ${e}`);
    return migrated.newer ? { ok: false, errors, newer: true } : { ok: false, errors };
  }
  if (migrated.migratedFrom !== null) {
    warnings.push(
      `The plan was saved in plan format ${migrated.migratedFrom} and was updated to format ${PLAN_SCHEMA_VERSION}.`,
    );
  }
  return { ok: true, plan: migrated.plan, warnings };
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Whether two plans hold the same data (key order ignored). */
export function samePlan(a: Plan, b: Plan): boolean {
  return stableStringify(a) === stableStringify(b);
}

/** A plan in progress: anything but an untouched new plan (opening a file asks first). */
export function isPlanInProgress(plan: Plan): boolean {
  return !samePlan(plan, createDefaultPlan());
}
