/**
 * The device cap (issue 18): every export of the largest plan a plan may hold, as the export
 * worker makes it (`runExport`: resolve, report, render), with its time, size and the process's
 * memory. `npm run bench -- cap` (2,000 devices); `BENCH_DEVICES=5000 npm run bench -- cap`;
 * `BENCH_EXPORTERS=pdf,xlsx` for some only. Prints a table; asserts only that each export made a
 * file or failed with a message (a failure is printed, not hidden).
 */
import { performance } from 'node:perf_hooks';

import { expect, it } from 'vitest';

import { EXPORTERS } from '@/core/exporters/registry';
import { runExport } from '@/core/exporters/run-export';

import { makePlan } from '../support/plan-builders';

const DEVICES = Number(process.env.BENCH_DEVICES) || 2000;
const ONLY = process.env.BENCH_EXPORTERS ? process.env.BENCH_EXPORTERS.split(',') : null;

function sizeOf(output: unknown): number {
  if (typeof output === 'string') return Buffer.byteLength(output);
  if (output instanceof Uint8Array) return output.byteLength;
  if (Array.isArray(output)) return output.reduce((n: number, part) => n + sizeOf(part), 0);
  return 0;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

it(`every export of a ${DEVICES}-device plan`, { timeout: 3_600_000 }, async () => {
  const plan = makePlan({ agents: 50, devices: DEVICES, integrations: true });
  const rows: Record<string, string>[] = [];
  for (const exporter of EXPORTERS) {
    if (ONLY && !ONLY.includes(exporter.id)) continue;
    const start = performance.now();
    let outcome: string;
    let size = '–';
    try {
      const result = await runExport({
        exporterId: exporter.id,
        plan,
        appUrl: 'https://planner.example/',
        generatedAt: '2026-12-01T00:00:00.000Z',
      });
      size = mb(sizeOf(result.output));
      outcome = 'file';
      expect(sizeOf(result.output)).toBeGreaterThan(0);
    } catch (error) {
      outcome = `failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 80);
    }
    const ms = performance.now() - start;
    rows.push({
      export: exporter.id,
      time: `${(ms / 1000).toFixed(1)} s`,
      size,
      rss: mb(process.memoryUsage().rss),
      outcome,
    });
    console.log(`${exporter.id}: ${(ms / 1000).toFixed(1)} s, ${size}, ${outcome}`);
  }
  console.log(`\n${DEVICES} devices, 50 agent servers, integrations on`);
  console.table(rows);
  expect(rows.length).toBeGreaterThan(0);
});
