/**
 * "Paste agent servers from a spreadsheet" (Topology step): rows copied from a spreadsheet (or a
 * .csv/.tsv file) previewed as the agent servers they would add, every bad cell listed by row and
 * column. Nothing changes until "Add"; the text stays with the Topology step while the dialog is
 * closed. The reader and its CSV library (papaparse) load when the dialog first opens, as the
 * device sheet's do.
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
import type { AgentSheetPreview, readAgentSheet, SheetIssue } from '@/core/import/agent-sheet';
import { AGENT_COLUMNS, MAX_AGENT_SHEET_CHARS } from '@/core/import/sheet-columns';
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

const SHOWN_ROWS = 200;
const EMPTY: AgentSheetPreview = { header: [], rows: [], agents: [], issues: [], replaces: null };

function useAgentSheetReader(): { read: ReadSheet | null; error: string | null } {
  const [state, setState] = useState<{ read: ReadSheet | null; error: string | null }>({
    read: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    import('@/core/import/agent-sheet').then(
      (m) => {
        if (live) setState({ read: m.readAgentSheet, error: null });
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
  const reader = useAgentSheetReader();
  const preview = useMemo(
    () => (reader.read ? reader.read(deferred, plan) : EMPTY),
    [reader, deferred, plan],
  );
  const stale = deferred !== text || reader.read === null;
  const badCells = new Set(preview.issues.map((i) => `${i.row}:${i.columnIndex}`));
  const badRows = new Set(preview.issues.map((i) => i.row));
  const count = preview.agents.length;
  const shownCount = preview.issues.length > 0 ? preview.rows.length : count;
  const blocked = preview.issues.length > 0 || count === 0 || stale;
  const replaced = plan.agents.find((a) => a.id === preview.replaces);

  const summary =
    reader.read === null
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
                  Preview: the agent servers the rows give
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
