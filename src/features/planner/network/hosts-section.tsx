import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

import { setZoneAssignment } from '@/core/plan/edit';
import { addressKey } from '@/core/validate/validate-address';
import type { NetworkHost, NetworkHosts } from '@/core/wizard/network';
import { canChooseZone, placementText } from '@/core/wizard/network';
import type { ZoneModel } from '@/core/zones/model';
import { INTERNET_ZONE_ID, INTERNET_ZONE_NAME } from '@/core/zones/model';
import { useAppStore } from '@/state/store';

import { StepSection } from '../shell/step-section';

import { useNetworkEdit } from './use-network-edit';

/** Rows shown before "Show all". */
const FIRST_ROWS = 100;

function inNoZone(host: NetworkHost): boolean {
  return host.placement?.kind !== 'zone';
}

function ZoneChoice({ host, network }: { host: NetworkHost; network: ZoneModel }) {
  const edit = useNetworkEdit();
  const index = network.assignments.findIndex((a) => addressKey(a.address) === host.key);
  const value = host.chosenZoneId ?? '';
  const zones = network.zones.filter((z, i, all) => all.findIndex((o) => o.id === z.id) === i);
  return (
    <TextField
      id={`zone-of-${host.field}`}
      {...(index >= 0 ? { 'data-field': `network.assignments.${index}` } : {})}
      select
      size="small"
      label={`Zone of ${host.labels.join(' / ')} (${host.address})`}
      value={value}
      onChange={(e) =>
        edit((plan) => setZoneAssignment(plan, host.address, e.target.value || null))
      }
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      sx={{ mt: 1.5, maxWidth: 360 }}
      fullWidth
    >
      <option value="">{value === '' ? 'Choose its zone…' : 'No zone chosen'}</option>
      {zones.map((z) => (
        <option key={z.id} value={z.id}>
          {z.name.trim() || z.id}
        </option>
      ))}
      <option value={INTERNET_ZONE_ID}>{INTERNET_ZONE_NAME}</option>
    </TextField>
  );
}

/**
 * Every host of the plan with the zone it lands in; a host in no zone is flagged, and where a
 * zone chosen by hand can place it (a host known by name, an address outside every block), it
 * has a list to choose one.
 */
export function HostsSection({ hosts }: { hosts: NetworkHosts }) {
  const network = useAppStore((s) => s.plan.network);
  const [showAll, setShowAll] = useState(false);
  const sorted = [...hosts.hosts.filter(inNoZone), ...hosts.hosts.filter((h) => !inNoZone(h))];
  const flagged = hosts.hosts.filter(inNoZone).length;
  const shown = showAll ? sorted : sorted.slice(0, FIRST_ROWS);
  const none = network.zones.length === 0;
  return (
    <StepSection
      title="Hosts"
      intro={
        none
          ? 'Each host of the plan shows here the zone it lands in, once you add zones.'
          : flagged === 0
            ? 'Every host of the plan lands in a zone.'
            : `${flagged === 1 ? '1 host is' : `${flagged} hosts are`} in no zone: add a block that holds ${flagged === 1 ? 'its address' : 'their addresses'} to a zone, or choose the zone of a host known by name.`
      }
    >
      <Box data-field="network.assignments">
        {none ? null : hosts.hosts.length === 0 ? (
          <Typography variant="body2">The plan has no host with an address yet.</Typography>
        ) : (
          <Stack spacing={1}>
            <Box
              component="ul"
              aria-label="Hosts and their zones"
              sx={{ listStyle: 'none', p: 0, m: 0 }}
            >
              {shown.map((host) => {
                const flag = inNoZone(host);
                return (
                  <Box
                    component="li"
                    key={host.key}
                    sx={{
                      display: 'grid',
                      gap: { xs: 0.5, md: 2 },
                      gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 2fr) minmax(0, 3fr)' },
                      py: 1.5,
                      borderBottom: 1,
                      borderColor: 'divider',
                      overflowWrap: 'anywhere',
                    }}
                  >
                    <Box>
                      <Typography variant="body2" component="p" sx={{ fontWeight: 500 }}>
                        {host.labels.join(' / ')}
                      </Typography>
                      <Typography variant="body2" component="p" sx={{ color: 'text.secondary' }}>
                        {host.address}
                      </Typography>
                    </Box>
                    <Box>
                      <Typography
                        variant="body2"
                        component="p"
                        sx={{ display: 'flex', gap: 0.5, alignItems: 'flex-start' }}
                      >
                        {flag && (
                          <WarningAmberIcon
                            fontSize="small"
                            sx={{ color: 'warning.main', flexShrink: 0 }}
                            aria-hidden
                          />
                        )}
                        <span>{placementText(network, host)}</span>
                      </Typography>
                      {canChooseZone(host) && <ZoneChoice host={host} network={network} />}
                    </Box>
                  </Box>
                );
              })}
            </Box>
            {sorted.length > FIRST_ROWS && (
              <Button
                size="small"
                onClick={() => setShowAll((v) => !v)}
                sx={{ alignSelf: 'flex-start' }}
              >
                {showAll ? `Show the first ${FIRST_ROWS} only` : `Show all ${sorted.length} hosts`}
              </Button>
            )}
          </Stack>
        )}
        {hosts.withoutAddress > 0 && !none && (
          <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1 }}>
            {hosts.withoutAddress === 1
              ? '1 host of the plan has no address yet: it is placed once it has one.'
              : `${hosts.withoutAddress} hosts of the plan have no address yet: they are placed once they have one.`}
          </Typography>
        )}
      </Box>
    </StepSection>
  );
}
