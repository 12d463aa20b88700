/**
 * The values a plan gives to catalog options and configurable ports, with catalog defaults.
 */
import type { Catalog, CatalogOption, OptionValue, PortSetting } from '@/core/catalog/model';
import type { Device, Plan } from '@/core/plan/model';
import { parsePort } from '@/core/validate/port';

/** The SIEM port lives in plan.integrations.siem.port, not in plan.settings.ports. */
export const SIEM_PORT_SETTING = 'siemPort';

function findOption(catalog: Catalog, id: string): CatalogOption | undefined {
  return catalog.options.find((o) => o.id === id);
}

function findSetting(catalog: Catalog, id: string): PortSetting | undefined {
  return catalog.settings.find((s) => s.id === id);
}

/** The default of an option (for type 'port': the setting's default, as a string of digits). */
export function optionDefault(catalog: Catalog, option: CatalogOption): OptionValue {
  if (option.type === 'port') {
    const setting = findSetting(catalog, String(option.default));
    return setting ? String(setting.default) : String(option.default);
  }
  return option.default;
}

/**
 * Whether a stored value is usable for an option: booleans for boolean options, one of the
 * choices for choice options, a port number for port options, any string for addresses.
 */
export function isUsableOptionValue(option: CatalogOption, value: OptionValue): boolean {
  switch (option.type) {
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false';
    case 'choice':
      return typeof value === 'string' && (option.choices ?? []).some((c) => c.value === value);
    case 'port':
      return parsePort(typeof value === 'boolean' ? '' : value) !== null;
    case 'address':
      return typeof value === 'string';
  }
}

/**
 * The device's value of a catalog option; the option's default when missing or unusable.
 * Booleans come back as booleans (a stored "true"/"false" string is read as a boolean).
 * Unknown options: the stored value, else ''.
 */
export function optionValue(
  device: Device | undefined,
  optionId: string,
  catalog: Catalog,
): OptionValue {
  const stored = device?.options[optionId];
  const option = findOption(catalog, optionId);
  if (!option) return stored ?? '';
  if (stored === undefined || !isUsableOptionValue(option, stored)) {
    return optionDefault(catalog, option);
  }
  if (option.type === 'boolean') return stored === true || stored === 'true';
  if (option.type === 'address' && typeof stored === 'string') return stored.trim();
  return stored;
}

/**
 * The value of a configurable port. Device scope: the device's option (a valid port number),
 * else the default. Global scope: plan.settings.ports, else the default. The SIEM port comes
 * from plan.integrations.siem.port. Unknown settings: the plan's global value, else 0.
 */
export function portSettingValue(
  plan: Plan,
  device: Device | undefined,
  settingId: string,
  catalog: Catalog,
): number {
  if (settingId === SIEM_PORT_SETTING) {
    const siem = parsePort(plan.integrations.siem.port);
    if (siem !== null) return siem;
  }
  const setting = findSetting(catalog, settingId);
  if (setting?.scope === 'device') {
    const stored = device?.options[settingId];
    const value =
      typeof stored === 'string' || typeof stored === 'number' ? parsePort(stored) : null;
    return value ?? setting.default;
  }
  const globalValue = plan.settings.ports[settingId];
  const value = globalValue === undefined ? null : parsePort(globalValue);
  return value ?? setting?.default ?? 0;
}
