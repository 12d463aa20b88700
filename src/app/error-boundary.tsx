import FileDownloadIcon from '@mui/icons-material/FileDownload';
import RefreshIcon from '@mui/icons-material/Refresh';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ErrorInfo, ReactNode } from 'react';
import { Component, useState } from 'react';
import { useRouteError } from 'react-router';

import { downloadFile } from '@/lib/download-file';
import { readItem } from '@/lib/storage';
import { reloadPage } from '@/lib/window-events';
import { STORAGE_KEY } from '@/state/persistence';
import { useAppStore } from '@/state/store';

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'statusText' in error) {
    return String((error as { statusText: unknown }).statusText);
  }
  return String(error);
}

/** The plan as JSON: from the store, else the raw text this browser saved. */
function planJsonForRescue(): string {
  try {
    return JSON.stringify(useAppStore.getState().plan, null, 2);
  } catch {
    const stored = readItem(STORAGE_KEY);
    return stored.ok && stored.value !== null ? stored.value : '{}';
  }
}

/** What the user sees after a crash: the plan is kept, can be downloaded, and the page reloaded. */
export function ErrorFallback({ error }: { error: unknown }) {
  const [downloadError, setDownloadError] = useState<string | null>(null);
  return (
    <Paper role="alert" sx={{ p: { xs: 2, sm: 4 }, maxWidth: 720, mx: 'auto', my: 3 }}>
      <Stack spacing={2}>
        <Typography variant="h4" component="h1">
          Something went wrong
        </Typography>
        <Typography>
          The planner hit an error it did not expect. Your plan is kept in this browser: reload the
          page to continue, or download the plan first to be safe.
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
          Error: {errorMessage(error)}
        </Typography>
        {downloadError && (
          <Alert severity="error">
            <AlertTitle>The download failed</AlertTitle>
            {downloadError}
          </Alert>
        )}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <Button
            variant="contained"
            startIcon={<FileDownloadIcon />}
            onClick={() => {
              try {
                downloadFile('activity-monitor-plan.json', planJsonForRescue(), 'application/json');
                setDownloadError(null);
              } catch (e) {
                setDownloadError(errorMessage(e));
              }
            }}
          >
            Download plan (JSON)
          </Button>
          <Button variant="outlined" startIcon={<RefreshIcon />} onClick={reloadPage}>
            Reload
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}

interface BoundaryProps {
  children: ReactNode;
  /** When this value changes (e.g. the route), a shown error is cleared and children render again. */
  resetKey?: string;
}

interface BoundaryState {
  error: unknown;
  hasError: boolean;
}

/** Catches render errors below it and shows <ErrorFallback />; the store is left as it was. */
export class AppErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, hasError: false };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error, hasError: true };
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (this.state.hasError && previous.resetKey !== this.props.resetKey) {
      this.setState({ error: null, hasError: false });
    }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Planner crashed', error, info.componentStack);
  }

  override render() {
    if (this.state.hasError) return <ErrorFallback error={this.state.error} />;
    return this.props.children;
  }
}

/** errorElement of the router: errors the router catches (e.g. a route that failed to load). */
export function RouteErrorFallback() {
  const error = useRouteError();
  return <ErrorFallback error={error} />;
}
