/**
 * Zones applied to the resolved plan: where each address of the flows is, the path of each flow,
 * the per-firewall rule sets, and the checks (as data, to become plan checks with "Go to field"
 * once the model is in the plan format). Pure and deterministic: shuffling zones, firewalls,
 * interfaces, hosts or rules changes nothing.
 */
import type { ResolvedRule } from '@/core/resolve/model';
import { cidrHostBitsWarning, validateCidr } from '@/core/validate/cidr';
import { quoteInput } from '@/core/validate/quote';
import { addressKey } from '@/core/validate/validate-address';

import type { ZoneFlow } from './flows';
import { zoneFlows } from './flows';
import type { IpBlock } from './ip';
import { formatBlock, parseBlock } from './ip';
import type { ZoneCheck, ZoneModel } from './model';
import { INTERNET_ZONE_ID, INTERNET_ZONE_NAME } from './model';
import type { Hop, PathResult, ZoneGraph } from './paths';
import { findPath, zoneGraph } from './paths';
import type { Placement, ZoneIndex } from './placement';
import { compare, placeAddress, zoneIndex } from './placement';
import type { FirewallRuleSet, RoutedFlow } from './rule-sets';
import { compareRuleIds, firewallRuleSets } from './rule-sets';

export interface AddressPlacement {
  address: string;
  /** The hosts' labels with this address ("Agent server 1"), sorted. */
  labels: string[];
  placement: Placement;
}

export type FlowRoute =
  | { kind: 'same-zone' }
  | { kind: 'path'; hops: Hop[] }
  | {
      kind: 'unrouted';
      reason:
        | 'source-no-zone'
        | 'destination-no-zone'
        | 'no-path'
        | 'ambiguous'
        | 'preferred-invalid'
        | 'search-limit';
    };

export interface PlacedFlow {
  flow: ZoneFlow;
  sourceZoneId?: string;
  destinationZoneId?: string;
  route: FlowRoute;
}

export interface ZoneAnalysis {
  /** One per distinct address of the flows, sorted by address. */
  placements: AddressPlacement[];
  /** Every flow, sorted by rule ID, source, destination. */
  flows: PlacedFlow[];
  ruleSets: FirewallRuleSet[];
  /** Sorted by severity (errors first), code, message. */
  checks: ZoneCheck[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortChecks(checks: ZoneCheck[]): ZoneCheck[] {
  const seen = new Set<string>();
  return checks
    .filter((c) => {
      const key = `${c.code}\u0000${c.message}\u0000${JSON.stringify(c.target)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        compare(a.code, b.code) ||
        compare(a.message, b.message) ||
        compare(JSON.stringify(a.target), JSON.stringify(b.target)),
    );
}

function zoneNamer(model: ZoneModel): (id: string) => string {
  const names = new Map<string, string>();
  for (const zone of [...model.zones].sort((a, b) => compare(a.id, b.id))) {
    if (!names.has(zone.id)) names.set(zone.id, zone.name);
  }
  names.set(INTERNET_ZONE_ID, INTERNET_ZONE_NAME);
  return (id) => names.get(id) ?? id;
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const out = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) out.add(id);
    seen.add(id);
  }
  return [...out].sort(compare);
}

/** The checks of the model alone (no flows needed). */
export function modelChecks(model: ZoneModel): ZoneCheck[] {
  const checks: ZoneCheck[] = [];
  const zoneName = zoneNamer(model);
  const q = (text: string): string => quoteInput(text);
  const known = new Set([INTERNET_ZONE_ID, ...model.zones.map((z) => z.id)]);

  for (const id of duplicates(model.zones.map((z) => z.id))) {
    checks.push({
      code: 'zone-duplicate-id',
      severity: 'error',
      message: `Two zones have the id ${q(id)}.`,
      target: { kind: 'zone', zoneId: id },
    });
  }
  for (const id of duplicates(model.firewalls.map((f) => f.id))) {
    checks.push({
      code: 'firewall-duplicate-id',
      severity: 'error',
      message: `Two firewalls have the id ${q(id)}.`,
      target: { kind: 'firewall', firewallId: id },
    });
  }
  const blocks: { zoneId: string; cidr: string; block: IpBlock }[] = [];
  for (const zone of model.zones) {
    if (zone.id === INTERNET_ZONE_ID) {
      checks.push({
        code: 'zone-reserved-id',
        severity: 'error',
        message: `Zone ${q(zone.name)} uses the id of the built-in Internet zone.`,
        target: { kind: 'zone', zoneId: zone.id },
      });
    }
    for (const cidr of zone.cidrs) {
      const error = validateCidr(cidr);
      if (error) {
        checks.push({
          code: 'zone-invalid-cidr',
          severity: 'error',
          message: `Zone ${q(zone.name)}: ${error}`,
          target: { kind: 'zone', zoneId: zone.id, cidr },
        });
        continue;
      }
      const hostBits = cidrHostBitsWarning(cidr);
      if (hostBits) {
        checks.push({
          code: 'zone-cidr-host-bits',
          severity: 'warning',
          message: `Zone ${q(zone.name)}: ${hostBits}`,
          target: { kind: 'zone', zoneId: zone.id, cidr },
        });
      }
      const block = parseBlock(cidr);
      if (block) blocks.push({ zoneId: zone.id, cidr, block });
    }
  }
  // Overlaps across zones: the same block is an error (no zone wins), a block inside another
  // zone's is a warning (the longer prefix wins).
  for (let i = 0; i < blocks.length; i += 1) {
    for (let j = 0; j < blocks.length; j += 1) {
      const a = blocks[i];
      const b = blocks[j];
      if (!a || !b || i === j || a.zoneId === b.zoneId || a.block.family !== b.block.family)
        continue;
      const aHoldsB = a.block.start <= b.block.start && b.block.end <= a.block.end;
      if (!aHoldsB) continue;
      const same = a.block.prefix === b.block.prefix;
      if (same && compare(a.zoneId, b.zoneId) > 0) continue; // once per pair
      const [first, second] = same ? [a, b] : [b, a];
      checks.push(
        same
          ? {
              code: 'zone-overlap',
              severity: 'error',
              message: `Zones ${q(zoneName(first.zoneId))} and ${q(zoneName(second.zoneId))} both hold ${formatBlock(first.block)}: its addresses are in no zone until one of them drops it.`,
              target: { kind: 'zone', zoneId: first.zoneId, cidr: first.cidr },
            }
          : {
              code: 'zone-overlap',
              severity: 'warning',
              message: `${formatBlock(first.block)} of zone ${q(zoneName(first.zoneId))} lies inside ${formatBlock(second.block)} of zone ${q(zoneName(second.zoneId))}: its addresses are in ${q(zoneName(first.zoneId))} (longest prefix wins).`,
              target: { kind: 'zone', zoneId: first.zoneId, cidr: first.cidr },
            },
      );
    }
  }
  for (const firewall of model.firewalls) {
    for (const id of duplicates(firewall.interfaces.map((i) => i.id))) {
      checks.push({
        code: 'interface-duplicate-id',
        severity: 'error',
        message: `Firewall ${q(firewall.name)} has two interfaces with the id ${q(id)}.`,
        target: { kind: 'firewall', firewallId: firewall.id, interfaceId: id },
      });
    }
    if (firewall.interfaces.length < 2) {
      checks.push({
        code: 'firewall-one-interface',
        severity: 'warning',
        message: `Firewall ${q(firewall.name)} has ${firewall.interfaces.length === 0 ? 'no interface' : 'one interface'}: no flow can cross it. Attach a zone to a second interface.`,
        target: { kind: 'firewall', firewallId: firewall.id },
      });
    }
    for (const iface of firewall.interfaces) {
      for (const zoneId of iface.zones) {
        if (known.has(zoneId)) continue;
        checks.push({
          code: 'interface-unknown-zone',
          severity: 'error',
          message: `Firewall ${q(firewall.name)}, interface ${q(iface.name)}: no zone has the id ${q(zoneId)}.`,
          target: { kind: 'firewall', firewallId: firewall.id, interfaceId: iface.id },
        });
      }
    }
  }
  for (const assignment of model.assignments) {
    if (!known.has(assignment.zoneId)) {
      checks.push({
        code: 'assignment-unknown-zone',
        severity: 'error',
        message: `The zone chosen for ${q(assignment.address)} does not exist (id ${q(assignment.zoneId)}).`,
        target: { kind: 'assignment', address: assignment.address },
      });
    }
  }
  const firewallIds = new Set(model.firewalls.map((f) => f.id));
  for (const path of model.preferredPaths) {
    const unknown = [
      ...[path.from, path.to].filter((z) => !known.has(z)).map((z) => `zone ${q(z)}`),
      ...path.firewalls.filter((f) => !firewallIds.has(f)).map((f) => `firewall ${q(f)}`),
    ];
    if (unknown.length > 0) {
      checks.push({
        code: 'preferred-path-unknown',
        severity: 'error',
        message: `The preferred path from ${q(zoneName(path.from))} to ${q(zoneName(path.to))} names an unknown ${unknown.join(', ')}.`,
        target: { kind: 'zone-pair', from: path.from, to: path.to },
      });
    }
  }
  return checks;
}

function placementCheck(
  entry: AddressPlacement,
  zoneName: (id: string) => string,
): ZoneCheck | null {
  const { placement, address } = entry;
  if (placement.kind === 'zone') return null;
  const who = `${entry.labels.map((l) => quoteInput(l)).join(', ')} (${quoteInput(address)})`;
  const zones = placement.zoneIds.map((id) => quoteInput(zoneName(id))).join(', ');
  const target = { kind: 'address', address } as const;
  switch (placement.reason) {
    case 'no-zone':
      return {
        code: 'address-no-zone',
        severity: 'error',
        message: `${who} is in no zone: add a CIDR that holds it to a zone, or choose its zone.`,
        target,
      };
    case 'name':
      return {
        code: 'address-no-zone',
        severity: 'error',
        message: `${who} is known only by name: choose its zone.`,
        target,
      };
    case 'ambiguous':
      return {
        code: 'address-ambiguous-zone',
        severity: 'error',
        message: `${who} is in the same block of zones ${zones}: keep the block in one zone.`,
        target,
      };
    case 'spans':
      return {
        code: 'address-spans-zones',
        severity: 'error',
        message: `The block ${who} spans zones ${zones}: split it into one block per zone.`,
        target,
      };
  }
}

function hopsText(hops: readonly Hop[], firewallName: (id: string) => string): string {
  return hops.length === 0
    ? 'no firewall'
    : hops.map((h) => quoteInput(firewallName(h.firewallId))).join(' → ');
}

function pathCheck(
  from: string,
  to: string,
  result: PathResult,
  zoneName: (id: string) => string,
  firewallName: (id: string) => string,
): ZoneCheck | null {
  const pair = `from ${quoteInput(zoneName(from))} to ${quoteInput(zoneName(to))}`;
  const target = { kind: 'zone-pair', from, to } as const;
  if (result.kind === 'same-zone') return null;
  if (result.kind === 'path') {
    if (!result.preferred || result.alternatives < 2) return null;
    return {
      code: 'path-chosen',
      severity: 'info',
      message: `Flows ${pair} have more than one path; the preferred one is taken: ${hopsText(result.hops, firewallName)}.`,
      target,
    };
  }
  switch (result.reason) {
    case 'no-path':
      return {
        code: 'no-path',
        severity: 'error',
        message: `Flows ${pair} need a path, and no firewall joins the zones: attach them to firewall interfaces.`,
        target,
      };
    case 'ambiguous':
      return {
        code: 'multiple-paths',
        severity: 'error',
        message: `Flows ${pair} have more than one path (${result.found.map((h) => hopsText(h, firewallName)).join('; ')}): name the one they take. They are on no firewall's rule set until then.`,
        target,
      };
    case 'preferred-invalid':
      return {
        code: 'preferred-path-invalid',
        severity: 'error',
        message: `The preferred path ${pair} is not a path between the zones: check its firewalls and their order.`,
        target,
      };
    case 'search-limit':
      return {
        code: 'path-search-limit',
        severity: 'error',
        message: `Flows ${pair}: too many possible paths to tell which; name the one they take.`,
        target,
      };
  }
}

function placementsOf(flows: readonly ZoneFlow[], index: ZoneIndex): Map<string, AddressPlacement> {
  const out = new Map<string, AddressPlacement & { labelSet: Set<string> }>();
  const add = (address: string, label: string, cloud: boolean): void => {
    const existing = out.get(address);
    if (existing) {
      existing.labelSet.add(label);
      return;
    }
    out.set(address, {
      address,
      labels: [],
      labelSet: new Set([label]),
      placement: placeAddress(address, index, cloud),
    });
  };
  for (const flow of flows) {
    add(flow.sourceAddress, flow.sourceLabel, flow.sourceCloud);
    add(flow.destinationAddress, flow.destinationLabel, flow.destinationCloud);
  }
  const result = new Map<string, AddressPlacement>();
  for (const [address, entry] of out) {
    result.set(address, {
      address,
      labels: [...entry.labelSet].sort(compare),
      placement: entry.placement,
    });
  }
  return result;
}

function routeOf(
  source: Placement | undefined,
  destination: Placement | undefined,
  graph: ZoneGraph,
): { route: FlowRoute; path?: PathResult } {
  if (source?.kind !== 'zone') return { route: { kind: 'unrouted', reason: 'source-no-zone' } };
  if (destination?.kind !== 'zone') {
    return { route: { kind: 'unrouted', reason: 'destination-no-zone' } };
  }
  const path = findPath(graph, source.zoneId, destination.zoneId);
  if (path.kind === 'same-zone') return { route: { kind: 'same-zone' }, path };
  if (path.kind === 'path') return { route: { kind: 'path', hops: path.hops }, path };
  return { route: { kind: 'unrouted', reason: path.reason }, path };
}

/**
 * The last analysis of each model, for the rules it was made of: resolvePlan analyses the plan's
 * network for its checks, and the review, the network step and the report ask again for the same
 * model (plan.network) and the same rules (resolution.rules); they get the same analysis, which
 * no one mutates. A new plan or new rules are new objects, so nothing stale is ever returned.
 */
const lastAnalysis = new WeakMap<
  ZoneModel,
  { rules: readonly ResolvedRule[]; analysis: ZoneAnalysis }
>();

/** The zones of the resolved rules (ResolvedRule[] as resolvePlan gives them). */
export function analyzeZones(model: ZoneModel, rules: readonly ResolvedRule[]): ZoneAnalysis {
  const last = lastAnalysis.get(model);
  if (last?.rules === rules) return last.analysis;
  const analysis = analyzeZoneFlows(model, zoneFlows(rules));
  lastAnalysis.set(model, { rules, analysis });
  return analysis;
}

export function analyzeZoneFlows(model: ZoneModel, input: readonly ZoneFlow[]): ZoneAnalysis {
  const zoneName = zoneNamer(model);
  const firewallNames = new Map<string, string>();
  for (const f of [...model.firewalls].sort((a, b) => compare(a.id, b.id))) {
    if (!firewallNames.has(f.id)) firewallNames.set(f.id, f.name);
  }
  const firewallName = (id: string): string => firewallNames.get(id) ?? id;
  const index = zoneIndex(model);
  const graph = zoneGraph(model);
  const checks = modelChecks(model);

  // Each flow's sort key made once (not once per comparison).
  const flows = input
    .map((flow) => ({
      flow,
      order: [
        flow.sourceAddress,
        flow.destinationAddress,
        flow.protocol,
        JSON.stringify(flow.ports),
      ].join('\u0000'),
    }))
    .sort((a, b) => compareRuleIds(a.flow.ruleId, b.flow.ruleId) || compare(a.order, b.order))
    .map(({ flow }) => flow);
  const placements = placementsOf(flows, index);
  for (const entry of placements.values()) {
    const check = placementCheck(entry, zoneName);
    if (check) checks.push(check);
  }
  // A zone chosen by hand for an address that a zone's CIDR already places elsewhere.
  for (const assignment of model.assignments) {
    const key = addressKey(assignment.address);
    for (const entry of placements.values()) {
      if (addressKey(entry.address) !== key) continue;
      const p = entry.placement;
      if (p.kind === 'zone' && p.via !== 'assignment' && p.zoneId !== assignment.zoneId) {
        checks.push({
          code: 'assignment-ignored',
          severity: 'warning',
          message: `${quoteInput(assignment.address)} is in zone ${quoteInput(zoneName(p.zoneId))} by ${p.via === 'cidr' ? p.cidr : 'being a cloud endpoint'}; the zone chosen by hand (${quoteInput(zoneName(assignment.zoneId))}) is not used.`,
          target: { kind: 'assignment', address: assignment.address },
        });
      }
    }
  }

  const placed: PlacedFlow[] = [];
  const routed: RoutedFlow[] = [];
  const pairs = new Map<string, { from: string; to: string; path: PathResult }>();
  for (const flow of flows) {
    const source = placements.get(flow.sourceAddress)?.placement;
    const destination = placements.get(flow.destinationAddress)?.placement;
    const { route, path } = routeOf(source, destination, graph);
    const sourceZoneId = source?.kind === 'zone' ? source.zoneId : undefined;
    const destinationZoneId = destination?.kind === 'zone' ? destination.zoneId : undefined;
    placed.push({
      flow,
      ...(sourceZoneId !== undefined ? { sourceZoneId } : {}),
      ...(destinationZoneId !== undefined ? { destinationZoneId } : {}),
      route,
    });
    if (path && sourceZoneId !== undefined && destinationZoneId !== undefined) {
      pairs.set(`${sourceZoneId}\u0000${destinationZoneId}`, {
        from: sourceZoneId,
        to: destinationZoneId,
        path,
      });
      if (route.kind === 'path') {
        routed.push({ flow, sourceZoneId, destinationZoneId, hops: route.hops });
      }
    }
  }
  for (const { from, to, path } of pairs.values()) {
    const check = pathCheck(from, to, path, zoneName, firewallName);
    if (check) checks.push(check);
  }

  return {
    placements: [...placements.values()].sort((a, b) => compare(a.address, b.address)),
    flows: placed,
    ruleSets: firewallRuleSets(model.firewalls, routed, zoneName),
    checks: sortChecks(checks),
  };
}
