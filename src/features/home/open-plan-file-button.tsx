import Stack from '@mui/material/Stack';
import { useNavigate } from 'react-router';

import {
  OpenPlanFileButton as OpenPlanFilePicker,
  PlanFileErrors,
  ReplaceWithPlanFileDialog,
} from '@/components/open-plan-file';
import { paths } from '@/config/paths';
import { useAppStore } from '@/state/store';
import { usePlanFileOpener } from '@/state/use-plan-file-opener';

// The catalog is loaded on demand: it is not part of the home page's first load.
const loadCatalogVersion = async () => {
  const { getCatalog } = await import('@/core/catalog/catalog');
  return getCatalog().version;
};

/**
 * "Open plan file" on the home page: opens a saved plan and goes to its review, where the
 * planner shows the file's notice and warnings.
 */
export function OpenPlanFileButton() {
  const navigate = useNavigate();
  const opener = usePlanFileOpener({
    catalogVersion: loadCatalogVersion,
    onOpened: (opened) => {
      useAppStore.getState().setPlanFileNotice(opened);
      void navigate(paths.step('review'));
    },
  });

  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <OpenPlanFilePicker size="large" onText={opener.onText} onError={opener.onError} />
      <PlanFileErrors errors={opener.errors} onClose={opener.clearErrors} />
      <ReplaceWithPlanFileDialog
        incomingName={opener.pending?.plan.name ?? null}
        currentName={opener.currentName}
        onReplace={opener.replace}
        onCancel={opener.cancel}
      />
    </Stack>
  );
}
