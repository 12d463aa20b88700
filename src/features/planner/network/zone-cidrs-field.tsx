import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';

import { MessageLines } from '@/components/field-message';
import { setZoneCidrs } from '@/core/plan/edit';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';
import { cidrProblemText, parseCidrList } from '@/core/zones/cidr-list';
import type { Zone } from '@/core/zones/model';

import { useNetworkEdit } from './use-network-edit';

/**
 * Text typed in a zone's blocks that is not applied yet (a bad line), by zone id, with the blocks
 * it was typed over: it survives leaving the step and coming back, and is dropped when the
 * zone's blocks change elsewhere (another plan, another tab).
 */
const drafts = new Map<string, { text: string; base: string }>();

const noSpellCheck = { spellCheck: false, autoCapitalize: 'none', autoCorrect: 'off' } as const;

export interface ZoneCidrsFieldProps {
  zone: Zone;
  /** Plan path of the zone, e.g. "network.zones.1". */
  fieldPrefix: string;
  label: string;
}

/**
 * A zone's CIDR blocks: one per line or comma separated (typed or pasted). Each change is applied
 * when every entry is a good block; otherwise nothing is, the bad entries are listed by line, and
 * the user fixes them or keeps the good blocks only.
 */
export function ZoneCidrsField({ zone, fieldPrefix, label }: ZoneCidrsFieldProps) {
  const edit = useNetworkEdit();
  const stored = zone.cidrs.join('\n');
  const saved = drafts.get(zone.id);
  const [, rerender] = useState(0);
  const text = saved && saved.base === stored ? saved.text : stored;
  const list = parseCidrList(text, PLAN_LIMITS.cidrsPerZone);
  const id = `${zone.id}-cidrs`;
  const problems = list.problems.map(cidrProblemText);

  const change = (value: string): void => {
    const result = parseCidrList(value, PLAN_LIMITS.cidrsPerZone);
    if (result.problems.length === 0) {
      edit((plan) => setZoneCidrs(plan, zone.id, value).plan);
      drafts.set(zone.id, { text: value, base: result.cidrs.join('\n') });
    } else {
      drafts.set(zone.id, { text: value, base: stored });
    }
    rerender((n) => n + 1);
  };

  const keepGood = (): void => {
    edit((plan) => setZoneCidrs(plan, zone.id, text, true).plan);
    drafts.delete(zone.id);
    rerender((n) => n + 1);
  };

  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField
        id={id}
        data-field={`${fieldPrefix}.cidrs`}
        label={label}
        value={text}
        multiline
        minRows={2}
        maxRows={10}
        error={problems.length > 0}
        onChange={(e) => change(e.target.value)}
        helperText={
          problems.length > 0 ? (
            <MessageLines
              lines={[
                'Not applied yet: fix these lines, or keep the good blocks only.',
                ...problems,
              ]}
            />
          ) : (
            'One per line, or separated by commas, like 10.1.0.0/16 or 2001:db8::/32. Paste a list from a spreadsheet or an IPAM export.'
          )
        }
        slotProps={{ htmlInput: { ...noSpellCheck } }}
        fullWidth
      />
      {problems.length > 0 && (
        <Box>
          <Button
            size="small"
            variant="outlined"
            onClick={keepGood}
            aria-describedby={`${id}-helper-text`}
          >
            {list.cidrs.length === 0
              ? 'Clear the bad lines'
              : `Keep the ${list.cidrs.length === 1 ? 'good block' : `${list.cidrs.length} good blocks`} only`}
          </Button>
        </Box>
      )}
    </Stack>
  );
}
