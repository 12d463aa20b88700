/**
 * The XLSX workbook opens in LibreOffice Calc: its Rules sheet, converted to CSV, holds the same
 * rows as the import CSV (the cells as the workbook holds them: line breaks as LF), and Calc
 * keeps both filters and writes no formula when it saves the workbook again. Runs where
 * LibreOffice is installed (.ci/run installs libreoffice-calc-nogui); skipped, and said so,
 * elsewhere.
 *
 * Calc run headless keeps no view, so the frozen header does not survive its round trip whatever
 * wrote the file; xlsx.test.ts checks the pane in the workbook's XML.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';

import { IMPORT_CSV_COLUMNS, renderImportCsv } from '@/core/exporters/import-csv-exporter';
import { renderXlsx, xlsxCellText } from '@/core/exporters/xlsx-exporter';
import { buildReport } from '@/core/report/build-report';
import {
  FIREWALL_OBJECT_COLUMNS,
  FIREWALL_RULE_COLUMNS,
  firewallObjectRows,
  firewallRuleRows,
} from '@/core/report/firewall-cells';

import { exportCatalog } from '../../../fixtures/catalogs';
import {
  DEFAULT_NAMES,
  draftResolution,
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixturePlan,
  HOSTILE_NAMES,
} from '../../../fixtures/resolution-fixture';
import { fixtureZoneModel } from '../../../fixtures/zones-fixture';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const SKIP_REASON = 'LibreOffice is not installed (apt-get install libreoffice-calc-nogui)';

const PLANS = { sample: DEFAULT_NAMES, hostile: HOSTILE_NAMES };

function report(names: typeof DEFAULT_NAMES) {
  return buildReport({
    plan: fixturePlan(names),
    resolution: draftResolution(names),
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
  });
}

function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

function soffice(dir: string, convertTo: string, outdir: string, files: string[]) {
  execFileSync(
    SOFFICE as string,
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      convertTo,
      '--outdir',
      outdir,
      ...files,
    ],
    { timeout: 120_000, stdio: 'ignore' },
  );
}

if (!SOFFICE) {
  // Say why in the run's output, not only as a skipped test.
  console.warn(`xlsx-libreoffice.test.ts skipped: ${SKIP_REASON}`);
}

describe.skipIf(!SOFFICE)('XLSX in LibreOffice Calc', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xlsx-lo-'));
  const files = Object.keys(PLANS).map((name) => join(dir, `${name}.xlsx`));

  beforeAll(async () => {
    for (const [name, names] of Object.entries(PLANS)) {
      writeFileSync(join(dir, `${name}.xlsx`), await renderXlsx(report(names)));
    }
  });

  it('converts the Rules sheet to the import CSV rows', () => {
    // UTF-8, comma, quote; the last token (-1) writes every sheet, as <file>-<sheet>.csv.
    soffice(
      dir,
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      join(dir, 'csv'),
      files,
    );
    for (const [name, names] of Object.entries(PLANS)) {
      const calc = parseCsv(readFileSync(join(dir, 'csv', `${name}-Rules.csv`), 'utf8'));
      const csv = parseCsv(renderImportCsv(report(names)));
      // The import CSV's cells are already guarded: xlsxCellText only turns CR LF into LF.
      expect(calc).toEqual(csv.map((row) => row.map(xlsxCellText)));
      expect(calc.length).toBe(report(names).flows.flows.length + 1);
      const about = parseCsv(readFileSync(join(dir, 'csv', `${name}-About.csv`), 'utf8'));
      // Calc writes every row as wide as the sheet.
      expect(about.map((row) => row.slice(0, 2))).toContainEqual(['Permalink', FIXTURE_PERMALINK]);
      const hosts = parseCsv(readFileSync(join(dir, 'csv', `${name}-Hosts.csv`), 'utf8'));
      expect(hosts[0]?.slice(0, 5)).toEqual([
        'Host',
        'Host address',
        'Host OS',
        'Host roles',
        'Direction',
      ]);
    }
    const hostile = readFileSync(join(dir, 'csv', 'hostile-Rules.csv'), 'utf8');
    expect(hostile).toContain('"\'=HYPERLINK(""http://x"")|pipe\'quote"');
  }, 300_000);

  it('keeps the filters and writes no formula when Calc saves the workbook', () => {
    soffice(dir, 'xlsx', join(dir, 'xlsx'), files);
    for (const name of Object.keys(PLANS)) {
      const saved = unzipSync(readFileSync(join(dir, 'xlsx', `${name}.xlsx`)));
      const text = (path: string) => strFromU8(saved[path] ?? new Uint8Array());
      const flows = report(PLANS[name as keyof typeof PLANS]).flows.flows.length;
      expect(text('xl/worksheets/sheet1.xml')).toContain(
        `<autoFilter ref="A1:${String.fromCharCode(64 + IMPORT_CSV_COLUMNS.length)}${flows + 1}"`,
      );
      expect(text('xl/worksheets/sheet3.xml')).toMatch(/<autoFilter ref="A1:L\d+"/);
      for (const sheet of ['sheet1', 'sheet2', 'sheet3']) {
        expect(text(`xl/worksheets/${sheet}.xml`)).toContain('<row');
        expect(text(`xl/worksheets/${sheet}.xml`)).not.toMatch(/<f[\s>/]/);
      }
      expect(text('xl/workbook.xml')).toMatch(/_xlnm\._FilterDatabase/);
    }
  }, 300_000);

  it("reads a zoned plan's Firewalls and Firewall objects sheets as the sheets hold them", async () => {
    const zoned = buildReport({
      plan: fixturePlan(),
      resolution: draftResolution(),
      catalog: exportCatalog,
      permalink: FIXTURE_PERMALINK,
      generatedAt: FIXTURE_DATE,
      zones: fixtureZoneModel(),
    });
    const file = join(dir, 'zoned.xlsx');
    writeFileSync(file, await renderXlsx(zoned));
    soffice(
      dir,
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      join(dir, 'zoned-csv'),
      [file],
    );
    const read = (sheet: string) =>
      parseCsv(readFileSync(join(dir, 'zoned-csv', `zoned-${sheet}.csv`), 'utf8'));
    const expected = (header: readonly string[], rows: string[][]) =>
      [[...header], ...rows].map((row) => row.map(xlsxCellText));
    expect(read('Firewalls')).toEqual(
      expected(FIREWALL_RULE_COLUMNS, firewallRuleRows(zoned.zones!)),
    );
    expect(read('Firewall objects')).toEqual(
      expected(FIREWALL_OBJECT_COLUMNS, firewallObjectRows(zoned.zones!)),
    );
    const rules = read('Rules');
    const zone = rules[0]?.indexOf('Destination zone') ?? -1;
    expect(rules.slice(1).map((row) => row[zone])).toContain('Internet');
  }, 300_000);
});
