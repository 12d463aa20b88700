import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { lazy, Suspense, useState } from 'react';

import {
  planFileName,
  planFileStamp,
  PLAN_FILE_MIME_TYPE,
  serializePlanFile,
} from '@/core/exporters/plan-file';
import type { Plan } from '@/core/plan/model';
import { downloadFile } from '@/lib/download-file';
import { reloadPage } from '@/lib/window-events';
import { useAppStore } from '@/state/store';

// The dialog (and MUI's Modal) loads when it first opens: out of the first load (npm run budget).
const TabConflictDialog = lazy(async () => ({
  default: (await import('@/components/tab-conflict-dialog')).TabConflictDialog,
}));

const MAX_NAME = 60;

/** “Plan name” (2 agent servers, 3 devices): the name quoted, on one line, shortened. */
function describePlan(plan: Plan): string {
  const oneLine = (plan.name.trim() || 'Untitled plan').replace(/\s+/g, ' ');
  const name = oneLine.length > MAX_NAME ? `${oneLine.slice(0, MAX_NAME)}…` : oneLine;
  const agents = `${plan.agents.length} agent server${plan.agents.length === 1 ? '' : 's'}`;
  const devices = `${plan.devices.length} device${plan.devices.length === 1 ? '' : 's'}`;
  return `“${name}” (${agents}, ${devices})`;
}

/** The time of a save: the time alone today, else the date and the time. */
function formatSavedAt(iso: string | null, now = new Date()): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return date.toDateString() === now.toDateString()
    ? time
    : `${date.toLocaleDateString(undefined, { dateStyle: 'medium' })} ${time}`;
}

async function downloadPlan(plan: Plan): Promise<void> {
  // The catalog is loaded on demand: it is not part of the home page's first load.
  const { getCatalog } = await import('@/core/catalog/catalog');
  downloadFile(
    planFileName(plan),
    serializePlanFile(plan, planFileStamp(getCatalog())),
    PLAN_FILE_MIME_TYPE,
  );
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * When another tab saved the plan and this tab has changes of its own (tab-session.ts), this
 * tab stops saving and asks which version to keep. "Decide later" leaves a banner with the
 * same question, on every page.
 */
export function TabConflict() {
  const theirs = useAppStore((s) => s.tabConflict);
  const open = useAppStore((s) => s.tabConflictOpen);
  const plan = useAppStore((s) => s.plan);
  const conflictError = useAppStore((s) => s.tabConflictError);
  const setOpen = useAppStore((s) => s.setTabConflictOpen);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  if (theirs === null) return null;

  const download = (run: () => Promise<void> | void) => {
    setDownloadError(null);
    Promise.resolve()
      .then(run)
      .catch((e: unknown) => setDownloadError(`The download failed: ${messageOf(e)}`));
  };

  return (
    <>
      {!open && (
        <Alert
          severity="warning"
          sx={{ mb: 3 }}
          action={
            <Button color="inherit" size="small" onClick={() => setOpen(true)}>
              Choose…
            </Button>
          }
        >
          <AlertTitle>This tab is not saving</AlertTitle>
          The plan was changed in another tab. Your changes in this tab are kept only here until you
          choose which version to keep.
        </Alert>
      )}
      {open && (
        <Suspense fallback={null}>
          <TabConflictDialog
            // A newer version from the other tab starts the question over.
            key={theirs.raw}
            open={open}
            mine={describePlan(plan)}
            theirs={theirs.readable ? describePlan(theirs.plan) : null}
            savedAt={theirs.readable ? formatSavedAt(theirs.savedAt) : null}
            unreadableReason={theirs.readable ? undefined : theirs.reason}
            error={conflictError ?? downloadError}
            onLater={() => setOpen(false)}
            onDownloadMine={() => download(() => downloadPlan(plan))}
            onDownloadTheirs={() =>
              download(() =>
                theirs.readable
                  ? downloadPlan(theirs.plan)
                  : downloadFile('other-tab-plan.txt', theirs.raw, 'text/plain'),
              )
            }
            onLoadTheirs={() =>
              theirs.readable ? useAppStore.getState().loadOtherTabPlan() : reloadPage()
            }
            onKeepMine={() => useAppStore.getState().keepThisTabPlan()}
          />
        </Suspense>
      )}
    </>
  );
}
