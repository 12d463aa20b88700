import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { memo, useCallback, useId, useMemo, useState } from 'react';

import { useProgressiveCount } from '@/components/use-progressive-count';
import type { HostFirewall } from '@/core/report/host-kind';
import { patternText } from '@/core/resolve/cloud-hosts';
import { hostIdentity } from '@/core/resolve/hosts';
import type { HostView, ResolvedHost, ResolvedRule } from '@/core/resolve/model';

import { RuleChips } from './review-chips';
import { CloudFacts, MissingAddress, ReviewEndpoint } from './review-endpoint';
import type { HostGroupId } from './review-logic';
import { groupHostViews, plural } from './review-logic';

/** Up to this many hosts, every host section starts open; more start closed. */
export const HOSTS_OPEN_UP_TO = 10;
/** Host sections painted at once in "By host"; the rest follow HOSTS_STEP at a time. */
export const HOSTS_FIRST = 40;
const HOSTS_STEP = 100;

const GROUPS: Record<HostGroupId, { title: string; about: string }> = {
  'own-firewall': {
    title: 'Servers with a firewall of their own',
    about:
      'Windows and Linux servers: open these rules on each server’s own firewall and on the network firewalls between them. The PowerShell and firewalld scripts cover the servers whose operating system the planner knows.',
  },
  'no-host-firewall': {
    title: 'Appliances and cloud endpoints',
    about:
      'NAS appliances, their interfaces and Microsoft cloud endpoints (FQDNs): no host firewall here for the planner to script; open these rules on the network firewalls between them and the servers, and allow the FQDNs on the network proxy or the perimeter firewall.',
  },
};

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
      <Typography id={headingId} variant="subtitle2" component="h6" sx={{ mb: 0.5 }}>
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

const HostSection = memo(function HostSection({
  view,
  id,
  open,
  onToggle,
  printing,
  actions,
}: {
  view: HostView;
  id: string;
  open: boolean;
  onToggle: (id: string) => void;
  printing: boolean;
  actions: ((host: ResolvedHost) => ReactNode) | undefined;
}) {
  const headingId = useId();
  const panelId = useId();
  const { host } = view;
  return (
    <div className="host" role="group" aria-labelledby={headingId}>
      <h5 className="host-heading" id={headingId}>
        <button
          type="button"
          className="host-toggle"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={() => onToggle(id)}
        >
          <svg className="host-chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M8.59 16.59 13.17 12 8.59 7.41 10 6l6 6-6 6z" />
          </svg>
          <span className="host-label">{host.label}</span>
          {(host.address || host.cloud) && (
            <span className="host-address">
              {host.address || (host.cloud ? patternText(host.cloud.pattern) : '')}
            </span>
          )}
        </button>
      </h5>
      <p className="host-meta">
        <span>{view.roleName}</span>
        <span>
          {plural(view.inbound.length, 'inbound rule')}, {view.outbound.length} outbound
        </span>
        {!host.address && <MissingAddress text={host.cloud ? 'tenant missing' : undefined} />}
        {host.cloud && <CloudFacts cloud={host.cloud} />}
      </p>
      {host.cloud && (
        <p className="host-meta">
          A Microsoft cloud endpoint: allow its name on the network proxy or the perimeter firewall;
          host firewalls cannot filter by FQDN.
        </p>
      )}
      {open && actions?.(host)}
      {open && (
        <div id={panelId} className="host-rules">
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
        </div>
      )}
    </div>
  );
});

/**
 * The host sections are plain elements styled once here (not one MUI component each), so a
 * plan with hundreds of hosts renders light: a closed section is a heading, its toggle and one
 * line; its tables are rendered only while it is open.
 */
const LIST_SX = (theme: Theme) => ({
  display: 'flex',
  flexDirection: 'column',
  gap: 3,
  '& .host-group-hosts': { display: 'flex', flexDirection: 'column', gap: 1 },
  '& .host': {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: `${theme.shape.borderRadius}px`,
    padding: theme.spacing(0.5, 1.5, 1),
    breakInside: 'avoid-page',
  },
  '& .host-heading': { ...theme.typography.subtitle1, margin: 0 },
  '& .host-toggle': {
    all: 'unset',
    boxSizing: 'border-box',
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    width: '100%',
    padding: theme.spacing(0.5, 0),
    cursor: 'pointer',
    overflowWrap: 'anywhere',
    borderRadius: `${theme.shape.borderRadius}px`,
    '&:hover .host-label': { textDecoration: 'underline' },
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  '& .host-chevron': {
    flex: 'none',
    width: 20,
    height: 20,
    fill: 'currentColor',
    transition: theme.transitions.create('transform', {
      duration: theme.transitions.duration.shortest,
    }),
  },
  '& .host-toggle[aria-expanded="true"] .host-chevron': { transform: 'rotate(90deg)' },
  '& .host-address': { fontFamily: 'monospace', fontSize: '0.95rem', fontWeight: 400 },
  '& .host-meta': {
    ...theme.typography.body2,
    color: theme.palette.text.secondary,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: theme.spacing(0, 0, 0, 3.5),
  },
  '& .host-downloads': {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    margin: theme.spacing(1, 0, 0, 3.5),
  },
  '& .host-rules': {
    display: 'grid',
    gridTemplateColumns: '1fr',
    gap: theme.spacing(2),
    marginTop: theme.spacing(1),
    [theme.breakpoints.up('lg')]: { gridTemplateColumns: '1fr 1fr' },
  },
  '@media print': { '& .host-chevron': { display: 'none' } },
});

/**
 * Every host with what its own firewall must allow in and out: the servers with a firewall of
 * their own first, then appliances and cloud endpoints, each group by name; no pagination. Each
 * host is a section to open (all open for up to HOSTS_OPEN_UP_TO hosts, and when printing).
 */
export function ReviewHostList({
  views,
  firewallOf,
  printing = false,
  hostActions,
}: {
  views: readonly HostView[];
  firewallOf: (host: ResolvedHost) => HostFirewall;
  printing?: boolean;
  /** What each host of "By host" offers besides its rules (its downloads); none: nothing. */
  hostActions?: (host: ResolvedHost) => ReactNode;
}) {
  /** Open or closed for every host at once (Expand all, Collapse all); null: by the count. */
  const [allOpen, setAllOpen] = useState<boolean | null>(null);
  /** Hosts opened or closed one by one since, by identity. */
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const groups = useMemo(
    () =>
      groupHostViews(views, (view) => firewallOf(view.host)).map((group) => ({
        ...group,
        hosts: group.views.map((view) => ({ view, id: hostIdentity(view.host) })),
      })),
    [views, firewallOf],
  );
  // A plan of hundreds of hosts paints its first host sections at once and the rest in steps
  // (issue 18: "By host" of 500 hosts took 165 ms before the first one showed); printing: all.
  const shownHosts = useProgressiveCount(views.length, {
    first: HOSTS_FIRST,
    step: HOSTS_STEP,
    all: printing,
  });
  const openByDefault = allOpen ?? views.length <= HOSTS_OPEN_UP_TO;
  const isOpen = (id: string) => printing || (toggled.get(id) ?? openByDefault);
  const onToggle = useCallback(
    (id: string) =>
      setToggled((prev) => {
        const next = new Map(prev);
        next.set(id, !(prev.get(id) ?? openByDefault));
        return next;
      }),
    [openByDefault],
  );
  const setAll = (open: boolean) => {
    setAllOpen(open);
    setToggled(new Map());
  };

  if (views.length === 0) {
    return (
      <Typography variant="body2" sx={{ py: 2, textAlign: 'center' }}>
        No rules match.
      </Typography>
    );
  }
  return (
    <Box sx={LIST_SX}>
      <Box className="no-print" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        <Button size="small" onClick={() => setAll(true)}>
          Expand all
        </Button>
        <Button size="small" onClick={() => setAll(false)}>
          Collapse all
        </Button>
      </Box>
      {groups.map((group, g) => {
        // The hosts of the groups before this one come first.
        const before = groups.slice(0, g).reduce((n, other) => n + other.hosts.length, 0);
        const hosts = group.hosts.slice(0, Math.max(0, shownHosts - before));
        if (hosts.length === 0) return null;
        return (
          <HostGroupSection key={group.id} id={group.id} count={group.hosts.length}>
            {hosts.map(({ view, id }) => (
              <HostSection
                key={id}
                view={view}
                id={id}
                open={isOpen(id)}
                onToggle={onToggle}
                printing={printing}
                actions={hostActions}
              />
            ))}
          </HostGroupSection>
        );
      })}
      {shownHosts < views.length && (
        <Typography variant="body2" role="status" sx={{ color: 'text.secondary' }}>
          Listing {plural(views.length - shownHosts, 'more host')}…
        </Typography>
      )}
    </Box>
  );
}

function HostGroupSection({
  id,
  count,
  children,
}: {
  id: HostGroupId;
  count: number;
  children: ReactNode;
}) {
  const headingId = useId();
  const { title, about } = GROUPS[id];
  return (
    <section aria-labelledby={headingId}>
      <Typography id={headingId} variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
        {title} ({count})
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
        {about}
      </Typography>
      <div className="host-group-hosts">{children}</div>
    </section>
  );
}
