/**
 * Keeps the plan in progress across reloads and closed tabs (localStorage, through src/lib).
 *
 * - A stored plan that cannot be read (broken JSON, unknown format, failed validation, a plan
 *   from a newer planner) is copied aside under a new, timestamped backup key before anything
 *   else is written; an existing backup is never overwritten.
 * - When it cannot be kept aside, or storage cannot be read at all, nothing is written in this
 *   session (the stored data stays untouched) and the user is told.
 * - Every problem comes back as a message for the user; nothing is swallowed.
 */
import { migratePlan } from '@/core/plan/migrations';
import type { Plan } from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';
import { readItem, writeItem } from '@/lib/storage';

export const STORAGE_KEY = 'am-firewall-planner:plan';
/** Prefix of the keys that hold unreadable stored plans: `${BACKUP_KEY}:<ISO time>[-n]`. */
export const BACKUP_KEY = 'am-firewall-planner:unreadable-plan';
export const ENVELOPE_VERSION = 1;

export interface LoadResult {
  plan: Plan;
  /** A message for the user, or null. */
  error: string | null;
  /** False when writing would destroy stored data that could not be kept aside. */
  canSave: boolean;
  /** The key the unreadable stored plan was copied to, if any. */
  backupKey: string | null;
}

/** Wraps a plan in the stored envelope. */
export function encodeStoredPlan(plan: Plan): string {
  return JSON.stringify({ v: ENVELOPE_VERSION, plan });
}

/** Reads the stored envelope; never throws. */
export function decodeStoredPlan(
  raw: string,
): { ok: true; plan: Plan } | { ok: false; errors: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, errors: ['the stored text is not valid JSON'] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, errors: ['unknown storage format'] };
  }
  const envelope = parsed as { v?: unknown; plan?: unknown };
  if (envelope.v !== ENVELOPE_VERSION) return { ok: false, errors: ['unknown storage format'] };
  const result = migratePlan(envelope.plan);
  return result.ok ? { ok: true, plan: result.plan } : { ok: false, errors: result.errors };
}

/** A backup key that is not in use yet: timestamped, numbered when the time is taken. */
export function freeBackupKey(now: Date, isTaken: (key: string) => boolean): string {
  const base = `${BACKUP_KEY}:${now.toISOString()}`;
  if (!isTaken(base)) return base;
  let n = 2;
  while (isTaken(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

function isTaken(key: string): boolean {
  const read = readItem(key);
  // When we cannot tell, treat the key as taken: never risk overwriting a backup.
  return !read.ok || read.value !== null;
}

const SAVE_AS_FILE = 'Save the plan as a file to keep your work.';

export function loadStoredPlan(now: Date = new Date()): LoadResult {
  const read = readItem(STORAGE_KEY);
  if (!read.ok) {
    return {
      plan: createDefaultPlan(),
      error: `This browser's storage could not be read (${read.error}), so your changes are not saved in this browser. ${SAVE_AS_FILE}`,
      canSave: false,
      backupKey: null,
    };
  }
  if (read.value === null) {
    return { plan: createDefaultPlan(), error: null, canSave: true, backupKey: null };
  }
  const decoded = decodeStoredPlan(read.value);
  if (decoded.ok) return { plan: decoded.plan, error: null, canSave: true, backupKey: null };

  const reason = decoded.errors.join('; ');
  const backupKey = freeBackupKey(now, isTaken);
  const written = writeItem(backupKey, read.value);
  if (!written.ok) {
    return {
      plan: createDefaultPlan(),
      error: `The plan saved in this browser could not be opened (${reason}), and keeping a copy of it failed (${written.error}). It is left untouched and your changes are not saved in this browser. ${SAVE_AS_FILE}`,
      canSave: false,
      backupKey: null,
    };
  }
  return {
    plan: createDefaultPlan(),
    error: `The plan saved in this browser could not be opened (${reason}). It was kept aside in this browser's storage under "${backupKey}"; a new plan was started.`,
    canSave: true,
    backupKey,
  };
}

/** Saves the plan; returns an error message or null. */
export function savePlan(plan: Plan): string | null {
  const written = writeItem(STORAGE_KEY, encodeStoredPlan(plan));
  return written.ok
    ? null
    : `Saving the plan in this browser failed (${written.error}). ${SAVE_AS_FILE}`;
}
