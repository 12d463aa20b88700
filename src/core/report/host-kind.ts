/**
 * What kind of host a plan element is, as far as the catalog tells: its operating system, whether
 * it is a cloud endpoint (an FQDN), and whether it has a firewall of its own (a server) or not (a NAS
 * appliance, a management LIF, a cloud endpoint). The report's host sections, the review's
 * "By host" list and the export buttons read the same answers from here.
 */
import type { Catalog, EnvironmentGroup } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';
import { planHostOs } from '@/core/plan/plan-hosts';
import { hostIdentity } from '@/core/resolve/hosts';
import type { HostRef, ResolvedHost, Resolution } from '@/core/resolve/model';

import type { HostFirewall, ReportHost, ReportHostOs } from './model';

export type { HostFirewall };

/**
 * A device's host by its environment's group, where the environment runs no agent itself (a
 * local-agent environment's hosts are servers). A new group must be placed here (the Record makes
 * it a type error to forget).
 */
const DEVICE_GROUP_FIREWALL: Record<EnvironmentGroup, HostFirewall> = {
  core: 'own',
  'agent-host': 'own',
  nas: 'appliance',
  'microsoft-cloud': 'cloud',
  database: 'own',
  integration: 'own',
};

export interface HostKind {
  os: ReportHostOs;
  /** fqdn: a Microsoft cloud endpoint, a name rather than an address a host firewall filters on. */
  kind: 'host' | 'fqdn';
  firewall: HostFirewall;
}

/**
 * Each plan's devices by id, built once per plan (plans are immutable values): looking a device
 * up by scanning the list made the review of a 5,000-device plan quadratic (issue 18: 90 ms of
 * its step change).
 */
const devicesById = new WeakMap<Plan, ReadonlyMap<string, Plan['devices'][number]>>();

function deviceEnvironment(plan: Plan, catalog: Catalog, deviceId: string) {
  let byId = devicesById.get(plan);
  if (!byId) {
    const index = new Map<string, Plan['devices'][number]>();
    // The first device of an id, as a scan would find it.
    for (const d of plan.devices) if (!index.has(d.id)) index.set(d.id, d);
    byId = index;
    devicesById.set(plan, byId);
  }
  const device = byId.get(deviceId);
  return device ? catalog.environments.find((e) => e.id === device.environment) : undefined;
}

/** The kind of the host a plan element stands for (an unknown device counts as an appliance). */
export function hostKindOf(ref: HostRef, plan: Plan, catalog: Catalog): HostKind {
  switch (ref.kind) {
    case 'plan-host':
      // The console, the integration servers, the proxy and the archive share server: servers
      // the customer runs. The product fixes the OS of the consoles and of the Access Analyzer
      // (classic) console (Windows; plan-hosts.ts cites the pages).
      return { os: planHostOs(ref.slot, plan) ?? 'other', kind: 'host', firewall: 'own' };
    case 'agent-server':
      // An Activity Agent Server is a Windows server.
      return { os: 'windows', kind: 'host', firewall: 'own' };
    case 'device': {
      const environment = deviceEnvironment(plan, catalog, ref.deviceId);
      if (!environment) return { os: 'other', kind: 'host', firewall: 'appliance' };
      const local = environment.agentMode === 'local' && environment.hostOs;
      return {
        os: local ? (environment.hostOs ?? 'other') : 'other',
        kind: 'host',
        firewall: local ? 'own' : DEVICE_GROUP_FIREWALL[environment.group],
      };
    }
    case 'cloud':
      // A Microsoft cloud endpoint: an FQDN, filtered (if at all) on a proxy or perimeter firewall.
      return { os: 'other', kind: 'fqdn', firewall: 'cloud' };
    case 'cee-server': {
      // A CEE server is a server of its own; the plan says which OS it runs.
      const os = plan.ceeServers.find((c) => c.id === ref.ceeId)?.os;
      return { os: os ?? 'other', kind: 'host', firewall: 'own' };
    }
    case 'helper': {
      // A helper with a known OS is a server (a CEE server, SharePoint's SQL Server); one
      // without is an interface of its device (an ONTAP management LIF).
      const os = catalog.roles.find((r) => r.id === ref.role)?.hostOs;
      return { os: os ?? 'other', kind: 'host', firewall: os ? 'own' : 'appliance' };
    }
  }
}

/** hostKindOf for the hosts of one plan, cached per host element. */
export function hostKinds(plan: Plan, catalog: Catalog): (host: ResolvedHost) => HostKind {
  const cache = new Map<HostRef, HostKind>();
  return (host) => {
    let kind = cache.get(host.ref);
    if (!kind) {
      kind = hostKindOf(host.ref, plan, catalog);
      cache.set(host.ref, kind);
    }
    return kind;
  };
}

/**
 * The plan's hosts as the report lists them (each host of the resolved rules once; in no
 * particular order), with only what deciding whether an export applies needs. Cheaper than
 * the report's host sections: no identities, keys or per-host rule lists.
 */
export type HostFacts = Pick<ReportHost, 'os' | 'kind' | 'windows'> & {
  /** Whether the host is the source of a rule. */
  outbound: boolean;
};

export function buildHostFacts(resolution: Resolution, plan: Plan, catalog: Catalog): HostFacts[] {
  const kindOf = hostKinds(plan, catalog);
  // One entry per host identity, as in buildHostViews (the rules hold copies of their hosts).
  const facts = new Map<string, HostFacts>();
  const add = (host: ResolvedHost, outbound: boolean): void => {
    // A missing agent server is a placeholder, not a host (as in buildHostViews).
    if (host.ref.kind === 'agent-server' && host.ref.agentId === '' && host.address === '') return;
    const id = hostIdentity(host);
    const known = facts.get(id);
    if (known) {
      if (outbound) known.outbound = true;
      return;
    }
    const { os, kind } = kindOf(host);
    facts.set(id, { os, kind, windows: os === 'windows', outbound });
  };
  for (const rule of resolution.rules) {
    for (const host of rule.source.hosts) add(host, true);
    for (const host of rule.destination.hosts) add(host, false);
  }
  return [...facts.values()];
}
