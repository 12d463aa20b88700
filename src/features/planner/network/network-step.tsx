import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';

import { getCatalog } from '@/core/catalog/catalog';
import { networkHosts, pathLines } from '@/core/wizard/network';
import { analyzeZones } from '@/core/zones/analyze';
import { selectResolution } from '@/state/selectors';
import { useAppStore } from '@/state/store';

import { FirewallsSection } from './firewalls-section';
import { HostsSection } from './hosts-section';
import { PathsSection } from './paths-section';
import { ZonesSection } from './zones-section';

/**
 * The optional Network step: the zones between the hosts and the firewalls that separate them
 * (plan.network, core/zones). Without zones the planner writes the hosts' own firewall rules only.
 */
export function NetworkStep() {
  const plan = useAppStore((s) => s.plan);
  const resolution = useAppStore(selectResolution);
  const network = plan.network;
  const hosts = useMemo(() => networkHosts(plan, getCatalog()), [plan]);
  const analysis = useMemo(
    () => analyzeZones(network, resolution.rules),
    [network, resolution.rules],
  );
  const lines = useMemo(() => pathLines(network, analysis), [network, analysis]);
  return (
    <Stack spacing={3}>
      <Typography variant="body1">
        Optional. Without zones, the planner only writes the rules of the hosts’ own firewalls. Add
        the network zones your hosts are in and the firewalls between them, and the planner also
        says what each network firewall must allow.
      </Typography>
      <ZonesSection hosts={hosts.hosts} />
      <FirewallsSection />
      <HostsSection hosts={hosts} />
      <PathsSection network={network} analysis={analysis} lines={lines} />
    </Stack>
  );
}
