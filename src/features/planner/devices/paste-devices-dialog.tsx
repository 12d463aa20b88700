/**
 * "Paste from spreadsheet": rows copied from a spreadsheet (or a .csv/.tsv file) previewed as the
 * devices they would add, every bad cell listed by row and column. Nothing changes until "Add";
 * the text stays with the Devices step (the draft), so closing the dialog loses nothing.
 * The sheet reader and its CSV library (papaparse) load when the dialog first opens.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';

import { FilePickerButton } from '@/components/file-picker-button';
import { getCatalog } from '@/core/catalog/catalog';
import type {
  NewDevice,
  readDeviceSheet,
  SheetIssue,
  SheetPreview,
} from '@/core/import/device-sheet';
import { MAX_SHEET_CHARS, REQUIRED_COLUMNS } from '@/core/import/sheet-columns';
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

/** How many preview rows the table shows (the issues list names every bad cell). */
const SHOWN_ROWS = 200;

type ReadSheet = typeof readDeviceSheet;

const EMPTY: SheetPreview = { header: [], rows: [], devices: [], issues: [] };

/** The sheet reader, loaded on first use (with papaparse), or why it could not be loaded. */
function useSheetReader(): { read: ReadSheet | null; error: string | null } {
  const [state, setState] = useState<{ read: ReadSheet | null; error: string | null }>({
    read: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    import('@/core/import/device-sheet').then(
      (m) => {
        if (live) setState({ read: m.readDeviceSheet, error: null });
      },
      (e: unknown) => {
        if (live) {
          setState({
            read: null,
            error: `The sheet reader could not be loaded (${e instanceof Error ? e.message : String(e)}); reload the page and try again. Your text is kept.`,
          });
        }
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function issueText(issue: SheetIssue): string {
  const where =
    issue.column === '' ? `Row ${issue.row}` : `Row ${issue.row}, column ${issue.column}`;
  return `${where}: ${issue.message}`;
}

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
  const reader = useSheetReader();
  const preview = useMemo(
    () => (reader.read ? reader.read(deferred, plan, catalog) : EMPTY),
    [reader, deferred, plan, catalog],
  );
  const stale = deferred !== text || reader.read === null;
  const badCells = new Set(preview.issues.map((i) => `${i.row}:${i.columnIndex}`));
  const badRows = new Set(preview.issues.map((i) => i.row));
  const count = preview.devices.length;
  // What "Add" would add once every cell is good: every row.
  const shownCount = preview.issues.length > 0 ? preview.rows.length : count;
  const blocked = preview.issues.length > 0 || count === 0 || stale;

  const summary =
    reader.read === null
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
          {preview.issues.length > 0 && (
            <Alert severity="error" aria-label="Problems in the pasted rows">
              <Typography variant="body2" component="p" sx={{ mb: 0.5 }}>
                Fix these in the text above; nothing is added while a cell is bad.
              </Typography>
              <Box
                component="ul"
                sx={{ m: 0, pl: 2, maxHeight: 160, overflowY: 'auto' }}
                tabIndex={0}
                aria-label="Bad cells"
              >
                {preview.issues.map((issue, i) => (
                  <li key={i}>{issueText(issue)}</li>
                ))}
              </Box>
            </Alert>
          )}
          {preview.rows.length > 0 && (
            <Box
              sx={{ maxHeight: 320, overflow: 'auto', border: 1, borderColor: 'divider' }}
              tabIndex={0}
              role="region"
              aria-label="Preview of the pasted rows"
            >
              <Table size="small" stickyHeader>
                <caption style={{ captionSide: 'top', textAlign: 'left', padding: 8 }}>
                  Preview: the devices the rows give
                  {preview.rows.length > SHOWN_ROWS
                    ? ` (the first ${SHOWN_ROWS} of ${preview.rows.length} rows)`
                    : ''}
                  ; bad cells are marked ⚠.
                </caption>
                <TableHead>
                  <TableRow>
                    <TableCell component="th" scope="col">
                      Row
                    </TableCell>
                    {preview.header.map((h, i) => (
                      <TableCell key={i} component="th" scope="col">
                        {h}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {preview.rows.slice(0, SHOWN_ROWS).map((row) => (
                    <TableRow
                      key={row.row}
                      sx={badRows.has(row.row) ? { bgcolor: 'action.hover' } : undefined}
                    >
                      <TableCell component="th" scope="row">
                        {row.row}
                      </TableCell>
                      {preview.header.map((_, i) => {
                        const bad = badCells.has(`${row.row}:${i}`);
                        return (
                          <TableCell
                            key={i}
                            data-bad={bad || undefined}
                            sx={
                              bad
                                ? { color: 'error.main', fontWeight: 500, whiteSpace: 'nowrap' }
                                : { whiteSpace: 'nowrap' }
                            }
                          >
                            {bad && (
                              <span role="img" aria-label="Bad cell: ">
                                ⚠{' '}
                              </span>
                            )}
                            {(row.cells[i] ?? '').slice(0, 80)}
                          </TableCell>
                        );
                      })}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          )}
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
