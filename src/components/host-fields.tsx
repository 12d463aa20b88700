import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';

import type { HostEntry } from '@/core/plan/model';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';

import { addressHelp } from './address-help';

export interface HostFieldsProps {
  /** Prefix of the input ids. */
  id: string;
  /** Plan path of the host, e.g. "console" or "agents.0" (for "Go to field"). */
  fieldPrefix: string;
  host: HostEntry;
  nameLabel: string;
  addressLabel: string;
  /** The role name the rules show while the address is missing. */
  placeholderRole: string;
  onChange: (patch: Partial<HostEntry>) => void;
  /** Focus the name field when it appears (a host just added with a button). */
  autoFocus?: boolean;
}

const noSpellCheck = { spellCheck: false, autoCapitalize: 'none', autoCorrect: 'off' } as const;

/** Name and address of one host (console, agent server, integration server). */
export function HostFields({
  id,
  fieldPrefix,
  host,
  nameLabel,
  addressLabel,
  placeholderRole,
  onChange,
  autoFocus = false,
}: HostFieldsProps) {
  const help = addressHelp(host.address, placeholderRole);
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: '1fr', sm: 'minmax(0, 1fr) minmax(0, 1fr)' },
        alignItems: 'start',
      }}
    >
      <TextField
        id={`${id}-name`}
        data-field={`${fieldPrefix}.name`}
        label={nameLabel}
        value={host.name}
        autoFocus={autoFocus}
        onChange={(e) => onChange({ name: e.target.value })}
        slotProps={{ htmlInput: { maxLength: PLAN_LIMITS.text } }}
        fullWidth
      />
      <TextField
        id={`${id}-address`}
        data-field={`${fieldPrefix}.address`}
        label={addressLabel}
        value={host.address}
        error={help.error}
        helperText={help.helperText}
        onChange={(e) => onChange({ address: e.target.value })}
        slotProps={{ htmlInput: { maxLength: PLAN_LIMITS.address, ...noSpellCheck } }}
        fullWidth
      />
    </Box>
  );
}
