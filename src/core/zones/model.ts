/**
 * Network zones and the firewalls between them (issue 16): the model the per-firewall rule sets
 * are computed from. Pure data, held by the plan since format 5 (`plan.network`). With no zones
 * and no firewalls the planner behaves exactly as without this module.
 */
import type { CheckSeverity } from '@/core/resolve/model';

/** The id of the built-in zone of the Microsoft cloud's FQDN destinations. */
export const INTERNET_ZONE_ID = 'internet';
export const INTERNET_ZONE_NAME = 'Internet';

/** A named network segment: one or more CIDR blocks (IPv4 and IPv6). */
export interface Zone {
  id: string;
  name: string;
  cidrs: string[];
}

export type FirewallKind = 'panos' | 'fortios' | 'asa' | 'nftables' | 'other';

export const FIREWALL_KIND_LABELS: Record<FirewallKind, string> = {
  panos: 'PAN-OS',
  fortios: 'FortiOS',
  asa: 'Cisco ASA',
  nftables: 'nftables/Linux',
  other: 'Other',
};

/**
 * An interface of a firewall, attached to one zone or to a list of zones behind it. Zones behind
 * one interface reach each other without crossing that firewall (through a router the model does
 * not show).
 */
export interface FirewallInterface {
  id: string;
  name: string;
  zones: string[];
}

export interface Firewall {
  id: string;
  name: string;
  kind: FirewallKind;
  interfaces: FirewallInterface[];
}

/** A zone chosen by hand for an address that no zone's CIDR holds (a host known only by name). */
export interface ZoneAssignment {
  /** The host's address as the plan has it (compared by addressKey: case, trailing dot). */
  address: string;
  zoneId: string;
}

/**
 * The path to take between two zones when there is more than one: the firewalls in order from
 * `from` to `to`. It serves the reverse direction too (reversed) unless that one is named too.
 */
export interface PreferredPath {
  from: string;
  to: string;
  firewalls: string[];
}

export interface ZoneModel {
  /** The zones the user defined; the Internet zone is built in and never listed here. */
  zones: Zone[];
  firewalls: Firewall[];
  assignments: ZoneAssignment[];
  preferredPaths: PreferredPath[];
}

export function emptyZoneModel(): ZoneModel {
  return { zones: [], firewalls: [], assignments: [], preferredPaths: [] };
}

/** No zones and no firewalls: the planner behaves as without zones. */
export function isZoneModelEmpty(model: ZoneModel): boolean {
  return model.zones.length === 0 && model.firewalls.length === 0;
}

/** What a zone check points at; core/resolve/network-checks.ts makes it a plan field. */
export type ZoneCheckTarget =
  | { kind: 'zone'; zoneId: string; cidr?: string }
  | { kind: 'firewall'; firewallId: string; interfaceId?: string }
  | { kind: 'address'; address: string }
  | { kind: 'assignment'; address: string }
  | { kind: 'zone-pair'; from: string; to: string };

export interface ZoneCheck {
  /** Stable id of the kind of check, e.g. "address-no-zone". */
  code: string;
  severity: CheckSeverity;
  message: string;
  target: ZoneCheckTarget;
}
