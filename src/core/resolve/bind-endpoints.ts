/**
 * Step "bind endpoints": the catalog roles of a rule application become the plan's hosts.
 *
 * - A plan-host role is every host of its place: the console and the additional consoles, each
 *   address of the agents' DNS servers or domain controllers, or the one host of the place.
 * - "agent" in a device rule is the device's own agent server (or the device itself for agents
 *   that run locally); in plan-wide rules it is every host running an agent. "windows-agent" is
 *   the same, Windows hosts only. A role that names the environments it `monitors` narrows both
 *   to the agents of devices of those environments.
 * - A helper role (device-option-host) is the device's helper host while it is one; otherwise
 *   the role its `otherwise` names plays it (the CEE on the agent server).
 * - A cloud role is the FQDN endpoints the rule names (cloud-hosts.ts); a rule whose endpoints
 *   are "forwarded" (the proxy's own egress) reaches the endpoints of every cloud flow bound so
 *   far, so the resolver binds those rules last.
 * - A role reached through a proxy (`viaProxy`) is replaced by the proxy's host, on the proxy
 *   port, whenever the plan has one.
 * - Missing addresses keep the rule, with the role name as placeholder; a host needs no rule to
 *   talk to itself, so such flows are dropped.
 */
import type { Catalog, CatalogRule, Role, Transport } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';

import type { AgentHosts } from './agent-hosts';
import { dedupeHosts, runsWindowsAgent } from './agent-hosts';
import { cloudHosts } from './cloud-hosts';
import type { PlanDevice } from './devices';
import type { HostRegistry } from './hosts';
import { compareHosts, helperState } from './hosts';
import type { ResolvedHost } from './model';
import type { RuleApplication } from './select-rules';

export interface Binding {
  sourceRole: Role;
  destinationRole: Role;
  source: ResolvedHost[];
  destination: ResolvedHost[];
  transport: Transport;
  /** The destination was replaced by the proxy (its port is the proxy port). */
  proxied: boolean;
  /** For a proxied flow: the hosts the proxy forwards it to (the rule's own destination). */
  forwardedTo: ResolvedHost[];
}

export interface EndpointBinder {
  /** Binds one application; bind the applications with "forwarded" endpoints last. */
  bind: (application: RuleApplication) => Binding | null;
  /** Identity of any host handed out, placeholders included. */
  identityOf: (host: ResolvedHost) => string;
}

export function endpointBinder(
  plan: Plan,
  catalog: Catalog,
  devices: readonly PlanDevice[],
  registry: HostRegistry,
  agents: AgentHosts,
): EndpointBinder {
  const roles = new Map(catalog.roles.map((r) => [r.id, r]));

  // Identity of every host we hand out (registry hosts and per-device placeholders).
  const placeholderIds = new Map<ResolvedHost, string>();
  const identityOf = (host: ResolvedHost): string =>
    placeholderIds.get(host) ?? registry.identityOf(host);

  // Device hosts by endpoint role (for device roles in plan-wide rules).
  const hostsByDeviceRole = new Map<string, ResolvedHost[]>();
  for (const { device, environment } of devices) {
    const list = hostsByDeviceRole.get(environment.endpointRole) ?? [];
    list.push(...registry.device(device.id));
    hostsByDeviceRole.set(environment.endpointRole, list);
  }

  const cloud = cloudHosts(plan, catalog);
  // The cloud endpoints of the cloud flows bound so far (what a proxy forwards), by identity.
  const forwarded = new Map<string, ResolvedHost>();

  const missingAgent = new Map<string, ResolvedHost>();
  const deviceAgentHosts = (pd: PlanDevice, agentRole: Role): ResolvedHost[] => {
    if (pd.environment.agentMode === 'local') return registry.device(pd.device.id);
    const host = registry.agent(pd.device.agentId);
    if (host) return [host];
    let placeholder = missingAgent.get(pd.device.id);
    if (!placeholder) {
      placeholder = {
        label: agentRole.name,
        address: '',
        ref: { kind: 'agent-server', agentId: '' },
      };
      missingAgent.set(pd.device.id, placeholder);
      placeholderIds.set(placeholder, `missing-agent:${pd.device.id}`);
    }
    return [placeholder];
  };

  /** The hosts of a role in a rule application; null when the rule does not apply. */
  const hostsOf = (
    role: Role,
    pd: PlanDevice | undefined,
    rule?: CatalogRule,
  ): ResolvedHost[] | null => {
    switch (role.kind) {
      case 'plan-host': {
        // Every host of the place: each Console instance, each DNS server or domain controller.
        const hosts = role.planHost ? registry.planHosts(role.planHost) : [];
        return hosts.length > 0 ? hosts : null;
      }
      case 'agent':
      case 'windows-agent': {
        const windowsOnly = role.kind === 'windows-agent';
        if (pd) {
          if (role.monitors && !role.monitors.includes(pd.environment.id)) return null;
          if (windowsOnly && pd.environment.agentMode === 'local' && !runsWindowsAgent(pd))
            return null;
          return deviceAgentHosts(pd, role);
        }
        const hosts = role.monitors
          ? agents.monitoring(role)
          : windowsOnly
            ? agents.windows
            : agents.all;
        return hosts.length > 0 ? hosts : null;
      }
      case 'device-option-host': {
        if (!pd) return null;
        if (helperState(role, plan, pd.device, pd.environment, catalog) !== null) {
          const host = registry.helper(pd.device.id, role.id);
          return host ? [host] : null;
        }
        const other = role.otherwise ? roles.get(role.otherwise) : undefined;
        return other ? hostsOf(other, pd) : null;
      }
      case 'device': {
        const hosts = pd ? registry.device(pd.device.id) : (hostsByDeviceRole.get(role.id) ?? []);
        return hosts.length > 0 ? hosts : null;
      }
      case 'cloud': {
        const endpoints = rule?.cloudEndpoints;
        if (endpoints === undefined) return null;
        if (endpoints === 'forwarded') {
          return forwarded.size > 0 ? [...forwarded.values()] : null;
        }
        const hosts = cloud.hostsOf(endpoints, pd?.index);
        for (const host of hosts) forwarded.set(identityOf(host), host);
        return hosts.length > 0 ? hosts : null;
      }
    }
  };

  const bind = ({ rule, device: pd }: RuleApplication): Binding | null => {
    const sourceRole = roles.get(rule.source);
    const ruleDestinationRole = roles.get(rule.destination);
    if (!sourceRole || !ruleDestinationRole) return null;
    // Through the plan's proxy, when the destination is reached through one and it is set up.
    const proxyRole = ruleDestinationRole.viaProxy
      ? roles.get(ruleDestinationRole.viaProxy)
      : undefined;
    const proxied =
      proxyRole !== undefined &&
      sourceRole.id !== proxyRole.id &&
      proxyRole.planHost !== undefined &&
      registry.planHost(proxyRole.planHost) !== undefined;
    const destinationRole = proxied && proxyRole ? proxyRole : ruleDestinationRole;
    const sourceHosts = hostsOf(sourceRole, pd, rule);
    if (!sourceHosts) return null;
    // The rule's own destination first: a proxied cloud flow still names the FQDNs the proxy
    // then forwards to.
    const ruleDestinationHosts = hostsOf(ruleDestinationRole, pd, rule);
    const destinationHosts =
      destinationRole === ruleDestinationRole
        ? ruleDestinationHosts
        : hostsOf(destinationRole, pd, rule);
    if (!ruleDestinationHosts || !destinationHosts) return null;
    let source = dedupeHosts(sourceHosts, identityOf);
    let destination = dedupeHosts(destinationHosts, identityOf);
    // A host needs no firewall rule to talk to itself (e.g. CEE on the agent server).
    const [onlySource] = source;
    if (source.length === 1 && onlySource) {
      const id = identityOf(onlySource);
      destination = destination.filter((h) => identityOf(h) !== id);
    }
    const [onlyDestination] = destination;
    if (destination.length === 1 && onlyDestination) {
      const id = identityOf(onlyDestination);
      source = source.filter((h) => identityOf(h) !== id);
    }
    if (source.length === 0 || destination.length === 0) return null;
    source.sort(compareHosts);
    destination.sort(compareHosts);
    return {
      sourceRole,
      destinationRole,
      source,
      destination,
      transport: proxied ? 'TCP' : rule.transport,
      proxied,
      forwardedTo: proxied ? [...ruleDestinationHosts].sort(compareHosts) : [],
    };
  };

  return { bind, identityOf };
}
