import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Chip from '@mui/material/Chip';
import { Fragment } from 'react';

import { patternText } from '@/core/resolve/cloud-hosts';
import type { CloudHostFacts, ResolvedEndpoint, ResolvedHost } from '@/core/resolve/model';

/** The warning shown in place of a missing address (never a blank cell). */
export function MissingAddress({ text = 'address missing' }: { text?: string }) {
  return (
    <span className="rv-missing">
      <WarningAmberIcon fontSize="inherit" color="warning" aria-hidden />
      <span className="rv-text">{text}</span>
    </span>
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
    <span className="rv-facts">
      {cloud.wildcard && (
        <Chip
          component="span"
          size="small"
          variant="outlined"
          label="Wildcard"
          title="A wildcard FQDN: any name under it"
        />
      )}
      {ids.length > 0 && <span className="rv-ids">{ids.join(' · ')}</span>}
    </span>
  );
}

/** The mark of an address the plan checks reject (no script makes a live rule of it). */
function InvalidAddress({ message }: { message: string }) {
  return (
    <span className="rv-invalid" title={message}>
      <ErrorOutlineIcon fontSize="inherit" aria-hidden />
      <span className="rv-text">invalid address</span>
    </span>
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

/**
 * A host: its label and address, or the missing-address warning; an FQDN with its facts. Plain
 * elements with the review's classes (review-styles.ts): a large plan's page holds hundreds.
 */
export function HostLine({ host }: { host: ResolvedHost }) {
  if (host.cloud) {
    return (
      <span className="rv-block">
        <span className="rv-name">{host.label}</span>
        <span className="rv-address">
          <BreakableAddress address={host.address || patternText(host.cloud.pattern)} />
          {host.invalid && <InvalidAddress message={host.invalid.message} />}
        </span>
        {!host.address && !host.invalid && <MissingAddress text="tenant missing" />}
        <CloudFacts cloud={host.cloud} />
      </span>
    );
  }
  return (
    <span className="rv-block">
      <span className="rv-name">{host.label}</span>
      {host.address ? (
        <span className="rv-address">
          <BreakableAddress address={host.address} />
          {host.invalid && <InvalidAddress message={host.invalid.message} />}
        </span>
      ) : (
        <MissingAddress />
      )}
    </span>
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
      <span className="rv-block">
        <span className="rv-role-missing">{endpoint.roleName}</span>
        <MissingAddress />
      </span>
    );
  }
  const shown = endpoint.hosts.slice(0, maxHosts);
  const more = endpoint.hosts.length - shown.length;
  return (
    <span className="rv-endpoint">
      <span className="rv-role">{endpoint.roleName}</span>
      {shown.map((host, i) => (
        <HostLine key={`${host.label}|${host.address}|${i}`} host={host} />
      ))}
      {more > 0 && <span className="rv-secondary">and {more} more (see details)</span>}
    </span>
  );
}
