/**
 * Escaping of user and catalog text for GitHub-flavoured Markdown (reliability guide MD-1,
 * with line breaks kept as <br> inside table cells):
 * 1. control and bidi characters are removed (text-safety.ts), tabs become spaces;
 * 2. in one pass: the backslash and the inline markers ` * _ [ ] | ~ are backslash-escaped,
 *    & < > become entities (so no raw HTML gets through), and what a renderer would turn into a
 *    link is defused (MD-1 "autolinks"): the dot of `www.`, the first slash of `//` (so no
 *    `scheme://` of any scheme, nor a protocol-relative `//host`) and `@` are backslash-escaped,
 *    and an e-mail address becomes a code span (cmark-gfm joins the text before it looks for
 *    addresses, so no escape stops it there; nothing is linked inside a code span);
 * 3. a leading block marker (# > - + =) is escaped so a line cannot start a block (every line
 *    the exporter writes starts with its own text, so ordered-list digits never lead);
 * 4. line breaks become <br> in cells (or a space outside tables).
 *
 * Escaped text renders as typed (e-mail addresses in monospace) and makes no link in GFM
 * renderers (cmark-gfm) nor in markdown-it with linkify. A bare host name with a known top-level
 * domain (`fs01.corp.com`) still becomes a link where a renderer links fuzzy host names
 * (markdown-it's linkify default; GFM does not): accepted in MD-1, as escaping every dot would
 * make the raw Markdown hard to read.
 *
 * Links the exporter adds on purpose (the permalink, the vendor pages) are written with
 * markdownUrl and passed to markdownTable as MarkdownSource cells.
 */
import { LINE_BREAK, stripControls } from './text-safety';

const ESCAPED = /[\\`*_[\]|~@&<>]|\/(?=\/)|(?<=www)\./gi;
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// What cmark-gfm would link as an e-mail address: local part, @, a domain with a dot.
const EMAIL_LIKE = /[A-Za-z0-9.+\-_]+@[A-Za-z0-9.\-_]+/g;

function escapeInline(text: string): string {
  return text.replace(ESCAPED, (c) => HTML[c] ?? `\\${c}`);
}

function escapeLine(line: string): string {
  let escaped = '';
  let done = 0;
  for (const match of line.matchAll(EMAIL_LIKE)) {
    const address = match[0];
    if (!/\.[A-Za-z0-9]/.test(address.slice(address.indexOf('@')))) continue;
    // A code span: shown as typed, and no renderer links inside one.
    escaped += `${escapeInline(line.slice(done, match.index))}\`${address}\``;
    done = match.index + address.length;
  }
  escaped += escapeInline(line.slice(done));
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

/** Markdown the exporter writes itself (a link it adds on purpose), put into a cell as it is. */
export interface MarkdownSource {
  readonly markdown: string;
}

/**
 * A URL the exporter adds on purpose (the permalink, a vendor page) as an autolink when it is a
 * plain http(s) URL that cannot leave the link or the table cell; anything else as escaped text.
 */
export function markdownUrl(url: string): string {
  return /^https?:\/\/[^\s<>|\\]+$/.test(url) ? `<${url}>` : escapeMarkdownText(url);
}

export type MarkdownCell = string | MarkdownSource;

function cellMarkdown(cell: MarkdownCell): string {
  return typeof cell === 'string' ? escapeMarkdownCell(cell) : cell.markdown;
}

export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly MarkdownCell[])[],
): string {
  const line = (cells: readonly MarkdownCell[]) => `| ${cells.map(cellMarkdown).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}
