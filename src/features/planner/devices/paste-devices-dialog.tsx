/**
 * "Paste from spreadsheet": rows copied from a spreadsheet (or a .csv/.tsv file) previewed as the
 * devices they would add, every bad cell listed by row and column. Nothing changes until "Add";
 * the text stays with the Devices step (the draft), so closing the dialog loses nothing.
 * The sheet reader and its CSV library (papaparse) load when the dialog first opens.
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
import { getCatalog } from '@/core/catalog/catalog';
import type { NewDevice, readDeviceSheet, SheetPreview } from '@/core/import/device-sheet';
import { MAX_SHEET_CHARS, REQUIRED_COLUMNS } from '@/core/import/sheet-columns';
import { plural } from '@/core/import/sheet-text';
import { useAppStore } from '@/state/store';

export interface PasteDevicesDialogProps {
  open: boolean;
  /** The pasted text (kept by the Devices step while the dialog is closed). */
  text: string;
  onTextChange: (text: string) => void;
  /** Called with the devices once the user confirms. */
  onAdd: (devices: NewDevice[]) => void;
  onClose: () => void;
}

type ReadSheet = typeof readDeviceSheet;

const EMPTY: SheetPreview = { header: [], rows: [], devices: [], issues: [] };

/** The sheet reader, loaded when the dialog first opens (with papaparse). */
const loadReader = (): Promise<ReadSheet> =>
  import('@/core/import/device-sheet').then((m) => m.readDeviceSheet);

export function PasteDevicesDialog({
  open,
  text,
  onTextChange,
  onAdd,
  onClose,
}: PasteDevicesDialogProps) {
  const catalog = getCatalog();
  const plan = useAppStore((s) => s.plan);
  const titleId = useId();
  // On a phone the dialog takes the whole screen: the text, the problems and the preview need it.
  const fullScreen = useMediaQuery(useTheme().breakpoints.down('sm'));
  const [fileError, setFileError] = useState<string | null>(null);
  const deferred = useDeferredValue(text);
  const reader = useLazyModule(loadReader, 'The sheet reader');
  const preview = useMemo(
    () => (reader.value ? reader.value(deferred, plan, catalog) : EMPTY),
    [reader, deferred, plan, catalog],
  );
  const stale = deferred !== text || reader.value === null;
  const count = preview.devices.length;
  // What "Add" would add once every cell is good: every row.
  const shownCount = preview.issues.length > 0 ? preview.rows.length : count;
  const blocked = preview.issues.length > 0 || count === 0 || stale;

  const summary =
    reader.value === null
      ? reader.error === null
        ? 'Loading the sheet reader…'
        : 'The sheet reader is not loaded.'
      : preview.rows.length === 0 && preview.issues.length === 0
        ? 'Nothing pasted yet.'
        : preview.issues.length > 0
          ? `${plural(preview.rows.length, 'row')}: ${plural(preview.issues.length, 'problem')} to fix before adding (${plural(count, 'row')} ready).`
          : `${plural(count, 'device')} ready to add.`;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby={titleId}
      maxWidth="lg"
      fullWidth
      fullScreen={fullScreen}
    >
      <DialogTitle id={titleId}>Paste devices from a spreadsheet</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>
            Copy the rows from your spreadsheet, header row included, and paste them here (CSV text
            works too). Columns: {REQUIRED_COLUMNS.join(', ')}; optionally tenant and any device
            option by its name (e.g. “{catalog.options[1]?.label}”). Types and agent servers match
            by name, ignoring case; addresses are separated by “;”, “,” or spaces. Agent servers of
            this plan: {plan.agents.map((a) => `“${a.name}”`).join(', ') || 'none yet'}.
          </DialogContentText>
          <TextField
            id="paste-devices-text"
            label="Spreadsheet rows"
            value={text}
            onChange={(e) => onTextChange(e.target.value)}
            multiline
            minRows={5}
            maxRows={8}
            fullWidth
            placeholder={`name\ttype\taddresses\tagent\nFiler NYC\tNetApp ONTAP\t10.0.0.5\t${plan.agents[0]?.name ?? 'Agent server 1'}`}
            slotProps={{
              htmlInput: {
                maxLength: MAX_SHEET_CHARS,
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
              maxBytes={MAX_SHEET_CHARS}
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
          {fileError && <Alert severity="error">{fileError}</Alert>}
          {reader.error && <Alert severity="error">{reader.error}</Alert>}
          <SheetProblems issues={preview.issues} />
          <SheetPreviewTable
            header={preview.header}
            rows={preview.rows}
            issues={preview.issues}
            what="devices"
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={blocked} onClick={() => onAdd(preview.devices)}>
          {shownCount > 0 ? `Add ${plural(shownCount, 'device')}` : 'Add devices'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
