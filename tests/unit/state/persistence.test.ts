import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { addDevice } from '@/core/plan/edit';
import { createDefaultPlan } from '@/core/plan/model';
import {
  BACKUP_KEY,
  decodeStoredEnvelope,
  decodeStoredPlan,
  encodeStoredPlan,
  freeBackupKey,
  loadStoredPlan,
  NO_STAMP,
  savePlan,
  STORAGE_KEY,
} from '@/state/persistence';

import { MemoryStorage } from '../../support/memory-storage';

let storage: MemoryStorage;
const NOW = new Date('2026-11-25T10:00:00.000Z');
const STAMPED = `${BACKUP_KEY}:2026-11-25T10:00:00.000Z`;
/** The baseline of a tab that found nothing stored. */
const NOTHING = { raw: null, rev: 0 };

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('window', { localStorage: storage });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadStoredPlan', () => {
  it('starts a new plan when nothing is stored', () => {
    const result = loadStoredPlan(NOW);
    expect(result).toEqual({
      plan: createDefaultPlan(),
      error: null,
      canSave: true,
      backupKey: null,
      baseline: { raw: null, rev: 0 },
    });
  });

  it('reads back a saved plan', () => {
    const plan = addDevice(createDefaultPlan(), 'qumulo', 'Qumulo').plan;
    expect(savePlan(plan, NOTHING, 'tab-1', NOW)).toMatchObject({ status: 'saved' });
    const result = loadStoredPlan(NOW);
    expect(result.plan).toEqual(plan);
    expect(result.error).toBeNull();
  });

  it('reads a plan stored before plan.deployment existed, with the default deployment', () => {
    const {
      deployment: _none,
      additionalConsoles: _c,
      microsoftTenant: _t,
      agentServices: _s,
      ceeServers: _cee,
      network: _net,
      integrations: { threatPrevention: _p, ...integrations },
      ...old
    } = createDefaultPlan();
    const stored = { ...old, integrations, schemaVersion: 1, name: 'Older plan' };
    storage.setItem(STORAGE_KEY, JSON.stringify({ v: 1, plan: stored }));
    const result = loadStoredPlan(NOW);
    expect(result.error).toBeNull();
    expect(result.plan).toEqual({ ...createDefaultPlan(), name: 'Older plan' });
  });

  it.each([
    ['truncated JSON', '{"v":1,"plan":{"schemaVer'],
    ['not JSON', 'hello'],
    ['an array', '[1,2]'],
    ['null', 'null'],
    ['unknown envelope', JSON.stringify({ v: 2, plan: createDefaultPlan() })],
    ['no envelope', JSON.stringify(createDefaultPlan())],
    ['invalid plan', JSON.stringify({ v: 1, plan: { ...createDefaultPlan(), agents: 'x' } })],
    [
      'a plan from a newer planner',
      JSON.stringify({ v: 1, plan: { ...createDefaultPlan(), schemaVersion: 999 } }),
    ],
    ['a __proto__ payload', '{"v":1,"plan":{"__proto__":{"polluted":true}}}'],
  ])('keeps %s aside under a timestamped key and starts a new plan', (_name, raw) => {
    storage.items.set(STORAGE_KEY, raw);
    const result = loadStoredPlan(NOW);
    expect(result.plan).toEqual(createDefaultPlan());
    expect(result.canSave).toBe(true);
    expect(result.backupKey).toBe(STAMPED);
    expect(storage.items.get(STAMPED)).toBe(raw);
    expect(result.error).toContain(STAMPED);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never overwrites an earlier backup', () => {
    storage.items.set(STAMPED, 'first');
    storage.items.set(`${STAMPED}-2`, 'second');
    storage.items.set(STORAGE_KEY, 'third');
    const result = loadStoredPlan(NOW);
    expect(result.backupKey).toBe(`${STAMPED}-3`);
    expect(storage.items.get(STAMPED)).toBe('first');
    expect(storage.items.get(`${STAMPED}-2`)).toBe('second');
    expect(storage.items.get(`${STAMPED}-3`)).toBe('third');
  });

  it('blocks saving when the unreadable plan cannot be kept aside', () => {
    storage.items.set(STORAGE_KEY, 'broken');
    storage.failSetFor = (key) => key.startsWith(BACKUP_KEY);
    const result = loadStoredPlan(NOW);
    expect(result.canSave).toBe(false);
    expect(result.backupKey).toBeNull();
    expect(result.error).toMatch(/left untouched/);
    expect(storage.items.get(STORAGE_KEY)).toBe('broken');
  });

  it('blocks saving and says so when storage cannot be read', () => {
    storage.failGet = new DOMException('Access is denied', 'SecurityError');
    const result = loadStoredPlan(NOW);
    expect(result.canSave).toBe(false);
    expect(result.plan).toEqual(createDefaultPlan());
    expect(result.error).toMatch(/could not be read \(Access is denied\)/);
  });

  it('never throws and always keeps the original bytes (random stored text)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (raw) => {
        storage.items.clear();
        storage.items.set(STORAGE_KEY, raw);
        const result = loadStoredPlan(NOW);
        if (result.error !== null) {
          expect(result.backupKey).not.toBeNull();
          expect(storage.items.get(result.backupKey ?? '')).toBe(raw);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('savePlan', () => {
  it('returns a message when the write fails (quota), instead of throwing', () => {
    storage.failSetFor = () => true;
    const result = savePlan(createDefaultPlan(), NOTHING, 'tab-1', NOW);
    expect(result.status).toBe('failed');
    const message = result.status === 'failed' ? result.message : null;
    expect(message).toMatch(
      /^Saving the plan in this browser failed \(The quota has been exceeded\.\)/,
    );
    expect(message).toMatch(/Save the plan as a file/);
  });

  it('round-trips through the envelope', () => {
    const plan = addDevice(createDefaultPlan(), 'entra-id', 'Tenant').plan;
    expect(decodeStoredPlan(encodeStoredPlan(plan))).toEqual({ ok: true, plan });
  });
});

describe('freeBackupKey', () => {
  it('numbers the key when the timestamp is taken', () => {
    const taken = new Set([STAMPED, `${STAMPED}-2`]);
    expect(freeBackupKey(NOW, (k) => taken.has(k))).toBe(`${STAMPED}-3`);
    expect(freeBackupKey(NOW, () => false)).toBe(STAMPED);
  });
});

describe('the revision stamp', () => {
  const plan = addDevice(createDefaultPlan(), 'qumulo', 'Qumulo').plan;

  it('is written with the plan and read back', () => {
    const stamp = { rev: 7, tabId: 'tab-a', savedAt: NOW.toISOString() };
    const raw = encodeStoredPlan(plan, stamp);
    expect(JSON.parse(raw)).toEqual({
      v: 1,
      rev: 7,
      tabId: 'tab-a',
      savedAt: NOW.toISOString(),
      plan,
    });
    expect(decodeStoredEnvelope(raw)).toEqual({ ok: true, plan, stamp });
  });

  it('reads a plan stored before revisions existed as revision 0', () => {
    const raw = JSON.stringify({ v: 1, plan });
    expect(decodeStoredEnvelope(raw)).toEqual({ ok: true, plan, stamp: NO_STAMP });
    storage.items.set(STORAGE_KEY, raw);
    const result = loadStoredPlan(NOW);
    expect(result.plan).toEqual(plan);
    expect(result.error).toBeNull();
    expect(result.baseline).toEqual({ raw, rev: 0 });
  });

  it.each([[-1], [1.5], ['3'], [null], [2 ** 60], [{}]])(
    'reads a damaged revision (%j) as 0 and still opens the plan',
    (rev) => {
      const raw = JSON.stringify({ v: 1, rev, tabId: 42, savedAt: 'x'.repeat(500), plan });
      expect(decodeStoredEnvelope(raw)).toEqual({ ok: true, plan, stamp: NO_STAMP });
    },
  );

  it('gives the loaded text and revision as the baseline', () => {
    const raw = encodeStoredPlan(plan, { rev: 12, tabId: 'tab-a', savedAt: null });
    storage.items.set(STORAGE_KEY, raw);
    expect(loadStoredPlan(NOW).baseline).toEqual({ raw, rev: 12 });
  });

  it('gives unreadable text that was kept aside as the baseline (the first save replaces it)', () => {
    storage.items.set(STORAGE_KEY, 'broken');
    const result = loadStoredPlan(NOW);
    expect(result.backupKey).toBe(STAMPED);
    expect(result.baseline).toEqual({ raw: 'broken', rev: 0 });
    const saved = savePlan(plan, result.baseline, 'tab-1', NOW);
    expect(saved.status).toBe('saved');
    expect(storage.items.get(STAMPED)).toBe('broken');
  });
});

describe('savePlan (compare-and-save)', () => {
  const mine = { ...createDefaultPlan(), name: 'Mine' };
  const theirs = { ...createDefaultPlan(), name: 'Theirs' };

  it('writes the next revision with the tab id and the time when storage holds the baseline', () => {
    const first = savePlan(mine, NOTHING, 'tab-a', NOW);
    expect(first).toEqual({
      status: 'saved',
      baseline: { raw: storage.items.get(STORAGE_KEY), rev: 1 },
    });
    if (first.status !== 'saved') return;
    const second = savePlan({ ...mine, name: 'Mine 2' }, first.baseline, 'tab-a', NOW);
    expect(second.status).toBe('saved');
    expect(decodeStoredEnvelope(storage.items.get(STORAGE_KEY) ?? '')).toEqual({
      ok: true,
      plan: { ...mine, name: 'Mine 2' },
      stamp: { rev: 2, tabId: 'tab-a', savedAt: NOW.toISOString() },
    });
  });

  it('writes nothing and reports the stored text when another tab saved since the baseline', () => {
    const base = savePlan(mine, NOTHING, 'tab-a', NOW);
    if (base.status !== 'saved') throw new Error('not saved');
    const other = encodeStoredPlan(theirs, { rev: 2, tabId: 'tab-b', savedAt: null });
    storage.items.set(STORAGE_KEY, other);
    expect(savePlan({ ...mine, name: 'Mine 2' }, base.baseline, 'tab-a', NOW)).toEqual({
      status: 'conflict',
      stored: other,
    });
    expect(storage.items.get(STORAGE_KEY)).toBe(other);
  });

  it('refuses to write over a plan stored before revisions existed, when it was not the baseline', () => {
    const old = JSON.stringify({ v: 1, plan: theirs });
    storage.items.set(STORAGE_KEY, old);
    expect(savePlan(mine, NOTHING, 'tab-a', NOW)).toEqual({ status: 'conflict', stored: old });
    expect(storage.items.get(STORAGE_KEY)).toBe(old);
  });

  it('writes when nothing is stored any more (nothing to overwrite)', () => {
    const result = savePlan(mine, { raw: 'what this tab saw', rev: 4 }, 'tab-a', NOW);
    expect(result).toMatchObject({ status: 'saved', baseline: { rev: 5 } });
  });

  it('reports a storage that cannot be read, and writes nothing', () => {
    storage.failGet = new DOMException('Access is denied', 'SecurityError');
    const result = savePlan(mine, NOTHING, 'tab-a', NOW);
    expect(result).toEqual({
      status: 'failed',
      message: expect.stringMatching(
        /^Saving the plan in this browser failed \(Access is denied\)/,
      ),
    });
    expect(storage.items.size).toBe(0);
  });
});
