/**
 * Atomic flows: the plan's rules as a firewall manager imports them, one flow per
 * (source address × destination address × protocol × port or range). Only flows a firewall can
 * be given as they are: a rule with problems (an invalid port, option or address of the plan),
 * a host without an address or with an invalid one, and a cloud tenant (a name, not an address
 * a firewall filters on) give no flow; `omitted` says how many of each, so a sheet can say so.
 */
import type { ResolvedHost, ResolvedRule, Resolution } from '@/core/resolve/model';
import { ruleProblems } from '@/core/resolve/model';

import { ruleConditions, ruleReferences } from './rule-text';

export interface AtomicFlow {
  ruleId: string;
  sourceName: string;
  sourceAddress: string;
  destinationName: string;
  destinationAddress: string;
  protocol: string;
  /** One port ("4498") or one range ("49152-65535"). */
  ports: string;
  service: string;
  /** One line: the rule's description. */
  purpose: string;
  basis: string;
  condition: string;
  reference: string;
}

export interface AtomicFlows {
  flows: AtomicFlow[];
  omitted: {
    /** Rules that are not ready (an invalid value of the plan): none of their flows. */
    notReadyRules: string[];
    /** Rules with at least one host whose address is missing or invalid (its flows only). */
    hostsWithoutAddress: string[];
    /** Rules to a cloud tenant: a name, not an address a firewall filters on. */
    tenantRules: string[];
  };
}

function usable(host: ResolvedHost, tenant: boolean): boolean {
  return !tenant && host.address.trim() !== '' && !host.invalid;
}

/** The rule's atomic flows, in host order and then port order. */
function flowsOf(rule: ResolvedRule, tenants: ReadonlySet<string>): AtomicFlow[] {
  const condition = ruleConditions(rule).join('; ');
  const reference = ruleReferences(rule).join(' ');
  const purpose = rule.description.replace(/\s+/g, ' ').trim();
  const basis = rule.basis;
  const sources = rule.source.hosts.filter((h) => usable(h, tenants.has(h.address)));
  const destinations = rule.destination.hosts.filter((h) => usable(h, tenants.has(h.address)));
  const out: AtomicFlow[] = [];
  for (const source of sources) {
    for (const destination of destinations) {
      for (const range of rule.ports) {
        out.push({
          ruleId: rule.id,
          sourceName: source.label,
          sourceAddress: source.address,
          destinationName: destination.label,
          destinationAddress: destination.address,
          protocol: rule.transport,
          ports: range.from === range.to ? String(range.from) : `${range.from}-${range.to}`,
          service: rule.service,
          purpose,
          basis,
          condition,
          reference,
        });
      }
    }
  }
  return out;
}

/**
 * The resolution's atomic flows. `tenantAddresses`: the addresses that name a cloud tenant
 * rather than a host (from the report's host sections), never written as an address.
 */
export function atomicFlows(
  resolution: Resolution,
  tenantAddresses: ReadonlySet<string> = new Set(),
): AtomicFlows {
  const flows: AtomicFlow[] = [];
  const notReadyRules: string[] = [];
  const hostsWithoutAddress: string[] = [];
  const tenantRules: string[] = [];
  for (const rule of resolution.rules) {
    if ((rule.problems ?? []).length > 0) {
      notReadyRules.push(rule.id);
      continue;
    }
    const hosts = [...rule.source.hosts, ...rule.destination.hosts];
    if (ruleProblems(rule).length > 0 || hosts.some((h) => h.address.trim() === '')) {
      hostsWithoutAddress.push(rule.id);
    }
    if (hosts.some((h) => tenantAddresses.has(h.address))) tenantRules.push(rule.id);
    flows.push(...flowsOf(rule, tenantAddresses));
  }
  return { flows, omitted: { notReadyRules, hostsWithoutAddress, tenantRules } };
}
