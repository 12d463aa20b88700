/**
 * IPv6 text (RFC 4291 §2.2), including compressed forms and an embedded dotted-decimal IPv4 tail.
 * Zone ids ("%eth0") have no meaning in a firewall rule and are rejected (reliability VAL-2).
 * Output is the RFC 5952 form: lower case, no leading zeros, longest zero run compressed.
 */
import { parseIPv4 } from './ipv4';
import { quoteInput } from './quote';

const GROUP = /^[0-9a-fA-F]{1,4}$/;

type Parsed = { groups: number[] } | { error: string };

function parse(text: string): Parsed {
  if (text === '') return { error: 'Enter an IPv6 address.' };
  const bad = (why: string): Parsed => ({
    error: `${quoteInput(text)} is not a valid IPv6 address: ${why}`,
  });
  if (/\s/.test(text)) return bad('remove the spaces');
  if (text.includes('%')) return bad('zone ids (like %eth0) are not allowed in firewall rules');
  if (text.startsWith('[') || text.endsWith(']')) return bad('remove the square brackets');
  if (!/^[0-9a-fA-F:.]+$/.test(text)) {
    return bad('only hexadecimal digits, colons and (at the end) an IPv4 address are allowed');
  }
  const halves = text.split('::');
  if (halves.length > 2) return bad('"::" may appear only once');
  const compressed = halves.length === 2;
  const toGroups = (part: string, isLast: boolean): number[] | string => {
    if (part === '') return [];
    const pieces = part.split(':');
    const out: number[] = [];
    for (let i = 0; i < pieces.length; i += 1) {
      const piece = pieces[i] ?? '';
      if (piece.includes('.')) {
        if (!isLast || i !== pieces.length - 1) {
          return 'an IPv4 part is allowed only at the end';
        }
        const v4 = parseIPv4(piece);
        if (!v4) return `the IPv4 part "${piece}" is not a strict dotted-decimal address`;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (piece === '') {
        return 'a group is missing between two colons';
      } else if (!GROUP.test(piece)) {
        return 'each group has one to four hexadecimal digits';
      } else {
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = toGroups(halves[0] ?? '', !compressed);
  if (typeof head === 'string') return bad(head);
  const tail = compressed ? toGroups(halves[1] ?? '', true) : [];
  if (typeof tail === 'string') return bad(tail);
  const count = head.length + tail.length;
  if (compressed) {
    if (count > 7) return bad('too many groups for "::"');
    return { groups: [...head, ...new Array<number>(8 - count).fill(0), ...tail] };
  }
  if (count !== 8) return bad('it needs eight groups, or "::" for a run of zeros');
  return { groups: head };
}

/** null when `text` is a valid IPv6 address (no zone id), else a message for the user. */
export function validateIPv6(text: string): string | null {
  const result = parse(text);
  return 'error' in result ? result.error : null;
}

export function isIPv6(text: string): boolean {
  return validateIPv6(text) === null;
}

/** The eight 16-bit groups of a valid address, else null. */
export function parseIPv6(text: string): number[] | null {
  const result = parse(text);
  return 'groups' in result ? result.groups : null;
}

/** RFC 5952 text of eight groups. */
export function formatIPv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < groups.length;) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j += 1;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLength < 2) return hex.join(':');
  const left = hex.slice(0, bestStart).join(':');
  const right = hex.slice(bestStart + bestLength).join(':');
  return `${left}::${right}`;
}

/** The RFC 5952 form of a valid address, else null. */
export function canonicalIPv6(text: string): string | null {
  const groups = parseIPv6(text);
  return groups ? formatIPv6(groups) : null;
}
