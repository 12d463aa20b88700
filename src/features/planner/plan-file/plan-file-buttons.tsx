import SaveIcon from '@mui/icons-material/Save';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useEffect, useState } from 'react';

import {
  OpenedPlanFileNotice,
  OpenPlanFileButton,
  PlanFileErrors,
  ReplaceWithPlanFileDialog,
} from '@/components/open-plan-file';
import { getCatalog } from '@/core/catalog/catalog';
import {
  PLAN_FILE_MIME_TYPE,
  planFileName,
  planFileStamp,
  serializePlanFile,
} from '@/core/exporters/plan-file';
import { downloadFile } from '@/lib/download-file';
import type { OpenedPlanFile } from '@/state/open-plan-file';
import { useAppStore } from '@/state/store';
import { usePlanFileOpener } from '@/state/use-plan-file-opener';

const catalogVersion = () => getCatalog().version;

/** "Save plan" and "Open plan file" (asks before replacing a plan in progress). */
export function PlanFileButtons() {
  const plan = useAppStore((s) => s.plan);
  // A file opened on the home page: its notice shows here, once.
  const [notice, setNotice] = useState<OpenedPlanFile | null>(
    () => useAppStore.getState().planFileNotice,
  );
  useEffect(() => {
    if (useAppStore.getState().planFileNotice !== null) {
      useAppStore.getState().setPlanFileNotice(null);
    }
  }, []);
  const opener = usePlanFileOpener({
    catalogVersion,
    onAttempt: () => setNotice(null),
    onOpened: setNotice,
  });

  const save = () => {
    downloadFile(
      planFileName(plan),
      serializePlanFile(plan, planFileStamp(getCatalog())),
      PLAN_FILE_MIME_TYPE,
    );
  };

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1.5 }}>
        <Button variant="outlined" startIcon={<SaveIcon />} onClick={save}>
          Save plan
        </Button>
        <OpenPlanFileButton onText={opener.onText} onError={opener.onError} />
      </Stack>
      <PlanFileErrors errors={opener.errors} onClose={opener.clearErrors} />
      {notice && (
        <OpenedPlanFileNotice
          planName={notice.plan.name}
          warnings={notice.warnings}
          onClose={() => setNotice(null)}
        />
      )}
      <ReplaceWithPlanFileDialog
        incomingName={opener.pending?.plan.name ?? null}
        currentName={opener.currentName}
        onReplace={opener.replace}
        onCancel={opener.cancel}
      />
    </Stack>
  );
}
