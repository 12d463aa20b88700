/**
 * The one store. The plan is the only persisted state; derived rules come from selectors
 * (src/state/selectors.ts), never stored.
 */
import { create } from 'zustand';

import type { EnvironmentId, OptionValue } from '@/core/catalog/model';
import * as edit from '@/core/plan/edit';
import type {
  AgentServer,
  Device,
  HostEntry,
  Integrations,
  Plan,
  PlanSettings,
} from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';

import { loadStoredPlan, savePlan } from './persistence';

export interface PlanSlice {
  plan: Plan;
  setPlan: (plan: Plan) => void;
  resetPlan: () => void;
  setPlanName: (name: string) => void;
  setAmVersion: (amVersion: Plan['amVersion']) => void;
  setConsole: (patch: Partial<HostEntry>) => void;
  addAgent: () => void;
  updateAgent: (id: string, patch: Partial<Omit<AgentServer, 'id'>>) => void;
  removeAgent: (id: string) => void;
  /** Adds a device and returns its id. */
  addDevice: (environment: EnvironmentId, name: string) => string;
  updateDevice: (id: string, patch: Partial<Omit<Device, 'id' | 'environment'>>) => void;
  setDeviceOption: (id: string, option: string, value: OptionValue) => void;
  removeDevice: (id: string) => void;
  removeEnvironment: (environment: EnvironmentId) => void;
  setIntegration: <K extends keyof Integrations>(key: K, patch: Partial<Integrations[K]>) => void;
  setSettings: (patch: Partial<PlanSettings>) => void;
}

export interface UiSlice {
  /** A storage problem the user must see (unreadable stored plan kept aside, quota, ...). */
  storageError: string | null;
  setStorageError: (message: string | null) => void;
}

export type AppState = PlanSlice & UiSlice;

const initial = loadStoredPlan();

export const useAppStore = create<AppState>()((set, get) => {
  const update = (fn: (plan: Plan) => Plan) => set({ plan: fn(get().plan) });
  return {
    plan: initial.plan,
    setPlan: (plan) => set({ plan }),
    resetPlan: () => set({ plan: createDefaultPlan() }),
    setPlanName: (name) => update((p) => ({ ...p, name })),
    setAmVersion: (amVersion) => update((p) => ({ ...p, amVersion })),
    setConsole: (patch) => update((p) => edit.setConsole(p, patch)),
    addAgent: () => update(edit.addAgent),
    updateAgent: (id, patch) => update((p) => edit.updateAgent(p, id, patch)),
    removeAgent: (id) => update((p) => edit.removeAgent(p, id)),
    addDevice: (environment, name) => {
      const result = edit.addDevice(get().plan, environment, name);
      set({ plan: result.plan });
      return result.id;
    },
    updateDevice: (id, patch) => update((p) => edit.updateDevice(p, id, patch)),
    setDeviceOption: (id, option, value) =>
      update((p) => edit.setDeviceOption(p, id, option, value)),
    removeDevice: (id) => update((p) => edit.removeDevice(p, id)),
    removeEnvironment: (environment) => update((p) => edit.removeEnvironment(p, environment)),
    setIntegration: (key, patch) => update((p) => edit.setIntegration(p, key, patch)),
    setSettings: (patch) => update((p) => edit.setSettings(p, patch)),

    storageError: initial.error,
    setStorageError: (storageError) => set({ storageError }),
  };
});

// Save every change of the plan; a failed write is shown, not swallowed.
useAppStore.subscribe((state, previous) => {
  if (state.plan === previous.plan) return;
  const error = savePlan(state.plan);
  if (
    error !== state.storageError &&
    (error !== null || state.storageError?.startsWith('Saving'))
  ) {
    useAppStore.getState().setStorageError(error);
  }
});
