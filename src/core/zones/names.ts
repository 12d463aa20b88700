/**
 * Object names for firewall configurations: deterministic, made of letters, digits, "-", "_"
 * and ".", at most MAX_OBJECT_NAME characters (PAN-OS allows 63; FortiOS and ASA more), and
 * unique: two different objects with the same name get "-2", "-3"... in the order of their
 * contents, so the same plan always gives the same names whatever the order of its parts.
 */
import { compare } from './placement';

export const MAX_OBJECT_NAME = 63;
/** Room kept for a "-<n>" suffix. */
const SUFFIX_ROOM = 4;

/** "Activity Agent Server" -> "Activity-Agent-Server"; never empty. */
export function slug(text: string): string {
  const out = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return out === '' ? 'x' : out;
}

/** A base name cut to leave room for a suffix. */
export function baseName(parts: readonly string[]): string {
  return parts
    .map(slug)
    .join('-')
    .slice(0, MAX_OBJECT_NAME - SUFFIX_ROOM)
    .replace(/-+$/, '');
}

/**
 * Unique names for objects: `items` are [base name, content key]; the same key always gets the
 * same name. Returns content key -> name.
 */
export function uniqueNames(items: readonly (readonly [string, string])[]): Map<string, string> {
  const byBase = new Map<string, Set<string>>();
  for (const [base, key] of items) {
    const keys = byBase.get(base) ?? new Set<string>();
    keys.add(key);
    byBase.set(base, keys);
  }
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const bases = [...byBase.keys()].sort(compare);
  for (const base of bases) {
    const keys = [...(byBase.get(base) ?? [])].sort(compare);
    keys.forEach((key, i) => {
      if (names.has(key)) return;
      let n = i + 1;
      let name = n === 1 ? base : `${base}-${n}`;
      while (taken.has(name)) {
        n += 1;
        name = `${base}-${n}`;
      }
      taken.add(name);
      names.set(key, name);
    });
  }
  return names;
}
