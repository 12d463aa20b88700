/**
 * "Paste agent servers from a spreadsheet" (Topology step): rows copied from a spreadsheet (or a
 * .csv/.tsv file) previewed as the agent servers they would add, every bad cell listed by row and
 * column. Nothing changes until "Add"; the text stays with the Topology step while the dialog is
 * closed. The reader and its CSV library (papaparse) load when the dialog first opens, as the
 * device sheet's do.
 */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useDeferredValue, useId, useMemo, useState } from 'react';

import { FilePickerButton } from '@/components/file-picker-button';
import { SheetPreviewTable, SheetProblems } from '@/components/sheet-preview';
import { useLazyModule } from '@/components/use-lazy-module';
import type { AgentSheetPreview, readAgentSheet } from '@/core/import/agent-sheet';
import { AGENT_COLUMNS, MAX_AGENT_SHEET_CHARS } from '@/core/import/sheet-columns';
import { plural } from '@/core/import/sheet-text';
import type { HostEntry } from '@/core/plan/model';
import { useAppStore } from '@/state/store';

export interface PasteAgentsDialogProps {
  open: boolean;
  text: string;
  onTextChange: (text: string) => void;
  /** Called with the agent servers once the user confirms (and the one they replace, if any). */
  onAdd: (agents: HostEntry[], replace: string | null) => void;
  onClose: () => void;
}

type ReadSheet = typeof readAgentSheet;

const EMPTY: AgentSheetPreview = { header: [], rows: [], agents: [], issues: [], replaces: null };

/** The sheet reader, loaded when the dialog first opens (with papaparse). */
const loadReader = (): Promise<ReadSheet> =>
  import('@/core/import/agent-sheet').then((m) => m.readAgentSheet);

export function PasteAgentsDialog({
  open,
  text,
  onTextChange,
  onAdd,
  onClose,
}: PasteAgentsDialogProps) {
  const plan = useAppStore((s) => s.plan);
  const titleId = useId();
  const fullScreen = useMediaQuery(useTheme().breakpoints.down('sm'));
  const [fileError, setFileError] = useState<string | null>(null);
  const deferred = useDeferredValue(text);
  const reader = useLazyModule(loadReader, 'The sheet reader');
  const preview = useMemo(
    () => (reader.value ? reader.value(deferred, plan) : EMPTY),
    [reader, deferred, plan],
  );
  const stale = deferred !== text || reader.value === null;
  const count = preview.agents.length;
  const shownCount = preview.issues.length > 0 ? preview.rows.length : count;
  const blocked = preview.issues.length > 0 || count === 0 || stale;
  const replaced = plan.agents.find((a) => a.id === preview.replaces);

  const summary =
    reader.value === null
      ? reader.error === null
        ? 'Loading the sheet reader…'
        : 'The sheet reader is not loaded.'
      : preview.rows.length === 0 && preview.issues.length === 0
        ? 'Nothing pasted yet.'
        : preview.issues.length > 0
          ? `${plural(preview.rows.length, 'row')}: ${plural(preview.issues.length, 'problem')} to fix before adding (${plural(count, 'row')} ready).`
          : `${plural(count, 'agent server')} ready to add.`;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby={titleId}
      maxWidth="md"
      fullWidth
      fullScreen={fullScreen}
    >
      <DialogTitle id={titleId}>Paste agent servers from a spreadsheet</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>
            Copy the rows from your spreadsheet, header row included, and paste them here (CSV text
            works too). Columns: {AGENT_COLUMNS.join(', ')} (the address: a host name or an IP
            address; leave it empty if you do not know it yet). Names must differ from the
            plan&apos;s agent servers, ignoring case.
          </DialogContentText>
          <TextField
            id="paste-agents-text"
            label="Spreadsheet rows"
            value={text}
            onChange={(e) => onTextChange(e.target.value)}
            multiline
            minRows={5}
            maxRows={8}
            fullWidth
            placeholder={'name\taddress\nAgent NYC\t10.1.0.1'}
            slotProps={{
              htmlInput: {
                maxLength: MAX_AGENT_SHEET_CHARS,
                spellCheck: false,
                style: {
                  fontFamily: 'monospace',
                  whiteSpace: 'pre',
                  overflowX: 'auto',
                  tabSize: 16,
                },
              },
            }}
          />
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <FilePickerButton
              label="Open a .csv or .tsv file"
              accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
              maxBytes={MAX_AGENT_SHEET_CHARS}
              onText={(fileText) => {
                setFileError(null);
                onTextChange(fileText);
              }}
              onError={setFileError}
              size="small"
            />
            <Typography role="status" variant="body2" sx={{ fontWeight: 500 }}>
              {summary}
            </Typography>
          </Stack>
          {replaced && count > 0 && preview.issues.length === 0 && (
            <Alert severity="info">
              They replace the empty “{replaced.name}” the new plan started with.
            </Alert>
          )}
          {fileError && <Alert severity="error">{fileError}</Alert>}
          {reader.error && <Alert severity="error">{reader.error}</Alert>}
          <SheetProblems issues={preview.issues} />
          <SheetPreviewTable
            header={preview.header}
            rows={preview.rows}
            issues={preview.issues}
            what="agent servers"
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={blocked}
          onClick={() => onAdd(preview.agents, preview.replaces)}
        >
          {shownCount > 0 ? `Add ${plural(shownCount, 'agent server')}` : 'Add agent servers'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
