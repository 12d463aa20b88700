/**
 * IPv4 in strict dotted decimal (RFC 6943 §3.1.1): four decimal numbers 0-255, no leading
 * zeros, no octal, hex or short forms. "010.0.0.1" is an error, never 8.0.0.1 (reliability VAL-1).
 */
import { quoteInput } from './quote';

const DECIMAL = /^[0-9]+$/;

/** null when `text` is a strict dotted-decimal IPv4 address, else a message for the user. */
export function validateIPv4(text: string): string | null {
  if (text === '') return 'Enter an IPv4 address.';
  const bad = (why: string): string => `${quoteInput(text)} is not a valid IPv4 address: ${why}`;
  if (/\s/.test(text)) return bad('remove the spaces');
  if (!/^[0-9.]+$/.test(text)) return bad('only decimal digits and dots are allowed');
  const parts = text.split('.');
  if (parts.length !== 4) return bad('it needs four numbers separated by dots (like 192.168.1.10)');
  for (const part of parts) {
    if (part === '') return bad('a number is missing between two dots');
    if (!DECIMAL.test(part)) return bad('only decimal digits and dots are allowed');
    if (part.length > 1 && part.startsWith('0')) return bad('leading zeros are not allowed');
    if (part.length > 3 || Number(part) > 255) return bad('each number must be between 0 and 255');
  }
  return null;
}

export function isIPv4(text: string): boolean {
  return validateIPv4(text) === null;
}

/** The four octets of a valid address, else null. */
export function parseIPv4(text: string): [number, number, number, number] | null {
  if (!isIPv4(text)) return null;
  const [a = 0, b = 0, c = 0, d = 0] = text.split('.').map(Number);
  return [a, b, c, d];
}
