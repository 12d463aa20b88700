/**
 * The one store. The plan is the only persisted state; derived rules come from selectors
 * (src/state/selectors.ts), never stored. Saving goes through this tab's TabSession
 * (tab-session.ts), so tabs never overwrite each other's plan silently.
 */
import { create } from 'zustand';

import type { EnvironmentId, OptionValue } from '@/core/catalog/model';
import type * as edit from '@/core/plan/edit';
import type {
  AgentServer,
  CeeServer,
  Device,
  HostEntry,
  Integrations,
  Plan,
  PlanSettings,
} from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';
import type { DeviceView } from '@/core/wizard/device-table';
import { defaultAgentId } from '@/core/wizard/device-table';
import type { ZoneModel } from '@/core/zones/model';
import { onStoredItemChange } from '@/lib/storage';

import type { OpenedPlanFile } from './open-plan-file';
import type { Baseline } from './persistence';
import { loadStoredPlan, STORAGE_KEY } from './persistence';
import type { OtherVersion, SyncOutcome } from './tab-session';
import { newTabId, TabSession } from './tab-session';

export interface PlanSlice {
  plan: Plan;
  setPlan: (plan: Plan) => void;
  resetPlan: () => void;
  setPlanName: (name: string) => void;
  setAmVersion: (amVersion: Plan['amVersion']) => void;
  setConsole: (patch: Partial<HostEntry>) => void;
  /** Adds a Console instance besides the first (plan.additionalConsoles). */
  addConsole: () => void;
  updateConsole: (index: number, patch: Partial<HostEntry>) => void;
  removeConsole: (index: number) => void;
  addAgent: () => void;
  updateAgent: (id: string, patch: Partial<Omit<AgentServer, 'id'>>) => void;
  removeAgent: (id: string) => void;
  /**
   * Adds pasted agent servers in one change (replacing `replace`, the untouched first agent
   * server of a new plan, when given) and returns their ids.
   */
  addAgents: (agents: readonly HostEntry[], replace?: string) => string[];
  /** The Dell CEE servers (plan.ceeServers), named on the Topology step. */
  addCeeServer: () => void;
  updateCeeServer: (id: string, patch: Partial<Omit<CeeServer, 'id'>>) => void;
  removeCeeServer: (id: string) => void;
  /**
   * Adds a device and returns its id. Its agent server is the one chosen last for a device
   * (`lastAgentId`), else the first (core/wizard/device-table.ts `defaultAgentId`).
   */
  addDevice: (environment: EnvironmentId, name: string) => string;
  /** Adds many devices in one change (a pasted sheet) and returns their ids. */
  addDevices: (devices: readonly Omit<Device, 'id'>[]) => string[];
  updateDevice: (id: string, patch: Partial<Omit<Device, 'id' | 'environment'>>) => void;
  /** The Microsoft tenant of the plan's cloud devices (entered once, on the Devices step). */
  setMicrosoftTenant: (tenant: string) => void;
  setDeviceOption: (id: string, option: string, value: OptionValue) => void;
  /** Replaces the network zones and firewalls (plan.network) in one change. */
  setNetwork: (network: ZoneModel) => void;
  /** Sets several options of a device in one change. */
  setDeviceOptions: (id: string, patch: Readonly<Record<string, OptionValue>>) => void;
  removeDevice: (id: string) => void;
  /** Removes several devices in one change; returns them with their places (for undo). */
  removeDevices: (ids: readonly string[]) => edit.RemovedDevice[];
  /** Puts removed devices back (undo of removeDevices). */
  restoreDevices: (removed: readonly edit.RemovedDevice[]) => void;
  /**
   * Has devices monitored by an agent server, in one change, and remembers the choice for the
   * next new device.
   */
  assignDevices: (ids: readonly string[], agentId: string) => void;
  removeEnvironment: (environment: EnvironmentId) => void;
  setIntegration: <K extends keyof Integrations>(key: K, patch: Partial<Integrations[K]>) => void;
  setSettings: (patch: Partial<PlanSettings>) => void;
  setDeployment: (patch: edit.DeploymentPatch) => void;
  setAgentServices: (patch: edit.AgentServicesPatch) => void;
  /** Removes a device's own value of an option, so the option's default applies again. */
  clearDeviceOption: (id: string, option: string) => void;
}

export interface UiSlice {
  /** A storage problem the user must see (unreadable stored plan kept aside, quota, ...). */
  storageError: string | null;
  setStorageError: (message: string | null) => void;
  /**
   * True when the plan must not be written to this browser's storage (stored data that could
   * not be read or kept aside would be overwritten).
   */
  storageBlocked: boolean;
  /**
   * Another tab's version of the stored plan while this tab is in conflict with it: this tab
   * then saves nothing until the user chooses (never a silent overwrite).
   */
  tabConflict: OtherVersion | null;
  /** Whether the conflict dialog is shown (false after "Decide later"). */
  tabConflictOpen: boolean;
  setTabConflictOpen: (open: boolean) => void;
  /** A problem while resolving the conflict (shown in the dialog), or null. */
  tabConflictError: string | null;
  /** Resolves the conflict: the other tab's stored plan replaces this tab's. */
  loadOtherTabPlan: () => void;
  /** Resolves the conflict, once the user confirmed: this tab's plan replaces the stored one. */
  keepThisTabPlan: () => void;
  /**
   * A plan file just opened outside the planner (the home page), handed to the planner, which
   * shows its notice (name and warnings) and clears this. Not stored.
   */
  planFileNotice: OpenedPlanFile | null;
  setPlanFileNotice: (opened: OpenedPlanFile | null) => void;
  /** How the Devices step shows the devices, once the user chose (null: by their number). */
  deviceView: DeviceView | null;
  setDeviceView: (view: DeviceView) => void;
  /** The agent server last chosen for devices in this tab (the next new device's), or null. */
  lastAgentId: string | null;
}

export type AppState = PlanSlice & UiSlice;

const initial = loadStoredPlan();

/**
 * The plan's edit functions (core/plan/edit.ts, with the address and CIDR validators it uses),
 * provided by plan-edits.ts, which the planner imports: they stay out of the home page's first
 * load (npm run budget; docs/performance.md). Only the planner's steps call the edit actions.
 */
let planEdits: typeof edit | null = null;

/** Called once by plan-edits.ts when the planner's code loads. */
export function providePlanEdits(module: typeof edit): void {
  planEdits = module;
}

function edits(): typeof edit {
  if (planEdits === null) {
    throw new Error('The planner is still loading: try the change again in a moment.');
  }
  return planEdits;
}

export const useAppStore = create<AppState>()((set, get) => {
  const update = (fn: (plan: Plan) => Plan) => set({ plan: fn(get().plan) });
  return {
    plan: initial.plan,
    setPlan: (plan) => set({ plan }),
    resetPlan: () => set({ plan: createDefaultPlan() }),
    setPlanName: (name) => update((p) => ({ ...p, name })),
    setAmVersion: (amVersion) => update((p) => ({ ...p, amVersion })),
    setConsole: (patch) => update((p) => edits().setConsole(p, patch)),
    addConsole: () => update((p) => edits().addConsole(p)),
    updateConsole: (index, patch) => update((p) => edits().updateConsole(p, index, patch)),
    removeConsole: (index) => update((p) => edits().removeConsole(p, index)),
    addAgent: () => update((p) => edits().addAgent(p)),
    updateAgent: (id, patch) => update((p) => edits().updateAgent(p, id, patch)),
    removeAgent: (id) => update((p) => edits().removeAgent(p, id)),
    addAgents: (agents, replace) => {
      const result = edits().addAgents(get().plan, agents, replace);
      set({ plan: result.plan });
      return result.ids;
    },
    addCeeServer: () => update((p) => edits().addCeeServer(p)),
    updateCeeServer: (id, patch) => update((p) => edits().updateCeeServer(p, id, patch)),
    removeCeeServer: (id) => update((p) => edits().removeCeeServer(p, id)),
    addDevice: (environment, name) => {
      const { plan, lastAgentId } = get();
      const result = edits().addDevice(plan, environment, name, defaultAgentId(plan, lastAgentId));
      set({ plan: result.plan });
      return result.id;
    },
    addDevices: (devices) => {
      const result = edits().addDevices(get().plan, devices);
      set({ plan: result.plan });
      return result.ids;
    },
    updateDevice: (id, patch) => update((p) => edits().updateDevice(p, id, patch)),
    setMicrosoftTenant: (microsoftTenant) => update((p) => ({ ...p, microsoftTenant })),
    setDeviceOption: (id, option, value) =>
      update((p) => edits().setDeviceOption(p, id, option, value)),
    setDeviceOptions: (id, patch) => update((p) => edits().setDeviceOptions(p, id, patch)),
    setNetwork: (network) => update((p) => ({ ...p, network })),
    removeDevice: (id) => update((p) => edits().removeDevice(p, id)),
    removeDevices: (ids) => {
      const result = edits().removeDevices(get().plan, ids);
      set({ plan: result.plan });
      return result.removed;
    },
    restoreDevices: (removed) => update((p) => edits().restoreDevices(p, removed)),
    assignDevices: (ids, agentId) => {
      set({ plan: edits().assignDevices(get().plan, ids, agentId), lastAgentId: agentId });
    },
    removeEnvironment: (environment) => update((p) => edits().removeEnvironment(p, environment)),
    setIntegration: (key, patch) => update((p) => edits().setIntegration(p, key, patch)),
    setSettings: (patch) => update((p) => edits().setSettings(p, patch)),
    setDeployment: (patch) => update((p) => edits().setDeployment(p, patch)),
    setAgentServices: (patch) => update((p) => edits().setAgentServices(p, patch)),
    clearDeviceOption: (id, option) =>
      update((p) => {
        const device = p.devices.find((d) => d.id === id);
        if (!device || !(option in device.options)) return p;
        const options = Object.fromEntries(
          Object.entries(device.options).filter(([key]) => key !== option),
        );
        return edits().updateDevice(p, id, { options });
      }),

    storageError: initial.error,
    setStorageError: (storageError) => set({ storageError }),
    storageBlocked: !initial.canSave,
    tabConflict: null,
    tabConflictOpen: false,
    setTabConflictOpen: (tabConflictOpen) => set({ tabConflictOpen }),
    tabConflictError: null,
    loadOtherTabPlan: () => report(session.loadTheirs(get().plan), { chosen: true }),
    keepThisTabPlan: () => report(session.keepMine(get().plan), { chosen: true }),
    planFileNotice: null,
    setPlanFileNotice: (planFileNotice) => set({ planFileNotice }),
    deviceView: null,
    setDeviceView: (deviceView) => set({ deviceView }),
    lastAgentId: null,
  };
});

let session = new TabSession(newTabId(), initial.baseline, initial.plan);

/** Starts over from `baseline` as if the page had just loaded it with `plan` (tests). */
export function restartTabSession(baseline: Baseline, plan: Plan): void {
  session = new TabSession(newTabId(), baseline, plan);
  useAppStore.setState({ tabConflict: null, tabConflictOpen: false, tabConflictError: null });
}

/** The message of the last failed save, so a later successful save can clear it. */
let lastSaveError: string | null = null;

/**
 * Applies what the tab session decided. `chosen`: the user resolved a conflict (a failure is
 * shown in the dialog).
 */
function report(outcome: SyncOutcome, { chosen = false } = {}): void {
  const state = useAppStore.getState();
  const conflict = session.conflict;
  const conflictState = {
    tabConflict: conflict,
    tabConflictOpen:
      conflict === null ? false : state.tabConflict === null || state.tabConflictOpen,
    tabConflictError: null,
  };
  switch (outcome.kind) {
    case 'adopt':
      useAppStore.setState({ plan: outcome.plan, ...conflictState });
      return;
    case 'failed':
      if (chosen && conflict !== null) {
        useAppStore.setState({ ...conflictState, tabConflictError: outcome.message });
        return;
      }
      useAppStore.setState(conflictState);
      lastSaveError = outcome.message;
      if (state.storageError !== outcome.message) state.setStorageError(outcome.message);
      return;
    case 'saved': {
      useAppStore.setState(conflictState);
      // A later successful save clears a save error (not a load error: that one stays until
      // the user closes it).
      const previousError = lastSaveError;
      lastSaveError = null;
      if (previousError !== null && state.storageError === previousError) {
        state.setStorageError(null);
      }
      return;
    }
    case 'none':
    case 'conflict':
      if (state.tabConflict !== conflict || state.tabConflictError !== null) {
        useAppStore.setState(conflictState);
      }
  }
}

// Save every change of the plan (unless another tab saved meanwhile: then the tab is in
// conflict and asks); a failed write is shown, not swallowed.
useAppStore.subscribe((state, previous) => {
  if (state.plan === previous.plan || state.storageBlocked) return;
  report(session.save(state.plan));
});

/**
 * Follows the other tabs: when another tab saves, this tab takes the newer plan if it has
 * nothing unsaved, else it asks. Returns the unsubscribe function (for a React effect).
 */
export function watchOtherTabs(): () => void {
  return onStoredItemChange(STORAGE_KEY, () => {
    const state = useAppStore.getState();
    // A tab that must not write (unreadable data it could not keep aside) overwrites nothing.
    if (!state.storageBlocked) report(session.check(state.plan));
  });
}
