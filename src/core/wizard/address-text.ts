/**
 * The addresses field of a device: free text, one address per line (commas, semicolons and
 * spaces also separate). What the user typed is kept as entries, valid or not.
 */

/** Splits the field's text into address entries (trimmed, empty ones dropped, order kept). */
export function splitAddressText(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The field's text for a device's addresses. */
export function joinAddresses(addresses: readonly string[]): string {
  return addresses.join('\n');
}

/**
 * Rows for the text: its lines, a long one counted as the lines it wraps to at about 30
 * characters a line in a table cell (55 in a card), at least 1 (2 in a card), at most 10.
 */
export function textareaRows(text: string, compact: boolean): number {
  const perLine = compact ? 30 : 55;
  const wrapped = text
    .split('\n')
    .reduce((rows, line) => rows + Math.max(1, Math.ceil(line.length / perLine)), 0);
  return Math.min(10, Math.max(compact ? 1 : 2, wrapped));
}
