import FileDownloadIcon from '@mui/icons-material/FileDownload';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { Fragment, useId, useState } from 'react';

export interface TabConflictDialogProps {
  open: boolean;
  /** This tab's plan, described for the user, e.g. “HQ” (2 agent servers, 3 devices). */
  mine: string;
  /** The other tab's plan, described; null when this tab cannot read what it saved. */
  theirs: string | null;
  /** When the other tab saved, formatted for the user, if known. */
  savedAt: string | null;
  /** Why the other tab's text cannot be read (when `theirs` is null). */
  unreadableReason?: string;
  /** A problem to show (a failed download, a failed replace), or null. */
  error: string | null;
  /** Close the dialog and choose later (this tab keeps not saving). */
  onLater: () => void;
  onDownloadMine: () => void;
  /** Downloads the other tab's plan (or, when unreadable, the text it saved). */
  onDownloadTheirs: () => void;
  /** Loads the other tab's plan (when unreadable: reloads this tab). */
  onLoadTheirs: () => void;
  /** Replaces the other tab's plan with this tab's: only called after the confirmation step. */
  onKeepMine: () => void;
}

/**
 * "This plan was changed in another tab": this tab stopped saving and the user chooses which
 * version to keep. Keeping this tab's version takes a second, explicit step that offers to
 * download the other tab's first. The first button of each step (Decide later, Back) has the
 * initial focus, so Enter never replaces anything; Escape closes (or goes back).
 */
export function TabConflictDialog(props: TabConflictDialogProps) {
  const { open, mine, theirs, savedAt, unreadableReason, error } = props;
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();
  const bodyId = useId();
  const readable = theirs !== null;
  const when = savedAt ? ` at ${savedAt}` : '';

  return (
    <Dialog
      open={open}
      onClose={() => (confirming ? setConfirming(false) : props.onLater())}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      maxWidth="md"
      fullWidth
      // Wide enough for the four choices on one row; text lines stay readable.
      slotProps={{ paper: { sx: { maxWidth: 720 } } }}
    >
      <DialogTitle id={titleId}>
        {confirming
          ? "Replace the other tab's plan with this tab's?"
          : 'This plan was changed in another tab'}
      </DialogTitle>
      <DialogContent>
        {confirming ? (
          <DialogContentText id={bodyId}>
            {readable
              ? `The other tab's plan ${theirs} will be replaced in this browser by this tab's plan ${mine}. Other tabs of the planner then show this tab's plan. To keep a copy of theirs, download it first.`
              : `The text the other tab saved is kept aside in this browser's storage under a new backup key, then this tab's plan ${mine} is saved. Other tabs of the planner then show this tab's plan.`}
          </DialogContentText>
        ) : (
          <>
            <DialogContentText id={bodyId}>
              {readable
                ? `Another tab of the planner saved a different version of this plan${when}. This tab has stopped saving, so that neither version is overwritten.`
                : `Another tab saved the plan${when} in a form this tab cannot read (${unreadableReason ?? 'unknown format'}), perhaps with a newer version of the planner. This tab has stopped saving, so that it is not overwritten.`}
            </DialogContentText>
            <Box component="ul" sx={{ my: 2, pl: 3, color: 'text.primary' }}>
              {readable && <li>In the other tab: {theirs}</li>}
              <li>In this tab (not saved): {mine}</li>
            </Box>
            <DialogContentText>
              {readable
                ? "Load the other tab's plan to continue with it: this tab's changes are then dropped, so download them first if you may need them. Or keep this tab's plan: you are asked before it replaces the other tab's."
                : "Reload this tab to open the other tab's plan: this tab's changes are then dropped, so download them first if you may need them. Or keep this tab's plan: you are asked before it replaces the other tab's text."}
            </DialogContentText>
          </>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions disableSpacing sx={{ flexWrap: 'wrap', gap: 1, px: 3, pb: 2 }}>
        {/* Keyed: each step's buttons are new elements, so the focus never lands on a button of
            the other step (e.g. "Replace with mine" where "Keep mine…" was). */}
        {confirming ? (
          <Fragment key="confirm">
            <Button onClick={() => setConfirming(false)} autoFocus>
              Back
            </Button>
            <Button startIcon={<FileDownloadIcon />} onClick={props.onDownloadTheirs}>
              {readable ? 'Download their plan' : 'Download their text'}
            </Button>
            <Button variant="contained" color="error" onClick={props.onKeepMine}>
              Replace with mine
            </Button>
          </Fragment>
        ) : (
          <Fragment key="choose">
            <Button onClick={props.onLater} autoFocus sx={{ mr: 'auto' }}>
              Decide later
            </Button>
            <Button startIcon={<FileDownloadIcon />} onClick={props.onDownloadMine}>
              Download my plan
            </Button>
            <Button variant="outlined" onClick={() => setConfirming(true)}>
              Keep mine…
            </Button>
            <Button variant="contained" onClick={props.onLoadTheirs}>
              {readable ? "Load the other tab's plan" : 'Reload this tab'}
            </Button>
          </Fragment>
        )}
      </DialogActions>
    </Dialog>
  );
}
