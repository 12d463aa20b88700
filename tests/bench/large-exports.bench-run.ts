/**
 * The exports that grow with the flows (issue 18), at the sizes of the device cap: time, size and
 * memory of the XLSX and the import CSV for 50 agents and 500, 2,000 or 5,000 devices
 * (`makePlan({ agents: 50, devices, integrations: true })`), each with its own permalink.
 *
 * `BENCH_DEVICES=2000 BENCH_EXPORTERS=xlsx npx vitest run --config vitest.bench.config.ts
 * large-exports --pool forks`: one plan size and one exporter per run keeps the peak RSS
 * (process.resourceUsage().maxRSS) that of this export alone. Prints one line per export; asserts
 * only that the export made a file or refused with a message. The time is the file's bytes ready:
 * render, and for a text the UTF-8 encoding the export worker does.
 */
import { performance } from 'node:perf_hooks';

import { expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { permalinkAt, planPermalink } from '@/core/exporters/export-permalink';
import { EXPORTERS } from '@/core/exporters/registry';
import { buildReport } from '@/core/report/build-report';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { makePlan } from '../support/plan-builders';

const DEVICES = (process.env.BENCH_DEVICES ?? '500').split(',').map(Number);
const ONLY = (process.env.BENCH_EXPORTERS ?? 'xlsx').split(',');
const MB = 1024 * 1024;

function outputBytes(output: unknown): number {
  if (typeof output === 'string') return Buffer.byteLength(output);
  if (output instanceof Uint8Array) return output.byteLength;
  if (Array.isArray(output))
    return output.reduce((sum: number, part) => sum + outputBytes(part), 0);
  return Number.NaN;
}

it(
  'large exports: time, size, memory',
  async () => {
    const catalog = getCatalog();
    for (const devices of DEVICES) {
      const plan = makePlan({ agents: 50, devices, catalog, integrations: true });
      const resolution = resolvePlan(plan, catalog);
      const permalink = planPermalink(plan, catalog, (payload) =>
        permalinkAt('https://planner.example/', payload),
      );
      const report = buildReport({ plan, resolution, catalog, permalink });
      for (const exporter of EXPORTERS.filter((e) => ONLY.includes(e.id))) {
        const rssBefore = process.memoryUsage().rss;
        const peakBefore = process.resourceUsage().maxRSS / 1024;
        const start = performance.now();
        let result: string;
        try {
          const output = await exporter.render(report);
          // A text is encoded to UTF-8 as the export worker does before it hands the file over.
          const file = typeof output === 'string' ? new TextEncoder().encode(output) : output;
          const bytes = outputBytes(file);
          expect(bytes).toBeGreaterThan(0);
          result = `${(bytes / MB).toFixed(1)} MB`;
        } catch (error) {
          result = `failed: ${String(error)}`;
        }
        const seconds = (performance.now() - start) / 1000;
        console.log(
          `${exporter.id} ${devices} devices (${report.flows.flows.length} flows): ${seconds.toFixed(1)} s, ${result}, ` +
            `RSS before ${(rssBefore / MB).toFixed(0)} MB (peak so far ${peakBefore.toFixed(0)} MB), after ${(process.memoryUsage().rss / MB).toFixed(0)} MB, ` +
            `peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
        );
      }
    }
  },
  30 * 60_000,
);
