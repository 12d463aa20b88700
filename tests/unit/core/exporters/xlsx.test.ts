/**
 * The XLSX workbook (issue 14): read back with read-excel-file (the reading half of the library
 * that writes it) for the cells, and from its XML (fflate) for what a reader of values does not
 * tell: the frozen header, the filter, column widths, and that every cell is a string cell, never
 * a formula.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it, vi } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { IMPORT_CSV_COLUMNS, importCsvRows } from '@/core/exporters/import-csv-exporter';
import { EXPORTERS } from '@/core/exporters/registry';
import { startsWithFormulaTrigger } from '@/core/exporters/text-safety';
import {
  cellAddress,
  columnWidths,
  HOSTS_COLUMNS,
  renderXlsx,
  workbookSheets,
  xlsxCellText,
  xlsxExporter,
} from '@/core/exporters/xlsx-exporter';
import { buildReport } from '@/core/report/build-report';
import { hostRuleCells } from '@/core/report/host-rule-cells';
import type { Report, ReportHostRule } from '@/core/report/model';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { exportCatalog } from '../../../fixtures/catalogs';
import type { FixtureNames } from '../../../fixtures/resolution-fixture';
import {
  DEFAULT_NAMES,
  draftResolution,
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
  HOSTILE_NAMES,
} from '../../../fixtures/resolution-fixture';
import { makeDevice, makePlan } from '../../../support/plan-builders';

/** The Rules sheet's last column letter (one per import CSV column; fewer than 27). */
const LAST_COLUMN = String.fromCharCode(64 + IMPORT_CSV_COLUMNS.length);

function report(names: FixtureNames = DEFAULT_NAMES, resolution = fixtureResolution(names)) {
  return buildReport({
    plan: fixturePlan(names),
    resolution,
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
  });
}

/** The sheets as read-excel-file gives them, empty cells as ''. */
async function readBack(bytes: Uint8Array): Promise<{ sheet: string; data: string[][] }[]> {
  const sheets = await readXlsxFile(Buffer.from(bytes), { trim: false });
  return sheets.map(({ sheet, data }) => ({
    sheet,
    data: data.map((row) =>
      row.map((cell) => {
        if (cell !== null && typeof cell !== 'string') {
          throw new Error(`a cell that is not text: ${JSON.stringify(cell)}`);
        }
        return cell ?? '';
      }),
    ),
  }));
}

function withoutTrailingEmpty(row: readonly string[]): string[] {
  const cells = [...row];
  while (cells.at(-1) === '') cells.pop();
  return cells;
}

function xmlFiles(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

const SHEET_FILES = [
  'xl/worksheets/sheet1.xml',
  'xl/worksheets/sheet2.xml',
  'xl/worksheets/sheet3.xml',
];

/** Every cell element of a sheet's XML. */
function cells(xml: string): string[] {
  return [...xml.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)].map((m) => m[0]);
}

/** No formula anywhere, and every cell with a value a shared string (t="s"). */
function expectOnlyStringCells(files: Record<string, string>) {
  for (const name of SHEET_FILES) {
    const xml = files[name] ?? '';
    expect(xml, name).toContain('<sheetData>');
    expect(xml, name).not.toMatch(/<f[\s>/]/);
    for (const cell of cells(xml)) {
      if (cell.endsWith('/>')) continue; // an empty cell (its Text style only)
      expect(cell, name).toMatch(/^<c\b[^>]*\bt="s"/);
    }
  }
}

describe('XLSX workbook', () => {
  it('is a registered download after the import CSV', () => {
    const ids = EXPORTERS.map((e) => e.id);
    expect(ids.indexOf('xlsx')).toBe(ids.indexOf('import-csv') + 1);
    expect(xlsxExporter.label).toBe('Download XLSX');
    expect(xlsxExporter.fileName(report())).toBe('contoso-hq-firewall-rules.xlsx');
    expect(xlsxExporter.mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('gives the same bytes for the same report whatever the clock says (entries dated the report date)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-05-06T07:08:09Z'));
      const first = await renderXlsx(report());
      vi.setSystemTime(new Date('2031-01-02T23:59:58Z'));
      const second = await renderXlsx(report());
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
      expect(Object.keys(unzipSync(first))).toEqual(Object.keys(unzipSync(second)));
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads back as three sheets: Rules (the import CSV rows), About, Hosts', async () => {
    const r = report();
    const sheets = await readBack(await renderXlsx(r));
    expect(sheets.map((s) => s.sheet)).toEqual(['Rules', 'About', 'Hosts']);
    const [rules, , hosts] = sheets.map((s) => s.data);
    expect(rules?.[0]).toEqual([...IMPORT_CSV_COLUMNS]);
    expect(rules?.length).toBe(r.flows.flows.length + 1);
    expect(r.flows.flows.length).toBeGreaterThan(r.rules.length);
    expect(rules?.slice(1)).toEqual(importCsvRows(r));
    expect(hosts?.[0]).toEqual([...HOSTS_COLUMNS]);
  });

  it('freezes the header row, filters each table and sizes the columns', async () => {
    const r = report();
    const files = xmlFiles(await renderXlsx(r));
    const rules = files['xl/worksheets/sheet1.xml'] ?? '';
    const hosts = files['xl/worksheets/sheet3.xml'] ?? '';
    const about = files['xl/worksheets/sheet2.xml'] ?? '';
    const hostRows = r.hosts.reduce((n, h) => n + h.inbound.length + h.outbound.length, 0);
    for (const [xml, ref] of [
      [rules, `A1:${LAST_COLUMN}${r.flows.flows.length + 1}`],
      [hosts, `A1:L${hostRows + 1}`],
    ] as const) {
      expect(xml).toMatch(/<pane\b[^>]*\bySplit="1"[^>]*\bstate="frozen"/);
      expect(xml).toMatch(/<pane\b[^>]*\btopLeftCell="A2"/);
      expect(xml).toContain(`<autoFilter ref="${ref}"/>`);
      // The schema order: the filter after the cells.
      expect(xml.indexOf('<autoFilter')).toBeGreaterThan(xml.indexOf('</sheetData>'));
    }
    expect(about).not.toContain('<pane');
    expect(about).not.toContain('<autoFilter');
    expect(files['xl/workbook.xml']).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Rules'!$A$1:$${LAST_COLUMN}$${r.flows.flows.length + 1}</definedName>`,
    );
    expect(files['xl/workbook.xml']).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">'Hosts'!$A$1:$L$${hostRows + 1}</definedName>`,
    );
    const widths = [...rules.matchAll(/<col min="(\d+)" max="\d+" width="(\d+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(widths).toHaveLength(IMPORT_CSV_COLUMNS.length);
    const width = (column: string) =>
      widths[IMPORT_CSV_COLUMNS.indexOf(column as (typeof IMPORT_CSV_COLUMNS)[number])]?.[1];
    expect(width('Rule')).toBe(8);
    expect(width('Source address')).toBeGreaterThanOrEqual('agent-nyc.corp.example.com'.length);
    expect(width('Permalink')).toBe(60);
  });

  it('writes every cell as a string cell formatted as Text, no formula anywhere', async () => {
    const files = xmlFiles(await renderXlsx(report(HOSTILE_NAMES)));
    expectOnlyStringCells(files);
    // Every cell uses a style whose number format is Text ("@"), header rows bold.
    const styles = files['xl/styles.xml'] ?? '';
    const textFormat = /<numFmt numFmtId="(\d+)" formatCode="@"\/>/.exec(styles)?.[1];
    expect(textFormat).toBeDefined();
    const xfs = [...styles.matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
    for (const name of SHEET_FILES) {
      for (const cell of cells(files[name] ?? '')) {
        const style = Number(/\bs="(\d+)"/.exec(cell)?.[1] ?? '0');
        expect(xfs[style]).toContain(`numFmtId="${textFormat}"`);
      }
    }
  });

  it('keeps hostile names as text, with the CSV formula guard', async () => {
    const r = report(HOSTILE_NAMES, draftResolution(HOSTILE_NAMES));
    const sheets = await readBack(await renderXlsx(r));
    const all = sheets.flatMap((s) => s.data.flat());
    for (const cell of all) expect(startsWithFormulaTrigger(cell)).toBe(false);
    expect(all).toContain('\'=HYPERLINK("http://x")|pipe\'quote');
    expect(all.some((c) => c.startsWith("'+FS01\t@SUM(1,1)"))).toBe(true);
    expect(all.some((c) => c.startsWith("'-Isilon\\|lab\\"))).toBe(true);
    expect(all.some((c) => c.includes('Agent\nLine2'))).toBe(true);
    expect(all.some((c) => c.includes('<script>alert(1)</script>'))).toBe(true);
    expect(all.some((c) => c.includes('東京 SIEM Łódź Zürich'))).toBe(true);
  });

  it.each([
    'constructor',
    'valueOf',
    '__proto__',
    'toString',
    'hasOwnProperty',
    '\ue000valueOf',
    '\ue000',
  ])('a host named %j reads back as named (not an empty, invalid cell)', async (name) => {
    const names = { ...DEFAULT_NAMES, agent1: name, filer: `${name} ` };
    const r = report(names);
    const sheets = await readBack(await renderXlsx(r));
    const expected = workbookSheets(r);
    sheets.forEach((sheet, i) => {
      expect(sheet.data.map(withoutTrailingEmpty)).toEqual(
        (expected[i]?.rows ?? []).map(withoutTrailingEmpty),
      );
    });
    expect(sheets[2]?.data.some((row) => row.includes(name))).toBe(true);
  });

  it('property: any name stays inert text, as xlsxCellText says', async () => {
    const trigger = fc.constantFrom(
      '',
      '=',
      '+',
      '-',
      '@',
      '\t',
      '\r',
      '\n',
      '\0',
      '\u0001=',
      '＝',
    );
    const hostile = fc.oneof(
      fc.tuple(trigger, fc.string({ unit: 'binary', maxLength: 40 })).map(([t, s]) => t + s),
      // What a plain-object lookup in the writer would trip on.
      fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype), '\ue000toString'),
    );
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, async (planName, agent1, filer) => {
        const names = { ...DEFAULT_NAMES, planName, agent1, filer };
        const r = report(names);
        const bytes = await renderXlsx(r);
        expectOnlyStringCells(xmlFiles(bytes));
        const sheets = await readBack(bytes);
        const expected = workbookSheets(r);
        sheets.forEach((sheet, i) => {
          const rows = expected[i]?.rows ?? [];
          // Trailing empty cells are not written; compare the cells that are.
          expect(sheet.data.map(withoutTrailingEmpty)).toEqual(rows.map(withoutTrailingEmpty));
          for (const cell of sheet.data.flat()) expect(startsWithFormulaTrigger(cell)).toBe(false);
        });
        expect(sheets[0]?.data[1]?.[IMPORT_CSV_COLUMNS.indexOf('Plan')]).toBe(
          xlsxCellText(planName),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('tells on the About sheet the plan, its sources, its status and its checks', async () => {
    const r = report(DEFAULT_NAMES, draftResolution());
    const [, about] = await readBack(await renderXlsx(r));
    const rows = about?.data ?? [];
    const value = (label: string) => rows.find((row) => row[0] === label)?.[1];
    expect(value('Plan')).toBe('Contoso HQ');
    expect(value('Plan status')).toMatch(/^DRAFT — 3 plan errors: fix them before filing\. /);
    expect(value('Activity Monitor version')).toBe(r.meta.amVersion);
    expect(value('Catalog')).toBe('2026.11.0-fixture');
    expect(value('Docs revision')).toBe('netwrix/docs@c0ffee42');
    expect(value('Date')).toBe('2026-11-25');
    expect(value('Permalink')).toBe(FIXTURE_PERMALINK);
    expect(value('Rules')).toBe(String(r.rules.length));
    const header = rows.findIndex((row) => row.join('|') === 'Severity|Message|Field');
    expect(rows[header - 1]?.[0]).toBe(`Plan checks (${r.checks.length})`);
    expect(rows.slice(header + 1).map((row) => row.slice(0, 3))).toEqual(
      r.checks.map((c) => [c.severity, c.message, c.field]),
    );
    expect(r.checks.some((c) => c.severity === 'error')).toBe(true);

    const [, clean] = await readBack(
      await renderXlsx(report(DEFAULT_NAMES, { ...fixtureResolution(), checks: [] })),
    );
    expect(clean?.data.at(-1)).toEqual(['Plan checks', 'None: the plan passes every check.']);
  });

  it('lists on the Hosts sheet every host with its inbound and outbound rules', async () => {
    const r = report();
    const [, , hosts] = await readBack(await renderXlsx(r));
    const rows = hosts?.data.slice(1) ?? [];
    const col = (name: (typeof HOSTS_COLUMNS)[number]) => HOSTS_COLUMNS.indexOf(name);
    // A host of several addresses is one host per address, under the same name.
    expect(new Set(r.hosts.map((h) => h.label)).size).toBeLessThan(r.hosts.length);
    for (const host of r.hosts) {
      const mine = rows.filter(
        (row) =>
          row[0] === host.label && row[1] === (host.address ? host.address : '(address missing)'),
      );
      const ids = (direction: string) =>
        mine.filter((row) => row[col('Direction')] === direction).map((row) => row[col('Rule')]);
      expect(ids('Inbound')).toEqual(host.inbound.map((rule) => rule.ruleId));
      expect(ids('Outbound')).toEqual(host.outbound.map((rule) => rule.ruleId));
      for (const row of mine) expect(row[col('Host roles')]).toBe(host.roleNames.join(', '));
    }
    const agent = rows.find((row) => row[0] === 'Agent NYC');
    expect(agent?.[col('Host OS')]).toBe('Windows');
    expect(rows.find((row) => row[0] === 'Agent LON')?.[1]).toBe('(address missing)');
    expect(agent?.slice(col('Rule'))).toEqual(
      hostRuleCells(r.hosts.find((h) => h.label === 'Agent NYC')?.inbound[0] as ReportHostRule),
    );
  });

  it('with the real catalog: every rule ID is in the workbook, every flow a Rules row', async () => {
    const catalog = getCatalog();
    const plan = makePlan({ agents: 2, devices: 24, catalog, integrations: true });
    plan.devices.push(makeDevice('linux', 90, { agentId: '' }));
    const r: Report = buildReport({
      plan,
      resolution: resolvePlan(plan, catalog),
      catalog,
      permalink: 'https://x.example/#/open/3.a.b',
    });
    const [rules, , hosts] = await readBack(await renderXlsx(r));
    expect(rules?.data.length).toBe(r.flows.flows.length + 1);
    const ids = new Set([...(rules?.data ?? []), ...(hosts?.data ?? [])].flat());
    for (const rule of r.rules) expect(ids.has(rule.id), rule.id).toBe(true);
  });

  it.each([
    ['sample', DEFAULT_NAMES, 'rules.xlsx.xml'],
    ['hostile', HOSTILE_NAMES, 'hostile-rules.xlsx.xml'],
  ])(
    'matches its golden file (%s plan: the workbook XML, one element a line)',
    async (_n, names, file) => {
      const files = xmlFiles(await renderXlsx(report(names, draftResolution(names))));
      // The zip's timestamps vary; the XML inside does not.
      const text = Object.keys(files)
        .sort()
        .map((name) => `=== ${name}\n${(files[name] ?? '').replace(/></g, '>\n<')}\n`)
        .join('');
      await expect(text).toMatchFileSnapshot(`../../../golden/${file}`);
    },
  );

  it('writes an empty plan as headers only', async () => {
    const r = buildReport({
      plan: fixturePlan(),
      resolution: { rules: [], checks: [] },
      catalog: exportCatalog,
      permalink: '',
    });
    const bytes = await renderXlsx(r);
    const [rules, , hosts] = await readBack(bytes);
    expect(rules?.data).toEqual([[...IMPORT_CSV_COLUMNS]]);
    expect(hosts?.data[0]).toEqual([...HOSTS_COLUMNS]);
    expect(xmlFiles(bytes)['xl/worksheets/sheet1.xml']).toContain(
      `<autoFilter ref="A1:${LAST_COLUMN}1"/>`,
    );
  });

  it('xlsxCellText: the CSV guard and cap, XML-safe characters, triggers never hidden', () => {
    expect(xlsxCellText('=1+1')).toBe("'=1+1");
    expect(xlsxCellText('\u0001=1+1')).toBe("'=1+1");
    expect(xlsxCellText('a\r\nb\rc')).toBe('a\nb\nc');
    expect(xlsxCellText('\r\n@x')).toBe("'\n@x");
    expect(xlsxCellText('bidi \u202e kept, \ufffe \ud800 dropped')).toBe(
      'bidi \u202e kept,   dropped',
    );
    expect(xlsxCellText('x'.repeat(40_000)).length).toBeLessThanOrEqual(32_767);
  });

  it('columnWidths and cellAddress', () => {
    expect(
      columnWidths([
        ['Rule', 'a\nlonger line'],
        ['R01', 'x'.repeat(200)],
      ]),
    ).toEqual([8, 60]);
    expect(columnWidths([['ab', 'longer line']])).toEqual([8, 13]);
    expect(cellAddress(0, 0)).toBe('A1');
    expect(cellAddress(41, 19)).toBe('T42');
    expect(cellAddress(0, 26)).toBe('AA1');
    expect(cellAddress(0, 701)).toBe('ZZ1');
    expect(cellAddress(0, 702)).toBe('AAA1');
  });

  it("is written by the app itself: no import of write-excel-file (the tests' oracle) in src", () => {
    const sources = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.tsx?$/.test(f),
    );
    expect(sources).toContain(join('core', 'exporters', 'xlsx-writer.ts'));
    for (const file of sources) {
      expect(readFileSync(join('src', file), 'utf8'), file).not.toMatch(/['"]write-excel-file/);
    }
  });
});
