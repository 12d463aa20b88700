/**
 * The plan's rules as a network firewall sees them, for the vendor configs (PAN-OS, FortiOS,
 * Cisco ASA, Aerleon): address objects, one rule per plan rule (per zone pair), and what cannot
 * be live, with the reason. Until the plan has zones (issue 16), every plan host is in one zone,
 * "inside"; a Microsoft cloud endpoint (an FQDN) is "outside".
 *
 * The export gate applies as for the scripts (export-gate.ts): a rule with problems or without a
 * port is not written live (its TODO says why); a peer whose address is missing, invalid or any
 * address is left out with a TODO. Unlike a host firewall, these firewalls filter on names
 * (FQDN address objects), so host names and cloud FQDNs stay in the rules; each vendor module
 * decides what it can express (a wildcard FQDN, IPv6) and refuses the rest with a TODO.
 *
 * The whole plan: every host's inbound rules (each flow once, at its destination). One host
 * (reportForHost, `--host`): its inbound and its outbound rules, the traffic a firewall in front
 * of it sees.
 */
import type { Transport } from '@/core/catalog/model';
import type { Report, ReportHost, ReportHostRule, ReportPeer } from '@/core/report/model';
import { addressForm, addressKey } from '@/core/validate/validate-address';

import { peerBlock, ruleBlocks, ruleBlockText } from './export-gate';
import { stripControls } from './text-safety';

export type Zone = 'inside' | 'outside';
export const ZONES: readonly Zone[] = ['inside', 'outside'];

export type AddressKind = 'ipv4' | 'ipv6' | 'cidr4' | 'cidr6' | 'fqdn' | 'wildcard-fqdn';

export interface PolicyAddress {
  /** What identifies the object: the normalised address. */
  key: string;
  /** The address as the plan holds it (trimmed; a wildcard keeps its "*."). */
  value: string;
  kind: AddressKind;
  /** The host's name in the plan (the first one seen for this address). */
  label: string;
  zone: Zone;
}

export interface PolicyPort {
  from: number;
  to: number;
}

export interface PolicyRule {
  ruleId: string;
  /** "R01", or "R01-2" for a rule's second zone pair. */
  id: string;
  fromZone: Zone;
  toZone: Zone;
  sources: PolicyAddress[];
  destinations: PolicyAddress[];
  transport: Transport;
  ports: PolicyPort[];
  portsText: string;
  service: string;
  /** The role at the other end of the rule, as the host sections name it. */
  peerRole: string;
  /** Sources or destinations left out, and why (TODO sentences). */
  todos: string[];
}

/** A rule nothing of which can be live: its TODO. */
export interface BlockedRule {
  ruleId: string;
  peerRole: string;
  service: string;
  todo: string;
}

export interface NetworkPolicy {
  rules: PolicyRule[];
  blocked: BlockedRule[];
  /** Every address object, in first-use order. */
  addresses: PolicyAddress[];
}

/** One-line text of the plan for a comment or description: controls as spaces, runs collapsed. */
export function oneLine(text: string): string {
  return stripControls(text, { replacement: ' ' }).replace(/\s+/g, ' ').trim();
}

function hostPeer(host: ReportHost): ReportPeer {
  return {
    hostKey: host.key,
    label: host.label,
    address: host.address,
    kind: host.kind,
    ...(host.fqdn ? { fqdn: host.fqdn } : {}),
    ...(host.invalid ? { invalid: host.invalid } : {}),
  };
}

function addressOf(peer: ReportPeer): PolicyAddress | string {
  const block = peerBlock(peer);
  const label = oneLine(peer.label);
  if (block && block.kind !== 'fqdn') {
    if (block.kind === 'missing') return `${label}: no address in the plan`;
    return `${label}: ${oneLine(block.message)}`;
  }
  const value = peer.address.trim();
  if (peer.kind === 'fqdn') {
    if (value === '') return `${label}: no address in the plan`;
    const wildcard = value.startsWith('*.');
    return {
      key: value.toLowerCase(),
      value,
      kind: wildcard ? 'wildcard-fqdn' : 'fqdn',
      label,
      zone: 'outside',
    };
  }
  const form = addressForm(value);
  const kind: AddressKind =
    form === 'host'
      ? 'fqdn'
      : form === 'cidr'
        ? value.includes(':')
          ? 'cidr6'
          : 'cidr4'
        : form === 'ipv6'
          ? 'ipv6'
          : 'ipv4';
  return { key: addressKey(value), value, kind, label, zone: 'inside' };
}

interface Flow {
  rule: ReportHostRule;
  sources: ReportPeer[];
  destinations: ReportPeer[];
}

function flowsOf(report: Report): Flow[] {
  const single = report.hosts.length === 1;
  const out: Flow[] = [];
  for (const host of report.hosts) {
    const me = hostPeer(host);
    for (const rule of host.inbound) out.push({ rule, sources: rule.peers, destinations: [me] });
    if (single) {
      for (const rule of host.outbound) {
        out.push({ rule, sources: [me], destinations: rule.peers });
      }
    }
  }
  return out;
}

/** The network firewall's view of the report (see the module comment). */
export function networkPolicy(report: Report): NetworkPolicy {
  const addresses = new Map<string, PolicyAddress>();
  const use = (a: PolicyAddress): PolicyAddress => {
    const known = addresses.get(a.key);
    if (known) return known;
    addresses.set(a.key, a);
    return a;
  };
  // Group the flows by rule, in the report's rule order (R01, R02, ...), keeping first-seen order.
  const byRule = new Map<
    string,
    { rule: ReportHostRule; src: ReportPeer[]; dst: ReportPeer[] }[]
  >();
  for (const flow of flowsOf(report)) {
    const list = byRule.get(flow.rule.ruleId) ?? [];
    list.push({ rule: flow.rule, src: flow.sources, dst: flow.destinations });
    byRule.set(flow.rule.ruleId, list);
  }
  const order = [...byRule.keys()].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }),
  );
  const rules: PolicyRule[] = [];
  const blocked: BlockedRule[] = [];
  for (const ruleId of order) {
    const flows = byRule.get(ruleId) ?? [];
    const first = flows[0]?.rule;
    if (!first) continue;
    const peerRole = oneLine(first.peerRole);
    const service = oneLine(first.service);
    const blocks = ruleBlocks(first);
    if (blocks.length > 0) {
      blocked.push({ ruleId, peerRole, service, todo: oneLine(ruleBlockText(blocks)) });
      continue;
    }
    const todos = new Set<string>();
    const pick = (peers: readonly ReportPeer[], side: string) => {
      const picked: PolicyAddress[] = [];
      for (const peer of peers) {
        const a = addressOf(peer);
        if (typeof a === 'string') todos.add(`TODO: the ${side} ${a}; left out of the rule.`);
        else picked.push(a);
      }
      return picked;
    };
    // Sources and destinations of the rule (a destination is the host whose section it is).
    const src = new Map<string, PolicyAddress>();
    const dst = new Map<string, PolicyAddress>();
    for (const f of flows) {
      for (const a of pick(f.src, 'source')) src.set(a.key, a);
      for (const a of pick(f.dst, 'destination')) dst.set(a.key, a);
    }
    if (src.size === 0 || dst.size === 0) {
      const none = src.size === 0 ? 'source' : 'destination';
      const why = todos.size > 0 ? ` ${[...todos].join(' ')}` : '';
      blocked.push({
        ruleId,
        peerRole,
        service,
        todo: `TODO: no ${none} of this rule has a usable address.${why}`,
      });
      continue;
    }
    // One rule per zone pair (a role's hosts are all in one zone; split if not).
    let n = 0;
    for (const fromZone of ZONES) {
      const s = [...src.values()].filter((a) => a.zone === fromZone);
      if (s.length === 0) continue;
      for (const toZone of ZONES) {
        const d = [...dst.values()].filter((a) => a.zone === toZone);
        if (d.length === 0) continue;
        n += 1;
        rules.push({
          ruleId,
          id: n === 1 ? ruleId : `${ruleId}-${n}`,
          fromZone,
          toZone,
          sources: s.map(use),
          destinations: d.map(use),
          transport: first.transport,
          ports: first.ports.map((p) => ({ from: p.from, to: p.to })),
          portsText: oneLine(first.portsText),
          service,
          peerRole,
          todos: [...todos],
        });
      }
    }
  }
  return { rules, blocked, addresses: [...addresses.values()] };
}

/** What every vendor config says of its origin, one sentence a line (comment text, no mark). */
export function provenanceLines(report: Report, what: string, zoneLines?: string[]): string[] {
  const { meta } = report;
  return [
    `${what}, generated by ${meta.generator}: review it before you load it.`,
    `Plan: ${oneLine(meta.planName)}`,
    `Activity Monitor ${meta.amVersion}; catalog ${meta.catalogVersion}; docs revision ${meta.docsRevision}${meta.date ? `; generated on ${meta.date}` : ''}`,
    `Permalink: ${oneLine(meta.permalink)}`,
    ...(report.draft ? [`${report.draft.stamp}.`] : []),
    ...(zoneLines ?? [
      'Zones: every host of the plan is in one zone, "inside" (Microsoft cloud endpoints, named by',
      'FQDN, are "outside") until the planner models zones: rename them to your zones or interfaces.',
    ]),
    `Hosts: ${report.hosts.length === 1 ? `only ${oneLine(report.hosts[0]?.label ?? '')} (its inbound and outbound rules)` : 'every host of the plan'}.`,
  ];
}

/**
 * Object names within a vendor's limits: ASCII letters, digits and `-` `_` `.` (accents
 * dropped, anything else a `-`), starting with a letter or digit, at most `max` characters,
 * unique without regard to case (a second "x" is "x-2"). Deterministic for a plan.
 */
export class ObjectNames {
  private readonly taken = new Set<string>();

  constructor(private readonly max: number) {}

  /** Reserves a name as it is (rule-made names such as "R01-src"). */
  reserve(name: string): string {
    return this.unique(name);
  }

  /** A name made from the plan's text, or from `fallback` when nothing is left of it. */
  fromText(text: string, fallback: string): string {
    const base = text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9_.-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
    return this.unique(base === '' ? fallback : base);
  }

  private unique(base: string): string {
    const cut = (s: string, room: number) => s.slice(0, room).replace(/[^A-Za-z0-9]+$/, '');
    let name = cut(base, this.max);
    for (let n = 2; this.taken.has(name.toLowerCase()); n += 1) {
      const suffix = `-${n}`;
      name = `${cut(base, this.max - suffix.length)}${suffix}`;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}

/** "tcp-445", "udp-49152-65535": a service object's name. */
export function serviceName(transport: Transport, port: PolicyPort): string {
  const p = port.from === port.to ? `${port.from}` : `${port.from}-${port.to}`;
  return `${transport.toLowerCase()}-${p}`;
}

/** The distinct services of the rules, in first-use order. */
export function policyServices(
  rules: readonly PolicyRule[],
): { name: string; transport: Transport; port: PolicyPort }[] {
  const seen = new Map<string, { name: string; transport: Transport; port: PolicyPort }>();
  for (const r of rules) {
    for (const port of r.ports) {
      const name = serviceName(r.transport, port);
      if (!seen.has(name)) seen.set(name, { name, transport: r.transport, port });
    }
  }
  return [...seen.values()];
}

/** At most `max` characters (never splitting a surrogate pair), with "…" when cut. */
/**
 * A value in double quotes for the PAN-OS and FortiOS CLIs: one line, `"` as `'` and `\` as `/`
 * (so no escape is needed), capped at `max` characters.
 */
export function cliQuote(text: string, max: number): string {
  return `"${cap(oneLine(text).replace(/"/g, "'").replace(/\\/g, '/'), max)}"`;
}

export function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  let keep = max - 1;
  const last = text.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep -= 1;
  return `${text.slice(0, keep)}…`;
}

/**
 * The policy without the addresses a vendor cannot express (`why` says why, or undefined when it
 * can): each left out with a TODO on its rules; a rule left without a source or destination is
 * blocked.
 */
export function withoutUnsupported(
  policy: NetworkPolicy,
  why: (a: PolicyAddress) => string | undefined,
): NetworkPolicy {
  const rules: PolicyRule[] = [];
  const blocked = [...policy.blocked];
  for (const rule of policy.rules) {
    const todos = [...rule.todos];
    const keep = (side: string) => (a: PolicyAddress) => {
      const reason = why(a);
      if (reason !== undefined) todos.push(`TODO: the ${side} ${a.label} (${a.value}): ${reason}.`);
      return reason === undefined;
    };
    const sources = rule.sources.filter(keep('source'));
    const destinations = rule.destinations.filter(keep('destination'));
    if (sources.length === 0 || destinations.length === 0) {
      blocked.push({
        ruleId: rule.id,
        peerRole: rule.peerRole,
        service: rule.service,
        todo: `TODO: no ${sources.length === 0 ? 'source' : 'destination'} of this rule can be written. ${todos.join(' ')}`,
      });
      continue;
    }
    rules.push({ ...rule, sources, destinations, todos });
  }
  const used = new Set(rules.flatMap((r) => [...r.sources, ...r.destinations]).map((a) => a.key));
  blocked.sort((a, b) => a.ruleId.localeCompare(b.ruleId, 'en', { numeric: true }));
  return { rules, blocked, addresses: policy.addresses.filter((a) => used.has(a.key)) };
}
