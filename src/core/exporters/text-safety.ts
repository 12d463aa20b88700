/**
 * The character policy of every export, in one place. Each format keeps its own quoting syntax
 * (CSV fields, Markdown escapes, PowerShell and bash literals, PDF text) in its module; what a
 * character from the plan may become comes from here:
 *
 * - Invisible controls (Trojan Source, CVE-2021-42574): the bidi controls U+200E, U+200F,
 *   U+202A-U+202E and U+2066-U+2069, the C0 controls, DEL and the C1 controls, and the line and
 *   paragraph separators U+2028/U+2029. `stripControls` removes them (or replaces them, for the
 *   scripts), except those a format keeps because it handles them itself (tabs and line breaks).
 * - Spreadsheet formulas (reliability guide CSV-1): a cell whose first UTF-16 code unit is
 *   = + - @, TAB, CR, LF, NUL or a full-width ＝ ＋ － ＠ gets a leading apostrophe, whatever follows.
 *   Nothing else in the cell changes.
 * - Length: spreadsheet cells are capped at Excel's 32,767 characters per cell, with a visible
 *   note of what was cut (a longer cell would otherwise be cut or split by the spreadsheet
 *   without a word).
 * - HTML: & < > " ' become character references, so text never becomes markup.
 *
 * Which format applies what:
 *
 * | Format               | Controls and bidi                           | Formulas | Cap  |
 * | -------------------- | ------------------------------------------- | -------- | ---- |
 * | CSV                  | kept as typed (lossless, CSV-1)             | yes      | cell |
 * | XLSX                 | kept, but what XML cannot hold (C0, C1)     | yes      | cell |
 * | Copy table (TSV/HTML)| removed; tabs and line breaks become spaces | yes      | cell |
 * | Markdown             | removed; tabs become spaces, breaks <br>    | no       | no   |
 * | PDF                  | removed (and zero-width characters)         | no       | no   |
 * | PowerShell, bash     | replaced by spaces (one-line literals)      | no       | no   |
 */

/** Every character `stripControls` handles: C0, DEL, C1, LS, PS and the bidi controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export interface StripOptions {
  /** Characters the format handles itself (e.g. '\t\r\n' for a format with line breaks). */
  keep?: string;
  /** What a stripped character becomes: '' (removed, the default) or ' ' (scripts). */
  replacement?: string;
}

/** The text without invisible controls (see the module comment), except those in `keep`. */
export function stripControls(text: string, options: StripOptions = {}): string {
  const { keep = '', replacement = '' } = options;
  return text.replace(CONTROLS, (c) => (keep.includes(c) ? c : replacement));
}

/** Line breaks as the text formats split them: CRLF, CR, LF, NEL, LS, PS. */
export const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;

// = + - @ TAB CR LF NUL, and full-width ＝ ＋ － ＠ (OWASP, WSTG-INPV-21, ASVS V1.2.10).
const FORMULA_TRIGGER = /^[=+\-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Whether a spreadsheet could read the cell as a formula (CSV-1: its first code unit). */
export function startsWithFormulaTrigger(cell: string): boolean {
  return FORMULA_TRIGGER.test(cell);
}

/** CSV-1: a leading apostrophe for a cell that starts with a formula trigger; else unchanged. */
export function neutralizeFormula(cell: string): string {
  return startsWithFormulaTrigger(cell) ? `'${cell}` : cell;
}

/** Excel's limit of characters in one cell. */
export const MAX_SHEET_CELL = 32_767;

/**
 * The text cut to at most `max` UTF-16 code units, a note of how much was cut at its end
 * ("… [12,345 more characters cut; the Markdown and PDF exports show all]"); unchanged when
 * it fits. Never splits a surrogate pair.
 */
export function capText(text: string, max: number = MAX_SHEET_CELL): string {
  if (text.length <= max) return text;
  const note = (cut: number) =>
    `… [${cut.toLocaleString('en-US')} more characters cut; the Markdown and PDF exports show all]`;
  // The note for the whole length is at least as long as the one printed, so the result fits.
  let keep = Math.max(0, max - note(text.length).length);
  const last = text.charCodeAt(keep - 1);
  if (keep > 0 && last >= 0xd800 && last <= 0xdbff) keep -= 1;
  return text.slice(0, keep) + note(text.length - keep);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML content or a quoted attribute: & < > " ' as character references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
