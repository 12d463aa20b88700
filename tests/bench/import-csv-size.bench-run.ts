/**
 * Bytes of the import CSV (and the other text exports) for 5, 50 and 500 devices (50 agents,
 * integrations; the plan of the browser benchmark's "large" plan at 500), each with its own
 * permalink as in the app. `npx vitest run --config vitest.bench.config.ts tests/bench/import-csv-size`
 */
import { it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { permalinkAt, planPermalink } from '@/core/exporters/export-permalink';
import { EXPORTERS } from '@/core/exporters/registry';
import { buildReport } from '@/core/report/build-report';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { makePlan } from '../support/plan-builders';

const ONLY = (process.env.BENCH_EXPORTERS ?? 'import-csv,csv,xlsx').split(',');

it('export sizes by device count', async () => {
  const catalog = getCatalog();
  const rows = [];
  for (const devices of (process.env.BENCH_DEVICES ?? '5,50,500').split(',').map(Number)) {
    const plan = makePlan({ agents: 50, devices, catalog, integrations: true });
    const resolution = resolvePlan(plan, catalog);
    const permalink = planPermalink(plan, catalog, (payload) =>
      permalinkAt('https://planner.example/', payload),
    );
    const report = buildReport({ plan, resolution, catalog, permalink });
    const row: Record<string, number | string> = {
      devices,
      rules: resolution.rules.length,
      flows: report.flows.flows.length,
      'link chars': permalink.length,
    };
    for (const exporter of EXPORTERS.filter((e) => ONLY.includes(e.id))) {
      const output = await exporter.render(report);
      row[`${exporter.id} bytes`] =
        typeof output === 'string' ? new TextEncoder().encode(output).length : output.byteLength;
    }
    rows.push(row);
  }
  console.table(rows);
});
