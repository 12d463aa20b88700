/**
 * The graph of zones and firewalls, and the path of a flow through it. A firewall joins the
 * zones of its interfaces: going from a zone on one interface to a zone on another crosses it
 * (one hop: the firewall, its ingress and its egress interface). Zones behind the same interface
 * reach each other without crossing that firewall. A path visits each zone and each firewall at
 * most once; two paths are the same when they cross the same firewalls through the same
 * interfaces.
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
  /** zone id -> the firewall interfaces it is on, sorted by firewall id then interface id. */
  attachments: Map<string, Attachment[]>;
  /** firewall id -> interface id -> zone ids (sorted, known zones only). */
  interfaceZones: Map<string, Map<string, string[]>>;
  preferred: PreferredPath[];
  cache: Map<string, PathResult>;
}

export function zoneGraph(
  model: Pick<ZoneModel, 'zones' | 'firewalls' | 'preferredPaths'>,
): ZoneGraph {
  const known = new Set([INTERNET_ZONE_ID, ...model.zones.map((z) => z.id)]);
  const attachments = new Map<string, Attachment[]>();
  const interfaceZones = new Map<string, Map<string, string[]>>();
  const firewalls = [...model.firewalls].sort((a, b) => compare(a.id, b.id));
  for (const firewall of firewalls) {
    if (interfaceZones.has(firewall.id)) continue; // a duplicate id (a check names it)
    const byInterface = new Map<string, string[]>();
    const interfaces = [...firewall.interfaces].sort((a, b) => compare(a.id, b.id));
    for (const iface of interfaces) {
      if (byInterface.has(iface.id)) continue;
      const zones = [...new Set(iface.zones.filter((z) => known.has(z)))].sort(compare);
      byInterface.set(iface.id, zones);
      for (const zoneId of zones) {
        const list = attachments.get(zoneId) ?? [];
        list.push({ firewall, interfaceId: iface.id });
        attachments.set(zoneId, list);
      }
    }
    interfaceZones.set(firewall.id, byInterface);
  }
  return { attachments, interfaceZones, preferred: model.preferredPaths, cache: new Map() };
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
  const zones = new Set<string>([from]);
  const used = new Set<string>();
  const hops: Hop[] = [];
  const visit = (zone: string): boolean => {
    search.steps += 1;
    if (search.steps > PATH_SEARCH_LIMIT) {
      search.exhausted = true;
      return true;
    }
    if (zone === to) {
      if (!firewalls || hops.length === firewalls.length) {
        const key = signature(hops);
        if (!search.found.has(key)) search.found.set(key, [...hops]);
      }
      return search.found.size >= want;
    }
    for (const { firewall, interfaceId } of graph.attachments.get(zone) ?? []) {
      const byInterface = graph.interfaceZones.get(firewall.id) ?? new Map<string, string[]>();
      // Zones behind the same interface: no firewall crossed.
      for (const next of byInterface.get(interfaceId) ?? []) {
        if (zones.has(next)) continue;
        zones.add(next);
        const stop = visit(next);
        zones.delete(next);
        if (stop) return true;
      }
      if (used.has(firewall.id)) continue;
      if (firewalls && firewalls[hops.length] !== firewall.id) continue;
      used.add(firewall.id);
      for (const [egress, nextZones] of byInterface) {
        if (egress === interfaceId) continue;
        for (const next of nextZones) {
          if (zones.has(next)) continue;
          zones.add(next);
          hops.push({
            firewallId: firewall.id,
            ingressInterfaceId: interfaceId,
            egressInterfaceId: egress,
          });
          const stop = visit(next);
          hops.pop();
          zones.delete(next);
          if (stop) {
            used.delete(firewall.id);
            return true;
          }
        }
      }
      used.delete(firewall.id);
    }
    return false;
  };
  visit(from);
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
