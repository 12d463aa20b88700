/**
 * What the Network step shows (pure): every host of the plan with the zone it lands in, the
 * hosts of each zone, and the paths the flows take between zones in words.
 */
import type { Catalog } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';
import { usableDevices } from '@/core/resolve/devices';
import { buildHostRegistry } from '@/core/resolve/hosts';
import { addressKey } from '@/core/validate/validate-address';
import type { ZoneAnalysis } from '@/core/zones/analyze';
import type { ZoneModel } from '@/core/zones/model';
import { INTERNET_ZONE_ID, INTERNET_ZONE_NAME } from '@/core/zones/model';
import type { Hop } from '@/core/zones/paths';
import { findPath, listPaths, zoneGraph } from '@/core/zones/paths';
import type { Placement } from '@/core/zones/placement';
import { placeAddress, zoneIndex } from '@/core/zones/placement';

export interface NetworkHost {
  /** addressKey of the address: one entry per address of the plan. */
  key: string;
  address: string;
  /** The names of the plan elements with this address, in plan order ("Agent server 1"). */
  labels: string[];
  /** The field of the first of them (for "Go to field" and to tell the hosts apart). */
  field: string;
  /** null: the address is not valid where it is typed (a plan check says why). */
  placement: Placement | null;
  /** The zone chosen by hand for this address, if any (even when the CIDRs place it). */
  chosenZoneId?: string;
}

export interface NetworkHosts {
  hosts: NetworkHost[];
  /** Plan elements without an address yet: placed once they have one. */
  withoutAddress: number;
}

/** Every address of the plan (consoles, agents, devices, CEE servers, helpers...) and its zone. */
export function networkHosts(plan: Plan, catalog: Catalog): NetworkHosts {
  const registry = buildHostRegistry(plan, catalog, usableDevices(plan, catalog));
  const index = zoneIndex(plan.network);
  const chosen = new Map<string, string>();
  for (const a of plan.network.assignments) {
    const key = addressKey(a.address);
    if (!chosen.has(key)) chosen.set(key, a.zoneId);
  }
  const byKey = new Map<string, NetworkHost>();
  let withoutAddress = 0;
  const contributions = [...registry.contributions].sort((a, b) =>
    a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0,
  );
  for (const c of contributions) {
    const key = addressKey(c.address);
    if (key === '') {
      withoutAddress += 1;
      continue;
    }
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.labels.includes(c.label)) existing.labels.push(c.label);
      if (c.error) existing.placement = null;
      continue;
    }
    const chosenZoneId = chosen.get(key);
    byKey.set(key, {
      key,
      address: c.address,
      labels: [c.label],
      field: c.field,
      placement: c.error ? null : placeAddress(c.address, index),
      ...(chosenZoneId !== undefined ? { chosenZoneId } : {}),
    });
  }
  return { hosts: [...byKey.values()], withoutAddress };
}

/** Whether a zone chosen by hand can place the host: an address or name no CIDR places. */
export function canChooseZone(host: NetworkHost): boolean {
  const p = host.placement;
  if (!p) return false;
  if (p.kind === 'zone') return p.via === 'assignment';
  return p.reason === 'no-zone' || p.reason === 'name';
}

/** The zone's name by id (the Internet zone's too); the id itself when unknown. */
export function zoneName(model: ZoneModel, id: string): string {
  if (id === INTERNET_ZONE_ID) return INTERNET_ZONE_NAME;
  return model.zones.find((z) => z.id === id)?.name ?? id;
}

/** "Servers (by 10.1.0.0/16)", "In no zone", ...: where a host lands, in words. */
export function placementText(model: ZoneModel, host: NetworkHost): string {
  const p = host.placement;
  if (!p) return 'Not placed: the address is not valid';
  if (p.kind === 'zone') {
    const name = zoneName(model, p.zoneId);
    if (p.via === 'cidr') return `${name} (by ${p.cidr})`;
    return p.via === 'assignment' ? `${name} (chosen by hand)` : name;
  }
  const zones = p.zoneIds.map((id) => zoneName(model, id)).join(', ');
  switch (p.reason) {
    case 'no-zone':
      return 'In no zone: no zone’s CIDR block holds it';
    case 'name':
      return 'In no zone: known by name only';
    case 'ambiguous':
      return `In no zone: the same block is in ${zones}`;
    case 'spans':
      return `In no zone: the block spans ${zones}`;
  }
}

/** The hosts that land in a zone (by CIDR or by hand). */
export function hostsInZone(hosts: readonly NetworkHost[], zoneId: string): NetworkHost[] {
  return hosts.filter((h) => h.placement?.kind === 'zone' && h.placement.zoneId === zoneId);
}

/** "Core (inside → dmz) → Edge (dmz → outside)": the firewalls and interfaces of a path. */
export function hopsText(model: ZoneModel, hops: readonly Hop[]): string {
  if (hops.length === 0) return 'no firewall';
  return hops
    .map((hop) => {
      const firewall = model.firewalls.find((f) => f.id === hop.firewallId);
      const name = (id: string) => firewall?.interfaces.find((i) => i.id === id)?.name ?? id;
      return `${firewall?.name ?? hop.firewallId} (${name(hop.ingressInterfaceId)} → ${name(hop.egressInterfaceId)})`;
    })
    .join(' → ');
}

export interface PathLine {
  from: string;
  to: string;
  /** "Servers → NAS". */
  pair: string;
  /** How many flows go this way. */
  flows: number;
  kind: 'path' | 'no-path' | 'ambiguous' | 'other';
  /** The path in words, or what is missing. */
  text: string;
  /** Where several paths join the zones: the paths to choose from (up to PATH_CHOICES). */
  choices: Hop[][];
  /** The path chosen for the pair (either direction), as firewall ids from `from`, if any. */
  chosen?: string[];
}

/** The most paths offered for one pair of zones. */
export const PATH_CHOICES = 8;

/**
 * The pairs of zones that flows cross between, with their path in words; the pairs of one zone
 * (no firewall) are left out. Sorted by the pair's words.
 */
export function pathLines(model: ZoneModel, analysis: ZoneAnalysis): PathLine[] {
  const pairs = new Map<string, { from: string; to: string; flows: number }>();
  for (const f of analysis.flows) {
    if (f.sourceZoneId === undefined || f.destinationZoneId === undefined) continue;
    if (f.sourceZoneId === f.destinationZoneId) continue;
    const key = `${f.sourceZoneId}\u0000${f.destinationZoneId}`;
    const entry = pairs.get(key) ?? { from: f.sourceZoneId, to: f.destinationZoneId, flows: 0 };
    entry.flows += 1;
    pairs.set(key, entry);
  }
  const graph = zoneGraph(model);
  const lines: PathLine[] = [];
  for (const { from, to, flows } of pairs.values()) {
    const pair = `${zoneName(model, from)} → ${zoneName(model, to)}`;
    const result = findPath(graph, from, to);
    const preferred = model.preferredPaths.find(
      (p) => (p.from === from && p.to === to) || (p.from === to && p.to === from),
    );
    const chosen = preferred
      ? preferred.from === from
        ? [...preferred.firewalls]
        : [...preferred.firewalls].reverse()
      : undefined;
    const base = { from, to, pair, flows, ...(chosen ? { chosen } : {}) };
    const several =
      (result.kind === 'path' && result.alternatives > 1) ||
      (result.kind === 'none' && result.reason !== 'no-path');
    const choices = several ? listPaths(graph, from, to, PATH_CHOICES) : [];
    if (result.kind === 'path') {
      lines.push({
        ...base,
        kind: 'path',
        text: `through ${hopsText(model, result.hops)}${result.preferred ? ' (chosen)' : ''}`,
        choices,
      });
    } else if (result.kind === 'none' && result.reason === 'no-path') {
      lines.push({
        ...base,
        kind: 'no-path',
        text: 'no path: no firewall joins these zones',
        choices,
      });
    } else if (result.kind === 'none' && result.reason === 'ambiguous') {
      lines.push({
        ...base,
        kind: 'ambiguous',
        text: 'more than one path: choose the one the traffic takes',
        choices,
      });
    } else {
      lines.push({
        ...base,
        kind: 'other',
        text:
          result.kind === 'none' && result.reason === 'preferred-invalid'
            ? 'the chosen path is not a path between these zones: choose again'
            : 'too many possible paths: choose the one the traffic takes',
        choices,
      });
    }
  }
  return lines.sort((a, b) => (a.pair < b.pair ? -1 : a.pair > b.pair ? 1 : 0));
}
