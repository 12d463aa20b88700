import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { Fragment } from 'react';

import { patternText } from '@/core/resolve/cloud-hosts';
import type { CloudHostFacts, ResolvedEndpoint, ResolvedHost } from '@/core/resolve/model';

/** The warning shown in place of a missing address (never a blank cell). */
export function MissingAddress({ text = 'address missing' }: { text?: string }) {
  return (
    <Box
      component="span"
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: 'text.secondary' }}
    >
      <WarningAmberIcon fontSize="inherit" color="warning" aria-hidden />
      <Typography component="span" variant="body2" sx={{ fontStyle: 'italic' }}>
        {text}
      </Typography>
    </Box>
  );
}

/**
 * What a proxy or firewall team needs of a cloud endpoint, under its FQDN: the wildcard mark,
 * the Microsoft 365 endpoint set and the Azure service tag (where Microsoft publishes them).
 */
export function CloudFacts({ cloud }: { cloud: CloudHostFacts }) {
  const ids = [
    ...(cloud.m365EndpointSet !== undefined ? [`M365 endpoint set ${cloud.m365EndpointSet}`] : []),
    ...(cloud.serviceTag !== undefined ? [`service tag ${cloud.serviceTag}`] : []),
  ];
  return (
    <Box
      component="span"
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 0.5, mt: 0.25 }}
    >
      {cloud.wildcard && (
        <Chip
          component="span"
          size="small"
          variant="outlined"
          label="Wildcard"
          title="A wildcard FQDN: any name under it"
        />
      )}
      {ids.length > 0 && (
        <Typography component="span" variant="caption" sx={{ color: 'text.secondary' }}>
          {ids.join(' · ')}
        </Typography>
      )}
    </Box>
  );
}

/** The mark of an address the plan checks reject (no script makes a live rule of it). */
function InvalidAddress({ message }: { message: string }) {
  return (
    <Box
      component="span"
      title={message}
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 0.5,
        color: 'error.main',
        fontFamily: 'inherit',
      }}
    >
      <ErrorOutlineIcon fontSize="inherit" aria-hidden />
      <Typography component="span" variant="body2" sx={{ fontStyle: 'italic' }}>
        invalid address
      </Typography>
    </Box>
  );
}

/** An address with line-break chances after dots, hyphens, colons and slashes. */
function BreakableAddress({ address }: { address: string }) {
  // IPv4 addresses and blocks are short: keep them whole.
  if (/^[\d./]+$/.test(address)) return <>{address}</>;
  const parts = address.split(/(?<=[.:/-])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}

/** A host: its label and address, or the missing-address warning; an FQDN with its facts. */
export function HostLine({ host }: { host: ResolvedHost }) {
  if (host.cloud) {
    return (
      <Box component="span" sx={{ display: 'block' }}>
        <Box component="span" sx={{ display: 'block', overflowWrap: 'break-word' }}>
          {host.label}
        </Box>
        <Box
          component="span"
          sx={{
            display: 'block',
            fontFamily: 'monospace',
            fontSize: '0.8125rem',
            overflowWrap: 'break-word',
          }}
        >
          <BreakableAddress address={host.address || patternText(host.cloud.pattern)} />
          {host.invalid && <InvalidAddress message={host.invalid.message} />}
        </Box>
        {!host.address && !host.invalid && <MissingAddress text="tenant missing" />}
        <CloudFacts cloud={host.cloud} />
      </Box>
    );
  }
  return (
    <Box component="span" sx={{ display: 'block' }}>
      <Box component="span" sx={{ display: 'block', overflowWrap: 'break-word' }}>
        {host.label}
      </Box>
      {host.address ? (
        <Box
          component="span"
          sx={{
            display: 'block',
            fontFamily: 'monospace',
            fontSize: '0.8125rem',
            overflowWrap: 'break-word',
          }}
        >
          <BreakableAddress address={host.address} />
          {host.invalid && <InvalidAddress message={host.invalid.message} />}
        </Box>
      ) : (
        <MissingAddress />
      )}
    </Box>
  );
}

/**
 * One side of a rule: the role name, then its hosts (at most `maxHosts`, the rest counted).
 * With no host at all, the role name is the placeholder, with the warning.
 */
export function ReviewEndpoint({
  endpoint,
  maxHosts = 4,
}: {
  endpoint: ResolvedEndpoint;
  maxHosts?: number;
}) {
  if (endpoint.hosts.length === 0) {
    return (
      <Box component="span" sx={{ display: 'block' }}>
        <Box component="span" sx={{ display: 'block', fontStyle: 'italic' }}>
          {endpoint.roleName}
        </Box>
        <MissingAddress />
      </Box>
    );
  }
  const shown = endpoint.hosts.slice(0, maxHosts);
  const more = endpoint.hosts.length - shown.length;
  return (
    <Box component="span" sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>
      <Typography component="span" variant="caption" sx={{ color: 'text.secondary' }}>
        {endpoint.roleName}
      </Typography>
      {shown.map((host, i) => (
        <HostLine key={`${host.label}|${host.address}|${i}`} host={host} />
      ))}
      {more > 0 && (
        <Typography component="span" variant="body2" sx={{ color: 'text.secondary' }}>
          and {more} more (see details)
        </Typography>
      )}
    </Box>
  );
}
