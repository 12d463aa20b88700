/**
 * What the Devices step offers: the catalog's device environments of the plan's version,
 * grouped and searchable, and the plan's devices that no longer fit.
 */
import type {
  AmVersion,
  Catalog,
  Environment,
  EnvironmentGroup,
  EnvironmentId,
} from '@/core/catalog/model';
import { ENVIRONMENT_GROUP_LABELS } from '@/core/catalog/model';
import type { Device, Plan } from '@/core/plan/model';

/** Groups offered as devices, in the order the wizard shows them. */
export const DEVICE_GROUPS = ['nas', 'microsoft-cloud', 'database', 'agent-host'] as const;
export type DeviceGroup = (typeof DEVICE_GROUPS)[number];

export interface EnvironmentGroupView {
  group: DeviceGroup;
  label: string;
  environments: Environment[];
}

export function isDeviceGroup(group: EnvironmentGroup): group is DeviceGroup {
  return (DEVICE_GROUPS as readonly string[]).includes(group);
}

/** Environments a user can choose as devices for an Activity Monitor version. */
export function deviceEnvironments(catalog: Catalog, version: AmVersion): Environment[] {
  return catalog.environments.filter((e) => isDeviceGroup(e.group) && e.versions.includes(version));
}

function normalize(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** True when every word of the query occurs in the environment's name or one of its aliases. */
export function matchesQuery(environment: Environment, query: string): boolean {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalize([environment.name, ...environment.aliases].join(' '));
  return words.every((w) => haystack.includes(w));
}

/** Device environments grouped for display, filtered by a search query; empty groups are left out. */
export function groupEnvironments(
  environments: readonly Environment[],
  query = '',
): EnvironmentGroupView[] {
  return DEVICE_GROUPS.map((group) => ({
    group,
    label: ENVIRONMENT_GROUP_LABELS[group],
    environments: environments.filter((e) => e.group === group && matchesQuery(e, query)),
  })).filter((g) => g.environments.length > 0);
}

/** Devices of the plan whose environment is unknown or not available in the plan's version. */
export function unavailableDevices(plan: Plan, catalog: Catalog): Device[] {
  const available = new Set(deviceEnvironments(catalog, plan.amVersion).map((e) => e.id));
  return plan.devices.filter((d) => !available.has(d.environment));
}

/** Environment ids with at least one device in the plan, in catalog order. */
export function tickedEnvironments(plan: Plan, catalog: Catalog): Environment[] {
  const used = new Set(plan.devices.map((d) => d.environment));
  return catalog.environments.filter((e) => used.has(e.id));
}

export function devicesOf(plan: Plan, environment: EnvironmentId): Device[] {
  return plan.devices.filter((d) => d.environment === environment);
}

/** A display name for a new device: the environment's name, numbered when already taken. */
export function newDeviceName(plan: Plan, environment: Environment): string {
  const taken = new Set(plan.devices.map((d) => d.name));
  if (!taken.has(environment.name)) return environment.name;
  let n = 2;
  while (taken.has(`${environment.name} ${n}`)) n += 1;
  return `${environment.name} ${n}`;
}
