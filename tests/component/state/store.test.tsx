import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Plan } from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';
import { decodeStoredEnvelope, encodeStoredPlan, STORAGE_KEY } from '@/state/persistence';
import { useAppStore, watchOtherTabs } from '@/state/store';

import { resetStore } from '../../support/reset-store';

// A fresh page load on an empty storage.
beforeEach(resetStore);
afterEach(() => {
  vi.restoreAllMocks();
  resetStore();
});

function stored(): unknown {
  const raw = window.localStorage.getItem(STORAGE_KEY);
  return raw === null ? null : (JSON.parse(raw) as { plan: unknown }).plan;
}

describe('saving the plan', () => {
  it('saves every change of the plan', () => {
    useAppStore.getState().setPlanName('HQ');
    expect(stored()).toMatchObject({ name: 'HQ' });
    const id = useAppStore.getState().addDevice('qumulo', 'Qumulo');
    expect(stored()).toMatchObject({ devices: [{ id, environment: 'qumulo' }] });
  });

  it('shows a failed save, and clears it after the next successful save', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    useAppStore.getState().setPlanName('HQ');
    expect(useAppStore.getState().storageError).toMatch(
      /^Saving the plan in this browser failed \(.*The quota has been exceeded\.\)/,
    );
    expect(useAppStore.getState().plan.name).toBe('HQ');
    setItem.mockRestore();
    useAppStore.getState().setPlanName('HQ 2');
    expect(useAppStore.getState().storageError).toBeNull();
    expect(stored()).toMatchObject({ name: 'HQ 2' });
  });

  it('keeps a load error when a later save succeeds', () => {
    useAppStore.setState({ storageError: 'The plan saved in this browser could not be opened.' });
    useAppStore.getState().setPlanName('HQ');
    expect(useAppStore.getState().storageError).toMatch(/could not be opened/);
  });

  it('writes nothing while storage is blocked (unreadable data left untouched)', () => {
    window.localStorage.setItem(STORAGE_KEY, 'unreadable');
    useAppStore.setState({ storageBlocked: true });
    useAppStore.getState().setPlanName('HQ');
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe('unreadable');
  });
});

describe('actions added for the wizard', () => {
  it('clearDeviceOption brings back the default', () => {
    const { addDevice, setDeviceOption, clearDeviceOption } = useAppStore.getState();
    const id = addDevice('qumulo', 'Qumulo');
    setDeviceOption(id, 'qumuloPort', '5000');
    setDeviceOption(id, 'other', true);
    clearDeviceOption(id, 'qumuloPort');
    expect(useAppStore.getState().plan.devices[0]?.options).toEqual({ other: true });
    const before = useAppStore.getState().plan;
    clearDeviceOption(id, 'missing');
    expect(useAppStore.getState().plan).toBe(before);
  });
});

/** Another tab saves `plan` at revision `rev` (the storage event is sent separately). */
function otherTabSaves(plan: Plan, rev: number): string {
  const raw = encodeStoredPlan(plan, {
    rev,
    tabId: 'other-tab',
    savedAt: '2026-11-25T10:42:00.000Z',
  });
  window.localStorage.setItem(STORAGE_KEY, raw);
  return raw;
}

/** The browser tells this tab that another tab changed the stored plan. */
function storageEvent(key: string | null = STORAGE_KEY) {
  window.dispatchEvent(new StorageEvent('storage', { key, storageArea: window.localStorage }));
}

const named = (name: string): Plan => ({ ...createDefaultPlan(), name });

describe('another tab saves the plan', () => {
  let unwatch: () => void = () => undefined;
  beforeEach(() => {
    unwatch = watchOtherTabs();
  });
  afterEach(() => unwatch());

  it('takes the newer plan silently when this tab has nothing unsaved, and writes nothing back', () => {
    useAppStore.getState().setPlanName('Mine');
    const raw = otherTabSaves(named('Renamed in the other tab'), 2);
    storageEvent();
    expect(useAppStore.getState().plan.name).toBe('Renamed in the other tab');
    expect(useAppStore.getState().tabConflict).toBeNull();
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(raw);
    // The next edit builds on the other tab's plan, at the next revision.
    useAppStore.getState().setConsole({ name: 'console-b' });
    const stored = decodeStoredEnvelope(window.localStorage.getItem(STORAGE_KEY) ?? '');
    expect(stored).toMatchObject({
      ok: true,
      plan: { name: 'Renamed in the other tab', console: { name: 'console-b' } },
      stamp: { rev: 3 },
    });
  });

  it('also reacts to storage being cleared (key null) by saving again', () => {
    useAppStore.getState().setPlanName('Mine');
    window.localStorage.clear();
    storageEvent(null);
    expect(useAppStore.getState().tabConflict).toBeNull();
    useAppStore.getState().setPlanName('Mine 2');
    expect(stored()).toMatchObject({ name: 'Mine 2' });
  });

  it('ignores other keys', () => {
    useAppStore.getState().setPlanName('Mine');
    otherTabSaves(named('Other'), 5);
    storageEvent('something-else');
    expect(useAppStore.getState().plan.name).toBe('Mine');
  });

  it('asks, and writes nothing, when this tab has unsaved changes (a failed save)', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    useAppStore.getState().setPlanName('Unsaved here');
    setItem.mockRestore();
    const raw = otherTabSaves(named('Other'), 1);
    storageEvent();
    expect(useAppStore.getState()).toMatchObject({
      plan: { name: 'Unsaved here' },
      tabConflict: { readable: true, plan: { name: 'Other' }, rev: 1 },
      tabConflictOpen: true,
    });
    useAppStore.getState().setPlanName('Still unsaved here');
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(raw);
  });

  it('a blocked tab (unreadable data it could not keep aside) ignores other tabs', () => {
    useAppStore.setState({ storageBlocked: true });
    otherTabSaves(named('Other'), 1);
    storageEvent();
    expect(useAppStore.getState().plan).toEqual(createDefaultPlan());
    expect(useAppStore.getState().tabConflict).toBeNull();
  });
});

describe('a save that finds another tab saved meanwhile (missed storage event)', () => {
  function conflictWith(other: string) {
    useAppStore.getState().setPlanName('Mine');
    const raw = otherTabSaves(named(other), 2);
    useAppStore.getState().setConsole({ name: 'console-mine' });
    return raw;
  }

  it('writes nothing and raises the conflict', () => {
    const raw = conflictWith('Theirs');
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(raw);
    expect(useAppStore.getState()).toMatchObject({
      plan: { name: 'Mine', console: { name: 'console-mine' } },
      tabConflict: { plan: { name: 'Theirs' } },
      tabConflictOpen: true,
    });
  });

  it('"Load the other tab\'s plan" takes theirs and saves again', () => {
    const raw = conflictWith('Theirs');
    useAppStore.getState().loadOtherTabPlan();
    expect(useAppStore.getState()).toMatchObject({
      plan: { name: 'Theirs' },
      tabConflict: null,
      tabConflictOpen: false,
    });
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(raw);
    useAppStore.getState().setPlanName('Theirs, edited here');
    expect(stored()).toMatchObject({ name: 'Theirs, edited here' });
  });

  it('"Keep mine" replaces theirs with mine at a newer revision', () => {
    conflictWith('Theirs');
    useAppStore.getState().keepThisTabPlan();
    expect(useAppStore.getState().tabConflict).toBeNull();
    const stored = decodeStoredEnvelope(window.localStorage.getItem(STORAGE_KEY) ?? '');
    expect(stored).toMatchObject({
      ok: true,
      plan: { name: 'Mine', console: { name: 'console-mine' } },
      stamp: { rev: 3 },
    });
  });

  it('"Decide later" hides the dialog and keeps the conflict (still not saving)', () => {
    const raw = conflictWith('Theirs');
    useAppStore.getState().setTabConflictOpen(false);
    useAppStore.getState().setPlanName('Mine, later');
    expect(useAppStore.getState().tabConflict).not.toBeNull();
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(raw);
  });
});
