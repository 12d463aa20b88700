/**
 * Bash literals for user-controlled text. Every user string in a generated bash script is a
 * single-quoted literal: inside '...' bash expands nothing ($, `, \, " and ! are plain
 * characters), and the only character that needs care is the quote itself, written '\''
 * (close, escaped quote, reopen). bashQuote is exact; bashLiteral also turns control
 * characters, line terminators and bidi controls into spaces, so a literal stays on one line
 * (safe inside a commented-out line as well) and shows what it holds.
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The exact single-quoted literal of `text`: bash reads it back as `text`. NUL, which no bash
 * string can hold, is dropped.
 */
export function bashQuote(text: string): string {
  return `'${text.replace(/\0/g, '').replace(/'/g, "'\\''")}'`;
}

/** The text a literal made by bashLiteral evaluates to. */
export function bashSanitize(text: string): string {
  return text.replace(UNSAFE, ' ');
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
