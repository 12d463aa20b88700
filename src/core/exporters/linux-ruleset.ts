/**
 * What the native Linux rulesets (nftables, iptables-restore) open for a host: the same hosts
 * and host keys as the firewalld script (script-hosts.ts, script-host-keys.ts), the same export
 * gate (export-gate.ts), and one more refusal of their own: a peer known only by a host name.
 *
 * nft and iptables-restore resolve a name once, when the ruleset is loaded (at boot, before the
 * network may be up; `nft -c` fails without DNS) and then keep that one address for good. A
 * security tool does not write a rule whose address nobody has seen: the peer is left out of
 * the rule, listed in a comment with what to do, and the rule keeps its other peers. A rule with
 * no peer left stays a comment. Nothing is ever widened (no rule without its address match).
 *
 * Each host's ruleset is one section of the file between "# BEGIN host KEY" and
 * "# END host KEY" lines; a file with several sections starts with a guard line the tool
 * rejects, so the whole file cannot be loaded on one host by mistake.
 */
import type { Report, ReportHost, ReportHostRule, ReportPeer } from '@/core/report/model';
import { cidrNetwork } from '@/core/validate/cidr';
import { canonicalIPv6 } from '@/core/validate/ipv6';
import { addressForm } from '@/core/validate/validate-address';

import { peerBlock, ruleBlocks } from './export-gate';
import { scriptKeyFor } from './script-host-keys';
import { isLinuxHost } from './script-hosts';
import { LINE_BREAK, stripControls } from './text-safety';

export type Family = 'ipv4' | 'ipv6';

/** An address a rule may match: IPv4, IPv6 or a CIDR block, in the canonical form the tools print. */
export interface LiveAddress {
  family: Family;
  address: string;
}

/** A peer left out of a rule, and why (one sentence, without a final period). */
export interface OmittedPeer {
  peer: ReportPeer;
  reason: string;
}

export interface LinuxRule {
  rule: ReportHostRule;
  direction: 'inbound' | 'outbound';
  /** Why the whole rule stays a comment (no peer in the plan, an invalid value it needs); else undefined. */
  blocked?: string;
  /** The peers' addresses, deduplicated, in the plan's order. */
  live: LiveAddress[];
  omitted: OmittedPeer[];
}

export interface LinuxHostRuleset {
  host: ReportHost;
  /** The host key of the scripts (--host of the firewalld script). */
  key: string;
  inbound: LinuxRule[];
  outbound: LinuxRule[];
}

/** The canonical address of a valid IPv4, IPv6 or CIDR text; null for a host name. */
export function canonicalAddress(text: string): LiveAddress | null {
  const address = text.trim();
  const form = addressForm(address);
  if (form === 'host') return null;
  if (form === 'cidr') {
    const network = cidrNetwork(address);
    if (network === null) return null;
    return { family: network.includes(':') ? 'ipv6' : 'ipv4', address: network };
  }
  if (form === 'ipv6') {
    const canonical = canonicalIPv6(address);
    return canonical === null ? null : { family: 'ipv6', address: canonical };
  }
  return { family: 'ipv4', address };
}

function omissionOf(peer: ReportPeer, tool: string): string | null {
  const block = peerBlock(peer);
  if (block?.kind === 'fqdn') {
    return `a Microsoft cloud endpoint named by FQDN: ${tool} filters on addresses; allow it on the proxy or the perimeter firewall`;
  }
  if (block?.kind === 'missing') return 'no address in the plan: add it and export again';
  if (block) return `${block.message}: fix it in the plan and export again`;
  if (canonicalAddress(peer.address) === null) {
    return `a host name: ${tool} would resolve it once, when the ruleset is loaded (and fails without DNS), so no rule is written for it; put its IP address in the plan and export again`;
  }
  return null;
}

function linuxRule(
  rule: ReportHostRule,
  direction: LinuxRule['direction'],
  tool: string,
): LinuxRule {
  const result: LinuxRule = { rule, direction, live: [], omitted: [] };
  if (rule.peers.length === 0) {
    result.blocked = `the plan has no ${rule.peerRole}: add it and export again`;
    return result;
  }
  const blocks = ruleBlocks(rule);
  if (blocks.length > 0) {
    result.blocked = `fix the plan first: ${blocks.join('; ')}`;
    return result;
  }
  const seen = new Set<string>();
  for (const peer of rule.peers) {
    const reason = omissionOf(peer, tool);
    if (reason !== null) {
      result.omitted.push({ peer, reason });
      continue;
    }
    const live = canonicalAddress(peer.address);
    if (live === null || seen.has(live.address)) continue;
    seen.add(live.address);
    result.live.push(live);
  }
  return result;
}

/** The Linux hosts of the report with the rules each ruleset writes. */
export function linuxRulesets(report: Report, tool: string): LinuxHostRuleset[] {
  const keyOf = scriptKeyFor(report);
  return report.hosts.filter(isLinuxHost).map((host) => ({
    host,
    key: keyOf(host),
    inbound: host.inbound.map((r) => linuxRule(r, 'inbound', tool)),
    outbound: host.outbound.map((r) => linuxRule(r, 'outbound', tool)),
  }));
}

/**
 * Text for a `#` line comment of nft or iptables-restore: one line (controls, bidi controls and
 * line breaks become spaces), runs of spaces squeezed. The tools read nothing in a comment line.
 */
export function lineCommentText(text: string): string {
  return stripControls(text.replace(LINE_BREAK, ' '), { replacement: ' ' })
    .replace(/\s+/g, ' ')
    .trim();
}

/** User text in a comment line: “…” around it, cut at 120 characters. */
export function quotedInComment(text: string): string {
  const clean = lineCommentText(text);
  const chars = Array.from(clean);
  return `“${chars.length > 120 ? `${chars.slice(0, 120).join('')}…` : clean}”`;
}

/** "4498", "5140-5145" */
export function portText(from: number, to: number, separator = '-'): string {
  return from === to ? String(from) : `${from}${separator}${to}`;
}

/** The first and last line of a host's section. */
export function sectionMarks(key: string, suffix = ''): { begin: string; end: string } {
  const name = suffix === '' ? key : `${key} ${suffix}`;
  return { begin: `# BEGIN host ${name}`, end: `# END host ${name}` };
}

/** The lines of one section of a rendered file (between its BEGIN and END lines, both kept). */
export function extractSection(text: string, key: string, suffix = ''): string | null {
  const { begin, end } = sectionMarks(key, suffix);
  const lines = text.split('\n');
  const from = lines.indexOf(begin);
  const to = lines.indexOf(end, from);
  if (from < 0 || to < 0) return null;
  return `${lines.slice(from, to + 1).join('\n')}\n`;
}

/** What the header says of the peers and rules left out of a host's ruleset, as comment text. */
export function omissionLines(rule: LinuxRule): string[] {
  if (rule.blocked) return [`NOT WRITTEN: ${rule.blocked}.`];
  return rule.omitted.map(
    ({ peer, reason }) =>
      `LEFT OUT: ${quotedInComment(peer.label)}${peer.address.trim() === '' ? '' : ` (${quotedInComment(peer.address)})`}: ${reason}.`,
  );
}
