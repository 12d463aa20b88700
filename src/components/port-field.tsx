import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';
import { useState } from 'react';

import type { PortValue } from '@/core/plan/model';
import { validatePortInRange } from '@/core/validate/port';

export interface PortFieldProps {
  /** Input id. */
  id: string;
  /** Plan path of the value (for "Go to field"), e.g. "settings.ports.agentPort". */
  field: string;
  label: string;
  /** The value the plan holds (a port, or the text typed when it is not one), or the default. */
  value: PortValue;
  min?: number;
  max?: number;
  /** Shown under the field when the text is valid. */
  hint: ReactNode;
  /** Whether the plan needs a value (no default applies when the field is empty). */
  required?: boolean;
  /** Extra check on a valid number (e.g. the RPC range's order); returns a message or null. */
  check?: (port: number) => string | null;
  /**
   * Called on every change: the port when the text is a valid port number, null when the field
   * was emptied, else the text as typed. The plan keeps the text of an invalid value, so nothing
   * typed is lost; the plan checks report it, and no rule uses it.
   */
  onChange: (value: number | string | null) => void;
}

/** A port number field showing the plan's value, with a message next to it when invalid. */
export function PortField({
  id,
  field,
  label,
  value,
  min = 1,
  max = 65535,
  hint,
  required = false,
  check,
  onChange,
}: PortFieldProps) {
  // Emptied by the user: stays empty while editing (the plan already holds "no value").
  const [emptied, setEmptied] = useState(false);
  const text = emptied ? '' : typeof value === 'number' ? String(value) : value;
  const problem =
    text === ''
      ? required
        ? 'Enter a port number.'
        : null
      : (validatePortInRange(text, min, max) ?? check?.(Number(text)) ?? null);
  return (
    <TextField
      id={id}
      data-field={field}
      label={label}
      value={text}
      error={Boolean(problem)}
      helperText={problem ?? hint}
      onChange={(e) => {
        const next = e.target.value;
        setEmptied(next === '');
        if (next === '') onChange(null);
        else if (validatePortInRange(next, min, max) === null) onChange(Number(next));
        else onChange(next);
      }}
      onBlur={() => setEmptied(false)}
      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 10, autoComplete: 'off' } }}
      sx={{ maxWidth: 280 }}
      fullWidth
    />
  );
}
