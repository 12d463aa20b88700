/**
 * Atomic flows: the plan's rules as a firewall manager imports them, one flow per
 * (source address × destination address × protocol × port or range). Only flows a firewall can
 * be given as they are: a rule with problems (an invalid port, option or address of the plan) and
 * a host without an address or with an invalid one (a cloud FQDN still waiting for the tenant
 * included) give no flow; `omitted` says which, so a sheet can say so. A host to itself gives no
 * flow either (toItself). A Microsoft cloud
 * destination is its FQDN (a wildcard kept as `*.`), with its endpoint set ID and service tag.
 */
import type { ResolvedHost, ResolvedRule, Resolution } from '@/core/resolve/model';
import { ruleProblems } from '@/core/resolve/model';

import { ruleConditions, ruleReferences, unique } from './rule-text';

export interface AtomicFlow {
  ruleId: string;
  sourceName: string;
  sourceAddress: string;
  destinationName: string;
  destinationAddress: string;
  /** A Microsoft cloud destination: the ID of the Microsoft 365 endpoint set naming the FQDN. */
  m365EndpointSet: string;
  /** A Microsoft cloud destination: the Azure service tag of the FQDN. */
  serviceTag: string;
  protocol: string;
  /** One port ("4498") or one range ("49152-65535"). */
  ports: string;
  service: string;
  /** One line: the rule's description. */
  purpose: string;
  basis: string;
  condition: string;
  reference: string;
  /** The zone of each end (core/report/zones.ts): only in the report of a plan with zones. */
  sourceZone?: string;
  destinationZone?: string;
}

export interface AtomicFlows {
  flows: AtomicFlow[];
  omitted: {
    /** Rules that are not ready (an invalid value of the plan): none of their flows. */
    notReadyRules: string[];
    /** Rules with at least one host whose address is missing or invalid (its flows only). */
    hostsWithoutAddress: string[];
  };
}

function usable(host: ResolvedHost): boolean {
  return host.address.trim() !== '' && !host.invalid;
}

/**
 * Whether a flow from `source` to `destination` goes from one host to itself: the same single
 * address at both ends (a CIDR block or a range at both ends is many hosts talking to each
 * other, which stays). Such a flow never leaves the host, so no firewall is given it: the mesh
 * rules ("the API server of an agent connects to the other agents") list every agent host at
 * both ends, and "the other" means each host to every host but itself.
 */
function toItself(source: ResolvedHost, destination: ResolvedHost): boolean {
  const address = source.address.trim();
  return address === destination.address.trim() && !/[/-]/.test(address);
}

/** The rule's atomic flows, in host order and then port order. */
function flowsOf(rule: ResolvedRule): AtomicFlow[] {
  const condition = ruleConditions(rule).join('; ');
  const reference = ruleReferences(rule).join(' ');
  const purpose = rule.description.replace(/\s+/g, ' ').trim();
  const basis = rule.basis;
  const sources = rule.source.hosts.filter(usable);
  const destinations = rule.destination.hosts.filter(usable);
  const out: AtomicFlow[] = [];
  for (const source of sources) {
    for (const destination of destinations) {
      if (toItself(source, destination)) continue;
      for (const range of rule.ports) {
        out.push({
          ruleId: rule.id,
          sourceName: source.label,
          sourceAddress: source.address,
          destinationName: destination.label,
          destinationAddress: destination.address,
          m365EndpointSet: String(destination.cloud?.m365EndpointSet ?? ''),
          serviceTag: destination.cloud?.serviceTag ?? '',
          protocol: rule.transport,
          ports: range.from === range.to ? String(range.from) : `${range.from}-${range.to}`,
          service: rule.service,
          purpose,
          basis,
          condition,
          reference: destination.cloud
            ? unique([reference, ...destination.cloud.sources.map((c) => c.url)]).join(' ')
            : reference,
        });
      }
    }
  }
  return out;
}

/** The resolution's atomic flows. */
export function atomicFlows(resolution: Resolution): AtomicFlows {
  const flows: AtomicFlow[] = [];
  const notReadyRules: string[] = [];
  const hostsWithoutAddress: string[] = [];
  for (const rule of resolution.rules) {
    if ((rule.problems ?? []).length > 0) {
      notReadyRules.push(rule.id);
      continue;
    }
    const hosts = [...rule.source.hosts, ...rule.destination.hosts];
    if (ruleProblems(rule).length > 0 || hosts.some((h) => h.address.trim() === '')) {
      hostsWithoutAddress.push(rule.id);
    }
    // One at a time: a rule of a large plan has more flows than a call may take arguments
    // (`push(...flows)` threw "Maximum call stack size exceeded" at 2,000 devices).
    for (const flow of flowsOf(rule)) flows.push(flow);
  }
  return { flows, omitted: { notReadyRules, hostsWithoutAddress } };
}
