/**
 * Named, ordered migrations of the permalink's compact form (tldraw style).
 *
 * A link carries its PERMALINK_VERSION in the envelope (`<version>.<data>.<checksum>`). Each
 * version has exactly one compact format (./compact.ts documents them). Decoding inflates
 * the data, then runs the steps below from the link's version up to PERMALINK_VERSION, then
 * expands the current compact format into a plan and validates it with migratePlan/parsePlan.
 * A link of a later version (a newer planner) is refused before anything is unpacked, and the
 * current compact form refuses keys it does not have, so nothing is ever dropped in silence.
 *
 * Versions:
 *   1  the first format. Links made before plan.deployment existed have no `e`; links made
 *      between that change and version 2 may have one (written under version 1).
 *   2  `e` (deployment: push install, network proxy, archive share) is part of the format.
 *      Same wire format (deflate with the format-1 dictionary).
 *   3  plan format 3: `t` (the Microsoft tenant, once per plan), `o` (more consoles), `g` (the
 *      agents' services) and `i.p` (Threat Prevention). Same wire format.
 *   4  plan format 4: `x` (the named CEE servers). A link of version 1 to 3 expands to a plan of
 *      format 3 (planFormatOfLink), which the plan migration 'v4-named-cee-servers' names the CEE
 *      servers of; so the link step only refuses `x`. Same wire format.
 *   5  plan format 5: `z` (the network zones and firewalls). A link of version 4 expands to a
 *      plan of format 4, which the plan migration 'v5-network-zones' gives an empty network; the
 *      link step only refuses `z`. Same wire format.
 *
 * HOW TO ADD A VERSION (e.g. when the plan's shape or the compact format changes):
 *   1. Bump PERMALINK_VERSION below (the codec writes it on every new link).
 *   2. Change ./compact.ts to write and read the new compact format (keep the frozen defaults
 *      documented; never edit them in place, only add new ones).
 *   3. Add a step { fromVersion: N, name: 'v<N+1>-<what-changed>', up } here. `up` receives the
 *      parsed compact JSON of version N (untrusted: check shapes, never assume; build new
 *      objects by spreading, never by assigning keys taken from the input) and returns the
 *      compact JSON of version N+1. It may throw; the decoder turns that into an error.
 *   4. If the wire format changes too (compression, dictionary), add the version to
 *      WIRE_FORMATS in ./codec.ts; old versions keep their entry forever.
 *   5. Generate a golden link of the NEW version into tests/fixtures/permalinks/v<N+1>.txt (with
 *      its expected plan), and KEEP the old ones: the golden-link test decodes every fixture, in
 *      every later version, to its expected plan. Never regenerate an old fixture.
 */

import { MAX_SHOWN } from '@/core/validate/quote';

import { COMPACT_V3_TOP_KEYS, COMPACT_V4_TOP_KEYS, COMPACT_V5_TOP_KEYS } from './compact';

/** The version this planner writes; links of versions 1..PERMALINK_VERSION open. */
export const PERMALINK_VERSION = 5;

/**
 * The plan format a link of `version` expands to: links before version 4 hold the CEE servers
 * per device (plan format 3), which migratePlan then names.
 */
export function planFormatOfLink(version: number): number {
  return version < 4 ? 3 : version === 4 ? 4 : 5;
}

/**
 * Format 3 names the tenant once (`t`): the first device tenant of a format-2 link becomes it,
 * and devices that named exactly it name none (position 3 of a device entry, 0 = none); a device
 * that named another tenant keeps it. Keys format 2 did not have are refused, never taken.
 */
function liftLinkTenant(compact: Record<string, unknown>): Record<string, unknown> {
  const extra = COMPACT_V3_TOP_KEYS.find((key) => Object.hasOwn(compact, key));
  if (extra !== undefined) throw new Error(`the key "${extra}" is not part of link format 2`);
  const devices = compact.d;
  if (!Array.isArray(devices)) return { ...compact };
  const named = devices.find(
    (x): x is unknown[] => Array.isArray(x) && typeof x[3] === 'string' && x[3] !== '',
  );
  if (!named) return { ...compact };
  const tenant = named[3] as string;
  return {
    ...compact,
    t: tenant,
    d: devices.map((x: unknown) =>
      Array.isArray(x) && x[3] === tenant ? x.map((item, i) => (i === 3 ? 0 : item)) : x,
    ),
  };
}

export interface LinkMigration {
  /** The link version this step reads; it writes fromVersion + 1. */
  fromVersion: number;
  /** A stable, descriptive name, e.g. 'v2-devices-as-objects'. */
  name: string;
  up: (compact: Record<string, unknown>) => Record<string, unknown>;
}

export const LINK_MIGRATIONS: readonly LinkMigration[] = [
  {
    // Version 2 makes `e` part of the format. A version-1 link without `e` (made before
    // plan.deployment existed) keeps meaning the default deployment; one with `e` (made in
    // between) keeps its deployment. The compact form itself needs no change.
    fromVersion: 1,
    name: 'v2-deployment-settings',
    up: (compact) => ({ ...compact }),
  },
  {
    fromVersion: 2,
    name: 'v3-tenant-once-and-agent-services',
    up: liftLinkTenant,
  },
  {
    // The compact form is unchanged; the plan migration names the CEE servers.
    fromVersion: 3,
    name: 'v4-named-cee-servers',
    up: (compact) => {
      const extra = COMPACT_V4_TOP_KEYS.find((key) => Object.hasOwn(compact, key));
      if (extra !== undefined) throw new Error(`the key "${extra}" is not part of link format 3`);
      return { ...compact };
    },
  },
  {
    // The compact form is unchanged; the plan migration adds the empty network.
    fromVersion: 4,
    name: 'v5-network-zones',
    up: (compact) => {
      const extra = COMPACT_V5_TOP_KEYS.find((key) => Object.hasOwn(compact, key));
      if (extra !== undefined) throw new Error(`the key "${extra}" is not part of link format 4`);
      return { ...compact };
    },
  },
];

export type LinkMigrateResult =
  { ok: true; compact: Record<string, unknown>; applied: string[] } | { ok: false; error: string };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Brings a compact form of `version` up to `target` (PERMALINK_VERSION by default). Never throws.
 * `migrations` is a parameter so that tests can exercise the mechanism with steps of their own.
 */
export function migrateCompact(
  compact: unknown,
  version: number,
  migrations: readonly LinkMigration[] = LINK_MIGRATIONS,
  target: number = PERMALINK_VERSION,
): LinkMigrateResult {
  if (!isRecord(compact)) return { ok: false, error: 'the link holds no plan object' };
  let current = compact;
  const applied: string[] = [];
  for (let from = version; from < target; from += 1) {
    const step = migrations.find((m) => m.fromVersion === from);
    if (!step) return { ok: false, error: `no migration from link version ${from}` };
    try {
      const next = step.up(current);
      if (!isRecord(next)) return { ok: false, error: `migration "${step.name}" gave no object` };
      current = next;
    } catch (e) {
      return {
        ok: false,
        error: `migration "${step.name}" failed: ${String(e).slice(0, MAX_SHOWN)}`,
      };
    }
    applied.push(step.name);
  }
  return { ok: true, compact: current, applied };
}
