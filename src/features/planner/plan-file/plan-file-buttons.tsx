import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import SaveIcon from '@mui/icons-material/Save';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';

import { ReplacePlanDialog } from '@/components/replace-plan-dialog';
import { FilePickerButton } from '@/components/file-picker-button';
import { getCatalog } from '@/core/catalog/catalog';
import {
  parsePlanFile,
  PLAN_FILE_MAX_BYTES,
  PLAN_FILE_MIME_TYPE,
  planFileName,
  serializePlanFile,
} from '@/core/exporters/plan-file';
import type { Plan } from '@/core/plan/model';
import { isDefaultPlan } from '@/core/wizard/plan-status';
import { downloadFile } from '@/lib/download-file';
import { useAppStore } from '@/state/store';

interface Opened {
  plan: Plan;
  warnings: string[];
}

/** "Save plan" and "Open plan file" (asks before replacing a plan in progress). */
export function PlanFileButtons() {
  const plan = useAppStore((s) => s.plan);
  const [pending, setPending] = useState<Opened | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState<Opened | null>(null);

  const save = () => {
    downloadFile(
      planFileName(plan),
      serializePlanFile(plan, getCatalog().version),
      PLAN_FILE_MIME_TYPE,
    );
  };

  const apply = (opened: Opened) => {
    useAppStore.getState().setPlan(opened.plan);
    setPending(null);
    setNotice(opened);
  };

  const onText = (text: string) => {
    setNotice(null);
    const result = parsePlanFile(text, getCatalog().version);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors([]);
    const opened = { plan: result.plan, warnings: result.warnings };
    if (isDefaultPlan(useAppStore.getState().plan)) apply(opened);
    else setPending(opened);
  };

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1.5 }}>
        <Button variant="outlined" startIcon={<SaveIcon />} onClick={save}>
          Save plan
        </Button>
        <FilePickerButton
          label="Open plan file"
          accept=".json,application/json"
          maxBytes={PLAN_FILE_MAX_BYTES}
          startIcon={<FolderOpenIcon />}
          onText={onText}
          onError={(message) => {
            setNotice(null);
            setErrors([message]);
          }}
        />
      </Stack>
      {errors.length > 0 && (
        <Alert severity="error" onClose={() => setErrors([])}>
          The plan file could not be opened: {errors.join(' ')}
        </Alert>
      )}
      {notice && (
        <Alert
          severity={notice.warnings.length > 0 ? 'warning' : 'success'}
          onClose={() => setNotice(null)}
        >
          Opened the plan “{notice.plan.name}”. {notice.warnings.join(' ')}
        </Alert>
      )}
      <ReplacePlanDialog
        open={pending !== null}
        incomingName={pending?.plan.name ?? ''}
        currentName={plan.name}
        from="the file"
        onReplace={() => pending && apply(pending)}
        onCancel={() => setPending(null)}
      />
    </Stack>
  );
}
