/**
 * "Copy table": the rules as tab-separated text for pasting into a ticket or a spreadsheet.
 * Tabs and line breaks inside cells become spaces. A first line names the plan, the catalog
 * version, the date and the permalink.
 */
import type { Report } from '@/core/report/model';

import type { Exporter } from './exporter';
import { exportFileName } from './file-name';

export function tsvCell(cell: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return cell.replace(/\r\n|[\t\r\n\u000b\u000c\u0085\u2028\u2029]/g, ' ');
}

export function renderTsv(report: Report): string {
  const { meta } = report;
  const provenance = [
    report.title,
    `Activity Monitor ${meta.amVersion}`,
    `catalog ${meta.catalogVersion}`,
    ...(meta.date ? [meta.date] : []),
    meta.permalink,
  ]
    .map(tsvCell)
    .join(' | ');
  const lines = [
    provenance,
    report.columns.map(tsvCell).join('\t'),
    ...report.rows.map((row) => report.columns.map((c) => tsvCell(row[c])).join('\t')),
  ];
  return `${lines.join('\n')}\n`;
}

export const tsvExporter: Exporter = {
  id: 'copy-table',
  label: 'Copy table',
  action: 'copy',
  fileName: (report) => exportFileName(report.meta.planName, 'firewall-rules.tsv'),
  mimeType: 'text/tab-separated-values;charset=utf-8',
  render: renderTsv,
};
