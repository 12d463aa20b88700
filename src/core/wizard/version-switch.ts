/**
 * Switching the plan's Activity Monitor version: what the plan holds that the target version
 * does not have (devices of environments it does not support, integrations such as Access
 * Analyzer 26 that need 10.0), so the wizard can ask before switching, and the plan with those
 * removed, in one change.
 */
import type { AmVersion, Catalog, Environment } from '@/core/catalog/model';
import type { Device, Integrations, Plan } from '@/core/plan/model';

import { unavailableDevices } from './devices';
import { integrationsUnavailable } from './plan-host-roles';

export interface VersionSwitchLosses {
  /** Devices whose environment the target version does not support. */
  devices: Device[];
  /** Integrations in use that the target version does not have. */
  integrations: Environment[];
}

/**
 * What switching `plan` to `target` would newly leave out of the rules (nothing: both lists
 * empty). Devices the current version already leaves out are not counted again.
 */
export function versionSwitchLosses(
  plan: Plan,
  catalog: Catalog,
  target: AmVersion,
): VersionSwitchLosses {
  // Only what the switch takes away: what the current version already leaves out stays as is.
  const staleDevices = new Set(unavailableDevices(plan, catalog).map((d) => d.id));
  const staleIntegrations = new Set(integrationsUnavailable(plan, catalog).map((e) => e.id));
  const switched = { ...plan, amVersion: target };
  return {
    devices: unavailableDevices(switched, catalog).filter((d) => !staleDevices.has(d.id)),
    integrations: integrationsUnavailable(switched, catalog).filter(
      (e) => !staleIntegrations.has(e.id),
    ),
  };
}

export function hasLosses(losses: VersionSwitchLosses): boolean {
  return losses.devices.length > 0 || losses.integrations.length > 0;
}

/**
 * The plan switched to `target`, without the devices and integrations that version does not
 * have (an integration is switched off; its host stays, in case the user switches back on).
 */
export function switchVersionRemoving(plan: Plan, catalog: Catalog, target: AmVersion): Plan {
  const { devices, integrations } = versionSwitchLosses(plan, catalog, target);
  const dropped = new Set(devices.map((d) => d.id));
  let next: Integrations = plan.integrations;
  for (const environment of integrations) {
    const when = environment.inUseWhen;
    if (when?.kind !== 'integration') continue;
    const key = when.integration;
    if (!(key in next)) continue;
    const integration = key as keyof Integrations;
    next = { ...next, [integration]: { ...next[integration], enabled: false } };
  }
  return {
    ...plan,
    amVersion: target,
    devices: plan.devices.filter((d) => !dropped.has(d.id)),
    integrations: next,
  };
}
