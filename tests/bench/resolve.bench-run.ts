/**
 * Resolver benchmark: medians for small, medium and large plans, printed as a table.
 * Run with `npm run bench`. No assertion on time (machines differ); the target is a plan of
 * 50 agent servers and 500 devices well under 100 ms in Node.
 */
import { performance } from 'node:perf_hooks';

import { expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { Catalog } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';
import { buildHostViews } from '@/core/resolve/host-views';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { resolverCatalog } from '../fixtures/catalogs';
import { deviceEnvironmentIds, makePlan } from '../support/plan-builders';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function time(fn: () => void, runs: number): number[] {
  for (let i = 0; i < Math.min(5, runs); i += 1) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

it('resolver medians (small / medium / large plans)', () => {
  const bundled = getCatalog();
  // Until the bundled catalog has device environments, fall back to the test fixture.
  const catalog: Catalog =
    deviceEnvironmentIds(bundled, '10.0').length > 0 ? bundled : resolverCatalog;
  const sizes: { name: string; plan: Plan; runs: number }[] = [
    { name: 'small', plan: makePlan({ agents: 1, devices: 5, catalog }), runs: 200 },
    {
      name: 'medium',
      plan: makePlan({ agents: 10, devices: 100, catalog, integrations: true }),
      runs: 100,
    },
    {
      name: 'large',
      plan: makePlan({ agents: 50, devices: 500, catalog, integrations: true }),
      runs: 50,
    },
  ];
  const rows = sizes.map(({ name, plan, runs }) => {
    const resolution = resolvePlan(plan, catalog);
    expect(resolution.rules.length).toBeGreaterThan(0);
    const resolveMs = median(time(() => resolvePlan(plan, catalog), runs));
    const viewsMs = median(time(() => buildHostViews(resolvePlan(plan, catalog)), runs));
    return {
      plan: name,
      agents: plan.agents.length,
      devices: plan.devices.length,
      rules: resolution.rules.length,
      checks: resolution.checks.length,
      runs,
      'resolve median (ms)': Number(resolveMs.toFixed(2)),
      'resolve + host views median (ms)': Number(viewsMs.toFixed(2)),
    };
  });
  console.log(`\nResolver benchmark (catalog ${catalog.version}, Node ${process.version})`);
  console.table(rows);
});
