/**
 * Port numbers (1-65535, decimal, no sign, no leading zero, no spaces) and ranges "a-b" with
 * a <= b. Port 0 is reserved and never valid in a rule. Reliability goal VAL-5.
 */
import { quoteInput } from './quote';

export const PORT_MIN = 1;
export const PORT_MAX = 65535;

function portError(text: string): string | null {
  if (text === '') return 'Enter a port number.';
  const bad = (why: string): string => `${quoteInput(text)} is not a valid port: ${why}`;
  if (/\s/.test(text)) return bad('remove the spaces');
  if (!/^[0-9]+$/.test(text)) return bad('use digits only (a whole number 1-65535)');
  if (text.length > 1 && text.startsWith('0')) return bad('leading zeros are not allowed');
  const n = Number(text);
  if (n < PORT_MIN || n > PORT_MAX) return bad('it must be between 1 and 65535');
  return null;
}

/** null when `value` is a valid port number (string of digits or integer), else a message. */
export function validatePort(value: string | number): string | null {
  if (typeof value === 'number') {
    if (!Number.isInteger(value))
      return `${quoteInput(String(value))} is not a valid port: use a whole number 1-65535`;
    return portError(String(value));
  }
  return portError(value);
}

/** The port as a number when valid, else null. */
export function parsePort(value: string | number): number | null {
  return validatePort(value) === null ? Number(value) : null;
}

/** null when `text` is a port ("443") or a range ("49152-65535", from <= to), else a message. */
export function validatePortRange(text: string): string | null {
  if (text === '') return 'Enter a port or a range (like 49152-65535).';
  const parts = text.split('-');
  if (parts.length === 1) return portError(text);
  if (parts.length !== 2) {
    return `${quoteInput(text)} is not a valid port range: write it as first-last (like 49152-65535)`;
  }
  const [from = '', to = ''] = parts;
  const fromError = portError(from);
  if (fromError) return `${quoteInput(text)} is not a valid port range: ${fromError}`;
  const toError = portError(to);
  if (toError) return `${quoteInput(text)} is not a valid port range: ${toError}`;
  if (Number(from) > Number(to)) {
    return `${quoteInput(text)} is not a valid port range: the first port must not be greater than the last`;
  }
  return null;
}

/** Value range check for a configurable port (a setting's own min-max). */
export function validatePortInRange(
  value: string | number,
  min: number,
  max: number,
): string | null {
  const error = validatePort(value);
  if (error) return error;
  const n = Number(value);
  if (n < min || n > max) return `${quoteInput(String(value))} is out of range: use ${min}-${max}`;
  return null;
}
