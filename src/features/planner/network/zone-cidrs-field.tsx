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
import { readSessionItem, writeSessionItem } from '@/lib/storage';

import { useNetworkEdit } from './use-network-edit';

/**
 * Text typed in a zone's blocks that is not applied yet (a bad line), by zone id, with the blocks
 * it was typed over: it survives leaving the step and coming back, and a reload of the tab (kept
 * in sessionStorage), and is dropped when the zone's blocks change elsewhere (another plan,
 * another tab).
 */
const DRAFTS_KEY = 'am-firewall-planner:zone-cidr-drafts';
type Draft = { text: string; base: string };
let drafts: Map<string, Draft> | null = null;

function isDraft(value: unknown): value is Draft {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Draft).text === 'string' &&
    typeof (value as Draft).base === 'string'
  );
}

function storedDrafts(): Map<string, Draft> {
  if (drafts) return drafts;
  drafts = new Map();
  const read = readSessionItem(DRAFTS_KEY);
  if (!read.ok || read.value === null) return drafts;
  try {
    const entries: unknown = JSON.parse(read.value);
    if (Array.isArray(entries)) {
      for (const entry of entries) {
        if (Array.isArray(entry) && typeof entry[0] === 'string' && isDraft(entry[1])) {
          drafts.set(entry[0], { text: entry[1].text, base: entry[1].base });
        }
      }
    }
  } catch {
    // Not ours or damaged: nothing was typed that this tab can give back.
  }
  return drafts;
}

function saveDraft(zoneId: string, draft: Draft | null): void {
  const all = storedDrafts();
  if (draft) all.set(zoneId, draft);
  else all.delete(zoneId);
  writeSessionItem(DRAFTS_KEY, all.size === 0 ? null : JSON.stringify([...all]));
}

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
  const saved = storedDrafts().get(zone.id);
  const [, rerender] = useState(0);
  const text = saved && saved.base === stored ? saved.text : stored;
  const list = parseCidrList(text, PLAN_LIMITS.cidrsPerZone);
  const id = `${zone.id}-cidrs`;
  const problems = list.problems.map(cidrProblemText);

  const change = (value: string): void => {
    const result = parseCidrList(value, PLAN_LIMITS.cidrsPerZone);
    if (result.problems.length === 0) {
      edit((plan) => setZoneCidrs(plan, zone.id, value).plan);
      saveDraft(zone.id, { text: value, base: result.cidrs.join('\n') });
    } else {
      saveDraft(zone.id, { text: value, base: stored });
    }
    rerender((n) => n + 1);
  };

  const keepGood = (): void => {
    edit((plan) => setZoneCidrs(plan, zone.id, text, true).plan);
    saveDraft(zone.id, null);
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
