/**
 * The export gate: what may become a live rule in a script (PowerShell, firewalld, the
 * connectivity check, and every script format to come).
 *
 * The rule: a script never holds a live rule for a value the plan checks reject. A rule that
 * depends on an invalid plan value (a port, the RPC range, an option of its condition), or that
 * has no port left, is written commented out with a TODO naming the field; so is every source or
 * destination whose address is missing, invalid in its field (the same validators as the form
 * and the plan checks), a Microsoft cloud FQDN (host firewalls filter on addresses, not on
 * names: a proxy or perimeter firewall allows those), or a block meaning any address (0.0.0.0/0, ::/0). The
 * script still runs and opens everything else; the TODOs say what to fix before running it
 * again. Sheets (CSV, Markdown, PDF, Copy table) show such rules too, marked NOT READY.
 */
import type { Report, ReportHost, ReportHostRule, ReportPeer } from '@/core/report/model';
import { patternText } from '@/core/resolve/cloud-hosts';
import { isAnyCidr } from '@/core/validate/cidr';
import { validateAddress } from '@/core/validate/validate-address';

/** Why a peer cannot be the address of a live rule. */
export type PeerBlock =
  /** A Microsoft cloud endpoint: an FQDN, never the address of a host firewall rule. */
  | { kind: 'fqdn' }
  | { kind: 'missing' }
  | { kind: 'invalid'; message: string }
  | { kind: 'any'; message: string };

/** null when the peer's address may go into a live rule. */
export function peerBlock(peer: ReportPeer): PeerBlock | null {
  if (peer.kind === 'fqdn') return { kind: 'fqdn' };
  if (peer.address.trim() === '') return { kind: 'missing' };
  if (peer.invalid) return { kind: 'invalid', message: peer.invalid };
  // Defence in depth, for reports not built by the resolver: at least the address syntax.
  const syntax = validateAddress(peer.address, { allowCidr: true });
  if (syntax) return { kind: 'invalid', message: syntax };
  if (isAnyCidr(peer.address.trim())) {
    return {
      kind: 'any',
      message: `${peer.label}: “${peer.address.trim()}” means any address; a rule for it would be open to every host`,
    };
  }
  return null;
}

/**
 * Why the whole rule cannot be live, whatever its peers: invalid values it depends on, or no
 * port left. [] when it may be live (its peers are gated one by one with peerBlock).
 */
export function ruleBlocks(rule: ReportHostRule): string[] {
  const out = [...rule.problems];
  if (rule.ports.length === 0 && out.length === 0) out.push('the rule has no port');
  return out;
}

/** One TODO sentence for ruleBlocks. */
export function ruleBlockText(blocks: readonly string[]): string {
  return `TODO: fix the plan first: ${blocks.join('; ')}. Then download the script again.`;
}

/** What the sheets say under the heading of an FQDN host. */
export const FQDN_HOST_NOTE =
  'A Microsoft cloud endpoint: allow its name (FQDN) on the network proxy or the perimeter firewall, or its Microsoft 365 endpoint set or Azure service tag; host firewalls cannot filter by FQDN.';

/** An FQDN host in one line: "login.microsoftonline.com (M365 endpoint set 56; service tag ...)". */
export function fqdnSummary(host: ReportHost): string {
  const name = host.address || `${patternText(host.fqdn?.pattern ?? host.label)} (tenant missing)`;
  const marks = [
    ...(host.fqdn?.wildcard ? ['wildcard'] : []),
    ...(host.invalid ? ['INVALID'] : []),
    ...(host.fqdn?.m365EndpointSet !== undefined
      ? [`M365 endpoint set ${host.fqdn.m365EndpointSet}`]
      : []),
    ...(host.fqdn?.serviceTag !== undefined ? [`service tag ${host.fqdn.serviceTag}`] : []),
  ];
  return marks.length > 0 ? `${name} (${marks.join('; ')})` : name;
}

/**
 * What every host firewall script says of the plan's Microsoft cloud FQDNs (comment lines,
 * without the comment mark): they are not scripted. A host firewall filters on addresses, not on
 * names, and the scripts make inbound rules only, so outbound traffic stays as it is: never an
 * address rule for an FQDN, never more open than before. [] when the plan has none.
 */
export function cloudFqdnNote(report: Report, firewall: string): string[] {
  const fqdns = report.hosts.filter((h) => h.kind === 'fqdn');
  if (fqdns.length === 0) return [];
  return [
    '',
    `Microsoft cloud destinations (FQDNs) are not scripted: ${firewall} cannot filter by FQDN`,
    '(it filters on addresses), and this script creates inbound rules only; outbound traffic is',
    'left as it is. Allow these names on the network proxy or the perimeter firewall (the rule',
    'sheet gives their Microsoft 365 endpoint set IDs and Azure service tags):',
    ...fqdns.map((h) => `- ${fqdnSummary(h)}`),
  ];
}
