/**
 * The XLSX writer (issue 18): the workbook's own writer (xlsx-writer.ts) writes, part for part,
 * the XML write-excel-file 4.1.1 wrote for the same sheets (that library, now a dev dependency, is
 * the oracle here); the Rules sheet goes on in "Rules (2)", ... past the rows a sheet can hold
 * (a small limit injected), every flow once and in order; another sheet too long is refused with
 * a message; a rule of 300 × 300 hosts is written and reads back flow for flow.
 */
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { Feature } from 'write-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';
import * as utility from 'write-excel-file/utility';

import { IMPORT_CSV_COLUMNS, importCsvRows } from '@/core/exporters/import-csv-exporter';
import type { WorkbookSheet } from '@/core/exporters/xlsx-exporter';
import {
  renderWorkbook,
  renderXlsx,
  tableRange,
  workbookSheets,
} from '@/core/exporters/xlsx-exporter';
import { stampZip } from '@/core/exporters/zip-stamp';
import { buildReport } from '@/core/report/build-report';
import type { Resolution } from '@/core/resolve/model';
import type { ZoneModel } from '@/core/zones/model';

import { exportCatalog } from '../../../fixtures/catalogs';
import type { FixtureNames } from '../../../fixtures/resolution-fixture';
import {
  DEFAULT_NAMES,
  draftResolution,
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
  numberedHosts,
  resolutionBetween,
  HOSTILE_NAMES,
} from '../../../fixtures/resolution-fixture';
import { fixtureZoneModel, HOSTILE_ZONE_NAMES } from '../../../fixtures/zones-fixture';

function report(
  names: FixtureNames = DEFAULT_NAMES,
  resolution: Resolution = fixtureResolution(names),
  zones?: ZoneModel,
) {
  return buildReport({
    plan: fixturePlan(names),
    resolution,
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
    ...(zones ? { zones } : {}),
  });
}

/** The zip's entries in order, as text. */
function parts(bytes: Uint8Array): [string, string][] {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]);
}

/** `$A$1:$T$42` of `A1:T42`. */
function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, (_m, col: string, row: string) => `$${col}$${row}`);
}

/**
 * The workbook as write-excel-file 4.1.1 wrote it until issue 18 (the exporter's code then): the
 * library, a "feature" adding the filters, and a private-use mark around the texts its plain-object
 * lookup of shared strings would trip on.
 */
async function libraryWorkbook(sheets: readonly WorkbookSheet[], date: string) {
  const mark = '\ue000';
  const toWriterText = (text: string) =>
    text in Object.prototype || text === '__proto__' || text.startsWith(mark) ? mark + text : text;
  const ranges = new Map(sheets.filter((s) => s.table).map((s) => [s.name, tableRange(s)]));
  const sheetOrder = utility.getOrderOfSiblings('xl/worksheets/sheet{id}.xml', 'worksheet') ?? [];
  const filters: Feature<Blob> = {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (xml, options) => {
            const ref = ranges.get(options.sheet as string);
            if (!ref) return xml;
            const markup = utility.getSelfClosingTagMarkup('autoFilter', { ref });
            return utility.insertElementMarkupAccordingToOrderOfSiblings(
              xml,
              markup,
              sheetOrder,
              'worksheet',
            );
          },
        },
        'xl/workbook.xml': {
          transform: (xml) => {
            const names = sheets
              .map((sheet, index) => {
                const ref = ranges.get(sheet.name);
                if (!ref) return '';
                return `${utility.getOpeningTagMarkup('definedName', {
                  name: '_xlnm._FilterDatabase',
                  localSheetId: index,
                  hidden: 1,
                })}${utility.sanitizeTextContent(`'${sheet.name}'!${absolute(ref)}`)}${utility.getClosingTagMarkup('definedName')}`;
              })
              .join('');
            const element = utility.findElement(xml, 'definedNames');
            return element
              ? utility.replaceElement(xml, element, `<definedNames>${names}</definedNames>`)
              : xml;
          },
        },
      },
    },
  };
  const blob = await writeXlsxFile(
    sheets.map((sheet) => ({
      sheet: sheet.name,
      data: sheet.rows.map((row, r) =>
        row.map((value) => ({
          value: toWriterText(value),
          type: String,
          format: '@',
          ...(sheet.boldRows.includes(r) ? { fontWeight: 'bold' as const } : {}),
        })),
      ),
      columns: sheet.widths.map((width) => ({ width })),
      ...(sheet.table ? { stickyRowsCount: 1 } : {}),
    })),
    { features: [filters] },
  ).toBlob();
  return stampZip(new Uint8Array(await blob.arrayBuffer()), date, (name, data) => {
    if (name !== 'xl/sharedStrings.xml') return data;
    return new TextEncoder().encode(strFromU8(data).replace(/(<t(?: [^>]*)?>)\ue000/g, '$1'));
  });
}

async function expectLibraryXml(r: ReturnType<typeof report>) {
  const ours = parts(await renderXlsx(r));
  const library = parts(await libraryWorkbook(workbookSheets(r), r.meta.date));
  expect(ours.map(([name]) => name)).toEqual(library.map(([name]) => name));
  expect(ours).toEqual(library);
}

/** The sheets as read-excel-file gives them, empty cells as ''. */
async function readBack(bytes: Uint8Array): Promise<{ sheet: string; data: string[][] }[]> {
  const sheets = await readXlsxFile(Buffer.from(bytes), { trim: false });
  return sheets.map(({ sheet, data }) => ({
    sheet,
    data: data.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))),
  }));
}

describe('XLSX writer', () => {
  it.each([
    ['sample', () => report()],
    ['sample draft', () => report(DEFAULT_NAMES, draftResolution())],
    ['hostile draft', () => report(HOSTILE_NAMES, draftResolution(HOSTILE_NAMES))],
    ['empty', () => report(DEFAULT_NAMES, { rules: [], checks: [] })],
    ['zoned', () => report(DEFAULT_NAMES, fixtureResolution(), fixtureZoneModel())],
    [
      'hostile zoned',
      () =>
        report(
          HOSTILE_NAMES,
          fixtureResolution(HOSTILE_NAMES),
          fixtureZoneModel(HOSTILE_ZONE_NAMES),
        ),
    ],
  ])('writes the XML write-excel-file 4.1.1 wrote (%s plan)', async (_name, make) => {
    await expectLibraryXml(make());
  });

  it('property: the same XML as write-excel-file 4.1.1 whatever the names', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom('constructor', '__proto__', '\ue000valueOf', ' padded ', 'a&b<c>d"e\'f'),
    );
    await fc.assert(
      fc.asyncProperty(text, text, text, async (planName, agent1, filer) => {
        const names = { ...DEFAULT_NAMES, planName, agent1, filer };
        await expectLibraryXml(report(names, draftResolution(names)));
      }),
      { numRuns: 40 },
    );
  });

  it('continues the Rules sheet on Rules (2), ... at the row limit: every flow once, in order', async () => {
    const r = report(DEFAULT_NAMES, draftResolution());
    const flows = r.flows.flows.length;
    expect(flows).toBeGreaterThan(9);
    // 4 rows a sheet: the header and 3 flows.
    const bytes = renderWorkbook(r, {}, { rulesSheetRows: 4 });
    const sheets = await readBack(bytes);
    const rulesCount = Math.ceil(flows / 3);
    const names = [
      'Rules',
      ...Array.from({ length: rulesCount - 1 }, (_, i) => `Rules (${i + 2})`),
    ];
    expect(sheets.map((s) => s.sheet)).toEqual([...names, 'About', 'Hosts']);
    const rules = sheets.slice(0, rulesCount);
    for (const sheet of rules) {
      expect(sheet.data[0]).toEqual([...IMPORT_CSV_COLUMNS]);
      expect(sheet.data.length).toBeLessThanOrEqual(4);
    }
    const pad = (row: string[]) => [
      ...row,
      ...Array<string>(IMPORT_CSV_COLUMNS.length - row.length).fill(''),
    ];
    expect(rules.flatMap((s) => s.data.slice(1)).map(pad)).toEqual(importCsvRows(r));
    const about = sheets[rulesCount]?.data ?? [];
    expect(about.find((row) => row[0]?.startsWith('Flows'))?.slice(0, 2)).toEqual([
      `Flows (rows of the Rules sheets: ${names.join(', ')})`,
      String(flows),
    ]);

    const files = Object.fromEntries(parts(bytes));
    const workbook = files['xl/workbook.xml'] ?? '';
    rules.forEach((sheet, i) => {
      const xml = files[`xl/worksheets/sheet${i + 1}.xml`] ?? '';
      const ref = `A1:V${sheet.data.length}`;
      expect(xml).toContain(`<autoFilter ref="${ref}"/>`);
      expect(xml).toContain(`<sheetView tabSelected="${i === 0 ? 1 : 0}" workbookViewId="0">`);
      expect(xml).toMatch(/<pane\b[^>]*\bySplit="1"[^>]*\bstate="frozen"/);
      expect(workbook).toContain(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${sheet.sheet}'!${absolute(ref)}</definedName>`,
      );
    });
    // The Hosts sheet's filter names its own index, after the Rules sheets and About.
    expect(workbook).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${rulesCount + 1}" hidden="1">'Hosts'!`,
    );
  });

  it('refuses, with a message, a sheet other than Rules longer than a sheet holds', async () => {
    const r = report();
    const hostRows = r.hosts.reduce((n, h) => n + h.inbound.length + h.outbound.length, 0) + 1;
    expect(hostRows).toBe(25);
    expect(() => renderWorkbook(r, {}, { sheetRows: 20 })).toThrow(
      'the Hosts sheet would have 25 rows, more than the 20 a sheet can hold',
    );
    await expect(renderXlsx(report())).resolves.toBeInstanceOf(Uint8Array);
  });

  it('writes a rule of 300 × 300 hosts (90,000 flows) over two Rules sheets, every flow once', async () => {
    const r = report(
      DEFAULT_NAMES,
      resolutionBetween(numberedHosts(1, 300), numberedHosts(2, 300)),
    );
    expect(r.flows.flows.length).toBe(90_000);
    const sheets = await readBack(renderWorkbook(r, {}, { rulesSheetRows: 50_000 }));
    expect(sheets.map((s) => s.sheet)).toEqual(['Rules', 'Rules (2)', 'About', 'Hosts']);
    expect(sheets[0]?.data.length).toBe(50_000);
    expect(sheets[1]?.data.length).toBe(90_000 - 49_999 + 1);
    const column = (name: (typeof IMPORT_CSV_COLUMNS)[number]) => IMPORT_CSV_COLUMNS.indexOf(name);
    const pairs = [...(sheets[0]?.data.slice(1) ?? []), ...(sheets[1]?.data.slice(1) ?? [])].map(
      (row) => `${row[column('Source address')]} ${row[column('Destination address')]}`,
    );
    expect(pairs).toEqual(r.flows.flows.map((f) => `${f.sourceAddress} ${f.destinationAddress}`));
    expect(new Set(pairs).size).toBe(90_000);
  });
});
