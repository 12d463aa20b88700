import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import Alert from '@mui/material/Alert';
import type { ButtonProps } from '@mui/material/Button';
import { lazy, Suspense } from 'react';

import { PLAN_FILE_MAX_BYTES } from '@/core/exporters/plan-file';

import { FilePickerButton } from './file-picker-button';

// The dialog (and MUI's Modal) loads when it first opens: out of the first load (npm run budget).
const ReplacePlanDialog = lazy(async () => ({
  default: (await import('./replace-plan-dialog')).ReplacePlanDialog,
}));

export interface OpenPlanFileButtonProps {
  size?: ButtonProps['size'];
  onText: (text: string) => void;
  onError: (message: string) => void;
}

/** "Open plan file": the file picker for plan files (JSON, within the size cap). */
export function OpenPlanFileButton({ size, onText, onError }: OpenPlanFileButtonProps) {
  return (
    <FilePickerButton
      label="Open plan file"
      accept=".json,application/json"
      maxBytes={PLAN_FILE_MAX_BYTES}
      size={size}
      startIcon={<FolderOpenIcon />}
      onText={onText}
      onError={onError}
    />
  );
}

export interface PlanFileErrorsProps {
  /** Why the file was refused; nothing is shown when empty. */
  errors: readonly string[];
  onClose: () => void;
}

/** Why a plan file could not be opened. */
export function PlanFileErrors({ errors, onClose }: PlanFileErrorsProps) {
  if (errors.length === 0) return null;
  return (
    <Alert severity="error" onClose={onClose}>
      The plan file could not be opened: {errors.join(' ')}
    </Alert>
  );
}

export interface OpenedPlanFileNoticeProps {
  planName: string;
  /** What the user must know about the file (older plan format, another catalog). */
  warnings: readonly string[];
  onClose: () => void;
}

/** "Opened the plan …", with the file's warnings (a warning when there are any). */
export function OpenedPlanFileNotice({ planName, warnings, onClose }: OpenedPlanFileNoticeProps) {
  return (
    <Alert severity={warnings.length > 0 ? 'warning' : 'success'} onClose={onClose}>
      Opened the plan “{planName}”. {warnings.join(' ')}
    </Alert>
  );
}

export interface ReplaceWithPlanFileDialogProps {
  /** Name of the file's plan while the question is open; null when there is no question. */
  incomingName: string | null;
  currentName: string;
  onReplace: () => void;
  onCancel: () => void;
}

/** Asks before a plan file's plan replaces the plan in progress. */
export function ReplaceWithPlanFileDialog({
  incomingName,
  currentName,
  onReplace,
  onCancel,
}: ReplaceWithPlanFileDialogProps) {
  if (incomingName === null) return null;
  return (
    <Suspense fallback={null}>
      <ReplacePlanDialog
        open
        incomingName={incomingName}
        currentName={currentName}
        from="the file"
        onReplace={onReplace}
        onCancel={onCancel}
      />
    </Suspense>
  );
}
