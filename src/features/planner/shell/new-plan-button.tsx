import NoteAddOutlinedIcon from '@mui/icons-material/NoteAddOutlined';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useNavigate } from 'react-router';

import { DiscardPlanDialog } from '@/components/discard-plan-dialog';
import { paths } from '@/config/paths';
import { isDefaultPlan } from '@/core/wizard/plan-status';
import { FIRST_STEP } from '@/core/wizard/steps';
import { useAppStore } from '@/state/store';

/** Starts a new plan; asks first when the current one holds any work. */
export function NewPlanButton() {
  const [asking, setAsking] = useState(false);
  const navigate = useNavigate();
  const planName = useAppStore((s) => s.plan.name);

  const startNew = () => {
    setAsking(false);
    useAppStore.getState().resetPlan();
    void navigate(paths.step(FIRST_STEP));
  };

  return (
    <>
      <Button
        variant="outlined"
        startIcon={<NoteAddOutlinedIcon />}
        onClick={() => {
          if (isDefaultPlan(useAppStore.getState().plan)) startNew();
          else setAsking(true);
        }}
      >
        New plan
      </Button>
      <DiscardPlanDialog
        open={asking}
        planName={planName}
        onDiscard={startNew}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}
