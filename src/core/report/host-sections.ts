/**
 * Per-host sections of the report: each host of the resolved rules with what it must allow
 * inbound (rules where it is a destination) and outbound (rules where it is a source).
 */
import type { Catalog, WindowsRuleGroup } from '@/core/catalog/model';
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
    case 'cee-server':
      return safeKey(ref.ceeId);
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

/**
 * The Windows Firewall predefined rule group that opens the whole rule (the WMI group), from the
 * catalog rules behind it: every one of them opens nothing but one named port set of that group
 * (PortItem.windowsRuleGroup). Undefined when any reason opens other ports (a merged flow), or a
 * reason's catalog rule is not found: then the script opens the ports with a rule of its own.
 */
export function windowsRuleGroupOf(
  rule: ResolvedRule,
  catalog: Pick<Catalog, 'rules'>,
): WindowsRuleGroup | undefined {
  let found: WindowsRuleGroup | undefined;
  for (const reason of rule.reasons) {
    const ports = catalog.rules.find((r) => r.id === reason.ruleId)?.ports ?? [];
    if (ports.length === 0) return undefined;
    for (const item of ports) {
      const group = item.kind === 'named' ? item.windowsRuleGroup : undefined;
      if (!group || (found && found.group !== group.group)) return undefined;
      found = group;
    }
  }
  return found;
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
    const group = windowsRuleGroupOf(rule, catalog);
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
      ...(group ? { windowsRuleGroup: { ...group } } : {}),
    };
  };

  return views.map((view) => {
    const fqdn = reportFqdn(view.host);
    const { os, kind, firewall } = kindOf(view.host);
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
      firewall,
      ...(fqdn ? { fqdn } : {}),
      inbound: view.inbound.map((r) => hostRule(r, 'inbound')),
      outbound: view.outbound.map((r) => hostRule(r, 'outbound')),
    };
  });
}
