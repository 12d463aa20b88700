import TextField from '@mui/material/TextField';
import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { forwardRef, useState } from 'react';

import { PLAN_LIMITS } from '@/core/plan/parse-plan';
import { cidrHostBitsWarning } from '@/core/validate/cidr';
import { hostNameWarning } from '@/core/validate/host-name';
import { addressForm, validateAddress } from '@/core/validate/validate-address';
import { joinAddresses, splitAddressText, textareaRows } from '@/core/wizard/address-text';

import { FieldWarning, MessageLines } from './field-message';

export interface AddressListFieldProps {
  id: string;
  /** Plan path, e.g. "devices.2.addresses" (for "Go to field"). */
  field: string;
  /** The visible label; in a compact field (no visible label) use `ariaLabel`. */
  label?: ReactNode;
  /** The accessible name when it differs from the visible label (a table cell). */
  ariaLabel?: string;
  /**
   * A table cell: small, one line to start with, the entry hint as a placeholder, and under it
   * only what is wrong (or worth a warning).
   */
  compact?: boolean;
  addresses: readonly string[];
  allowCidr: boolean;
  /** The role name the rules show while no address is known, e.g. "Qumulo cluster". */
  placeholderRole: string;
  /** What holds the list, for the message past the cap: "A device" unless given. */
  owner?: string;
  onChange: (addresses: string[]) => void;
}

/** What the plan keeps of the field's text (within the plan's caps). */
function toPlanAddresses(text: string): string[] {
  return splitAddressText(text)
    .slice(0, PLAN_LIMITS.addressesPerDevice)
    .map((a) => a.slice(0, PLAN_LIMITS.address));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Checks for one entry: an error, else maybe a warning. */
function checkEntry(entry: string, allowCidr: boolean): { error?: string; warning?: string } {
  if (entry.length > PLAN_LIMITS.address) {
    return { error: `An address can have at most ${PLAN_LIMITS.address} characters.` };
  }
  const error = validateAddress(entry, { allowCidr });
  if (error) return { error };
  const form = addressForm(entry);
  const warning =
    form === 'cidr' ? cidrHostBitsWarning(entry) : form === 'host' ? hostNameWarning(entry) : null;
  return warning ? { warning } : {};
}

const MAX_SHOWN = 4;

/**
 * A plain <textarea> with a row count from the text's lines, instead of MUI's multiline field:
 * that one sizes itself by measuring on mount (two forced layouts per field), and a table of
 * 500 devices spent 15 s in it before the Devices step showed. A long line wraps inside its row;
 * past 10 lines the field scrolls. (`type` is an <input>'s, which InputBase always passes.)
 */
const PlainTextarea = forwardRef<
  HTMLTextAreaElement,
  TextareaHTMLAttributes<HTMLTextAreaElement> & { type?: string }
>(function PlainTextarea({ type: _type, ...props }, ref) {
  return <textarea ref={ref} {...props} />;
});

/** The input's fixed one-line height and its padding as MUI gives a multiline field. */
const plainTextareaSx = {
  '& textarea.MuiInputBase-input': { height: 'auto', resize: 'none', overflowY: 'auto' },
} as const;

/**
 * Addresses of a device (or of a server list), one per line. Every entry typed is kept in the plan, valid or not;
 * problems show under the field. Missing addresses are a warning, never a block.
 */
export function AddressListField({
  id,
  field,
  label,
  ariaLabel,
  compact = false,
  addresses,
  allowCidr,
  placeholderRole,
  owner = 'A device',
  onChange,
}: AddressListFieldProps) {
  const [text, setText] = useState(() => joinAddresses(addresses));
  const [seen, setSeen] = useState(addresses);
  if (seen !== addresses) {
    // The plan changed from elsewhere (file opened, entries dropped): show what it holds.
    setSeen(addresses);
    if (!sameList(toPlanAddresses(text), addresses)) setText(joinAddresses(addresses));
  }

  const entries = splitAddressText(text);
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const entry of entries) {
    const check = checkEntry(entry, allowCidr);
    if (check.error) errors.push(check.error);
    else if (check.warning) warnings.push(check.warning);
  }
  if (entries.length > PLAN_LIMITS.addressesPerDevice) {
    errors.unshift(
      `${owner} can have at most ${PLAN_LIMITS.addressesPerDevice} addresses; only the first ${PLAN_LIMITS.addressesPerDevice} are kept.`,
    );
  }

  const kinds = allowCidr
    ? 'Host names, IPv4 or IPv6 addresses, or CIDR blocks'
    : 'Host names, IPv4 or IPv6 addresses';
  const compactLines = [
    ...errors.slice(0, 2),
    ...(errors.length > 2 ? [`… and ${errors.length - 2} more problems.`] : []),
    ...warnings.slice(0, 1).map((w, i) => <FieldWarning key={`w${i}`}>{w}</FieldWarning>),
  ];
  const lines = compact
    ? compactLines
    : entries.length === 0
      ? [
          <FieldWarning key="missing">
            No address yet: the rules will show “{placeholderRole}” instead.
          </FieldWarning>,
          `${kinds}, one per line.`,
        ]
      : [
          ...errors.slice(0, MAX_SHOWN),
          ...(errors.length > MAX_SHOWN
            ? [`… and ${errors.length - MAX_SHOWN} more problems.`]
            : []),
          ...warnings.slice(0, 2).map((w, i) => <FieldWarning key={`w${i}`}>{w}</FieldWarning>),
          `${kinds}, one per line.`,
        ];

  return (
    <TextField
      id={id}
      data-field={field}
      label={label}
      size={compact ? 'small' : 'medium'}
      placeholder={compact ? `No address yet (rules show “${placeholderRole}”)` : undefined}
      fullWidth
      value={text}
      error={errors.length > 0}
      helperText={lines.length > 0 ? <MessageLines lines={lines} /> : undefined}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        const parsed = toPlanAddresses(next);
        if (!sameList(parsed, addresses)) onChange(parsed);
      }}
      sx={plainTextareaSx}
      slotProps={{
        input: { inputComponent: PlainTextarea },
        htmlInput: {
          rows: textareaRows(text, compact),
          spellCheck: false,
          autoCapitalize: 'none',
          autoCorrect: 'off',
          'aria-label': ariaLabel,
        },
      }}
    />
  );
}
