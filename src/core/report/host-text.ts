/**
 * How the sheets write a host: "label (address)", with the marks an FQDN needs (wildcard, a
 * tenant still missing), and the Microsoft 365 endpoint set IDs and Azure service tags of the
 * FQDNs of a rule, grouped by value. One module, so the rule sheet and the host tables agree.
 */
import { patternText } from '@/core/resolve/cloud-hosts';

import type { ReportFqdn } from './model';

/** A host as the sheets see it (a resolved host or a report peer). */
export interface HostText {
  label: string;
  address: string;
  /** Set (any text) when the address fails the plan's validators. */
  invalid?: string;
  fqdn?: ReportFqdn;
}

const MISSING = 'address missing';

/** What Microsoft publishes for an FQDN: "M365 endpoint set 56", "service tag Storage". */
export function publishedIds(fqdn: ReportFqdn): string[] {
  return [
    ...(fqdn.m365EndpointSet !== undefined ? [`M365 endpoint set ${fqdn.m365EndpointSet}`] : []),
    ...(fqdn.serviceTag !== undefined ? [`service tag ${fqdn.serviceTag}`] : []),
  ];
}

/**
 * The part in brackets: the address and its marks; with `ids`, an FQDN's Microsoft 365 endpoint
 * set and Azure service tag too (the host tables, which have no columns for them).
 */
export function addressText(host: HostText, ids = false): string {
  if (host.fqdn) {
    const name =
      host.address === '' ? `${patternText(host.fqdn.pattern)}, tenant missing` : host.address;
    const marks = [
      ...(host.fqdn.wildcard ? ['wildcard'] : []),
      ...(host.invalid ? ['INVALID'] : []),
    ];
    const published = ids ? publishedIds(host.fqdn) : [];
    return [[name, ...marks].join(', '), ...published].join('; ');
  }
  if (host.address === '') return MISSING;
  return host.invalid ? `${host.address}, INVALID` : host.address;
}

/** "label (address)" per host, joined by "; " (`ids`: see addressText). */
export function hostsText(hosts: readonly HostText[], ids = false): string {
  return hosts.map((h) => `${h.label} (${addressText(h, ids)})`).join('; ');
}

/** The name of an FQDN host in the ID columns: its FQDN, or its pattern while it has none. */
function fqdnName(host: HostText): string {
  return host.address || patternText(host.fqdn?.pattern ?? '');
}

/**
 * The Microsoft 365 endpoint set IDs or the Azure service tags of the FQDN hosts, grouped by
 * value: "56: login.microsoftonline.com, graph.microsoft.com; none published: manage.office.com".
 * Empty when no host is an FQDN.
 */
export function fqdnIdText(
  hosts: readonly HostText[],
  pick: (fqdn: ReportFqdn) => string | number | undefined,
): string {
  const groups = new Map<string, string[]>();
  for (const host of hosts) {
    if (!host.fqdn) continue;
    const value = pick(host.fqdn);
    const key = value === undefined ? 'none published' : String(value);
    const names = groups.get(key) ?? [];
    names.push(fqdnName(host));
    groups.set(key, names);
  }
  // Published values first, in the order met; "none published" last.
  const none = groups.get('none published');
  groups.delete('none published');
  if (none) groups.set('none published', none);
  return [...groups].map(([key, names]) => `${key}: ${names.join(', ')}`).join('; ');
}

export const endpointSetOf = (fqdn: ReportFqdn): number | undefined => fqdn.m365EndpointSet;
export const serviceTagOf = (fqdn: ReportFqdn): string | undefined => fqdn.serviceTag;
