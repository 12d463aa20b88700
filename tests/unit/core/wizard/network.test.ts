import { describe, expect, it } from 'vitest';

import type { Plan } from '@/core/plan/model';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import {
  canChooseZone,
  hopsText,
  hostsInZone,
  networkHosts,
  pathLines,
  placementText,
} from '@/core/wizard/network';
import { analyzeZones } from '@/core/zones/analyze';
import type { ZoneModel } from '@/core/zones/model';
import { emptyZoneModel } from '@/core/zones/model';

import { resolverCatalog as catalog } from '../../../fixtures/catalogs';
import { makeAgent, makeDevice, planWith } from '../../../support/plan-builders';

function plan(network: Partial<ZoneModel>): Plan {
  return planWith({
    console: { name: 'Console', address: '10.0.0.10' },
    agents: [makeAgent(1), makeAgent(2, { address: 'agent2.example.com' })],
    devices: [
      makeDevice('qumulo', 1, { name: 'Q1', addresses: ['10.2.0.2', '10.0.0.10'] }),
      makeDevice('qumulo', 2, { name: 'Q2', addresses: [''], agentId: 'agent-2' }),
    ],
    network: { ...emptyZoneModel(), ...network },
  });
}

const ZONES = [
  { id: 'servers', name: 'Servers', cidrs: ['10.0.0.0/16', '10.1.0.0/16'] },
  { id: 'nas', name: 'NAS', cidrs: ['10.2.0.0/16'] },
];

describe('networkHosts', () => {
  it('lists every address of the plan once, with its zone; counts the hosts without one', () => {
    const p = plan({
      zones: ZONES,
      assignments: [{ address: 'AGENT2.example.com', zoneId: 'nas' }],
    });
    const { hosts, withoutAddress } = networkHosts(p, catalog);
    expect(withoutAddress).toBe(1);
    expect(hosts.map((h) => [h.labels, h.address, h.field, placementText(p.network, h)])).toEqual([
      [['Console', 'Q1'], '10.0.0.10', 'console.address', 'Servers (by 10.0.0.0/16)'],
      [['Agent server 1'], '10.1.0.2', 'agents.0.address', 'Servers (by 10.1.0.0/16)'],
      [['Agent server 2'], 'agent2.example.com', 'agents.1.address', 'NAS (chosen by hand)'],
      [['Q1'], '10.2.0.2', 'devices.0.addresses.0', 'NAS (by 10.2.0.0/16)'],
    ]);
    expect(hostsInZone(hosts, 'nas').map((h) => h.address)).toEqual([
      'agent2.example.com',
      '10.2.0.2',
    ]);
    expect(hosts.map(canChooseZone)).toEqual([false, false, true, false]);
  });

  it('flags a host in no zone; a block of one zone only places nothing by hand', () => {
    const p = plan({ zones: [ZONES[1]!] });
    const { hosts } = networkHosts(p, catalog);
    const byAddress = new Map(hosts.map((h) => [h.address, h]));
    expect(placementText(p.network, byAddress.get('10.0.0.10')!)).toBe(
      'In no zone: no zone’s CIDR block holds it',
    );
    expect(placementText(p.network, byAddress.get('agent2.example.com')!)).toBe(
      'In no zone: known by name only',
    );
    expect(canChooseZone(byAddress.get('agent2.example.com')!)).toBe(true);
    const same = plan({ zones: [...ZONES, { id: 'twin', name: 'Twin', cidrs: ['10.2.0.0/16'] }] });
    const q1 = networkHosts(same, catalog).hosts.find((h) => h.address === '10.2.0.2')!;
    expect(placementText(same.network, q1)).toBe('In no zone: the same block is in NAS, Twin');
    expect(canChooseZone(q1)).toBe(false);
  });

  it('an invalid address is not placed', () => {
    const p = { ...plan({ zones: ZONES }), agents: [makeAgent(1, { address: '10.1.0.0/16' })] };
    const agent = networkHosts(p, catalog).hosts.find((h) => h.field === 'agents.0.address')!;
    expect(agent.placement).toBeNull();
    expect(placementText(p.network, agent)).toBe('Not placed: the address is not valid');
  });
});

describe('pathLines', () => {
  const core = {
    id: 'fw-1',
    name: 'Core',
    kind: 'panos' as const,
    interfaces: [
      { id: 'if-1', name: 'inside', zones: ['servers'] },
      { id: 'if-2', name: 'nas', zones: ['nas'] },
    ],
  };
  const lines = (p: Plan) => {
    const analysis = analyzeZones(p.network, resolvePlan(p, catalog).rules);
    return pathLines(p.network, analysis);
  };

  it('says which firewall each pair of zones crosses, or that none joins them', () => {
    const p = plan({ zones: ZONES, firewalls: [core] });
    expect(lines(p).map((l) => [l.pair, l.kind, l.text, l.choices.length])).toEqual([
      ['NAS → Servers', 'path', 'through Core (nas → inside)', 0],
      ['Servers → NAS', 'path', 'through Core (inside → nas)', 0],
    ]);
    expect(lines(plan({ zones: ZONES })).map((l) => [l.pair, l.kind, l.text])).toEqual([
      ['NAS → Servers', 'no-path', 'no path: no firewall joins these zones'],
      ['Servers → NAS', 'no-path', 'no path: no firewall joins these zones'],
    ]);
  });

  it('offers the paths to choose from where several join two zones; the chosen one is taken', () => {
    const twin = { ...core, id: 'fw-2', name: 'Twin' };
    const p = plan({ zones: ZONES, firewalls: [core, twin] });
    const [first] = lines(p);
    expect(first?.kind).toBe('ambiguous');
    expect(first?.choices.map((hops) => hopsText(p.network, hops))).toEqual([
      'Core (nas → inside)',
      'Twin (nas → inside)',
    ]);
    const chosen = plan({
      zones: ZONES,
      firewalls: [core, twin],
      preferredPaths: [{ from: 'servers', to: 'nas', firewalls: ['fw-2'] }],
    });
    expect(lines(chosen).map((l) => [l.pair, l.text, l.chosen, l.choices.length])).toEqual([
      ['NAS → Servers', 'through Twin (nas → inside) (chosen)', ['fw-2'], 2],
      ['Servers → NAS', 'through Twin (inside → nas) (chosen)', ['fw-2'], 2],
    ]);
  });
});
