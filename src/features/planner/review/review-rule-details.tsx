import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

import type { Erratum } from '@/core/catalog/model';
import type { ReportRulePath } from '@/core/report/zones';
import type { ResolvedHost, ResolvedRule, RuleReason } from '@/core/resolve/model';
import { ruleProblems } from '@/core/resolve/model';

import { HostLine } from './review-endpoint';
import { VISUALLY_HIDDEN } from './review-logic';

function Pairs({ items }: { items: [string, ReactNode][] }) {
  return (
    <Box
      component="dl"
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: 'minmax(9rem, max-content) 1fr' },
        columnGap: 2,
        rowGap: { xs: 0, sm: 0.5 },
        '& dt': { fontWeight: 500, color: 'text.secondary' },
        '& dd': { m: 0, mb: { xs: 1, sm: 0 }, overflowWrap: 'anywhere' },
      }}
    >
      {items.map(([term, value]) => (
        <Box key={term} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2">
            {term}
          </Typography>
          <Typography component="dd" variant="body2">
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

function ReasonItem({ reason }: { reason: RuleReason }) {
  const items: [string, ReactNode][] = [['Environment', reason.environmentName]];
  if (reason.deviceName) items.push(['Device', reason.deviceName]);
  if (reason.condition) items.push(['Condition', reason.condition]);
  items.push(['Catalog rule', <code key="id">{reason.ruleId}</code>]);
  items.push([
    'Basis',
    reason.basis === 'inferred' ? 'Inferred (not stated by the vendor)' : 'Documented',
  ]);
  items.push([
    'Source',
    reason.reference ? (
      <Link href={reason.reference} target="_blank" rel="noopener noreferrer">
        Vendor documentation{reason.referenceLabel ? ` (${reason.referenceLabel})` : ''}
        <Box component="span" sx={VISUALLY_HIDDEN}>
          {' '}
          (opens in a new tab)
        </Box>
      </Link>
    ) : (
      'No vendor page'
    ),
  ]);
  return (
    <Box component="li" sx={itemSx}>
      <Pairs items={items} />
    </Box>
  );
}

function ErratumItem({ id, erratum }: { id: string; erratum: Erratum | undefined }) {
  return (
    <Box component="li" sx={itemSx}>
      <Typography variant="subtitle2" component="h5">
        {erratum ? `${id}: ${erratum.title}` : id}
      </Typography>
      {erratum ? (
        <Pairs
          items={[
            ['The vendor page says', erratum.says],
            ['Reading applied', erratum.reading],
            ['Evidence', erratum.evidence],
          ]}
        />
      ) : (
        <Typography variant="body2">Not described in this catalog version.</Typography>
      )}
    </Box>
  );
}

/** One cloud endpoint of a rule: its FQDN, what Microsoft publishes for it, and the sources. */
function CloudItem({ host }: { host: ResolvedHost }) {
  const cloud = host.cloud;
  if (!cloud) return null;
  return (
    <Box component="li" sx={itemSx}>
      <Pairs
        items={[
          ['FQDN', <HostLine key="fqdn" host={host} />],
          [
            'Microsoft 365 endpoint set',
            cloud.m365EndpointSet !== undefined ? String(cloud.m365EndpointSet) : 'none published',
          ],
          ['Azure service tag', cloud.serviceTag ?? 'none published'],
          [
            'Basis',
            cloud.basis === 'inferred'
              ? 'Inferred (the Netwrix page names no such service)'
              : 'The Netwrix page names the service',
          ],
          [
            'Sources',
            <Box key="sources" component="span" sx={{ display: 'flex', flexDirection: 'column' }}>
              {cloud.sources.map((source) => (
                <Link
                  key={source.url + source.title}
                  href={source.url}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {source.title}
                  <Box component="span" sx={VISUALLY_HIDDEN}>
                    {' '}
                    (opens in a new tab)
                  </Box>
                </Link>
              ))}
            </Box>,
          ],
        ]}
      />
    </Box>
  );
}

/** The paths of a rule's flows through the network firewalls; only for a plan with zones. */
export type PathsOf = (rule: ResolvedRule) => readonly ReportRulePath[];

/** Up to this many flows are named under a path; past it, "and N more". */
export const PATH_FLOWS_SHOWN = 6;

/** The network firewalls a rule's flows cross (the plan's zones), one item per path. */
function RulePaths({ paths }: { paths: readonly ReportRulePath[] }) {
  return (
    <Box>
      <Typography variant="subtitle2" component="h5">
        Path through the network
      </Typography>
      {paths.length === 0 ? (
        <Typography variant="body2">
          No flow to place: the rule is not ready, or its hosts have no address yet.
        </Typography>
      ) : (
        <Box component="ul" sx={blockListSx}>
          {paths.map((path) => (
            <Box component="li" key={path.text} sx={itemSx}>
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                {path.kind === 'path' ? `Crosses ${path.text}` : capitalized(path.text)}
              </Typography>
              <Typography variant="body2" component="p" sx={{ color: 'text.secondary' }}>
                {path.flows.slice(0, PATH_FLOWS_SHOWN).join('; ')}
                {path.flows.length > PATH_FLOWS_SHOWN
                  ? `; and ${path.flows.length - PATH_FLOWS_SHOWN} more`
                  : ''}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const listSx = { m: 0, pl: 2.5 } as const;
/** Reasons and errata: blocks with a rule at the left, no bullets. */
const blockListSx = {
  m: 0,
  p: 0,
  listStyle: 'none',
  display: 'flex',
  flexDirection: 'column',
  gap: 1.5,
} as const;
const itemSx = { pl: 1.5, borderLeft: 2, borderColor: 'divider' } as const;

/**
 * Why a rule exists: its reasons, hosts, notes and errata; with the plan's zones, the path of its
 * flows through the network firewalls.
 */
export function ReviewRuleDetails({
  rule,
  errata,
  headingId,
  paths,
}: {
  rule: ResolvedRule;
  errata: ReadonlyMap<string, Erratum>;
  headingId: string;
  /** The paths of its flows (report/zones.ts): only for a plan with zones. */
  paths?: readonly ReportRulePath[] | undefined;
}) {
  const cloudHosts = rule.destination.hosts.filter((h) => h.cloud);
  const manyHosts =
    rule.source.hosts.length > 1 || (rule.destination.hosts.length > 1 && cloudHosts.length === 0);
  const problems = ruleProblems(rule);
  return (
    <Box sx={{ py: 1.5, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      {problems.length > 0 && (
        <Alert severity="error">
          <AlertTitle>Not ready: no script opens this rule until the plan is fixed</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </Box>
        </Alert>
      )}
      <Typography id={headingId} variant="subtitle1" component="h4">
        Why this rule exists
      </Typography>
      {rule.description && <Typography variant="body2">{rule.description}</Typography>}
      <Box component="ul" sx={blockListSx}>
        {rule.reasons.map((reason, i) => (
          <ReasonItem key={`${reason.ruleId}|${reason.deviceId ?? ''}|${i}`} reason={reason} />
        ))}
      </Box>
      {manyHosts && (
        <Box>
          <Typography variant="subtitle2" component="h5">
            Hosts
          </Typography>
          <Pairs
            items={[
              [
                `Source: ${rule.source.roleName}`,
                rule.source.hosts.map((h, i) => <HostLine key={i} host={h} />),
              ],
              [
                `Destination: ${rule.destination.roleName}`,
                rule.destination.hosts.map((h, i) => <HostLine key={i} host={h} />),
              ],
            ]}
          />
        </Box>
      )}
      {paths && <RulePaths paths={paths} />}
      {cloudHosts.length > 0 && (
        <Box>
          <Typography variant="subtitle2" component="h5">
            Cloud destinations (FQDNs for a proxy or perimeter firewall)
          </Typography>
          <Box component="ul" sx={blockListSx}>
            {cloudHosts.map((host) => (
              <CloudItem key={host.address || host.label} host={host} />
            ))}
          </Box>
        </Box>
      )}
      {rule.ports.some((p) => p.label) && (
        <Typography variant="body2">
          Ports:{' '}
          {rule.ports
            .map(
              (p) =>
                `${p.from === p.to ? p.from : `${p.from}-${p.to}`}${p.label ? ` (${p.label})` : ''}`,
            )
            .join(', ')}
        </Typography>
      )}
      {rule.notes.length > 0 && (
        <Box>
          <Typography variant="subtitle2" component="h5">
            Notes
          </Typography>
          <Box component="ul" sx={listSx}>
            {rule.notes.map((note, i) => (
              <Typography key={i} component="li" variant="body2">
                {note}
              </Typography>
            ))}
          </Box>
        </Box>
      )}
      {rule.errata.length > 0 && (
        <Box>
          <Typography variant="subtitle2" component="h5">
            Errata
          </Typography>
          <Box component="ul" sx={blockListSx}>
            {rule.errata.map((id) => (
              <ErratumItem key={id} id={id} erratum={errata.get(id)} />
            ))}
          </Box>
        </Box>
      )}
    </Box>
  );
}
