/**
 * Zones benchmark (issue 16): the large plan (50 agent servers, 500 devices, integrations) in a
 * network of 50 zones and 20 firewalls, as `npm run bench -- zones` prints it. A core firewall
 * joins a transit zone to the console, integration and agent zones; 19 edge firewalls each join
 * the transit zone to two or three device zones (/28s), so a flow from an agent to a device
 * crosses two firewalls. Times the resolution (with its network checks), the review's zone view
 * (paths, per-firewall rule sets) and the "By firewall" rows; asserts only that every flow lands
 * on a firewall and that the analysis flags no address outside the zones, never a time.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

import { expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { Plan } from '@/core/plan/model';
import { reportZoneView } from '@/core/report/zones';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import { analyzeZones } from '@/core/zones/analyze';
import type { Firewall, Zone, ZoneModel } from '@/core/zones/model';

import { makePlan } from '../support/plan-builders';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function time(fn: () => void, runs: number): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** 50 zones, 20 firewalls around the addresses of makePlan (agents 10.1/16, devices 10.2/16). */
export function benchNetwork(): ZoneModel {
  const zones: Zone[] = [
    { id: 'z-transit', name: 'Transit', cidrs: ['10.255.0.0/24'] },
    { id: 'z-console', name: 'Console', cidrs: ['10.0.0.0/24'] },
    { id: 'z-integrations', name: 'Integrations', cidrs: ['10.9.0.0/24'] },
  ];
  // Agents 10.1.0.1-50: four /28 zones (.0/28 to .48/28).
  const agentZones = [0, 16, 32, 48].map((base, i) => ({
    id: `z-agents-${i + 1}`,
    name: `Agents ${i + 1}`,
    cidrs: [`10.1.0.${base}/28`],
  }));
  // Devices 10.2.0.2 to 10.2.2.1: sixteen /28 zones per /24, 32 in all.
  const deviceZones = [0, 1].flatMap((third) =>
    Array.from({ length: 16 }, (_, i) => ({
      id: `z-nas-${third}-${i + 1}`,
      name: `NAS ${third}.${i + 1}`,
      // The last also holds 10.2.2.0/28 (device 500 is 10.2.2.1).
      cidrs: [`10.2.${third}.${i * 16}/28`, ...(third === 1 && i === 15 ? ['10.2.2.0/28'] : [])],
    })),
  );
  // Eleven more zones with no host (other segments of the estate), IPv6 among them.
  const otherZones = Array.from({ length: 11 }, (_, i) => ({
    id: `z-other-${i + 1}`,
    name: `Segment ${i + 1}`,
    cidrs: [`10.${100 + i}.0.0/16`, `fd00:${i + 1}::/64`],
  }));
  zones.push(...agentZones, ...deviceZones, ...otherZones);

  const core: Firewall = {
    id: 'fw-core',
    name: 'Core',
    kind: 'panos',
    interfaces: [
      { id: 'core-transit', name: 'ethernet1/1', zones: ['z-transit'] },
      { id: 'core-console', name: 'ethernet1/2', zones: ['z-console'] },
      { id: 'core-integrations', name: 'ethernet1/3', zones: ['z-integrations'] },
      { id: 'core-agents', name: 'ethernet1/4', zones: agentZones.map((z) => z.id) },
    ],
  };
  const edgeZones = [...deviceZones, ...otherZones];
  const edges: Firewall[] = Array.from({ length: 19 }, (_, i) => ({
    id: `fw-edge-${i + 1}`,
    name: `Edge ${i + 1}`,
    kind: (['fortios', 'asa', 'nftables', 'panos'] as const)[i % 4] ?? 'other',
    interfaces: [
      { id: `edge-${i + 1}-up`, name: 'port1', zones: ['z-transit'] },
      ...edgeZones
        .filter((_, z) => z % 19 === i)
        .map((zone, k) => ({
          id: `edge-${i + 1}-${k + 2}`,
          name: `port${k + 2}`,
          zones: [zone.id],
        })),
    ],
  }));
  return { zones, firewalls: [core, ...edges], assignments: [], preferredPaths: [] };
}

it('zones medians: 50 zones, 20 firewalls, 500 devices', () => {
  const catalog = getCatalog();
  const base = makePlan({ agents: 50, devices: 500, integrations: true });
  const network = benchNetwork();
  const plan: Plan = { ...base, network };
  expect(network.zones).toHaveLength(50);
  expect(network.firewalls).toHaveLength(20);

  const resolution = resolvePlan(plan, catalog);
  const view = reportZoneView(network, resolution.rules);
  const crossing = view.analysis.flows.filter((f) => f.route.kind === 'path');
  expect(crossing.length).toBeGreaterThan(1000);
  expect(view.analysis.checks.filter((c) => c.code === 'address-no-zone')).toEqual([]);
  const firewallRules = view.analysis.ruleSets.reduce((n, s) => n + s.rules.length, 0);

  const runs = Number(process.env.BENCH_RUNS) || 20;
  const resolveMs = time(() => resolvePlan(plan, catalog), runs);
  const withoutNetworkMs = time(() => resolvePlan(base, catalog), runs);
  // A copy of the rules: the analysis made by resolvePlan is not reused (the first look).
  const analysisMs = time(() => analyzeZones(network, [...resolution.rules]), runs);
  // The review's zone view over the resolution's own rules (the analysis of resolvePlan reused).
  const viewMs = time(() => reportZoneView(network, resolution.rules), runs);
  const pathsMs = time(() => {
    for (const rule of resolution.rules) view.rulePaths(rule.id);
  }, runs);

  console.log(
    `\nZones benchmark (catalog ${catalog.version}, Node ${process.version}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  console.table([
    {
      zones: network.zones.length,
      firewalls: network.firewalls.length,
      devices: plan.devices.length,
      rules: resolution.rules.length,
      flows: view.analysis.flows.length,
      'firewall rules': firewallRules,
      runs,
      'resolve, no network (ms)': Number(withoutNetworkMs.toFixed(1)),
      'resolve with network (ms)': Number(resolveMs.toFixed(1)),
      'zone analysis (ms)': Number(analysisMs.toFixed(1)),
      'review zone view (ms)': Number(viewMs.toFixed(1)),
      'paths of every rule (ms)': Number(pathsMs.toFixed(1)),
    },
  ]);
});
