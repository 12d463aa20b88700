/**
 * "Download iptables-restore rules": for legacy Linux hosts without nftables, the same rulesets
 * as the nftables export (nftables-exporter.ts: same hosts, host keys, sources and omissions) in
 * the format of iptables-save, one section per host and address family:
 *
 * - "# BEGIN host KEY ipv4": for iptables-restore (IPv4 addresses; /etc/iptables/rules.v4 of
 *   iptables-persistent); "# BEGIN host KEY ipv6": for ip6tables-restore (IPv6 addresses,
 *   rules.v6). Both are written for every host, so IPv6 is closed the same way as IPv4;
 * - a whole filter table: INPUT policy DROP (established and related traffic, loopback, ICMPv6
 *   neighbour discovery in IPv6, then one rule per plan rule, source and port group, with the
 *   rule ID in a comment match), FORWARD policy DROP (iptables-restore replaces the whole
 *   filter table: a monitored server is no router), OUTPUT policy ACCEPT with the plan's
 *   outbound flows (documented and counted, nothing dropped, like the other scripts).
 *
 * The file always holds at least two sections, so it starts with a line iptables-restore
 * rejects (an invalid table name) before changing anything: load a section, not the file.
 *
 * Safety: user text only in `#` comment lines, on one line; the comment matches hold generator
 * text reduced to [A-Za-z0-9 ._:,()/+-] (iptables-restore reads quotes and backslashes in
 * them); addresses through the export gate; host names left out (linux-ruleset.ts).
 */
import type { Report } from '@/core/report/model';

import type { Exporter } from './exporter';
import { exportFileName } from './file-name';
import type { Family, LinuxHostRuleset, LinuxRule } from './linux-ruleset';
import {
  lineCommentText,
  linuxRulesets,
  omissionLines,
  portText,
  quotedInComment,
  sectionMarks,
} from './linux-ruleset';
import { isLinuxHost, noLinuxHostFor } from './script-hosts';

const NO_HOST = noLinuxHostFor('iptables rules');
/** The multiport match takes at most 15 ports, a range counting as two. */
const MULTIPORT_MAX = 15;

export function iptablesFileName(report: Report): string {
  return exportFileName(report.meta.planName, 'iptables.rules');
}

function comment(text: string): string {
  const line = lineCommentText(text);
  return line === '' ? '#' : `# ${line}`;
}

/** A comment match's text: generator text reduced to characters iptables-restore reads as they are. */
export function iptablesComment(text: string): string {
  const clean = lineCommentText(text)
    .replace(/[^A-Za-z0-9 ._:,()/+-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200)
    .trim();
  return `"${clean}"`;
}

/** The port matches of a rule: groups of at most 15 multiport slots. */
function portMatches(rule: LinuxRule): string[] {
  const ports = rule.rule.ports;
  if (ports.length === 1 && ports[0])
    return [`--dport ${portText(ports[0].from, ports[0].to, ':')}`];
  const groups: string[][] = [];
  let slots = 0;
  for (const p of ports) {
    const weight = p.from === p.to ? 1 : 2;
    const last = groups[groups.length - 1];
    if (!last || slots + weight > MULTIPORT_MAX) {
      groups.push([portText(p.from, p.to, ':')]);
      slots = weight;
    } else {
      last.push(portText(p.from, p.to, ':'));
      slots += weight;
    }
  }
  return groups.map((g) => `-m multiport --dports ${g.join(',')}`);
}

function ruleLines(rule: LinuxRule, family: Family): string[] {
  const { rule: r } = rule;
  const inbound = rule.direction === 'inbound';
  const arrow = inbound ? `${r.peerRole} -> this host` : `this host -> ${r.peerRole}`;
  const lines = [
    comment(`Rule ${r.ruleId}: ${arrow}, ${r.transport} ${r.portsText} (${r.service})`),
    ...omissionLines(rule).map(comment),
  ];
  if (rule.blocked) return lines;
  const addresses = rule.live.filter((a) => a.family === family);
  if (addresses.length === 0) {
    lines.push(comment(`No ${family === 'ipv4' ? 'IPv4' : 'IPv6'} address for this rule.`));
    return lines;
  }
  const chain = inbound ? 'INPUT' : 'OUTPUT';
  const side = inbound ? '-s' : '-d';
  const proto = r.transport.toLowerCase();
  const note = iptablesComment(
    `${r.ruleId} ${inbound ? 'from' : 'to'} ${r.peerRole}: ${r.service}`,
  );
  for (const a of addresses) {
    const address = a.address.includes('/')
      ? a.address
      : `${a.address}/${family === 'ipv4' ? 32 : 128}`;
    for (const ports of portMatches(rule)) {
      lines.push(
        `-A ${chain} ${side} ${address} -p ${proto} -m ${proto} ${ports} -m comment --comment ${note} -j ACCEPT`,
      );
    }
  }
  return lines;
}

function familySection(ruleset: LinuxHostRuleset, family: Family): string[] {
  const { key, host, inbound, outbound } = ruleset;
  const suffix = family;
  const { begin, end } = sectionMarks(key, suffix);
  const tool = family === 'ipv4' ? 'iptables-restore' : 'ip6tables-restore';
  const essentials =
    family === 'ipv4'
      ? []
      : [
          '# IPv6 does not work without neighbour discovery.',
          ...['neighbour-solicitation', 'neighbour-advertisement', 'router-advertisement'].map(
            (type) => `-A INPUT -p ipv6-icmp -m icmp6 --icmpv6-type ${type} -j ACCEPT`,
          ),
        ];
  return [
    begin,
    comment(
      `Host ${key}: ${quotedInComment(host.label)} (${host.address.trim() === '' ? 'no address in the plan' : quotedInComment(host.address)}), ${family === 'ipv4' ? 'IPv4' : 'IPv6'}: for ${tool}.`,
    ),
    '*filter',
    ':INPUT DROP [0:0]',
    ':FORWARD DROP [0:0]',
    ':OUTPUT ACCEPT [0:0]',
    '-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    '-A INPUT -m conntrack --ctstate INVALID -j DROP',
    '-A INPUT -i lo -j ACCEPT',
    ...essentials,
    ...inbound.flatMap((r) => ruleLines(r, family)),
    ...outbound.flatMap((r) => ruleLines(r, family)),
    'COMMIT',
    end,
  ];
}

function headerLines(report: Report, rulesets: readonly LinuxHostRuleset[]): string[] {
  const { meta } = report;
  const file = iptablesFileName(report);
  const example = rulesets[0]?.key ?? 'KEY';
  return [
    comment('iptables-restore rules for Netwrix Activity Monitor on the Linux hosts of a plan.'),
    comment('Generated by Activity Monitor Firewall Planner: review them before you load them.'),
    comment(`Plan: ${quotedInComment(meta.planName)}`),
    comment(
      `Activity Monitor ${meta.amVersion}, catalog ${meta.catalogVersion}, docs ${meta.docsRevision}`,
    ),
    comment(`Permalink: ${meta.permalink}`),
    comment(`Generated on: ${meta.date === '' ? 'no date' : meta.date}`),
    '#',
    comment('For hosts with the legacy iptables (use the nftables export where nft is available).'),
    comment(
      'Each host has an IPv4 section (iptables-restore) and an IPv6 section (ip6tables-restore).',
    ),
    comment(
      'Each is a whole filter table: INPUT policy DROP (established traffic, loopback, the plan',
    ),
    comment(
      "rules of the host), FORWARD DROP, OUTPUT ACCEPT (the host's outbound plan rules are listed",
    ),
    comment(
      'and counted). Loading one replaces the filter table: add your own services (e.g. SSH for',
    ),
    comment(
      'administration) to INPUT first. Sources named by host name, missing or invalid in the plan',
    ),
    comment('are left out and listed: put addresses in the plan.'),
    comment('Load a section, never the whole file (it stops at the first line below). As root:'),
    comment(
      `awk '$0 == "# BEGIN host ${example} ipv4", $0 == "# END host ${example} ipv4"' ${file} > ${example}.v4`,
    ),
    comment(
      `awk '$0 == "# BEGIN host ${example} ipv6", $0 == "# END host ${example} ipv6"' ${file} > ${example}.v6`,
    ),
    comment(
      `iptables-restore --test ${example}.v4 && ip6tables-restore --test ${example}.v6 && iptables-restore ${example}.v4 && ip6tables-restore ${example}.v6`,
    ),
    comment(
      `The hosts: ${rulesets.map((r) => `${r.key} ${quotedInComment(r.host.label)}`).join(', ')}`,
    ),
    '*load-one-section-see-header',
    '',
  ];
}

export function renderIptables(report: Report): string {
  const rulesets = linuxRulesets(report, 'iptables');
  if (rulesets.length === 0) {
    return `${[...headerLines(report, []).slice(0, 7), comment(NO_HOST)].join('\n')}\n`;
  }
  const sections = rulesets.flatMap((r, i) => [
    ...(i > 0 ? [''] : []),
    ...familySection(r, 'ipv4'),
    '',
    ...familySection(r, 'ipv6'),
  ]);
  return `${[...headerLines(report, rulesets), ...sections].join('\n')}\n`;
}

export const iptablesExporter: Exporter = {
  id: 'iptables',
  label: 'Download iptables-restore rules',
  action: 'download',
  fileName: iptablesFileName,
  mimeType: 'text/plain;charset=utf-8',
  render: renderIptables,
  unavailable: (hosts) => (hosts.some(isLinuxHost) ? undefined : NO_HOST),
};
