/**
 * Quoting user, file or link text inside messages: one helper for every message the planner
 * shows (validation, plan files, permalinks), so that text from outside is always short, on one
 * line and visibly data, never read as the planner's own words.
 */

/** The most characters of outside text a message shows (then "…"). */
export const MAX_SHOWN = 64;

/** Line breaks, tabs and other control characters: shown as a space. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Bidirectional overrides and isolates, which can reorder the text around them: dropped. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `"010.0.0.1"`: the text in double quotes, on one line, shortened to MAX_SHOWN characters
 * with "…" when longer (never cutting a character in two); a `"` inside is shown as `\"` so the
 * quotes around it stay the quotes. Costs the same for a 1 MB text as for a short one.
 */
export function quoteInput(text: string, max: number = MAX_SHOWN): string {
  // Look at a little more than can be shown, never at the whole of a huge text.
  const head = text.slice(0, max * 2 + 2);
  const clean = head.replace(CONTROLS, ' ').replace(BIDI, '');
  let shown = clean;
  if (clean.length > max || text.length > head.length) {
    shown = clean.slice(0, max - 1);
    if (/[\ud800-\udbff]$/.test(shown)) shown = shown.slice(0, -1);
    shown += '…';
  }
  return `"${shown.replace(/"/g, '\\"')}"`;
}

/**
 * Any value from outside, described for a message: text quoted (quoteInput), numbers and
 * booleans as they are (shortened too), other values by their kind.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quoteInput(value);
  if (typeof value === 'number' || typeof value === 'boolean') {
    const text = String(value);
    return text.length > MAX_SHOWN ? quoteInput(text) : text;
  }
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
