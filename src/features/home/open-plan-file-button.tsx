import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useNavigate } from 'react-router';

import { ReplacePlanDialog } from '@/components/replace-plan-dialog';
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
      <ReplacePlanDialog
        open={pending !== null}
        incomingName={pending?.name ?? ''}
        currentName={currentName}
        from="the file"
        onReplace={() => pending && apply(pending)}
        onCancel={() => setPending(null)}
      />
    </Stack>
  );
}
