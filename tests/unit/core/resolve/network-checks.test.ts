import { describe, expect, it } from 'vitest';

import type { Plan } from '@/core/plan/model';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import { stepHoldingField } from '@/core/wizard/steps';
import type { ZoneModel } from '@/core/zones/model';
import { emptyZoneModel } from '@/core/zones/model';

import { resolverCatalog as catalog } from '../../../fixtures/catalogs';
import { makeAgent, makeDevice, planWith } from '../../../support/plan-builders';

/**
 * Console 10.0.0.10, agent 10.1.0.2, a Qumulo 10.2.0.2 and Exchange Online (cloud FQDNs): the
 * flows are console -> agent, agent <-> Qumulo and agent -> the Internet.
 */
function plan(network: Partial<ZoneModel> = {}): Plan {
  return planWith({
    agents: [makeAgent(1)],
    devices: [makeDevice('qumulo', 1, { name: 'Q1' }), makeDevice('exchange-online', 2)],
    network: { ...emptyZoneModel(), ...network },
  });
}

const ZONES = [
  { id: 'servers', name: 'Servers', cidrs: ['10.0.0.0/16', '10.1.0.0/16'] },
  { id: 'nas', name: 'NAS', cidrs: ['10.2.0.0/16'] },
];

const CORE = {
  id: 'fw-1',
  name: 'Core',
  kind: 'panos' as const,
  interfaces: [
    { id: 'if-1', name: 'inside', zones: ['servers'] },
    { id: 'if-2', name: 'nas', zones: ['nas'] },
    { id: 'if-3', name: 'outside', zones: ['internet'] },
  ],
};

function checks(p: Plan) {
  return resolvePlan(p, catalog).checks.map((c) => [c.code, c.severity, c.field, c.message]);
}

describe('network plan checks', () => {
  it('an empty network adds no check and changes nothing in the resolution', () => {
    const p = plan();
    const resolution = resolvePlan(p, catalog);
    expect(resolution.checks).toEqual([]);
    expect(resolution.checks.filter((c) => c.field.startsWith('network'))).toEqual([]);
    // The same plan without the network at all (as before format 5) resolves the same.
    const { network: _, ...rest } = p;
    expect(resolvePlan({ ...rest, network: emptyZoneModel() } as Plan, catalog)).toEqual(
      resolution,
    );
  });

  it('zones holding every host and a firewall joining them: no check', () => {
    expect(checks(plan({ zones: ZONES, firewalls: [CORE] }))).toEqual([]);
  });

  it('an address in no zone points at the field of the host holding it', () => {
    expect(checks(plan({ zones: [ZONES[0]!], firewalls: [CORE] }))).toEqual([
      [
        'address-no-zone',
        'error',
        'devices.0.addresses.0',
        '"Q1" ("10.2.0.2") is in no zone: add a CIDR that holds it to a zone, or choose its zone (Q1 → Addresses, entry 1).',
      ],
      [
        'interface-unknown-zone',
        'error',
        'network.firewalls.0.interfaces.1',
        'Firewall "Core", interface "nas": no zone has the id "nas" (Network → Firewall 1 → Interface 2).',
      ],
    ]);
  });

  it('a zone with the id of the Internet zone is an error on its name, never merged', () => {
    const zones = [...ZONES, { id: 'internet', name: 'My internet', cidrs: ['192.0.2.0/24'] }];
    const found = checks(plan({ zones, firewalls: [CORE] }));
    expect(found).toContainEqual([
      'zone-reserved-id',
      'error',
      'network.zones.2.name',
      'Zone "My internet" uses the id of the built-in Internet zone (Network → Zone 3 → Name).',
    ]);
  });

  it('two zones with one id: an error on the second one', () => {
    const zones = [...ZONES, { id: 'nas', name: 'NAS 2', cidrs: ['10.9.0.0/16'] }];
    expect(checks(plan({ zones, firewalls: [CORE] }))).toContainEqual([
      'zone-duplicate-id',
      'error',
      'network.zones.2.name',
      'Two zones have the id "nas" (Network → Zone 3 → Name).',
    ]);
  });

  it('a block of a zone points at that block; a firewall at its name', () => {
    const zones = [
      ZONES[0]!,
      { ...ZONES[1]!, cidrs: ['10.2.0.0/16', '10.1.2.0/24', '10.3.0.0/33'] },
    ];
    const firewalls = [CORE, { id: 'fw-2', name: 'Lonely', kind: 'asa' as const, interfaces: [] }];
    const found = checks(plan({ zones, firewalls }));
    expect(found).toContainEqual([
      'zone-overlap',
      'warning',
      'network.zones.1.cidrs.1',
      '10.1.2.0/24 of zone "NAS" lies inside 10.1.0.0/16 of zone "Servers": its addresses are in "NAS" (longest prefix wins) (Network → Zone 2 → CIDR blocks, entry 2).',
    ]);
    expect(found).toContainEqual([
      'zone-invalid-cidr',
      'error',
      'network.zones.1.cidrs.2',
      expect.stringMatching(
        /^Zone "NAS": "10\.3\.0\.0\/33" is not a valid CIDR block: .*\(Network → Zone 2 → CIDR blocks, entry 3\)\.$/,
      ),
    ]);
    expect(found).toContainEqual([
      'firewall-one-interface',
      'warning',
      'network.firewalls.1.name',
      'Firewall "Lonely" has no interface: no flow can cross it. Attach a zone to a second interface (Network → Firewall 2 → Name).',
    ]);
  });

  it('no path points at the firewalls; several paths at the paths, a chosen one at itself', () => {
    expect(checks(plan({ zones: ZONES, firewalls: [] }))).toContainEqual([
      'no-path',
      'error',
      'network.firewalls',
      'Flows from "NAS" to "Servers" need a path, and no firewall joins the zones: attach them to firewall interfaces (Network → Firewalls).',
    ]);
    const twin = { ...CORE, id: 'fw-2', name: 'Twin' };
    const twice = checks(plan({ zones: ZONES, firewalls: [CORE, twin] }));
    expect(twice.filter((c) => c[0] === 'multiple-paths').map((c) => c[2])).toEqual([
      'network.preferredPaths',
      'network.preferredPaths',
      'network.preferredPaths',
    ]);
    const chosen = checks(
      plan({
        zones: ZONES,
        firewalls: [CORE, twin],
        preferredPaths: [
          { from: 'servers', to: 'nas', firewalls: ['fw-1'] },
          { from: 'servers', to: 'internet', firewalls: ['fw-1'] },
        ],
      }),
    );
    expect(chosen.filter((c) => c[0] === 'multiple-paths')).toEqual([]);
    expect(
      chosen
        .filter((c) => c[0] === 'path-chosen')
        .map((c) => `${c[1]} ${c[2]}`)
        .sort(),
    ).toEqual([
      'info network.preferredPaths.0',
      'info network.preferredPaths.0',
      'info network.preferredPaths.1',
    ]);
  });

  it('a zone chosen by hand points at the choice', () => {
    const p = plan({
      zones: ZONES,
      firewalls: [CORE],
      assignments: [{ address: '10.2.0.2', zoneId: 'servers' }],
    });
    expect(checks(p)).toEqual([
      [
        'assignment-ignored',
        'warning',
        'network.assignments.0',
        '"10.2.0.2" is in zone "NAS" by 10.2.0.0/16; the zone chosen by hand ("Servers") is not used (Network → Zone chosen for 10.2.0.2).',
      ],
    ]);
  });

  it('with no zone and no firewall, a stray choice is reported, and nothing else', () => {
    const p = plan({ assignments: [{ address: 'nas.example.com', zoneId: 'gone' }] });
    expect(checks(p)).toEqual([
      [
        'assignment-unknown-zone',
        'error',
        'network.assignments.0',
        'The zone chosen for "nas.example.com" does not exist (id "gone") (Network → Zone chosen for nas.example.com).',
      ],
    ]);
  });

  it('every network check goes to the Network step, or to the step of the host it names', () => {
    const p = plan({
      zones: [ZONES[0]!, { id: 'internet', name: 'X', cidrs: ['bad'] }],
      firewalls: [{ ...CORE, interfaces: [CORE.interfaces[0]!] }],
      assignments: [{ address: 'x.example.com', zoneId: 'nope' }],
      preferredPaths: [{ from: 'a', to: 'b', firewalls: ['c'] }],
    });
    const found = resolvePlan(p, catalog).checks;
    expect(found.length).toBeGreaterThan(4);
    for (const check of found) {
      const step = stepHoldingField(check.field);
      if (check.field.startsWith('network')) expect(step, check.field).toBe('network');
      else expect(['topology', 'devices', 'options'], check.field).toContain(step);
    }
  });
});
