/**
 * "Download import CSV": the rules as a firewall manager imports them, one row per atomic flow
 * (source address × destination address × protocol × port or range; core/report/flows.ts), and
 * nothing but data rows: the header, then flows. What a sheet would print around the table goes
 * into columns (plan, plan status, catalog, docs revision, date, permalink), so a filter or an
 * import never meets a row that is not a flow. Plan, catalog, docs revision, date and the plan's
 * stamp (Ready or DRAFT) are in every row; the whole status (the rules left out) and the permalink,
 * both growing with the plan, are in the first row only, so the file grows in proportion to the
 * flows (issue 18: with the link in every row, 500 devices gave 143 MB). The zones of each end are filled for
 * a plan with network zones (issue 16; report/zones.ts), empty otherwise. Same CSV rules as the summary CSV (csv-format.ts: BOM, CRLF, formula-injection safe).
 */
import type { AtomicFlow } from '@/core/report/flows';
import type { Report } from '@/core/report/model';

import { CSV_BOM, formatCsv, quoteCsvField } from './csv-format';
import type { Exporter } from './exporter';
import { exportFileName } from './file-name';

export const IMPORT_CSV_COLUMNS = [
  'Rule',
  'Source name',
  'Source address',
  'Source zone',
  'Destination name',
  'Destination address',
  'Destination zone',
  'M365 endpoint set',
  'Azure service tag',
  'Protocol',
  'Ports',
  'Service',
  'Purpose',
  'Basis',
  'Condition',
  'Reference',
  'Plan',
  'Plan status',
  'Catalog',
  'Docs revision',
  'Date',
  'Permalink',
] as const;

/**
 * The plan's status in every row: ready, or the draft stamp; then the rules the file leaves out
 * (not ready) and those it writes without some of their hosts (an address missing or invalid),
 * so nothing is dropped unsaid.
 */
export function importPlanStatus(report: Report): string {
  const { notReadyRules, hostsWithoutAddress } = report.flows.omitted;
  const parts = [
    report.draft ? report.draft.stamp : 'Ready',
    ...(notReadyRules.length > 0
      ? [`Not in this file (not ready): ${notReadyRules.join(', ')}`]
      : []),
    ...(hostsWithoutAddress.length > 0
      ? [
          `Without their hosts whose address is missing or invalid: ${hostsWithoutAddress.join(', ')}`,
        ]
      : []),
  ];
  return `${parts.join('. ')}.`.replace(/\.\.$/, '.');
}

function flowCells(flow: AtomicFlow, meta: readonly string[]): string[] {
  return [
    flow.ruleId,
    flow.sourceName,
    flow.sourceAddress,
    flow.sourceZone ?? '',
    flow.destinationName,
    flow.destinationAddress,
    flow.destinationZone ?? '',
    flow.m365EndpointSet,
    flow.serviceTag,
    flow.protocol,
    flow.ports,
    flow.service,
    flow.purpose,
    flow.basis,
    flow.condition,
    flow.reference,
    ...meta,
  ];
}

/** What the Plan status of every row after the first says when the file leaves something out. */
export const IMPORT_STATUS_SEE_FIRST_ROW = 'What this file leaves out: see the first row.';

/**
 * The Plan status of the rows after the first: the plan's stamp (`Ready.` or the draft stamp), so
 * a row filtered or copied out alone still says whether the plan is a draft, and a pointer to the
 * first row when the file leaves rules or hosts out. Its length does not grow with the plan.
 */
export function importRowStatus(report: Report): string {
  const { notReadyRules, hostsWithoutAddress } = report.flows.omitted;
  const stamp = `${report.draft ? report.draft.stamp : 'Ready'}.`.replace(/\.\.$/, '.');
  return notReadyRules.length + hostsWithoutAddress.length > 0
    ? `${stamp} ${IMPORT_STATUS_SEE_FIRST_ROW}`
    : stamp;
}

/**
 * The data rows under IMPORT_CSV_COLUMNS, one per atomic flow; unescaped (the XLSX workbook's
 * Rules sheet writes the same rows). Plan, catalog, docs revision and date are in every row. The
 * first row holds the whole plan status (importPlanStatus) and the permalink; the others the
 * plan's stamp (importRowStatus) and an empty Permalink, as both grow with the plan and were
 * repeated on every flow (rows × link length: quadratic in the plan's size).
 */
export function importCsvRows(report: Report): string[][] {
  return [...importCsvRowsOf(report)];
}

/** importCsvRows one row at a time, for a file written in parts. */
function* importCsvRowsOf(report: Report): Generator<string[]> {
  const { meta } = report;
  const cells = (status: string, permalink: string) => [
    meta.planName,
    status,
    meta.catalogVersion,
    meta.docsRevision,
    meta.date,
    permalink,
  ];
  const first = cells(importPlanStatus(report), meta.permalink);
  const rest = cells(importRowStatus(report), '');
  const { flows } = report.flows;
  for (let i = 0; i < flows.length; i += 1) {
    yield flowCells(flows[i] as AtomicFlow, i === 0 ? first : rest);
  }
}

export function renderImportCsv(report: Report): string {
  return formatCsv(IMPORT_CSV_COLUMNS, importCsvRows(report));
}

/** Records encoded to UTF-8 at a time by importCsvBytes. */
const RECORDS_PER_PART = 10_000;

/** Bytes of a text in UTF-8 as TextEncoder writes it (a lone surrogate as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (
      c >= 0xd800 &&
      c <= 0xdbff &&
      i + 1 < text.length &&
      (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    ) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The import CSV as UTF-8 bytes: the same bytes as renderImportCsv's text encoded, but never the
 * whole file as one string (issue 18: 336 MB for 5,000 devices, twice that as a JavaScript string
 * with its BOM) nor its rows as one array. The file's size is counted first (each distinct cell is
 * quoted and measured once), then `recordsPerPart` records at a time are encoded straight into
 * the file's bytes.
 */
export function importCsvBytes(report: Report, recordsPerPart = RECORDS_PER_PART): Uint8Array {
  const fields = new Map<string, { text: string; bytes: number }>();
  const field = (cell: string) => {
    let f = fields.get(cell);
    if (f === undefined) {
      const text = quoteCsvField(cell);
      f = { text, bytes: utf8Length(text) };
      fields.set(cell, f);
    }
    return f;
  };
  // A record: its fields, a comma between two, CR LF after.
  const recordBytes = (row: readonly string[]) =>
    row.reduce((n, cell) => n + field(cell).bytes, Math.max(0, row.length - 1) + 2);
  const line = (row: readonly string[]) => row.map((cell) => field(cell).text).join(',');

  let size = utf8Length(CSV_BOM) + recordBytes(IMPORT_CSV_COLUMNS);
  for (const row of importCsvRowsOf(report)) size += recordBytes(row);
  const bytes = new Uint8Array(size);
  const encoder = new TextEncoder();
  let offset = 0;
  let pending: string[] = [CSV_BOM + line(IMPORT_CSV_COLUMNS)];
  const flush = () => {
    offset += encoder.encodeInto(`${pending.join('\r\n')}\r\n`, bytes.subarray(offset)).written;
    pending = [];
  };
  for (const row of importCsvRowsOf(report)) {
    if (pending.length >= recordsPerPart) flush();
    pending.push(line(row));
  }
  flush();
  if (offset !== size) {
    throw new Error(`the import CSV came to ${offset} bytes, not the ${size} counted`);
  }
  return bytes;
}

export const importCsvExporter: Exporter = {
  id: 'import-csv',
  label: 'Download import CSV',
  action: 'download',
  fileName: (report) => exportFileName(report.meta.planName, 'firewall-import.csv'),
  mimeType: 'text/csv;charset=utf-8',
  render: (report) => importCsvBytes(report),
};
