/** Pure edits of plan.network (format 5): zones, firewalls, interfaces, hand choices, paths. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  addFirewall,
  addInterface,
  addZone,
  removeFirewall,
  removeInterface,
  removeZone,
  restoreFirewall,
  restoreZone,
  setInterfaceZones,
  setPreferredPath,
  setZoneAssignment,
  setZoneCidrs,
  updateFirewall,
  updateInterface,
  updateZone,
  zoneInUse,
  zoneUse,
} from '@/core/plan/edit';
import type { Plan } from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';
import { parsePlan, PLAN_LIMITS } from '@/core/plan/parse-plan';
import { addressKey } from '@/core/validate/validate-address';
import { modelChecks } from '@/core/zones/analyze';
import { cidrProblemText } from '@/core/zones/cidr-list';
import type { ZoneModel } from '@/core/zones/model';
import { INTERNET_ZONE_ID } from '@/core/zones/model';

import { networkArb } from '../permalink/plan-arbitrary';

function withNetwork(network: ZoneModel): Plan {
  return { ...createDefaultPlan(), network };
}

/** Two zones, a firewall between them and the Internet, a hand choice and a chosen path. */
function sample(): Plan {
  let plan = createDefaultPlan();
  plan = addZone(plan).plan;
  plan = addZone(plan).plan;
  plan = setZoneCidrs(plan, 'zone-1', '10.1.0.0/16').plan;
  plan = setZoneCidrs(plan, 'zone-2', '10.2.0.0/16').plan;
  plan = addFirewall(plan, 'panos').plan;
  plan = addInterface(plan, 'fw-1').plan;
  plan = setInterfaceZones(plan, 'fw-1', 'if-1', ['zone-1']);
  plan = setInterfaceZones(plan, 'fw-1', 'if-2', ['zone-2']);
  plan = setInterfaceZones(plan, 'fw-1', 'if-3', [INTERNET_ZONE_ID]);
  plan = setZoneAssignment(plan, 'nas.example.com', 'zone-2');
  plan = setPreferredPath(plan, 'zone-1', 'zone-2', ['fw-1']);
  return plan;
}

describe('zones', () => {
  it('adds zones with ids and names of their own, edits and caps them', () => {
    const { plan, id } = addZone(createDefaultPlan());
    expect(id).toBe('zone-1');
    expect(plan.network.zones).toEqual([{ id: 'zone-1', name: 'Zone 1', cidrs: [] }]);
    const renamed = updateZone(plan, 'zone-1', { name: 'Servers' });
    expect(renamed.network.zones[0]?.name).toBe('Servers');
    expect(plan.network.zones[0]?.name).toBe('Zone 1');
    let full = createDefaultPlan();
    for (let i = 0; i < PLAN_LIMITS.zones; i += 1) full = addZone(full).plan;
    expect(addZone(full)).toEqual({ plan: full, id: null });
  });

  it('takes blocks one per line or comma separated', () => {
    const plan = addZone(createDefaultPlan()).plan;
    const result = setZoneCidrs(
      plan,
      'zone-1',
      ' 10.1.0.0/16, 10.2.0.0/16\n\nfd00::/8 ;192.0.2.0/24\n',
    );
    expect(result.problems).toEqual([]);
    expect(result.applied).toBe(true);
    expect(result.plan.network.zones[0]?.cidrs).toEqual([
      '10.1.0.0/16',
      '10.2.0.0/16',
      'fd00::/8',
      '192.0.2.0/24',
    ]);
  });

  it('reports bad blocks by line and applies nothing until confirmed', () => {
    const plan = setZoneCidrs(addZone(createDefaultPlan()).plan, 'zone-1', '10.9.0.0/16').plan;
    const text = '10.1.0.0/16\n10.1.0/16, 10.3.0.5\n10.1.0.1/16\nnas.example.com';
    const result = setZoneCidrs(plan, 'zone-1', text);
    expect(result.applied).toBe(false);
    expect(result.plan).toBe(plan);
    expect(result.problems.map(cidrProblemText)).toEqual([
      expect.stringMatching(/^Line 2: "10\.1\.0\/16" is not a valid CIDR block: /),
      'Line 2: "10.3.0.5" is an address, not a CIDR block: write 10.3.0.5/32 for this address alone, or its network',
      'Line 3: "10.1.0.1/16" is the block 10.1.0.0/16 again (line 1): give it once',
      expect.stringMatching(/^Line 4: "nas\.example\.com" is not a valid CIDR block: /),
    ]);
    expect(result.cidrs).toEqual(['10.1.0.0/16']);
    const confirmed = setZoneCidrs(plan, 'zone-1', text, true);
    expect(confirmed.applied).toBe(true);
    expect(confirmed.plan.network.zones[0]?.cidrs).toEqual(['10.1.0.0/16']);
  });

  it('caps the blocks of a zone', () => {
    const plan = addZone(createDefaultPlan()).plan;
    const lines = Array.from({ length: PLAN_LIMITS.cidrsPerZone + 1 }, (_, i) => `10.${i}.0.0/16`);
    // 10.256.0.0 is no address: the last line is invalid before it is too many; use IPv6.
    const v6 = Array.from(
      { length: PLAN_LIMITS.cidrsPerZone + 1 },
      (_, i) => `fd00:${i.toString(16)}::/32`,
    );
    expect(setZoneCidrs(plan, 'zone-1', lines.join('\n')).problems).toHaveLength(1);
    const result = setZoneCidrs(plan, 'zone-1', v6.join('\n'));
    expect(result.problems.map((p) => p.message)).toEqual([
      `"fd00:100::/32": a zone holds at most ${PLAN_LIMITS.cidrsPerZone} CIDR blocks`,
    ]);
  });

  it('says what uses a zone, and removing it takes all of that out', () => {
    const plan = sample();
    const use = zoneUse(plan, 'zone-2');
    expect(use).toEqual({
      interfaces: [{ firewallName: 'Firewall 1', interfaceName: 'Interface 2' }],
      assignments: 1,
      preferredPaths: 1,
    });
    expect(zoneInUse(use)).toBe(true);
    expect(zoneInUse(zoneUse(addZone(plan).plan, 'zone-3'))).toBe(false);
    const { plan: without, removed } = removeZone(plan, 'zone-2');
    expect(without.network.zones.map((z) => z.id)).toEqual(['zone-1']);
    expect(without.network.firewalls[0]?.interfaces.map((i) => i.zones)).toEqual([
      ['zone-1'],
      [],
      ['internet'],
    ]);
    expect(without.network.assignments).toEqual([]);
    expect(without.network.preferredPaths).toEqual([]);
    expect(restoreZone(without, removed!)).toEqual(plan);
    expect(removeZone(plan, 'nope')).toEqual({ plan, removed: null });
  });

  it("a new zone never takes the Internet zone's id or one already used", () => {
    const plan = withNetwork({
      zones: [
        { id: 'zone-2', name: 'A', cidrs: [] },
        { id: 'internet', name: 'B', cidrs: [] },
      ],
      firewalls: [],
      assignments: [],
      preferredPaths: [],
    });
    const { id } = addZone(plan);
    expect(id).toBe('zone-3');
  });
});

describe('firewalls and interfaces', () => {
  it('adds a firewall of a kind with two interfaces; edits, adds and removes interfaces', () => {
    const { plan, id } = addFirewall(createDefaultPlan(), 'fortios');
    expect(id).toBe('fw-1');
    expect(plan.network.firewalls).toEqual([
      {
        id: 'fw-1',
        name: 'Firewall 1',
        kind: 'fortios',
        interfaces: [
          { id: 'if-1', name: 'Interface 1', zones: [] },
          { id: 'if-2', name: 'Interface 2', zones: [] },
        ],
      },
    ]);
    const edited = updateFirewall(plan, 'fw-1', { name: 'Core', kind: 'asa' });
    expect(edited.network.firewalls[0]).toMatchObject({ name: 'Core', kind: 'asa' });
    const three = addInterface(edited, 'fw-1');
    expect(three.id).toBe('if-3');
    const renamed = updateInterface(three.plan, 'fw-1', 'if-3', { name: 'dmz' });
    expect(renamed.network.firewalls[0]?.interfaces.map((i) => i.name)).toEqual([
      'Interface 1',
      'Interface 2',
      'dmz',
    ]);
    const fewer = removeInterface(renamed, 'fw-1', 'if-1');
    expect(fewer.network.firewalls[0]?.interfaces.map((i) => i.id)).toEqual(['if-2', 'if-3']);
    expect(addInterface(fewer, 'fw-1').id).toBe('if-4');
    expect(addInterface(fewer, 'nope')).toEqual({ plan: fewer, id: null });
  });

  it('attaches known zones only, each once', () => {
    const plan = sample();
    const next = setInterfaceZones(plan, 'fw-1', 'if-1', ['zone-2', 'ghost', 'zone-2', 'internet']);
    expect(next.network.firewalls[0]?.interfaces[0]?.zones).toEqual(['zone-2', 'internet']);
  });

  it('removing a firewall drops the paths chosen through it; undo puts both back', () => {
    const plan = sample();
    const { plan: without, removed } = removeFirewall(plan, 'fw-1');
    expect(without.network.firewalls).toEqual([]);
    expect(without.network.preferredPaths).toEqual([]);
    expect(restoreFirewall(without, removed!)).toEqual(plan);
  });
});

describe('hand-chosen zones and chosen paths', () => {
  it('one choice per address (compared like addresses), replaced or taken away', () => {
    const plan = sample();
    const moved = setZoneAssignment(plan, 'NAS.example.com.', 'zone-1');
    expect(moved.network.assignments).toEqual([{ address: 'nas.example.com', zoneId: 'zone-1' }]);
    expect(setZoneAssignment(plan, 'nas.example.com', 'ghost')).toBe(plan);
    expect(setZoneAssignment(plan, 'nas.example.com', null).network.assignments).toEqual([]);
    expect(setZoneAssignment(plan, ' ', 'zone-1')).toBe(plan);
    expect(
      setZoneAssignment(plan, 'fs.example.com', 'internet').network.assignments.map(
        (a) => a.zoneId,
      ),
    ).toEqual(['zone-2', 'internet']);
  });

  it('one chosen path per pair of zones, in either direction', () => {
    const plan = sample();
    const reversed = setPreferredPath(plan, 'zone-2', 'zone-1', ['fw-1']);
    expect(reversed.network.preferredPaths).toEqual([
      { from: 'zone-2', to: 'zone-1', firewalls: ['fw-1'] },
    ]);
    expect(setPreferredPath(plan, 'zone-1', 'zone-2', null).network.preferredPaths).toEqual([]);
    expect(setPreferredPath(plan, 'zone-1', 'ghost', ['fw-1'])).toBe(plan);
    expect(setPreferredPath(plan, 'zone-1', 'zone-1', ['fw-1'])).toBe(plan);
    expect(setPreferredPath(plan, 'zone-1', 'internet', ['fw-9'])).toBe(plan);
    expect(setPreferredPath(plan, 'zone-1', 'internet', [])).toBe(plan);
  });
});

describe('properties', () => {
  const ids = fc.constantFrom('z-servers', 'z-nas', 'z-dmz', 'internet', 'zone-1');

  it('removing a zone, then undoing, gives the plan back', () => {
    fc.assert(
      fc.property(networkArb, ids, (network, id) => {
        const plan = withNetwork(network);
        const { plan: without, removed } = removeZone(plan, id);
        if (!removed) {
          expect(without).toBe(plan);
          return;
        }
        expect(without.network.zones.some((z) => z.id === id)).toBe(false);
        expect(restoreZone(without, removed)).toEqual(plan);
      }),
    );
  });

  it('removing a firewall, then undoing, gives the plan back', () => {
    fc.assert(
      fc.property(networkArb, fc.constantFrom('fw-1', 'fw-core', 'fw-edge'), (network, id) => {
        const plan = withNetwork(network);
        const { plan: without, removed } = removeFirewall(plan, id);
        if (!removed) {
          expect(without).toBe(plan);
          return;
        }
        expect(restoreFirewall(without, removed)).toEqual(plan);
      }),
    );
  });

  type Command = (plan: Plan, pick: number) => Plan;
  const nth = <T>(list: readonly T[], pick: number): T | undefined =>
    list.length === 0 ? undefined : list[pick % list.length];
  const zoneAt = (plan: Plan, pick: number) => nth(plan.network.zones, pick)?.id ?? '';
  const firewallAt = (plan: Plan, pick: number) => nth(plan.network.firewalls, pick);
  const COMMANDS: Command[] = [
    (p) => addZone(p).plan,
    (p, n) => removeZone(p, zoneAt(p, n)).plan,
    (p, n) => updateZone(p, zoneAt(p, n), { name: `Z${n}` }),
    (p, n) => setZoneCidrs(p, zoneAt(p, n), `10.${n % 256}.0.0/16, bad`, n % 2 === 0).plan,
    (p, n) => addFirewall(p, n % 2 === 0 ? 'panos' : 'nftables').plan,
    (p, n) => removeFirewall(p, firewallAt(p, n)?.id ?? '').plan,
    (p, n) => addInterface(p, firewallAt(p, n)?.id ?? '').plan,
    (p, n) => {
      const f = firewallAt(p, n);
      return f ? removeInterface(p, f.id, nth(f.interfaces, n)?.id ?? '') : p;
    },
    (p, n) => {
      const f = firewallAt(p, n);
      const zones = [zoneAt(p, n), zoneAt(p, n + 1), 'internet', 'ghost'].slice(0, (n % 4) + 1);
      return f ? setInterfaceZones(p, f.id, nth(f.interfaces, n)?.id ?? '', zones) : p;
    },
    (p, n) => setZoneAssignment(p, `host${n % 3}.example.com`, n % 5 === 0 ? null : zoneAt(p, n)),
    (p, n) => setPreferredPath(p, zoneAt(p, n), zoneAt(p, n + 1), [firewallAt(p, n)?.id ?? 'fw-1']),
  ];

  it("any sequence of edits keeps ids unique, never the Internet zone's, and the plan valid", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(COMMANDS.length - 1), fc.nat(1000)), { maxLength: 40 }),
        (steps) => {
          let plan = createDefaultPlan();
          for (const [c, n] of steps) plan = COMMANDS[c]!(plan, n);
          const { zones, firewalls, assignments } = plan.network;
          const unique = (list: string[]) => expect(new Set(list).size).toBe(list.length);
          unique(zones.map((z) => z.id));
          unique(firewalls.map((f) => f.id));
          for (const f of firewalls) unique(f.interfaces.map((i) => i.id));
          unique(assignments.map((a) => addressKey(a.address)));
          expect(zones.map((z) => z.id)).not.toContain(INTERNET_ZONE_ID);
          expect(parsePlan(JSON.parse(JSON.stringify(plan)) as unknown).ok).toBe(true);
          const codes = modelChecks(plan.network).map((c) => c.code);
          for (const code of [
            'zone-duplicate-id',
            'firewall-duplicate-id',
            'interface-duplicate-id',
            'zone-reserved-id',
            'interface-unknown-zone',
            'assignment-unknown-zone',
            'zone-invalid-cidr',
          ]) {
            expect(codes).not.toContain(code);
          }
        },
      ),
    );
  });
});
