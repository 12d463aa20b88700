/**
 * Pure edits of a plan. The store's actions call these; they never mutate their input.
 */
import type { EnvironmentId, OptionValue } from '@/core/catalog/model';

import type {
  AgentServer,
  AgentServices,
  CeeServer,
  Deployment,
  Device,
  HostEntry,
  Integrations,
  Plan,
  PlanSettings,
  ServerList,
} from './model';
import { ceeServerName, consoleName } from './model';
import { PLAN_LIMITS } from './parse-plan';

function nextId(prefix: string, taken: readonly { id: string }[]): string {
  const used = new Set(taken.map((t) => t.id));
  let n = taken.length + 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

export function addAgent(plan: Plan): Plan {
  const id = nextId('agent', plan.agents);
  const n = plan.agents.length + 1;
  return { ...plan, agents: [...plan.agents, { id, name: `Agent server ${n}`, address: '' }] };
}

export function updateAgent(plan: Plan, id: string, patch: Partial<Omit<AgentServer, 'id'>>): Plan {
  return { ...plan, agents: plan.agents.map((a) => (a.id === id ? { ...a, ...patch } : a)) };
}

/**
 * Adds agent servers at once (a pasted sheet), up to the plan's cap; `replace` names an agent
 * server they take the place of (the untouched first one of a new plan), whose devices move to
 * the first added one. Returns the plan and the new ids.
 */
export function addAgents(
  plan: Plan,
  agents: readonly HostEntry[],
  replace?: string,
): { plan: Plan; ids: string[] } {
  const kept = replace === undefined ? plan.agents : plan.agents.filter((a) => a.id !== replace);
  const all = [...kept];
  const ids: string[] = [];
  const taken = [...plan.agents];
  for (const agent of agents.slice(0, Math.max(0, PLAN_LIMITS.agents - kept.length))) {
    const id = nextId('agent', taken);
    const added = { id, name: agent.name, address: agent.address };
    all.push(added);
    taken.push(added);
    ids.push(id);
  }
  if (ids.length === 0) return { plan, ids };
  const moved = kept.length === plan.agents.length ? null : (ids[0] ?? null);
  return {
    plan: {
      ...plan,
      agents: all,
      devices:
        moved === null
          ? plan.devices
          : plan.devices.map((d) => (d.agentId === replace ? { ...d, agentId: moved } : d)),
    },
    ids,
  };
}

/** Removes an agent; its devices move to the first remaining agent (or none). */
export function removeAgent(plan: Plan, id: string): Plan {
  const agents = plan.agents.filter((a) => a.id !== id);
  const fallback = agents[0]?.id ?? '';
  return {
    ...plan,
    agents,
    devices: plan.devices.map((d) => (d.agentId === id ? { ...d, agentId: fallback } : d)),
  };
}

export function addCeeServer(plan: Plan): Plan {
  if (plan.ceeServers.length >= PLAN_LIMITS.ceeServers) return plan;
  const id = nextId('cee', plan.ceeServers);
  const name = ceeServerName(plan.ceeServers.length + 1);
  return {
    ...plan,
    ceeServers: [...plan.ceeServers, { id, name, address: '', os: 'windows' }],
  };
}

export function updateCeeServer(
  plan: Plan,
  id: string,
  patch: Partial<Omit<CeeServer, 'id'>>,
): Plan {
  return {
    ...plan,
    ceeServers: plan.ceeServers.map((c) => (c.id === id ? { ...c, ...patch } : c)),
  };
}

/**
 * Removes a CEE server. Devices that named it keep naming it: the plan checks then ask the user
 * to choose another (never a silent move to the agent server or to another CEE server).
 */
export function removeCeeServer(plan: Plan, id: string): Plan {
  return { ...plan, ceeServers: plan.ceeServers.filter((c) => c.id !== id) };
}

export function setConsole(plan: Plan, patch: Partial<HostEntry>): Plan {
  return { ...plan, console: { ...plan.console, ...patch } };
}

/** Adds a Console instance (named "Activity Monitor Console <n>"), up to the plan's cap. */
export function addConsole(plan: Plan): Plan {
  if (plan.additionalConsoles.length >= PLAN_LIMITS.additionalConsoles) return plan;
  const name = consoleName(plan.additionalConsoles.length + 2);
  return { ...plan, additionalConsoles: [...plan.additionalConsoles, { name, address: '' }] };
}

/** Changes the additional console at `index` (0 = the second Console instance). */
export function updateConsole(plan: Plan, index: number, patch: Partial<HostEntry>): Plan {
  if (index < 0 || index >= plan.additionalConsoles.length) return plan;
  return {
    ...plan,
    additionalConsoles: plan.additionalConsoles.map((c, i) =>
      i === index ? { ...c, ...patch } : c,
    ),
  };
}

export function removeConsole(plan: Plan, index: number): Plan {
  if (index < 0 || index >= plan.additionalConsoles.length) return plan;
  return { ...plan, additionalConsoles: plan.additionalConsoles.filter((_, i) => i !== index) };
}

/**
 * Adds a device monitored by `agentId` when the plan has that agent server, else by the first
 * one (core/wizard/device-table.ts `defaultAgentId` says which the wizard offers).
 */
export function addDevice(
  plan: Plan,
  environment: EnvironmentId,
  name: string,
  agentId?: string,
): { plan: Plan; id: string } {
  const id = nextId('dev', plan.devices);
  const known = agentId !== undefined && plan.agents.some((a) => a.id === agentId);
  const device: Device = {
    id,
    environment,
    name,
    addresses: [],
    tenant: '',
    agentId: known ? agentId : (plan.agents[0]?.id ?? ''),
    options: {},
  };
  return { plan: { ...plan, devices: [...plan.devices, device] }, id };
}

/**
 * Adds many devices at once (a pasted sheet), in order, up to the plan's cap; returns their ids.
 */
export function addDevices(
  plan: Plan,
  devices: readonly Omit<Device, 'id'>[],
): { plan: Plan; ids: string[] } {
  const all = [...plan.devices];
  const ids: string[] = [];
  for (const device of devices.slice(0, Math.max(0, PLAN_LIMITS.devices - plan.devices.length))) {
    const id = nextId('dev', all);
    all.push({ ...device, id });
    ids.push(id);
  }
  return { plan: { ...plan, devices: all }, ids };
}

export function updateDevice(
  plan: Plan,
  id: string,
  patch: Partial<Omit<Device, 'id' | 'environment'>>,
): Plan {
  return { ...plan, devices: plan.devices.map((d) => (d.id === id ? { ...d, ...patch } : d)) };
}

export function setDeviceOption(plan: Plan, id: string, option: string, value: OptionValue): Plan {
  return {
    ...plan,
    devices: plan.devices.map((d) =>
      d.id === id ? { ...d, options: { ...d.options, [option]: value } } : d,
    ),
  };
}

/** Sets several options of a device in one change (a choice that sets two, e.g. the CEE). */
export function setDeviceOptions(
  plan: Plan,
  id: string,
  patch: Readonly<Record<string, OptionValue>>,
): Plan {
  return {
    ...plan,
    devices: plan.devices.map((d) =>
      d.id === id ? { ...d, options: { ...d.options, ...patch } } : d,
    ),
  };
}

export function removeDevice(plan: Plan, id: string): Plan {
  return { ...plan, devices: plan.devices.filter((d) => d.id !== id) };
}

/** A device taken out of the plan, with its place, so that it can be put back (undo). */
export interface RemovedDevice {
  index: number;
  device: Device;
}

/** Removes several devices at once; returns them with their places (for `restoreDevices`). */
export function removeDevices(
  plan: Plan,
  ids: readonly string[],
): { plan: Plan; removed: RemovedDevice[] } {
  const wanted = new Set(ids);
  const removed: RemovedDevice[] = [];
  plan.devices.forEach((device, index) => {
    if (wanted.has(device.id)) removed.push({ index, device });
  });
  if (removed.length === 0) return { plan, removed };
  return { plan: { ...plan, devices: plan.devices.filter((d) => !wanted.has(d.id)) }, removed };
}

/**
 * Puts removed devices back at their places (undo of `removeDevices`). A device whose id the plan
 * has again meanwhile is skipped, and the plan's cap holds; an agent server removed meanwhile
 * leaves the device to the first remaining one (as removing the agent would have).
 */
export function restoreDevices(plan: Plan, removed: readonly RemovedDevice[]): Plan {
  const taken = new Set(plan.devices.map((d) => d.id));
  const agents = new Set(plan.agents.map((a) => a.id));
  const fallback = plan.agents[0]?.id ?? '';
  const devices = [...plan.devices];
  for (const { index, device } of [...removed].sort((a, b) => a.index - b.index)) {
    if (taken.has(device.id) || devices.length >= PLAN_LIMITS.devices) continue;
    taken.add(device.id);
    const agentId = device.agentId === '' || agents.has(device.agentId) ? device.agentId : fallback;
    devices.splice(Math.min(index, devices.length), 0, { ...device, agentId });
  }
  return devices.length === plan.devices.length ? plan : { ...plan, devices };
}

/** Has the devices `ids` monitored by the agent server `agentId` (ignored when unknown). */
export function assignDevices(plan: Plan, ids: readonly string[], agentId: string): Plan {
  if (!plan.agents.some((a) => a.id === agentId)) return plan;
  const wanted = new Set(ids);
  return {
    ...plan,
    devices: plan.devices.map((d) =>
      wanted.has(d.id) && d.agentId !== agentId ? { ...d, agentId } : d,
    ),
  };
}

/** Removes every device of an environment (unticking it in the wizard). */
export function removeEnvironment(plan: Plan, environment: EnvironmentId): Plan {
  return { ...plan, devices: plan.devices.filter((d) => d.environment !== environment) };
}

export function setIntegration<K extends keyof Integrations>(
  plan: Plan,
  key: K,
  patch: Partial<Integrations[K]>,
): Plan {
  return {
    ...plan,
    integrations: { ...plan.integrations, [key]: { ...plan.integrations[key], ...patch } },
  };
}

export function setSettings(plan: Plan, patch: Partial<PlanSettings>): Plan {
  return { ...plan, settings: { ...plan.settings, ...patch } };
}

/** A change of plan.deployment: pushInstall, or part of the proxy or the archive entry. */
export interface DeploymentPatch {
  pushInstall?: boolean;
  proxy?: Partial<Deployment['proxy']>;
  archive?: Partial<Deployment['archive']>;
}

export function setDeployment(plan: Plan, patch: DeploymentPatch): Plan {
  const current = plan.deployment;
  return {
    ...plan,
    deployment: {
      pushInstall: patch.pushInstall ?? current.pushInstall,
      proxy: { ...current.proxy, ...patch.proxy },
      archive: { ...current.archive, ...patch.archive },
    },
  };
}

/** A change of plan.agentServices: part of one or more of its services. */
export interface AgentServicesPatch {
  dns?: Partial<ServerList>;
  domainControllers?: Partial<ServerList>;
  smtp?: Partial<AgentServices['smtp']>;
  syslog?: Partial<AgentServices['syslog']>;
}

export function setAgentServices(plan: Plan, patch: AgentServicesPatch): Plan {
  const current = plan.agentServices;
  return {
    ...plan,
    agentServices: {
      dns: { ...current.dns, ...patch.dns },
      domainControllers: { ...current.domainControllers, ...patch.domainControllers },
      smtp: { ...current.smtp, ...patch.smtp },
      syslog: { ...current.syslog, ...patch.syslog },
    },
  };
}
