/**
 * The network zones as plan checks (issue 16): the checks of core/zones (an address in no zone,
 * overlapping zones, no path or several paths between two zones a flow needs, a firewall with one
 * interface, a reserved or duplicate id...) with the plan field to fix, for "Go to field":
 *
 * - a zone: `network.zones.N.cidrs.M` (one of its blocks) or `network.zones.N.name`;
 * - a firewall: `network.firewalls.N.interfaces.M` (one of its interfaces) or
 *   `network.firewalls.N.name`;
 * - an address of the plan: the field of the host that holds it (`agents.0.address`,
 *   `devices.3.addresses.1`...);
 * - a zone chosen by hand: `network.assignments.N`;
 * - two zones: the path chosen for them (`network.preferredPaths.N`), else the paths
 *   (`network.preferredPaths`) for several paths and the firewalls (`network.firewalls`) for none.
 *
 * With no zone and no firewall (an empty network) the analysis does not run: the plan resolves
 * exactly as without zones, and only a stray hand-chosen zone or path is reported.
 */
import type { Plan } from '@/core/plan/model';
import { addressKey } from '@/core/validate/validate-address';
import { analyzeZones, modelChecks } from '@/core/zones/analyze';
import type { ZoneCheck, ZoneCheckTarget, ZoneModel } from '@/core/zones/model';
import { isZoneModelEmpty } from '@/core/zones/model';

import type { HostContribution } from './hosts';
import type { PlanCheck, ResolvedRule } from './model';

/** The index of the n-th (0: first) element with `id`, or -1. */
function indexOf(list: readonly { id: string }[], id: string, nth = 0): number {
  let seen = 0;
  for (let i = 0; i < list.length; i += 1) {
    if (list[i]?.id !== id) continue;
    if (seen === nth) return i;
    seen += 1;
  }
  return -1;
}

/** Checks about an id used twice point at the second element (the one to rename or remove). */
const DUPLICATE_CODES: ReadonlySet<string> = new Set([
  'zone-duplicate-id',
  'firewall-duplicate-id',
  'interface-duplicate-id',
]);

/** The plan field a zone check points at. */
export function zoneCheckField(
  network: ZoneModel,
  check: Pick<ZoneCheck, 'code'> & { target: ZoneCheckTarget },
  contributions: readonly HostContribution[],
): string {
  const { target } = check;
  const nth = DUPLICATE_CODES.has(check.code) ? 1 : 0;
  switch (target.kind) {
    case 'zone': {
      const n = indexOf(network.zones, target.zoneId, nth);
      if (n < 0) return 'network.zones';
      const zone = network.zones[n];
      if (target.cidr === undefined || !zone) return `network.zones.${n}.name`;
      const m = zone.cidrs.indexOf(target.cidr);
      return m < 0 ? `network.zones.${n}.cidrs` : `network.zones.${n}.cidrs.${m}`;
    }
    case 'firewall': {
      const n = indexOf(
        network.firewalls,
        target.firewallId,
        check.code === 'firewall-duplicate-id' ? 1 : 0,
      );
      if (n < 0) return 'network.firewalls';
      const firewall = network.firewalls[n];
      if (target.interfaceId === undefined || !firewall) return `network.firewalls.${n}.name`;
      const m = indexOf(
        firewall.interfaces,
        target.interfaceId,
        check.code === 'interface-duplicate-id' ? 1 : 0,
      );
      return m < 0 ? `network.firewalls.${n}.name` : `network.firewalls.${n}.interfaces.${m}`;
    }
    case 'address': {
      const key = addressKey(target.address);
      const holder = contributions
        .filter((c) => c.address !== '' && addressKey(c.address) === key)
        .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))[0];
      return holder?.field ?? 'network.assignments';
    }
    case 'assignment': {
      const key = addressKey(target.address);
      const n = network.assignments.findIndex((a) => addressKey(a.address) === key);
      return n < 0 ? 'network.assignments' : `network.assignments.${n}`;
    }
    case 'zone-pair': {
      const n = network.preferredPaths.findIndex(
        (p) =>
          (p.from === target.from && p.to === target.to) ||
          (p.from === target.to && p.to === target.from),
      );
      if (n >= 0) return `network.preferredPaths.${n}`;
      return check.code === 'no-path' ? 'network.firewalls' : 'network.preferredPaths';
    }
  }
}

/** "… its zone." and "agents.0.address" → "… its zone (agents.0.address)." (made plain later). */
function withField(message: string, field: string): string {
  return `${message.replace(/\.$/, '')} (${field}).`;
}

/**
 * The plan checks of the network, unsorted and with the field paths still in the messages (the
 * caller makes them plain and sorts them with the others). [] for an empty network.
 */
export function networkChecks(
  plan: Plan,
  rules: readonly ResolvedRule[],
  contributions: readonly HostContribution[],
): PlanCheck[] {
  const network = plan.network;
  const empty =
    network.zones.length === 0 &&
    network.firewalls.length === 0 &&
    network.assignments.length === 0 &&
    network.preferredPaths.length === 0;
  if (empty) return [];
  const checks = isZoneModelEmpty(network)
    ? modelChecks(network)
    : analyzeZones(network, rules).checks;
  return checks.map((check) => {
    const field = zoneCheckField(network, check, contributions);
    return {
      code: check.code,
      severity: check.severity,
      message: withField(check.message, field),
      field,
    };
  });
}
