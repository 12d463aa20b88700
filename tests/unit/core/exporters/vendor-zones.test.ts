/**
 * The vendor configs of a plan with network zones (issue 16): each firewall written from its
 * rule set (exporters/firewall-config.ts). A parser of each vendor's syntax reads the text back
 * (PAN-OS set commands, FortiOS config blocks, Cisco ASA objects and access lists), checking
 * every line and every name; what the parsed rules allow, expanded to (interfaces, source,
 * destination, protocol, ports), is compared with the flows that cross the firewall: on the
 * issue's scenarios (hub and spoke, a DMZ with two firewalls, cloud flows through an edge) and
 * on random networks (fast-check). Golden files: the hub and spoke's core firewall in every
 * syntax, and the plan-wide files of the sample plan with zones.
 */
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { renderAerleon } from '@/core/exporters/aerleon-exporter';
import { asaFirewallLines, renderAsa } from '@/core/exporters/asa-exporter';
import type { ConfigAddress } from '@/core/exporters/firewall-config';
import { firewallConfig, interfaceZone } from '@/core/exporters/firewall-config';
import { fortiosFirewallLines, renderFortios } from '@/core/exporters/fortios-exporter';
import { panosFirewallLines, renderPanos } from '@/core/exporters/panos-exporter';
import { buildReport } from '@/core/report/build-report';
import type { Report } from '@/core/report/model';
import type { ReportFirewallInterface } from '@/core/report/zones';
import { reportZoneView, zonesForFirewall } from '@/core/report/zones';
import type { ResolvedRule } from '@/core/resolve/model';
import { addressKey } from '@/core/validate/validate-address';
import type { ZoneModel } from '@/core/zones/model';
import { INTERNET_ZONE_ID, INTERNET_ZONE_NAME } from '@/core/zones/model';

import { exportCatalog } from '../../../fixtures/catalogs';
import {
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
} from '../../../fixtures/resolution-fixture';
import { fixtureZoneModel } from '../../../fixtures/zones-fixture';
import { scenarioArb } from '../zones/zone-arbitraries';
import { firewall, host, model, rule, zone } from '../zones/zone-fixtures';

function sampleReport(zones?: ZoneModel): Report {
  return buildReport({
    plan: fixturePlan(),
    resolution: fixtureResolution(),
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
    ...(zones ? { zones } : {}),
  });
}

const META = sampleReport();

// ---------------------------------------------------------------------------------------------
// Parsers: each reads a config back into what its rules allow, and lists its problems.

/** (ingress, egress, source, destination, protocol, port range); '' where a syntax has none. */
type Tuple = string;
const tuple = (parts: readonly string[]): Tuple => parts.join(' | ');

interface Parsed {
  allowed: Set<Tuple>;
  problems: string[];
}

const NAME = (max: number) => `[A-Za-z0-9][A-Za-z0-9._-]{0,${max - 1}}`;

function hostKey(value: string): string {
  const bare = value.replace(/\/32$/, '').replace(/\/128$/, '');
  return addressKey(bare);
}

function expandInto(
  out: Set<Tuple>,
  ends: readonly [string, string],
  sources: readonly string[],
  destinations: readonly string[],
  protocol: string,
  ranges: readonly string[],
): void {
  for (const s of sources) {
    for (const d of destinations) {
      for (const r of ranges) out.add(tuple([...ends, s, d, protocol, r]));
    }
  }
}

/** PAN-OS set commands: address, address-group, service, security rules. */
function parsePanos(text: string): Parsed {
  const n = NAME(63);
  const problems: string[] = [];
  const addresses = new Map<string, string>();
  const groups = new Map<string, string[]>();
  const services = new Map<string, { protocol: string; ranges: string[] }>();
  const rules = new Map<string, Map<string, string>>();
  const q = '"[^"\\\\\\n]{0,1023}"';
  text.split('\n').forEach((line, i) => {
    const at = `line ${i + 1}: ${line}`;
    if (line === '' || /^#( [^\n]*)?$/.test(line)) return;
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^set address (${n}) (ip-netmask|fqdn) (\\S+)$`).exec(line))) {
      addresses.set(m[1] ?? '', hostKey(m[3] ?? ''));
    } else if (new RegExp(`^set (?:address|address-group) ${n} description ${q}$`).test(line)) {
      return;
    } else if (
      (m = new RegExp(`^set address-group (${n}) static \\[((?: ${n})+) \\]$`).exec(line))
    ) {
      const members = (m[2] ?? '').trim().split(' ');
      for (const x of members) if (!addresses.has(x)) problems.push(`${at} (${x} undefined)`);
      groups.set(m[1] ?? '', members);
    } else if (
      (m = new RegExp(
        `^set service (${n}) protocol (tcp|udp) port (\\d{1,5}(?:-\\d{1,5})?(?:,\\d{1,5}(?:-\\d{1,5})?)*)$`,
      ).exec(line))
    ) {
      const ranges = (m[3] ?? '').split(',').map((r) => (r.includes('-') ? r : `${r}-${r}`));
      services.set(m[1] ?? '', { protocol: (m[2] ?? '').toUpperCase(), ranges });
    } else if (
      (m = new RegExp(
        `^set rulebase security rules (${n}) (from|to|source|destination|application|service|action|description) (.+)$`,
      ).exec(line))
    ) {
      const rule = rules.get(m[1] ?? '') ?? new Map<string, string>();
      const key = m[2] ?? '';
      const value = m[3] ?? '';
      const ok =
        key === 'from' || key === 'to' || key === 'service'
          ? new RegExp(`^${n}$`).test(value)
          : key === 'source' || key === 'destination'
            ? new RegExp(`^\\[(?: ${n})+ \\]$`).test(value)
            : key === 'application'
              ? value === 'any'
              : key === 'action'
                ? value === 'allow'
                : new RegExp(`^${q}$`).test(value);
      if (!ok) problems.push(at);
      if (rule.has(key)) problems.push(`${at} (${key} twice)`);
      rule.set(key, value);
      rules.set(m[1] ?? '', rule);
    } else {
      problems.push(at);
    }
  });
  const allowed = new Set<Tuple>();
  for (const [name, rule] of rules) {
    const list = (key: string) => (/\[ (.*) \]/.exec(rule.get(key) ?? '')?.[1] ?? '').split(' ');
    const members = (key: string) =>
      list(key).flatMap((g) => {
        const found = groups.get(g);
        if (!found) problems.push(`rule ${name}: ${g} is no address group`);
        return (found ?? []).map((a) => addresses.get(a) ?? '');
      });
    const service = services.get(rule.get('service') ?? '');
    if (!service) problems.push(`rule ${name}: service undefined`);
    if (rule.get('action') !== 'allow') continue;
    expandInto(
      allowed,
      [rule.get('from') ?? '', rule.get('to') ?? ''],
      members('source'),
      members('destination'),
      service?.protocol ?? '',
      service?.ranges ?? [],
    );
  }
  return { allowed, problems };
}

const MASK_BITS = (mask: string) =>
  mask
    .split('.')
    .map((o) => Number(o).toString(2).padStart(8, '0'))
    .join('')
    .replace(/0+$/, '').length;

/** FortiOS config/edit/set/next/end blocks. */
function parseFortios(text: string): Parsed {
  const problems: string[] = [];
  const addresses = new Map<string, string>();
  const groups = new Map<string, string[]>();
  const services = new Map<string, { protocol: string; ranges: string[] }>();
  const policies: Map<string, string>[] = [];
  let section: string | null = null;
  let current: { name: string; sets: Map<string, string> } | null = null;
  const names = (value: string) => [...value.matchAll(/"([^"]+)"/g)].map((x) => x[1] ?? '');
  const close = () => {
    if (!current || section === null) return;
    const { name, sets } = current;
    if (section === 'address') {
      const subnet = sets.get('subnet');
      if (subnet) {
        const [ip = '', mask = ''] = subnet.split(' ');
        const bits = MASK_BITS(mask);
        addresses.set(name, addressKey(bits === 32 ? ip : `${ip}/${bits}`));
      } else if (sets.get('type') === 'fqdn')
        addresses.set(name, addressKey(names(sets.get('fqdn') ?? '')[0] ?? ''));
      else problems.push(`address ${name}: no value`);
    } else if (section === 'addrgrp') {
      const members = names(sets.get('member') ?? '');
      for (const x of members)
        if (!addresses.has(x)) problems.push(`group ${name}: ${x} undefined`);
      groups.set(name, members);
    } else if (section === 'service custom') {
      const entry = [...sets].find(([k]) => /^(tcp|udp)-portrange$/.test(k));
      if (!entry) problems.push(`service ${name}: no port range`);
      services.set(name, {
        protocol: (entry?.[0] ?? '').slice(0, 3).toUpperCase(),
        ranges: (entry?.[1] ?? '').split(' ').map((r) => (r.includes('-') ? r : `${r}-${r}`)),
      });
    } else if (section === 'policy') policies.push(sets);
  };
  const SET: Record<string, RegExp> = {
    address:
      /^(subnet \d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+|type fqdn|fqdn "[^"\\]+"|comment "[^"\\]{0,255}")$/,
    addrgrp: /^(member(?: "[^"\\]{1,79}")+|comment "[^"\\]{0,255}")$/,
    'service custom': /^(?:tcp|udp)-portrange \d{1,5}(?:-\d{1,5})?(?: \d{1,5}(?:-\d{1,5})?)*$/,
    policy:
      /^(?:name "[^"\\]{1,35}"|(?:srcintf|dstintf) "[A-Za-z0-9._-]{1,35}"|(?:srcaddr|dstaddr)(?: "[^"\\]{1,79}")+|action accept|schedule "always"|service "[^"\\]{1,79}"|comments "[^"\\]{0,1023}")$/,
  };
  text.split('\n').forEach((line, i) => {
    const at = `line ${i + 1}: ${line}`;
    if (line === '' || /^#( [^\n]*)?$/.test(line)) return;
    let m: RegExpExecArray | null;
    if ((m = /^config firewall (address|addrgrp|service custom|policy)$/.exec(line))) {
      if (section !== null) problems.push(`${at} (config inside config)`);
      section = m[1] ?? '';
    } else if (line === 'end') {
      if (section === null || current) problems.push(`${at} (end)`);
      section = null;
    } else if ((m = /^ {4}edit (?:"([A-Za-z0-9][A-Za-z0-9._-]{0,78})"|(0))$/.exec(line))) {
      if (section === null || current) problems.push(`${at} (edit)`);
      if (m[2] === '0' && section !== 'policy') problems.push(`${at} (edit 0)`);
      current = { name: m[1] ?? '', sets: new Map() };
    } else if (line === '    next') {
      if (!current) problems.push(`${at} (next)`);
      close();
      current = null;
    } else if ((m = /^ {8}set (\S+) (.*)$/.exec(line))) {
      const body = `${m[1] ?? ''} ${m[2] ?? ''}`;
      if (!current || section === null || !SET[section]?.test(body)) problems.push(`${at} (set)`);
      current?.sets.set(m[1] ?? '', m[2] ?? '');
    } else problems.push(at);
  });
  if (section !== null) problems.push('config not ended');
  const allowed = new Set<Tuple>();
  for (const p of policies) {
    const members = (key: string) =>
      names(p.get(key) ?? '').flatMap((g) => {
        const found = groups.get(g);
        if (!found) problems.push(`policy: ${g} is no group`);
        return (found ?? []).map((a) => addresses.get(a) ?? '');
      });
    const service = services.get(names(p.get('service') ?? '')[0] ?? '');
    if (!service) problems.push('policy: service undefined');
    if (p.get('action') !== 'accept') continue;
    expandInto(
      allowed,
      [names(p.get('srcintf') ?? '')[0] ?? '', names(p.get('dstintf') ?? '')[0] ?? ''],
      members('srcaddr'),
      members('dstaddr'),
      service?.protocol ?? '',
      service?.ranges ?? [],
    );
  }
  return { allowed, problems };
}

/** Cisco ASA objects, object-groups and extended access lists (ingress per list; no egress). */
function parseAsa(text: string): Parsed & { boundTo: Map<string, string> } {
  const n = NAME(64);
  const problems: string[] = [];
  const addresses = new Map<string, string>();
  const groups = new Map<string, string[]>();
  const services = new Map<string, { protocol: string; ranges: string[] }>();
  const entries: string[][] = [];
  const boundTo = new Map<string, string>();
  let parent: { kind: 'object' | 'network' | 'service'; name: string } | null = null;
  text.split('\n').forEach((line, i) => {
    const at = `line ${i + 1}: ${line}`;
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^! access-group (${n}) in interface (${n})$`).exec(line))) {
      boundTo.set(m[1] ?? '', m[2] ?? '');
      return;
    }
    if (line === '' || /^!( [^\n]*)?$/.test(line)) return;
    if ((m = new RegExp(`^object network (${n})$`).exec(line))) {
      parent = { kind: 'object', name: m[1] ?? '' };
    } else if ((m = new RegExp(`^object-group network (${n})$`).exec(line))) {
      parent = { kind: 'network', name: m[1] ?? '' };
      groups.set(parent.name, []);
    } else if ((m = new RegExp(`^object-group service (${n}) (tcp|udp)$`).exec(line))) {
      parent = { kind: 'service', name: m[1] ?? '' };
      services.set(parent.name, { protocol: (m[2] ?? '').toUpperCase(), ranges: [] });
    } else if (line.startsWith(' ') && parent) {
      const body = line.slice(1);
      if (/^description [^\n]{1,200}$/.test(body)) return;
      if (parent.kind === 'object' && (m = /^host (\S+)$/.exec(body))) {
        addresses.set(parent.name, addressKey(m[1] ?? ''));
      } else if (
        parent.kind === 'object' &&
        (m = /^subnet (\S+) (\d+\.\d+\.\d+\.\d+)$/.exec(body))
      ) {
        addresses.set(parent.name, addressKey(`${m[1] ?? ''}/${MASK_BITS(m[2] ?? '')}`));
      } else if (parent.kind === 'object' && (m = /^subnet (\S+\/\d+)$/.exec(body))) {
        addresses.set(parent.name, addressKey(m[1] ?? ''));
      } else if (parent.kind === 'object' && (m = /^fqdn v4 (\S+)$/.exec(body))) {
        addresses.set(parent.name, addressKey(m[1] ?? ''));
      } else if (
        parent.kind === 'network' &&
        (m = new RegExp(`^network-object object (${n})$`).exec(body))
      ) {
        if (!addresses.has(m[1] ?? '')) problems.push(`${at} (undefined)`);
        groups.get(parent.name)?.push(m[1] ?? '');
      } else if (
        parent.kind === 'service' &&
        (m = /^port-object (?:eq (\d+)|range (\d+) (\d+))$/.exec(body))
      ) {
        services.get(parent.name)?.ranges.push(m[1] ? `${m[1]}-${m[1]}` : `${m[2]}-${m[3]}`);
      } else problems.push(at);
    } else if (new RegExp(`^access-list ${n} remark [^\\n]{1,100}$`).test(line)) {
      parent = null;
    } else if (
      (m = new RegExp(
        `^access-list (${n}) extended permit (tcp|udp) object-group (${n}) object-group (${n}) object-group (${n})$`,
      ).exec(line))
    ) {
      parent = null;
      entries.push(m.slice(1).map((x) => x ?? ''));
    } else problems.push(at);
  });
  const allowed = new Set<Tuple>();
  for (const [acl, protocol, src, dst, svc] of entries) {
    const members = (g: string) => {
      const found = groups.get(g);
      if (!found) problems.push(`${acl}: ${g} is no group`);
      return (found ?? []).map((a) => addresses.get(a) ?? '');
    };
    const service = services.get(svc ?? '');
    if (!service || service.protocol !== protocol?.toUpperCase()) problems.push(`${acl}: ${svc}`);
    const iface = boundTo.get(acl ?? '');
    if (iface === undefined) problems.push(`${acl}: bound to no interface`);
    expandInto(
      allowed,
      [iface ?? '', ''],
      members(src ?? ''),
      members(dst ?? ''),
      service?.protocol ?? '',
      service?.ranges ?? [],
    );
  }
  return { allowed, problems, boundTo };
}

// ---------------------------------------------------------------------------------------------
// What each firewall should allow: the flows that cross it (the analysis, not the rule set).

type Ends = 'zones' | 'interfaces' | 'ingress';

function expected(
  zones: ZoneModel,
  rules: readonly ResolvedRule[],
  firewallId: string,
  ends: Ends,
  drop: (a: Pick<ConfigAddress, 'kind' | 'value'>) => boolean,
): Set<Tuple> {
  const view = reportZoneView(zones, rules);
  const zoneName = (id: string) =>
    id === INTERNET_ZONE_ID
      ? INTERNET_ZONE_NAME
      : (zones.zones.find((z) => z.id === id)?.name ?? id);
  const fw = zones.firewalls.find((f) => f.id === firewallId);
  const iface = (id: string): ReportFirewallInterface => {
    const i = fw?.interfaces.find((x) => x.id === id);
    return { name: i?.name ?? id, zones: [...new Set(i?.zones ?? [])].sort().map(zoneName) };
  };
  const kindOf = (value: string) =>
    value.startsWith('*.')
      ? 'wildcard-fqdn'
      : value.includes(':')
        ? value.includes('/')
          ? 'cidr6'
          : 'ipv6'
        : 'ipv4';
  const out = new Set<Tuple>();
  for (const f of view.analysis.flows) {
    if (f.route.kind !== 'path') continue;
    for (const hop of f.route.hops.filter((h) => h.firewallId === firewallId)) {
      const { flow } = f;
      if (drop({ kind: kindOf(flow.sourceAddress), value: flow.sourceAddress })) continue;
      if (drop({ kind: kindOf(flow.destinationAddress), value: flow.destinationAddress })) continue;
      const ingress = iface(hop.ingressInterfaceId);
      const egress = iface(hop.egressInterfaceId);
      const endsOf: [string, string] =
        ends === 'zones'
          ? [interfaceZone(ingress), interfaceZone(egress)]
          : ends === 'interfaces'
            ? [ingress.name, egress.name]
            : [ingress.name, ''];
      for (const p of flow.ports) {
        out.add(
          tuple([
            ...endsOf,
            addressKey(flow.sourceAddress),
            addressKey(flow.destinationAddress),
            flow.protocol.toUpperCase(),
            `${p.from}-${p.to}`,
          ]),
        );
      }
    }
  }
  return out;
}

const isV6 = (a: Pick<ConfigAddress, 'kind'>) => a.kind === 'ipv6' || a.kind === 'cidr6';
const isWildcard = (a: Pick<ConfigAddress, 'kind'>) => a.kind === 'wildcard-fqdn';

const SYNTAXES = [
  {
    name: 'PAN-OS',
    lines: panosFirewallLines,
    parse: parsePanos,
    ends: 'zones' as Ends,
    why: (a: Pick<ConfigAddress, 'kind'>) => (isWildcard(a) ? 'wildcard' : undefined),
  },
  {
    name: 'FortiOS',
    lines: fortiosFirewallLines,
    parse: parseFortios,
    ends: 'interfaces' as Ends,
    why: (a: Pick<ConfigAddress, 'kind'>) => (isV6(a) ? 'IPv6' : undefined),
  },
  {
    name: 'Cisco ASA',
    lines: asaFirewallLines,
    parse: parseAsa,
    ends: 'ingress' as Ends,
    why: (a: Pick<ConfigAddress, 'kind'>) => (isWildcard(a) ? 'wildcard' : undefined),
  },
] as const;

/** Every firewall of the network written in each syntax, read back. */
function written(zones: ZoneModel, rules: readonly ResolvedRule[]) {
  const view = reportZoneView(zones, rules);
  return view.zones.firewalls.flatMap((fw) =>
    SYNTAXES.map((syntax) => {
      const config = firewallConfig(fw, new Map(), syntax.why);
      const text = `${syntax.lines(config, META).join('\n')}\n`;
      return { fw, syntax, config, text, parsed: syntax.parse(text) };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// The scenarios.

const AGENT = host('Agent 1', '10.1.0.10');
const AGENT2 = host('Agent 2', '10.1.0.11');
const CONSOLE = host('Console', '10.0.0.5');
const FILER = host('Filer', '10.2.0.20');
const FILER6 = host('Filer v6', '2001:db8:2::20');
const FS = host('FS01', '10.3.0.30');
const PROXY = host('Proxy', '172.16.0.5');
const CLOUD = host('Graph', 'graph.microsoft.com', true);

const HUB_ZONES = model({
  zones: [
    zone('mgmt', '10.0.0.0/16'),
    zone('agents', '10.1.0.0/16'),
    zone('nas', '10.2.0.0/16', '2001:db8:2::/48'),
    zone('files', '10.3.0.0/16'),
  ],
  firewalls: [firewall('core', ['e1=mgmt', 'e2=agents', 'e3=nas', 'e4=files'], 'panos')],
});
const HUB_RULES = [
  rule({
    id: 'R01',
    sourceRole: 'Console',
    destinationRole: 'Agent',
    sources: [CONSOLE],
    destinations: [AGENT, AGENT2],
    ports: [[4498, 4498]],
  }),
  rule({
    id: 'R02',
    destinationRole: 'NetApp',
    sources: [AGENT, AGENT2],
    destinations: [FILER, FILER6],
    ports: [[443, 443]],
  }),
  rule({
    id: 'R03',
    sourceRole: 'NetApp',
    destinationRole: 'Agent',
    sources: [FILER],
    destinations: [AGENT],
    ports: [[9999, 9999]],
  }),
  rule({
    id: 'R04',
    destinationRole: 'Windows file server',
    sources: [AGENT],
    destinations: [FS],
    ports: [
      [135, 135],
      [445, 445],
      [49152, 65535],
    ],
  }),
  rule({
    id: 'R05',
    sourceRole: 'Agent',
    destinationRole: 'Agent',
    sources: [AGENT],
    destinations: [AGENT2],
    ports: [[4498, 4498]],
  }),
];

const DMZ_ZONES = model({
  zones: [zone('inside', '10.0.0.0/8'), zone('dmz', '172.16.0.0/24')],
  firewalls: [
    firewall('outer', ['untrust=internet', 'dmz=dmz'], 'fortios'),
    firewall('inner', ['dmz=dmz', 'trust=inside'], 'asa'),
  ],
});
const DMZ_RULES = [
  rule({
    id: 'R01',
    sources: [AGENT],
    destinations: [PROXY],
    destinationRole: 'Proxy',
    ports: [[8080, 8080]],
  }),
  rule({
    id: 'R02',
    sourceRole: 'Proxy',
    sources: [PROXY],
    destinations: [CLOUD],
    destinationRole: 'Microsoft Graph',
    ports: [[443, 443]],
  }),
  rule({
    id: 'R03',
    sourceRole: 'Console',
    sources: [CONSOLE],
    destinations: [AGENT],
    destinationRole: 'Agent',
    ports: [[4498, 4498]],
  }),
];

const EDGE_ZONES = model({
  zones: [zone('servers', '10.0.0.0/8')],
  firewalls: [firewall('edge', ['inside=servers', 'outside=internet'], 'fortios')],
});
const EDGE_RULES = [
  rule({
    id: 'R01',
    sources: [AGENT, AGENT2],
    destinations: [CLOUD, host('Login', 'login.microsoftonline.com', true)],
    destinationRole: 'Microsoft Entra ID',
    ports: [[443, 443]],
  }),
  rule({ id: 'R02', sources: [AGENT], destinations: [FS], ports: [[445, 445]] }),
];

const SCENARIOS = [
  {
    name: 'hub and spoke: one core firewall, four zones',
    zones: HUB_ZONES,
    rules: HUB_RULES,
    rulesOn: { core: 4 },
  },
  {
    name: 'a DMZ with an outer and an inner firewall',
    zones: DMZ_ZONES,
    rules: DMZ_RULES,
    rulesOn: { inner: 1, outer: 1 },
  },
  {
    name: 'cloud flows to the Internet zone through an edge firewall',
    zones: EDGE_ZONES,
    rules: EDGE_RULES,
    rulesOn: { edge: 1 },
  },
] as const;

describe.each(SCENARIOS)('$name', ({ zones, rules, rulesOn }) => {
  const all = written(zones, rules);

  it('gives each firewall only its crossing rules', () => {
    const counts = Object.fromEntries(
      all.filter((w) => w.syntax.name === 'PAN-OS').map((w) => [w.fw.id, w.config.rules.length]),
    );
    expect(counts).toEqual(rulesOn);
  });

  it.each(SYNTAXES.map((s) => [s.name, s] as const))(
    '%s: every line parses, and the rules allow exactly the flows that cross each firewall',
    (_n, syntax) => {
      for (const w of all.filter((x) => x.syntax === syntax)) {
        expect(w.parsed.problems, w.text).toEqual([]);
        expect([...w.parsed.allowed].sort()).toEqual(
          [
            ...expected(zones, rules, w.fw.id, syntax.ends, (a) => syntax.why(a) !== undefined),
          ].sort(),
        );
      }
    },
  );
});

describe('the scenarios in detail', () => {
  it('hub and spoke: PAN-OS zones are the zones of the interfaces, objects per role and zone', () => {
    const [core] = written(HUB_ZONES, HUB_RULES).filter((w) => w.syntax.name === 'PAN-OS');
    expect(core?.text).toContain('set rulebase security rules AM-001 from MGMT');
    expect(core?.text).toContain(
      'set address-group AM-Agent-AGENTS-2 static [ 10.1.0.10 10.1.0.11 ]',
    );
    expect(core?.text).toContain(
      'set service AM-TCP-135_445_49152-65535 protocol tcp port 135,445,49152-65535',
    );
    // A flow inside one zone (R05, agent to agent) is on no firewall.
    expect(core?.text).not.toContain('R05');
  });

  it('DMZ: the inner ASA has one access list, on its dmz or trust interface only', () => {
    const inner = written(DMZ_ZONES, DMZ_RULES).find(
      (w) => w.fw.id === 'inner' && w.syntax.name === 'Cisco ASA',
    );
    expect(inner?.parsed.problems).toEqual([]);
    expect([...(inner?.parsed as ReturnType<typeof parseAsa>).boundTo.entries()]).toEqual([
      ['amfp-trust-in', 'trust'],
    ]);
    // The cloud flow starts in the DMZ: it does not cross the inner firewall.
    expect(inner?.text).not.toContain('graph.microsoft.com');
  });

  it('edge: the cloud FQDNs are FQDN objects in the Internet zone; FortiOS egress is the wan side', () => {
    const edge = written(EDGE_ZONES, EDGE_RULES).find((w) => w.syntax.name === 'FortiOS');
    expect(edge?.text).toContain('set fqdn "graph.microsoft.com"');
    expect(edge?.text).toContain('set dstintf "outside"');
    expect(edge?.text).toContain('"AM-Microsoft-Entra-ID-Internet"');
  });

  it('an address a syntax cannot write is left out with a TODO, never widened', () => {
    const ipv6 = written(HUB_ZONES, HUB_RULES).find((w) => w.syntax.name === 'FortiOS');
    expect(ipv6?.text).toContain('TODO: Filer v6'.replace('Filer v6', '2001:db8:2::20'));
    expect(ipv6?.text).not.toMatch(/^\s+set subnet 2001/m);
  });
});

// ---------------------------------------------------------------------------------------------

describe('property: random networks', () => {
  it('each syntax allows exactly the flows crossing each firewall, minus what it cannot write', () => {
    fc.assert(
      fc.property(scenarioArb, ({ model: zones, rules }) => {
        for (const w of written(zones, rules)) {
          expect(w.parsed.problems).toEqual([]);
          const want = expected(
            zones,
            rules,
            w.fw.id,
            w.syntax.ends,
            (a) => w.syntax.why(a) !== undefined,
          );
          expect([...w.parsed.allowed].sort()).toEqual([...want].sort());
        }
      }),
      { numRuns: 60 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The sample plan with zones: goldens, coverage, and nothing changes without zones.

describe('the sample plan with zones', () => {
  const zoned = sampleReport(fixtureZoneModel());
  const core = (): Report => {
    const zones = zoned.zones && zonesForFirewall(zoned.zones, 'core');
    expect(zones).toBeTruthy();
    return { ...zoned, ...(zones ? { zones } : {}) };
  };

  it.each([
    ['PAN-OS', renderPanos, parsePanos, 'zoned-core-panos.txt'],
    ['FortiOS', renderFortios, parseFortios, 'zoned-core-fortios.conf'],
    ['Cisco ASA', renderAsa, parseAsa, 'zoned-core-cisco-asa.txt'],
  ] as const)(
    'the core firewall in %s syntax matches its golden file',
    async (_n, render, parse, file) => {
      const text = render(core());
      expect(parse(text).problems).toEqual([]);
      expect(text).toContain(
        '# Firewalls: Core FW (PAN-OS)'.replace('#', text.startsWith('!') ? '!' : '#'),
      );
      expect(text).not.toContain('Edge FW (FortiOS):');
      await expect(text).toMatchFileSnapshot(`../../../golden/${file}`);
    },
  );

  it('the core firewall as an Aerleon zip matches its golden file; every token is defined', async () => {
    const files = unzipSync(renderAerleon(core()));
    const names = Object.keys(files).sort();
    expect(names).toEqual([
      'def/contoso-hq-networks.yaml',
      'def/contoso-hq-services.yaml',
      'policies/pol/contoso-hq-core-fw.yaml',
    ]);
    const text = names.map((n) => `=== ${n}\n${strFromU8(files[n] ?? new Uint8Array())}`).join('');
    const defined = new Set([...text.matchAll(/^ {2}(AMFP_[A-Z0-9_]+):$/gm)].map((m) => m[1]));
    const used = [
      ...text.matchAll(/^ {8}(?:source-address|destination-address|destination-port): (.+)$/gm),
    ].flatMap((m) => (m[1] ?? '').split(' '));
    expect(used.length).toBeGreaterThan(0);
    for (const t of used) expect(defined.has(t), t).toBe(true);
    expect(text).toContain('paloalto: from-zone Management to-zone File-servers');
    await expect(text).toMatchFileSnapshot('../../../golden/zoned-core-aerleon.yaml.txt');
  });

  it('plan-wide: each vendor file covers the firewalls of its kind and says which', () => {
    const panos = renderPanos(zoned);
    expect(panos).toContain('# Firewalls: Core FW (PAN-OS);');
    expect(panos).not.toContain('==== Firewall Edge FW');
    const fortios = renderFortios(zoned);
    expect(fortios).toContain('# Firewalls: Edge FW (FortiOS);');
    expect(fortios).toContain('set dstintf "wan1"');
    expect(parseFortios(fortios).problems).toEqual([]);
    const asa = renderAsa(zoned);
    expect(asa).toContain("! Firewalls: none. The plan's network has no Cisco ASA firewall");
    expect(asa).not.toMatch(/^access-list /m);
    const aerleon = Object.keys(unzipSync(renderAerleon(zoned))).sort();
    expect(aerleon).toContain('policies/pol/contoso-hq-core-fw.yaml');
    expect(aerleon).toContain('policies/pol/contoso-hq-edge-fw.yaml');
  });

  it('a plan with an empty network writes every vendor file as without zones', () => {
    const empty = sampleReport({ zones: [], firewalls: [], assignments: [], preferredPaths: [] });
    for (const render of [renderPanos, renderFortios, renderAsa]) {
      expect(render(empty)).toBe(render(META));
    }
    expect(renderAerleon(empty)).toEqual(renderAerleon(META));
  });
});

describe('hostile names in a plan with zones', () => {
  const HOSTILE = [
    '=cmd|"/c calc"!A1 | **Core** <b>',
    'Edge\r\n# not a heading Łódź 東京',
    '',
    '\u202eevil\\"; rm -rf /',
  ];
  /** The sample plan's network, every zone, firewall and interface given a hostile name. */
  function hostileModel(): ZoneModel {
    const m = fixtureZoneModel({ core: HOSTILE[0] ?? '', edge: HOSTILE[1] ?? '' });
    return {
      ...m,
      zones: m.zones.map((z, i) => ({ ...z, name: HOSTILE[i % HOSTILE.length] ?? '' })),
      firewalls: m.firewalls.map((f) => ({
        ...f,
        interfaces: f.interfaces.map((x, i) => ({
          ...x,
          name: HOSTILE[(i + 1) % HOSTILE.length] ?? '',
        })),
      })),
    };
  }

  it.each([
    ['PAN-OS', renderPanos, parsePanos, 'core'],
    ['FortiOS', renderFortios, parseFortios, 'edge'],
    ['Cisco ASA', renderAsa, parseAsa, 'core'],
    ['PAN-OS (edge)', renderPanos, parsePanos, 'edge'],
    ['FortiOS (core)', renderFortios, parseFortios, 'core'],
    ['Cisco ASA (edge)', renderAsa, parseAsa, 'edge'],
  ] as const)(
    '%s: every line parses, nothing but comments carries the names',
    (_n, render, parse, id) => {
      const report = sampleReport(hostileModel());
      const zones = report.zones && zonesForFirewall(report.zones, id);
      expect(zones).toBeTruthy();
      const text = render({ ...report, ...(zones ? { zones } : {}) });
      expect(parse(text).problems).toEqual([]);
      expect(parse(text).allowed.size).toBeGreaterThan(0);
      expect(text).not.toMatch(/[\r\u202e]/);
    },
  );

  it('Aerleon: file names and tokens stay ASCII, comments JSON-quoted', () => {
    const files = unzipSync(renderAerleon(sampleReport(hostileModel())));
    for (const [name, bytes] of Object.entries(files)) {
      expect(name).toMatch(/^[a-z0-9/._-]+$/);
      const text = strFromU8(bytes);
      for (const line of text.split('\n')) {
        if (line === '' || /^\s*#/.test(line) || /^\s*(?:- )?comment: "/.test(line)) continue;
        expect(line, name).toMatch(/^[A-Za-z0-9 :_./\-[\]{}]*$/);
      }
    }
  });
});
