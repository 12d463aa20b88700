import DownloadIcon from '@mui/icons-material/Download';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';

import { EXPORTERS } from '@/core/exporters/registry';
import { FIREWALL_SHEET_ID } from '@/core/exporters/run-export';
import type { FirewallKind } from '@/core/zones/model';

import { useWorkerDownload } from './use-worker-download';

interface Syntax {
  /** The registry's exporter id, or FIREWALL_SHEET_ID for the firewall's sheet. */
  id: string;
  name: string;
  /** The firewall kind whose own syntax it is. */
  kind?: FirewallKind;
}

/** The vendor configs, by exporter id of the registry, with the kind each is the syntax of. */
const SYNTAXES: readonly Syntax[] = [
  { id: 'panos', name: 'PAN-OS set commands', kind: 'panos' },
  { id: 'fortios', name: 'FortiOS CLI', kind: 'fortios' },
  { id: 'asa', name: 'Cisco ASA config', kind: 'asa' },
  { id: 'aerleon', name: 'Aerleon policy (zip)' },
];

const SHEET: Syntax = { id: FIREWALL_SHEET_ID, name: 'CSV of this firewall' };

/**
 * The downloads of one network firewall of "By firewall": its rules in its own kind's syntax
 * first (PAN-OS, FortiOS, Cisco ASA), then in the other syntaxes and as an Aerleon policy, then
 * its sheet (its rule set with the zones and interfaces, its address and service objects:
 * core/exporters/firewall-csv.ts). Built in a Web Worker from the same report as the plan's
 * exports, narrowed to the firewall (zonesForFirewall), so each file holds only the flows that
 * cross it.
 */
export function FirewallDownloads({
  id,
  name,
  kind,
}: {
  /** The firewall's id in the plan's network. */
  id: string;
  name: string;
  kind: FirewallKind;
}) {
  const { error, busy, download } = useWorkerDownload();
  const ordered = [
    ...SYNTAXES.filter((s) => s.kind === kind),
    ...SYNTAXES.filter((s) => s.kind !== kind),
  ].filter((s) => EXPORTERS.some((e) => e.id === s.id));

  const run = (syntax: Syntax) =>
    download(syntax.id, { firewall: { id, name } }, `“${syntax.name}” for ${name}`);

  return (
    <div className="firewall-downloads no-print">
      {[...ordered, SHEET].map((syntax) => (
        <Button
          key={syntax.id}
          size="small"
          variant={syntax.kind === kind ? 'contained' : 'outlined'}
          startIcon={<DownloadIcon />}
          loading={busy === syntax.id}
          loadingPosition="start"
          disabled={busy !== null && busy !== syntax.id}
          onClick={() => void run(syntax)}
        >
          {syntax.name}
        </Button>
      ))}
      {error && (
        <Typography role="alert" variant="body2" sx={{ color: 'error.main' }}>
          {error}
        </Typography>
      )}
    </div>
  );
}
