import DialogContentText from '@mui/material/DialogContentText';

import { ConfirmDialog } from './confirm-dialog';

export interface ReplacePlanDialogProps {
  open: boolean;
  /** Name of the plan that would replace the plan in progress. */
  incomingName: string;
  /** Name of the plan in progress. */
  currentName: string;
  /** Where the incoming plan comes from, e.g. "the file". */
  from: string;
  onReplace: () => void;
  onCancel: () => void;
}

/** Asks before a plan from a file replaces the plan in progress. */
export function ReplacePlanDialog(props: ReplacePlanDialogProps) {
  const { open, incomingName, currentName, from, onReplace, onCancel } = props;
  return (
    <ConfirmDialog
      open={open}
      title="Replace the plan in progress?"
      confirmLabel="Replace"
      destructive
      onConfirm={onReplace}
      onCancel={onCancel}
    >
      <DialogContentText>
        The plan “{incomingName}” from {from} replaces “{currentName}” and its hosts, devices and
        settings. To keep the plan in progress, choose Cancel and save it first (“Save plan” in the
        planner).
      </DialogContentText>
    </ConfirmDialog>
  );
}
