/**
 * CIDR blocks: an IPv4 address with /0-32 or an IPv6 address with /0-128, the prefix in
 * decimal without leading zeros. Host bits set is a warning with the normalised network,
 * never a silent change (reliability VAL-3).
 */
import { parseIPv4, validateIPv4 } from './ipv4';
import { formatIPv6, parseIPv6, validateIPv6 } from './ipv6';
import { quoteInput } from './quote';

interface CidrParts {
  family: 4 | 6;
  address: string;
  prefix: number;
}

function split(text: string): CidrParts | string {
  if (text === '') return 'Enter a CIDR block (like 10.0.0.0/24).';
  const bad = (why: string): string => `${quoteInput(text)} is not a valid CIDR block: ${why}`;
  if (/\s/.test(text)) return bad('remove the spaces');
  const parts = text.split('/');
  if (parts.length !== 2)
    return bad('write an address, "/" and a prefix length (like 10.0.0.0/24)');
  const [address = '', prefixText = ''] = parts;
  const family: 4 | 6 = address.includes(':') ? 6 : 4;
  const addressError = family === 4 ? validateIPv4(address) : validateIPv6(address);
  if (addressError) return bad(addressError.replace(/^"[^"]*" is not a valid /, 'not a valid '));
  const max = family === 4 ? 32 : 128;
  if (!/^[0-9]+$/.test(prefixText)) return bad(`the prefix length must be a number 0-${max}`);
  if (prefixText.length > 1 && prefixText.startsWith('0')) {
    return bad('the prefix length cannot have leading zeros');
  }
  const prefix = Number(prefixText);
  if (prefix > max) return bad(`the prefix length must be between 0 and ${max}`);
  return { family, address, prefix };
}

/** null when `text` is a valid CIDR block, else a message for the user. */
export function validateCidr(text: string): string | null {
  const parts = split(text);
  return typeof parts === 'string' ? parts : null;
}

export function isCidr(text: string): boolean {
  return validateCidr(text) === null;
}

function bitsOf(parts: CidrParts): number[] {
  if (parts.family === 4) return parseIPv4(parts.address) ?? [];
  return parseIPv6(parts.address) ?? [];
}

/** The network of a valid block ("10.0.0.1/8" -> "10.0.0.0/8"); null when invalid. */
export function cidrNetwork(text: string): string | null {
  const parts = split(text);
  if (typeof parts === 'string') return null;
  const width = parts.family === 4 ? 8 : 16;
  const units = bitsOf(parts).map((unit, i) => {
    const keep = Math.max(0, Math.min(width, parts.prefix - i * width));
    const mask = keep === 0 ? 0 : ((0xffff << (width - keep)) & ((1 << width) - 1)) >>> 0;
    return unit & mask;
  });
  const address = parts.family === 4 ? units.join('.') : formatIPv6(units);
  return `${address}/${parts.prefix}`;
}

/** A warning for valid blocks with host bits set, naming the network to use instead. */
export function cidrHostBitsWarning(text: string): string | null {
  const parts = split(text);
  if (typeof parts === 'string') return null;
  const network = cidrNetwork(text);
  if (network === null) return null;
  const same =
    parts.family === 4
      ? network === text
      : network === `${formatIPv6(bitsOf(parts))}/${parts.prefix}`;
  if (same) return null;
  return `${quoteInput(text)} has host bits set; the network is ${network}`;
}

/** True for /0 blocks (any address), which need an explicit confirmation. */
export function isAnyCidr(text: string): boolean {
  const parts = split(text);
  return typeof parts !== 'string' && parts.prefix === 0;
}
