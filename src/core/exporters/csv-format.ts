/**
 * RFC 4180 CSV with formula-injection protection (OWASP; reliability guide CSV-1..3). The
 * character policy is text-safety.ts: a cell beginning with = + - @, tab, CR, LF, NUL or their
 * full-width forms gets a leading apostrophe, a cell longer than a spreadsheet holds is cut with
 * a note, nothing else changes. Output: UTF-8 BOM, CRLF line ends, every field quoted when needed.
 */
import { capText, MAX_SHEET_CELL, neutralizeFormula } from './text-safety';

/**
 * Neutralizes, then quotes when needed (RFC 4180 §2.6/2.7): a neutralized cell, or one holding
 * a comma, a semicolon (the separator of some locales), a quote, CR, LF or outer spaces.
 */
export function quoteCsvField(cell: string): string {
  const capped = capText(cell, MAX_SHEET_CELL - 1);
  const safe = neutralizeFormula(capped);
  const mustQuote = safe !== capped || /[",;\r\n]/.test(safe) || safe !== safe.trim();
  return mustQuote ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_BOM = '\uFEFF';

export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(quoteCsvField).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
