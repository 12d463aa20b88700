import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

import { ConfirmDialog } from '@/components/confirm-dialog';
import type { ZoneUse } from '@/core/plan/edit';
import { addZone, removeZone, updateZone, zoneInUse, zoneUse } from '@/core/plan/edit';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';
import { quoteInput } from '@/core/validate/quote';
import type { NetworkHost } from '@/core/wizard/network';
import { hostsInZone } from '@/core/wizard/network';
import type { Zone } from '@/core/zones/model';
import { useAppStore } from '@/state/store';

import { StepSection } from '../shell/step-section';

import { useNetworkEdit } from './use-network-edit';
import { ZoneCidrsField } from './zone-cidrs-field';

/** The most hosts a zone names before "and N more". */
const SHOWN_HOSTS = 8;

function hostText(host: NetworkHost): string {
  return `${host.labels.join(' / ')} (${host.address})`;
}

function ZoneHosts({ hosts, headingId }: { hosts: NetworkHost[]; headingId: string }) {
  if (hosts.length === 0) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        No host of the plan lands in this zone yet.
      </Typography>
    );
  }
  const shown = hosts.slice(0, SHOWN_HOSTS);
  return (
    <Box>
      <Typography id={headingId} variant="body2" sx={{ fontWeight: 500 }}>
        {hosts.length === 1 ? '1 host lands here' : `${hosts.length} hosts land here`}
      </Typography>
      <Box
        component="ul"
        aria-labelledby={headingId}
        sx={{ m: 0, pl: 3, typography: 'body2', overflowWrap: 'anywhere' }}
      >
        {shown.map((h) => (
          <li key={h.key}>{hostText(h)}</li>
        ))}
        {hosts.length > shown.length && <li>and {hosts.length - shown.length} more</li>}
      </Box>
    </Box>
  );
}

function zoneUseLines(use: ZoneUse): string[] {
  const lines: string[] = [];
  for (const i of use.interfaces) {
    lines.push(
      `Interface ${quoteInput(i.interfaceName)} of firewall ${quoteInput(i.firewallName)} faces it.`,
    );
  }
  if (use.assignments > 0) {
    lines.push(
      use.assignments === 1
        ? 'One host is placed in it by hand.'
        : `${use.assignments} hosts are placed in it by hand.`,
    );
  }
  if (use.preferredPaths > 0) {
    lines.push(
      use.preferredPaths === 1
        ? 'A path is chosen to or from it.'
        : `${use.preferredPaths} paths are chosen to or from it.`,
    );
  }
  return lines;
}

/** The Network step's zones: name, CIDR blocks (typed or pasted), the hosts that land in each. */
export function ZonesSection({ hosts }: { hosts: readonly NetworkHost[] }) {
  const zones = useAppStore((s) => s.plan.network.zones);
  const edit = useNetworkEdit();
  const [added, setAdded] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ zone: Zone; n: number } | null>(null);
  const askingUse = asking ? zoneUse(useAppStore.getState().plan, asking.zone.id) : null;
  const full = zones.length >= PLAN_LIMITS.zones;

  const remove = (zone: Zone, n: number): void => {
    if (zoneInUse(zoneUse(useAppStore.getState().plan, zone.id))) setAsking({ zone, n });
    else edit((plan) => removeZone(plan, zone.id).plan);
  };

  return (
    <StepSection
      title="Zones"
      intro="The network segments your hosts are in (server VLAN, NAS VLAN, DMZ...), each with its CIDR blocks. A host lands in the zone whose block holds its address (the longest prefix wins). Microsoft cloud services are in the built-in Internet zone."
    >
      <Stack spacing={2} data-field="network.zones" sx={{ alignItems: 'stretch' }}>
        {zones.length > 0 && (
          <Stack
            spacing={2}
            component="ul"
            aria-label="Zones"
            sx={{ listStyle: 'none', p: 0, m: 0 }}
          >
            {zones.map((zone, index) => {
              const n = index + 1;
              const name = zone.name.trim();
              return (
                <Paper
                  key={`${zone.id}-${index}`}
                  component="li"
                  variant="outlined"
                  aria-label={`Zone ${n}${name ? `: ${name}` : ''}`}
                  sx={{ p: { xs: 1.5, sm: 2 } }}
                >
                  <Stack spacing={2}>
                    <Stack
                      direction="row"
                      spacing={1}
                      sx={{ alignItems: 'center', justifyContent: 'space-between' }}
                    >
                      <Typography variant="subtitle1" component="h4">
                        Zone {n}
                      </Typography>
                      <IconButton
                        aria-label={`Remove zone ${n}${name ? ` (${name})` : ''}`}
                        onClick={() => remove(zone, n)}
                      >
                        <DeleteOutlineIcon />
                      </IconButton>
                    </Stack>
                    <TextField
                      id={`${zone.id}-${index}-name`}
                      data-field={`network.zones.${index}.name`}
                      label={`Zone ${n} name`}
                      value={zone.name}
                      autoFocus={zone.id === added}
                      onChange={(e) =>
                        edit((plan) => updateZone(plan, zone.id, { name: e.target.value }))
                      }
                      slotProps={{ htmlInput: { maxLength: PLAN_LIMITS.text } }}
                      sx={{ maxWidth: { sm: '50%' } }}
                      fullWidth
                    />
                    <ZoneCidrsField
                      zone={zone}
                      fieldPrefix={`network.zones.${index}`}
                      label={`Zone ${n} CIDR blocks`}
                    />
                    <ZoneHosts
                      hosts={hostsInZone(hosts, zone.id)}
                      headingId={`${zone.id}-${index}-hosts`}
                    />
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
        )}
        <Button
          startIcon={<AddIcon />}
          onClick={() => {
            let id: string | null = null;
            edit((plan) => {
              const result = addZone(plan);
              id = result.id;
              return result.plan;
            });
            setAdded(id);
          }}
          disabled={full}
          sx={{ alignSelf: 'flex-start' }}
        >
          Add zone
        </Button>
        {full && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            A plan holds at most {PLAN_LIMITS.zones} zones.
          </Typography>
        )}
      </Stack>
      <ConfirmDialog
        open={asking !== null}
        title={`Remove zone ${asking?.n ?? ''} (${quoteInput(asking?.zone.name ?? '')})?`}
        confirmLabel="Remove"
        destructive
        onConfirm={() => {
          if (asking) edit((plan) => removeZone(plan, asking.zone.id).plan);
          setAsking(null);
        }}
        onCancel={() => setAsking(null)}
      >
        <Box component="ul" sx={{ mt: 0, pl: 3 }}>
          {askingUse && zoneUseLines(askingUse).map((line) => <li key={line}>{line}</li>)}
        </Box>
        <Box component="p" sx={{ mb: 0 }}>
          Removing the zone takes it off those interfaces, and its hosts placed by hand and its
          chosen paths go with it.
        </Box>
      </ConfirmDialog>
    </StepSection>
  );
}
