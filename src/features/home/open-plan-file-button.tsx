import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import Alert from '@mui/material/Alert';
import DialogContentText from '@mui/material/DialogContentText';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useNavigate } from 'react-router';

import { ConfirmDialog } from '@/components/confirm-dialog';
import { FilePickerButton } from '@/components/file-picker-button';
import { paths } from '@/config/paths';
import { parsePlanFile, PLAN_FILE_MAX_BYTES } from '@/core/exporters/plan-file';
import type { Plan } from '@/core/plan/model';
import { isDefaultPlan } from '@/core/wizard/plan-status';
import { useAppStore } from '@/state/store';

/** "Open plan file" on the home page: opens a saved plan and goes to its review. */
export function OpenPlanFileButton() {
  const navigate = useNavigate();
  const currentName = useAppStore((s) => s.plan.name);
  const [pending, setPending] = useState<Plan | null>(null);
  const [errors, setErrors] = useState<string[]>([]);

  const apply = (plan: Plan) => {
    useAppStore.getState().setPlan(plan);
    setPending(null);
    void navigate(paths.step('review'));
  };

  const onText = async (text: string) => {
    // The catalog is loaded on demand: it is not part of the home page's first load.
    const { getCatalog } = await import('@/core/catalog/catalog');
    const result = parsePlanFile(text, getCatalog().version);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors([]);
    if (isDefaultPlan(useAppStore.getState().plan)) apply(result.plan);
    else setPending(result.plan);
  };

  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <FilePickerButton
        label="Open plan file"
        accept=".json,application/json"
        maxBytes={PLAN_FILE_MAX_BYTES}
        size="large"
        startIcon={<FolderOpenIcon />}
        onText={(text) => void onText(text)}
        onError={(message) => setErrors([message])}
      />
      {errors.length > 0 && (
        <Alert severity="error" onClose={() => setErrors([])}>
          The plan file could not be opened: {errors.join(' ')}
        </Alert>
      )}
      <ConfirmDialog
        open={pending !== null}
        title="Replace the plan in progress?"
        confirmLabel="Replace"
        destructive
        onConfirm={() => pending && apply(pending)}
        onCancel={() => setPending(null)}
      >
        <DialogContentText>
          The plan “{pending?.name}” from the file replaces “{currentName}” and its hosts, devices
          and settings. To keep the plan in progress, choose Cancel and save it first (“Save plan”
          in the planner).
        </DialogContentText>
      </ConfirmDialog>
    </Stack>
  );
}
