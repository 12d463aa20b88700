import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';

import { patternText } from '@/core/resolve/cloud-hosts';
import { hostIdentity } from '@/core/resolve/hosts';
import type { HostView, ResolvedRule } from '@/core/resolve/model';

import { RuleChips } from './review-chips';
import { CloudFacts, MissingAddress, ReviewEndpoint } from './review-endpoint';
import { PAGINATION_SX } from './review-logic';

function DirectionTable({
  title,
  peerLabel,
  rules,
  peerOf,
  hostLabel,
  printing,
}: {
  title: 'Inbound' | 'Outbound';
  peerLabel: string;
  rules: readonly ResolvedRule[];
  peerOf: (rule: ResolvedRule) => ResolvedRule['source'];
  hostLabel: string;
  printing: boolean;
}) {
  const headingId = useId();
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography id={headingId} variant="subtitle2" component="h5" sx={{ mb: 0.5 }}>
        {title} ({rules.length})
      </Typography>
      {rules.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          No {title.toLowerCase()} rules.
        </Typography>
      ) : (
        <TableContainer
          tabIndex={0}
          role="region"
          aria-label={`${title} rules of ${hostLabel}`}
          sx={{ overflowX: 'auto', '@media print': { overflow: 'visible' } }}
        >
          <Table size="small" aria-labelledby={headingId} sx={{ minWidth: 300 }}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ fontWeight: 600 }}>{peerLabel}</TableCell>
                <TableCell sx={{ fontWeight: 600 }}>Port</TableCell>
                <TableCell sx={{ fontWeight: 600 }}>Service</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rules.map((rule) => (
                <TableRow key={rule.key} sx={{ verticalAlign: 'top' }}>
                  <TableCell>
                    <ReviewEndpoint
                      endpoint={peerOf(rule)}
                      maxHosts={printing ? Number.POSITIVE_INFINITY : 4}
                    />
                  </TableCell>
                  <TableCell>
                    {rule.transport}{' '}
                    <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.8125rem' }}>
                      {rule.portsText}
                    </Box>
                  </TableCell>
                  <TableCell>
                    {rule.service}
                    <RuleChips rule={rule} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}

function HostSection({ view, printing }: { view: HostView; printing: boolean }) {
  const headingId = useId();
  const { host } = view;
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={headingId}
      sx={{ p: { xs: 1.5, sm: 2 }, breakInside: 'avoid-page' }}
    >
      <Typography
        id={headingId}
        variant="subtitle1"
        component="h4"
        sx={{ overflowWrap: 'anywhere' }}
      >
        {host.label}
        {(host.address || host.cloud) && (
          <Box
            component="span"
            sx={{ fontFamily: 'monospace', fontSize: '0.95rem', fontWeight: 400, ml: 1 }}
          >
            {host.address || (host.cloud ? patternText(host.cloud.pattern) : '')}
          </Box>
        )}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', mb: 1 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {view.roleName}
        </Typography>
        {!host.address && <MissingAddress text={host.cloud ? 'tenant missing' : undefined} />}
        {host.cloud && <CloudFacts cloud={host.cloud} />}
      </Box>
      {host.cloud && (
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
          A Microsoft cloud endpoint: allow its name on the network proxy or the perimeter firewall;
          host firewalls cannot filter by FQDN.
        </Typography>
      )}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' },
          gap: 2,
        }}
      >
        <DirectionTable
          title="Inbound"
          peerLabel="From"
          rules={view.inbound}
          peerOf={(r) => r.source}
          hostLabel={host.label}
          printing={printing}
        />
        <DirectionTable
          title="Outbound"
          peerLabel="To"
          rules={view.outbound}
          peerOf={(r) => r.destination}
          hostLabel={host.label}
          printing={printing}
        />
      </Box>
    </Paper>
  );
}

/** One section per host with what its own firewall must allow in and out; paginated. */
export function ReviewHostList({
  views,
  printing = false,
}: {
  views: readonly HostView[];
  printing?: boolean;
}) {
  const [perPage, setPerPage] = useState(10);
  const [pageState, setPageState] = useState({ views, page: 0 });
  const lastPage = Math.max(0, Math.ceil(views.length / perPage) - 1);
  const page = pageState.views === views ? Math.min(pageState.page, lastPage) : 0;
  const visible = printing ? views : views.slice(page * perPage, (page + 1) * perPage);

  if (views.length === 0) {
    return (
      <Typography variant="body2" sx={{ py: 2, textAlign: 'center' }}>
        No rules match.
      </Typography>
    );
  }
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {visible.map((view) => (
        <HostSection key={hostIdentity(view.host)} view={view} printing={printing} />
      ))}
      {!printing && (
        <TablePagination
          className="no-print"
          component="div"
          count={views.length}
          page={page}
          onPageChange={(_event, next) => setPageState({ views, page: next })}
          rowsPerPage={perPage}
          rowsPerPageOptions={[5, 10, 25, 50]}
          onRowsPerPageChange={(event) => {
            setPerPage(Number(event.target.value));
            setPageState({ views, page: 0 });
          }}
          labelRowsPerPage="Hosts per page"
          sx={PAGINATION_SX}
          showFirstButton
          showLastButton
        />
      )}
    </Box>
  );
}
