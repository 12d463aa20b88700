/**
 * Escaping of user and catalog text for GitHub-flavoured Markdown (reliability guide MD-1,
 * with line breaks kept as <br> inside table cells):
 * 1. control and bidi characters are removed (Trojan Source; the exports' shared policy in
 *    text-safety.ts, U+200E and U+200F included), tabs become spaces;
 * 2. backslash first, then the inline markers ` * _ [ ] | ~ are backslash-escaped;
 * 3. & < > become entities, so no raw HTML gets through;
 * 4. a leading block marker (# > - + =) is escaped so a line cannot start a block (every line
 *    the exporter writes starts with its own text, so ordered-list digits never lead);
 * 5. line breaks become <br> in cells (or a space outside tables).
 */
import { LINE_BREAK, stripControls } from './text-safety';

const INLINE = /[\\`*_[\]|~]/g;
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function escapeLine(line: string): string {
  const escaped = line.replace(INLINE, (c) => `\\${c}`).replace(/[&<>]/g, (c) => HTML[c] ?? c);
  // Block markers only matter at the start of a line (after optional spaces).
  return escaped.replace(/^(\s*)([#>+=-])/, '$1\\$2');
}

/** Controls and bidi controls removed; tabs and line breaks are the escaper's to handle. */
function visible(text: string): string {
  return stripControls(text, { keep: '\t\r\n\u0085\u2028\u2029' }).replace(/\t/g, ' ');
}

export function escapeMarkdownCell(text: string): string {
  return visible(text).split(LINE_BREAK).map(escapeLine).join('<br>');
}

/** For headings, list items and paragraphs: the same escaping, line breaks become spaces. */
export function escapeMarkdownText(text: string): string {
  return visible(text).split(LINE_BREAK).map(escapeLine).join(' ');
}

export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeMarkdownCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}
