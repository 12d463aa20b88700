/**
 * Escaping of user and catalog text for GitHub-flavoured Markdown (reliability guide MD-1,
 * with line breaks kept as <br> inside table cells):
 * 1. control and bidi characters are removed (Trojan Source), tabs become spaces;
 * 2. backslash first, then the inline markers ` * _ [ ] | ~ are backslash-escaped;
 * 3. & < > become entities, so no raw HTML gets through;
 * 4. a leading block marker (# > - + =) is escaped so a line cannot start a block (every line
 *    the exporter writes starts with its own text, so ordered-list digits never lead);
 * 5. line breaks become <br> in cells (or a space outside tables).
 */

// C0 (except TAB, CR, LF), DEL, C1 (except NEL), bidi embeddings, overrides and isolates.
const STRIP =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;
const INLINE = /[\\`*_[\]|~]/g;
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function escapeLine(line: string): string {
  const escaped = line.replace(INLINE, (c) => `\\${c}`).replace(/[&<>]/g, (c) => HTML[c] ?? c);
  // Block markers only matter at the start of a line (after optional spaces).
  return escaped.replace(/^(\s*)([#>+=-])/, '$1\\$2');
}

export function escapeMarkdownCell(text: string): string {
  return text.replace(STRIP, '').replace(/\t/g, ' ').split(LINE_BREAK).map(escapeLine).join('<br>');
}

/** For headings, list items and paragraphs: the same escaping, line breaks become spaces. */
export function escapeMarkdownText(text: string): string {
  return text.replace(STRIP, '').replace(/\t/g, ' ').split(LINE_BREAK).map(escapeLine).join(' ');
}

export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeMarkdownCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}
