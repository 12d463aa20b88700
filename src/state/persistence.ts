/**
 * Keeps the plan in progress across reloads. A stored plan that cannot be read is kept
 * aside under a backup key (never overwritten) and the user is told.
 */
import type { Plan } from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';
import { migratePlan } from '@/core/plan/migrations';
import { readItem, writeItem } from '@/lib/storage';

export const STORAGE_KEY = 'am-firewall-planner:plan';
export const BACKUP_KEY = 'am-firewall-planner:unreadable-plan';
const ENVELOPE_VERSION = 1;

export function loadStoredPlan(): { plan: Plan; error: string | null } {
  const read = readItem(STORAGE_KEY);
  if (!read.ok) {
    return { plan: createDefaultPlan(), error: `The saved plan could not be read: ${read.error}` };
  }
  if (read.value === null) return { plan: createDefaultPlan(), error: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.value);
  } catch {
    parsed = undefined;
  }
  const envelope = parsed as { v?: unknown; plan?: unknown } | undefined;
  const result =
    envelope && envelope.v === ENVELOPE_VERSION
      ? migratePlan(envelope.plan)
      : ({ ok: false, errors: ['unknown storage format'] } as const);
  if (result.ok) return { plan: result.plan, error: null };
  writeItem(BACKUP_KEY, read.value);
  return {
    plan: createDefaultPlan(),
    error: `The saved plan could not be opened (${result.errors.join('; ')}). It was kept aside in this browser's storage under "${BACKUP_KEY}"; a new plan was started.`,
  };
}

/** Saves the plan; returns an error message or null. */
export function savePlan(plan: Plan): string | null {
  const written = writeItem(STORAGE_KEY, JSON.stringify({ v: ENVELOPE_VERSION, plan }));
  return written.ok
    ? null
    : `Saving the plan in this browser failed: ${written.error}. Save it as a file to keep it.`;
}
