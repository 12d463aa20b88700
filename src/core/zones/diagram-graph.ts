/**
 * The graph of the zones diagram (issue 16), from a plan's network and its analysed flows: a node
 * per zone (the Internet zone when a firewall or a flow uses it) and per firewall, a link per
 * interface and zone attached to it (with the ways the plan's flows cross it), and per pair of
 * zones that flows go between, their services, rules and path. Pure and sorted (ids, then rule
 * order), so that the drawing (diagram.ts, loaded lazily with its layout library) is
 * deterministic. Node ids are generated ("z0", "f0"), never a name of the plan.
 */
import type { ZoneAnalysis } from './analyze';
import type { ZoneModel } from './model';
import { FIREWALL_KIND_LABELS, INTERNET_ZONE_ID, INTERNET_ZONE_NAME } from './model';
import { compare } from './placement';
import { compareRuleIds } from './rule-sets';

export interface DiagramNode {
  /** "z0", "z1"... for zones, "f0"... for firewalls: generated, never a name of the plan. */
  id: string;
  kind: 'zone' | 'internet' | 'firewall';
  /** The zone or firewall name, whole. */
  name: string;
  /** The lines under the name: a zone's CIDR blocks (at most three, then "+ n more"), a kind. */
  details: string[];
}

export interface DiagramLink {
  id: string;
  /** The zone node and the firewall node the interface joins. */
  zone: string;
  firewall: string;
  /** The interface's name. */
  label: string;
  /** Flows cross it from the zone into the firewall, and from the firewall to the zone. */
  inbound: boolean;
  outbound: boolean;
}

export interface DiagramFlow {
  /** The source and destination zone nodes. */
  from: string;
  to: string;
  /** "TCP 8000; UDP 514" */
  services: string;
  /** "R02, R03" */
  rules: string;
  /** "via Core → Edge"; "no path: ..." for flows the network does not route. */
  path: string;
  routed: boolean;
}

export interface DiagramGraph {
  nodes: DiagramNode[];
  links: DiagramLink[];
  flows: DiagramFlow[];
}

const UNROUTED: Record<string, string> = {
  'source-no-zone': 'source in no zone',
  'destination-no-zone': 'destination in no zone',
  'no-path': 'no path',
  ambiguous: 'more than one path, none chosen',
  'preferred-invalid': 'the chosen path is not a path',
  'search-limit': 'too many paths to tell',
};

function portsOf(ports: readonly { from: number; to: number }[]): string {
  return ports.map((p) => (p.from === p.to ? String(p.from) : `${p.from}-${p.to}`)).join(', ');
}

/** The diagram's graph: nodes, interface links and the flows between zones, all sorted. */
export function zonesDiagramGraph(model: ZoneModel, analysis: ZoneAnalysis): DiagramGraph {
  const zones = [...model.zones]
    .filter((z) => z.id !== INTERNET_ZONE_ID)
    .sort((a, b) => compare(a.id, b.id))
    .filter((z, i, all) => all.findIndex((y) => y.id === z.id) === i);
  const firewalls = [...model.firewalls]
    .sort((a, b) => compare(a.id, b.id))
    .filter((f, i, all) => all.findIndex((g) => g.id === f.id) === i);
  const usesInternet =
    firewalls.some((f) => f.interfaces.some((i) => i.zones.includes(INTERNET_ZONE_ID))) ||
    analysis.flows.some(
      (f) => f.sourceZoneId === INTERNET_ZONE_ID || f.destinationZoneId === INTERNET_ZONE_ID,
    );

  const nodes: DiagramNode[] = [];
  const zoneNode = new Map<string, string>();
  zones.forEach((zone, i) => {
    zoneNode.set(zone.id, `z${i}`);
    const cidrs =
      zone.cidrs.length > 3
        ? [...zone.cidrs.slice(0, 3), `+ ${zone.cidrs.length - 3} more`]
        : zone.cidrs;
    nodes.push({ id: `z${i}`, kind: 'zone', name: zone.name, details: cidrs });
  });
  if (usesInternet) {
    const id = `z${zones.length}`;
    zoneNode.set(INTERNET_ZONE_ID, id);
    nodes.push({
      id,
      kind: 'internet',
      name: INTERNET_ZONE_NAME,
      details: ['Microsoft cloud FQDNs'],
    });
  }
  const firewallNode = new Map<string, string>();
  firewalls.forEach((f, i) => {
    firewallNode.set(f.id, `f${i}`);
    nodes.push({
      id: `f${i}`,
      kind: 'firewall',
      name: f.name,
      details: [`Firewall · ${FIREWALL_KIND_LABELS[f.kind]}`],
    });
  });

  // Which interfaces flows enter (ingress: from its zone into the firewall) and leave by.
  const entered = new Set<string>();
  const left = new Set<string>();
  for (const placed of analysis.flows) {
    if (placed.route.kind !== 'path') continue;
    for (const hop of placed.route.hops) {
      entered.add(`${hop.firewallId}\u0000${hop.ingressInterfaceId}`);
      left.add(`${hop.firewallId}\u0000${hop.egressInterfaceId}`);
    }
  }
  const links: DiagramLink[] = [];
  for (const f of firewalls) {
    const fw = firewallNode.get(f.id) ?? '';
    const interfaces = [...f.interfaces].sort((a, b) => compare(a.id, b.id));
    for (const iface of interfaces) {
      const key = `${f.id}\u0000${iface.id}`;
      for (const zoneId of [...new Set(iface.zones)].sort(compare)) {
        const zone = zoneNode.get(zoneId);
        if (!zone) continue;
        links.push({
          id: `l${links.length}`,
          zone,
          firewall: fw,
          label: iface.name,
          inbound: entered.has(key),
          outbound: left.has(key),
        });
      }
    }
  }

  const firewallName = new Map(firewalls.map((f) => [f.id, f.name]));
  const pairs = new Map<
    string,
    { from: string; to: string; services: Set<string>; rules: Set<string>; paths: Set<string> }
  >();
  for (const placed of analysis.flows) {
    const route = placed.route;
    if (route.kind === 'same-zone') continue;
    const from = zoneNode.get(placed.sourceZoneId ?? '');
    const to = zoneNode.get(placed.destinationZoneId ?? '');
    if (!from || !to) continue;
    const path =
      route.kind === 'path'
        ? `via ${route.hops.map((h) => firewallName.get(h.firewallId) ?? h.firewallId).join(' → ')}`
        : `not routed: ${UNROUTED[route.reason] ?? route.reason}`;
    const key = `${from}\u0000${to}`;
    const pair = pairs.get(key) ?? {
      from,
      to,
      services: new Set<string>(),
      rules: new Set<string>(),
      paths: new Set<string>(),
    };
    pair.services.add(`${placed.flow.protocol} ${portsOf(placed.flow.ports)}`);
    pair.rules.add(placed.flow.ruleId);
    pair.paths.add(path);
    pairs.set(key, pair);
  }
  const nodeOrder = (id: string) => Number(id.slice(1));
  const flows = [...pairs.values()]
    .sort((a, b) => nodeOrder(a.from) - nodeOrder(b.from) || nodeOrder(a.to) - nodeOrder(b.to))
    .map((p) => {
      const paths = [...p.paths].sort(compare);
      return {
        from: p.from,
        to: p.to,
        services: [...p.services].sort(compare).join('; '),
        rules: [...p.rules].sort(compareRuleIds).join(', '),
        path: paths.join('; '),
        routed: paths.every((x) => x.startsWith('via ')),
      };
    });
  return { nodes, links, flows };
}
