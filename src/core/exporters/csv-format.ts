/**
 * RFC 4180 CSV with formula-injection protection (OWASP; reliability guide CSV-1..3):
 * a cell beginning with = + - @, tab, CR, LF, NUL or their full-width forms gets a
 * leading apostrophe. Output: UTF-8 BOM, CRLF line ends, every field quoted when needed.
 */

// = + - @ TAB CR LF NUL, and full-width ＝ ＋ － ＠
const FORMULA_TRIGGER = /^[=+\-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutralizeFormula(cell: string): string {
  return FORMULA_TRIGGER.test(cell) ? `'${cell}` : cell;
}

/**
 * Neutralizes, then quotes when needed (RFC 4180 §2.6/2.7): a neutralized cell, or one holding
 * a comma, a semicolon (the separator of some locales), a quote, CR, LF or outer spaces.
 */
export function quoteCsvField(cell: string): string {
  const safe = neutralizeFormula(cell);
  const mustQuote = safe !== cell || /[",;\r\n]/.test(safe) || safe !== safe.trim();
  return mustQuote ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_BOM = '\uFEFF';

export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(quoteCsvField).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
