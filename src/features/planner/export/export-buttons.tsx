import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DescriptionIcon from '@mui/icons-material/Description';
import DeveloperBoardIcon from '@mui/icons-material/DeveloperBoard';
import DownloadIcon from '@mui/icons-material/Download';
import GridOnIcon from '@mui/icons-material/GridOn';
import NetworkCheckIcon from '@mui/icons-material/NetworkCheck';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import TableChartIcon from '@mui/icons-material/TableChart';
import TableRowsIcon from '@mui/icons-material/TableRows';
import TerminalIcon from '@mui/icons-material/Terminal';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';

import type { Exporter } from '@/core/exporters/exporter';
import { EXPORTERS } from '@/core/exporters/registry';
import type { TableCopy } from '@/lib/clipboard';
import { copyTable, copyText } from '@/lib/clipboard';
import { downloadFile } from '@/lib/download-file';
import { ExportCancelled, startExport } from '@/lib/export-runner';
import { appUrl } from '@/lib/location';
import { exportCoverageOf, exportsUnavailableOf, exportWarningsOf } from '@/state/review-derived';
import { useAppStore } from '@/state/store';

const ICONS: Record<string, ReactNode> = {
  'import-csv': <TableRowsIcon />,
  xlsx: <GridOnIcon />,
  csv: <TableChartIcon />,
  markdown: <DescriptionIcon />,
  pdf: <PictureAsPdfIcon />,
  powershell: <TerminalIcon />,
  firewalld: <DeveloperBoardIcon />,
  'connectivity-check': <NetworkCheckIcon />,
  'copy-table': <ContentCopyIcon />,
};

const MAX_LISTED = 8;

function listed(fields: readonly string[]): string {
  const shown = fields.slice(0, MAX_LISTED).join(', ');
  return fields.length > MAX_LISTED ? `${shown} and ${fields.length - MAX_LISTED} more` : shown;
}

type Notice = { severity: 'success' | 'warning' | 'error'; text: string };

/** What the copy did, and for a draft (a plan with errors) that the copy is stamped so. */
function copyNotice(
  copied: TableCopy,
  htmlLost: boolean,
  rules: number,
  draftStamp: string | undefined,
): Notice {
  if (copied === 'failed') {
    return {
      severity: 'error',
      text: 'The browser did not allow copying to the clipboard: allow it for this page and try again, or use “Download CSV” instead.',
    };
  }
  const how = htmlLost ? ' (as plain text: this browser did not take the formatted table)' : '';
  const text = `Copied ${rules} rule(s) as a table${how}: paste it into a ticket or a spreadsheet.`;
  return draftStamp
    ? { severity: 'warning', text: `${text} It is stamped “${draftStamp}”.` }
    : { severity: 'success', text };
}

/** One button per export format (src/core/exporters/registry.ts), all from the same report. */
export function ExportButtons() {
  const plan = useAppStore((s) => s.plan);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** How far the running export is (0 to 1). */
  const [progress, setProgress] = useState(0);
  /** Ends the running export (its worker); null while none runs. */
  const cancelRef = useRef<(() => void) | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  /** The button whose export just ended: it gets the focus back (see the effect below). */
  const returnFocusTo = useRef<string | null>(null);

  // A busy button is disabled, so the browser moves the focus to the page's body while the
  // export runs. Once the button is enabled again, give it the focus back, unless the user
  // has put the focus somewhere else meanwhile.
  useEffect(() => {
    if (busy !== null || returnFocusTo.current === null) return;
    const button = buttons.current.get(returnFocusTo.current);
    returnFocusTo.current = null;
    const active = button?.ownerDocument.activeElement;
    if (button && (!active || active === button.ownerDocument.body || active === button)) {
      button.focus();
    }
  }, [busy]);

  // An export that does not apply to the plan (a firewalld script without a Linux host) is shown
  // disabled with its reason beside it rather than hidden: the user learns that it exists and
  // what would make it apply. Read from the plan's hosts, without building a report.
  const reasonIds = useId();
  // Read from the plan's hosts, without building a report; memoised per plan (review-derived).
  const unavailable = exportsUnavailableOf(plan);
  // Warnings read the plan only: no report is built until a button is pressed.
  const warnings = exportWarningsOf(plan);
  // What a vendor config covers in a plan with network firewalls (which firewalls it writes).
  const coverage = exportCoverageOf(plan);

  const run = async (exporter: Exporter) => {
    setBusy(exporter.id);
    setProgress(0);
    setNotice(null);
    // Made in a Web Worker (src/lib/export-runner.ts): the page keeps answering meanwhile.
    const running = startExport(
      {
        exporterId: exporter.id,
        plan,
        appUrl: appUrl(),
        generatedAt: new Date().toISOString(),
      },
      setProgress,
    );
    cancelRef.current = running.cancel;
    try {
      const result = await running.result;
      if (result.action === 'copy') {
        const text =
          typeof result.output === 'string'
            ? result.output
            : new TextDecoder().decode(result.output);
        const html = result.html;
        let copied: TableCopy;
        if (html !== undefined) copied = await copyTable({ text, html });
        else copied = (await copyText(text)) ? 'text' : 'failed';
        const htmlLost = html !== undefined && copied === 'text';
        setNotice(copyNotice(copied, htmlLost, result.rows, result.draftStamp));
      } else {
        downloadFile(result.fileName, result.output, result.mimeType);
      }
    } catch (e) {
      setNotice(
        e instanceof ExportCancelled
          ? { severity: 'warning', text: `“${exporter.label}” was cancelled: nothing was saved.` }
          : {
              severity: 'error',
              text: `“${exporter.label}” failed: ${e instanceof Error ? e.message : String(e)}. Try again, or use another format.`,
            },
      );
    } finally {
      cancelRef.current = null;
      returnFocusTo.current = exporter.id;
      setBusy(null);
    }
  };

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1.5 }}>
        {EXPORTERS.map((exporter) => (
          <Button
            key={exporter.id}
            variant="outlined"
            startIcon={ICONS[exporter.id] ?? <DownloadIcon />}
            ref={(element: HTMLButtonElement | null) => {
              if (element) buttons.current.set(exporter.id, element);
              else buttons.current.delete(exporter.id);
            }}
            loading={busy === exporter.id}
            loadingPosition="start"
            aria-busy={busy === exporter.id || undefined}
            disabled={(busy !== null && busy !== exporter.id) || unavailable.has(exporter.id)}
            aria-describedby={
              unavailable.has(exporter.id) ? `${reasonIds}-${exporter.id}` : undefined
            }
            onClick={() => void run(exporter)}
          >
            {exporter.label}
          </Button>
        ))}
      </Stack>
      {EXPORTERS.map((exporter) => {
        const reason = unavailable.get(exporter.id);
        return reason === undefined ? null : (
          <Typography
            key={exporter.id}
            id={`${reasonIds}-${exporter.id}`}
            variant="body2"
            sx={{ color: 'text.secondary' }}
          >
            “{exporter.label}” is not available: {reason}
          </Typography>
        );
      })}
      {coverage.map((c) => (
        <Typography key={c.id} variant="body2" sx={{ color: 'text.secondary' }}>
          “{c.label}”: {c.text}
        </Typography>
      ))}
      {busy !== null && (
        <Alert
          severity="info"
          role="status"
          action={
            <Button color="inherit" size="small" onClick={() => cancelRef.current?.()}>
              Cancel
            </Button>
          }
        >
          {busy === 'pdf' ? 'Preparing the PDF…' : 'Preparing the export…'}
          {progress > 0 && ` ${Math.round(progress * 100)}%`}
          <LinearProgress
            variant={progress > 0 ? 'determinate' : 'indeterminate'}
            value={Math.round(progress * 100)}
            aria-label="Export progress"
            sx={{ mt: 1, minWidth: 200 }}
          />
        </Alert>
      )}
      {warnings.map((w) => (
        <Alert key={w.id} severity="warning">
          {w.label}: these fields use characters the PDF font cannot show; they print as “?”:{' '}
          {listed(w.fields)}. The other formats keep every character.
        </Alert>
      ))}
      {notice && (
        <Alert severity={notice.severity} onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
    </Stack>
  );
}
