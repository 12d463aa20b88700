/**
 * One entry point for an address field: picks the right validator (IPv4, IPv6, CIDR or host name).
 * The wizard, plan files, permalinks and the plan checks all call these (reliability VAL-6).
 */
import { validateCidr } from './cidr';
import { validateHostName } from './host-name';
import { validateIPv4 } from './ipv4';
import { canonicalIPv6, validateIPv6 } from './ipv6';
import { quoteInput } from './quote';

export type AddressForm = 'ipv4' | 'ipv6' | 'cidr' | 'host';

export interface AddressOptions {
  /** Accept CIDR blocks (only environments with allowsCidr). */
  allowCidr?: boolean;
}

/** Which validator applies to `text` (by its shape, before validation). */
export function addressForm(text: string): AddressForm {
  if (text.includes('/')) return 'cidr';
  if (text.includes(':')) return 'ipv6';
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  const last = name.split('.').pop() ?? '';
  // An all-numeric (or hex-looking numeric) last label means an IPv4 attempt (RFC 1123 §2.1).
  if (/^[0-9]+$/.test(last) || /^[0-9.]+$/.test(text) || /^0x[0-9a-f]*$/i.test(last)) {
    return 'ipv4';
  }
  return 'host';
}

/** null when `text` is a valid host name, IPv4, IPv6 (or CIDR when allowed), else a message. */
export function validateAddress(text: string, options: AddressOptions = {}): string | null {
  if (text === '') return 'Enter a host name or IP address.';
  switch (addressForm(text)) {
    case 'cidr': {
      const error = validateCidr(text);
      if (error) return error;
      if (!options.allowCidr) {
        return `${quoteInput(text)} is a CIDR block; here only a single host name or IP address is allowed`;
      }
      return null;
    }
    case 'ipv6':
      return validateIPv6(text);
    case 'ipv4':
      return validateIPv4(text);
    case 'host':
      return validateHostName(text);
  }
}

/**
 * The identity of an address: two addresses with the same key are the same host.
 * Case-insensitive, trailing dot ignored, IPv6 and CIDR in canonical form. Empty stays empty.
 */
export function addressKey(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const form = addressForm(trimmed);
  if (form === 'ipv6') return canonicalIPv6(trimmed) ?? trimmed.toLowerCase();
  if (form === 'cidr') {
    if (validateCidr(trimmed) !== null) return trimmed.toLowerCase();
    const [address = '', prefix = ''] = trimmed.split('/');
    const canonical = address.includes(':') ? (canonicalIPv6(address) ?? address) : address;
    return `${canonical}/${prefix}`.toLowerCase();
  }
  const lower = trimmed.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
