import DownloadIcon from '@mui/icons-material/Download';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';

import { EXPORTERS } from '@/core/exporters/registry';
import type { ReportHostOs } from '@/core/report/model';

import { useWorkerDownload } from './use-worker-download';

/** The host script of each operating system the planner scripts (exporter ids of the registry). */
const SCRIPT_OF: Partial<Record<ReportHostOs, string>> = {
  windows: 'powershell',
  linux: 'firewalld',
};
/** The host's sheet: its atomic flows, as the import CSV writes them. */
const SHEET = 'import-csv';

/**
 * The downloads of one host of "By host": its host-firewall script (PowerShell for Windows,
 * firewalld for Linux) and its sheet (the import CSV rows that start or end at it). Built from
 * the same report as the plan's exports, narrowed to the host (reportForHost).
 */
export function HostDownloads({
  identity,
  label,
  os,
}: {
  /** hostIdentity of the host in the plan's resolution. */
  identity: string;
  label: string;
  os: ReportHostOs;
}) {
  const { error, download } = useWorkerDownload();
  const ids = [SCRIPT_OF[os], SHEET].filter((id): id is string => id !== undefined);
  // The script first, then the sheet.
  const exporters = ids.flatMap((id) => EXPORTERS.filter((e) => e.id === id));

  const run = (id: string) => {
    const exporter = exporters.find((e) => e.id === id);
    if (!exporter) return Promise.resolve();
    return download(
      exporter.id,
      { host: { identity, label } },
      `“${exporter.label}” for this host`,
    );
  };

  return (
    <div className="host-downloads no-print">
      {exporters.map((exporter) => (
        <Button
          key={exporter.id}
          size="small"
          variant="outlined"
          startIcon={<DownloadIcon />}
          onClick={() => void run(exporter.id)}
        >
          {exporter.id === SHEET ? 'CSV of this host' : `${scriptName(exporter.id)} of this host`}
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

function scriptName(id: string): string {
  return id === SCRIPT_OF.windows ? 'PowerShell script' : 'firewalld script';
}
