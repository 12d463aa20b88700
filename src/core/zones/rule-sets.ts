/**
 * Per-firewall rule sets: every flow that crosses a firewall, with the interfaces it enters and
 * leaves by, merged where the firewall would see one rule (same ingress and egress interface,
 * same service) but only into rules that open nothing extra: sources with the same set of
 * destinations share a rule, so a rule's sources × destinations are exactly its flows.
 * Addresses are grouped in address objects per role and zone ("AM-Activity-Agent-Server-Servers"),
 * services in service objects per protocol and ports ("AM-TCP-135_445_49152-65535"); every
 * reason (rule IDs, services, purposes) is kept. Deterministic: the same flows and model give the
 * same rule sets, whatever the order of zones, firewalls, interfaces, hosts or rules.
 */
import type { ZoneFlow, ZonePortRange } from './flows';
import type { Firewall, FirewallKind } from './model';
import { baseName, uniqueNames } from './names';
import type { Hop } from './paths';
import { compare } from './placement';

/** A flow with its zones and the firewalls it crosses (hops, in order). */
export interface RoutedFlow {
  flow: ZoneFlow;
  sourceZoneId: string;
  destinationZoneId: string;
  hops: Hop[];
}

export interface AddressObject {
  name: string;
  /** The zone all its addresses are in. */
  zoneId: string;
  /** The role names its addresses play in the rules that use it. */
  roles: string[];
  /** Sorted. */
  addresses: string[];
}

export interface ServiceObject {
  name: string;
  protocol: string;
  ports: ZonePortRange[];
}

export interface RuleInterface {
  interfaceId: string;
  interfaceName: string;
  /** The zones attached to the interface. */
  zoneIds: string[];
}

export interface FirewallRule {
  /** "AM-001", ... in the rule set's order. */
  name: string;
  ingress: RuleInterface;
  egress: RuleInterface;
  /** Address object names. */
  sources: string[];
  destinations: string[];
  /** The service object's name. */
  service: string;
  /** Where its addresses are. */
  sourceZoneIds: string[];
  destinationZoneIds: string[];
  /** The planner's rules behind it ("R01", ...), sorted. */
  ruleIds: string[];
  /** The rules' services ("SMB / RPC"), in rule order, de-duplicated. */
  services: string[];
  /** The rules' purposes, in rule order, de-duplicated. */
  purposes: string[];
}

export interface FirewallRuleSet {
  firewallId: string;
  name: string;
  kind: FirewallKind;
  rules: FirewallRule[];
  /** The objects its rules use, sorted by name. */
  addressObjects: AddressObject[];
  serviceObjects: ServiceObject[];
}

/** "R2" before "R10": rule IDs by their number, then as text. */
export function compareRuleIds(a: string, b: string): number {
  const na = /^[A-Za-z]*([0-9]+)$/.exec(a)?.[1];
  const nb = /^[A-Za-z]*([0-9]+)$/.exec(b)?.[1];
  if (na !== undefined && nb !== undefined && na.length !== nb.length) {
    return na.length - nb.length;
  }
  return compare(a, b);
}

function portsText(ports: readonly ZonePortRange[]): string {
  return [...ports]
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map((p) => (p.from === p.to ? String(p.from) : `${p.from}-${p.to}`))
    .join('_');
}

function serviceKey(flow: ZoneFlow): string {
  return `${flow.protocol.toUpperCase()}\u0000${portsText(flow.ports)}`;
}

interface Entry {
  routed: RoutedFlow;
  hop: Hop;
}

interface DraftRule {
  firewall: Firewall;
  hop: Hop;
  serviceKey: string;
  sources: string[];
  destinations: string[];
  entries: Entry[];
}

const SEP = '\u0000';

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Merge one group (one firewall, interfaces and service) into exact rules. */
function mergeGroup(firewall: Firewall, hop: Hop, key: string, entries: Entry[]): DraftRule[] {
  const destinationsOf = new Map<string, Set<string>>();
  for (const { routed } of entries) {
    const set = destinationsOf.get(routed.flow.sourceAddress) ?? new Set<string>();
    set.add(routed.flow.destinationAddress);
    destinationsOf.set(routed.flow.sourceAddress, set);
  }
  const bySet = new Map<string, { sources: string[]; destinations: string[] }>();
  for (const [source, set] of destinationsOf) {
    const destinations = [...set].sort(compare);
    const setKey = destinations.join(SEP);
    const rule = bySet.get(setKey) ?? { sources: [], destinations };
    rule.sources.push(source);
    bySet.set(setKey, rule);
  }
  return [...bySet.values()].map(({ sources, destinations }) => {
    const sourceSet = new Set(sources);
    return {
      firewall,
      hop,
      serviceKey: key,
      sources: sources.sort(compare),
      destinations,
      entries: entries.filter((e) => sourceSet.has(e.routed.flow.sourceAddress)),
    };
  });
}

interface ObjectDraft {
  base: string;
  key: string;
  zoneId: string;
  roles: string[];
  addresses: string[];
}

/** A rule's addresses on one side, in objects per (roles, zone). */
function objectDrafts(
  rule: DraftRule,
  side: 'source' | 'destination',
  zoneName: (id: string) => string,
): ObjectDraft[] {
  const roles = new Map<string, Set<string>>();
  const zoneOf = new Map<string, string>();
  for (const { routed } of rule.entries) {
    const address = side === 'source' ? routed.flow.sourceAddress : routed.flow.destinationAddress;
    const names = side === 'source' ? routed.flow.sourceRoles : routed.flow.destinationRoles;
    const set = roles.get(address) ?? new Set<string>();
    names.forEach((n) => set.add(n));
    roles.set(address, set);
    zoneOf.set(address, side === 'source' ? routed.sourceZoneId : routed.destinationZoneId);
  }
  const groups = new Map<string, ObjectDraft>();
  for (const address of side === 'source' ? rule.sources : rule.destinations) {
    const roleList = [...(roles.get(address) ?? [])].sort(compare);
    const zoneId = zoneOf.get(address) ?? '';
    const groupKey = [zoneId, ...roleList].join(SEP);
    const group = groups.get(groupKey) ?? {
      base: baseName(['AM', roleList.join('_'), zoneName(zoneId)]),
      key: '',
      zoneId,
      roles: roleList,
      addresses: [],
    };
    group.addresses.push(address);
    groups.set(groupKey, group);
  }
  return [...groups.values()].map((g) => ({
    ...g,
    addresses: [...g.addresses].sort(compare),
    key: [g.base, g.zoneId, g.roles.join(SEP), ...[...g.addresses].sort(compare)].join('\u0001'),
  }));
}

function ruleInterface(firewall: Firewall, interfaceId: string): RuleInterface {
  const iface = firewall.interfaces.find((i) => i.id === interfaceId);
  return {
    interfaceId,
    interfaceName: iface?.name ?? interfaceId,
    zoneIds: unique(iface?.zones ?? []).sort(compare),
  };
}

/**
 * The rule sets of every firewall of the model (sorted by name, then id; a firewall no flow
 * crosses has no rules), from the routed flows.
 */
export function firewallRuleSets(
  firewalls: readonly Firewall[],
  routed: readonly RoutedFlow[],
  zoneName: (id: string) => string,
): FirewallRuleSet[] {
  const byId = new Map<string, Firewall>();
  for (const firewall of [...firewalls].sort((a, b) => compare(a.id, b.id))) {
    if (!byId.has(firewall.id)) byId.set(firewall.id, firewall);
  }
  const groups = new Map<string, { firewall: Firewall; hop: Hop; key: string; entries: Entry[] }>();
  for (const flow of routed) {
    for (const hop of flow.hops) {
      const firewall = byId.get(hop.firewallId);
      if (!firewall) continue;
      const key = serviceKey(flow.flow);
      const groupKey = [hop.firewallId, hop.ingressInterfaceId, hop.egressInterfaceId, key].join(
        SEP,
      );
      const group = groups.get(groupKey) ?? { firewall, hop, key, entries: [] };
      group.entries.push({ routed: flow, hop });
      groups.set(groupKey, group);
    }
  }
  const drafts = [...groups.values()].flatMap((g) =>
    mergeGroup(g.firewall, g.hop, g.key, g.entries),
  );

  // Objects, named once for all firewalls, so one name means one content everywhere.
  const ruleObjects = drafts.map((rule) => ({
    rule,
    sources: objectDrafts(rule, 'source', zoneName),
    destinations: objectDrafts(rule, 'destination', zoneName),
  }));
  const addressNames = uniqueNames(
    ruleObjects.flatMap((r) =>
      [...r.sources, ...r.destinations].map((o) => [o.base, o.key] as const),
    ),
  );
  const serviceNames = uniqueNames(
    drafts.map((d) => {
      const [protocol = '', ports = ''] = d.serviceKey.split(SEP);
      return [baseName(['AM', protocol, ports]), d.serviceKey] as const;
    }),
  );

  return [...byId.values()]
    .map((firewall): FirewallRuleSet => {
      const mine = ruleObjects.filter((r) => r.rule.firewall.id === firewall.id);
      const addressObjects = new Map<string, AddressObject>();
      const serviceObjects = new Map<string, ServiceObject>();
      const rules = mine.map(({ rule, sources, destinations }) => {
        for (const o of [...sources, ...destinations]) {
          const name = addressNames.get(o.key) ?? o.base;
          addressObjects.set(name, {
            name,
            zoneId: o.zoneId,
            roles: o.roles,
            addresses: o.addresses,
          });
        }
        const service = serviceNames.get(rule.serviceKey) ?? rule.serviceKey;
        const [first] = rule.entries;
        serviceObjects.set(service, {
          name: service,
          protocol: first?.routed.flow.protocol ?? '',
          ports: [...(first?.routed.flow.ports ?? [])].sort(
            (a, b) => a.from - b.from || a.to - b.to,
          ),
        });
        const byRule = [...rule.entries].sort((a, b) =>
          compareRuleIds(a.routed.flow.ruleId, b.routed.flow.ruleId),
        );
        const sorted = (values: string[]): string[] => unique(values).sort(compare);
        return {
          name: '',
          ingress: ruleInterface(firewall, rule.hop.ingressInterfaceId),
          egress: ruleInterface(firewall, rule.hop.egressInterfaceId),
          sources: sorted(sources.map((o) => addressNames.get(o.key) ?? o.base)),
          destinations: sorted(destinations.map((o) => addressNames.get(o.key) ?? o.base)),
          service,
          sourceZoneIds: sorted(sources.map((o) => o.zoneId)),
          destinationZoneIds: sorted(destinations.map((o) => o.zoneId)),
          ruleIds: unique(byRule.map((e) => e.routed.flow.ruleId)),
          services: unique(byRule.map((e) => e.routed.flow.service)),
          purposes: unique(byRule.map((e) => e.routed.flow.purpose)),
        };
      });
      const order = (r: FirewallRule): string =>
        [
          r.ingress.interfaceName,
          r.ingress.interfaceId,
          r.egress.interfaceName,
          r.egress.interfaceId,
          r.service,
          r.sources.join(SEP),
          r.destinations.join(SEP),
        ].join('\u0001');
      rules.sort((a, b) => compare(order(a), order(b)));
      rules.forEach((r, i) => {
        r.name = `AM-${String(i + 1).padStart(3, '0')}`;
      });
      return {
        firewallId: firewall.id,
        name: firewall.name,
        kind: firewall.kind,
        rules,
        addressObjects: [...addressObjects.values()].sort((a, b) => compare(a.name, b.name)),
        serviceObjects: [...serviceObjects.values()].sort((a, b) => compare(a.name, b.name)),
      };
    })
    .sort((a, b) => compare(a.name, b.name) || compare(a.firewallId, b.firewallId));
}
