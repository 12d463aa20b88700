/**
 * The graph of zones and firewalls, and the path of a flow through it. A firewall joins the
 * zones of its interfaces: going from a zone on one interface to a zone on another crosses it
 * (one hop: the firewall, its ingress and its egress interface). Zones behind the same interface
 * reach each other without crossing that firewall, and so do zones joined through a chain of such
 * interfaces: together they form a segment. A path enters each segment and crosses each firewall
 * at most once; two paths are the same when they cross the same firewalls through the same
 * interfaces. (Searching segments, not zones, keeps the search linear in the zones behind one
 * interface: searching zones tried every order of them, and ten zones behind one interface were
 * already "too many paths".)
 *
 * More than one path: the planner does not guess which one the traffic takes. The flow is not
 * routed (a check asks which), unless the model names a preferred path for the two zones (the
 * firewalls in order); then that one is taken, and a check says it was chosen.
 */
import type { Firewall, PreferredPath, ZoneModel } from './model';
import { INTERNET_ZONE_ID } from './model';
import { compare } from './placement';

export interface Hop {
  firewallId: string;
  ingressInterfaceId: string;
  egressInterfaceId: string;
}

export type PathResult =
  | { kind: 'same-zone' }
  | { kind: 'path'; hops: Hop[]; preferred: boolean; alternatives: number }
  | {
      kind: 'none';
      /**
       * no-path: nothing joins the zones; ambiguous: more than one path and none preferred (or the
       * preferred firewalls allow more than one); preferred-invalid: the preferred path is no
       * path of the graph; search-limit: too many paths to tell (a check asks for a preferred one).
       */
      reason: 'no-path' | 'ambiguous' | 'preferred-invalid' | 'search-limit';
      /** Up to two of the paths found (ambiguous). */
      found: Hop[][];
    };

/** How many zone steps one path search may take before it gives up (the search-limit case). */
export const PATH_SEARCH_LIMIT = 50_000;

interface Attachment {
  firewall: Firewall;
  interfaceId: string;
}

export interface ZoneGraph {
  /** zone id -> its segment: the zones it reaches without crossing a firewall (itself at least). */
  segmentOf: Map<string, number>;
  /** segment -> the firewall interfaces its zones are on, sorted by firewall id then interface id. */
  segmentAttachments: Map<number, Attachment[]>;
  /** firewall id -> interface id -> the segment behind it (interfaces with a known zone only). */
  interfaceSegments: Map<string, Map<string, number>>;
  preferred: PreferredPath[];
  cache: Map<string, PathResult>;
}

/** The root of `zone` in the union-find `parent` (paths halved on the way). */
function root(parent: Map<string, string>, zone: string): string {
  let z = zone;
  for (let p = parent.get(z) ?? z; p !== z; p = parent.get(z) ?? z) {
    const grand = parent.get(p) ?? p;
    parent.set(z, grand);
    z = grand;
  }
  return z;
}

export function zoneGraph(
  model: Pick<ZoneModel, 'zones' | 'firewalls' | 'preferredPaths'>,
): ZoneGraph {
  const known = [INTERNET_ZONE_ID, ...model.zones.map((z) => z.id)];
  const knownSet = new Set(known);
  // Each interface of each firewall (the first of a duplicate id), with its known zones.
  const interfaces: { firewall: Firewall; interfaceId: string; zones: string[] }[] = [];
  const seenFirewalls = new Set<string>();
  for (const firewall of [...model.firewalls].sort((a, b) => compare(a.id, b.id))) {
    if (seenFirewalls.has(firewall.id)) continue; // a duplicate id (a check names it)
    seenFirewalls.add(firewall.id);
    const seenInterfaces = new Set<string>();
    for (const iface of [...firewall.interfaces].sort((a, b) => compare(a.id, b.id))) {
      if (seenInterfaces.has(iface.id)) continue;
      seenInterfaces.add(iface.id);
      const zones = [...new Set(iface.zones.filter((z) => knownSet.has(z)))].sort(compare);
      interfaces.push({ firewall, interfaceId: iface.id, zones });
    }
  }
  // Segments: zones behind one interface are joined (union-find), numbered in zone order.
  const parent = new Map<string, string>(known.map((z) => [z, z]));
  for (const { zones } of interfaces) {
    const [first, ...rest] = zones;
    if (first === undefined) continue;
    for (const zone of rest) {
      const a = root(parent, first);
      const b = root(parent, zone);
      if (a !== b) parent.set(b, a);
    }
  }
  const segmentOf = new Map<string, number>();
  const numbers = new Map<string, number>();
  for (const zone of [...knownSet].sort(compare)) {
    const r = root(parent, zone);
    if (!numbers.has(r)) numbers.set(r, numbers.size);
    segmentOf.set(zone, numbers.get(r) ?? 0);
  }
  const segmentAttachments = new Map<number, Attachment[]>();
  const interfaceSegments = new Map<string, Map<string, number>>();
  for (const { firewall, interfaceId, zones } of interfaces) {
    const byInterface = interfaceSegments.get(firewall.id) ?? new Map<string, number>();
    interfaceSegments.set(firewall.id, byInterface);
    const [first] = zones;
    if (first === undefined) continue;
    const segment = segmentOf.get(first) ?? 0;
    byInterface.set(interfaceId, segment);
    const list = segmentAttachments.get(segment) ?? [];
    list.push({ firewall, interfaceId });
    segmentAttachments.set(segment, list);
  }
  return {
    segmentOf,
    segmentAttachments,
    interfaceSegments,
    preferred: model.preferredPaths,
    cache: new Map(),
  };
}

function signature(hops: readonly Hop[]): string {
  return hops
    .map((h) => `${h.firewallId}\u0000${h.ingressInterfaceId}\u0000${h.egressInterfaceId}`)
    .join('\u0001');
}

interface Search {
  found: Map<string, Hop[]>;
  steps: number;
  exhausted: boolean;
}

/**
 * Distinct paths from `from` to `to`, up to `want`; with `firewalls`, only paths crossing exactly
 * those firewalls in that order.
 */
function searchPaths(
  graph: ZoneGraph,
  from: string,
  to: string,
  want: number,
  firewalls?: readonly string[],
): Search {
  const search: Search = { found: new Map(), steps: 0, exhausted: false };
  const start = graph.segmentOf.get(from);
  const target = graph.segmentOf.get(to);
  if (start === undefined || target === undefined) return search;
  const segments = new Set<number>([start]);
  const used = new Set<string>();
  const hops: Hop[] = [];
  const visit = (segment: number): boolean => {
    search.steps += 1;
    if (search.steps > PATH_SEARCH_LIMIT) {
      search.exhausted = true;
      return true;
    }
    if (segment === target) {
      if (!firewalls || hops.length === firewalls.length) {
        const key = signature(hops);
        if (!search.found.has(key)) search.found.set(key, [...hops]);
      }
      return search.found.size >= want;
    }
    for (const { firewall, interfaceId } of graph.segmentAttachments.get(segment) ?? []) {
      if (used.has(firewall.id)) continue;
      if (firewalls && firewalls[hops.length] !== firewall.id) continue;
      used.add(firewall.id);
      for (const [egress, next] of graph.interfaceSegments.get(firewall.id) ?? []) {
        if (egress === interfaceId || segments.has(next)) continue;
        segments.add(next);
        hops.push({
          firewallId: firewall.id,
          ingressInterfaceId: interfaceId,
          egressInterfaceId: egress,
        });
        const stop = visit(next);
        hops.pop();
        segments.delete(next);
        if (stop) {
          used.delete(firewall.id);
          return true;
        }
      }
      used.delete(firewall.id);
    }
    return false;
  };
  visit(start);
  return search;
}

/** The preferred firewalls from `from` to `to`: named so, or named for the reverse (reversed). */
export function preferredFirewalls(graph: ZoneGraph, from: string, to: string): string[] | null {
  const sorted = [...graph.preferred].sort((a, b) =>
    compare(a.firewalls.join('\u0000'), b.firewalls.join('\u0000')),
  );
  const direct = sorted.find((p) => p.from === from && p.to === to);
  if (direct) return [...direct.firewalls];
  const reverse = sorted.find((p) => p.from === to && p.to === from);
  return reverse ? [...reverse.firewalls].reverse() : null;
}

/** The path of flows from zone `from` to zone `to` (cached per pair). */
export function findPath(graph: ZoneGraph, from: string, to: string): PathResult {
  if (from === to) return { kind: 'same-zone' };
  const key = `${from}\u0000${to}`;
  const cached = graph.cache.get(key);
  if (cached) return cached;
  const result = computePath(graph, from, to);
  graph.cache.set(key, result);
  return result;
}

function computePath(graph: ZoneGraph, from: string, to: string): PathResult {
  const any = searchPaths(graph, from, to, 2);
  const anyFound = [...any.found.values()];
  const preferred = preferredFirewalls(graph, from, to);
  if (preferred) {
    const chosen = searchPaths(graph, from, to, 2, preferred);
    const chosenFound = [...chosen.found.values()];
    if (chosenFound.length === 1 && !chosen.exhausted) {
      const [hops = []] = chosenFound;
      return { kind: 'path', hops, preferred: true, alternatives: anyFound.length };
    }
    if (chosenFound.length > 1) return { kind: 'none', reason: 'ambiguous', found: chosenFound };
    if (chosen.exhausted) return { kind: 'none', reason: 'search-limit', found: [] };
    return { kind: 'none', reason: 'preferred-invalid', found: [] };
  }
  if (anyFound.length > 1) return { kind: 'none', reason: 'ambiguous', found: anyFound };
  if (any.exhausted) return { kind: 'none', reason: 'search-limit', found: anyFound };
  const [hops] = anyFound;
  if (!hops) return { kind: 'none', reason: 'no-path', found: [] };
  return { kind: 'path', hops, preferred: false, alternatives: 1 };
}

/**
 * Up to `max` distinct paths from `from` to `to` (for a choice among them), sorted by the
 * number of firewalls crossed, then by their ids; [] when the search gives up.
 */
export function listPaths(graph: ZoneGraph, from: string, to: string, max: number): Hop[][] {
  if (from === to) return [];
  const search = searchPaths(graph, from, to, max);
  const key = (hops: readonly Hop[]): string => hops.map((h) => h.firewallId).join('\u0000');
  return [...search.found.values()].sort(
    (a, b) => a.length - b.length || compare(key(a), key(b)) || compare(signature(a), signature(b)),
  );
}
