import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Plan } from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';
import { BACKUP_KEY, decodeStoredEnvelope, loadStoredPlan, STORAGE_KEY } from '@/state/persistence';
import { sameValue, TabSession } from '@/state/tab-session';

import { MemoryStorage } from '../../support/memory-storage';

let storage: MemoryStorage;
const NOW = new Date('2026-11-25T10:00:00.000Z');

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('window', { localStorage: storage });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const named = (name: string): Plan => ({ ...createDefaultPlan(), name });

/** A tab as the app runs it: loads the stored plan at start, then edits and listens. */
class Tab {
  plan: Plan;
  session: TabSession;
  constructor(id: string) {
    const loaded = loadStoredPlan(NOW);
    this.plan = loaded.plan;
    this.session = new TabSession(id, loaded.baseline, loaded.plan);
  }
  edit(name: string) {
    this.plan = { ...this.plan, name };
    return this.session.save(this.plan, NOW);
  }
  /** The storage event reached this tab. */
  notice() {
    const outcome = this.session.check(this.plan);
    if (outcome.kind === 'adopt') this.plan = outcome.plan;
    return outcome;
  }
  loadTheirs() {
    const outcome = this.session.loadTheirs(this.plan);
    if (outcome.kind === 'adopt') this.plan = outcome.plan;
    return outcome;
  }
}

function storedPlan(): Plan | null {
  const decoded = decodeStoredEnvelope(storage.items.get(STORAGE_KEY) ?? '');
  return decoded.ok ? decoded.plan : null;
}

function storedRev(): number {
  const decoded = decodeStoredEnvelope(storage.items.get(STORAGE_KEY) ?? '');
  return decoded.ok ? decoded.stamp.rev : -1;
}

describe('TabSession', () => {
  it('saves with increasing revisions while it is the only tab', () => {
    const a = new Tab('tab-a');
    expect(a.edit('One')).toEqual({ kind: 'saved' });
    expect(a.edit('Two')).toEqual({ kind: 'saved' });
    expect(storedPlan()?.name).toBe('Two');
    expect(storedRev()).toBe(2);
  });

  it('takes a newer stored plan silently when it has nothing unsaved', () => {
    const a = new Tab('tab-a');
    const b = new Tab('tab-b');
    a.edit('Renamed in A');
    expect(b.notice()).toEqual({ kind: 'adopt', plan: named('Renamed in A') });
    expect(b.session.conflict).toBeNull();
    // B's next edit builds on A's: both are stored.
    b.plan = { ...b.plan, console: { name: 'console-b', address: '' } };
    expect(b.session.save(b.plan, NOW)).toEqual({ kind: 'saved' });
    expect(storedPlan()).toMatchObject({ name: 'Renamed in A', console: { name: 'console-b' } });
    expect(storedRev()).toBe(2);
  });

  it('does not write when another tab saved since (the storage event was missed)', () => {
    const a = new Tab('tab-a');
    const b = new Tab('tab-b');
    a.edit('Renamed in A');
    const before = storage.items.get(STORAGE_KEY);
    const outcome = b.edit('Edited in B');
    expect(outcome).toMatchObject({
      kind: 'conflict',
      theirs: { readable: true, plan: named('Renamed in A'), rev: 1 },
    });
    expect(storage.items.get(STORAGE_KEY)).toBe(before);
    // In conflict, later edits are not written either.
    expect(b.edit('Edited in B again')).toEqual({ kind: 'none' });
    expect(storage.items.get(STORAGE_KEY)).toBe(before);
    expect(b.plan.name).toBe('Edited in B again');
  });

  it('asks instead of taking a newer plan when it has unsaved changes (a failed save)', () => {
    const a = new Tab('tab-a');
    const b = new Tab('tab-b');
    storage.failSetFor = () => true;
    expect(b.edit('Not saved in B')).toMatchObject({ kind: 'failed' });
    storage.failSetFor = null;
    a.edit('Renamed in A');
    expect(b.notice()).toMatchObject({ kind: 'conflict', theirs: { plan: named('Renamed in A') } });
    expect(b.plan.name).toBe('Not saved in B');
  });

  it('asks when the stored revision is not newer (e.g. written by an older planner)', () => {
    const a = new Tab('tab-a');
    a.edit('Mine');
    storage.items.set(STORAGE_KEY, JSON.stringify({ v: 1, plan: named('From an older planner') }));
    expect(a.notice()).toMatchObject({ kind: 'conflict', theirs: { rev: 0 } });
    expect(a.plan.name).toBe('Mine');
  });

  it('asks when the stored text cannot be read, and keeps it aside before keeping mine', () => {
    const a = new Tab('tab-a');
    a.edit('Mine');
    storage.items.set(STORAGE_KEY, '{"v":2,"plan":"from a newer planner"}');
    expect(a.notice()).toMatchObject({
      kind: 'conflict',
      theirs: { readable: false, reason: 'unknown storage format' },
    });
    expect(a.session.keepMine(a.plan, NOW)).toEqual({ kind: 'saved' });
    expect(storage.items.get(`${BACKUP_KEY}:${NOW.toISOString()}`)).toBe(
      '{"v":2,"plan":"from a newer planner"}',
    );
    expect(storedPlan()?.name).toBe('Mine');
  });

  it('does not replace unreadable text that cannot be kept aside', () => {
    const a = new Tab('tab-a');
    a.edit('Mine');
    storage.items.set(STORAGE_KEY, 'unreadable');
    a.notice();
    storage.failSetFor = (key) => key.startsWith(BACKUP_KEY);
    expect(a.session.keepMine(a.plan, NOW)).toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/was not replaced/),
    });
    expect(storage.items.get(STORAGE_KEY)).toBe('unreadable');
    expect(a.session.conflict).toMatchObject({ readable: false });
  });

  it('is not in conflict with a stored plan equal to its own', () => {
    const a = new Tab('tab-a');
    const b = new Tab('tab-b');
    a.edit('Same');
    expect(b.edit('Same')).toEqual({ kind: 'none' });
    expect(b.session.conflict).toBeNull();
    expect(b.edit('Same, then B')).toEqual({ kind: 'saved' });
  });

  it('follows the newest stored plan while in conflict, and leaves it when it equals mine', () => {
    const a = new Tab('tab-a');
    const b = new Tab('tab-b');
    a.edit('A1');
    b.edit('B1');
    a.edit('A2');
    expect(b.notice()).toMatchObject({ kind: 'conflict', theirs: { plan: named('A2') } });
    a.edit('B1');
    expect(b.notice()).toEqual({ kind: 'none' });
    expect(b.session.conflict).toBeNull();
  });

  it('loads the other tab plan when the user chooses it', () => {
    const a = new Tab('tab-a');
    const b = new Tab('tab-b');
    a.edit('Theirs');
    b.edit('Mine');
    expect(b.loadTheirs()).toEqual({ kind: 'adopt', plan: named('Theirs') });
    expect(b.session.conflict).toBeNull();
    expect(b.edit('Theirs, then B')).toEqual({ kind: 'saved' });
    expect(storedRev()).toBe(2);
  });

  it('keeps mine over theirs only as the version the user was shown', () => {
    const a = new Tab('tab-a');
    const b = new Tab('tab-b');
    a.edit('Theirs 1');
    b.edit('Mine');
    a.edit('Theirs 2');
    // B still shows "Theirs 1": storage moved on, so nothing is written.
    expect(b.session.keepMine(b.plan, NOW)).toMatchObject({
      kind: 'conflict',
      theirs: { plan: named('Theirs 2') },
    });
    expect(storedPlan()?.name).toBe('Theirs 2');
    expect(b.session.keepMine(b.plan, NOW)).toEqual({ kind: 'saved' });
    expect(storedPlan()?.name).toBe('Mine');
    expect(storedRev()).toBe(3);
    // A had nothing unsaved: it takes B's plan, which is newer.
    expect(a.notice()).toEqual({ kind: 'adopt', plan: named('Mine') });
  });

  it('ignores a cleared storage, then saves again', () => {
    const a = new Tab('tab-a');
    a.edit('Mine');
    storage.items.clear();
    expect(a.notice()).toEqual({ kind: 'none' });
    expect(a.edit('Mine 2')).toEqual({ kind: 'saved' });
    expect(storedRev()).toBe(2);
  });
});

describe('tabs never lose an edit silently (random interleavings)', () => {
  type Op =
    | { op: 'edit'; tab: number }
    /** An edit whose write fails (quota): the tab has unsaved changes. */
    | { op: 'editWriteFails'; tab: number }
    | { op: 'notice'; tab: number }
    | { op: 'loadTheirs'; tab: number }
    | { op: 'keepMine'; tab: number };

  const opArb = (tabs: number): fc.Arbitrary<Op> =>
    fc.record({
      op: fc.constantFrom(
        'edit',
        'edit',
        'editWriteFails',
        'notice',
        'notice',
        'loadTheirs',
        'keepMine',
      ),
      tab: fc.integer({ min: 0, max: tabs - 1 }),
    }) as fc.Arbitrary<Op>;

  const tokensOf = (plan: Plan | null) => new Set(plan?.name.split(',').filter(Boolean) ?? []);

  it('every typed edit is stored, still in its tab, or dropped by an explicit choice', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 3 })
          .chain((n) => fc.tuple(fc.constant(n), fc.array(opArb(n), { maxLength: 30 }))),
        ([n, ops]) => {
          storage = new MemoryStorage();
          vi.stubGlobal('window', { localStorage: storage });
          const tabs = Array.from({ length: n }, (_, i) => new Tab(`tab-${i}`));
          const typed = new Set<string>();
          const dropped = new Set<string>();
          let counter = 0;
          for (const { op, tab } of ops) {
            const t = tabs[tab]!;
            const storedBefore = storage.items.get(STORAGE_KEY);
            if (op === 'edit' || op === 'editWriteFails') {
              const token = `${tab}${(counter++).toString(36)}`;
              typed.add(token);
              const inConflict = t.session.conflict !== null;
              if (op === 'editWriteFails') storage.failSetFor = () => true;
              t.edit(`${t.plan.name},${token}`);
              storage.failSetFor = null;
              // A tab in conflict writes nothing.
              if (inConflict) expect(storage.items.get(STORAGE_KEY)).toBe(storedBefore);
            } else if (op === 'notice') {
              t.notice();
              expect(storage.items.get(STORAGE_KEY)).toBe(storedBefore);
            } else if (t.session.conflict !== null) {
              // Explicit choices: what the user chose to leave behind may go.
              const mine = tokensOf(t.plan);
              const theirs = tokensOf(storedPlan());
              if (op === 'loadTheirs') {
                if (t.loadTheirs().kind === 'adopt') {
                  for (const k of mine) if (!theirs.has(k)) dropped.add(k);
                }
              } else if (t.session.keepMine(t.plan, NOW).kind === 'saved') {
                for (const k of theirs) if (!mine.has(k)) dropped.add(k);
              } else {
                // Storage moved on since the version the user was shown: nothing written.
                expect(storage.items.get(STORAGE_KEY)).toBe(storedBefore);
              }
            }
            const kept = new Set([
              ...tokensOf(storedPlan()),
              ...tabs.flatMap((x) => [...tokensOf(x.plan)]),
            ]);
            for (const token of typed) {
              expect(kept.has(token) || dropped.has(token), `edit ${token} lost`).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('sameValue', () => {
  it('ignores key order and compares deeply', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(named('x'), named('y'))).toBe(false);
  });
});
