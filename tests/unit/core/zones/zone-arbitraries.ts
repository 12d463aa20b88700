/**
 * Random networks and plans for the zone properties (properties.test.ts) and the vendor configs
 * written from them (exporters/vendor-zones.test.ts).
 */
import fc from 'fast-check';

import type { ResolvedRule } from '@/core/resolve/model';
import type { Firewall, ZoneModel } from '@/core/zones/model';
import { INTERNET_ZONE_ID } from '@/core/zones/model';

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

export interface Scenario {
  model: ZoneModel;
  rules: ResolvedRule[];
}

export const scenarioArb: fc.Arbitrary<Scenario> = fc
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
