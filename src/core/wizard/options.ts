/**
 * What the Options step asks: the catalog options of the plan's devices, and the global
 * port settings that some rule of the plan can use.
 */
import { findOption } from '@/core/catalog/catalog';
import type {
  Catalog,
  CatalogOption,
  Environment,
  EnvironmentId,
  OptionValue,
  PortSetting,
} from '@/core/catalog/model';
import type { Device, Plan } from '@/core/plan/model';
import { evaluateCondition } from '@/core/resolve/conditions';
import { keptElsewhere, optionDefault, optionPortSetting } from '@/core/resolve/plan-values';

export { isOptionRelevant } from '@/core/resolve/plan-values';

import { deviceEnvironments } from './devices';

export interface DeviceOptionsView {
  device: Device;
  environment: Environment;
  options: CatalogOption[];
}

/** Devices (available in the plan's version) whose environment reads at least one option. */
export function devicesNeedingOptions(plan: Plan, catalog: Catalog): DeviceOptionsView[] {
  const environments = new Map(deviceEnvironments(catalog, plan.amVersion).map((e) => [e.id, e]));
  const views: DeviceOptionsView[] = [];
  for (const device of plan.devices) {
    const environment = environments.get(device.environment);
    if (!environment) continue;
    const options = environment.options
      .map((id) => findOption(catalog, id))
      .filter((o): o is CatalogOption => o !== undefined);
    if (options.length > 0) views.push({ device, environment, options });
  }
  return views;
}

/**
 * What an option's field shows: the device's own value as typed (valid or not: the plan checks
 * report invalid ones), else the option's default. The value rules use is read by
 * core/resolve/plan-values.ts (readOption), never here.
 */
export function optionFieldValue(
  device: Device,
  option: CatalogOption,
  catalog: Catalog,
): OptionValue {
  const own = device.options[option.id];
  if (own !== undefined) return own;
  return optionDefault(catalog, option);
}

/** "HTTPS (443)", "on", "4496", "not set": the default as the wizard shows it. */
export function describeDefault(option: CatalogOption, catalog: Catalog): string {
  const value = optionDefault(catalog, option);
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (option.type === 'choice') {
    return option.choices?.find((c) => c.value === value)?.label ?? value;
  }
  return value === '' ? 'not set' : value;
}

/** The port setting behind a port option (its name, range and default). */
export function portSettingOf(option: CatalogOption, catalog: Catalog): PortSetting | undefined {
  return optionPortSetting(catalog, option);
}

/**
 * Global port settings that some rule of the plan may use: rules of the core, of the plan's
 * device environments and of its enabled integrations. The agent port always comes first.
 */
export function relevantGlobalSettings(plan: Plan, catalog: Catalog): PortSetting[] {
  const inUse = new Set<EnvironmentId>(plan.devices.map((d) => d.environment));
  for (const environment of catalog.environments) {
    if (environment.group === 'core') inUse.add(environment.id);
    const when = environment.inUseWhen;
    if (when && evaluateCondition(when, plan, undefined, catalog, []) === true)
      inUse.add(environment.id);
  }
  const used = new Set<string>();
  for (const rule of catalog.rules) {
    if (!inUse.has(rule.environment)) continue;
    for (const item of rule.ports) if (item.kind === 'setting') used.add(item.setting);
  }
  return catalog.settings
    .filter(
      (s) =>
        // A setting kept with its host (the SIEM port, the SMTP and syslog alert ports) is
        // edited with that host.
        s.scope === 'global' && !keptElsewhere(s) && (s.pinned === true || used.has(s.id)),
    )
    .sort((a, b) => Number(b.pinned === true) - Number(a.pinned === true));
}
