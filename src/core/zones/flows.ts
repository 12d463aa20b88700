/**
 * The flows a network firewall may be asked to open: the resolved rules, one flow per
 * (source host × destination host), with the rule's protocol and port ranges. The same flows as
 * the import CSV (core/report/flows.ts) before it splits the port ranges: a rule with problems
 * gives none, nor a host whose address is missing or invalid.
 */
import type { ResolvedHost, ResolvedRule } from '@/core/resolve/model';

export interface ZonePortRange {
  from: number;
  to: number;
}

export interface ZoneFlow {
  /** The rule's ID ("R01"). */
  ruleId: string;
  sourceLabel: string;
  sourceAddress: string;
  /** The source endpoint's role names ("Activity Agent Server"). */
  sourceRoles: string[];
  /** The source is a Microsoft cloud FQDN (the Internet zone). */
  sourceCloud: boolean;
  destinationLabel: string;
  destinationAddress: string;
  destinationRoles: string[];
  /** The destination is a Microsoft cloud FQDN (the Internet zone). */
  destinationCloud: boolean;
  protocol: string;
  ports: ZonePortRange[];
  /** The rule's services ("SMB / RPC"). */
  service: string;
  /** The rule's description on one line. */
  purpose: string;
}

function usable(host: ResolvedHost): boolean {
  return host.address.trim() !== '' && !host.invalid;
}

/** The rules' flows, in rule order, then source and destination host order. */
export function zoneFlows(rules: readonly ResolvedRule[]): ZoneFlow[] {
  const out: ZoneFlow[] = [];
  for (const rule of rules) {
    if ((rule.problems ?? []).length > 0 || rule.ports.length === 0) continue;
    const purpose = rule.description.replace(/\s+/g, ' ').trim();
    for (const source of rule.source.hosts.filter(usable)) {
      for (const destination of rule.destination.hosts.filter(usable)) {
        out.push({
          ruleId: rule.id,
          sourceLabel: source.label,
          sourceAddress: source.address,
          sourceRoles: [...rule.source.roleNames],
          sourceCloud: source.cloud !== undefined,
          destinationLabel: destination.label,
          destinationAddress: destination.address,
          destinationRoles: [...rule.destination.roleNames],
          destinationCloud: destination.cloud !== undefined,
          protocol: rule.transport,
          ports: rule.ports.map((p) => ({ from: p.from, to: p.to })),
          service: rule.service,
          purpose,
        });
      }
    }
  }
  return out;
}
