/**
 * One tab's view of the stored plan, so that tabs never overwrite each other silently.
 *
 * The tab remembers its baseline: the stored text it last loaded, adopted or wrote, and the plan
 * that text holds (`savedPlan`). From that:
 *
 * - **Saving** (`save`) is compare-and-save (persistence.ts `savePlan`): when storage no longer
 *   holds the baseline, another tab saved in between (its `storage` event may not have arrived,
 *   or was missed), and nothing is written: the tab is in conflict.
 * - **Another tab saved** (`check`, on the `storage` event): when this tab has nothing unsaved
 *   (its plan is still `savedPlan`) and the stored plan is newer (higher revision), the tab takes
 *   it silently. Otherwise (unsaved changes, a stored revision that is not newer, text this tab
 *   cannot read) the tab is in conflict.
 * - **In conflict** the tab writes nothing until the user chooses: `loadTheirs` (the stored plan
 *   replaces this tab's) or `keepMine` (this tab's replaces the stored one; the UI asks first and
 *   offers to download theirs; unreadable text is kept aside under a backup key first).
 *
 * A stored plan equal to this tab's plan is never a conflict: the tab just takes its baseline.
 * Pure apart from storage (through src/lib), so several sessions can share one storage in tests.
 */
import type { Plan } from '@/core/plan/model';
import { readItem } from '@/lib/storage';

import type { Baseline } from './persistence';
import { decodeStoredEnvelope, keepAside, savePlan, STORAGE_KEY } from './persistence';

/** A stored plan this tab did not write and has not seen. */
export type OtherVersion =
  | { readable: true; raw: string; plan: Plan; rev: number; savedAt: string | null }
  | { readable: false; raw: string; reason: string };

export type SyncOutcome =
  /** Nothing for the UI to do. */
  | { kind: 'none' }
  /** This tab's plan was written. */
  | { kind: 'saved' }
  /** Show this plan: another tab's, taken silently or chosen by the user. */
  | { kind: 'adopt'; plan: Plan }
  /** The tab is in conflict with `theirs` and writes nothing (new or updated conflict). */
  | { kind: 'conflict'; theirs: OtherVersion }
  /** Storage failed; the message is for the user. */
  | { kind: 'failed'; message: string };

const NONE: SyncOutcome = { kind: 'none' };

/** A random id for this page load (not a secret: it only tells tabs apart in the stored stamp). */
export function newTabId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/** Structural equality of JSON-like values (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!isRecord(a) || !isRecord(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]));
}

function versionOf(raw: string): OtherVersion {
  const decoded = decodeStoredEnvelope(raw);
  return decoded.ok
    ? {
        readable: true,
        raw,
        plan: decoded.plan,
        rev: decoded.stamp.rev,
        savedAt: decoded.stamp.savedAt,
      }
    : { readable: false, raw, reason: decoded.errors.join('; ') };
}

export class TabSession {
  readonly tabId: string;
  private baseline: Baseline;
  private savedPlan: Plan;
  private theirs: OtherVersion | null = null;

  constructor(tabId: string, baseline: Baseline, savedPlan: Plan) {
    this.tabId = tabId;
    this.baseline = baseline;
    this.savedPlan = savedPlan;
  }

  /** The other tab's version while this tab is in conflict, else null. */
  get conflict(): OtherVersion | null {
    return this.theirs;
  }

  /** True when `plan` holds changes that are not in storage. */
  hasUnsaved(plan: Plan): boolean {
    return plan !== this.savedPlan && !sameValue(plan, this.savedPlan);
  }

  private settle(baseline: Baseline, plan: Plan): void {
    this.baseline = baseline;
    this.savedPlan = plan;
    this.theirs = null;
  }

  /** Storage holds `version`, which this tab did not write: take it, or be in conflict. */
  private meet(version: OtherVersion, plan: Plan, mayAdopt: boolean): SyncOutcome {
    if (version.readable && sameValue(version.plan, plan)) {
      this.settle({ raw: version.raw, rev: version.rev }, plan);
      return NONE;
    }
    if (mayAdopt && version.readable && version.rev > this.baseline.rev && !this.hasUnsaved(plan)) {
      this.settle({ raw: version.raw, rev: version.rev }, version.plan);
      return { kind: 'adopt', plan: version.plan };
    }
    this.theirs = version;
    return { kind: 'conflict', theirs: version };
  }

  /** Saves `plan` unless another tab saved since this tab's baseline (then: conflict). */
  save(plan: Plan, now: Date = new Date()): SyncOutcome {
    if (this.theirs !== null || !this.hasUnsaved(plan)) return NONE;
    return this.write(plan, this.baseline, now, (message) => ({ kind: 'failed', message }));
  }

  /** Another tab may have saved (storage event, page shown again): look at storage. */
  check(plan: Plan): SyncOutcome {
    const read = readItem(STORAGE_KEY);
    // Nothing stored (cleared) leaves nothing to protect: the next save writes.
    if (!read.ok || read.value === null) return NONE;
    const raw = read.value;
    if (this.theirs === null && raw === this.baseline.raw) return NONE;
    if (this.theirs !== null && raw === this.theirs.raw) return NONE;
    if (this.theirs !== null && raw === this.baseline.raw) {
      // Storage holds this tab's baseline again: nothing of theirs is left to lose.
      this.theirs = null;
      return this.save(plan);
    }
    return this.meet(versionOf(raw), plan, this.theirs === null);
  }

  /** The user chose the other tab's plan (what storage holds now). */
  loadTheirs(plan: Plan): SyncOutcome {
    const read = readItem(STORAGE_KEY);
    if (!read.ok)
      return { kind: 'failed', message: `Reading the other tab's plan failed (${read.error}).` };
    if (read.value === null) {
      // Theirs is gone: nothing to load and nothing to overwrite; this tab saves again.
      this.theirs = null;
      return this.save(plan);
    }
    const version = versionOf(read.value);
    if (!version.readable) {
      this.theirs = version;
      return { kind: 'conflict', theirs: version };
    }
    this.settle({ raw: version.raw, rev: version.rev }, version.plan);
    return { kind: 'adopt', plan: version.plan };
  }

  /**
   * The user confirmed that this tab's plan replaces the other tab's version they were shown.
   * If storage changed again since, nothing is written and the conflict shows the newer version.
   */
  keepMine(plan: Plan, now: Date = new Date()): SyncOutcome {
    const theirs = this.theirs;
    if (theirs === null) return this.save(plan, now);
    const read = readItem(STORAGE_KEY);
    if (!read.ok)
      return { kind: 'failed', message: `Reading the stored plan failed (${read.error}).` };
    if (read.value !== null && read.value !== theirs.raw) {
      return this.meet(versionOf(read.value), plan, false);
    }
    if (!theirs.readable && read.value !== null) {
      const aside = keepAside(theirs.raw, now);
      if (!aside.ok) {
        return {
          kind: 'failed',
          message: `Keeping the other tab's text aside failed (${aside.error}), so it was not replaced. Download your plan to keep it.`,
        };
      }
    }
    const rev = Math.max(this.baseline.rev, theirs.readable ? theirs.rev : 0);
    return this.write(plan, { raw: theirs.raw, rev }, now, (message) => {
      // Theirs stays acknowledged: the next save replaces it (retrying this write).
      this.baseline = { raw: theirs.raw, rev };
      this.theirs = null;
      return { kind: 'failed', message };
    });
  }

  /** Compare-and-save over `expected`; what a failed write means is the caller's. */
  private write(
    plan: Plan,
    expected: Baseline,
    now: Date,
    onFailed: (message: string) => SyncOutcome,
  ): SyncOutcome {
    const result = savePlan(plan, expected, this.tabId, now);
    switch (result.status) {
      case 'saved':
        this.settle(result.baseline, plan);
        return { kind: 'saved' };
      case 'conflict':
        return this.meet(versionOf(result.stored), plan, false);
      case 'failed':
        return onFailed(result.message);
    }
  }
}
