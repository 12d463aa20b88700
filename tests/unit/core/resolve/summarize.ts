/** Compact text forms of resolved rules for assertions. */
import type { ResolvedEndpoint, ResolvedRule, Resolution } from '@/core/resolve/model';

export function endpointText(endpoint: ResolvedEndpoint): string {
  return endpoint.hosts
    .map((h) => (h.address ? `${h.label}@${h.address}` : `${h.label}@<${endpoint.roleName}>`))
    .join(' + ');
}

/** "Console@10.0.0.10 -> Agent server 1@10.1.0.2 TCP 4498" */
export function flowText(rule: ResolvedRule): string {
  return `${endpointText(rule.source)} -> ${endpointText(rule.destination)} ${rule.transport} ${rule.portsText}`;
}

export function flows(resolution: Resolution): string[] {
  return resolution.rules.map(flowText);
}

export function ruleIds(resolution: Resolution): string[] {
  return [...new Set(resolution.rules.flatMap((r) => r.reasons.map((x) => x.ruleId)))].sort();
}

export function checkCodes(resolution: Resolution): string[] {
  return resolution.checks.map((c) => `${c.code}@${c.field}`);
}
