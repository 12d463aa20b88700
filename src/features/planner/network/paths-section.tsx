import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

import { exportFileName } from '@/core/exporters/file-name';
import { setPreferredPath } from '@/core/plan/edit';
import type { PathLine } from '@/core/wizard/network';
import { hopsText } from '@/core/wizard/network';
import type { ZoneAnalysis } from '@/core/zones/analyze';
import { zonesMermaid } from '@/core/zones/mermaid';
import type { ZoneModel } from '@/core/zones/model';
import { copyText } from '@/lib/clipboard';
import { downloadFile } from '@/lib/download-file';
import { useAppStore } from '@/state/store';

import { StepSection } from '../shell/step-section';

import { loadZonesDiagram } from './load-zones-diagram';
import { useNetworkEdit } from './use-network-edit';
import { ZonesDiagram } from './zones-diagram';

function PathChoice({ line, network }: { line: PathLine; network: ZoneModel }) {
  const edit = useNetworkEdit();
  const index = network.preferredPaths.findIndex(
    (p) => (p.from === line.from && p.to === line.to) || (p.from === line.to && p.to === line.from),
  );
  const key = (firewalls: readonly string[]) => firewalls.join(',');
  const value = line.chosen ? key(line.chosen) : '';
  const offered = line.choices.map((hops) => ({
    value: key(hops.map((h) => h.firewallId)),
    label: hopsText(network, hops),
  }));
  const known = offered.some((o) => o.value === value);
  return (
    <TextField
      id={`path-${line.from}-${line.to}`}
      {...(index >= 0 ? { 'data-field': `network.preferredPaths.${index}` } : {})}
      select
      size="small"
      label={`Path from ${line.pair.replace(' → ', ' to ')}`}
      value={known ? value : ''}
      onChange={(e) =>
        edit((plan) =>
          setPreferredPath(
            plan,
            line.from,
            line.to,
            e.target.value === '' ? null : e.target.value.split(','),
          ),
        )
      }
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      sx={{ mt: 1 }}
      fullWidth
    >
      <option value="">{known ? 'No path chosen' : 'Choose the path the traffic takes…'}</option>
      {offered.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </TextField>
  );
}

/**
 * The paths the flows take between zones, in words; the diagram drawn (zones-diagram.tsx), to
 * download as SVG; and the diagram as Mermaid text.
 */
export function PathsSection({
  network,
  analysis,
  lines,
}: {
  network: ZoneModel;
  analysis: ZoneAnalysis;
  lines: readonly PathLine[];
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const empty = network.zones.length === 0 && network.firewalls.length === 0;
  const planName = useAppStore((s) => s.plan.name);
  const download = async () => {
    try {
      const { svg } = await loadZonesDiagram(network, analysis);
      downloadFile(exportFileName(planName, 'network-diagram.svg'), svg, 'image/svg+xml');
      setCopied(null);
    } catch (e) {
      setCopied(
        `The diagram could not be made: ${e instanceof Error ? e.message : String(e)}. Copy it as Mermaid text instead.`,
      );
    }
  };
  const copy = async () => {
    const ok = await copyText(zonesMermaid(network, analysis));
    setCopied(
      ok
        ? 'Copied the diagram as Mermaid text: paste it into a wiki page or a Markdown file that draws Mermaid.'
        : 'The browser did not allow copying to the clipboard: allow it for this page and try again.',
    );
  };
  return (
    <StepSection
      title="Paths"
      intro="Where the plan's flows go from one zone to another, and the firewalls they cross. Flows inside one zone cross no network firewall (the hosts' own firewalls still apply)."
      actions={
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          <Button
            variant="outlined"
            size="small"
            startIcon={<DownloadIcon />}
            onClick={() => void download()}
            disabled={empty}
          >
            Download diagram (SVG)
          </Button>
          <Button
            variant="outlined"
            size="small"
            startIcon={<ContentCopyIcon />}
            onClick={() => void copy()}
            disabled={empty}
          >
            Copy Mermaid
          </Button>
        </Box>
      }
    >
      <Box data-field="network.preferredPaths">
        {lines.length === 0 ? (
          <Typography variant="body2">
            No flow of the plan goes from one zone to another yet.
          </Typography>
        ) : (
          <Stack component="ul" spacing={1.5} aria-label="Paths between zones" sx={{ m: 0, pl: 3 }}>
            {lines.map((line) => (
              <Box
                component="li"
                key={`${line.from}\u0000${line.to}`}
                sx={{ overflowWrap: 'anywhere' }}
              >
                <Typography variant="body2" component="span">
                  <strong>{line.pair}</strong> (
                  {line.flows === 1 ? '1 flow' : `${line.flows} flows`}
                  ): {line.text}.
                </Typography>
                {line.choices.length > 1 && <PathChoice line={line} network={network} />}
              </Box>
            ))}
          </Stack>
        )}
      </Box>
      <Box role="status" sx={{ typography: 'body2' }}>
        {copied}
      </Box>
      {!empty && <ZonesDiagram network={network} analysis={analysis} />}
    </StepSection>
  );
}
