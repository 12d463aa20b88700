import KeyboardArrowRightIcon from '@mui/icons-material/KeyboardArrowRight';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useId, useMemo, useState } from 'react';

import { useProgressiveCount } from '@/components/use-progressive-count';
import { interfaceText } from '@/core/report/firewall-cells';
import type { ReportFirewall, ReportZones } from '@/core/report/zones';

import { plural } from './review-logic';

/** Up to this many firewalls, every firewall starts open; more start closed. */
export const FIREWALLS_OPEN_UP_TO = 5;

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Note' } as const;
const mono = { fontFamily: 'monospace', fontSize: '0.8125rem' } as const;
const head = { fontWeight: 600 } as const;

function TableBlock({
  title,
  label,
  children,
}: {
  title: string;
  label: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography id={headingId} variant="subtitle2" component="h5" sx={{ mb: 0.5 }}>
        {title}
      </Typography>
      <TableContainer
        tabIndex={0}
        role="region"
        aria-label={label}
        sx={{ overflowX: 'auto', '@media print': { overflow: 'visible' } }}
      >
        <Table size="small" aria-labelledby={headingId} sx={{ minWidth: 480 }}>
          {children}
        </Table>
      </TableContainer>
    </Box>
  );
}

/** Rows of each table painted at once when a firewall opens; the rest follow in steps of RULES_STEP. */
export const RULES_FIRST = 60;
const RULES_STEP = 200;

/** How many of `total` rows to render: all when printing, else progressively (useProgressiveCount). */
function useRowsShown(total: number, printing: boolean): number {
  return useProgressiveCount(total, { first: RULES_FIRST, step: RULES_STEP, all: printing });
}

/** The rows of a long table: plain cells styled once here, no styles computed per cell. */
const plainRows = {
  '& > tr > td': {
    typography: 'body2',
    px: 2,
    py: '6px',
    verticalAlign: 'top',
    borderBottom: 1,
    borderColor: 'divider',
  },
  '& .fw-mono': mono,
  '& .fw-nowrap': { whiteSpace: 'nowrap' },
  '& .fw-anywhere': { overflowWrap: 'anywhere' },
  '& .fw-lines': { display: 'flex', flexDirection: 'column' },
} as const;

function PlainLines({
  lines,
  monospace = true,
}: {
  lines: readonly string[];
  monospace?: boolean;
}) {
  return (
    <span className={monospace ? 'fw-lines fw-mono' : 'fw-lines'}>
      {lines.map((line, i) => (
        <span key={`${i}-${line}`}>{line}</span>
      ))}
    </span>
  );
}

function FirewallTables({ firewall, printing }: { firewall: ReportFirewall; printing: boolean }) {
  const shown = useRowsShown(firewall.rules.length, printing);
  const shownObjects = useRowsShown(firewall.addressObjects.length, printing);
  const shownServices = useRowsShown(firewall.serviceObjects.length, printing);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, mt: 1 }}>
      <TableBlock title={`Rules (${firewall.rules.length})`} label={`Rules of ${firewall.name}`}>
        <TableHead>
          <TableRow>
            <TableCell sx={head}>Rule</TableCell>
            <TableCell sx={head}>From</TableCell>
            <TableCell sx={head}>To</TableCell>
            <TableCell sx={head}>Service</TableCell>
            <TableCell sx={head}>Reasons</TableCell>
          </TableRow>
        </TableHead>
        <TableBody sx={plainRows}>
          {firewall.rules.slice(0, shown).map((r) => (
            // Plain cells styled once by the body (plainRows): a firewall may have a thousand rules.
            <tr key={r.name}>
              <td className="fw-mono fw-nowrap">{r.name}</td>
              <td>
                <PlainLines
                  lines={[interfaceText(r.ingress), `Zone: ${r.sourceZones.join(', ')}`]}
                  monospace={false}
                />
                <PlainLines lines={r.sources} />
              </td>
              <td>
                <PlainLines
                  lines={[interfaceText(r.egress), `Zone: ${r.destinationZones.join(', ')}`]}
                  monospace={false}
                />
                <PlainLines lines={r.destinations} />
              </td>
              <td className="fw-nowrap">
                <span className="fw-lines fw-mono">{r.service}</span>
                {r.protocol} {r.ports}
              </td>
              <td>
                <PlainLines
                  lines={[`${r.ruleIds.join(', ')}: ${r.services.join('; ')}`, ...r.purposes]}
                  monospace={false}
                />
              </td>
            </tr>
          ))}
        </TableBody>
      </TableBlock>
      <TableBlock
        title={`Address objects (${firewall.addressObjects.length})`}
        label={`Address objects of ${firewall.name}`}
      >
        <TableHead>
          <TableRow>
            <TableCell sx={head}>Object</TableCell>
            <TableCell sx={head}>Zone</TableCell>
            <TableCell sx={head}>Roles</TableCell>
            <TableCell sx={head}>Addresses</TableCell>
          </TableRow>
        </TableHead>
        <TableBody sx={plainRows}>
          {firewall.addressObjects.slice(0, shownObjects).map((o) => (
            <tr key={o.name}>
              <td className="fw-mono fw-anywhere">{o.name}</td>
              <td>{o.zone}</td>
              <td>{o.roles.join(', ')}</td>
              <td>
                <PlainLines lines={o.addresses} />
              </td>
            </tr>
          ))}
        </TableBody>
      </TableBlock>
      <TableBlock
        title={`Service objects (${firewall.serviceObjects.length})`}
        label={`Service objects of ${firewall.name}`}
      >
        <TableHead>
          <TableRow>
            <TableCell sx={head}>Object</TableCell>
            <TableCell sx={head}>Protocol</TableCell>
            <TableCell sx={head}>Ports</TableCell>
          </TableRow>
        </TableHead>
        <TableBody sx={plainRows}>
          {firewall.serviceObjects.slice(0, shownServices).map((o) => (
            <tr key={o.name}>
              <td className="fw-mono">{o.name}</td>
              <td>{o.protocol}</td>
              <td className="fw-mono">{o.ports}</td>
            </tr>
          ))}
        </TableBody>
      </TableBlock>
    </Box>
  );
}

function FirewallSection({
  firewall,
  open,
  printing,
  onToggle,
  actions,
}: {
  firewall: ReportFirewall;
  open: boolean;
  printing: boolean;
  onToggle: () => void;
  actions?: ReactNode;
}) {
  const headingId = useId();
  const panelId = useId();
  return (
    <Box
      role="group"
      aria-labelledby={headingId}
      sx={{
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        px: 1.5,
        pt: 0.5,
        pb: 1,
        breakInside: 'avoid-page',
      }}
    >
      <Typography id={headingId} variant="subtitle1" component="h4" sx={{ m: 0 }}>
        <Button
          onClick={onToggle}
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          color="inherit"
          startIcon={
            <KeyboardArrowRightIcon
              sx={{
                transform: open ? 'rotate(90deg)' : 'none',
                '@media print': { display: 'none' },
              }}
            />
          }
          sx={{ textTransform: 'none', fontSize: 'inherit', fontWeight: 600, px: 0.5 }}
        >
          {firewall.name}
        </Button>{' '}
        <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400 }}>
          ({firewall.kind})
        </Box>
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', ml: 4 }}>
        {firewall.rules.length === 0
          ? 'No flow of this plan crosses it.'
          : `${plural(firewall.rules.length, 'rule')}, ${plural(firewall.addressObjects.length, 'address object')}, ${plural(firewall.serviceObjects.length, 'service object')}`}
      </Typography>
      {actions && firewall.rules.length > 0 && (
        <Box
          sx={{
            ml: 4,
            mt: 1,
            '& .firewall-downloads': {
              display: 'flex',
              flexWrap: 'wrap',
              alignItems: 'center',
              gap: 1,
            },
          }}
        >
          {actions}
        </Box>
      )}
      {open && firewall.rules.length > 0 && (
        <div id={panelId}>
          <FirewallTables firewall={firewall} printing={printing} />
        </div>
      )}
    </Box>
  );
}

/** A firewall narrowed to the rules whose reasons are among `ruleIds`, and the objects they use. */
function narrowed(firewall: ReportFirewall, ruleIds: ReadonlySet<string>): ReportFirewall {
  const rules = firewall.rules.filter((r) => r.ruleIds.some((id) => ruleIds.has(id)));
  const used = new Set(rules.flatMap((r) => [...r.sources, ...r.destinations]));
  const services = new Set(rules.map((r) => r.service));
  return {
    ...firewall,
    rules,
    addressObjects: firewall.addressObjects.filter((o) => used.has(o.name)),
    serviceObjects: firewall.serviceObjects.filter((o) => services.has(o.name)),
  };
}

/**
 * "By firewall": each network firewall of the plan's zones with its rule set (rules by ingress
 * and egress interface and zone, address objects, service objects, the planner's rules behind
 * each), and the zone checks that keep flows off the firewalls. With `ruleIds` (the rules the
 * filter keeps), only the firewall rules they give.
 */
export function ReviewFirewallList({
  zones,
  ruleIds,
  printing = false,
  actions,
}: {
  zones: ReportZones;
  ruleIds?: ReadonlySet<string>;
  printing?: boolean;
  /** What each firewall with rules offers besides them (its downloads); none: nothing. */
  actions?: (firewall: ReportFirewall) => ReactNode;
}) {
  const checksId = useId();
  const firewalls = useMemo(
    () =>
      ruleIds
        ? zones.firewalls.map((f) => narrowed(f, ruleIds)).filter((f) => f.rules.length > 0)
        : zones.firewalls,
    [zones, ruleIds],
  );
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const openByDefault = zones.firewalls.length <= FIREWALLS_OPEN_UP_TO;
  // Keyed by the firewall's id: a rename keeps it open or closed.
  const isOpen = (id: string) => printing || (toggled.get(id) ?? openByDefault);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {zones.checks.length > 0 && (
        <Box component="section" aria-labelledby={checksId}>
          <Typography id={checksId} variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
            Zone checks ({zones.checks.length})
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {zones.checks.map((c, i) => (
              <Typography key={`${i}-${c.message}`} component="li" variant="body2">
                <strong>{SEVERITY[c.severity]}:</strong> {c.message}
              </Typography>
            ))}
          </Box>
        </Box>
      )}
      {firewalls.length === 0 ? (
        <Typography variant="body2" sx={{ py: 2, textAlign: 'center' }}>
          {zones.firewalls.length === 0 ? 'No firewalls in the plan’s network.' : 'No rules match.'}
        </Typography>
      ) : (
        firewalls.map((firewall, i) => (
          <FirewallSection
            key={`${i}-${firewall.id}`}
            firewall={firewall}
            actions={actions?.(firewall)}
            open={isOpen(firewall.id)}
            printing={printing}
            onToggle={() =>
              setToggled((prev) =>
                new Map(prev).set(firewall.id, !(prev.get(firewall.id) ?? openByDefault)),
              )
            }
          />
        ))
      )}
    </Box>
  );
}
