/**
 * "Download nftables ruleset": for each Linux host of the plan (the hosts of the firewalld
 * script, with the same host keys), a `table inet activity_monitor` to load with `nft -f`:
 *
 * - named sets per role and address family (`console_v4`, `agent_v6`, ...), the plan's
 *   addresses of the role's hosts (the admin's own rules may use them too);
 * - chain input (hook input, policy drop): established and related traffic, loopback, the
 *   ICMPv6 neighbour discovery IPv6 needs, and one rule per plan rule and family accepting the
 *   role's set on the rule's ports, with a counter and the rule ID in its comment. The table is
 *   the host's inbound allow-list: in nftables a packet must pass every base chain of a hook, so
 *   an accept-only table in front of another firewall would change nothing;
 * - chain output (hook output, policy accept), where the host has outbound rules: the plan's
 *   outbound flows, counted and commented, and nothing else dropped (like the other scripts,
 *   outbound traffic is left as it is; set its policy to drop to make it an allow-list).
 *
 * Loading the file again replaces the table (`table` then `delete table` then the table: the
 * nft idiom for an atomic replace). A file with several hosts holds one section per host
 * ("# BEGIN host KEY" to "# END host KEY") and starts with an `include` of a path that does not
 * exist, so `nft -f` on the whole file fails before it changes anything and names the problem.
 *
 * Safety: user text (plan, host and role names, addresses that fail validation) appears only in
 * `#` line comments, on one line (linux-ruleset.ts); quoted strings (`comment "..."`) hold
 * generator text only (rule IDs, catalog service names), without `"`, within nft's 128 bytes.
 * Addresses are validated by the export gate; host names are left out (linux-ruleset.ts).
 */
import type { Report, ReportHost } from '@/core/report/model';

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

const NO_HOST = noLinuxHostFor('an nftables ruleset');

/** The table every section loads. */
export const NFT_TABLE = 'activity_monitor';
/** nft's limit for a comment string, in bytes. */
const NFT_COMMENT_MAX = 128;

export function nftablesFileName(report: Report): string {
  return exportFileName(report.meta.planName, 'nftables.nft');
}

/** A `#` comment line (any text: it is made one line). */
function comment(text: string): string {
  const line = lineCommentText(text);
  return line === '' ? '#' : `# ${line}`;
}

/**
 * A quoted nft string: nft's scanner reads `"[^"]*"` with no escapes, so `"` becomes `'`;
 * controls become spaces; at most 128 bytes of UTF-8 (never a split character).
 */
export function nftString(text: string): string {
  let out = lineCommentText(text).replace(/"/g, "'");
  const encoder = new TextEncoder();
  while (encoder.encode(out).length > NFT_COMMENT_MAX) {
    out = Array.from(out).slice(0, -1).join('');
  }
  return `"${out}"`;
}

/** An nft identifier from catalog text: [a-z0-9_], starting with a letter, at most 40 characters. */
export function nftIdentifier(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return slug === '' ? 'role' : slug;
}

const FAMILIES: readonly Family[] = ['ipv4', 'ipv6'];
const SUFFIX: Record<Family, string> = { ipv4: 'v4', ipv6: 'v6' };

interface NamedSet {
  name: string;
  family: Family;
  role: string;
  elements: string[];
}

/** The sets of a host: one per role, family and list of addresses (a role with two lists gets _2). */
class SetRegistry {
  readonly sets: NamedSet[] = [];
  private readonly byContent = new Map<string, NamedSet>();
  private readonly names = new Set<string>();

  setFor(role: string, family: Family, elements: string[]): NamedSet {
    const content = `${role}\n${family}\n${[...elements].sort().join(',')}`;
    const found = this.byContent.get(content);
    if (found) return found;
    const base = `${nftIdentifier(role)}_${SUFFIX[family]}`;
    let name = base;
    for (let n = 2; this.names.has(name); n += 1) name = `${base}_${n}`;
    const set = { name, family, role, elements };
    this.names.add(name);
    this.byContent.set(content, set);
    this.sets.push(set);
    return set;
  }
}

function portsExpression(rule: LinuxRule): string {
  const ports = rule.rule.ports.map((p) => portText(p.from, p.to));
  return ports.length === 1 ? (ports[0] ?? '') : `{ ${ports.join(', ')} }`;
}

function ruleHeading(rule: LinuxRule): string {
  const { rule: r } = rule;
  const arrow =
    rule.direction === 'inbound' ? `${r.peerRole} -> this host` : `this host -> ${r.peerRole}`;
  return comment(`Rule ${r.ruleId}: ${arrow}, ${r.transport} ${r.portsText} (${r.service})`);
}

function ruleLines(rule: LinuxRule, sets: SetRegistry): string[] {
  const lines = [ruleHeading(rule), ...omissionLines(rule).map(comment)];
  if (rule.blocked) return lines;
  const { rule: r } = rule;
  const side = rule.direction === 'inbound' ? 'saddr' : 'daddr';
  const proto = r.transport.toLowerCase();
  const label = nftString(
    `${r.ruleId} ${rule.direction === 'inbound' ? 'from' : 'to'} ${r.peerRole}: ${r.service}`,
  );
  for (const family of FAMILIES) {
    const elements = rule.live.filter((a) => a.family === family).map((a) => a.address);
    if (elements.length === 0) continue;
    const set = sets.setFor(r.peerRole, family, elements);
    const ip = family === 'ipv4' ? 'ip' : 'ip6';
    lines.push(
      `${ip} ${side} @${set.name} ${proto} dport ${portsExpression(rule)} counter accept comment ${label}`,
    );
  }
  if (lines.length === 1 + omissionLines(rule).length) {
    lines.push(comment('No address of this rule can be used yet: nothing is opened for it.'));
  }
  return lines;
}

function chainLines(
  name: string,
  hook: string,
  policy: string,
  preamble: readonly string[],
  rules: readonly LinuxRule[],
  sets: SetRegistry,
): string[] {
  return [
    `  chain ${name} {`,
    `    type filter hook ${hook} priority filter; policy ${policy};`,
    ...preamble.map((l) => `    ${l}`),
    ...rules.flatMap((rule) => ['', ...ruleLines(rule, sets).map((l) => `    ${l}`)]),
    '  }',
  ];
}

const INPUT_PREAMBLE: readonly string[] = [
  'ct state established,related accept',
  'ct state invalid drop',
  'iif "lo" accept',
  '# IPv6 does not work without neighbour discovery.',
  'icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert, nd-router-advert } accept',
];

function hostLabel(host: ReportHost): string {
  return `${quotedInComment(host.label)} (${host.address.trim() === '' ? 'no address in the plan' : quotedInComment(host.address)})`;
}

function hostSection(ruleset: LinuxHostRuleset): string[] {
  const { host, key, inbound, outbound } = ruleset;
  const sets = new SetRegistry();
  const input = chainLines('input', 'input', 'drop', INPUT_PREAMBLE, inbound, sets);
  const output =
    outbound.length === 0
      ? []
      : ['', ...chainLines('output', 'output', 'accept', [], outbound, sets)];
  const setLines = sets.sets.flatMap((set) => [
    `  set ${set.name} {`,
    `    type ${set.family === 'ipv4' ? 'ipv4_addr' : 'ipv6_addr'}`,
    '    flags interval',
    `    comment ${nftString(set.role)}`,
    `    elements = { ${set.elements.join(', ')} }`,
    '  }',
    '',
  ]);
  const { begin, end } = sectionMarks(key);
  return [
    begin,
    comment(`Host ${key}: ${hostLabel(host)}`),
    comment(
      `${host.roleNames.join(', ')}: ${host.inbound.length} inbound rule(s), ${host.outbound.length} outbound rule(s).`,
    ),
    `table inet ${NFT_TABLE}`,
    `delete table inet ${NFT_TABLE}`,
    `table inet ${NFT_TABLE} {`,
    ...setLines,
    ...input,
    ...output,
    '}',
    end,
  ];
}

function headerLines(report: Report, rulesets: readonly LinuxHostRuleset[]): string[] {
  const { meta } = report;
  const file = nftablesFileName(report);
  const several = rulesets.length > 1;
  const example = rulesets[0]?.key ?? 'KEY';
  return [
    '#!/usr/sbin/nft -f',
    comment('nftables rulesets for Netwrix Activity Monitor on the Linux hosts of a plan.'),
    comment('Generated by Activity Monitor Firewall Planner: review it before you load it.'),
    comment(`Plan: ${quotedInComment(meta.planName)}`),
    comment(
      `Activity Monitor ${meta.amVersion}, catalog ${meta.catalogVersion}, docs ${meta.docsRevision}`,
    ),
    comment(`Permalink: ${meta.permalink}`),
    comment(`Generated on: ${meta.date === '' ? 'no date' : meta.date}`),
    '#',
    comment(
      `Each host's section is a table inet ${NFT_TABLE}: named sets of the plan's addresses per role, a chain input`,
    ),
    comment(
      '(policy drop) that accepts established traffic, loopback, IPv6 neighbour discovery and the plan',
    ),
    comment(
      'rules of the host, and, where the host has outbound rules, a chain output (policy accept) that',
    ),
    comment('counts them. The input chain is an allow-list: add your own services (e.g. SSH for'),
    comment('administration) to it before you load it, or the host accepts nothing else.'),
    comment('Loading it again replaces the table. Check, then load, as root:'),
    comment(
      `nft -c -f ${several ? `${example}.nft` : file} && nft -f ${several ? `${example}.nft` : file}`,
    ),
    comment('Sources named by host name, missing or invalid in the plan are left out and listed:'),
    comment('nft would resolve a name once, when loading; put addresses in the plan.'),
    ...(several
      ? [
          '#',
          comment(
            `This file holds the rulesets of ${rulesets.length} hosts: load one host's section, never the`,
          ),
          comment('whole file (it stops at the include below). Extract a section with:'),
          comment(
            `awk '$0 == "# BEGIN host ${example}", $0 == "# END host ${example}"' ${file} > ${example}.nft`,
          ),
          comment(
            `The hosts: ${rulesets.map((r) => `${r.key} ${quotedInComment(r.host.label)}`).join(', ')}`,
          ),
          `include "/ERROR: this file holds ${rulesets.length} host rulesets: load one host section (see the header)"`,
        ]
      : []),
    '',
  ];
}

export function renderNftables(report: Report): string {
  const rulesets = linuxRulesets(report, 'nftables');
  if (rulesets.length === 0) {
    return `${[...headerLines(report, []), comment(NO_HOST)].join('\n')}\n`;
  }
  const sections = rulesets.flatMap((r, i) => [...(i > 0 ? [''] : []), ...hostSection(r)]);
  return `${[...headerLines(report, rulesets), ...sections].join('\n')}\n`;
}

export const nftablesExporter: Exporter = {
  id: 'nftables',
  label: 'Download nftables ruleset',
  action: 'download',
  fileName: nftablesFileName,
  mimeType: 'text/plain;charset=utf-8',
  render: renderNftables,
  unavailable: (hosts) => (hosts.some(isLinuxHost) ? undefined : NO_HOST),
};
