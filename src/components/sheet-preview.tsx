/**
 * What both "Paste from spreadsheet" dialogs show under the text: every bad cell by row and
 * column, and a preview table of the pasted rows with the bad cells marked. Shared by the
 * Devices step (devices) and the Topology step (agent servers).
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';

import type { SheetIssue } from '@/core/import/device-sheet';
import { issueText } from '@/core/import/sheet-text';

/** How many preview rows the table shows (the issues list names every bad cell). */
const SHOWN_ROWS = 200;

/** Every bad cell of the pasted rows, in a list that scrolls; nothing when there is none. */
export function SheetProblems({ issues }: { issues: readonly SheetIssue[] }) {
  if (issues.length === 0) return null;
  return (
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
        {issues.map((issue, i) => (
          <li key={i}>{issueText(issue)}</li>
        ))}
      </Box>
    </Alert>
  );
}

export interface SheetPreviewTableProps {
  header: readonly string[];
  rows: readonly { row: number; cells: readonly string[] }[];
  issues: readonly SheetIssue[];
  /** What the rows give, for the caption: "devices", "agent servers". */
  what: string;
}

/** The pasted rows as a table (the first SHOWN_ROWS), bad cells marked ⚠; nothing when empty. */
export function SheetPreviewTable({ header, rows, issues, what }: SheetPreviewTableProps) {
  if (rows.length === 0) return null;
  const badCells = new Set(issues.map((i) => `${i.row}:${i.columnIndex}`));
  const badRows = new Set(issues.map((i) => i.row));
  return (
    <Box
      sx={{ maxHeight: 320, overflow: 'auto', border: 1, borderColor: 'divider' }}
      tabIndex={0}
      role="region"
      aria-label="Preview of the pasted rows"
    >
      <Table size="small" stickyHeader>
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: 8 }}>
          Preview: the {what} the rows give
          {rows.length > SHOWN_ROWS ? ` (the first ${SHOWN_ROWS} of ${rows.length} rows)` : ''}; bad
          cells are marked ⚠.
        </caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Row
            </TableCell>
            {header.map((h, i) => (
              <TableCell key={i} component="th" scope="col">
                {h}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.slice(0, SHOWN_ROWS).map((row) => (
            <TableRow
              key={row.row}
              sx={badRows.has(row.row) ? { bgcolor: 'action.hover' } : undefined}
            >
              <TableCell component="th" scope="row">
                {row.row}
              </TableCell>
              {header.map((_, i) => {
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
  );
}
