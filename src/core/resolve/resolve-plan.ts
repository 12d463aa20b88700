/**
 * plan + catalog -> rules between the plan's real hosts, and the plan checks.
 *
 * - Rules of am-core and of integration environments apply once per plan; rules of device
 *   environments apply per device (devices whose environment the plan's version supports).
 * - Roles become hosts: "agent" in a device rule is the device's own agent server (or the device
 *   itself for agents that run locally); in plan-wide rules it is every host running an agent.
 *   "cee" follows the device's CEE placement. Missing addresses keep the rule, with the role
 *   name as placeholder; the plan checks say what is missing.
 * - "windows-agent" is every Windows host running an agent (agent servers and local agents
 *   except Linux). A role that names the environments it `monitors` narrows "agent" and
 *   "windows-agent" to the agents of devices of those environments (catalog data, e.g. the
 *   file-activity agents that send the Threat Manager syslog stream). With a network proxy (plan.deployment.proxy), every rule to the Microsoft
 *   cloud (role ms-tenant) goes to the proxy on the proxy port instead, with its reasons and a
 *   note; the proxy's own HTTPS to the cloud is a catalog rule.
 * - Inferred rules are dropped when plan.settings.showInferred is false; superseded rules and
 *   rules of other versions are skipped; flows from a host to itself need no rule.
 * - Identical flows (same source hosts, destination hosts, transport and ports) are merged,
 *   with all their reasons. The output order does not depend on the order of the input.
 */
import type { Catalog, CatalogRule, Environment, ErratumId, Role } from '@/core/catalog/model';
import type { PortRange } from '@/core/catalog/ports';
import {
  expandPortItems,
  formatPortRanges,
  mergePortRanges,
  portRangesKey,
} from '@/core/catalog/ports';
import type { Device, Plan } from '@/core/plan/model';

import { evaluateCondition } from './conditions';
import type { PlanDevice } from './devices';
import { PLAN_WIDE_GROUPS, usableDevices } from './devices';
import { buildHostRegistry, compareHosts } from './hosts';
import type {
  DeploymentHost,
  Resolution,
  ResolvedHost,
  ResolvedRule,
  RuleProblem,
  RuleReason,
} from './model';
import { ROLE_SEPARATOR } from './model';
import type { InvalidValue } from './plan-values';
import { readOption, readPortSetting, readProxyPort, readRpcRange } from './plan-values';
import type { Listener } from './plan-checks';
import { buildPlanChecks } from './plan-checks';

/** Plan-host roles and the plan entry that holds their host. */
const PLAN_HOST_ROLES: Record<
  string,
  'console' | 'accessAnalyzer' | 'siem' | 'threatManager' | DeploymentHost
> = {
  console: 'console',
  'access-analyzer': 'accessAnalyzer',
  aa26: 'accessAnalyzer',
  siem: 'siem',
  'threat-manager': 'threatManager',
  proxy: 'proxy',
  archive: 'archive',
};

/** Local-agent environments whose hosts do not run Windows (not "windows-agent" hosts). */
export const NON_WINDOWS_AGENT_ENVIRONMENTS: ReadonlySet<string> = new Set(['linux']);

/** The Microsoft cloud endpoint role: its flows go through the plan's network proxy, if any. */
export const MS_TENANT_ROLE = 'ms-tenant';
/** The network proxy role (plan.deployment.proxy). */
export const PROXY_ROLE = 'proxy';

/** "host:port" of the proxy (IPv6 in brackets); the proxy's name while it has no address. */
function proxyEndpointText(plan: Plan): string {
  const { address, name } = plan.deployment.proxy;
  const host = address.trim() || name;
  const port = readProxyPort(plan);
  return `${host.includes(':') ? `[${host}]` : host}:${port.ok ? port.value : 'invalid port'}`;
}

/** A problem from an invalid plan value. */
function problemOf(read: InvalidValue): RuleProblem {
  return { message: `${read.what}: ${read.error.replace(/\.$/, '')}` };
}

interface Entry {
  reason: RuleReason;
  sortKey: string;
  sourceRole: Role;
  destinationRole: Role;
  service: string;
  description: string;
  notes: readonly string[];
  errata: readonly ErratumId[];
  ports: PortRange[];
  /** Port items that an invalid plan value left without a port, e.g. "Agent port". */
  unresolvedPorts: string[];
  problems: RuleProblem[];
}

interface Flow {
  key: string;
  source: ResolvedHost[];
  destination: ResolvedHost[];
  transport: CatalogRule['transport'];
  entries: Entry[];
}

const SEP = '\u0000';

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a catalog rule is in force for this plan (before conditions). */
export function ruleInForce(rule: CatalogRule, plan: Plan): boolean {
  if (rule.supersededBy) return false;
  if (rule.basis === 'inferred' && !plan.settings.showInferred) return false;
  if (rule.versions && !rule.versions.includes(plan.amVersion)) return false;
  return true;
}

function erratumOrder(a: string, b: string): number {
  const na = Number(/\d+/.exec(a)?.[0] ?? NaN);
  const nb = Number(/\d+/.exec(b)?.[0] ?? NaN);
  if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb;
  return compareStrings(a, b);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export function resolvePlan(plan: Plan, catalog: Catalog): Resolution {
  const environments = new Map(catalog.environments.map((e) => [e.id, e]));
  const roles = new Map(catalog.roles.map((r) => [r.id, r]));
  const devices = usableDevices(plan, catalog);
  const registry = buildHostRegistry(plan, catalog, devices);
  const rpcRange = readRpcRange(plan);

  const rulesByEnvironment = new Map<string, CatalogRule[]>();
  for (const rule of catalog.rules) {
    if (!ruleInForce(rule, plan)) continue;
    const list = rulesByEnvironment.get(rule.environment);
    if (list) list.push(rule);
    else rulesByEnvironment.set(rule.environment, [rule]);
  }

  // Identity of every host we hand out (registry hosts and per-device placeholders).
  const placeholderIds = new Map<ResolvedHost, string>();
  const identityOf = (host: ResolvedHost): string =>
    placeholderIds.get(host) ?? registry.identityOf(host);

  // Every host that runs an Activity Agent: agent servers + hosts of local-agent devices.
  const agentHosts = dedupe(
    [
      ...plan.agents.flatMap((a) => {
        const host = registry.agent(a.id);
        return host ? [host] : [];
      }),
      ...devices
        .filter((d) => d.environment.agentMode === 'local')
        .flatMap((d) => registry.device(d.device.id)),
    ],
    identityOf,
  );
  const agentIdentities = new Set(agentHosts.map(identityOf));
  const windowsAgentHosts = dedupe(
    [
      ...plan.agents.flatMap((a) => {
        const host = registry.agent(a.id);
        return host ? [host] : [];
      }),
      ...devices
        .filter(
          (d) =>
            d.environment.agentMode === 'local' &&
            !NON_WINDOWS_AGENT_ENVIRONMENTS.has(d.environment.id),
        )
        .flatMap((d) => registry.device(d.device.id)),
    ],
    identityOf,
  );

  // Agents that monitor a device of some environments (roles with `monitors`), per role.
  const monitoringHosts = new Map<string, ResolvedHost[]>();
  const agentsMonitoring = (role: Role, monitors: readonly string[]): ResolvedHost[] => {
    const known = monitoringHosts.get(role.id);
    if (known) return known;
    const listed = new Set(monitors);
    const windowsOnly = role.kind === 'windows-agent';
    const servers = new Set(
      devices
        .filter((d) => d.environment.agentMode === 'proxy' && listed.has(d.environment.id))
        .map((d) => d.device.agentId),
    );
    const hosts = dedupe(
      [
        ...plan.agents.flatMap((a) => {
          const host = servers.has(a.id) ? registry.agent(a.id) : undefined;
          return host ? [host] : [];
        }),
        ...devices
          .filter(
            (d) =>
              d.environment.agentMode === 'local' &&
              listed.has(d.environment.id) &&
              !(windowsOnly && NON_WINDOWS_AGENT_ENVIRONMENTS.has(d.environment.id)),
          )
          .flatMap((d) => registry.device(d.device.id)),
      ],
      identityOf,
    );
    monitoringHosts.set(role.id, hosts);
    return hosts;
  };

  // Device hosts by endpoint role (for device roles in plan-wide rules).
  const hostsByDeviceRole = new Map<string, ResolvedHost[]>();
  for (const { device, environment } of devices) {
    const list = hostsByDeviceRole.get(environment.endpointRole) ?? [];
    list.push(...registry.device(device.id));
    hostsByDeviceRole.set(environment.endpointRole, list);
  }

  const missingAgent = new Map<string, ResolvedHost>();
  const deviceAgentHosts = (pd: PlanDevice, agentRole: Role): ResolvedHost[] => {
    if (pd.environment.agentMode === 'local') return registry.device(pd.device.id);
    const host = registry.agent(pd.device.agentId);
    if (host) return [host];
    let placeholder = missingAgent.get(pd.device.id);
    if (!placeholder) {
      placeholder = { label: agentRole.name, address: '', ref: { kind: 'agent', agentId: '' } };
      missingAgent.set(pd.device.id, placeholder);
      placeholderIds.set(placeholder, `missing-agent:${pd.device.id}`);
    }
    return [placeholder];
  };

  /** The hosts of a role in a rule application; null when the rule does not apply. */
  const hostsOf = (role: Role, pd: PlanDevice | undefined): ResolvedHost[] | null => {
    switch (role.kind) {
      case 'plan-host': {
        const entry = PLAN_HOST_ROLES[role.id];
        if (!entry) return null;
        if (entry === 'console') return [registry.console];
        const host =
          entry === 'proxy' || entry === 'archive'
            ? registry.deployment(entry)
            : registry.integration(entry);
        return host ? [host] : null;
      }
      case 'agent':
      case 'windows-agent': {
        const windowsOnly = role.kind === 'windows-agent';
        if (pd) {
          if (role.monitors && !role.monitors.includes(pd.environment.id)) return null;
          if (windowsOnly && NON_WINDOWS_AGENT_ENVIRONMENTS.has(pd.environment.id)) return null;
          return deviceAgentHosts(pd, role);
        }
        const hosts = role.monitors
          ? agentsMonitoring(role, role.monitors)
          : windowsOnly
            ? windowsAgentHosts
            : agentHosts;
        return hosts.length > 0 ? hosts : null;
      }
      case 'cee': {
        if (!pd) return null;
        const placement = readOption(plan, pd.device, 'ceePlacement', catalog);
        if (placement.ok && placement.value === 'separate') {
          const host = registry.cee(pd.device.id);
          return host ? [host] : null;
        }
        return deviceAgentHosts(pd, roles.get('agent') ?? role);
      }
      case 'device-option-host': {
        if (!pd || !role.option) return null;
        const host = registry.deviceOption(pd.device.id, role.option);
        return host ? [host] : null;
      }
      case 'device': {
        if (pd) {
          const hosts = registry.device(pd.device.id);
          return hosts.length > 0 ? hosts : null;
        }
        const hosts = hostsByDeviceRole.get(role.id) ?? [];
        return hosts.length > 0 ? hosts : null;
      }
    }
  };

  const flows = new Map<string, Flow>();
  const listeners: Listener[] = [];
  const proxyRole = plan.deployment.proxy.enabled ? roles.get(PROXY_ROLE) : undefined;
  const proxyNote = `Through the network proxy ${proxyEndpointText(plan)}; the proxy itself needs HTTPS 443 to the Microsoft endpoints`;

  const apply = (rule: CatalogRule, environment: Environment, pd: PlanDevice | undefined): void => {
    const device: Device | undefined = pd?.device;
    const problems: RuleProblem[] = [];
    if (rule.condition) {
      const conditionProblems: RuleProblem[] = [];
      const holds = evaluateCondition(
        rule.condition.when,
        plan,
        device,
        catalog,
        conditionProblems,
      );
      if (holds === false) return;
      // An invalid option leaves the condition open: keep the rule, with the problem.
      if (holds === 'unknown') problems.push(...conditionProblems);
    }
    const sourceRole = roles.get(rule.source);
    const ruleDestinationRole = roles.get(rule.destination);
    if (!sourceRole || !ruleDestinationRole) return;
    // Agents reach the Microsoft cloud through the plan's network proxy, when there is one.
    const proxied =
      proxyRole !== undefined &&
      ruleDestinationRole.id === MS_TENANT_ROLE &&
      sourceRole.id !== PROXY_ROLE;
    const destinationRole = proxied ? proxyRole : ruleDestinationRole;
    const transport = proxied ? 'TCP' : rule.transport;
    const sourceHosts = hostsOf(sourceRole, pd);
    const destinationHosts = hostsOf(destinationRole, pd);
    if (!sourceHosts || !destinationHosts) return;
    let source = dedupe(sourceHosts, identityOf);
    let destination = dedupe(destinationHosts, identityOf);
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
    if (source.length === 0 || destination.length === 0) return;
    source.sort(compareHosts);
    destination.sort(compareHosts);

    // Ports: only valid plan values; an invalid one leaves its item out, with the problem.
    const unresolvedPorts: string[] = [];
    const settingValues = new Map<string, number | null>();
    const settingValue = (setting: string): number | null => {
      const known = settingValues.get(setting);
      if (known !== undefined) return known;
      const read = readPortSetting(plan, device, setting, catalog);
      settingValues.set(setting, read.ok ? read.value : null);
      if (!read.ok) {
        problems.push(problemOf(read));
        unresolvedPorts.push(catalog.settings.find((s) => s.id === setting)?.name ?? setting);
      }
      return read.ok ? read.value : null;
    };
    let ports: PortRange[];
    if (proxied) {
      const proxyPort = readProxyPort(plan);
      if (proxyPort.ok) {
        ports = [{ from: proxyPort.value, to: proxyPort.value, label: 'proxy port' }];
      } else {
        ports = [];
        problems.push(problemOf(proxyPort));
        unresolvedPorts.push('proxy port');
      }
    } else {
      const usesRpc = rule.ports.some((item) => item.kind === 'named');
      if (usesRpc && !rpcRange.ok) {
        problems.push(problemOf(rpcRange));
        unresolvedPorts.push('dynamic RPC');
      }
      const items = rule.ports.filter(
        (item) =>
          !(item.kind === 'named' && !rpcRange.ok) &&
          !(item.kind === 'setting' && settingValue(item.setting) === null),
      );
      ports = expandPortItems(items, {
        rpcRange: rpcRange.ok ? rpcRange.value : { from: 0, to: 0 },
        settingValue: (setting) => settingValue(setting) ?? 0,
        settings: catalog.settings,
      });
      // The RPC endpoint mapper (135) of a WMI set does not depend on the range.
      if (usesRpc && !rpcRange.ok) {
        for (const item of rule.ports) {
          if (item.kind === 'named' && item.set === 'wmi') {
            ports = mergePortRanges([
              ...ports,
              { from: 135, to: 135, label: 'RPC endpoint mapper' },
            ]);
          }
        }
      }
    }
    const endpointKey = (hosts: ResolvedHost[]): string => hosts.map(identityOf).join(',');
    const problemKey = problems.map((p) => p.message).join(SEP);
    const key = `${endpointKey(source)}>${endpointKey(destination)}|${transport}|${portRangesKey(ports)}${problemKey ? `|!${problemKey}` : ''}`;

    const reason: RuleReason = {
      ruleId: rule.id,
      environmentId: environment.id,
      environmentName: environment.name,
      ...(device ? { deviceId: device.id, deviceName: device.name } : {}),
      ...(rule.condition ? { condition: rule.condition.text } : {}),
      basis: rule.basis,
      reference: rule.citation.url,
    };
    const entry: Entry = {
      reason,
      sortKey: [
        environment.name.toLowerCase(),
        environment.id,
        (device?.name ?? '').toLowerCase(),
        device?.name ?? '',
        device?.id ?? '',
        rule.id,
      ].join(SEP),
      sourceRole,
      destinationRole,
      service: rule.service,
      description: rule.description,
      notes: proxied ? [proxyNote, ...(rule.notes ?? [])] : (rule.notes ?? []),
      errata: rule.errata ?? [],
      ports,
      unresolvedPorts,
      problems,
    };
    const flow = flows.get(key);
    if (flow) flow.entries.push(entry);
    else flows.set(key, { key, source, destination, transport, entries: [entry] });

    // The proxy is not an agent: a proxied flow registers no listener.
    if (proxied) return;
    for (const host of destination) {
      const hostId = identityOf(host);
      if (!agentIdentities.has(hostId)) continue;
      for (const item of rule.ports) {
        if (item.kind === 'setting') {
          const setting = catalog.settings.find((s) => s.id === item.setting);
          const deviceScope = setting?.scope === 'device' && pd !== undefined;
          const port = settingValue(item.setting);
          // An invalid port is a plan check of its own; it listens nowhere yet.
          if (port === null) continue;
          listeners.push({
            hostIdentity: hostId,
            hostLabel: host.label,
            port,
            listener: `setting:${item.setting}`,
            settingId: item.setting,
            what: `the ${setting?.name ?? item.setting}${device ? ` of device "${device.name}"` : ''}`,
            field: deviceScope
              ? `devices.${pd.index}.options.${item.setting}`
              : `settings.ports.${item.setting}`,
            deviceScope,
          });
        } else if (item.kind === 'port') {
          listeners.push({
            hostIdentity: hostId,
            hostLabel: host.label,
            port: item.port,
            listener: `fixed:${item.port}`,
            what: `${rule.description || rule.service} (${environment.name}${device ? `, device "${device.name}"` : ''})`,
            field: pd ? `devices.${pd.index}.agentId` : '',
            deviceScope: false,
          });
        }
      }
    }
  };

  for (const environment of catalog.environments) {
    if (!PLAN_WIDE_GROUPS.includes(environment.group)) continue;
    if (!environment.versions.includes(plan.amVersion)) continue;
    for (const rule of rulesByEnvironment.get(environment.id) ?? [])
      apply(rule, environment, undefined);
  }
  for (const pd of devices) {
    for (const rule of rulesByEnvironment.get(pd.environment.id) ?? [])
      apply(rule, pd.environment, pd);
  }

  const rules = sortRules([...flows.values()].map(finishFlow));
  const checks = buildPlanChecks(plan, catalog, { registry, listeners, environments });
  return { rules, checks };
}

function dedupe(
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

function finishFlow(flow: Flow): ResolvedRule {
  const entries = [...flow.entries].sort((a, b) => compareStrings(a.sortKey, b.sortKey));
  const seen = new Set<string>();
  const kept = entries.filter((e) => {
    const id = `${e.reason.ruleId}${SEP}${e.reason.deviceId ?? ''}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const [first] = kept;
  if (!first) throw new Error('unreachable: a flow has at least one entry');
  const ports = mergePortRanges(kept.flatMap((e) => e.ports));
  const unresolved = unique(kept.flatMap((e) => e.unresolvedPorts)).map((n) => `${n} (invalid)`);
  const problems = [
    ...new Map(kept.flatMap((e) => e.problems).map((p) => [p.message, p])).values(),
  ];
  return {
    key: flow.key,
    source: {
      role: first.sourceRole.id,
      roleName: unique(kept.map((e) => e.sourceRole.name)).join(ROLE_SEPARATOR),
      hosts: flow.source,
    },
    destination: {
      role: first.destinationRole.id,
      roleName: unique(kept.map((e) => e.destinationRole.name)).join(ROLE_SEPARATOR),
      hosts: flow.destination,
    },
    transport: flow.transport,
    ports: ports.map((p) => ({ from: p.from, to: p.to, label: p.label })),
    portsText: [formatPortRanges(ports), ...unresolved].filter((t) => t !== '').join(', '),
    service: unique(kept.map((e) => e.service).filter((s) => s !== '')).join(' / '),
    description: unique(kept.map((e) => e.description).filter((s) => s !== '')).join('; '),
    basis: kept.some((e) => e.reason.basis === 'documented') ? 'documented' : 'inferred',
    reasons: kept.map((e) => e.reason),
    notes: unique(kept.flatMap((e) => e.notes)),
    errata: unique(kept.flatMap((e) => e.errata)).sort(erratumOrder),
    ...(problems.length > 0 ? { problems } : {}),
  };
}

function endpointSortText(hosts: readonly ResolvedHost[], roleName: string): string {
  const [first] = hosts;
  if (!first) return roleName.toLowerCase();
  return `${(first.label || roleName).toLowerCase()}${SEP}${first.address.toLowerCase()}`;
}

/** Source, then destination, then transport, then first port; the key breaks ties. */
function sortRules(rules: ResolvedRule[]): ResolvedRule[] {
  const keyed = rules.map((rule) => ({
    rule,
    source: endpointSortText(rule.source.hosts, rule.source.roleName),
    destination: endpointSortText(rule.destination.hosts, rule.destination.roleName),
  }));
  keyed.sort(
    (a, b) =>
      compareStrings(a.source, b.source) ||
      compareStrings(a.destination, b.destination) ||
      compareStrings(a.rule.transport, b.rule.transport) ||
      (a.rule.ports[0]?.from ?? 0) - (b.rule.ports[0]?.from ?? 0) ||
      compareStrings(a.rule.key, b.rule.key),
  );
  return keyed.map((k) => k.rule);
}
