import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createDefaultPlan } from '@/core/plan/model';
import { STORAGE_KEY } from '@/state/persistence';
import { useAppStore } from '@/state/store';

function reset() {
  useAppStore.setState({
    plan: createDefaultPlan(),
    storageError: null,
    storageBlocked: false,
    drafts: {},
  });
}

beforeEach(reset);
afterEach(() => {
  vi.restoreAllMocks();
  reset();
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

  it('keeps drafts until dropped, and drops them with a new plan', () => {
    const { setDraft } = useAppStore.getState();
    setDraft('rpc-from', '70000');
    setDraft('agent', '');
    expect(useAppStore.getState().drafts).toEqual({ 'rpc-from': '70000', agent: '' });
    setDraft('agent', null);
    expect(useAppStore.getState().drafts).toEqual({ 'rpc-from': '70000' });
    useAppStore.getState().resetPlan();
    expect(useAppStore.getState().drafts).toEqual({});
  });
});
