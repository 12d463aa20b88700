/**
 * The places of a plan that hold exactly one host: the console, the integrations' servers
 * (Access Analyzer, SIEM, Threat Manager) and the deployment hosts (network proxy, archive
 * share server). A catalog role of kind "plan-host" names its place (Role.planHost); the host
 * registry, the plan checks and the report read every place through this one table, so a new
 * place is one row here plus its plan field.
 */
import type { HostOs, PlanHostSlot } from '@/core/catalog/model';

import type { HostEntry, Plan } from './model';

export interface PlanHostPlace {
  slot: PlanHostSlot;
  /** Where it sits in the plan: at the top (the console), plan.integrations or plan.deployment. */
  section: 'top' | 'integrations' | 'deployment';
  /** Path of its host fields in the plan, e.g. "integrations.siem" (+ ".address"). */
  path: string;
  /** Words for messages: 'the SIEM server "Splunk"'. */
  what: (name: string) => string;
  /** Stable key of its host in the host scripts, e.g. "siem". */
  key: string;
  /** Order among hosts sharing one address: the first place names the host. */
  rank: number;
  /**
   * The operating system, where the product fixes it (the console is a Windows server); the
   * integration servers, the proxy and the archive share server are not ours to script.
   */
  os?: HostOs;
}

export const PLAN_HOST_PLACES: readonly PlanHostPlace[] = [
  {
    slot: 'console',
    section: 'top',
    path: 'console',
    what: (name) => `the console "${name}"`,
    key: 'console',
    rank: 0,
    os: 'windows',
  },
  {
    slot: 'accessAnalyzer',
    section: 'integrations',
    path: 'integrations.accessAnalyzer',
    what: (name) => `the Access Analyzer server "${name}"`,
    key: 'access-analyzer',
    rank: 4,
  },
  {
    slot: 'siem',
    section: 'integrations',
    path: 'integrations.siem',
    what: (name) => `the SIEM server "${name}"`,
    key: 'siem',
    rank: 4,
  },
  {
    slot: 'threatManager',
    section: 'integrations',
    path: 'integrations.threatManager',
    what: (name) => `the Threat Manager server "${name}"`,
    key: 'threat-manager',
    rank: 4,
  },
  {
    slot: 'proxy',
    section: 'deployment',
    path: 'deployment.proxy',
    what: (name) => `the network proxy "${name}"`,
    key: 'proxy',
    rank: 5,
  },
  {
    slot: 'archive',
    section: 'deployment',
    path: 'deployment.archive',
    what: (name) => `the archive share server "${name}"`,
    key: 'archive',
    rank: 5,
  },
];

const BY_SLOT = new Map(PLAN_HOST_PLACES.map((p) => [p.slot, p]));

export function planHostPlace(slot: PlanHostSlot): PlanHostPlace {
  const place = BY_SLOT.get(slot);
  if (!place) throw new Error(`unknown plan host place "${slot}"`);
  return place;
}

/** The host a place holds, or undefined when the place is switched off in the plan. */
export function planHostEntry(plan: Plan, slot: PlanHostSlot): HostEntry | undefined {
  switch (slot) {
    case 'console':
      return plan.console;
    case 'accessAnalyzer':
    case 'siem':
    case 'threatManager': {
      const entry = plan.integrations[slot];
      return entry.enabled ? entry : undefined;
    }
    case 'proxy':
    case 'archive': {
      const entry = plan.deployment[slot];
      return entry.enabled ? entry : undefined;
    }
  }
}

/**
 * The Microsoft tenant the plan's device at `index` (a cloud service) reaches, and the plan field
 * that holds it: the device's own tenant when it names another one, else the plan's
 * `microsoftTenant` (entered once per plan since plan format 3).
 */
export function deviceTenant(
  plan: Pick<Plan, 'microsoftTenant' | 'devices'>,
  index: number,
): { tenant: string; field: string } {
  const own = plan.devices[index]?.tenant ?? '';
  if (own.trim() !== '') return { tenant: own, field: `devices.${index}.tenant` };
  return { tenant: plan.microsoftTenant, field: 'microsoftTenant' };
}
