/**
 * "Download XLSX": the rules as an Excel workbook of three sheets.
 *
 * - Rules: the import CSV's columns and rows (import-csv-exporter.ts: one row per atomic flow,
 *   the plan's metadata and stamp in every row, the whole status and the permalink in the first),
 *   the header row frozen, a filter over the table.
 * - About: the plan, Activity Monitor version, catalog, docs revision, date, permalink, plan status
 *   and the plan checks (severity, message, field).
 * - Hosts: per host of the report, its inbound and outbound rules with their rule IDs (the cells
 *   of the "Rules by host" tables, host-rule-cells.ts), frozen header and filter too.
 * - For a plan with network zones (issue 16) only: the Rules sheet's zone columns are filled, the
 *   About sheet lists the zone checks after the plan checks, and two more table sheets follow:
 *   Firewalls (each firewall's rule set, one row per rule) and Firewall objects (its address and
 *   service objects), report/firewall-cells.ts.
 *
 * Every cell is a string cell (a shared string, never a formula) formatted as Text ("@"), so
 * Excel keeps it text even when someone edits it later; on top of that each cell gets the CSV's
 * formula guard (text-safety.ts: a leading apostrophe before = + - @ ...) and cap, so a value
 * copied out of the sheet into another tool stays inert too. XML cannot hold C0 controls other
 * than tab and line feed: they are removed, and CR LF becomes LF (Excel's line break in a cell).
 *
 * write-excel-file (and fflate, already in the app) is imported only when a workbook is asked
 * for, so it stays out of the first bundle. The filter is a small write-excel-file "feature"
 * (its documented extension point): `<autoFilter>` in the sheet and the `_xlnm._FilterDatabase`
 * name Excel writes with it.
 */
import { strFromU8, strToU8 } from 'fflate';
import type { Feature as WriteExcelFeature } from 'write-excel-file/universal';
import type * as WriteExcelUtility from 'write-excel-file/utility';

import {
  FIREWALL_OBJECT_COLUMNS,
  FIREWALL_RULE_COLUMNS,
  firewallObjectRows,
  firewallRuleRows,
} from '@/core/report/firewall-cells';
import { hostRuleCells, hostRuleHeader } from '@/core/report/host-rule-cells';
import type { Report, ReportHost } from '@/core/report/model';

import type { Exporter } from './exporter';
import { exportFileName } from './file-name';
import { IMPORT_CSV_COLUMNS, importCsvRows, importPlanStatus } from './import-csv-exporter';
import { capText, MAX_SHEET_CELL, neutralizeFormula } from './text-safety';
import { stampZip } from './zip-stamp';

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet of the workbook before it is written: text only. */
export interface WorkbookSheet {
  name: 'Rules' | 'About' | 'Hosts' | 'Firewalls' | 'Firewall objects';
  /** Rows in order, every cell already as the workbook holds it (xlsxCellText). */
  rows: string[][];
  /** Indexes of the rows printed bold (headers and headings). */
  boldRows: number[];
  /** Whether the first row is a table header: frozen, with a filter over the table. */
  table: boolean;
  /** Column widths, in characters. */
  widths: number[];
}

export const HOSTS_COLUMNS = [
  'Host',
  'Host address',
  'Host OS',
  'Host roles',
  'Direction',
  ...hostRuleHeader('Peer', 'Rule'),
] as const;

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** The About sheet's value column holds the plan status and the check messages. */
const MAX_ABOUT_WIDTH = 100;

/**
 * What the workbook cannot hold: the C0 controls other than tab, LF and CR (XML 1.0), the C1
 * controls but NEL, the noncharacters and lone surrogates (discouraged or invalid in XML) and
 * U+FFFD; write-excel-file drops them, so they are dropped here first, visibly.
 */
const XML_UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffd\p{Noncharacter_Code_Point}\p{Cs}]/gu;

/**
 * A cell's text as the workbook holds it: the CSV's cap, CR LF and lone CR as LF, characters XML
 * cannot hold removed, then the CSV's formula guard (a leading apostrophe before a formula
 * trigger), last, so that no removed character can hide a trigger.
 */
export function xlsxCellText(cell: string): string {
  return neutralizeFormula(
    capText(cell, MAX_SHEET_CELL - 1)
      .replace(/\r\n?/g, '\n')
      .replace(XML_UNSAFE, ''),
  );
}

/** Column widths (characters) that fit the longest line of each column, within bounds. */
export function columnWidths(rows: readonly (readonly string[])[], max = MAX_WIDTH): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      const longest = Math.max(0, ...cell.split('\n').map((line) => [...line].length));
      widths[i] = Math.max(widths[i] ?? 0, longest);
    });
  }
  return widths.map((w) => Math.min(max, Math.max(MIN_WIDTH, w + 2)));
}

/** "A1"-style address of a 0-based row and column. */
export function cellAddress(row: number, column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${row + 1}`;
}

/** The range of a table sheet, header included ("A1:T42"). */
export function tableRange(sheet: WorkbookSheet): string {
  const columns = sheet.rows[0]?.length ?? 1;
  return `${cellAddress(0, 0)}:${cellAddress(Math.max(0, sheet.rows.length - 1), columns - 1)}`;
}

function rulesSheet(report: Report): WorkbookSheet {
  const rows = [[...IMPORT_CSV_COLUMNS], ...importCsvRows(report)].map((r) => r.map(xlsxCellText));
  return { name: 'Rules', rows, boldRows: [0], table: true, widths: columnWidths(rows) };
}

function aboutSheet(report: Report): WorkbookSheet {
  const { meta } = report;
  const rows: string[][] = [
    ['Plan', meta.planName],
    ['Plan status', importPlanStatus(report)],
    ['Activity Monitor version', meta.amVersion],
    ['Catalog', meta.catalogVersion],
    ['Docs revision', meta.docsRevision],
    ['Date', meta.date],
    ['Permalink', meta.permalink],
    ['Rules', String(report.rules.length)],
    ['Flows (rows of the Rules sheet)', String(report.flows.flows.length)],
    ['Generated by', meta.generator],
    [],
  ];
  const boldRows: number[] = [];
  if (report.checks.length === 0) {
    boldRows.push(rows.length);
    rows.push(['Plan checks', 'None: the plan passes every check.']);
  } else {
    boldRows.push(rows.length, rows.length + 1);
    rows.push(
      [`Plan checks (${report.checks.length})`],
      ['Severity', 'Message', 'Field'],
      ...report.checks.map((c) => [c.severity, c.message, c.field]),
    );
  }
  if (report.zones) {
    const checks = report.zones.checks;
    rows.push([]);
    if (checks.length === 0) {
      boldRows.push(rows.length);
      rows.push(['Zone checks', 'None: every flow has its zones and its path.']);
    } else {
      boldRows.push(rows.length, rows.length + 1);
      rows.push(
        [`Zone checks (${checks.length})`],
        ['Severity', 'Message'],
        ...checks.map((c) => [c.severity, c.message]),
      );
    }
  }
  const safe = rows.map((r) => r.map(xlsxCellText));
  const widths = columnWidths(safe, MAX_ABOUT_WIDTH);
  return { name: 'About', rows: safe, boldRows, table: false, widths };
}

function hostAddress(host: ReportHost): string {
  if (!host.address) return '(address missing)';
  return host.invalid ? `${host.address} (INVALID: ${host.invalid})` : host.address;
}

const OS_NAMES: Record<ReportHost['os'], string> = {
  windows: 'Windows',
  linux: 'Linux',
  other: 'Other (appliance, cloud or service)',
};

function hostsSheet(report: Report): WorkbookSheet {
  const rows: string[][] = [[...HOSTS_COLUMNS]];
  for (const host of report.hosts) {
    const head = [host.label, hostAddress(host), OS_NAMES[host.os], host.roleNames.join(', ')];
    for (const rule of host.inbound) rows.push([...head, 'Inbound', ...hostRuleCells(rule)]);
    for (const rule of host.outbound) rows.push([...head, 'Outbound', ...hostRuleCells(rule)]);
    if (host.inbound.length === 0 && host.outbound.length === 0) {
      rows.push([...head, '(no rules)', '', '', '', '', '', '', '']);
    }
  }
  const safe = rows.map((r) => r.map(xlsxCellText));
  return { name: 'Hosts', rows: safe, boldRows: [0], table: true, widths: columnWidths(safe) };
}

function tableSheet(
  name: WorkbookSheet['name'],
  header: readonly string[],
  body: readonly (readonly string[])[],
): WorkbookSheet {
  const safe = [header, ...body].map((r) => r.map(xlsxCellText));
  return { name, rows: safe, boldRows: [0], table: true, widths: columnWidths(safe) };
}

/**
 * The workbook's sheets, in tab order: Rules, About, Hosts; then, for a plan with zones,
 * Firewalls and Firewall objects.
 */
export function workbookSheets(report: Report): WorkbookSheet[] {
  const sheets = [rulesSheet(report), aboutSheet(report), hostsSheet(report)];
  if (report.zones) {
    sheets.push(
      tableSheet('Firewalls', FIREWALL_RULE_COLUMNS, firewallRuleRows(report.zones)),
      tableSheet('Firewall objects', FIREWALL_OBJECT_COLUMNS, firewallObjectRows(report.zones)),
    );
  }
  return sheets;
}

type Utility = typeof WriteExcelUtility;
type Feature = WriteExcelFeature<Blob>;

/** `$A$1:$T$42` of `A1:T42`: the absolute reference a defined name holds. */
function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, (_m, col: string, row: string) => `$${col}$${row}`);
}

/**
 * A filter over each table sheet: `<autoFilter ref>` in the sheet (in its schema order) and the
 * hidden `_xlnm._FilterDatabase` name of that sheet in the workbook, as Excel writes them.
 */
function autoFilterFeature(utility: Utility, sheets: readonly WorkbookSheet[]): Feature {
  const ranges = new Map(sheets.filter((s) => s.table).map((s) => [s.name, tableRange(s)]));
  const sheetOrder = utility.getOrderOfSiblings('xl/worksheets/sheet{id}.xml', 'worksheet') ?? [];
  const workbookOrder = utility.getOrderOfSiblings('xl/workbook.xml', 'workbook') ?? [];
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (xml, options) => {
            const ref = ranges.get(options.sheet as WorkbookSheet['name']);
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
            if (!names) return xml;
            const element = utility.findElement(xml, 'definedNames');
            if (!element) {
              return utility.insertElementMarkupAccordingToOrderOfSiblings(
                xml,
                `<definedNames>${names}</definedNames>`,
                workbookOrder,
                'workbook',
              );
            }
            return element.selfClosingTag
              ? utility.replaceElement(xml, element, `<definedNames>${names}</definedNames>`)
              : utility.appendMarkupInsideElement(xml, element, names);
          },
        },
      },
    },
  };
}

/**
 * write-excel-file 4.1.1 finds a shared string through a plain object, so a cell whose text is an
 * Object.prototype key ("constructor", "valueOf", "__proto__": a host may well be named so) gets
 * an inherited function for its index and comes out as an empty, invalid cell. Such a text goes to
 * the library behind a private-use mark (U+E000), and so does a text that starts with the mark, so
 * the mapping is one-to-one; the mark is taken off again in xl/sharedStrings.xml.
 */
const SHARED_STRING_MARK = '\ue000';

export function toWriterText(text: string): string {
  return text in Object.prototype || text === '__proto__' || text.startsWith(SHARED_STRING_MARK)
    ? SHARED_STRING_MARK + text
    : text;
}

function withoutWriterMarks(name: string, data: Uint8Array): Uint8Array {
  if (name !== 'xl/sharedStrings.xml') return data;
  const xml = strFromU8(data);
  return xml.includes(SHARED_STRING_MARK)
    ? strToU8(xml.replace(/(<t(?: [^>]*)?>)\ue000/g, '$1'))
    : data;
}

export async function renderXlsx(report: Report): Promise<Uint8Array> {
  const [{ default: writeXlsxFile }, utility] = await Promise.all([
    import('write-excel-file/universal'),
    import('write-excel-file/utility'),
  ]);
  const sheets = workbookSheets(report);
  const written = sheets.map((sheet) => ({
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
  }));
  const blob = await writeXlsxFile(written, {
    features: [autoFilterFeature(utility, sheets)],
  }).toBlob();
  return stampZip(new Uint8Array(await blob.arrayBuffer()), report.meta.date, withoutWriterMarks);
}

export const xlsxExporter: Exporter = {
  id: 'xlsx',
  label: 'Download XLSX',
  action: 'download',
  fileName: (report) => exportFileName(report.meta.planName, 'firewall-rules.xlsx'),
  mimeType: XLSX_MIME_TYPE,
  render: renderXlsx,
};
