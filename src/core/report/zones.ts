/**
 * The zones of a report (issue 16): where each host of a rule is, the path of each rule's flows
 * through the network firewalls, and per firewall its rule set (core/zones: ingress and egress
 * interface and zone, address objects, service objects, every reason), as text every sheet and
 * the review lay out their own way. The analysis runs once (reportZoneView); everything else is
 * read from it. Only for a plan with zones: without them no report carries any of this.
 */
import type { ResolvedEndpoint, ResolvedHost, ResolvedRule } from '@/core/resolve/model';
import type { FlowRoute, ZoneAnalysis } from '@/core/zones/analyze';
import { analyzeZones } from '@/core/zones/analyze';
import type { ZonePortRange } from '@/core/zones/flows';
import type { FirewallKind, ZoneModel } from '@/core/zones/model';
import { FIREWALL_KIND_LABELS, INTERNET_ZONE_ID, INTERNET_ZONE_NAME } from '@/core/zones/model';
import type { Placement } from '@/core/zones/placement';
import { compare, placeAddress, zoneIndex } from '@/core/zones/placement';
import type { FirewallRule, FirewallRuleSet, RuleInterface } from '@/core/zones/rule-sets';

import type { AtomicFlow } from './flows';
import { unique } from './rule-text';

/** What a zone cell says of an address that no zone holds. */
export const NO_ZONE = '(no zone)';

/** An interface a firewall rule enters or leaves by: its name and the zones attached to it. */
export interface ReportFirewallInterface {
  name: string;
  zones: string[];
}

/** One rule of a firewall's rule set, as a change request lists it. */
export interface ReportFirewallRule {
  /** "AM-001", ... in the rule set's order. */
  name: string;
  ingress: ReportFirewallInterface;
  egress: ReportFirewallInterface;
  /** Address object names. */
  sources: string[];
  destinations: string[];
  /** The addresses of those objects, sorted. */
  sourceAddresses: string[];
  destinationAddresses: string[];
  /** The zones its addresses are in. */
  sourceZones: string[];
  destinationZones: string[];
  /** The service object's name, its protocol and its ports ("135, 445"). */
  service: string;
  protocol: string;
  ports: string;
  /** The reasons: the planner's rules behind it ("R01"), their services and purposes. */
  ruleIds: string[];
  services: string[];
  purposes: string[];
}

export interface ReportAddressObject {
  name: string;
  zone: string;
  roles: string[];
  addresses: string[];
}

export interface ReportServiceObject {
  name: string;
  protocol: string;
  ports: string;
  /** The port ranges, sorted (what `ports` says, for the vendor configs). */
  ranges: ZonePortRange[];
}

export interface ReportFirewall {
  /** The firewall's id in the plan (`plan.network.firewalls[].id`). */
  id: string;
  name: string;
  /** "PAN-OS", "FortiOS", ... */
  kind: string;
  /** The kind's id ("panos", ...): which vendor syntax is its own. */
  kindId: FirewallKind;
  rules: ReportFirewallRule[];
  addressObjects: ReportAddressObject[];
  serviceObjects: ReportServiceObject[];
}

export interface ReportZone {
  name: string;
  /** The zone's CIDR blocks; the Internet zone: none (it holds the Microsoft cloud FQDNs). */
  cidrs: string[];
}

export interface ReportZoneCheck {
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/** What a report says of the plan's zones. */
export interface ReportZones {
  /** The plan's zones by name, then the built-in Internet zone. */
  zones: ReportZone[];
  /** Every firewall of the plan, by name; one no flow crosses has no rules. */
  firewalls: ReportFirewall[];
  /** What keeps flows off the firewalls (an address in no zone, no path...), errors first. */
  checks: ReportZoneCheck[];
  /**
   * Set when the report is narrowed to one firewall (its downloads in "By firewall",
   * reportForFirewall): the vendor configs then write that firewall in their syntax, whatever its
   * kind. Unset: each vendor config writes the firewalls of its own kind.
   */
  firewallId?: string;
}

/** A firewall a flow crosses, with the interfaces it enters and leaves by. */
export interface ReportHop {
  firewall: string;
  ingress: ReportFirewallInterface;
  egress: ReportFirewallInterface;
}

/** One path a rule's flows take: its firewalls (none inside one zone) and the flows taking it. */
export interface ReportRulePath {
  kind: FlowRoute['kind'];
  /** "Core: e1 (Agents) → e2 (Files)"; "inside zone “Agents”: no network firewall". */
  text: string;
  hops: ReportHop[];
  /** The flows, "Agent 1 (10.1.0.10) → Filer (10.2.0.20)", in the rule's host order. */
  flows: string[];
}

/** The analysis of one plan's zones, read by the report and the review. */
export interface ReportZoneView {
  analysis: ZoneAnalysis;
  zones: ReportZones;
  /** The zone of an address as a cell says it: its name or NO_ZONE. */
  addressZone: (address: string, cloud?: boolean) => string;
  /** The zones of an endpoint's hosts, each address on its own, "; "-joined; '' without one. */
  endpointZones: (endpoint: ResolvedEndpoint) => string;
  /** The paths of a rule's flows (none for a rule without flows: not ready, no address). */
  rulePaths: (ruleId: string) => ReportRulePath[];
}

function portsText(ports: readonly ZonePortRange[]): string {
  return ports.map((p) => (p.from === p.to ? String(p.from) : `${p.from}-${p.to}`)).join(', ');
}

function usable(host: ResolvedHost): boolean {
  return host.address.trim() !== '' && !host.invalid;
}

const UNROUTED_TEXT: Record<Extract<FlowRoute, { kind: 'unrouted' }>['reason'], string> = {
  'source-no-zone': 'on no firewall: the source is in no zone',
  'destination-no-zone': 'on no firewall: the destination is in no zone',
  'no-path': 'on no firewall: no firewall joins the zones',
  ambiguous: 'on no firewall: more than one path, none named',
  'preferred-invalid': 'on no firewall: the preferred path is not a path',
  'search-limit': 'on no firewall: too many paths, none named',
};

/** The analysis of `model` over the resolved rules, once, and the texts made from it. */
export function reportZoneView(model: ZoneModel, rules: readonly ResolvedRule[]): ReportZoneView {
  const analysis = analyzeZones(model, rules);
  const zoneNames = new Map<string, string>();
  for (const zone of [...model.zones].sort((a, b) => compare(a.id, b.id))) {
    if (!zoneNames.has(zone.id)) zoneNames.set(zone.id, zone.name);
  }
  zoneNames.set(INTERNET_ZONE_ID, INTERNET_ZONE_NAME);
  const zoneName = (id: string): string => zoneNames.get(id) ?? id;
  const firewallNames = new Map<string, string>();
  for (const f of [...model.firewalls].sort((a, b) => compare(a.id, b.id))) {
    if (!firewallNames.has(f.id)) firewallNames.set(f.id, f.name);
  }

  const placedText = (placement: Placement): string =>
    placement.kind === 'zone' ? zoneName(placement.zoneId) : NO_ZONE;
  const placed = new Map(analysis.placements.map((p) => [p.address, placedText(p.placement)]));
  const index = zoneIndex(model);
  const addressZone = (address: string, cloud = false): string =>
    (cloud ? undefined : placed.get(address)) ?? placedText(placeAddress(address, index, cloud));
  const endpointZones = (endpoint: ResolvedEndpoint): string =>
    unique(
      endpoint.hosts.filter(usable).map((h) => addressZone(h.address, h.cloud !== undefined)),
    ).join('; ');

  const interfaces = new Map<string, ReportFirewallInterface>();
  const iface = (firewallId: string, interfaceId: string): ReportFirewallInterface => {
    const key = `${firewallId}\u0000${interfaceId}`;
    const known = interfaces.get(key);
    if (known) return known;
    const found = model.firewalls
      .find((f) => f.id === firewallId)
      ?.interfaces.find((i) => i.id === interfaceId);
    const made = {
      name: found?.name ?? interfaceId,
      zones: unique(found?.zones ?? [])
        .sort(compare)
        .map(zoneName),
    };
    interfaces.set(key, made);
    return made;
  };
  const fromRuleInterface = (i: RuleInterface): ReportFirewallInterface => ({
    name: i.interfaceName,
    zones: i.zoneIds.map(zoneName),
  });

  const interfaceText = (i: ReportFirewallInterface): string =>
    i.zones.length > 0 ? `${i.name} (${i.zones.join(', ')})` : i.name;
  const paths = new Map<string, Map<string, ReportRulePath>>();
  for (const { flow, route } of analysis.flows) {
    const hops: ReportHop[] =
      route.kind === 'path'
        ? route.hops.map((h) => ({
            firewall: firewallNames.get(h.firewallId) ?? h.firewallId,
            ingress: iface(h.firewallId, h.ingressInterfaceId),
            egress: iface(h.firewallId, h.egressInterfaceId),
          }))
        : [];
    const text =
      route.kind === 'path'
        ? hops
            .map((h) => `${h.firewall}: ${interfaceText(h.ingress)} → ${interfaceText(h.egress)}`)
            .join('; ')
        : route.kind === 'same-zone'
          ? `inside zone “${addressZone(flow.sourceAddress, flow.sourceCloud)}”: no network firewall`
          : UNROUTED_TEXT[route.reason];
    const byText = paths.get(flow.ruleId) ?? new Map<string, ReportRulePath>();
    const path = byText.get(text) ?? { kind: route.kind, text, hops, flows: [] };
    path.flows.push(
      `${flow.sourceLabel} (${flow.sourceAddress}) → ${flow.destinationLabel} (${flow.destinationAddress})`,
    );
    byText.set(text, path);
    paths.set(flow.ruleId, byText);
  }
  // In the rule's host order: the analysis sorts its flows by address.
  const byId = new Map(rules.map((r) => [r.id, r]));
  const pathsOf = new Map<string, ReportRulePath[]>();
  const rulePaths = (ruleId: string): ReportRulePath[] => {
    const cached = pathsOf.get(ruleId);
    if (cached) return cached;
    const order = new Map<string, number>();
    const rule = byId.get(ruleId);
    for (const s of rule?.source.hosts.filter(usable) ?? []) {
      for (const d of rule?.destination.hosts.filter(usable) ?? []) {
        const text = `${s.label} (${s.address}) → ${d.label} (${d.address})`;
        if (!order.has(text)) order.set(text, order.size);
      }
    }
    const rank = (text: string): number => order.get(text) ?? order.size;
    const result = [...(paths.get(ruleId)?.values() ?? [])]
      .map((p) => ({ ...p, flows: unique(p.flows).sort((a, b) => rank(a) - rank(b)) }))
      .sort((a, b) => rank(a.flows[0] ?? '') - rank(b.flows[0] ?? ''));
    pathsOf.set(ruleId, result);
    return result;
  };

  const zones: ReportZones = {
    zones: [
      ...[...model.zones]
        .sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id))
        .map((z) => ({ name: z.name, cidrs: [...z.cidrs] })),
      { name: INTERNET_ZONE_NAME, cidrs: [] },
    ],
    firewalls: analysis.ruleSets.map((set) => reportFirewall(set, zoneName, fromRuleInterface)),
    checks: analysis.checks.map((c) => ({ severity: c.severity, message: c.message })),
  };
  return { analysis, zones, addressZone, endpointZones, rulePaths };
}

function reportFirewall(
  set: FirewallRuleSet,
  zoneName: (id: string) => string,
  fromRuleInterface: (i: RuleInterface) => ReportFirewallInterface,
): ReportFirewall {
  const objects = new Map(set.addressObjects.map((o) => [o.name, o]));
  const services = new Map(set.serviceObjects.map((o) => [o.name, o]));
  const addressesOf = (names: readonly string[]): string[] =>
    unique(names.flatMap((n) => objects.get(n)?.addresses ?? [])).sort(compare);
  const rule = (r: FirewallRule): ReportFirewallRule => {
    const service = services.get(r.service);
    return {
      name: r.name,
      ingress: fromRuleInterface(r.ingress),
      egress: fromRuleInterface(r.egress),
      sources: [...r.sources],
      destinations: [...r.destinations],
      sourceAddresses: addressesOf(r.sources),
      destinationAddresses: addressesOf(r.destinations),
      sourceZones: r.sourceZoneIds.map(zoneName),
      destinationZones: r.destinationZoneIds.map(zoneName),
      service: r.service,
      protocol: service?.protocol ?? '',
      ports: portsText(service?.ports ?? []),
      ruleIds: [...r.ruleIds],
      services: [...r.services],
      purposes: [...r.purposes],
    };
  };
  return {
    id: set.firewallId,
    name: set.name,
    kind: FIREWALL_KIND_LABELS[set.kind],
    kindId: set.kind,
    rules: set.rules.map(rule),
    addressObjects: set.addressObjects.map((o) => ({
      name: o.name,
      zone: zoneName(o.zoneId),
      roles: [...o.roles],
      addresses: [...o.addresses],
    })),
    serviceObjects: set.serviceObjects.map((o) => ({
      name: o.name,
      protocol: o.protocol,
      ports: portsText(o.ports),
      ranges: o.ports.map((p) => ({ from: p.from, to: p.to })),
    })),
  };
}

/** The atomic flows with the zone of each end. */
export function zonedFlows(flows: readonly AtomicFlow[], view: ReportZoneView): AtomicFlow[] {
  return flows.map((f) => ({
    ...f,
    sourceZone: view.addressZone(f.sourceAddress),
    destinationZone: view.addressZone(f.destinationAddress),
  }));
}

/**
 * The zones of a report narrowed to one host (its per-host download): the firewall rules whose
 * addresses hold one of the host's, and the objects they use; firewalls without such a rule left
 * out.
 */
export function zonesForHost(zones: ReportZones, addresses: readonly string[]): ReportZones {
  const mine = (list: readonly string[]) => list.some((a) => addresses.includes(a));
  const firewalls = zones.firewalls
    .map((f) => {
      const rules = f.rules.filter((r) => mine(r.sourceAddresses) || mine(r.destinationAddresses));
      const used = new Set(rules.flatMap((r) => [...r.sources, ...r.destinations]));
      const services = new Set(rules.map((r) => r.service));
      return {
        ...f,
        rules,
        addressObjects: f.addressObjects.filter((o) => used.has(o.name)),
        serviceObjects: f.serviceObjects.filter((o) => services.has(o.name)),
      };
    })
    .filter((f) => f.rules.length > 0);
  return { ...zones, firewalls };
}

/**
 * The zones of a report narrowed to one firewall (its downloads in "By firewall"); null when the
 * report has no zones or no firewall with that id.
 */
export function zonesForFirewall(zones: ReportZones, firewallId: string): ReportZones | null {
  const firewall = zones.firewalls.find((f) => f.id === firewallId);
  if (!firewall) return null;
  return { ...zones, firewalls: [firewall], firewallId };
}
