/**
 * The sheets of a plan with network zones (issue 16): golden files of the CSV, Markdown, import
 * CSV and XLSX for the sample plan on a hub and spoke with an edge firewall (zones-fixture.ts),
 * and a hostile one; the XLSX read back; and for an empty zone model, every sheet byte for byte
 * as without zones (the goldens of golden.test.ts stay as they are).
 */
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';

import { renderCsv } from '@/core/exporters/csv-exporter';
import { renderImportCsv } from '@/core/exporters/import-csv-exporter';
import { renderMarkdown } from '@/core/exporters/markdown-exporter';
import { renderPdf } from '@/core/exporters/pdf-exporter';
import { renderTableHtml, renderTsv } from '@/core/exporters/tsv-exporter';
import { renderXlsx, xlsxCellText } from '@/core/exporters/xlsx-exporter';
import { buildReport } from '@/core/report/build-report';
import { ZONED_RULE_SHEET_COLUMNS } from '@/core/report/columns';
import {
  FIREWALL_OBJECT_COLUMNS,
  FIREWALL_RULE_COLUMNS,
  firewallObjectRows,
  firewallRuleRows,
} from '@/core/report/firewall-cells';
import type { ZoneModel } from '@/core/zones/model';
import { emptyZoneModel } from '@/core/zones/model';

import { exportCatalog } from '../../../fixtures/catalogs';
import type { FixtureNames } from '../../../fixtures/resolution-fixture';
import {
  DEFAULT_NAMES,
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
  HOSTILE_NAMES,
} from '../../../fixtures/resolution-fixture';
import { fixtureZoneModel, HOSTILE_ZONE_NAMES } from '../../../fixtures/zones-fixture';

function report(names: FixtureNames = DEFAULT_NAMES, zones?: ZoneModel) {
  return buildReport({
    plan: fixturePlan(names),
    resolution: fixtureResolution(names),
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
    ...(zones ? { zones } : {}),
  });
}

const zoned = () => report(DEFAULT_NAMES, fixtureZoneModel());
const hostileZoned = () => report(HOSTILE_NAMES, fixtureZoneModel(HOSTILE_ZONE_NAMES));

/** The workbook's XML, one element a line (as xlsx.test.ts writes its goldens). */
function workbookXml(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  return Object.keys(files)
    .filter((name) => name.endsWith('.xml') || name.endsWith('.rels'))
    .sort()
    .map(
      (name) =>
        `=== ${name}\n${strFromU8(files[name] ?? new Uint8Array()).replace(/></g, '>\n<')}\n`,
    )
    .join('');
}

function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

const TEXT_FORMATS = [
  ['csv', renderCsv, 'rules.csv'],
  ['markdown', renderMarkdown, 'rules.md'],
  ['import csv', renderImportCsv, 'rules-import.csv'],
] as const;

describe('sheets of a plan with zones', () => {
  it.each(TEXT_FORMATS)('%s matches its golden file', async (_name, render, file) => {
    await expect(render(zoned())).toMatchFileSnapshot(`../../../golden/zoned-${file}`);
    await expect(render(hostileZoned())).toMatchFileSnapshot(
      `../../../golden/hostile-zoned-${file}`,
    );
  });

  it('XLSX matches its golden file', async () => {
    await expect(workbookXml(await renderXlsx(zoned()))).toMatchFileSnapshot(
      '../../../golden/zoned-rules.xlsx.xml',
    );
  });

  it('CSV: zone columns after the hosts, then the per-firewall section, every record as wide', () => {
    const r = zoned();
    const records = parseCsv(renderCsv(r));
    const width = ZONED_RULE_SHEET_COLUMNS.length;
    expect(records[0]).toEqual([...ZONED_RULE_SHEET_COLUMNS]);
    expect(records.every((row) => row.length === width)).toBe(true);
    const cell = (row: string[] | undefined, column: string) =>
      row?.[ZONED_RULE_SHEET_COLUMNS.indexOf(column as never)];
    const cloud = records.find((row) => row[0] === 'R07');
    expect([cell(cloud, 'Source zone'), cell(cloud, 'Destination zone')]).toEqual([
      'Agent servers',
      'Internet',
    ]);
    const pad = (cells: readonly string[]) =>
      [...cells, ...Array<string>(width).fill('')].slice(0, width);
    const heading = records.findIndex((row) => row[0] === 'Rules by firewall');
    expect(heading).toBe(r.rows.length + 2);
    const rules = firewallRuleRows(r.zones!);
    expect(records.slice(heading + 1, heading + 2 + rules.length)).toEqual(
      [[...FIREWALL_RULE_COLUMNS], ...rules].map(pad),
    );
    const objects = records.findIndex((row) => row[0] === 'Firewall objects');
    expect(records[objects + 1]).toEqual(pad(FIREWALL_OBJECT_COLUMNS));
    expect(records.slice(objects + 2, objects + 2 + firewallObjectRows(r.zones!).length)).toEqual(
      firewallObjectRows(r.zones!).map(pad),
    );
    expect(records.map((row) => row[0])).toContain('Permalink');
  });

  it('Markdown: zone columns in "Rules by flow", a section per firewall, the zone checks', () => {
    const md = renderMarkdown(zoned());
    expect(md).toContain(
      '| Rule | Environment | Source | Source host | Source zone | Destination | Destination host | Destination zone |',
    );
    const order = [
      '## Rules by host',
      '## Rules by firewall',
      '### Zones',
      '### Core FW (PAN-OS)',
      '#### Address objects of Core FW',
      '#### Service objects of Core FW',
      '### Edge FW (FortiOS)',
      '### Zone checks',
      '## Plan checks',
    ].map((h) => md.indexOf(`\n${h}\n`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('import CSV: the zone columns filled', () => {
    const [header, ...rows] = parseCsv(renderImportCsv(zoned()));
    const source = header!.indexOf('Source zone');
    const destination = header!.indexOf('Destination zone');
    expect(rows.filter((r) => r.length > 1).every((r) => r[source] && r[destination])).toBe(true);
  });

  it('XLSX: the Rules sheet with its zones, then the Firewalls and Firewall objects sheets', async () => {
    const r = zoned();
    const sheets = await readXlsxFile(Buffer.from(await renderXlsx(r)), { trim: false });
    expect(sheets.map((s) => s.sheet)).toEqual([
      'Rules',
      'About',
      'Hosts',
      'Firewalls',
      'Firewall objects',
    ]);
    const text = (rows: readonly (readonly unknown[])[]) =>
      rows.map((row) => row.map((c) => (c === null ? '' : String(c))));
    const [rules, about, , firewalls, objects] = sheets.map((s) => text(s.data));
    const header = rules?.[0] ?? [];
    const zoneCells = rules
      ?.slice(1)
      .map((row) => [row[header.indexOf('Source zone')], row[header.indexOf('Destination zone')]]);
    expect(zoneCells).toContainEqual(['Agent servers', 'Internet']);
    expect(zoneCells?.every(([s, d]) => s && d)).toBe(true);
    expect(firewalls).toEqual(
      [[...FIREWALL_RULE_COLUMNS], ...firewallRuleRows(r.zones!)].map((row) =>
        row.map(xlsxCellText),
      ),
    );
    expect(objects).toEqual(
      [[...FIREWALL_OBJECT_COLUMNS], ...firewallObjectRows(r.zones!)].map((row) =>
        row.map(xlsxCellText),
      ),
    );
    expect(about?.map((row) => row[0])).toContain(`Zone checks (${r.zones!.checks.length})`);
  });
});

describe('sheets of a plan whose zone model is empty', () => {
  const plain = () => report();
  const empty = () => report(DEFAULT_NAMES, emptyZoneModel());

  it.each([
    ...TEXT_FORMATS,
    ['copy table', renderTsv, ''],
    ['copy table (HTML)', renderTableHtml, ''],
  ] as const)('%s is byte for byte the sheet without zones', (_name, render) => {
    expect(render(empty())).toBe(render(plain()));
  });

  it('XLSX and PDF are byte for byte the files without zones', async () => {
    expect(await renderXlsx(empty())).toEqual(await renderXlsx(plain()));
    expect(await renderPdf(empty())).toEqual(await renderPdf(plain()));
  });
});
