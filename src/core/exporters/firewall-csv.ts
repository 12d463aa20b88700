/**
 * One network firewall's sheet (issue 16), the download of each firewall in the review's "By
 * firewall": its rule set under the per-firewall columns of the summary CSV (ingress and egress
 * interface, source and destination zone, objects, addresses, service, every reason), then its
 * address and service objects, then the provenance rows. RFC 4180 CSV like the other sheets
 * (csv-format.ts: UTF-8 with BOM, CRLF, formula-injection safe); a draft plan's stamp first.
 */
import {
  FIREWALL_OBJECT_COLUMNS,
  FIREWALL_RULE_COLUMNS,
  firewallObjectRows,
  firewallRuleRows,
} from '@/core/report/firewall-cells';
import type { Report } from '@/core/report/model';
import type { ReportFirewall } from '@/core/report/zones';

import { formatCsv, padded, provenanceRecords } from './csv-format';
import { exportFileName, planSlug } from './file-name';

export const FIREWALL_SHEET_MIME = 'text/csv;charset=utf-8';

/** The firewall of the report's zones with this id in the plan, if any. */
export function reportFirewall(report: Report, id: string): ReportFirewall | undefined {
  return report.zones?.firewalls.find((f) => f.id === id);
}

/** e.g. "contoso-hq-firewall-core-fw.csv" for the firewall "Core FW". */
export function firewallSheetFileName(report: Report, firewall: ReportFirewall): string {
  return exportFileName(report.meta.planName, `firewall-${planSlug(firewall.name)}.csv`);
}

/** The sheet of one firewall of the report (reportFirewall). */
export function renderFirewallCsv(report: Report, firewall: ReportFirewall): string {
  const zones = { zones: [], firewalls: [firewall], checks: [] };
  const width = FIREWALL_RULE_COLUMNS.length;
  const records = [
    ...firewallRuleRows(zones),
    [],
    ['Firewall objects'],
    [...FIREWALL_OBJECT_COLUMNS],
    ...firewallObjectRows(zones),
    [],
    ...provenanceRecords(report),
  ].map((cells) => padded(cells, width));
  const header = [...FIREWALL_RULE_COLUMNS];
  return report.draft
    ? formatCsv(padded([report.draft.stamp], width), [header, ...records])
    : formatCsv(header, records);
}
