/**
 * Pure edits of a plan. The store's actions call these; they never mutate their input.
 */
import type { EnvironmentId, OptionValue } from '@/core/catalog/model';
import { addressKey } from '@/core/validate/validate-address';
import type { CidrList } from '@/core/zones/cidr-list';
import { parseCidrList } from '@/core/zones/cidr-list';
import type {
  Firewall,
  FirewallInterface,
  FirewallKind,
  PreferredPath,
  Zone,
  ZoneAssignment,
  ZoneModel,
} from '@/core/zones/model';
import { INTERNET_ZONE_ID } from '@/core/zones/model';

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

// The network (plan.network, since format 5): zones, firewalls and their interfaces, the zones
// chosen by hand and the chosen paths. Ids are made here ("zone-3", "fw-1", "if-2"), unique in
// their list and never the built-in Internet zone's.

function withNetwork(plan: Plan, patch: Partial<ZoneModel>): Plan {
  return { ...plan, network: { ...plan.network, ...patch } };
}

function mapFirewall(plan: Plan, id: string, fn: (firewall: Firewall) => Firewall): Plan {
  return withNetwork(plan, {
    firewalls: plan.network.firewalls.map((f) => (f.id === id ? fn(f) : f)),
  });
}

/** The zone ids an interface may face: the plan's zones and the built-in Internet zone. */
function knownZoneIds(plan: Plan): Set<string> {
  return new Set([INTERNET_ZONE_ID, ...plan.network.zones.map((z) => z.id)]);
}

/** Adds a zone named "Zone <n>" without blocks, up to the plan's cap; `id` is null at the cap. */
export function addZone(plan: Plan): { plan: Plan; id: string | null } {
  const { zones } = plan.network;
  if (zones.length >= PLAN_LIMITS.zones) return { plan, id: null };
  const id = nextId('zone', zones);
  const zone: Zone = { id, name: `Zone ${zones.length + 1}`, cidrs: [] };
  return { plan: withNetwork(plan, { zones: [...zones, zone] }), id };
}

export function updateZone(plan: Plan, id: string, patch: Partial<Pick<Zone, 'name'>>): Plan {
  return withNetwork(plan, {
    zones: plan.network.zones.map((z) => (z.id === id ? { ...z, ...patch } : z)),
  });
}

/**
 * A zone's CIDR blocks from text (one per line or comma separated; core/zones/cidr-list.ts).
 * With a problem, nothing is applied unless `confirm` (then the good blocks alone are).
 */
export function setZoneCidrs(
  plan: Plan,
  id: string,
  text: string,
  confirm = false,
): { plan: Plan; applied: boolean } & CidrList {
  const list = parseCidrList(text, PLAN_LIMITS.cidrsPerZone);
  if (list.problems.length > 0 && !confirm) return { plan, applied: false, ...list };
  const zones = plan.network.zones.map((z) => (z.id === id ? { ...z, cidrs: list.cidrs } : z));
  return { plan: withNetwork(plan, { zones }), applied: true, ...list };
}

/** What uses a zone: the interfaces facing it, the hosts placed in it by hand, chosen paths. */
export interface ZoneUse {
  interfaces: { firewallName: string; interfaceName: string }[];
  assignments: number;
  preferredPaths: number;
}

export function zoneUse(plan: Plan, id: string): ZoneUse {
  const { firewalls, assignments, preferredPaths } = plan.network;
  return {
    interfaces: firewalls.flatMap((f) =>
      f.interfaces
        .filter((i) => i.zones.includes(id))
        .map((i) => ({ firewallName: f.name, interfaceName: i.name })),
    ),
    assignments: assignments.filter((a) => a.zoneId === id).length,
    preferredPaths: preferredPaths.filter((p) => p.from === id || p.to === id).length,
  };
}

export function zoneInUse(use: ZoneUse): boolean {
  return use.interfaces.length + use.assignments + use.preferredPaths > 0;
}

/** What removing a zone took out, with the places, so that it can be put back (undo). */
export interface RemovedZone {
  zones: { index: number; zone: Zone }[];
  /** Places of the zone in interfaces' lists (firewall and interface by position). */
  attachments: { firewall: number; iface: number; index: number }[];
  assignments: { index: number; assignment: ZoneAssignment }[];
  preferredPaths: { index: number; path: PreferredPath }[];
}

function removedAt<T>(list: readonly T[], take: (item: T) => boolean) {
  const removed: { index: number; item: T }[] = [];
  list.forEach((item, index) => {
    if (take(item)) removed.push({ index, item });
  });
  return { kept: list.filter((item) => !take(item)), removed };
}

function putBack<T>(list: readonly T[], items: readonly { index: number; item: T }[]): T[] {
  const out = [...list];
  for (const { index, item } of [...items].sort((a, b) => a.index - b.index)) {
    out.splice(Math.min(index, out.length), 0, item);
  }
  return out;
}

/**
 * Removes a zone (every zone with that id) and what names it: its place on interfaces, the hosts
 * placed in it by hand and the paths chosen to or from it. Ask first when `zoneUse` says it is
 * in use. `restoreZone` puts it all back.
 */
export function removeZone(plan: Plan, id: string): { plan: Plan; removed: RemovedZone | null } {
  const network = plan.network;
  const zones = removedAt(network.zones, (z) => z.id === id);
  if (zones.removed.length === 0) return { plan, removed: null };
  const attachments: RemovedZone['attachments'] = [];
  const firewalls = network.firewalls.map((f, fi) => {
    if (!f.interfaces.some((i) => i.zones.includes(id))) return f;
    return {
      ...f,
      interfaces: f.interfaces.map((iface, ii) => {
        if (!iface.zones.includes(id)) return iface;
        iface.zones.forEach((z, index) => {
          if (z === id) attachments.push({ firewall: fi, iface: ii, index });
        });
        return { ...iface, zones: iface.zones.filter((z) => z !== id) };
      }),
    };
  });
  const assignments = removedAt(network.assignments, (a) => a.zoneId === id);
  const paths = removedAt(network.preferredPaths, (p) => p.from === id || p.to === id);
  return {
    plan: withNetwork(plan, {
      zones: zones.kept,
      firewalls,
      assignments: assignments.kept,
      preferredPaths: paths.kept,
    }),
    removed: {
      zones: zones.removed.map(({ index, item }) => ({ index, zone: item })),
      attachments,
      assignments: assignments.removed.map(({ index, item }) => ({ index, assignment: item })),
      preferredPaths: paths.removed.map(({ index, item }) => ({ index, path: item })),
    },
  };
}

/** Puts a removed zone back where it was (undo of `removeZone`, right after it). */
export function restoreZone(plan: Plan, removed: RemovedZone): Plan {
  const network = plan.network;
  const firewalls = network.firewalls.map((f, fi) => {
    const here = removed.attachments.filter((a) => a.firewall === fi);
    if (here.length === 0) return f;
    return {
      ...f,
      interfaces: f.interfaces.map((iface, ii) => {
        const mine = here.filter((a) => a.iface === ii);
        if (mine.length === 0) return iface;
        const id = removed.zones[0]?.zone.id ?? '';
        return {
          ...iface,
          zones: putBack(
            iface.zones,
            mine.map((a) => ({ index: a.index, item: id })),
          ),
        };
      }),
    };
  });
  return withNetwork(plan, {
    zones: putBack(
      network.zones,
      removed.zones.map((z) => ({ index: z.index, item: z.zone })),
    ),
    firewalls,
    assignments: putBack(
      network.assignments,
      removed.assignments.map((a) => ({ index: a.index, item: a.assignment })),
    ),
    preferredPaths: putBack(
      network.preferredPaths,
      removed.preferredPaths.map((p) => ({ index: p.index, item: p.path })),
    ),
  });
}

/**
 * Adds a firewall of a kind, named "Firewall <n>", with two interfaces facing no zone yet, up to
 * the plan's cap; `id` is null at the cap.
 */
export function addFirewall(plan: Plan, kind: FirewallKind): { plan: Plan; id: string | null } {
  const { firewalls } = plan.network;
  if (firewalls.length >= PLAN_LIMITS.firewalls) return { plan, id: null };
  const id = nextId('fw', firewalls);
  const firewall: Firewall = {
    id,
    name: `Firewall ${firewalls.length + 1}`,
    kind,
    interfaces: [
      { id: 'if-1', name: 'Interface 1', zones: [] },
      { id: 'if-2', name: 'Interface 2', zones: [] },
    ],
  };
  return { plan: withNetwork(plan, { firewalls: [...firewalls, firewall] }), id };
}

export function updateFirewall(
  plan: Plan,
  id: string,
  patch: Partial<Pick<Firewall, 'name' | 'kind'>>,
): Plan {
  return mapFirewall(plan, id, (f) => ({ ...f, ...patch }));
}

/** What removing a firewall took out, with the places (undo). */
export interface RemovedFirewall {
  firewalls: { index: number; firewall: Firewall }[];
  preferredPaths: { index: number; path: PreferredPath }[];
}

/** Removes a firewall (every one with that id) and the paths chosen through it. */
export function removeFirewall(
  plan: Plan,
  id: string,
): { plan: Plan; removed: RemovedFirewall | null } {
  const firewalls = removedAt(plan.network.firewalls, (f) => f.id === id);
  if (firewalls.removed.length === 0) return { plan, removed: null };
  const paths = removedAt(plan.network.preferredPaths, (p) => p.firewalls.includes(id));
  return {
    plan: withNetwork(plan, { firewalls: firewalls.kept, preferredPaths: paths.kept }),
    removed: {
      firewalls: firewalls.removed.map(({ index, item }) => ({ index, firewall: item })),
      preferredPaths: paths.removed.map(({ index, item }) => ({ index, path: item })),
    },
  };
}

/** Puts a removed firewall back where it was (undo of `removeFirewall`, right after it). */
export function restoreFirewall(plan: Plan, removed: RemovedFirewall): Plan {
  return withNetwork(plan, {
    firewalls: putBack(
      plan.network.firewalls,
      removed.firewalls.map((f) => ({ index: f.index, item: f.firewall })),
    ),
    preferredPaths: putBack(
      plan.network.preferredPaths,
      removed.preferredPaths.map((p) => ({ index: p.index, item: p.path })),
    ),
  });
}

/** Adds an interface facing no zone yet to a firewall, up to the cap; `id` is null if none. */
export function addInterface(plan: Plan, firewallId: string): { plan: Plan; id: string | null } {
  const firewall = plan.network.firewalls.find((f) => f.id === firewallId);
  if (!firewall || firewall.interfaces.length >= PLAN_LIMITS.interfacesPerFirewall) {
    return { plan, id: null };
  }
  const id = nextId('if', firewall.interfaces);
  const iface: FirewallInterface = {
    id,
    name: `Interface ${firewall.interfaces.length + 1}`,
    zones: [],
  };
  return {
    plan: mapFirewall(plan, firewallId, (f) => ({ ...f, interfaces: [...f.interfaces, iface] })),
    id,
  };
}

export function updateInterface(
  plan: Plan,
  firewallId: string,
  interfaceId: string,
  patch: Partial<Pick<FirewallInterface, 'name'>>,
): Plan {
  return mapFirewall(plan, firewallId, (f) => ({
    ...f,
    interfaces: f.interfaces.map((i) => (i.id === interfaceId ? { ...i, ...patch } : i)),
  }));
}

export function removeInterface(plan: Plan, firewallId: string, interfaceId: string): Plan {
  return mapFirewall(plan, firewallId, (f) => ({
    ...f,
    interfaces: f.interfaces.filter((i) => i.id !== interfaceId),
  }));
}

/**
 * The zones an interface faces (one, or the zones behind it): the plan's zones and the Internet
 * zone only, each once, in the order given; an unknown id is left out.
 */
export function setInterfaceZones(
  plan: Plan,
  firewallId: string,
  interfaceId: string,
  zoneIds: readonly string[],
): Plan {
  const known = knownZoneIds(plan);
  const zones = [...new Set(zoneIds)]
    .filter((z) => known.has(z))
    .slice(0, PLAN_LIMITS.zonesPerInterface);
  return mapFirewall(plan, firewallId, (f) => ({
    ...f,
    interfaces: f.interfaces.map((i) => (i.id === interfaceId ? { ...i, zones } : i)),
  }));
}

/**
 * The zone chosen by hand for an address (compared like addresses elsewhere: case, trailing dot);
 * null takes the choice away. An unknown zone id changes nothing.
 */
export function setZoneAssignment(plan: Plan, address: string, zoneId: string | null): Plan {
  const key = addressKey(address);
  if (key === '') return plan;
  if (zoneId !== null && !knownZoneIds(plan).has(zoneId)) return plan;
  const { assignments } = plan.network;
  const index = assignments.findIndex((a) => addressKey(a.address) === key);
  if (zoneId === null) {
    return index < 0
      ? plan
      : withNetwork(plan, {
          assignments: assignments.filter((a) => addressKey(a.address) !== key),
        });
  }
  if (index >= 0) {
    return withNetwork(plan, {
      assignments: assignments
        .filter((a, i) => i === index || addressKey(a.address) !== key)
        .map((a, i) => (i === index ? { ...a, zoneId } : a)),
    });
  }
  if (assignments.length >= PLAN_LIMITS.zoneAssignments) return plan;
  return withNetwork(plan, { assignments: [...assignments, { address: address.trim(), zoneId }] });
}

/**
 * The path chosen between two zones (the firewalls in order from `from` to `to`; it serves the
 * reverse direction too); null takes the choice away. Replaces a choice for the pair in either
 * direction. Unknown zones or firewalls, or one zone twice, change nothing.
 */
export function setPreferredPath(
  plan: Plan,
  from: string,
  to: string,
  firewalls: readonly string[] | null,
): Plan {
  if (firewalls !== null) {
    const zones = knownZoneIds(plan);
    const known = new Set(plan.network.firewalls.map((f) => f.id));
    if (!zones.has(from) || !zones.has(to) || from === to) return plan;
    if (firewalls.length === 0 || !firewalls.every((f) => known.has(f))) return plan;
  }
  const samePair = (p: PreferredPath): boolean =>
    (p.from === from && p.to === to) || (p.from === to && p.to === from);
  const { preferredPaths } = plan.network;
  const index = preferredPaths.findIndex(samePair);
  const rest = preferredPaths.filter((p) => !samePair(p));
  if (firewalls === null) return index < 0 ? plan : withNetwork(plan, { preferredPaths: rest });
  const path: PreferredPath = { from, to, firewalls: [...firewalls] };
  if (index < 0 && preferredPaths.length >= PLAN_LIMITS.preferredPaths) return plan;
  const at = index < 0 ? rest.length : index;
  return withNetwork(plan, { preferredPaths: [...rest.slice(0, at), path, ...rest.slice(at)] });
}
