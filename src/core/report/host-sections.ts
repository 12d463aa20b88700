/**
 * Per-host sections of the report: each host of the resolved rules with what it must allow
 * inbound (rules where it is a destination) and outbound (rules where it is a source).
 */
import type { Catalog } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';
import { planHostPlace } from '@/core/plan/plan-hosts';
import { buildHostViews } from '@/core/resolve/host-views';
import { hostIdentity } from '@/core/resolve/hosts';
import type { HostRef, ResolvedHost, ResolvedRule, Resolution } from '@/core/resolve/model';

import { hostKinds } from './host-kind';
import type { ReportFqdn, ReportHost, ReportHostRule, ReportPeer } from './model';

function safeKey(text: string): string {
  const key = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return key || 'host';
}

function baseKey(ref: HostRef): string {
  switch (ref.kind) {
    case 'plan-host':
      return planHostPlace(ref.slot).key;
    case 'agent-server':
      return safeKey(ref.agentId);
    case 'device':
      return safeKey(ref.deviceId);
    case 'helper':
      return safeKey(`${ref.role}-${ref.deviceId}`);
    case 'cloud':
      return safeKey(ref.key.replace(/^\*\./, 'any-'));
  }
}

/** What a report says of a cloud endpoint; undefined for other hosts. */
export function reportFqdn(host: ResolvedHost): ReportFqdn | undefined {
  if (!host.cloud) return undefined;
  const { pattern, wildcard, m365EndpointSet, serviceTag } = host.cloud;
  return {
    pattern,
    wildcard,
    ...(m365EndpointSet !== undefined ? { m365EndpointSet } : {}),
    ...(serviceTag !== undefined ? { serviceTag } : {}),
  };
}

function environmentsOf(rule: ResolvedRule): string {
  return [...new Set(rule.reasons.map((r) => r.environmentName))].join('; ');
}

/**
 * The per-host sections, from buildHostViews (same host identity and order as the review
 * step: one host per address, else per plan element), with stable keys for the scripts.
 */
export function buildHostSections(
  resolution: Resolution,
  plan: Plan,
  catalog: Catalog,
): ReportHost[] {
  const kindOf = hostKinds(plan, catalog);
  const views = buildHostViews(resolution);

  const keys = new Map<string, string>();
  const taken = new Set<string>();
  for (const { host } of views) {
    const base = baseKey(host.ref);
    let key = base;
    for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
    taken.add(key);
    keys.set(hostIdentity(host), key);
  }

  const peer = (h: ResolvedHost): ReportPeer => {
    const fqdn = reportFqdn(h);
    return {
      hostKey: keys.get(hostIdentity(h)) ?? '',
      label: h.label,
      address: h.address,
      kind: kindOf(h).kind,
      ...(fqdn ? { fqdn } : {}),
      ...(h.invalid ? { invalid: h.invalid.message } : {}),
    };
  };

  const hostRule = (rule: ResolvedRule, direction: 'inbound' | 'outbound'): ReportHostRule => {
    const other = direction === 'inbound' ? rule.source : rule.destination;
    return {
      ruleKey: rule.key,
      ruleId: rule.id,
      peerRole: other.roleName,
      peers: other.hosts.map(peer),
      transport: rule.transport,
      ports: rule.ports.map((p) => ({ ...p })),
      portsText: rule.portsText,
      service: rule.service,
      description: rule.description,
      environment: environmentsOf(rule),
      problems: (rule.problems ?? []).map((p) => p.message),
    };
  };

  return views.map((view) => {
    const fqdn = reportFqdn(view.host);
    const { os, kind } = kindOf(view.host);
    return {
      key: keys.get(hostIdentity(view.host)) ?? 'host',
      identity: hostIdentity(view.host),
      label: view.host.label,
      address: view.host.address,
      addresses: view.host.address && !view.host.invalid ? [view.host.address] : [],
      ...(view.host.invalid ? { invalid: view.host.invalid.message } : {}),
      roleNames: [
        ...new Set([
          ...view.inbound.map((r) => r.destination.roleName),
          ...view.outbound.map((r) => r.source.roleName),
        ]),
      ],
      windows: os === 'windows',
      os,
      kind,
      ...(fqdn ? { fqdn } : {}),
      inbound: view.inbound.map((r) => hostRule(r, 'inbound')),
      outbound: view.outbound.map((r) => hostRule(r, 'outbound')),
    };
  });
}
