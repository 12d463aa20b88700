/**
 * The import CSV (issue 14): one row per atomic flow, nothing but data rows, metadata in columns,
 * formula-safe; parsed back with a CSV library it gives exactly the resolver's flows.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { permalinkAt, planPermalink } from '@/core/exporters/export-permalink';
import {
  IMPORT_CSV_COLUMNS,
  IMPORT_STATUS_SEE_FIRST_ROW,
  importCsvBytes,
  importCsvExporter,
  importPlanStatus,
  renderImportCsv,
  utf8Length,
} from '@/core/exporters/import-csv-exporter';
import { buildReport } from '@/core/report/build-report';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import { validateAddress } from '@/core/validate/validate-address';

import { exportCatalog } from '../../../fixtures/catalogs';
import {
  draftResolution,
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
  HOSTILE_NAMES,
} from '../../../fixtures/resolution-fixture';
import { makeDevice, makePlan } from '../../../support/plan-builders';

function parse(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<Record<string, string>>(csv.slice(1), {
    header: true,
    skipEmptyLines: true,
  });
  expect(result.errors).toEqual([]);
  expect(result.meta.fields).toEqual([...IMPORT_CSV_COLUMNS]);
  return result.data;
}

function report(resolution = fixtureResolution(), names = undefined as never) {
  return buildReport({
    plan: fixturePlan(names),
    resolution,
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
  });
}

describe('import CSV', () => {
  it('has one row per source address × destination address × port range of each ready rule', () => {
    const r = report();
    const rows = parse(renderImportCsv(r));
    const expected = fixtureResolution().rules.flatMap((rule) => {
      const src = rule.source.hosts.filter((h) => h.address && !h.invalid);
      const dst = rule.destination.hosts.filter((h) => h.address && !h.invalid);
      return src.flatMap((s) =>
        dst.flatMap((d) =>
          rule.ports.map((p) => [
            rule.id,
            s.address,
            d.address,
            rule.transport,
            p.from === p.to ? String(p.from) : `${p.from}-${p.to}`,
          ]),
        ),
      );
    });
    // The fixture's cloud rule reaches FQDNs: each is a flow, like any address.
    expect(expected.some((e) => e[2] === 'login.microsoftonline.com')).toBe(true);
    const importable = expected;
    expect(
      rows.map((row) => [
        row.Rule,
        row['Source address'],
        row['Destination address'],
        row.Protocol,
        row.Ports,
      ]),
    ).toEqual(importable);
    expect(rows.length).toBeGreaterThan(fixtureResolution().rules.length);
  });

  it('writes the plan metadata into every row, the permalink into the first, and no row that is not a flow', () => {
    const rows = parse(renderImportCsv(report()));
    expect(rows.length).toBeGreaterThan(1);
    for (const [i, row] of rows.entries()) {
      expect(row.Rule).toMatch(/^R\d{2,}$/);
      expect(row.Plan).toBe('Contoso HQ');
      expect(row.Catalog).toBe('2026.11.0-fixture');
      expect(row['Docs revision']).toBe('netwrix/docs@c0ffee42');
      expect(row.Date).toBe('2026-11-25');
      expect(row.Permalink).toBe(i === 0 ? FIXTURE_PERMALINK : '');
      expect(row['Source zone']).toBe('');
      expect(row['Destination zone']).toBe('');
    }
  });

  it('says in the first row which rules it leaves out and why, and stamps a draft in every row', () => {
    const r = report(draftResolution());
    const rows = parse(renderImportCsv(r));
    const status = importPlanStatus(r);
    expect(status).toBe(
      'DRAFT — 3 plan errors: fix them before filing. Without their hosts whose address is missing or invalid: R01, R08.',
    );
    expect(rows[0]?.['Plan status']).toBe(status);
    for (const row of rows.slice(1)) {
      expect(row['Plan status']).toBe(
        `DRAFT — 3 plan errors: fix them before filing. ${IMPORT_STATUS_SEE_FIRST_ROW}`,
      );
    }
    for (const row of rows) {
      expect(row['Source address']).not.toBe('');
      expect(row['Destination address']).not.toBe('');
    }
    expect(importPlanStatus(report())).toMatch(/^Ready\. /);
  });

  it('says Ready alone in the rows after the first when the file leaves nothing out', () => {
    const catalog = getCatalog();
    const plan = makePlan({ agents: 1, devices: 2, catalog });
    const r = buildReport({
      plan,
      resolution: resolvePlan(plan, catalog),
      catalog,
      permalink: 'L',
    });
    expect(importPlanStatus(r)).toBe('Ready.');
    const rows = parse(renderImportCsv(r));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.map((row) => row['Plan status'])).toEqual(rows.map(() => 'Ready.'));
    expect(rows.map((row) => row.Permalink)).toEqual(rows.map((_, i) => (i === 0 ? 'L' : '')));
  });

  it('grows in proportion to the plan: 10 times the devices, well under 15 times the bytes', () => {
    // Issue 18: the plan's status and permalink, which grow with the plan, were repeated on every
    // flow (rows × link length): 500 devices gave 143 MB, 21.7 times the 50-device file.
    const catalog = getCatalog();
    const bytes = (devices: number) => {
      const plan = makePlan({ agents: 50, devices, catalog, integrations: true });
      const permalink = planPermalink(plan, catalog, (payload) =>
        permalinkAt('https://planner.example/', payload),
      );
      const r = buildReport({ plan, resolution: resolvePlan(plan, catalog), catalog, permalink });
      return { flows: r.flows.flows.length, bytes: renderImportCsv(r).length, permalink };
    };
    const small = bytes(50);
    const large = bytes(500);
    // The link itself grows with the plan (so the old output was quadratic).
    expect(large.permalink.length).toBeGreaterThan(4 * small.permalink.length);
    expect(large.bytes / small.bytes).toBeLessThan(15);
    // Bytes per flow stay about the same (the link once, not once per flow).
    expect(large.bytes / large.flows).toBeLessThan(1.5 * (small.bytes / small.flows));
  });

  it('leaves out every flow of a rule that is not ready, and says so', () => {
    const base = fixtureResolution();
    const resolution = {
      ...base,
      rules: base.rules.map((rule, i) =>
        i === 1 ? { ...rule, problems: [{ message: 'Agent port: "70000" is not a port' }] } : rule,
      ),
    };
    const r = report(resolution);
    const rows = parse(renderImportCsv(r));
    expect(rows.some((row) => row.Rule === 'R02')).toBe(false);
    expect(rows.some((row) => row.Rule === 'R01')).toBe(true);
    expect(importPlanStatus(r)).toContain('Not in this file (not ready): R02.');
  });

  it('keeps hostile names as text: no formula, every row the same width', () => {
    const csv = renderImportCsv(
      report(fixtureResolution(HOSTILE_NAMES as never), HOSTILE_NAMES as never),
    );
    const rows = parse(csv);
    for (const row of rows) {
      for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('matches its golden files (sample and hostile plans)', async () => {
    await expect(renderImportCsv(report())).toMatchFileSnapshot('../../../golden/rules-import.csv');
    await expect(
      renderImportCsv(report(fixtureResolution(HOSTILE_NAMES as never), HOSTILE_NAMES as never)),
    ).toMatchFileSnapshot('../../../golden/hostile-rules-import.csv');
  });

  it('with the real catalog: every address written is one the plan validators accept', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.boolean(), (devices, linux) => {
        const catalog = getCatalog();
        const plan = makePlan({ agents: 2, devices, catalog, integrations: true });
        if (linux) plan.devices.push(makeDevice('linux', 99, { agentId: '' }));
        const r = buildReport({
          plan,
          resolution: resolvePlan(plan, catalog),
          catalog,
          permalink: '',
        });
        // A Microsoft cloud destination is one of the catalog's FQDNs (a wildcard kept as such).
        const fqdns = new Set(catalog.cloudEndpoints.map((e) => e.fqdn));
        for (const row of parse(renderImportCsv(r))) {
          expect(validateAddress(row['Source address'] ?? '', { allowCidr: true })).toBeNull();
          const destination = row['Destination address'] ?? '';
          if (!fqdns.has(destination))
            expect(validateAddress(destination, { allowCidr: true })).toBeNull();
          expect(row.Ports).toMatch(/^\d{1,5}(-\d{1,5})?$/);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('is written as UTF-8 parts, never one string: the same bytes as the text encoded', async () => {
    // The decoder keeps the BOM, which is part of the file.
    const decode = (bytes: Uint8Array) =>
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const encoded = (r: ReturnType<typeof report>) => new TextEncoder().encode(renderImportCsv(r));
    const empty = report({ rules: [], checks: [] });
    for (const r of [report(), report(draftResolution()), empty]) {
      for (const perPart of [1, 2, 3, 10_000]) {
        expect(Buffer.from(importCsvBytes(r, perPart)).equals(Buffer.from(encoded(r)))).toBe(true);
      }
    }
    const output = await importCsvExporter.render(report());
    expect(output).toBeInstanceOf(Uint8Array);
    expect(decode(output as Uint8Array)).toBe(renderImportCsv(report()));
    const text = fc.string({ unit: 'binary', maxLength: 30 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 1, max: 5 }), (agent1, filer, perPart) => {
        const names = { ...HOSTILE_NAMES, agent1, filer };
        const r = report(fixtureResolution(names as never), names as never);
        expect(Buffer.from(importCsvBytes(r, perPart)).equals(Buffer.from(encoded(r)))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('utf8Length counts what TextEncoder writes, lone surrogates included', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('\ud83d\ude00', '\ud800', '\udc00', 'é', '東'),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
      }),
      { numRuns: 500 },
    );
  });
});
