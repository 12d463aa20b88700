import DownloadIcon from '@mui/icons-material/Download';
import SearchIcon from '@mui/icons-material/Search';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';

import { getCatalog } from '@/core/catalog/catalog';
import type { VersionFilter } from '@/core/catalog/catalog-rows';
import {
  catalogCsvFileName,
  catalogRuleViews,
  environmentsWithoutRules,
  filterRuleViews,
  groupRuleViews,
  referenceCitation,
} from '@/core/catalog/catalog-rows';
import { AM_VERSIONS } from '@/core/catalog/model';
import { formatDocsRevision } from '@/core/catalog/provenance';
import { renderCatalogCsv } from '@/core/exporters/catalog-csv';
import { setDocumentTitle, pageTitle } from '@/lib/document-title';
import { downloadFile } from '@/lib/download-file';

import { RuleCard } from './rule-card';

function downloadCatalogCsv() {
  const catalog = getCatalog();
  downloadFile(catalogCsvFileName(catalog), renderCatalogCsv(catalog), 'text/csv;charset=utf-8');
}

/** The Port reference: every catalog rule, grouped by environment, searchable. */
export function ReferencePage() {
  const catalog = getCatalog();
  useEffect(() => setDocumentTitle(pageTitle('Port reference')), []);
  const allViews = useMemo(() => catalogRuleViews(catalog), [catalog]);
  const [query, setQuery] = useState('');
  const [version, setVersion] = useState<VersionFilter>('all');

  // Typing stays responsive: the list re-renders with the deferred query.
  const deferredQuery = useDeferredValue(query);
  const views = useMemo(
    () => filterRuleViews(allViews, deferredQuery, version),
    [allViews, deferredQuery, version],
  );
  const groups = useMemo(() => groupRuleViews(views), [views]);
  const coveredByCore = useMemo(
    () => environmentsWithoutRules(catalog, deferredQuery, version),
    [catalog, deferredQuery, version],
  );
  const vendorRows = allViews.filter((v) => v.rule.vendorRow).length;
  const inferred = allViews.filter((v) => v.rule.basis === 'inferred').length;

  return (
    <Stack spacing={3} sx={{ maxWidth: 1100, mx: 'auto', minWidth: 0 }}>
      <Stack spacing={1}>
        <Typography variant="h4" component="h1">
          Port reference
        </Typography>
        <Typography>
          Every firewall rule Netwrix Activity Monitor needs, by environment: who opens the
          connection, protocol and ports, when it applies, and the vendor documentation behind it.
          It holds all {vendorRows} rows of the vendor&apos;s “Activity Agent Ports” page (with
          corrected readings where the page is wrong) plus the flows documented on sibling pages;{' '}
          {inferred} rules are inferred and marked so.
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Catalog {catalog.version}, built from{' '}
          <Link
            href={`https://github.com/${catalog.docsRevision.repo}/blob/${catalog.docsRevision.commit}/${catalog.docsRevision.path}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            {formatDocsRevision(catalog.docsRevision)}
          </Link>
          . Ports show default values; configurable ports can be changed in a plan.
        </Typography>
      </Stack>

      <Paper
        role="search"
        aria-label="Filter rules"
        variant="outlined"
        sx={{ p: 2, display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}
      >
        <TextField
          label="Search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          helperText="Device, port (e.g. 4498 or 49152), protocol or text"
          sx={{ flex: '1 1 240px', minWidth: 0 }}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon aria-hidden />
                </InputAdornment>
              ),
            },
          }}
        />
        <TextField
          select
          label="Activity Monitor version"
          value={version}
          onChange={(e) => setVersion(e.target.value as VersionFilter)}
          sx={{ flex: '0 1 220px', minWidth: 180 }}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          helperText=" "
        >
          <option value="all">All versions</option>
          {AM_VERSIONS.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </TextField>
        <Button
          variant="contained"
          startIcon={<DownloadIcon />}
          onClick={downloadCatalogCsv}
          sx={{ mb: { xs: 0, sm: 2.75 } }}
        >
          Download CSV
        </Button>
      </Paper>

      <Typography role="status" aria-live="polite" variant="body2">
        Showing {views.length} of {allViews.length} rules
      </Typography>

      {views.length === 0 && coveredByCore.length === 0 && (
        <Alert severity="info">No rule matches this search.</Alert>
      )}

      {groups.map((group) => (
        <Box component="section" key={group.group} aria-labelledby={`group-${group.group}`}>
          <Typography
            id={`group-${group.group}`}
            variant="h5"
            component="h2"
            sx={{ mb: 1.5, borderBottom: 1, borderColor: 'divider', pb: 0.5 }}
          >
            {group.label}
          </Typography>
          <Stack spacing={3}>
            {group.environments.map(({ environment, rules }) => (
              <Box component="section" key={environment.id} aria-label={environment.name}>
                <Typography variant="h6" component="h3">
                  {environment.name}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {environment.aliases.length > 0 && <>Also: {environment.aliases.join(', ')}. </>}
                  Versions {environment.versions.join(', ')}.
                </Typography>
                <Typography variant="body2" sx={{ mb: 1 }}>
                  {environment.summary}
                </Typography>
                <Box
                  sx={{
                    display: 'grid',
                    gap: 1.5,
                    gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' },
                  }}
                >
                  {rules.map((view) => (
                    <RuleCard
                      key={view.rule.id}
                      view={view}
                      source={referenceCitation(catalog, view.rule, version)}
                    />
                  ))}
                </Box>
              </Box>
            ))}
          </Stack>
        </Box>
      ))}

      {coveredByCore.length > 0 && (
        <Box component="section" aria-labelledby="group-covered">
          <Typography
            id="group-covered"
            variant="h5"
            component="h2"
            sx={{ mb: 1.5, borderBottom: 1, borderColor: 'divider', pb: 0.5 }}
          >
            Covered by the console → agent rule
          </Typography>
          <Stack spacing={1.5}>
            {coveredByCore.map((env) => (
              <Box key={env.id} component="section" aria-label={env.name}>
                <Typography variant="h6" component="h3">
                  {env.name}
                </Typography>
                <Typography variant="body2">{env.summary}</Typography>
              </Box>
            ))}
          </Stack>
        </Box>
      )}
    </Stack>
  );
}
