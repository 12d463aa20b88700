/**
 * The "Done when" properties of issue 16, over random networks and plans: every flow is on
 * exactly the firewalls of its path (none inside one zone); each firewall's rule set, expanded
 * back to address × port pairs, is exactly the union of the flows crossing it (merging opens
 * nothing extra); shuffling zones, firewalls, interfaces, hosts or rules changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { ZoneAnalysis } from '@/core/zones/analyze';
import { analyzeZones } from '@/core/zones/analyze';
import type { ZoneModel } from '@/core/zones/model';
import type { FirewallRuleSet } from '@/core/zones/rule-sets';

import { scenarioArb } from './zone-arbitraries';

type Tuple = string;

function tuple(
  ingress: string,
  egress: string,
  src: string,
  dst: string,
  proto: string,
  range: string,
): Tuple {
  return [ingress, egress, src, dst, proto, range].join(' | ');
}

/** A rule set back to (interfaces, source, destination, protocol, port range) tuples. */
function expand(set: FirewallRuleSet): Set<Tuple> {
  const addresses = new Map(set.addressObjects.map((o) => [o.name, o.addresses]));
  const services = new Map(set.serviceObjects.map((o) => [o.name, o]));
  const out = new Set<Tuple>();
  for (const r of set.rules) {
    const service = services.get(r.service);
    expect(service, r.service).toBeDefined();
    for (const src of r.sources.flatMap((n) => addresses.get(n) ?? [])) {
      for (const dst of r.destinations.flatMap((n) => addresses.get(n) ?? [])) {
        for (const p of service?.ports ?? []) {
          out.add(
            tuple(
              r.ingress.interfaceId,
              r.egress.interfaceId,
              src,
              dst,
              service?.protocol ?? '',
              `${p.from}-${p.to}`,
            ),
          );
        }
      }
    }
  }
  return out;
}

/** Firewall id -> the tuples of the flows whose path crosses it. */
function crossing(analysis: ZoneAnalysis): Map<string, Set<Tuple>> {
  const out = new Map<string, Set<Tuple>>();
  for (const placed of analysis.flows) {
    if (placed.route.kind !== 'path') continue;
    for (const hop of placed.route.hops) {
      const set = out.get(hop.firewallId) ?? new Set<Tuple>();
      for (const p of placed.flow.ports) {
        set.add(
          tuple(
            hop.ingressInterfaceId,
            hop.egressInterfaceId,
            placed.flow.sourceAddress,
            placed.flow.destinationAddress,
            placed.flow.protocol,
            `${p.from}-${p.to}`,
          ),
        );
      }
      out.set(hop.firewallId, set);
    }
  }
  return out;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('zones: properties', () => {
  it('every flow is on exactly the firewalls of its path, and on none inside one zone', () => {
    fc.assert(
      fc.property(scenarioArb, ({ model, rules }) => {
        const analysis = analyzeZones(model, rules);
        const expanded = new Map(analysis.ruleSets.map((s) => [s.firewallId, expand(s)]));
        for (const placed of analysis.flows) {
          const { flow } = placed;
          const on = new Set<string>();
          for (const [firewallId, tuples] of expanded) {
            for (const t of tuples) {
              const [, , src, dst, proto] = t.split(' | ');
              if (
                src === flow.sourceAddress &&
                dst === flow.destinationAddress &&
                proto === flow.protocol
              )
                on.add(firewallId);
            }
          }
          const expected =
            placed.route.kind === 'path'
              ? new Set(placed.route.hops.map((h) => h.firewallId))
              : new Set();
          expect(on).toEqual(expected);
          if (placed.route.kind === 'same-zone') {
            expect(placed.sourceZoneId).toBe(placed.destinationZoneId);
          }
          if (
            placed.sourceZoneId !== undefined &&
            placed.sourceZoneId === placed.destinationZoneId
          ) {
            expect(placed.route.kind).toBe('same-zone');
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('each rule set, expanded, is exactly the union of the flows crossing it', () => {
    fc.assert(
      fc.property(scenarioArb, ({ model, rules }) => {
        const analysis = analyzeZones(model, rules);
        const expected = crossing(analysis);
        for (const set of analysis.ruleSets) {
          expect(expand(set)).toEqual(expected.get(set.firewallId) ?? new Set());
          // Every rule keeps its reasons, and every object it names exists.
          for (const r of set.rules) {
            expect(r.ruleIds.length).toBeGreaterThan(0);
            expect(r.purposes.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('shuffling zones, firewalls, interfaces, hosts or rules changes nothing', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), ({ model, rules }, seed) => {
        const before = analyzeZones(model, rules);
        const shuffledModel: ZoneModel = {
          zones: shuffled(model.zones, seed).map((z) => ({
            ...z,
            cidrs: shuffled(z.cidrs, seed + 1),
          })),
          firewalls: shuffled(model.firewalls, seed + 2).map((f) => ({
            ...f,
            interfaces: shuffled(f.interfaces, seed + 3).map((i) => ({
              ...i,
              zones: shuffled(i.zones, seed + 4),
            })),
          })),
          assignments: shuffled(model.assignments, seed + 5),
          preferredPaths: shuffled(model.preferredPaths, seed + 6),
        };
        const shuffledRules = shuffled(rules, seed + 7).map((r) => ({
          ...r,
          source: { ...r.source, hosts: shuffled(r.source.hosts, seed + 8) },
          destination: { ...r.destination, hosts: shuffled(r.destination.hosts, seed + 9) },
        }));
        expect(analyzeZones(shuffledModel, shuffledRules)).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it('no zones and no firewalls: no rule set and no zone check but "in no zone"', () => {
    fc.assert(
      fc.property(scenarioArb, ({ rules }) => {
        const analysis = analyzeZones(
          { zones: [], firewalls: [], assignments: [], preferredPaths: [] },
          rules,
        );
        expect(analysis.ruleSets).toEqual([]);
        expect(analysis.flows.every((f) => f.route.kind !== 'path')).toBe(true);
      }),
    );
  });
});
