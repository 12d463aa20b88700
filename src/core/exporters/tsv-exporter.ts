/**
 * "Copy table": the rules for pasting into a ticket or a spreadsheet, put on the clipboard twice:
 * as tab-separated text (text/plain) and as an HTML table (text/html; spreadsheets and rich-text
 * editors take the HTML). Both hold the same rows and cells, compact (report.compactRows,
 * src/core/report/compact-table.ts): a header row Rule, From, To, Protocol, Port(s), Purpose,
 * then one row per rule, and a last row naming where the table comes from (plan, Activity
 * Monitor version, catalog and docs revision, date, permalink); no title line and no notes (the
 * CSV, Markdown and PDF carry them). A plan whose checks hold errors gets its draft stamp as a
 * first row, so a draft cannot be pasted into a ticket unmarked. Each cell follows the exports' policy
 * (text-safety.ts): controls and bidi controls removed, a cell that starts with a formula
 * trigger gets a leading apostrophe (as in the CSV), tabs and line breaks become spaces, a cell
 * longer than a spreadsheet holds is cut with a note. The HTML is built here as a string of
 * table, thead, tbody, tr, th and td elements only, without attributes, every cell escaped.
 */
import { COMPACT_COLUMNS } from '@/core/report/compact-table';
import type { Report } from '@/core/report/model';

import type { Exporter } from './exporter';
import { exportFileName } from './file-name';
import {
  capText,
  escapeHtml,
  LINE_BREAK,
  MAX_SHEET_CELL,
  neutralizeFormula,
  stripControls,
} from './text-safety';

/** One cell as pasted: visible characters only, formula-safe, on one line, capped. */
export function tsvCell(cell: string): string {
  const visible = stripControls(cell, { keep: '\t\r\n\u0085\u2028\u2029' });
  // The formula check sees the cell as typed (a leading tab or line break is a trigger), before
  // tabs and line breaks become spaces.
  const safe = neutralizeFormula(capText(visible, MAX_SHEET_CELL - 1));
  return safe.replace(LINE_BREAK, ' ').replace(/\t/g, ' ');
}

/**
 * The lines of the table, each a list of raw cells: the draft stamp and the header (head), the
 * rules (body), the provenance (foot).
 */
function tableLines(report: Report): { head: string[][]; body: string[][]; foot: string[][] } {
  const { meta } = report;
  const provenance = [
    report.title,
    `Activity Monitor ${meta.amVersion}`,
    `catalog ${meta.catalogVersion} (${meta.docsRevision})`,
    ...(meta.date ? [meta.date] : []),
    meta.permalink,
  ].join(' | ');
  return {
    head: [...(report.draft ? [[report.draft.stamp]] : []), [...COMPACT_COLUMNS]],
    body: report.compactRows.map((row) => COMPACT_COLUMNS.map((c) => row[c])),
    foot: [[provenance]],
  };
}

export function renderTsv(report: Report): string {
  const { head, body, foot } = tableLines(report);
  const lines = [...head, ...body, ...foot].map((cells) => cells.map(tsvCell).join('\t'));
  return `${lines.join('\n')}\n`;
}

/**
 * The same table as HTML: the draft stamp (if any) and the header row in <thead> (as <th>),
 * the rules in <tbody>, the provenance in <tfoot>. Each cell's text is exactly its TSV cell.
 */
export function renderTableHtml(report: Report): string {
  const { head, body, foot } = tableLines(report);
  const row = (cells: readonly string[], tag: 'th' | 'td') =>
    `<tr>${cells.map((c) => `<${tag}>${escapeHtml(tsvCell(c))}</${tag}>`).join('')}</tr>`;
  const rows = (lines: readonly string[][], tag: 'th' | 'td') =>
    lines.map((cells) => `${row(cells, tag)}\n`).join('');
  return [
    '<table>',
    `<thead>\n${rows(head, 'th')}</thead>`,
    `<tbody>\n${rows(body, 'td')}</tbody>`,
    `<tfoot>\n${rows(foot, 'td')}</tfoot>`,
    '</table>\n',
  ].join('\n');
}

export const tsvExporter: Exporter = {
  id: 'copy-table',
  label: 'Copy table',
  action: 'copy',
  fileName: (report) => exportFileName(report.meta.planName, 'firewall-rules.tsv'),
  mimeType: 'text/tab-separated-values;charset=utf-8',
  render: renderTsv,
  html: renderTableHtml,
};
