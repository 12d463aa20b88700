import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@mui/icons-material/KeyboardArrowUp';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo } from 'react';

import type { Erratum } from '@/core/catalog/model';
import type { ResolvedRule } from '@/core/resolve/model';

import { RuleChips } from './review-chips';
import { ReviewEndpoint } from './review-endpoint';
import type { RuleSort, SortKey } from './review-logic';
import { environmentNames, SORT_LABELS } from './review-logic';
import type { PathsOf } from './review-rule-details';
import { ReviewRuleDetails } from './review-rule-details';

/** Sorting for the narrow layout, where there are no column headers. */
export function SortControls({
  sort,
  onSortChange,
}: {
  sort: RuleSort | null;
  onSortChange: (sort: RuleSort | null) => void;
}) {
  const direction = sort?.direction ?? 'asc';
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1.5 }}>
      <TextField
        select
        size="small"
        label="Sort by"
        value={sort?.key ?? ''}
        onChange={(event) => {
          const key = event.target.value as SortKey | '';
          onSortChange(key ? { key, direction } : null);
        }}
        sx={{ flex: 1 }}
      >
        <MenuItem value="">Plan order</MenuItem>
        {Object.entries(SORT_LABELS).map(([key, label]) => (
          <MenuItem key={key} value={key}>
            {label}
          </MenuItem>
        ))}
      </TextField>
      <IconButton
        aria-label={direction === 'asc' ? 'Sort descending' : 'Sort ascending'}
        disabled={!sort}
        onClick={() =>
          sort && onSortChange({ ...sort, direction: direction === 'asc' ? 'desc' : 'asc' })
        }
      >
        {direction === 'asc' ? <ArrowUpwardIcon /> : <ArrowDownwardIcon />}
      </IconButton>
    </Box>
  );
}

/** A rule as a card, for narrow screens: from, to, protocol and ports, service, details. */
export const RuleCard = memo(function RuleCard({
  rule,
  index,
  open,
  onToggle,
  errata,
  pathsOf,
}: {
  rule: ResolvedRule;
  index: number;
  open: boolean;
  onToggle: (key: string) => void;
  errata: ReadonlyMap<string, Erratum>;
  pathsOf?: PathsOf | undefined;
}) {
  const detailsId = `rule-details-${index}`;
  return (
    <Paper component="li" variant="outlined" sx={{ p: 1.5, listStyle: 'none' }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
        <Box sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="subtitle2" component="p">
            <Box component="span" sx={{ fontFamily: 'monospace', mr: 1 }}>
              {rule.id}
            </Box>
            {rule.transport} {rule.portsText}
            {rule.service && (
              <Box component="span" sx={{ fontWeight: 400 }}>
                {' · '}
                {rule.service}
              </Box>
            )}
          </Typography>
          <Box>
            <Typography variant="overline" component="p" sx={{ lineHeight: 1.6 }}>
              From
            </Typography>
            <ReviewEndpoint endpoint={rule.source} />
          </Box>
          <Box>
            <Typography variant="overline" component="p" sx={{ lineHeight: 1.6 }}>
              To
            </Typography>
            <ReviewEndpoint endpoint={rule.destination} />
          </Box>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {environmentNames(rule).join(', ')}
          </Typography>
          <RuleChips rule={rule} />
        </Box>
        <IconButton
          size="small"
          className="no-print"
          aria-label={open ? 'Hide details' : 'Show details'}
          aria-expanded={open}
          aria-controls={open ? detailsId : undefined}
          onClick={() => onToggle(rule.key)}
        >
          {open ? <KeyboardArrowUpIcon /> : <KeyboardArrowDownIcon />}
        </IconButton>
      </Box>
      {open && (
        <Box id={detailsId} role="region" aria-labelledby={`${detailsId}-heading`}>
          <ReviewRuleDetails
            rule={rule}
            errata={errata}
            headingId={`${detailsId}-heading`}
            paths={pathsOf?.(rule)}
          />
        </Box>
      )}
    </Paper>
  );
});
