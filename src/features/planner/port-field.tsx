import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';
import { useRef } from 'react';

import { validatePortInRange } from '@/core/validate/port';
import { useAppStore } from '@/state/store';

export interface PortFieldProps {
  /** Input id, also the key of the field's draft in the store. */
  id: string;
  /** Plan path of the value (for "Go to field"), e.g. "settings.ports.agentPort". */
  field: string;
  label: string;
  /** The value the plan holds, as text (the default when the plan has none). */
  value: string;
  min?: number;
  max?: number;
  /** Shown under the field when the text is valid. */
  hint: ReactNode;
  /** Extra check on a valid number (e.g. the RPC range's order); returns a message or null. */
  check?: (port: number) => string | null;
  /** A valid port typed, or null when the field was emptied (the default applies). */
  onValid: (port: number | null) => void;
  /**
   * Text that is not a valid port, for plan values that keep raw text. Without it, the plan
   * goes back to the value it had when the field got the focus (so a half-typed "7000" of
   * "70000" is not applied).
   */
  onInvalid?: (text: string) => void;
}

/**
 * A port number field. Text that is not (yet) a valid port stays in the field (kept as a
 * draft in the store, so it survives moving between steps) with a message next to it; only
 * valid numbers reach plan values that must be numbers.
 */
export function PortField({
  id,
  field,
  label,
  value,
  min = 1,
  max = 65535,
  hint,
  check,
  onValid,
  onInvalid,
}: PortFieldProps) {
  const draft = useAppStore((s) => s.drafts[id]);
  const setDraft = useAppStore((s) => s.setDraft);
  const text = draft ?? value;
  /** The plan's value when the field got the focus (restored while the text is invalid). */
  const before = useRef<string | null>(null);
  const restore = () => {
    const previous = before.current;
    if (previous === null || previous === value) return;
    const port = previous === '' ? null : Number(previous);
    if (port === null || Number.isInteger(port)) onValid(port);
  };
  const problem =
    text === '' ? null : (validatePortInRange(text, min, max) ?? check?.(Number(text)));
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
        if (next === '') {
          setDraft(id, '');
          onValid(null);
          return;
        }
        const error = validatePortInRange(next, min, max) ?? check?.(Number(next));
        if (error) {
          setDraft(id, next);
          if (onInvalid) onInvalid(next);
          else restore();
        } else {
          setDraft(id, null);
          onValid(Number(next));
        }
      }}
      onFocus={() => {
        if (draft === undefined || draft === '') before.current = value;
      }}
      onBlur={() => {
        if (draft === '') setDraft(id, null);
      }}
      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 10, autoComplete: 'off' } }}
      sx={{ maxWidth: 280 }}
      fullWidth
    />
  );
}
