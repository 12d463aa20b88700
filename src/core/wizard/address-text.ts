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
