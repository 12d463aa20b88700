/**
 * PowerShell literals for user-controlled text. Every user string in a generated script is
 * a single-quoted literal: no variable expansion, no subexpressions, and the only escape is a
 * doubled quote. PowerShell treats the typographic quotes ‘ ’ ‚ ‛ like ', so those are doubled
 * too. Line terminators (including NEL, LS, PS), other control characters and bidi controls
 * become spaces, so a literal never spans lines (safe inside a commented-out line as well); the
 * set of characters is the exports' shared policy (text-safety.ts).
 */
import { stripControls } from './text-safety';

const PS_QUOTE = /['\u2018\u2019\u201a\u201b]/g;

/** The text a literal made by psQuote evaluates to. */
export function psSanitize(text: string): string {
  return stripControls(text, { replacement: ' ' });
}

export function psQuote(text: string): string {
  return `'${psSanitize(text).replace(PS_QUOTE, (q) => q + q)}'`;
}

/** @('a', 'b') */
export function psArray(items: readonly string[]): string {
  return `@(${items.map(psQuote).join(', ')})`;
}

/** Generator text for a line comment (catalog role names, counts); never user text. */
export function psComment(text: string): string {
  return psSanitize(text).replace(/\s+/g, ' ').trim();
}

/** A stable, locale-independent rule name: "AMFP-" + 14 hex digits of a 53-bit hash. */
export function stableRuleName(flowKey: string): string {
  // cyrb53 (public domain): two 32-bit lanes mixed into 53 bits.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < flowKey.length; i += 1) {
    const ch = flowKey.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `AMFP-${hash.toString(16).padStart(14, '0')}`;
}
