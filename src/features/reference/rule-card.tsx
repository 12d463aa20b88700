import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

import type { CatalogRuleView } from '@/core/catalog/catalog-rows';
import { FORWARDED_TEXT, supersededText } from '@/core/catalog/catalog-rows';
import type { VersionedCitation } from '@/core/catalog/version-citations';
import { publishedIds } from '@/core/report/host-text';

/**
 * One catalog rule: direction, protocol and ports, conditions, errata and the vendor source (the
 * page of the version filtered on, or the 10.0 page, labelled: referenceCitation).
 */
export function RuleCard({ view, source }: { view: CatalogRuleView; source: VersionedCitation }) {
  const { rule } = view;
  const superseded = Boolean(view.supersededBy);
  return (
    <Paper
      variant="outlined"
      component="article"
      aria-label={`${view.sourceName} to ${view.destinationName}, ${rule.transport} ${view.portsText}`}
      sx={{ p: { xs: 1.5, sm: 2 }, minWidth: 0 }}
    >
      <Stack spacing={1}>
        <Typography
          component="p"
          sx={{
            fontWeight: 600,
            overflowWrap: 'anywhere',
            textDecoration: superseded ? 'line-through' : 'none',
          }}
        >
          {view.sourceName} → {view.destinationName}
        </Typography>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
          <Chip
            size="small"
            label={`${rule.transport} ${view.portsText}`}
            sx={{ fontWeight: 600, fontFamily: 'monospace' }}
          />
          <Chip size="small" variant="outlined" label={rule.service} />
          {rule.basis === 'inferred' && <Chip size="small" variant="outlined" label="Inferred" />}
          {superseded && (
            <Chip
              size="small"
              variant="outlined"
              icon={<ReportProblemOutlinedIcon color="error" />}
              label="Vendor reading (corrected)"
            />
          )}
          {rule.errata?.map((id) => (
            <Chip key={id} size="small" variant="outlined" label={`Erratum ${id}`} />
          ))}
        </Stack>
        <Typography variant="body2">{rule.description}</Typography>
        {view.cloud.length > 0 && (
          <Box>
            <Typography variant="body2">
              <strong>Destination FQDNs:</strong>
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {view.cloud.map((host) => (
                <Typography
                  key={host.address}
                  component="li"
                  variant="body2"
                  sx={{ overflowWrap: 'anywhere' }}
                >
                  <Box component="span" sx={{ fontFamily: 'monospace' }}>
                    {host.address}
                  </Box>
                  : {host.label}
                  {host.fqdn &&
                    [...(host.fqdn.wildcard ? ['wildcard'] : []), ...publishedIds(host.fqdn)]
                      .map((fact) => ` · ${fact}`)
                      .join('')}
                </Typography>
              ))}
            </Box>
          </Box>
        )}
        {rule.cloudEndpoints === 'forwarded' && (
          <Typography variant="body2">
            <strong>Destination FQDNs:</strong> {FORWARDED_TEXT}.
          </Typography>
        )}
        {rule.condition && (
          <Typography variant="body2">
            <strong>When:</strong> {rule.condition.text}
          </Typography>
        )}
        {superseded && (
          <Typography variant="body2" color="error">
            {supersededText(view)}
          </Typography>
        )}
        {rule.vendorRow && (
          <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            Vendor page row: “{rule.vendorRow.direction}” · {rule.vendorRow.protocol} ·{' '}
            {rule.vendorRow.ports} · {rule.vendorRow.description}
          </Typography>
        )}
        {rule.notes && rule.notes.length > 0 && (
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {rule.notes.map((note) => (
              <Typography
                key={note}
                component="li"
                variant="body2"
                sx={{ overflowWrap: 'anywhere' }}
              >
                {note}
              </Typography>
            ))}
          </Box>
        )}
        {view.errata.map((e) => (
          <Box
            key={e.id}
            component="details"
            sx={{
              borderLeft: 3,
              borderColor: 'warning.main',
              pl: 1.5,
              '& summary': { cursor: 'pointer' },
            }}
          >
            <Typography component="summary" variant="body2" sx={{ fontWeight: 600 }}>
              {e.id}: {e.title}
            </Typography>
            <Typography variant="body2">
              <strong>Vendor page says:</strong> {e.says}
            </Typography>
            <Typography variant="body2">
              <strong>Reading applied:</strong> {e.reading}
            </Typography>
            <Typography variant="body2">
              <strong>Evidence:</strong> {e.evidence}
            </Typography>
          </Box>
        ))}
        <Link
          href={source.citation.url}
          target="_blank"
          rel="noopener noreferrer"
          variant="body2"
          sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, overflowWrap: 'anywhere' }}
        >
          Vendor docs: {source.citation.section} ({source.label})
          <OpenInNewIcon fontSize="inherit" aria-label="opens in a new tab" />
        </Link>
      </Stack>
    </Paper>
  );
}
