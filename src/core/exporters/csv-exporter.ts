/**
 * "Download summary CSV": the rule sheet for people (one row per merged rule, hosts joined) as
 * RFC 4180 CSV (UTF-8 with BOM, CRLF), formula-injection safe.
 * After the rules, one empty row and the provenance rows (plan, catalog version, date, permalink),
 * padded to the column count so every record has the same number of fields. A plan whose checks
 * hold errors is stamped: the first record is "DRAFT — N plan errors: fix them before filing".
 * A plan with network zones (issue 16) has two more columns, "Source zone" and "Destination
 * zone", and between the rules and the provenance rows a per-firewall section: a heading record,
 * then the rule set of every firewall under its own header record, then every firewall's address
 * and service objects (report/firewall-cells.ts), padded to the same width.
 */
import { ruleSheetCell } from '@/core/report/columns';
import {
  FIREWALL_OBJECT_COLUMNS,
  FIREWALL_RULE_COLUMNS,
  firewallObjectRows,
  firewallRuleRows,
} from '@/core/report/firewall-cells';
import type { Report } from '@/core/report/model';
import type { ReportZones } from '@/core/report/zones';

import { formatCsv, padded, provenanceRecords } from './csv-format';
import type { Exporter } from './exporter';
import { exportFileName } from './file-name';

/** The per-firewall section: its records, before padding. */
function firewallSection(zones: ReportZones): string[][] {
  return [
    [],
    ['Rules by firewall'],
    [...FIREWALL_RULE_COLUMNS],
    ...firewallRuleRows(zones),
    [],
    ['Firewall objects'],
    [...FIREWALL_OBJECT_COLUMNS],
    ...firewallObjectRows(zones),
  ];
}

export function renderCsv(report: Report): string {
  const zones = report.zones ? firewallSection(report.zones) : [];
  const width = Math.max(report.columns.length, ...zones.map((r) => r.length));
  const rows = report.rows.map((row) => report.columns.map((c) => ruleSheetCell(row, c)));
  const footer = [[], ...provenanceRecords(report)].map((cells) => padded(cells, width));
  const records = [...rows, ...zones.map((cells) => padded(cells, width)), ...footer];
  // A draft's stamp comes before the header row, as a record of its own.
  return report.draft
    ? formatCsv(padded([report.draft.stamp], width), [report.columns, ...records])
    : formatCsv(report.columns, records);
}

export const csvExporter: Exporter = {
  id: 'csv',
  label: 'Download summary CSV',
  action: 'download',
  fileName: (report) => exportFileName(report.meta.planName, 'firewall-rules-summary.csv'),
  mimeType: 'text/csv;charset=utf-8',
  render: renderCsv,
};
