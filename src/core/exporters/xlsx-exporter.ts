/**
 * "Download XLSX": the rules as an Excel workbook of three sheets.
 *
 * - Rules: the import CSV's columns and rows (import-csv-exporter.ts: one row per atomic flow,
 *   the plan's metadata and stamp in every row, the whole status and the permalink in the first),
 *   the header row frozen, a filter over the table. Past the rows a sheet can hold (1,048,576 with
 *   the header), the rows go on in "Rules (2)", "Rules (3)", ... under the same header (issue 18).
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
 * The workbook is written by xlsx-writer.ts (fflate's streaming zip), a sheet in chunks of rows.
 */
import {
  FIREWALL_OBJECT_COLUMNS,
  FIREWALL_RULE_COLUMNS,
  firewallObjectRows,
  firewallRuleRows,
} from '@/core/report/firewall-cells';
import { hostRuleCells, hostRuleHeader } from '@/core/report/host-rule-cells';
import type { Report, ReportHost } from '@/core/report/model';

import type { Exporter, RenderContext } from './exporter';
import { exportFileName } from './file-name';
import { IMPORT_CSV_COLUMNS, importCsvRows, importPlanStatus } from './import-csv-exporter';
import { capText, MAX_SHEET_CELL, neutralizeFormula } from './text-safety';
import { EXCEL_MAX_ROWS, sheetRange, writeXlsx, XML_UNSAFE } from './xlsx-writer';
import { zipDate } from './zip-stamp';

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet of the workbook before it is written: text only. */
export interface WorkbookSheet {
  /** Rules (then Rules (2), ... past a sheet's rows), About, Hosts, Firewalls, Firewall objects. */
  name: string;
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
 * A cell's text as the workbook holds it: the CSV's cap, CR LF and lone CR as LF, characters XML
 * cannot hold (xlsx-writer.ts, XML_UNSAFE) removed, then the CSV's formula guard (a leading
 * apostrophe before a formula trigger), last, so that no removed character can hide a trigger.
 */
export function xlsxCellText(cell: string): string {
  return neutralizeFormula(
    capText(cell, MAX_SHEET_CELL - 1)
      .replace(/\r\n?/g, '\n')
      .replace(XML_UNSAFE, ''),
  );
}

/**
 * xlsxCellText remembering its answers: a sheet's cells repeat (a rule's service, purpose and
 * reference on each of its flows, a host's address on each of its), so each text is made safe once.
 */
function safeText(): (cell: string) => string {
  const memo = new Map<string, string>();
  return (cell) => {
    let safe = memo.get(cell);
    if (safe === undefined) {
      safe = xlsxCellText(cell);
      memo.set(cell, safe);
    }
    return safe;
  };
}

/** Characters of the longest line of a text (code points). */
function longestLine(cell: string): number {
  let longest = 0;
  for (const line of cell.split('\n')) longest = Math.max(longest, [...line].length);
  return longest;
}

/** Column widths (characters) that fit the longest line of each column, within bounds. */
export function columnWidths(rows: readonly (readonly string[])[], max = MAX_WIDTH): number[] {
  const widths: number[] = [];
  const memo = new Map<string, number>();
  for (const row of rows) {
    row.forEach((cell, i) => {
      let longest = memo.get(cell);
      if (longest === undefined) {
        longest = longestLine(cell);
        memo.set(cell, longest);
      }
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
  return sheetRange(sheet);
}

/** The name of the n-th (0-based) Rules sheet: Rules, Rules (2), Rules (3), ... */
export function rulesSheetName(n: number): string {
  return n === 0 ? 'Rules' : `Rules (${n + 1})`;
}

/**
 * The Rules sheets: the header and the import CSV's rows, as many rows a sheet as maxRows allows
 * (header included), the rest on Rules (2), ... under the same header, with the same widths.
 */
function rulesSheets(report: Report, maxRows: number): WorkbookSheet[] {
  const safe = safeText();
  const header = IMPORT_CSV_COLUMNS.map(safe);
  const body = importCsvRows(report);
  for (const row of body) {
    for (let i = 0; i < row.length; i += 1) row[i] = safe(row[i] ?? '');
  }
  const widths = columnWidths([header, ...body]);
  const perSheet = Math.max(1, maxRows - 1);
  const sheets: WorkbookSheet[] = [];
  for (let start = 0; start === 0 || start < body.length; start += perSheet) {
    sheets.push({
      name: rulesSheetName(sheets.length),
      rows: [header, ...body.slice(start, start + perSheet)],
      boldRows: [0],
      table: true,
      widths,
    });
  }
  return sheets;
}

function aboutSheet(report: Report, rulesSheets: readonly string[]): WorkbookSheet {
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
    [
      rulesSheets.length > 1
        ? `Flows (rows of the Rules sheets: ${rulesSheets.join(', ')})`
        : 'Flows (rows of the Rules sheet)',
      String(report.flows.flows.length),
    ],
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
  const safe = rows.map((r) => r.map(safeText()));
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
  const safe = rows.map((r) => r.map(safeText()));
  return { name: 'Hosts', rows: safe, boldRows: [0], table: true, widths: columnWidths(safe) };
}

function tableSheet(
  name: WorkbookSheet['name'],
  header: readonly string[],
  body: readonly (readonly string[])[],
): WorkbookSheet {
  const safe = [header, ...body].map((r) => r.map(safeText()));
  return { name, rows: safe, boldRows: [0], table: true, widths: columnWidths(safe) };
}

/**
 * The workbook's sheets, in tab order: Rules (and Rules (2), ... when the flows are more than a
 * sheet holds: maxRows, header included), About, Hosts; then, for a plan with zones, Firewalls
 * and Firewall objects.
 */
export function workbookSheets(report: Report, maxRows = EXCEL_MAX_ROWS): WorkbookSheet[] {
  const rules = rulesSheets(report, maxRows);
  const sheets = [
    ...rules,
    aboutSheet(
      report,
      rules.map((s) => s.name),
    ),
    hostsSheet(report),
  ];
  if (report.zones) {
    sheets.push(
      tableSheet('Firewalls', FIREWALL_RULE_COLUMNS, firewallRuleRows(report.zones)),
      tableSheet('Firewall objects', FIREWALL_OBJECT_COLUMNS, firewallObjectRows(report.zones)),
    );
  }
  return sheets;
}

/** Rows a sheet may hold: Excel's limit, smaller in tests. */
export interface WorkbookLimits {
  /** Rows of each Rules sheet, header included, before the rows go on in the next. */
  rulesSheetRows?: number;
  /** Rows of any sheet: a longer one (not Rules) is refused with a message. */
  sheetRows?: number;
}

/**
 * The workbook's bytes. A sheet other than Rules that would be longer than a sheet holds (the
 * Hosts sheet of a plan far beyond the device cap) makes it throw an Error that says which sheet,
 * never a cut sheet.
 */
export function renderWorkbook(
  report: Report,
  context: RenderContext = {},
  limits: WorkbookLimits = {},
): Uint8Array {
  const sheetRows = limits.sheetRows ?? EXCEL_MAX_ROWS;
  const sheets = workbookSheets(report, Math.min(sheetRows, limits.rulesSheetRows ?? sheetRows));
  return writeXlsx(sheets, {
    mtime: zipDate(report.meta.date),
    maxRows: sheetRows,
    ...(context.progress ? { progress: context.progress } : {}),
  });
}

export function renderXlsx(report: Report, context: RenderContext = {}): Promise<Uint8Array> {
  try {
    return Promise.resolve(renderWorkbook(report, context));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

export const xlsxExporter: Exporter = {
  id: 'xlsx',
  label: 'Download XLSX',
  action: 'download',
  fileName: (report) => exportFileName(report.meta.planName, 'firewall-rules.xlsx'),
  mimeType: XLSX_MIME_TYPE,
  render: renderXlsx,
};
