import DialogContentText from '@mui/material/DialogContentText';

import { ConfirmDialog } from './confirm-dialog';

export interface DiscardPlanDialogProps {
  open: boolean;
  /** Name of the plan in progress. */
  planName: string;
  onDiscard: () => void;
  onCancel: () => void;
}

/** Asks before the plan in progress is replaced by a new one. */
export function DiscardPlanDialog({ open, planName, onDiscard, onCancel }: DiscardPlanDialogProps) {
  return (
    <ConfirmDialog
      open={open}
      title="Discard the plan in progress?"
      confirmLabel="Discard"
      destructive
      onConfirm={onDiscard}
      onCancel={onCancel}
    >
      <DialogContentText>
        A new plan replaces “{planName}” and its hosts, devices and settings. To keep it, choose
        Cancel and save it as a file first (“Save plan” in the planner).
      </DialogContentText>
    </ConfirmDialog>
  );
}
