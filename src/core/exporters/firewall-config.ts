/**
 * The vendor configs of a plan with network zones (issue 16): each firewall's rule set
 * (core/zones/rule-sets.ts, as the report carries it in `report.zones`) as the model the PAN-OS,
 * FortiOS, Cisco ASA and Aerleon renderers lay out. Without zones the renderers use
 * network-policy.ts, as before.
 *
 * What it keeps from a rule set: its rules (AM-001, ...) with the interfaces they enter and
 * leave by and those interfaces' zones, its address objects per role and zone (written as
 * address groups of one address object per address) and its service objects, with their names.
 * What it never adds: an address, a port or a zone pair the rule set does not hold. What it takes
 * away, each with a TODO on the rules that used it: an address the vendor cannot express (`why`),
 * or one the export gate refuses (invalid, or any address); a group left empty; a rule left
 * without a source or a destination (then the rule is written as a TODO only). The rule set holds
 * only ready flows (core/zones/flows.ts): a plan rule with problems is on no firewall, and its
 * TODO comes from networkPolicy's `blocked`, as without zones.
 *
 * Which firewalls a file covers (coveredFirewalls): a report narrowed to one firewall (its
 * downloads in "By firewall") covers that firewall, in any vendor's syntax; otherwise a vendor
 * file covers the firewalls of its own kind.
 */
import type { Transport } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';
import type { Report } from '@/core/report/model';
import type {
  ReportAddressObject,
  ReportFirewall,
  ReportFirewallInterface,
  ReportZones,
} from '@/core/report/zones';
import { isAnyCidr } from '@/core/validate/cidr';
import { addressForm, addressKey, validateAddress } from '@/core/validate/validate-address';
import type { FirewallKind } from '@/core/zones/model';
import { FIREWALL_KIND_LABELS, isZoneModelEmpty } from '@/core/zones/model';
import { planZoneModel } from '@/core/zones/plan-zones';

import type { AddressKind, BlockedRule, PolicyPort } from './network-policy';
import { networkPolicy, ObjectNames, oneLine } from './network-policy';

export interface ConfigAddress {
  /** The normalised address. */
  key: string;
  value: string;
  kind: AddressKind;
  /** The host's name in the plan (its address when the report does not name it). */
  label: string;
}

/** An address object of the rule set: a group of addresses of one zone and role(s). */
export interface ConfigGroup {
  name: string;
  zone: string;
  roles: string[];
  members: ConfigAddress[];
}

export interface ConfigService {
  name: string;
  transport: Transport;
  ports: PolicyPort[];
}

export interface ConfigRule {
  /** "AM-001": the rule set's name of the rule. */
  name: string;
  ingress: ReportFirewallInterface;
  egress: ReportFirewallInterface;
  sources: ConfigGroup[];
  destinations: ConfigGroup[];
  service: ConfigService;
  /** The plan's rules behind it, their services and purposes. */
  ruleIds: string[];
  services: string[];
  purposes: string[];
  /** Addresses or groups left out, and why (TODO sentences). */
  todos: string[];
}

/** A rule of the rule set nothing of which can be written in this syntax. */
export interface ConfigBlockedRule {
  name: string;
  todo: string;
}

export interface FirewallConfig {
  id: string;
  name: string;
  kind: FirewallKind;
  /** "PAN-OS", ... */
  kindLabel: string;
  /** The interfaces its rules use (by name), with their zones. */
  interfaces: ReportFirewallInterface[];
  rules: ConfigRule[];
  blocked: ConfigBlockedRule[];
  /** The groups, address objects and services its rules use, sorted by name / first use. */
  groups: ConfigGroup[];
  addresses: ConfigAddress[];
  services: ConfigService[];
}

export interface ZonedPolicy {
  /** The firewalls the file covers (coveredFirewalls). */
  firewalls: FirewallConfig[];
  /** Every firewall of the plan, "Core (PAN-OS)", for the file's header. */
  allFirewalls: string[];
  /** The plan's rules that are on no firewall because of their problems (the export gate). */
  blocked: BlockedRule[];
  /** The zone checks that keep flows off the firewalls (errors and warnings), one line each. */
  checks: string[];
}

/** Why an address may not be in a live rule (the export gate), or undefined. */
function gate(value: string): string | undefined {
  if (value.startsWith('*.')) return undefined;
  const syntax = validateAddress(value, { allowCidr: true });
  if (syntax) return oneLine(syntax);
  if (isAnyCidr(value))
    return `“${value}” means any address; a rule for it would be open to every host`;
  return undefined;
}

export function addressKindOf(value: string): AddressKind {
  if (value.startsWith('*.')) return 'wildcard-fqdn';
  const form = addressForm(value);
  if (form === 'host') return 'fqdn';
  if (form === 'cidr') return value.includes(':') ? 'cidr6' : 'cidr4';
  return form === 'ipv6' ? 'ipv6' : 'ipv4';
}

/** The firewalls of the report a file in the syntax of `kind` covers (see the module comment). */
export function coveredFirewalls(zones: ReportZones, kind: FirewallKind | null): ReportFirewall[] {
  if (zones.firewallId !== undefined)
    return zones.firewalls.filter((f) => f.id === zones.firewallId);
  return kind === null ? zones.firewalls : zones.firewalls.filter((f) => f.kindId === kind);
}

/** "Core FW (PAN-OS)". */
export function firewallTitle(f: { name: string; kindId: FirewallKind }): string {
  return `${oneLine(f.name)} (${FIREWALL_KIND_LABELS[f.kindId]})`;
}

function labelsOf(report: Report): Map<string, string> {
  const labels = new Map<string, string>();
  const add = (address: string, label: string) => {
    const key = addressKey(address);
    if (key !== '' && !labels.has(key)) labels.set(key, oneLine(label));
  };
  for (const host of report.hosts) {
    add(host.address, host.label);
    for (const rule of [...host.inbound, ...host.outbound]) {
      for (const peer of rule.peers) add(peer.address, peer.label);
    }
  }
  return labels;
}

function transportOf(protocol: string): Transport | undefined {
  const p = protocol.toUpperCase();
  return p === 'TCP' || p === 'UDP' ? p : undefined;
}

/**
 * One firewall's config model in a syntax whose unsupported addresses `why` names (undefined:
 * it can express the address).
 */
export function firewallConfig(
  firewall: ReportFirewall,
  labels: ReadonlyMap<string, string>,
  why: (a: ConfigAddress) => string | undefined,
): FirewallConfig {
  // Groups: the rule set's address objects, each member gated, then filtered for the vendor.
  const dropped = new Map<string, string[]>();
  const groups = new Map<string, ConfigGroup>();
  const object = (o: ReportAddressObject): ConfigGroup => {
    const known = groups.get(o.name);
    if (known) return known;
    const members: ConfigAddress[] = [];
    const todos: string[] = [];
    for (const value of o.addresses) {
      const key = addressKey(value);
      const a: ConfigAddress = {
        key,
        value: value.trim(),
        kind: addressKindOf(value.trim()),
        label: labels.get(key) ?? oneLine(value),
      };
      const reason = gate(a.value) ?? why(a);
      if (reason === undefined) members.push(a);
      else todos.push(`TODO: ${a.label} (${oneLine(a.value)}) left out of ${o.name}: ${reason}.`);
    }
    const group = { name: o.name, zone: o.zone, roles: [...o.roles], members };
    groups.set(o.name, group);
    dropped.set(o.name, todos);
    return group;
  };
  const objects = new Map(firewall.addressObjects.map((o) => [o.name, o]));
  const services = new Map(firewall.serviceObjects.map((s) => [s.name, s]));
  const rules: ConfigRule[] = [];
  const blocked: ConfigBlockedRule[] = [];
  for (const r of firewall.rules) {
    const side = (names: readonly string[]) =>
      names.flatMap((n) => {
        const o = objects.get(n);
        return o ? [object(o)] : [];
      });
    const allSources = side(r.sources);
    const allDestinations = side(r.destinations);
    const todos = [...allSources, ...allDestinations].flatMap((g) => dropped.get(g.name) ?? []);
    const sources = allSources.filter((g) => g.members.length > 0);
    const destinations = allDestinations.filter((g) => g.members.length > 0);
    const s = services.get(r.service);
    const transport = transportOf(s?.protocol ?? r.protocol);
    if (!s || transport === undefined || s.ranges.length === 0) {
      blocked.push({ name: r.name, todo: `TODO: the service ${r.service} cannot be written.` });
      continue;
    }
    if (sources.length === 0 || destinations.length === 0) {
      blocked.push({
        name: r.name,
        todo: `TODO: no ${sources.length === 0 ? 'source' : 'destination'} of this rule can be written. ${todos.join(' ')}`.trim(),
      });
      continue;
    }
    rules.push({
      name: r.name,
      ingress: r.ingress,
      egress: r.egress,
      sources,
      destinations,
      service: {
        name: s.name,
        transport,
        ports: s.ranges.map((p) => ({ from: p.from, to: p.to })),
      },
      ruleIds: [...r.ruleIds],
      services: r.services.map(oneLine),
      purposes: r.purposes.map(oneLine),
      todos,
    });
  }
  const usedGroups = new Map<string, ConfigGroup>();
  const usedServices = new Map<string, ConfigService>();
  const interfaces = new Map<string, ReportFirewallInterface>();
  for (const r of rules) {
    for (const g of [...r.sources, ...r.destinations]) usedGroups.set(g.name, g);
    usedServices.set(r.service.name, r.service);
    interfaces.set(r.ingress.name, r.ingress);
    interfaces.set(r.egress.name, r.egress);
  }
  const sortedGroups = [...usedGroups.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const addresses = new Map<string, ConfigAddress>();
  for (const g of sortedGroups)
    for (const a of g.members) if (!addresses.has(a.key)) addresses.set(a.key, a);
  return {
    id: firewall.id,
    name: firewall.name,
    kind: firewall.kindId,
    kindLabel: firewall.kind,
    interfaces: [...interfaces.values()].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    ),
    rules,
    blocked,
    groups: sortedGroups,
    addresses: [...addresses.values()],
    services: [...usedServices.values()].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    ),
  };
}

/**
 * The zoned model of a report for a vendor syntax: null without zones (the renderers then use
 * networkPolicy, as before).
 */
export function zonedPolicy(
  report: Report,
  kind: FirewallKind | null,
  why: (a: ConfigAddress) => string | undefined,
): ZonedPolicy | null {
  const zones = report.zones;
  if (!zones) return null;
  const labels = labelsOf(report);
  return {
    firewalls: coveredFirewalls(zones, kind).map((f) => firewallConfig(f, labels, why)),
    allFirewalls: zones.firewalls.map((f) => firewallTitle(f)),
    blocked: networkPolicy(report).blocked,
    checks: zones.checks
      .filter((c) => c.severity !== 'info')
      .map((c) => `${c.severity === 'error' ? 'Error' : 'Warning'}: ${oneLine(c.message)}`),
  };
}

/**
 * Zone or interface names of one firewall in a vendor's syntax: each plan name made a vendor
 * name once (ObjectNames: ASCII letters, digits, `-` `_` `.`, within `max`), distinct names kept
 * distinct.
 */
export function vendorNames(max: number): (text: string, fallback: string) => string {
  const names = new ObjectNames(max);
  const made = new Map<string, string>();
  return (text, fallback) => {
    const key = `${text}\u0000${fallback}`;
    const known = made.get(key);
    if (known !== undefined) return known;
    const name = names.fromText(text, fallback);
    made.set(key, name);
    return name;
  };
}

/** The zone of an interface in a zone-based syntax: its one zone, or the interface's name. */
export function interfaceZone(i: ReportFirewallInterface): string {
  return i.zones.length === 1 ? (i.zones[0] ?? i.name) : i.name;
}

/** The lines every zoned vendor file says of its coverage (comment text, no mark). */
export function coverageLines(
  policy: ZonedPolicy,
  syntax: string,
  kind: FirewallKind | null,
): string[] {
  const covered = policy.firewalls.map((f) => firewallTitle({ name: f.name, kindId: f.kind }));
  const lines: string[] = [];
  if (policy.firewalls.length === 0) {
    lines.push(
      `Firewalls: none. The plan's network has no ${kind === null ? '' : `${FIREWALL_KIND_LABELS[kind]} `}firewall (its firewalls: ${policy.allFirewalls.join(', ') || 'none'}):`,
      `download a firewall's rules in ${syntax} syntax from the review's "By firewall" view.`,
    );
  } else {
    lines.push(
      `Firewalls: ${covered.join(', ')}; each with only the flows that cross it, in its own section.`,
      'Load each section on its own firewall only: another firewall needs its own rules.',
    );
  }
  return lines;
}

/** The TODO lines of the zone checks and blocked plan rules (comment text, no mark). */
export function planTodoLines(policy: ZonedPolicy): string[] {
  const lines: string[] = [];
  if (policy.checks.length > 0) {
    lines.push(
      'Zone checks: flows these concern are on no firewall until fixed (TODO):',
      ...policy.checks.map((c) => `- ${c}`),
    );
  }
  for (const b of policy.blocked) {
    lines.push(
      `Rule ${b.ruleId}: ${b.peerRole} (${b.service}): on no firewall, not written.`,
      b.todo,
    );
  }
  return lines;
}

/**
 * What a plan-wide vendor config covers, said beside its button (Exporter.coverage): nothing
 * without a network; else the firewalls of `kind` (every firewall for null), or that there is
 * none and where to get a firewall in this syntax.
 */
export function vendorCoverage(plan: Plan, kind: FirewallKind | null): string | undefined {
  const model = planZoneModel(plan);
  if (isZoneModelEmpty(model)) return undefined;
  const covered = model.firewalls
    .filter((f) => kind === null || f.kind === kind)
    .map((f) => oneLine(f.name) || f.id)
    .sort((a, b) => a.localeCompare(b, 'en'));
  const what = kind === null ? 'firewall' : `${FIREWALL_KIND_LABELS[kind]} firewall`;
  const elsewhere = 'Any firewall in this syntax: its buttons under Rules, "By firewall".';
  if (covered.length === 0) {
    return `The plan's network has no ${what}: this file holds no rule. ${elsewhere}`;
  }
  const names = covered.map((n) => `“${n}”`).join(', ');
  return covered.length === 1
    ? `Covers the firewall ${names} (the plan's only ${what}), with the flows that cross it. ${elsewhere}`
    : `Covers the plan's ${what}s ${names}, each in its own ${kind === null ? 'policy file' : 'section'} with the flows that cross it. ${elsewhere}`;
}
