import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { addDevice } from '@/core/plan/edit';
import { createDefaultPlan } from '@/core/plan/model';
import {
  BACKUP_KEY,
  decodeStoredPlan,
  encodeStoredPlan,
  freeBackupKey,
  loadStoredPlan,
  savePlan,
  STORAGE_KEY,
} from '@/state/persistence';

/** An in-memory Web Storage whose methods can be made to throw. */
class MemoryStorage {
  items = new Map<string, string>();
  failGet: Error | null = null;
  failSetFor: ((key: string) => boolean) | null = null;
  getItem(key: string): string | null {
    if (this.failGet) throw this.failGet;
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failSetFor?.(key)) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

let storage: MemoryStorage;
const NOW = new Date('2026-11-25T10:00:00.000Z');
const STAMPED = `${BACKUP_KEY}:2026-11-25T10:00:00.000Z`;

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
    });
  });

  it('reads back a saved plan', () => {
    const plan = addDevice(createDefaultPlan(), 'qumulo', 'Qumulo').plan;
    expect(savePlan(plan)).toBeNull();
    const result = loadStoredPlan(NOW);
    expect(result.plan).toEqual(plan);
    expect(result.error).toBeNull();
  });

  it('reads a plan stored before plan.deployment existed, with the default deployment', () => {
    const { deployment: _none, ...old } = createDefaultPlan();
    const stored = { ...old, schemaVersion: 1, name: 'Older plan' };
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
    const message = savePlan(createDefaultPlan());
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
