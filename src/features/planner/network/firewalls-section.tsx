import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

import { ConfirmDialog } from '@/components/confirm-dialog';
import {
  addFirewall,
  addInterface,
  removeFirewall,
  removeInterface,
  setInterfaceZones,
  updateFirewall,
  updateInterface,
} from '@/core/plan/edit';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';
import { quoteInput } from '@/core/validate/quote';
import { zoneName } from '@/core/wizard/network';
import type { Firewall, FirewallKind, ZoneModel } from '@/core/zones/model';
import { FIREWALL_KIND_LABELS, INTERNET_ZONE_ID, INTERNET_ZONE_NAME } from '@/core/zones/model';
import { useAppStore } from '@/state/store';

import { StepSection } from '../shell/step-section';

import { useNetworkEdit } from './use-network-edit';

const KINDS = Object.entries(FIREWALL_KIND_LABELS) as [FirewallKind, string][];

interface InterfaceRowProps {
  network: ZoneModel;
  firewall: Firewall;
  n: number;
  index: number;
  m: number;
  autoFocus: boolean;
}

function InterfaceRow({ network, firewall, n, index, m, autoFocus }: InterfaceRowProps) {
  const edit = useNetworkEdit();
  const iface = firewall.interfaces[m - 1];
  if (!iface) return null;
  const zoneChoices = [
    ...network.zones
      .filter((z, i, all) => all.findIndex((o) => o.id === z.id) === i)
      .map((z) => ({ id: z.id, name: z.name.trim() || z.id })),
    { id: INTERNET_ZONE_ID, name: `${INTERNET_ZONE_NAME} (built in: Microsoft cloud services)` },
  ];
  const prefix = `Firewall ${n} interface ${m}`;
  return (
    <Stack
      component="li"
      direction="row"
      spacing={1}
      data-field={`network.firewalls.${index}.interfaces.${m - 1}`}
      sx={{ alignItems: 'flex-start' }}
    >
      <Box
        sx={{
          flexGrow: 1,
          minWidth: 0,
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', sm: 'minmax(0, 1fr) minmax(0, 2fr)' },
        }}
      >
        <TextField
          id={`${firewall.id}-${index}-${iface.id}-name`}
          label={`${prefix} name`}
          value={iface.name}
          autoFocus={autoFocus}
          onChange={(e) =>
            edit((plan) => updateInterface(plan, firewall.id, iface.id, { name: e.target.value }))
          }
          slotProps={{ htmlInput: { maxLength: PLAN_LIMITS.text } }}
          fullWidth
        />
        <TextField
          id={`${firewall.id}-${index}-${iface.id}-zones`}
          select
          label={`${prefix} zones`}
          value={iface.zones}
          onChange={(e) => {
            const value = e.target.value as unknown;
            const ids = Array.isArray(value) ? value.map(String) : String(value).split(',');
            edit((plan) => setInterfaceZones(plan, firewall.id, iface.id, ids));
          }}
          helperText="The zone this interface faces, or the zones behind it."
          slotProps={{
            inputLabel: { shrink: true },
            select: {
              multiple: true,
              displayEmpty: true,
              renderValue: (selected) => {
                const ids = selected as string[];
                return ids.length === 0
                  ? 'No zone yet'
                  : ids.map((id) => zoneName(network, id)).join(', ');
              },
            },
          }}
          fullWidth
        >
          {zoneChoices.map((z) => (
            <MenuItem key={z.id} value={z.id}>
              <Checkbox checked={iface.zones.includes(z.id)} size="small" sx={{ p: 0.5, mr: 1 }} />
              <ListItemText primary={z.name} />
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <IconButton
        aria-label={`Remove interface ${m} of firewall ${n}${iface.name.trim() ? ` (${iface.name.trim()})` : ''}`}
        onClick={() => edit((plan) => removeInterface(plan, firewall.id, iface.id))}
        sx={{ mt: 1 }}
      >
        <DeleteOutlineIcon />
      </IconButton>
    </Stack>
  );
}

/** The Network step's firewalls: name, kind, and interfaces that face zones. */
export function FirewallsSection() {
  const network = useAppStore((s) => s.plan.network);
  const edit = useNetworkEdit();
  const [added, setAdded] = useState<{ firewall: string; iface: string | null } | null>(null);
  const [asking, setAsking] = useState<{ firewall: Firewall; n: number } | null>(null);
  const full = network.firewalls.length >= PLAN_LIMITS.firewalls;

  const remove = (firewall: Firewall, n: number): void => {
    if (firewall.interfaces.some((i) => i.zones.length > 0)) setAsking({ firewall, n });
    else edit((plan) => removeFirewall(plan, firewall.id).plan);
  };

  return (
    <StepSection
      title="Firewalls"
      intro="The network firewalls between the zones. Give each interface the zone it faces (or the zones behind it): a flow from a zone on one interface to a zone on another crosses the firewall."
    >
      <Stack spacing={2} data-field="network.firewalls" sx={{ alignItems: 'stretch' }}>
        {network.firewalls.length > 0 && (
          <Stack
            spacing={2}
            component="ul"
            aria-label="Firewalls"
            sx={{ listStyle: 'none', p: 0, m: 0 }}
          >
            {network.firewalls.map((firewall, index) => {
              const n = index + 1;
              const name = firewall.name.trim();
              const canAdd = firewall.interfaces.length < PLAN_LIMITS.interfacesPerFirewall;
              return (
                <Paper
                  key={`${firewall.id}-${index}`}
                  component="li"
                  variant="outlined"
                  aria-label={`Firewall ${n}${name ? `: ${name}` : ''}`}
                  sx={{ p: { xs: 1.5, sm: 2 } }}
                >
                  <Stack spacing={2}>
                    <Stack
                      direction="row"
                      spacing={1}
                      sx={{ alignItems: 'center', justifyContent: 'space-between' }}
                    >
                      <Typography variant="subtitle1" component="h4">
                        Firewall {n}
                      </Typography>
                      <IconButton
                        aria-label={`Remove firewall ${n}${name ? ` (${name})` : ''}`}
                        onClick={() => remove(firewall, n)}
                      >
                        <DeleteOutlineIcon />
                      </IconButton>
                    </Stack>
                    <Box
                      sx={{
                        display: 'grid',
                        gap: 2,
                        gridTemplateColumns: { xs: '1fr', sm: 'minmax(0, 1fr) minmax(0, 1fr)' },
                      }}
                    >
                      <TextField
                        id={`${firewall.id}-${index}-name`}
                        data-field={`network.firewalls.${index}.name`}
                        label={`Firewall ${n} name`}
                        value={firewall.name}
                        autoFocus={added?.firewall === firewall.id && added.iface === null}
                        onChange={(e) =>
                          edit((plan) =>
                            updateFirewall(plan, firewall.id, { name: e.target.value }),
                          )
                        }
                        slotProps={{ htmlInput: { maxLength: PLAN_LIMITS.text } }}
                        fullWidth
                      />
                      <TextField
                        id={`${firewall.id}-${index}-kind`}
                        data-field={`network.firewalls.${index}.kind`}
                        select
                        label={`Firewall ${n} kind`}
                        value={firewall.kind}
                        onChange={(e) =>
                          edit((plan) =>
                            updateFirewall(plan, firewall.id, {
                              kind: e.target.value as FirewallKind,
                            }),
                          )
                        }
                        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
                        fullWidth
                      >
                        {KINDS.map(([value, label]) => (
                          <option key={value} value={value}>
                            {label}
                          </option>
                        ))}
                      </TextField>
                    </Box>
                    <Stack
                      spacing={2}
                      component="ul"
                      aria-label={`Interfaces of firewall ${n}`}
                      sx={{ listStyle: 'none', p: 0, m: 0 }}
                    >
                      {firewall.interfaces.map((iface, i) => (
                        <InterfaceRow
                          key={`${iface.id}-${i}`}
                          network={network}
                          firewall={firewall}
                          n={n}
                          index={index}
                          m={i + 1}
                          autoFocus={added?.firewall === firewall.id && added.iface === iface.id}
                        />
                      ))}
                    </Stack>
                    {firewall.interfaces.length < 2 && (
                      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                        A firewall needs two interfaces at least before a flow can cross it.
                      </Typography>
                    )}
                    <Button
                      startIcon={<AddIcon />}
                      onClick={() => {
                        let id: string | null = null;
                        edit((plan) => {
                          const result = addInterface(plan, firewall.id);
                          id = result.id;
                          return result.plan;
                        });
                        if (id !== null) setAdded({ firewall: firewall.id, iface: id });
                      }}
                      disabled={!canAdd}
                      sx={{ alignSelf: 'flex-start' }}
                    >
                      Add interface to firewall {n}
                    </Button>
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
              const result = addFirewall(plan, 'other');
              id = result.id;
              return result.plan;
            });
            if (id !== null) setAdded({ firewall: id, iface: null });
          }}
          disabled={full}
          sx={{ alignSelf: 'flex-start' }}
        >
          Add firewall
        </Button>
        {full && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            A plan holds at most {PLAN_LIMITS.firewalls} firewalls.
          </Typography>
        )}
      </Stack>
      <ConfirmDialog
        open={asking !== null}
        title={`Remove firewall ${asking?.n ?? ''} (${quoteInput(asking?.firewall.name ?? '')})?`}
        confirmLabel="Remove"
        destructive
        onConfirm={() => {
          if (asking) edit((plan) => removeFirewall(plan, asking.firewall.id).plan);
          setAsking(null);
        }}
        onCancel={() => setAsking(null)}
      >
        <Box component="p" sx={{ my: 0 }}>
          Its interfaces face zones
          {asking
            ? ` (${[...new Set(asking.firewall.interfaces.flatMap((i) => i.zones))]
                .map((id) => zoneName(network, id))
                .join(', ')})`
            : ''}
          ; the flows between them no longer cross it, and the paths chosen through it go with it.
        </Box>
      </ConfirmDialog>
    </StepSection>
  );
}
