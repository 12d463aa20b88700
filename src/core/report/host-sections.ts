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

import type { ReportFqdn, ReportHost, ReportHostOs, ReportHostRule, ReportPeer } from './model';

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

interface HostContext {
  plan: Plan;
  catalog: Catalog;
}

function deviceEnvironment(ctx: HostContext, deviceId: string) {
  const device = ctx.plan.devices.find((d) => d.id === deviceId);
  return device ? ctx.catalog.environments.find((e) => e.id === device.environment) : undefined;
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

/** The operating system of a host, where the catalog knows it (else not ours to script). */
function hostOs(ctx: HostContext, ref: HostRef): ReportHostOs {
  switch (ref.kind) {
    case 'plan-host':
      return planHostPlace(ref.slot).os ?? 'other';
    case 'agent-server':
      // An Activity Agent Server is a Windows server.
      return 'windows';
    case 'device': {
      const environment = deviceEnvironment(ctx, ref.deviceId);
      return environment?.agentMode === 'local' && environment.hostOs
        ? environment.hostOs
        : 'other';
    }
    case 'helper':
      return ctx.catalog.roles.find((r) => r.id === ref.role)?.hostOs ?? 'other';
    case 'cloud':
      return 'other';
  }
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
  const ctx: HostContext = { plan, catalog };
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
      kind: fqdn ? 'fqdn' : 'host',
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
    return {
      key: keys.get(hostIdentity(view.host)) ?? 'host',
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
      windows: hostOs(ctx, view.host.ref) === 'windows',
      os: hostOs(ctx, view.host.ref),
      kind: fqdn ? 'fqdn' : 'host',
      ...(fqdn ? { fqdn } : {}),
      inbound: view.inbound.map((r) => hostRule(r, 'inbound')),
      outbound: view.outbound.map((r) => hostRule(r, 'outbound')),
    };
  });
}
