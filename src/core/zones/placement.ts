/**
 * Which zone an address belongs to. An IP address: the zone whose CIDR holds it, the longest
 * prefix winning (the same block in two zones is ambiguous: no zone). A CIDR block (devices may
 * have one): the zone of the longest block that holds it whole, unless a longer block of another
 * zone lies inside it (then it spans zones: no zone). A Microsoft cloud FQDN: the built-in
 * Internet zone. Anything the CIDRs do not place (a host known only by name, an address outside
 * every zone) takes the zone chosen by hand, if any. Each address of a device is placed on its
 * own, so a device may span zones.
 */
import { addressKey } from '@/core/validate/validate-address';

import type { IpBlock } from './ip';
import { blockContains, blocksOverlap, parseBlock } from './ip';
import type { Zone, ZoneModel } from './model';
import { INTERNET_ZONE_ID } from './model';

export type Placement =
  | { kind: 'zone'; zoneId: string; via: 'cidr'; cidr: string }
  | { kind: 'zone'; zoneId: string; via: 'assignment' | 'internet' }
  | {
      kind: 'none';
      /**
       * no-zone: an IP address or block outside every zone; name: a host name with no zone
       * chosen; ambiguous: the same longest block in several zones; spans: a CIDR block across
       * zones (`zoneIds` lists them).
       */
      reason: 'no-zone' | 'name' | 'ambiguous' | 'spans';
      zoneIds: string[];
    };

interface ZoneBlock {
  zoneId: string;
  cidr: string;
  block: IpBlock;
}

export interface ZoneIndex {
  blocks: ZoneBlock[];
  zoneIds: Set<string>;
  /** addressKey -> zone id, from the hand-made assignments to known zones. */
  assignments: Map<string, string>;
}

/** The zones' valid blocks and the assignments, ready for placement (invalid CIDRs are checks). */
export function zoneIndex(model: Pick<ZoneModel, 'zones' | 'assignments'>): ZoneIndex {
  const blocks: ZoneBlock[] = [];
  for (const zone of model.zones) {
    for (const cidr of zone.cidrs) {
      const block = cidr.includes('/') ? parseBlock(cidr) : null;
      if (block) blocks.push({ zoneId: zone.id, cidr, block });
    }
  }
  const zoneIds = new Set([INTERNET_ZONE_ID, ...model.zones.map((z: Zone) => z.id)]);
  const assignments = new Map<string, string>();
  // Sorted so that two assignments of one address resolve the same in any order (checks say so).
  const sorted = [...model.assignments].sort((a, b) => compare(a.zoneId, b.zoneId));
  for (const assignment of sorted) {
    const key = addressKey(assignment.address);
    if (key !== '' && zoneIds.has(assignment.zoneId) && !assignments.has(key)) {
      assignments.set(key, assignment.zoneId);
    }
  }
  return { blocks, zoneIds, assignments };
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byCidr(block: IpBlock, index: ZoneIndex): Placement {
  const holding = index.blocks.filter((z) => blockContains(z.block, block));
  const longest = Math.max(-1, ...holding.map((z) => z.block.prefix));
  const best = holding.filter((z) => z.block.prefix === longest);
  const bestZones = [...new Set(best.map((z) => z.zoneId))].sort(compare);
  // Longer blocks inside this one (for a CIDR address): another zone inside makes it span.
  const inside = index.blocks.filter(
    (z) =>
      z.block.prefix > longest && blocksOverlap(z.block, block) && !blockContains(z.block, block),
  );
  const insideZones = [...new Set(inside.map((z) => z.zoneId))];
  if (bestZones.length > 1) return { kind: 'none', reason: 'ambiguous', zoneIds: bestZones };
  const zoneId = bestZones[0];
  if (insideZones.some((id) => id !== zoneId)) {
    const all = [...new Set([...bestZones, ...insideZones])].sort(compare);
    return { kind: 'none', reason: 'spans', zoneIds: all };
  }
  if (zoneId === undefined) return { kind: 'none', reason: 'no-zone', zoneIds: [] };
  const cidr = best.map((z) => z.cidr).sort(compare)[0] ?? '';
  return { kind: 'zone', zoneId, via: 'cidr', cidr };
}

/**
 * The zone of one address of the resolved plan. `cloud`: a Microsoft cloud FQDN destination
 * (ResolvedHost.cloud), which is always in the Internet zone.
 */
export function placeAddress(address: string, index: ZoneIndex, cloud = false): Placement {
  if (cloud) return { kind: 'zone', zoneId: INTERNET_ZONE_ID, via: 'internet' };
  const block = parseBlock(address);
  const placed: Placement = block
    ? byCidr(block, index)
    : { kind: 'none', reason: 'name', zoneIds: [] };
  if (placed.kind === 'zone') return placed;
  const assigned = index.assignments.get(addressKey(address));
  if (assigned !== undefined && (placed.reason === 'name' || placed.reason === 'no-zone')) {
    return { kind: 'zone', zoneId: assigned, via: 'assignment' };
  }
  return placed;
}
