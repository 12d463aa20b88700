/**
 * Host names (RFC 1123 §2.1, RFC 1035 limits): letters, digits and hyphens; labels of 1-63
 * characters without a leading or trailing hyphen; at most 253 characters; one trailing dot
 * allowed. Single labels (NetBIOS-style "FS01") are fine. An all-numeric last label is not a
 * host name (it is read as an IPv4 address). Reliability goal VAL-4.
 */
import { quoteInput } from './quote';

const LABEL = /^[a-zA-Z0-9-]+$/;
export const NETBIOS_MAX = 15;

/** null when `text` is a valid host name, else a message for the user. */
export function validateHostName(text: string): string | null {
  if (text === '') return 'Enter a host name.';
  const bad = (why: string): string => `${quoteInput(text)} is not a valid host name: ${why}`;
  if (/\s/.test(text)) return bad('remove the spaces');
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(text)) {
    return bad('enter international names in their ASCII form (xn--...)');
  }
  if (text.includes('_')) return bad('underscores are not allowed in host names');
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length > 253) return bad('it can have at most 253 characters');
  const labels = name.split('.');
  for (const label of labels) {
    if (label === '') return bad('a part between dots is empty');
    if (!LABEL.test(label)) return bad('only letters, digits, hyphens and dots are allowed');
    if (label.length > 63) return bad('each part between dots can have at most 63 characters');
    if (label.startsWith('-') || label.endsWith('-')) {
      return bad('a part cannot start or end with a hyphen');
    }
  }
  const last = labels[labels.length - 1] ?? '';
  if (/^[0-9]+$/.test(last)) {
    return bad('the last part is all digits, so it would be read as an IP address');
  }
  return null;
}

export function isHostName(text: string): boolean {
  return validateHostName(text) === null;
}

/** A warning (not an error) for valid names: single labels longer than NetBIOS allows. */
export function hostNameWarning(text: string): string | null {
  if (!isHostName(text)) return null;
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (!name.includes('.') && name.length > NETBIOS_MAX) {
    return `${quoteInput(text)} is longer than ${NETBIOS_MAX} characters: Windows truncates it as a NetBIOS name; prefer the full DNS name`;
  }
  return null;
}
