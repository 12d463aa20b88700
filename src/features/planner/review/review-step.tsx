import Box from '@mui/material/Box';
import GlobalStyles from '@mui/material/GlobalStyles';
import Typography from '@mui/material/Typography';
import { useCallback, useId, useMemo } from 'react';

import { getCatalog } from '@/core/catalog/catalog';
import { hostKinds } from '@/core/report/host-kind';
import type { ReportFirewall } from '@/core/report/zones';
import { hostIdentity } from '@/core/resolve/hosts';
import type { ResolvedHost } from '@/core/resolve/model';
import { selectResolution } from '@/state/selectors';
import { useAppStore } from '@/state/store';
import { useZoneModel } from '@/state/use-zone-model';

import { ExportButtons } from '../export/export-buttons';
import { FirewallDownloads } from '../export/firewall-downloads';
import { HostDownloads } from '../export/host-downloads';
import { SharePanel } from '../share/share-panel';

import { ReviewPanel } from './review-panel';

const printStyles = { '@media print': { '.no-print': { display: 'none !important' } } };

/** The "Review & export" step: checks, rules by flow or by host, exports and sharing. */
export function ReviewStep() {
  const resolution = useAppStore(selectResolution);
  const plan = useAppStore((s) => s.plan);
  const { firewallOf, hostActions } = useMemo(() => {
    const kindOf = hostKinds(plan, getCatalog());
    return {
      firewallOf: (host: ResolvedHost) => kindOf(host).firewall,
      // A server whose OS the planner scripts: its script and its sheet, from "By host".
      hostActions: (host: ResolvedHost) => {
        const { firewall, os } = kindOf(host);
        if (firewall !== 'own' || os === 'other' || host.address === '' || host.invalid)
          return null;
        return <HostDownloads identity={hostIdentity(host)} label={host.label} os={os} />;
      },
    };
  }, [plan]);
  const zoneModel = useZoneModel();
  // A network firewall: its rules in its own kind's syntax, the others and its sheet.
  const firewallActions = useCallback(
    (firewall: ReportFirewall) => (
      <FirewallDownloads id={firewall.id} name={firewall.name} kind={firewall.kindId} />
    ),
    [],
  );
  const hasDevices = useAppStore((s) => s.plan.devices.length > 0);
  const showInferred = useAppStore((s) => s.plan.settings.showInferred);
  const exportId = useId();
  const shareId = useId();

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <GlobalStyles styles={printStyles} />
      <ReviewPanel
        resolution={resolution}
        hasDevices={hasDevices}
        showInferred={showInferred}
        errata={getCatalog().errata}
        firewallOf={firewallOf}
        hostActions={hostActions}
        firewallActions={firewallActions}
        zoneModel={zoneModel}
      />
      <Box component="section" aria-labelledby={exportId} className="no-print">
        <Typography id={exportId} variant="h6" component="h3" sx={{ mb: 1.5 }}>
          Export
        </Typography>
        <ExportButtons />
      </Box>
      <Box component="section" aria-labelledby={shareId} className="no-print">
        <Typography id={shareId} variant="h6" component="h3" sx={{ mb: 1.5 }}>
          Share
        </Typography>
        <SharePanel />
      </Box>
    </Box>
  );
}
