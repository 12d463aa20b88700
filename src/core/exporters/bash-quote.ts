/**
 * Bash literals for user-controlled text. Every user string in a generated bash script is a
 * single-quoted literal: inside '...' bash expands nothing ($, `, \, " and ! are plain
 * characters), and the only character that needs care is the quote itself, written '\''
 * (close, escaped quote, reopen). bashQuote is exact; bashLiteral also turns control
 * characters, line terminators and bidi controls into spaces, so a literal stays on one line
 * (safe inside a commented-out line as well) and shows what it holds. The set of characters is
 * the exports' shared policy (text-safety.ts).
 */
import { stripControls } from './text-safety';

/**
 * The exact single-quoted literal of `text`: bash reads it back as `text`. NUL, which no bash
 * string can hold, is dropped.
 */
export function bashQuote(text: string): string {
  return `'${text.replace(/\0/g, '').replace(/'/g, "'\\''")}'`;
}

/** The text a literal made by bashLiteral evaluates to. */
export function bashSanitize(text: string): string {
  return stripControls(text, { replacement: ' ' });
}

/** A one-line single-quoted literal of `text` (control characters become spaces). */
export function bashLiteral(text: string): string {
  return bashQuote(bashSanitize(text));
}

/** ('a' 'b'): a bash array of literals. */
export function bashArray(items: readonly string[]): string {
  return `(${items.map(bashLiteral).join(' ')})`;
}

/** Generator text for a line comment (catalog role names, counts); never user text. */
export function bashComment(text: string): string {
  return bashSanitize(text).replace(/\s+/g, ' ').trim();
}
