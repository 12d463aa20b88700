/**
 * Which devices of a plan the resolver uses: known, choosable environments that the plan's
 * Activity Monitor version supports. The others only produce plan checks.
 */
import type { AmVersion, Catalog, Environment } from '@/core/catalog/model';
import type { Device, Plan } from '@/core/plan/model';

export type DeviceStatus = 'ok' | 'unknown-environment' | 'not-a-device' | 'unavailable';

/** Environment groups that are never devices (their rules apply once per plan). */
export const PLAN_WIDE_GROUPS: readonly Environment['group'][] = ['core', 'integration'];

export function deviceStatus(
  environment: Environment | undefined,
  amVersion: AmVersion,
): DeviceStatus {
  if (!environment) return 'unknown-environment';
  if (PLAN_WIDE_GROUPS.includes(environment.group)) return 'not-a-device';
  if (!environment.versions.includes(amVersion)) return 'unavailable';
  return 'ok';
}

export interface PlanDevice {
  device: Device;
  /** Index in plan.devices (for field paths). */
  index: number;
  environment: Environment;
}

/** Devices the resolver applies rules for, in plan order. */
export function usableDevices(plan: Plan, catalog: Catalog): PlanDevice[] {
  const environments = new Map(catalog.environments.map((e) => [e.id, e]));
  const out: PlanDevice[] = [];
  plan.devices.forEach((device, index) => {
    const environment = environments.get(device.environment);
    if (environment && deviceStatus(environment, plan.amVersion) === 'ok') {
      out.push({ device, index, environment });
    }
  });
  return out;
}
