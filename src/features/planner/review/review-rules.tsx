import ClearIcon from '@mui/icons-material/Clear';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { ReactNode } from 'react';
import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';

import type { Erratum } from '@/core/catalog/model';
import type { HostFirewall } from '@/core/report/host-kind';
import type { ReportZoneView } from '@/core/report/zones';
import type { ReportFirewall } from '@/core/report/zones';
import { buildHostViews } from '@/core/resolve/host-views';
import type { ResolvedHost, ResolvedRule } from '@/core/resolve/model';
import { onPrintChange } from '@/lib/window-events';

import { ReviewFirewallList } from './review-firewall-list';
import { ReviewFlowTable } from './review-flow-table';
import { ReviewHostList } from './review-host-list';
import type { RuleSort } from './review-logic';
import { filterRules, plural, ruleSearchText, searchTextsOf, sortRules } from './review-logic';

export type RulesView = 'flow' | 'host' | 'firewall';

/** True while the browser prints, so the lists render every row (no pagination). */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(
    () =>
      onPrintChange((printing) => {
        // Render every row synchronously before the browser lays out the printout.
        if (printing) flushSync(() => setPrinting(true));
        else setPrinting(false);
      }),
    [],
  );
  return printing;
}

/**
 * The rules section: view switch, filter, and the table by flow, the list by host or, with the
 * plan's zones, the list by network firewall (and each flow's path in its details).
 */
export function ReviewRules({
  rules,
  errata,
  firewallOf,
  hostActions,
  firewallActions,
  initialView = 'flow',
  zones = null,
}: {
  rules: readonly ResolvedRule[];
  errata: ReadonlyMap<string, Erratum>;
  /** Whether a host has a firewall of its own (the "By host" groups). */
  firewallOf: (host: ResolvedHost) => HostFirewall;
  /** What each host of "By host" offers besides its rules (its downloads); none: nothing. */
  hostActions?: (host: ResolvedHost) => ReactNode;
  /** What each firewall of "By firewall" offers besides its rules (its downloads). */
  firewallActions?: (firewall: ReportFirewall) => ReactNode;
  initialView?: RulesView;
  /** The plan's zones analysed (report/zones.ts); null: no zones, no "By firewall". */
  zones?: ReportZoneView | null;
}) {
  const headingId = useId();
  const [chosenView, setView] = useState<RulesView>(initialView);
  // "By firewall" exists only while the plan has zones.
  const view = chosenView === 'firewall' && !zones ? 'flow' : chosenView;
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<RuleSort | null>(null);
  const printing = usePrinting();
  const compact = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const deferredQuery = useDeferredValue(query);

  const searchText = searchTextsOf(rules);
  const filtered = useMemo(
    () => filterRules(rules, deferredQuery, (r) => searchText.get(r) ?? ruleSearchText(r)),
    [rules, deferredQuery, searchText],
  );
  const shown = useMemo(
    () => (sort ? sortRules(filtered, sort.key, sort.direction) : filtered),
    [filtered, sort],
  );
  const hostViews = useMemo(
    () => (view === 'host' ? buildHostViews({ rules: shown, checks: [] }) : []),
    [view, shown],
  );

  const filtering = deferredQuery.trim() !== '';
  const shownIds = useMemo(
    () => (view === 'firewall' && filtering ? new Set(shown.map((r) => r.id)) : undefined),
    [view, filtering, shown],
  );
  const pathsOf = useMemo(
    () => (zones ? (rule: ResolvedRule) => zones.rulePaths(rule.id) : undefined),
    [zones],
  );
  const firewallRules = zones ? zones.zones.firewalls.reduce((n, f) => n + f.rules.length, 0) : 0;
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="h6" component="h3" sx={{ mb: 1.5 }}>
        Rules
      </Typography>
      <Box
        className="no-print"
        sx={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 2,
          alignItems: 'center',
          mb: 1.5,
        }}
      >
        <ToggleButtonGroup
          aria-label="View"
          exclusive
          size="small"
          value={view}
          onChange={(_event, next: RulesView | null) => {
            if (next) setView(next);
          }}
        >
          <ToggleButton value="flow">By flow</ToggleButton>
          <ToggleButton value="host">By host</ToggleButton>
          {zones && <ToggleButton value="firewall">By firewall</ToggleButton>}
        </ToggleButtonGroup>
        <TextField
          label="Filter rules"
          size="small"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          helperText="Host, address, port (e.g. 50000), service or environment"
          sx={{ flex: '1 1 16rem', maxWidth: { sm: '28rem' } }}
          slotProps={{
            input: {
              endAdornment: query ? (
                <InputAdornment position="end">
                  <IconButton size="small" aria-label="Clear filter" onClick={() => setQuery('')}>
                    <ClearIcon fontSize="small" />
                  </IconButton>
                </InputAdornment>
              ) : undefined,
            },
          }}
        />
      </Box>
      <Typography variant="body2" role="status" sx={{ mb: 1, color: 'text.secondary' }}>
        {filtering
          ? `${plural(filtered.length, 'rule')} of ${rules.length} match the filter.`
          : view === 'host'
            ? `${plural(hostViews.length, 'host')}, ${plural(rules.length, 'rule')}.`
            : view === 'firewall' && zones
              ? `${plural(zones.zones.firewalls.length, 'firewall')}, ${plural(firewallRules, 'firewall rule')} for ${plural(rules.length, 'rule')}.`
              : `${plural(rules.length, 'rule')}.`}
      </Typography>
      {view === 'flow' ? (
        <ReviewFlowTable
          rules={shown}
          sort={sort}
          onSortChange={setSort}
          compact={compact}
          errata={errata}
          printing={printing}
          pathsOf={pathsOf}
        />
      ) : view === 'firewall' && zones ? (
        <ReviewFirewallList
          zones={zones.zones}
          printing={printing}
          {...(shownIds ? { ruleIds: shownIds } : {})}
          {...(firewallActions ? { actions: firewallActions } : {})}
        />
      ) : (
        <ReviewHostList
          views={hostViews}
          firewallOf={firewallOf}
          printing={printing}
          {...(hostActions ? { hostActions } : {})}
        />
      )}
    </Box>
  );
}
