/**
 * The "Done when" properties of issue 16, over random networks and plans: every flow is on
 * exactly the firewalls of its path (none inside one zone); each firewall's rule set, expanded
 * back to address × port pairs, is exactly the union of the flows crossing it (merging opens
 * nothing extra); shuffling zones, firewalls, interfaces, hosts or rules changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { ResolvedRule } from '@/core/resolve/model';
import type { ZoneAnalysis } from '@/core/zones/analyze';
import { analyzeZones } from '@/core/zones/analyze';
import type { Firewall, ZoneModel } from '@/core/zones/model';
import { INTERNET_ZONE_ID } from '@/core/zones/model';
import type { FirewallRuleSet } from '@/core/zones/rule-sets';

import type { HostSpec } from './zone-fixtures';
import { host, rule, zone } from './zone-fixtures';

const ZONE_COUNT = 4;

/** Zone i holds 10.i.0.0/16 and 2001:db8:i::/48; zone "carve" holds 10.0.7.0/24 inside zone 0. */
function zones(count: number, carve: boolean): ZoneModel['zones'] {
  const out = Array.from({ length: count }, (_, i) =>
    zone(`z${i}`, `10.${i}.0.0/16`, `2001:db8:${i}::/48`),
  );
  return carve ? [...out, zone('carve', '10.0.7.0/24')] : out;
}

const hostArb: fc.Arbitrary<HostSpec> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 0, max: ZONE_COUNT - 1 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 20 }),
      )
      .map(([z, a, b]) => host(`v4-${z}-${a}-${b}`, `10.${z}.${a}.${b}`)),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: ZONE_COUNT - 1 }), fc.integer({ min: 1, max: 20 }))
      .map(([z, n]) => host(`v6-${z}-${n}`, `2001:db8:${z}::${n.toString(16)}`)),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 9 }).map((n) => host(`name-${n}`, `h${n}.corp.local`)),
  },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 1, max: 3 })
      .map((n) => host(`cloud-${n}`, `svc${n}.cloud.example`, true)),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 9 }).map((n) => host(`block-${n}`, `10.0.${n}.0/28`)),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 5 }).map((n) => host(`outside-${n}`, `192.168.9.${n}`)),
  },
);

interface Scenario {
  model: ZoneModel;
  rules: ResolvedRule[];
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    zoneCount: fc.integer({ min: ZONE_COUNT - 1, max: ZONE_COUNT }),
    shape: fc.constantFrom('hub', 'hub', 'chain', 'chain', 'random'),
    carve: fc.boolean(),
    hosts: fc.uniqueArray(hostArb, { minLength: 2, maxLength: 14, selector: (h) => h.address }),
    firewalls: fc.array(
      fc.array(
        fc.array(fc.integer({ min: 0, max: ZONE_COUNT + 1 }), { minLength: 1, maxLength: 2 }),
        { minLength: 1, maxLength: 3 },
      ),
      { maxLength: 2 },
    ),
    assigned: fc.array(
      fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: ZONE_COUNT })),
      {
        maxLength: 5,
      },
    ),
    preferred: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: ZONE_COUNT }),
        fc.integer({ min: 0, max: ZONE_COUNT }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }),
      ),
      { maxLength: 1 },
    ),
    rules: fc.array(
      fc.record({
        sources: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        destinations: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        transport: fc.constantFrom('TCP' as const, 'UDP' as const),
        ports: fc.constantFrom<[number, number][]>(
          [[445, 445]],
          [
            [135, 135],
            [445, 445],
          ],
          [[49152, 65535]],
          [[4498, 4498]],
        ),
        sourceRole: fc.constantFrom('Agent', 'Console'),
        destinationRole: fc.constantFrom('Filer', 'NAS', 'Graph'),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map((s): Scenario => {
    const zoneList = zones(s.zoneCount, s.carve);
    const zoneIdOf = (n: number): string =>
      n >= s.zoneCount ? (n === s.zoneCount ? INTERNET_ZONE_ID : 'carve') : `z${n}`;
    // hub: one firewall with an interface per zone (and the Internet); chain: a firewall
    // between each zone and the next, the last to the Internet (multi-hop paths); then the
    // random firewalls (extra paths, often more than one).
    const hub = [Array.from({ length: s.zoneCount + 1 }, (_, i) => [i])];
    const chain = Array.from({ length: s.zoneCount }, (_, i) => [[i], [i + 1]]);
    const base = s.shape === 'hub' ? hub : s.shape === 'chain' ? chain : [];
    const firewalls: Firewall[] = [...base, ...s.firewalls].map((interfaces, f) => ({
      id: `fw${f}`,
      name: `Firewall ${f % 2}`,
      kind: 'other',
      interfaces: interfaces.map((zs, i) => ({
        id: `fw${f}-if${i}`,
        name: `port${i % 2}`,
        zones: [...new Set(zs.map(zoneIdOf))],
      })),
    }));
    const pick = (indexes: number[]): HostSpec[] => [
      ...new Map(
        indexes.map((i) => s.hosts[i % s.hosts.length]!).map((h) => [h.address, h]),
      ).values(),
    ];
    return {
      model: {
        zones: zoneList,
        firewalls,
        assignments: s.assigned.map(([n, z]) => ({
          address: `h${n}.corp.local`,
          zoneId: zoneIdOf(z),
        })),
        preferredPaths: s.preferred.map(([a, b, fws]) => ({
          from: zoneIdOf(a),
          to: zoneIdOf(b),
          firewalls: fws.map((f) => `fw${f}`),
        })),
      },
      rules: s.rules.map((r, i) =>
        rule({
          id: `R${String(i + 1).padStart(2, '0')}`,
          sources: pick(r.sources),
          destinations: pick(r.destinations),
          transport: r.transport,
          ports: r.ports,
          sourceRole: r.sourceRole,
          destinationRole: r.destinationRole,
        }),
      ),
    };
  });

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
