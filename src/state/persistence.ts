/**
 * Keeps the plan in progress across reloads and closed tabs (localStorage, through src/lib).
 *
 * - A stored plan that cannot be read (broken JSON, unknown format, failed validation, a plan
 *   from a newer planner) is copied aside under a new, timestamped backup key before anything
 *   else is written; an existing backup is never overwritten.
 * - When it cannot be kept aside, or storage cannot be read at all, nothing is written in this
 *   session (the stored data stays untouched) and the user is told.
 * - Every problem comes back as a message for the user; nothing is swallowed.
 * - Each save stamps the envelope with a revision (`rev`, one more than the revision it replaces),
 *   the saving tab's id and the time. `savePlan` only writes when the stored text is still the
 *   one the tab last loaded or wrote (compare-and-save): tabs never overwrite each other silently
 *   (the policy around it is in tab-session.ts).
 */
import { migratePlan } from '@/core/plan/migrations';
import type { Plan } from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';
import type { StorageResult } from '@/lib/storage';
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
  /** What storage held when the plan was loaded (the tab's first baseline). */
  baseline: Baseline;
}

/**
 * Who saved the stored plan, and when. A plan stored before revisions existed (`{ v: 1, plan }`)
 * reads as revision 0 with no tab and no time.
 */
export interface StoredStamp {
  /** 0 for a plan stored without a revision; each save writes the revision it replaces + 1. */
  rev: number;
  /** The id of the tab that saved it (random, per page load). */
  tabId: string | null;
  /** ISO time of the save. */
  savedAt: string | null;
}

export const NO_STAMP: StoredStamp = { rev: 0, tabId: null, savedAt: null };

/** What a tab last loaded or wrote: `savePlan` writes only while storage still holds `raw`. */
export interface Baseline {
  /** The stored text, or null when nothing was stored. */
  raw: string | null;
  rev: number;
}

/** Wraps a plan in the stored envelope. */
export function encodeStoredPlan(plan: Plan, stamp: StoredStamp = NO_STAMP): string {
  return JSON.stringify({ v: ENVELOPE_VERSION, ...stamp, plan });
}

const MAX_STAMP_TEXT = 100;

function stampOf(envelope: Record<string, unknown>): StoredStamp {
  const { rev, tabId, savedAt } = envelope;
  const text = (x: unknown) => (typeof x === 'string' && x.length <= MAX_STAMP_TEXT ? x : null);
  return {
    // A missing or damaged revision reads as 0: the plan still opens, and any tab that saw
    // another revision treats the stored plan as changed.
    rev: typeof rev === 'number' && Number.isSafeInteger(rev) && rev >= 0 ? rev : 0,
    tabId: text(tabId),
    savedAt: text(savedAt),
  };
}

/** Reads the stored envelope with its stamp; never throws. */
export function decodeStoredEnvelope(
  raw: string,
): { ok: true; plan: Plan; stamp: StoredStamp } | { ok: false; errors: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, errors: ['the stored text is not valid JSON'] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, errors: ['unknown storage format'] };
  }
  const envelope = parsed as Record<string, unknown>;
  if (envelope.v !== ENVELOPE_VERSION) return { ok: false, errors: ['unknown storage format'] };
  const result = migratePlan(envelope.plan);
  return result.ok
    ? { ok: true, plan: result.plan, stamp: stampOf(envelope) }
    : { ok: false, errors: result.errors };
}

/** Reads the stored envelope; never throws. */
export function decodeStoredPlan(
  raw: string,
): { ok: true; plan: Plan } | { ok: false; errors: string[] } {
  const decoded = decodeStoredEnvelope(raw);
  return decoded.ok ? { ok: true, plan: decoded.plan } : decoded;
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
      baseline: { raw: null, rev: 0 },
    };
  }
  if (read.value === null) {
    return {
      plan: createDefaultPlan(),
      error: null,
      canSave: true,
      backupKey: null,
      baseline: { raw: null, rev: 0 },
    };
  }
  const decoded = decodeStoredEnvelope(read.value);
  if (decoded.ok) {
    return {
      plan: decoded.plan,
      error: null,
      canSave: true,
      backupKey: null,
      baseline: { raw: read.value, rev: decoded.stamp.rev },
    };
  }

  const reason = decoded.errors.join('; ');
  // Once kept aside, the unreadable text may be replaced by this tab's first save.
  const baseline = { raw: read.value, rev: 0 };
  const backupKey = keepAside(read.value, now);
  if (!backupKey.ok) {
    return {
      plan: createDefaultPlan(),
      error: `The plan saved in this browser could not be opened (${reason}), and keeping a copy of it failed (${backupKey.error}). It is left untouched and your changes are not saved in this browser. ${SAVE_AS_FILE}`,
      canSave: false,
      backupKey: null,
      baseline,
    };
  }
  return {
    plan: createDefaultPlan(),
    error: `The plan saved in this browser could not be opened (${reason}). It was kept aside in this browser's storage under "${backupKey.value}"; a new plan was started.`,
    canSave: true,
    backupKey: backupKey.value,
    baseline,
  };
}

/** Copies stored text aside under a new backup key; returns the key or the write's error. */
export function keepAside(raw: string, now: Date): StorageResult<string> {
  const key = freeBackupKey(now, isTaken);
  const written = writeItem(key, raw);
  return written.ok ? { ok: true, value: key } : written;
}

export type SaveResult =
  | { status: 'saved'; baseline: Baseline }
  /** Storage holds something else than `expected`: nothing was written. */
  | { status: 'conflict'; stored: string }
  | { status: 'failed'; message: string };

/**
 * Compare-and-save: writes the plan (revision `expected.rev + 1`) only while storage still holds
 * `expected.raw`, or nothing at all (nothing to overwrite then).
 */
export function savePlan(
  plan: Plan,
  expected: Baseline,
  tabId: string,
  now: Date = new Date(),
): SaveResult {
  const read = readItem(STORAGE_KEY);
  if (!read.ok) return { status: 'failed', message: saveFailed(read.error) };
  if (read.value !== null && read.value !== expected.raw) {
    return { status: 'conflict', stored: read.value };
  }
  const rev = expected.rev + 1;
  const raw = encodeStoredPlan(plan, { rev, tabId, savedAt: now.toISOString() });
  const written = writeItem(STORAGE_KEY, raw);
  return written.ok
    ? { status: 'saved', baseline: { raw, rev } }
    : { status: 'failed', message: saveFailed(written.error) };
}

function saveFailed(error: string): string {
  return `Saving the plan in this browser failed (${error}). ${SAVE_AS_FILE}`;
}
