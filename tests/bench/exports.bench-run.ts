/**
 * Export benchmark: report build and every registered exporter, medians for small, medium
 * and large plans. Run with `npm run bench`; prints a table, asserts only that output exists.
 * `BENCH_EXPORTERS=pdf npm run bench -- exports` times only the PDF (with its page count).
 * `BENCH_PLANS=one-platform` times instead the plans of issue 18: 50 agents and 100, 200 or 500
 * devices of one platform (Qumulo), and 500 devices of ten platforms with host agents (Linux,
 * Windows file servers, SharePoint). Every plan carries its own permalink, as in the app (a link of
 * up to 8,000 characters in every footer and the appendix; past that, the "too large" note).
 * `BENCH_RUNS=1`: one timed run per plan (after one warm-up), for a slow tree.
 */
import { performance } from 'node:perf_hooks';

import { expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { permalinkAt, planPermalink } from '@/core/exporters/export-permalink';
import { EXPORTERS } from '@/core/exporters/registry';
import { buildReport } from '@/core/report/build-report';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { makePlan } from '../support/plan-builders';

/** BENCH_EXPORTERS=pdf,csv: time only these exporters (ids of the registry). */
const ONLY = process.env.BENCH_EXPORTERS ? process.env.BENCH_EXPORTERS.split(',') : null;
/** BENCH_PLANS=one-platform: the plans of issue 18 instead of small / medium / large. */
const ONE_PLATFORM = process.env.BENCH_PLANS === 'one-platform';
/** BENCH_RUNS=n: n timed runs per plan instead of each plan's own number. */
const RUNS = Number(process.env.BENCH_RUNS) || null;
/** Ten platforms, three of them with an agent on the host itself (Linux, Windows, SharePoint). */
const TEN_PLATFORMS = [
  'linux',
  'windows-file-server',
  'sharepoint-onprem',
  'qumulo',
  'netapp-cmode',
  'dell-isilon',
  'nasuni',
  'sql-server',
  'active-directory',
  'cohesity',
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function time(fn: () => unknown, runs: number): Promise<number> {
  await fn(); // warm up (the PDF exporter loads its library on first use)
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

it('export medians (small / medium / large plans)', async () => {
  const catalog = getCatalog();
  const sizes = ONE_PLATFORM
    ? [
        ...[100, 200, 500].map((devices) => ({
          name: `qumulo ${devices}`,
          plan: makePlan({ agents: 50, devices, integrations: true }),
          runs: 3,
        })),
        {
          name: 'ten platforms 500',
          plan: makePlan({
            agents: 50,
            devices: 500,
            environments: TEN_PLATFORMS,
            integrations: true,
          }),
          runs: 3,
        },
      ]
    : [
        { name: 'small', plan: makePlan({ agents: 1, devices: 5, catalog }), runs: 20 },
        {
          name: 'medium',
          plan: makePlan({ agents: 10, devices: 100, catalog, integrations: true }),
          runs: 10,
        },
        {
          name: 'large',
          plan: makePlan({ agents: 50, devices: 500, catalog, integrations: true }),
          runs: 5,
        },
      ];
  const rows = [];
  for (const { name, plan, runs: planRuns } of sizes) {
    const runs = RUNS ?? planRuns;
    const resolution = resolvePlan(plan, catalog);
    const permalink = planPermalink(plan, catalog, (payload) =>
      permalinkAt('https://planner.example/', payload),
    );
    const input = { plan, resolution, catalog, permalink };
    const report = buildReport(input);
    const row: Record<string, number | string> = {
      plan: name,
      rules: resolution.rules.length,
      'link chars': permalink.length,
      'report (ms)': Number((await time(() => buildReport(input), runs)).toFixed(2)),
    };
    for (const exporter of EXPORTERS.filter((e) => ONLY === null || ONLY.includes(e.id))) {
      const output = await exporter.render(report);
      expect(output.length).toBeGreaterThan(0);
      if (exporter.id === 'pdf') {
        // Pages of the PDF: one "/Type /Page" object each (the page tree is "/Type /Pages").
        const text = new TextDecoder('latin1').decode(output as Uint8Array);
        row['pdf pages'] = [...text.matchAll(/\/Type\s*\/Page(?!s)/g)].length;
      }
      row[`${exporter.id} (ms)`] = Number(
        (await time(() => exporter.render(report), runs)).toFixed(1),
      );
    }
    rows.push(row);
  }
  console.log(`\nExport benchmark (catalog ${catalog.version}, Node ${process.version}), medians`);
  console.table(rows);
});
