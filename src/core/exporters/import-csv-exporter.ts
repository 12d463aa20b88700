/**
 * "Download import CSV": the rules as a firewall manager imports them, one row per atomic flow
 * (source address × destination address × protocol × port or range; core/report/flows.ts), and
 * nothing but data rows: the header, then flows. What a sheet would print around the table goes
 * into columns of every row (plan, plan status, catalog, docs revision, date, permalink), so a
 * filter or an import never meets a row that is not a flow. The zones of each end are filled for
 * a plan with network zones (issue 16; report/zones.ts), empty otherwise. Same CSV rules as the summary CSV (csv-format.ts: BOM, CRLF, formula-injection safe).
 */
import type { AtomicFlow } from '@/core/report/flows';
import type { Report } from '@/core/report/model';

import { formatCsv } from './csv-format';
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

/**
 * The data rows under IMPORT_CSV_COLUMNS, one per atomic flow, the plan's metadata and status in
 * each; unescaped (the XLSX workbook's Rules sheet writes the same rows).
 */
export function importCsvRows(report: Report): string[][] {
  const { meta } = report;
  const perRow = [
    meta.planName,
    importPlanStatus(report),
    meta.catalogVersion,
    meta.docsRevision,
    meta.date,
    meta.permalink,
  ];
  return report.flows.flows.map((flow) => flowCells(flow, perRow));
}

export function renderImportCsv(report: Report): string {
  return formatCsv(IMPORT_CSV_COLUMNS, importCsvRows(report));
}

export const importCsvExporter: Exporter = {
  id: 'import-csv',
  label: 'Download import CSV',
  action: 'download',
  fileName: (report) => exportFileName(report.meta.planName, 'firewall-import.csv'),
  mimeType: 'text/csv;charset=utf-8',
  render: renderImportCsv,
};
