/**
 * Step "expand hosts", second half: the hosts that run an Activity Agent, as the roles of kind
 * "agent" and "windows-agent" see them. Agent servers of the plan run Windows; a local-agent
 * device's hosts run the agent on the operating system its environment names (hostOs).
 */
import type { Role } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';

import type { PlanDevice } from './devices';
import type { HostRegistry } from './hosts';
import type { ResolvedHost } from './model';

export interface AgentHosts {
  /** Every host that runs an agent: agent servers and hosts of local-agent devices. */
  all: ResolvedHost[];
  /** The same, Windows hosts only. */
  windows: ResolvedHost[];
  /** Identities of every agent host (for the listener checks). */
  identities: ReadonlySet<string>;
  /** The agent hosts that monitor a device of the role's `monitors` environments. */
  monitoring: (role: Role) => ResolvedHost[];
}

/** Hosts in order, one per identity. */
export function dedupeHosts(
  hosts: readonly ResolvedHost[],
  identityOf: (h: ResolvedHost) => string,
): ResolvedHost[] {
  const seen = new Set<string>();
  const out: ResolvedHost[] = [];
  for (const host of hosts) {
    const id = identityOf(host);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(host);
  }
  return out;
}

/** Whether a device's own hosts run the Windows agent (a local-agent device on Windows). */
export function runsWindowsAgent(device: PlanDevice): boolean {
  return device.environment.agentMode === 'local' && device.environment.hostOs === 'windows';
}

export function buildAgentHosts(
  plan: Plan,
  devices: readonly PlanDevice[],
  registry: HostRegistry,
): AgentHosts {
  const { identityOf } = registry;
  const servers = (keep: (agentId: string) => boolean): ResolvedHost[] =>
    plan.agents.flatMap((a) => {
      const host = keep(a.id) ? registry.agent(a.id) : undefined;
      return host ? [host] : [];
    });
  const localHosts = (keep: (d: PlanDevice) => boolean): ResolvedHost[] =>
    devices
      .filter((d) => d.environment.agentMode === 'local' && keep(d))
      .flatMap((d) => registry.device(d.device.id));

  const all = dedupeHosts([...servers(() => true), ...localHosts(() => true)], identityOf);
  const windows = dedupeHosts(
    [...servers(() => true), ...localHosts(runsWindowsAgent)],
    identityOf,
  );
  const cache = new Map<string, ResolvedHost[]>();
  const monitoring = (role: Role): ResolvedHost[] => {
    const known = cache.get(role.id);
    if (known) return known;
    const listed = new Set(role.monitors ?? []);
    const windowsOnly = role.kind === 'windows-agent';
    const monitoringServers = new Set(
      devices
        .filter((d) => d.environment.agentMode === 'proxy' && listed.has(d.environment.id))
        .map((d) => d.device.agentId),
    );
    const hosts = dedupeHosts(
      [
        ...servers((id) => monitoringServers.has(id)),
        ...localHosts((d) => listed.has(d.environment.id) && (!windowsOnly || runsWindowsAgent(d))),
      ],
      identityOf,
    );
    cache.set(role.id, hosts);
    return hosts;
  };
  return { all, windows, identities: new Set(all.map(identityOf)), monitoring };
}
