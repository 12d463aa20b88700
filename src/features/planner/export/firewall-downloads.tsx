import DownloadIcon from '@mui/icons-material/Download';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

import { FIREWALL_SHEET_ID } from '@/core/exporters/run-export';
import { downloadFile } from '@/lib/download-file';
import { startExport } from '@/lib/export-runner';
import { appUrl } from '@/lib/location';
import { useAppStore } from '@/state/store';

/**
 * The download of one network firewall of "By firewall": its sheet (its rule set with the zones
 * and interfaces, its address and service objects: core/exporters/firewall-csv.ts), made from the
 * plan in a Web Worker like the plan's exports and the per-host downloads.
 */
export function FirewallDownloads({ name }: { name: string }) {
  const plan = useAppStore((s) => s.plan);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setError(null);
    try {
      const result = await startExport({
        exporterId: FIREWALL_SHEET_ID,
        plan,
        appUrl: appUrl(),
        generatedAt: new Date().toISOString(),
        firewall: { name },
      }).result;
      downloadFile(result.fileName, result.output, result.mimeType);
    } catch (e) {
      setError(`The sheet of ${name} failed: ${e instanceof Error ? e.message : String(e)}.`);
    }
  };

  return (
    <Box
      className="no-print"
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mt: 1, ml: 4 }}
    >
      <Button
        size="small"
        variant="outlined"
        startIcon={<DownloadIcon />}
        onClick={() => void run()}
        aria-label={`CSV of firewall ${name}`}
      >
        CSV of this firewall
      </Button>
      {error && (
        <Typography role="alert" variant="body2" sx={{ color: 'error.main' }}>
          {error}
        </Typography>
      )}
    </Box>
  );
}
