/**
 * The per-firewall section of the sheets (issue 16) as table cells, the same for the CSV and the
 * XLSX workbook: one row per rule of each firewall's rule set (a firewall no flow crosses: one row
 * saying so), and one row per address or service object. Multi-valued cells are "; "-joined.
 */
import type { ReportFirewallInterface, ReportZones } from './zones';

export const FIREWALL_RULE_COLUMNS = [
  'Firewall',
  'Firewall kind',
  'Firewall rule',
  'Ingress interface',
  'Source zone',
  'Source objects',
  'Source addresses',
  'Egress interface',
  'Destination zone',
  'Destination objects',
  'Destination addresses',
  'Service object',
  'Protocol',
  'Ports',
  'Rules',
  'Services',
  'Purposes',
] as const;

export const FIREWALL_OBJECT_COLUMNS = [
  'Firewall',
  'Object',
  'Object type',
  'Zone',
  'Roles',
  'Members',
] as const;

/** What the rule cell of a firewall no flow crosses says. */
export const NO_FIREWALL_RULES = '(no flow crosses it)';

/** "e1 (Agents, Files)": an interface and the zones attached to it. */
export function interfaceText(i: ReportFirewallInterface): string {
  return i.zones.length > 0 ? `${i.name} (${i.zones.join(', ')})` : i.name;
}

const join = (values: readonly string[]): string => values.join('; ');

/** The rows under FIREWALL_RULE_COLUMNS, firewall by firewall. */
export function firewallRuleRows(zones: ReportZones): string[][] {
  return zones.firewalls.flatMap((f) =>
    f.rules.length === 0
      ? [[f.name, f.kind, NO_FIREWALL_RULES, ...Array<string>(14).fill('')]]
      : f.rules.map((r) => [
          f.name,
          f.kind,
          r.name,
          interfaceText(r.ingress),
          join(r.sourceZones),
          join(r.sources),
          join(r.sourceAddresses),
          interfaceText(r.egress),
          join(r.destinationZones),
          join(r.destinations),
          join(r.destinationAddresses),
          r.service,
          r.protocol,
          r.ports,
          join(r.ruleIds),
          join(r.services),
          join(r.purposes),
        ]),
  );
}

/** The rows under FIREWALL_OBJECT_COLUMNS: each firewall's address objects, then its services. */
export function firewallObjectRows(zones: ReportZones): string[][] {
  return zones.firewalls.flatMap((f) => [
    ...f.addressObjects.map((o) => [
      f.name,
      o.name,
      'address',
      o.zone,
      join(o.roles),
      join(o.addresses),
    ]),
    ...f.serviceObjects.map((o) => [f.name, o.name, 'service', '', '', `${o.protocol} ${o.ports}`]),
  ]);
}
