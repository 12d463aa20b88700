import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@mui/icons-material/KeyboardArrowUp';
import Box from '@mui/material/Box';
import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import { memo, useState } from 'react';

import { useProgressiveCount } from '@/components/use-progressive-count';
import type { Erratum } from '@/core/catalog/model';
import type { ResolvedRule } from '@/core/resolve/model';

import { RuleChips } from './review-chips';
import { ReviewEndpoint } from './review-endpoint';
import { RuleCard, SortControls } from './review-flow-cards';
import type { RuleSort, SortKey } from './review-logic';
import {
  environmentNames,
  nextSort,
  PAGINATION_SX,
  SORT_LABELS,
  VISUALLY_HIDDEN,
} from './review-logic';
import type { PathsOf } from './review-rule-details';
import { ReviewRuleDetails } from './review-rule-details';
import { ruleRowsSx } from './review-styles';

const COLUMN_COUNT = Object.keys(SORT_LABELS).length + 1;
const ROWS_PER_PAGE_OPTIONS = [25, 50, 100, 250];
/** Rows painted at once when the table first shows; the rest of the page follows at once after. */
export const ROWS_FIRST = 10;

const RuleRow = memo(function RuleRow({
  rule,
  index,
  open,
  onToggle,
  errata,
  printing,
  pathsOf,
}: {
  rule: ResolvedRule;
  index: number;
  open: boolean;
  onToggle: (key: string) => void;
  errata: ReadonlyMap<string, Erratum>;
  printing: boolean;
  pathsOf: PathsOf | undefined;
}) {
  const detailsId = `rule-details-${index}`;
  const maxHosts = printing ? Number.POSITIVE_INFINITY : 4;
  return (
    <>
      {/* Plain cells styled once by the table body (ruleRowsSx): no style work per cell. */}
      <tr className={open ? 'rv-row rv-open' : 'rv-row'}>
        <td className="rv-checkbox no-print">
          <IconButton
            size="small"
            aria-label={open ? 'Hide details' : 'Show details'}
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            onClick={() => onToggle(rule.key)}
          >
            {open ? <KeyboardArrowUpIcon /> : <KeyboardArrowDownIcon />}
          </IconButton>
        </td>
        <td className="rv-mono rv-nowrap">{rule.id}</td>
        <td>
          <ReviewEndpoint endpoint={rule.source} maxHosts={maxHosts} />
        </td>
        <td>
          <ReviewEndpoint endpoint={rule.destination} maxHosts={maxHosts} />
        </td>
        <td>{rule.transport}</td>
        <td className="rv-mono">{rule.portsText}</td>
        <td>
          {rule.service}
          <RuleChips rule={rule} />
        </td>
        <td>{environmentNames(rule).join(', ')}</td>
      </tr>
      {open && !printing && (
        <tr>
          <td colSpan={COLUMN_COUNT} className="rv-details">
            <Collapse in appear timeout="auto">
              <Box
                id={detailsId}
                role="region"
                aria-labelledby={`${detailsId}-heading`}
                sx={{ pl: { xs: 0, sm: 6 } }}
              >
                <ReviewRuleDetails
                  rule={rule}
                  errata={errata}
                  headingId={`${detailsId}-heading`}
                  paths={pathsOf?.(rule)}
                />
              </Box>
            </Collapse>
          </td>
        </tr>
      )}
    </>
  );
});

/**
 * The rules, one row per flow: sortable, paginated (all rows when printing), expandable.
 * `compact` (narrow screens) shows cards with a sort select instead of the table.
 */
export function ReviewFlowTable({
  rules,
  sort,
  onSortChange,
  errata,
  printing = false,
  compact = false,
  pathsOf,
}: {
  rules: readonly ResolvedRule[];
  sort: RuleSort | null;
  onSortChange: (sort: RuleSort | null) => void;
  errata: ReadonlyMap<string, Erratum>;
  printing?: boolean;
  compact?: boolean;
  /** With the plan's zones: each rule's details show the path of its flows. */
  pathsOf?: PathsOf | undefined;
}) {
  const [rowsPerPage, setRowsPerPage] = useState(50);
  // The page belongs to one list: a new filter or sort starts at the first page again.
  const [pageState, setPageState] = useState({ rules, page: 0 });
  const lastPage = Math.max(0, Math.ceil(rules.length / rowsPerPage) - 1);
  const page = pageState.rules === rules ? Math.min(pageState.page, lastPage) : 0;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());

  const toggle = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const pageRules = printing ? rules : rules.slice(page * rowsPerPage, (page + 1) * rowsPerPage);
  // The first rows paint at once, the rest of the page right after as a transition (issue 18: the
  // step change of a large plan waited for 50 rows before painting one).
  const shownRows = useProgressiveCount(pageRules.length, {
    first: ROWS_FIRST,
    step: rowsPerPage,
    all: printing,
  });
  const visible = pageRules.slice(0, shownRows);

  const pagination = !printing && (
    <TablePagination
      className="no-print"
      component="div"
      count={rules.length}
      page={page}
      onPageChange={(_event, next) => setPageState({ rules, page: next })}
      rowsPerPage={rowsPerPage}
      rowsPerPageOptions={ROWS_PER_PAGE_OPTIONS}
      onRowsPerPageChange={(event) => {
        setRowsPerPage(Number(event.target.value));
        setPageState({ rules, page: 0 });
      }}
      labelRowsPerPage="Rules per page"
      showFirstButton
      showLastButton
      sx={PAGINATION_SX}
    />
  );

  if (compact && !printing) {
    return (
      <Box>
        <SortControls sort={sort} onSortChange={onSortChange} />
        {rules.length === 0 ? (
          <Typography variant="body2" sx={{ py: 2, textAlign: 'center' }}>
            No rules match.
          </Typography>
        ) : (
          <Box
            component="ul"
            aria-label="Rules by flow"
            sx={{ m: 0, p: 0, display: 'flex', flexDirection: 'column', gap: 1 }}
          >
            {visible.map((rule, i) => (
              <RuleCard
                key={rule.key}
                rule={rule}
                index={page * rowsPerPage + i}
                open={expanded.has(rule.key)}
                onToggle={toggle}
                errata={errata}
                pathsOf={pathsOf}
              />
            ))}
          </Box>
        )}
        {pagination}
      </Box>
    );
  }

  return (
    <Box>
      <TableContainer
        tabIndex={0}
        role="region"
        aria-label="Rules by flow"
        sx={{ overflowX: 'auto', '@media print': { overflow: 'visible' } }}
      >
        <Table size="small" sx={{ minWidth: 760 }}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox" className="no-print">
                <Box component="span" sx={VISUALLY_HIDDEN}>
                  Details
                </Box>
              </TableCell>
              {(Object.entries(SORT_LABELS) as [SortKey, string][]).map(([key, label]) => {
                const active = sort?.key === key;
                return (
                  <TableCell
                    key={key}
                    sortDirection={active ? sort.direction : false}
                    sx={{ fontWeight: 600 }}
                  >
                    <TableSortLabel
                      active={active}
                      direction={active ? sort.direction : 'asc'}
                      onClick={() => onSortChange(nextSort(sort, key))}
                    >
                      {label}
                    </TableSortLabel>
                  </TableCell>
                );
              })}
            </TableRow>
          </TableHead>
          <TableBody sx={ruleRowsSx}>
            {visible.map((rule, i) => (
              <RuleRow
                key={rule.key}
                rule={rule}
                index={page * rowsPerPage + i}
                open={expanded.has(rule.key)}
                onToggle={toggle}
                errata={errata}
                printing={printing}
                pathsOf={pathsOf}
              />
            ))}
            {rules.length === 0 && (
              <TableRow>
                <TableCell colSpan={COLUMN_COUNT}>
                  <Typography variant="body2" sx={{ py: 2, textAlign: 'center' }}>
                    No rules match.
                  </Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {pagination}
    </Box>
  );
}
