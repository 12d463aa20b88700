/**
 * Address ranges for zone placement: an IPv4 or IPv6 address or CIDR block as a range of
 * integers (bigint), on top of the planner's own validators (core/validate: strict dotted
 * decimal, RFC 4291 IPv6, CIDR). No cross-family matching: an IPv4-mapped IPv6 address
 * (::ffff:10.0.0.1) is IPv6 and only an IPv6 block holds it.
 */
import { isCidr } from '@/core/validate/cidr';
import { parseIPv4 } from '@/core/validate/ipv4';
import { formatIPv6, parseIPv6 } from '@/core/validate/ipv6';

export interface IpBlock {
  family: 4 | 6;
  /** The network's first address. */
  start: bigint;
  /** The block's last address. */
  end: bigint;
  prefix: number;
}

function bitsOf(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

function addressValue(text: string): { family: 4 | 6; value: bigint } | null {
  if (text.includes(':')) {
    const groups = parseIPv6(text);
    if (!groups) return null;
    return { family: 6, value: groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n) };
  }
  const octets = parseIPv4(text);
  if (!octets) return null;
  return { family: 4, value: octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n) };
}

function blockOf(family: 4 | 6, value: bigint, prefix: number): IpBlock {
  const hostBits = BigInt(bitsOf(family) - prefix);
  const size = 1n << hostBits;
  const start = (value >> hostBits) << hostBits;
  return { family, start, end: start + size - 1n, prefix };
}

/**
 * The range of an address ("10.0.0.1", "2001:db8::1": a block of one) or of a CIDR block
 * ("10.0.0.0/8"; host bits set are ignored: "10.0.0.1/8" is 10.0.0.0/8). Null for anything
 * else (a host name, an invalid address).
 */
export function parseBlock(text: string): IpBlock | null {
  const trimmed = text.trim();
  if (trimmed.includes('/')) {
    if (!isCidr(trimmed)) return null;
    const [address = '', prefix = ''] = trimmed.split('/');
    const parsed = addressValue(address);
    return parsed ? blockOf(parsed.family, parsed.value, Number(prefix)) : null;
  }
  const parsed = addressValue(trimmed);
  return parsed ? blockOf(parsed.family, parsed.value, bitsOf(parsed.family)) : null;
}

/** True when `outer` holds every address of `inner`. */
export function blockContains(outer: IpBlock, inner: IpBlock): boolean {
  return outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
}

/** True when the two blocks share an address (CIDR blocks are then nested or equal). */
export function blocksOverlap(a: IpBlock, b: IpBlock): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

/** The block's text in canonical form ("10.0.0.0/8", "2001:db8::/32"). */
export function formatBlock(block: IpBlock): string {
  if (block.family === 4) {
    const octets = [24n, 16n, 8n, 0n].map((shift) => Number((block.start >> shift) & 0xffn));
    return `${octets.join('.')}/${block.prefix}`;
  }
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) {
    groups.push(Number((block.start >> shift) & 0xffffn));
  }
  return `${formatIPv6(groups)}/${block.prefix}`;
}
