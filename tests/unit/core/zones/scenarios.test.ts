/** Table-driven scenarios of issue 16: the paths, rule sets and checks of small networks. */
import { describe, expect, it } from 'vitest';

import type { ZoneAnalysis } from '@/core/zones/analyze';
import { analyzeZones } from '@/core/zones/analyze';
import { INTERNET_ZONE_ID } from '@/core/zones/model';

import { fixtureResolution } from '../../../fixtures/resolution-fixture';

import { firewall, host, model, rule, zone } from './zone-fixtures';

const AGENT = host('Agent 1', '10.1.0.10');
const AGENT6 = host('Agent 6', '2001:db8:1::10');
const FILER = host('Filer', '10.2.0.20');
const NAS = host('NAS', '10.3.0.30');
const CONSOLE = host('Console', '10.4.0.40');
const DMZ_PROXY = host('Proxy', '172.16.0.5');
const CLOUD = host('Graph', 'graph.microsoft.com', true);

/** Firewall id -> the rule IDs of the flows on it, and each rule's interfaces. */
function onFirewalls(analysis: ZoneAnalysis): Record<string, string[]> {
  return Object.fromEntries(
    analysis.ruleSets.map((set) => [
      set.firewallId,
      set.rules.map(
        (r) =>
          `${r.ingress.interfaceName}>${r.egress.interfaceName} ${r.service} ${r.ruleIds.join('+')}`,
      ),
    ]),
  );
}

function codes(analysis: ZoneAnalysis): string[] {
  return analysis.checks.map((c) => `${c.severity}:${c.code}`);
}

describe('hub and spoke: one core firewall, four zones', () => {
  const zones = model({
    zones: [
      zone('agents', '10.1.0.0/16', '2001:db8:1::/48'),
      zone('files', '10.2.0.0/16'),
      zone('nas', '10.3.0.0/16'),
      zone('mgmt', '10.4.0.0/16'),
    ],
    firewalls: [firewall('core', ['e1=agents', 'e2=files', 'e3=nas', 'e4=mgmt'])],
  });
  const rules = [
    rule({ id: 'R01', sources: [AGENT, AGENT6], destinations: [FILER, NAS], ports: [[445, 445]] }),
    rule({
      id: 'R02',
      sourceRole: 'Console',
      destinationRole: 'Activity Agent Server',
      sources: [CONSOLE],
      destinations: [AGENT],
      ports: [[4498, 4498]],
      service: 'Agent',
    }),
    rule({
      id: 'R03',
      sources: [AGENT],
      destinations: [host('Agent 1 again', '10.1.0.11')],
      ports: [[135, 135]],
    }),
  ];
  const analysis = analyzeZones(zones, rules);

  it('puts every crossing flow on the core firewall, by its interfaces', () => {
    expect(onFirewalls(analysis)).toEqual({
      core: ['e1>e2 AM-TCP-445 R01', 'e1>e3 AM-TCP-445 R01', 'e4>e1 AM-TCP-4498 R02'],
    });
  });

  it('keeps a flow inside one zone off every firewall', () => {
    const inside = analysis.flows.filter((f) => f.flow.ruleId === 'R03');
    expect(inside.map((f) => f.route)).toEqual([{ kind: 'same-zone' }]);
  });

  it('names address objects per role and zone, and keeps IPv4 and IPv6 of a zone together', () => {
    const set = analysis.ruleSets[0];
    expect(set?.addressObjects.map((o) => [o.name, o.addresses])).toEqual([
      ['AM-Activity-Agent-Server-AGENTS', ['10.1.0.10']],
      ['AM-Activity-Agent-Server-AGENTS-2', ['10.1.0.10', '2001:db8:1::10']],
      ['AM-Console-MGMT', ['10.4.0.40']],
      ['AM-File-Server-FILES', ['10.2.0.20']],
      ['AM-File-Server-NAS', ['10.3.0.30']],
    ]);
    expect(set?.serviceObjects).toEqual([
      { name: 'AM-TCP-445', protocol: 'TCP', ports: [{ from: 445, to: 445 }] },
      { name: 'AM-TCP-4498', protocol: 'TCP', ports: [{ from: 4498, to: 4498 }] },
    ]);
    expect(set?.rules[0]).toMatchObject({
      name: 'AM-001',
      sources: ['AM-Activity-Agent-Server-AGENTS-2'],
      destinations: ['AM-File-Server-FILES'],
      ruleIds: ['R01'],
      services: ['SMB'],
      purposes: ['Purpose of R01'],
      sourceZoneIds: ['agents'],
      destinationZoneIds: ['files'],
    });
  });

  it('has no checks', () => {
    expect(analysis.checks).toEqual([]);
  });
});

describe('a DMZ with an outer and an inner firewall, cloud flows through the edge', () => {
  const zones = model({
    zones: [zone('inside', '10.0.0.0/8'), zone('dmz', '172.16.0.0/24')],
    firewalls: [
      firewall('outer', ['untrust=internet', 'dmz=dmz'], 'fortios'),
      firewall('inner', ['dmz=dmz', 'trust=inside'], 'asa'),
    ],
  });
  const rules = [
    rule({
      id: 'R01',
      sources: [AGENT],
      destinations: [CLOUD],
      ports: [[443, 443]],
      destinationRole: 'Microsoft Graph',
    }),
    rule({
      id: 'R02',
      sources: [AGENT],
      destinations: [DMZ_PROXY],
      ports: [[8080, 8080]],
      destinationRole: 'Proxy',
    }),
    rule({
      id: 'R03',
      sourceRole: 'Proxy',
      sources: [DMZ_PROXY],
      destinations: [CLOUD],
      ports: [[443, 443]],
      destinationRole: 'Microsoft Graph',
    }),
  ];
  const analysis = analyzeZones(zones, rules);

  it('crosses both firewalls from inside to the Internet, only the one between otherwise', () => {
    const routes = Object.fromEntries(
      analysis.flows.map((f) => [
        f.flow.ruleId,
        f.route.kind === 'path' ? f.route.hops.map((h) => h.firewallId) : f.route.kind,
      ]),
    );
    expect(routes).toEqual({ R01: ['inner', 'outer'], R02: ['inner'], R03: ['outer'] });
    expect(analysis.flows.find((f) => f.flow.ruleId === 'R01')?.destinationZoneId).toBe(
      INTERNET_ZONE_ID,
    );
  });

  it('gives each firewall its rules, the cloud FQDN in an Internet object', () => {
    expect(onFirewalls(analysis)).toEqual({
      inner: ['trust>dmz AM-TCP-443 R01', 'trust>dmz AM-TCP-8080 R02'],
      outer: ['dmz>untrust AM-TCP-443 R01+R03'],
    });
    const outer = analysis.ruleSets.find((s) => s.firewallId === 'outer');
    expect(outer?.addressObjects.map((o) => o.name)).toEqual([
      'AM-Activity-Agent-Server-INSIDE',
      'AM-Microsoft-Graph-Internet',
      'AM-Proxy-DMZ',
    ]);
    expect(outer?.kind).toBe('fortios');
  });
});

describe('merging: sources with the same destinations share a rule, never more', () => {
  const zones = model({
    zones: [zone('a', '10.1.0.0/16'), zone('b', '10.2.0.0/16')],
    firewalls: [firewall('fw', ['e1=a', 'e2=b'])],
  });
  const a1 = host('a1', '10.1.0.1');
  const a2 = host('a2', '10.1.0.2');
  const a3 = host('a3', '10.1.0.3');
  const b1 = host('b1', '10.2.0.1');
  const b2 = host('b2', '10.2.0.2');

  it('merges a1 and a2 (both to b1 and b2) and keeps a3 (b1 only) apart', () => {
    const analysis = analyzeZones(zones, [
      rule({ id: 'R01', sources: [a1, a2], destinations: [b1], ports: [[445, 445]] }),
      rule({
        id: 'R02',
        sources: [a1, a2],
        destinations: [b2],
        ports: [[445, 445]],
        service: 'SMB again',
      }),
      rule({ id: 'R03', sources: [a3], destinations: [b1], ports: [[445, 445]] }),
      rule({
        id: 'R04',
        sources: [a1],
        destinations: [b1],
        ports: [
          [135, 135],
          [445, 445],
        ],
      }),
    ]);
    const rules = analysis.ruleSets[0]?.rules ?? [];
    const objects = new Map(analysis.ruleSets[0]?.addressObjects.map((o) => [o.name, o.addresses]));
    const shown = rules.map((r) => ({
      from: r.sources.flatMap((n) => objects.get(n) ?? []),
      to: r.destinations.flatMap((n) => objects.get(n) ?? []),
      service: r.service,
      ruleIds: r.ruleIds,
      services: r.services,
    }));
    expect(shown).toEqual([
      {
        from: ['10.1.0.1'],
        to: ['10.2.0.1'],
        service: 'AM-TCP-135_445',
        ruleIds: ['R04'],
        services: ['SMB'],
      },
      {
        from: ['10.1.0.1', '10.1.0.2'],
        to: ['10.2.0.1', '10.2.0.2'],
        service: 'AM-TCP-445',
        ruleIds: ['R01', 'R02'],
        services: ['SMB', 'SMB again'],
      },
      {
        from: ['10.1.0.3'],
        to: ['10.2.0.1'],
        service: 'AM-TCP-445',
        ruleIds: ['R03'],
        services: ['SMB'],
      },
    ]);
  });
});

describe('a device spanning two zones', () => {
  const zones = model({
    zones: [zone('a', '10.1.0.0/16'), zone('b', '10.2.0.0/16'), zone('c', '10.3.0.0/16')],
    firewalls: [firewall('fw1', ['e1=a', 'e2=b']), firewall('fw2', ['e1=a', 'e2=c'])],
  });
  it('places each address on its own, each with its own firewall', () => {
    const analysis = analyzeZones(zones, [
      rule({
        id: 'R01',
        sources: [AGENT],
        destinations: [host('Filer', '10.2.0.5'), host('Filer', '10.3.0.5')],
        ports: [[445, 445]],
      }),
    ]);
    expect(
      analysis.placements.map((p) => [
        p.address,
        p.placement.kind === 'zone' ? p.placement.zoneId : '-',
      ]),
    ).toEqual([
      ['10.1.0.10', 'a'],
      ['10.2.0.5', 'b'],
      ['10.3.0.5', 'c'],
    ]);
    expect(onFirewalls(analysis)).toEqual({
      fw1: ['e1>e2 AM-TCP-445 R01'],
      fw2: ['e1>e2 AM-TCP-445 R01'],
    });
  });
});

describe('an ambiguous double path', () => {
  const base = {
    zones: [zone('a', '10.1.0.0/16'), zone('b', '10.2.0.0/16')],
    firewalls: [firewall('fw1', ['e1=a', 'e2=b']), firewall('fw2', ['e1=a', 'e2=b'])],
  };
  const rules = [rule({ id: 'R01', sources: [AGENT], destinations: [FILER], ports: [[445, 445]] })];

  it('puts the flow on no firewall and asks which path', () => {
    const analysis = analyzeZones(model(base), rules);
    expect(analysis.flows[0]?.route).toEqual({ kind: 'unrouted', reason: 'ambiguous' });
    expect(onFirewalls(analysis)).toEqual({ fw1: [], fw2: [] });
    expect(analysis.checks).toEqual([
      {
        code: 'multiple-paths',
        severity: 'error',
        message:
          'Flows from "A" to "B" have more than one path ("FW1"; "FW2"): name the one they take. They are on no firewall\'s rule set until then.',
        target: { kind: 'zone-pair', from: 'a', to: 'b' },
      },
    ]);
  });

  it('takes the preferred path, in either direction, and says so', () => {
    const analysis = analyzeZones(
      model({ ...base, preferredPaths: [{ from: 'b', to: 'a', firewalls: ['fw2'] }] }),
      rules,
    );
    expect(onFirewalls(analysis)).toEqual({ fw1: [], fw2: ['e1>e2 AM-TCP-445 R01'] });
    expect(codes(analysis)).toEqual(['info:path-chosen']);
  });

  it('refuses a preferred path that is no path', () => {
    const analysis = analyzeZones(
      model({ ...base, preferredPaths: [{ from: 'a', to: 'b', firewalls: ['fw1', 'fw2'] }] }),
      rules,
    );
    expect(analysis.flows[0]?.route).toEqual({ kind: 'unrouted', reason: 'preferred-invalid' });
    expect(codes(analysis)).toEqual(['error:preferred-path-invalid']);
  });
});

describe('zones behind one interface', () => {
  it('reach each other without crossing that firewall, and others through it', () => {
    const zones = model({
      zones: [zone('a', '10.1.0.0/16'), zone('b', '10.2.0.0/16'), zone('c', '10.3.0.0/16')],
      firewalls: [firewall('fw', ['inside=a+b', 'outside=c'])],
    });
    const analysis = analyzeZones(zones, [
      rule({ id: 'R01', sources: [AGENT], destinations: [FILER, NAS], ports: [[445, 445]] }),
    ]);
    expect(
      analysis.flows.map((f) => (f.route.kind === 'path' ? f.route.hops.length : f.route.kind)),
    ).toEqual([0, 1]);
    expect(onFirewalls(analysis)).toEqual({ fw: ['inside>outside AM-TCP-445 R01'] });
    expect(analysis.ruleSets[0]?.rules[0]?.ingress.zoneIds).toEqual(['a', 'b']);
  });

  it('twelve zones behind one interface: one path, never "too many paths"', () => {
    const behind = Array.from({ length: 12 }, (_, i) => zone(`s${i}`, `10.1.${i}.0/24`));
    const zones = model({
      zones: [...behind, zone('files', '10.2.0.0/16')],
      firewalls: [firewall('fw', [`inside=${behind.map((z) => z.id).join('+')}`, 'outside=files'])],
    });
    const analysis = analyzeZones(zones, [
      rule({ id: 'R01', sources: [AGENT], destinations: [FILER], ports: [[445, 445]] }),
    ]);
    expect(analysis.flows[0]?.route).toEqual({
      kind: 'path',
      hops: [
        { firewallId: 'fw', ingressInterfaceId: 'fw-inside', egressInterfaceId: 'fw-outside' },
      ],
    });
    expect(codes(analysis)).toEqual([]);
  });

  it('join through a chain of interfaces: one segment, entered once by a path', () => {
    // a and b behind fw1's e1, b and c behind fw2's e1: a, b and c reach each other unfiltered.
    // From a to d the only path is fw2 (out of the segment once); leaving through fw1 to x and
    // coming back into the segment is no second path.
    const zones = model({
      zones: [
        zone('a', '10.1.0.0/16'),
        zone('b', '10.3.0.0/16'),
        zone('c', '10.4.0.0/16'),
        zone('d', '10.2.0.0/16'),
        zone('x', '10.5.0.0/16'),
      ],
      firewalls: [
        firewall('fw1', ['e1=a+b', 'e2=x']),
        firewall('fw2', ['e1=b+c', 'e2=d']),
        firewall('fw3', ['e1=x', 'e2=c']),
      ],
    });
    const analysis = analyzeZones(zones, [
      rule({ id: 'R01', sources: [AGENT], destinations: [FILER, NAS], ports: [[445, 445]] }),
    ]);
    expect(analysis.flows.map((f) => f.route)).toEqual([
      {
        kind: 'path',
        hops: [{ firewallId: 'fw2', ingressInterfaceId: 'fw2-e1', egressInterfaceId: 'fw2-e2' }],
      },
      { kind: 'path', hops: [] },
    ]);
    expect(codes(analysis)).toEqual([]);
  });
});

describe('checks', () => {
  it.each<[string, Parameters<typeof model>[0], string[]]>([
    [
      'an address in no zone, a name with no zone',
      { zones: [zone('a', '10.1.0.0/16')] },
      ['error:address-no-zone', 'error:address-no-zone', 'error:address-no-zone'],
    ],
    [
      'no path between the zones a flow needs',
      { zones: [zone('a', '10.1.0.0/16'), zone('b', '10.2.0.0/16'), zone('c', '10.9.0.0/16')] },
      ['error:address-no-zone', 'error:address-no-zone', 'error:no-path'],
    ],
    [
      'overlapping zones: the same block, and a block inside another',
      {
        zones: [
          zone('a', '10.1.0.0/16'),
          zone('b', '10.1.0.0/16', '10.2.0.0/16'),
          zone('c', '10.2.3.0/24', '10.3.0.0/16'),
        ],
        firewalls: [firewall('fw', ['e1=a+b', 'e2=c'])],
      },
      [
        'error:address-ambiguous-zone',
        'error:address-no-zone',
        'error:zone-overlap',
        'warning:zone-overlap',
      ],
    ],
    [
      'a firewall with one interface, an interface with an unknown zone',
      {
        zones: [zone('a', '10.1.0.0/16'), zone('b', '10.2.0.0/16'), zone('c', '10.3.0.0/16')],
        firewalls: [firewall('lonely', ['e1=a']), firewall('fw', ['e1=a+b', 'e2=c+zz'])],
      },
      ['error:address-no-zone', 'error:interface-unknown-zone', 'warning:firewall-one-interface'],
    ],
    [
      'invalid zone CIDRs, host bits, the reserved id, a hand choice ignored or of an unknown zone',
      {
        zones: [
          zone('a', '10.1.0.1/16', '10.0.0.0/33'),
          zone('b', '10.2.0.0/16', '10.3.0.0/16'),
          zone('internet'),
        ],
        firewalls: [firewall('fw', ['e1=a', 'e2=b'])],
        assignments: [
          { address: '10.1.0.10', zoneId: 'b' },
          { address: 'x.local', zoneId: 'nowhere' },
        ],
      },
      [
        'error:address-no-zone',
        'error:assignment-unknown-zone',
        'error:zone-invalid-cidr',
        'error:zone-reserved-id',
        'warning:assignment-ignored',
        'warning:zone-cidr-host-bits',
      ],
    ],
  ])('%s', (_name, parts, expected) => {
    const analysis = analyzeZones(model(parts), [
      rule({ id: 'R01', sources: [AGENT], destinations: [FILER, NAS], ports: [[445, 445]] }),
      rule({
        id: 'R02',
        sources: [AGENT],
        destinations: [host('FS01', 'fs01.corp.local')],
        ports: [[445, 445]],
      }),
    ]);
    expect(codes(analysis)).toEqual(expected);
  });

  it('quotes the names it shows and says what to do', () => {
    const analysis = analyzeZones(model({ zones: [zone('a', '10.1.0.0/16')] }), [
      rule({
        id: 'R01',
        sources: [AGENT],
        destinations: [host('Filer "x"', 'filer.local')],
        ports: [[445, 445]],
      }),
    ]);
    expect(analysis.checks.map((c) => c.message)).toEqual([
      '"Filer \\"x\\"" ("filer.local") is known only by name: choose its zone.',
    ]);
    expect(analysis.checks[0]?.target).toEqual({ kind: 'address', address: 'filer.local' });
  });
});

describe('the export fixture resolved through zones', () => {
  it('places its hosts, routes its flows and keeps every ready flow', () => {
    const resolution = fixtureResolution();
    const zones = model({
      zones: [zone('corp', '10.0.0.0/16'), zone('named')],
      firewalls: [firewall('edge', ['inside=corp+named', 'outside=internet'])],
      assignments: [
        { address: 'agent-nyc.corp.example.com', zoneId: 'named' },
        { address: 'svm-nyc.corp.example.com', zoneId: 'named' },
        { address: 'cee01.corp.example.com', zoneId: 'corp' },
      ],
    });
    const analysis = analyzeZones(zones, resolution.rules);
    expect(analysis.checks.filter((c) => c.severity === 'error')).toEqual([]);
    expect(analysis.flows.length).toBeGreaterThan(0);
    expect(analysis.flows.every((f) => f.route.kind !== 'unrouted')).toBe(true);
    const cloud = analysis.flows.filter((f) => f.destinationZoneId === INTERNET_ZONE_ID);
    expect(cloud.length).toBeGreaterThan(0);
    expect(
      cloud.every((f) => f.route.kind === 'path' && f.route.hops[0]?.firewallId === 'edge'),
    ).toBe(true);
  });
});
