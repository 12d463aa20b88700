/**
 * The host keys of the scripts (`-HostKey` of the PowerShell scripts, `--host` of the firewalld
 * script): made from the name the user typed, e.g. "Agent NYC" -> `Agent-NYC`, so the key a user
 * passes is the name they know. One mapping for the three scripts, from the report's hosts, so a
 * host has the same key in each of them. (ReportHost.key, the report's internal id such as
 * "agent-1", stays as it is: the review and the sheets use it.)
 *
 * A key holds letters and digits of any script (NFC), joined by `-`, with `.` and `_` kept:
 * no quote, space, `$`, backtick or other character PowerShell or bash would read, so it is
 * safe unquoted on a command line as well as inside the scripts' single-quoted literals. Rules:
 *
 * - runs of other characters (spaces, punctuation, controls, bidi marks) become one `-`; a key
 *   starts with a letter or digit and ends with one (or a mark);
 * - a key PowerShell would read as a number in argument mode (`1kb`, `0x10`, `1e3`, `12`) gets
 *   `host-` in front: `-HostKey 1kb` would bind 1024;
 * - at most 48 characters (cut at a `-` where one is near);
 * - a name without a letter or digit takes the report's key (e.g. `dev-3`);
 * - keys are unique without regard to case (PowerShell compares without case, and so do the
 *   scripts): the second host with the same key gets `-2`, the third `-3`, ... in the order of
 *   the report's hosts (deterministic for a plan).
 *
 * The scripts also accept the host's name itself (any case) when no key matches.
 */
import type { Report, ReportHost } from '@/core/report/model';

import { isLinuxHost, isWindowsHost } from './script-hosts';
import { stripControls } from './text-safety';

const MAX_KEY = 48;

// Letters, marks and digits of any script, and the two separators kept inside a word.
const WORD = /[\p{L}\p{M}\p{Nd}._]+/gu;
// What a key may not start with (a mark, `.`, `_`) or end with (`.`, `_`, `-`).
const EDGE = /^[^\p{L}\p{Nd}]+|[-._]+$/gu;
// What PowerShell's argument mode reads as a number: decimal, hex or binary, an exponent, a
// type suffix and a multiplier suffix (PowerShell 5.1 and 7).
const PS_NUMBER =
  /^(0x[0-9a-f]+|0b[01]+|(\d+(\.\d*)?|\.\d+)(e-?\d+)?)(ul|us|uy|u|l|y|s|n|d)?(kb|mb|gb|tb|pb)?$/i;

/** At most MAX_KEY code points, cut at a `-` in the second half where there is one. */
function cut(key: string): string {
  const chars = Array.from(key);
  if (chars.length <= MAX_KEY) return key;
  const head = chars.slice(0, MAX_KEY).join('');
  const dash = head.lastIndexOf('-');
  return (dash >= head.length / 2 ? head.slice(0, dash) : head).replace(EDGE, '');
}

/** The key a host named `name` gets before uniqueness; '' when the name has no letter or digit. */
export function scriptKeyOf(name: string): string {
  const text = stripControls(name.normalize('NFC'), { replacement: ' ' });
  const words = (text.match(WORD) ?? []).map((w) => w.replace(EDGE, '')).filter((w) => w !== '');
  const key = cut(words.join('-'));
  if (key === '') return '';
  return PS_NUMBER.test(key) ? cut(`host-${key}`) : key;
}

/** The hosts the scripts name (Windows and Linux hosts), in the report's order. */
function scriptedHosts(report: Pick<Report, 'hosts'>): ReportHost[] {
  return report.hosts.filter((h) => isWindowsHost(h) || isLinuxHost(h));
}

/**
 * The script key of each host of the report a script names (Windows and Linux hosts), by
 * ReportHost.key. Unique without regard to case.
 */
export function scriptHostKeys(report: Pick<Report, 'hosts'>): ReadonlyMap<string, string> {
  const keys = new Map<string, string>();
  const taken = new Set<string>();
  for (const host of scriptedHosts(report)) {
    const base = scriptKeyOf(host.label) || host.key;
    let key = base;
    for (let n = 2; taken.has(key.toLowerCase()); n += 1) key = `${base}-${n}`;
    taken.add(key.toLowerCase());
    keys.set(host.key, key);
  }
  return keys;
}

/** A function from a report host to its script key (the report's key for a host no script names). */
export function scriptKeyFor(report: Pick<Report, 'hosts'>): (host: ReportHost) => string {
  const keys = scriptHostKeys(report);
  return (host) => keys.get(host.key) ?? host.key;
}
