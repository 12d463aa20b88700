/**
 * The one reader of the values a plan gives to catalog options and configurable ports.
 *
 * The resolver, the plan checks, the wizard and the report all read values here, so they cannot
 * disagree. A value is either valid and used, or invalid: then the reader says why, naming the
 * field, the plan checks report it as an error and no rule uses it. There is no silent fallback
 * to a default: a default applies only where the plan holds no value at all.
 */
import { findOption, findSetting } from '@/core/catalog/catalog';
import type { Catalog, CatalogOption, OptionValue, PortSetting } from '@/core/catalog/model';
import type { Device, Plan, PortValue } from '@/core/plan/model';
import { DEFAULT_RPC_RANGE } from '@/core/plan/model';
import { validatePortInRange } from '@/core/validate/port';
import { quoteInput } from '@/core/validate/quote';

/** What reading a value gave: the value to use, or why there is none. */
export type PlanValue<T> =
  | { ok: true; value: T; /** No value in the plan: the default applies. */ isDefault: boolean }
  | {
      ok: false;
      /** Path of the field in the plan, e.g. "settings.ports.agentPort". */
      field: string;
      /** The field in words, e.g. 'Device "F1", FPolicy port'. */
      what: string;
      /** Why the value cannot be used. */
      error: string;
    };

export type InvalidValue = Extract<PlanValue<unknown>, { ok: false }>;

function valid<T>(value: T, isDefault: boolean): PlanValue<T> {
  return { ok: true, value, isDefault };
}

function invalid<T>(field: string, what: string, error: string): PlanValue<T> {
  return { ok: false, field, what, error };
}

/** A port field's value within min-max, or the error. */
function readPortValue(
  value: PortValue | boolean,
  min = 1,
  max = 65535,
): { ok: true; value: number } | { ok: false; error: string } {
  if (typeof value === 'boolean') {
    return { ok: false, error: `${quoteInput(String(value))} is not a valid port` };
  }
  const error = validatePortInRange(typeof value === 'string' ? value.trim() : value, min, max);
  return error ? { ok: false, error } : { ok: true, value: Number(value) };
}

// ---------------------------------------------------------------- device options

/** The default of an option (for type 'port': the setting's default, as a string of digits). */
export function optionDefault(catalog: Catalog, option: CatalogOption): OptionValue {
  if (option.type === 'port') {
    const setting = findSetting(catalog, String(option.default));
    return setting ? String(setting.default) : String(option.default);
  }
  return option.default;
}

/** The port setting behind a port option (its name, range and default). */
export function optionPortSetting(
  catalog: Catalog,
  option: CatalogOption,
): PortSetting | undefined {
  return option.type === 'port' ? findSetting(catalog, String(option.default)) : undefined;
}

/** Index of a device in the plan, for field paths (only computed on the error path). */
function deviceField(plan: Plan, device: Device, optionId: string): string {
  return `devices.${plan.devices.indexOf(device)}.options.${optionId}`;
}

/** Whether a stored value is valid for an option, with the reason when not. */
function optionError(catalog: Catalog, option: CatalogOption, stored: OptionValue): string | null {
  switch (option.type) {
    case 'boolean':
      return typeof stored === 'boolean' || stored === 'true' || stored === 'false'
        ? null
        : `${quoteInput(String(stored))} is not on or off`;
    case 'choice':
      return typeof stored === 'string' && (option.choices ?? []).some((c) => c.value === stored)
        ? null
        : `${quoteInput(String(stored))} is not one of ${(option.choices ?? []).map((c) => `“${c.label}”`).join(', ')}`;
    case 'port': {
      const setting = optionPortSetting(catalog, option);
      const read = readPortValue(stored, setting?.min, setting?.max);
      return read.ok ? null : read.error;
    }
    case 'address':
    case 'cee-server':
      return typeof stored === 'string' ? null : `${quoteInput(String(stored))} is not text`;
  }
}

/**
 * A device's value of a catalog option: its own valid value, else (when it holds none, or an
 * empty text) the option's default. Booleans come back as booleans; addresses trimmed; ports as
 * strings of digits. Unknown options read as invalid.
 */
export function readOption(
  plan: Plan,
  device: Device,
  optionId: string,
  catalog: Catalog,
): PlanValue<OptionValue> {
  const option = findOption(catalog, optionId);
  const what = `Device "${device.name}", ${option?.label ?? optionId}`;
  if (!option) return invalid(deviceField(plan, device, optionId), what, 'no such option');
  const stored = device.options[optionId];
  if (stored === undefined || stored === '') return valid(optionDefault(catalog, option), true);
  const error = optionError(catalog, option, stored);
  if (error) return invalid(deviceField(plan, device, optionId), what, error);
  if (option.type === 'boolean') return valid(stored === true || stored === 'true', false);
  if (option.type === 'port') return valid(String(Number(String(stored).trim())), false);
  if (option.type === 'address') return valid(String(stored).trim(), false);
  if (option.type === 'cee-server' && !plan.ceeServers.some((c) => c.id === stored)) {
    // Never a silent fallback (to the agent server or another CEE): the user chooses again.
    return invalid(
      deviceField(plan, device, optionId),
      what,
      `names a CEE server that is not in the plan (${quoteInput(String(stored))}, perhaps removed on the Topology step); choose one of the plan's CEE servers`,
    );
  }
  return valid(stored, false);
}

/**
 * Whether an option applies to a device, given its other options: the wizard shows only these,
 * and the plan checks judge only these (a hidden field's value is used by no rule). While the
 * option it depends on is invalid, it counts as applying, so its field stays shown.
 */
export function isOptionRelevant(
  plan: Plan,
  device: Device,
  option: CatalogOption,
  catalog: Catalog,
): boolean {
  const dependency = option.shownWhen;
  if (!dependency) return true;
  const read = readOption(plan, device, dependency.option, catalog);
  return !read.ok || dependency.in.includes(read.value);
}

// ---------------------------------------------------------------- ports

/**
 * The value of a configurable port. Device scope: the device's option; global scope:
 * plan.settings.ports; the SIEM port: plan.integrations.siem.port. The setting's default only
 * when the plan holds no value.
 */
export function readPortSetting(
  plan: Plan,
  device: Device | undefined,
  settingId: string,
  catalog: Catalog,
): PlanValue<number> {
  const setting = findSetting(catalog, settingId);
  if (setting?.integration) return readSiemPort(plan);
  if (setting?.agentService) return readAgentServicePort(plan, setting.agentService);
  if (!setting) return invalid(`settings.ports.${settingId}`, settingId, 'no such port setting');
  if (setting.scope === 'device') {
    if (!device) return valid(setting.default, true);
    const stored = device.options[settingId];
    if (stored === undefined || stored === '') return valid(setting.default, true);
    const read = readPortValue(stored, setting.min, setting.max);
    return read.ok
      ? valid(read.value, false)
      : invalid(
          deviceField(plan, device, settingId),
          `Device "${device.name}", ${setting.name}`,
          read.error,
        );
  }
  const stored = plan.settings.ports[settingId];
  if (stored === undefined || stored === '') return valid(setting.default, true);
  const read = readPortValue(stored, setting.min, setting.max);
  return read.ok
    ? valid(read.value, false)
    : invalid(`settings.ports.${settingId}`, setting.name, read.error);
}

/** The SIEM syslog port (plan.integrations.siem.port). */
export function readSiemPort(plan: Plan): PlanValue<number> {
  const read = readPortValue(plan.integrations.siem.port);
  return read.ok
    ? valid(read.value, false)
    : invalid('integrations.siem.port', 'SIEM port', read.error);
}

/**
 * The port of an agent service the plan holds (plan.agentServices.smtp.port, .syslog.port): the
 * product asks SERVER:PORT and documents no default, so the plan must name it.
 */
export function readAgentServicePort(plan: Plan, service: 'smtp' | 'syslog'): PlanValue<number> {
  const read = readPortValue(plan.agentServices[service].port);
  return read.ok
    ? valid(read.value, false)
    : invalid(
        `agentServices.${service}.port`,
        service === 'smtp' ? 'SMTP server port' : 'Syslog alert port',
        read.error,
      );
}

/** The port of the agents' network proxy (plan.deployment.proxy.port). */
export function readProxyPort(plan: Plan): PlanValue<number> {
  // No product default: the plan must name the proxy's port.
  const read = readPortValue(plan.deployment.proxy.port);
  return read.ok
    ? valid(read.value, false)
    : invalid('deployment.proxy.port', 'Network proxy port', read.error);
}

/** The Windows dynamic RPC range (plan.settings.rpcRange): both ends valid, from <= to. */
export function readRpcRange(plan: Plan): PlanValue<{ from: number; to: number }> {
  const { from, to } = plan.settings.rpcRange;
  const what = 'Dynamic RPC range';
  const isDefault = from === DEFAULT_RPC_RANGE.from && to === DEFAULT_RPC_RANGE.to;
  const start = readPortValue(from);
  if (!start.ok) return invalid('settings.rpcRange.from', `${what}, start`, start.error);
  const end = readPortValue(to);
  if (!end.ok) return invalid('settings.rpcRange.to', `${what}, end`, end.error);
  if (start.value > end.value) {
    return invalid(
      'settings.rpcRange.to',
      what,
      `${start.value}-${end.value} starts after it ends`,
    );
  }
  return valid({ from: start.value, to: end.value }, isDefault);
}

/**
 * Whether a global port setting's value lives with the host it belongs to (the SIEM port with
 * the SIEM, the SMTP and syslog alert ports with those services), not in plan.settings.ports:
 * the wizard edits it there.
 */
export function keptElsewhere(setting: PortSetting): boolean {
  return setting.integration !== undefined || setting.agentService !== undefined;
}

/**
 * Every invalid global port value of a plan (configurable ports, the SIEM port when the SIEM is
 * on, the proxy port when the proxy is on, the SMTP and syslog alert ports when those are on,
 * the RPC range), in a stable order. Device options are
 * read per device with readOption.
 */
export function invalidPortValues(plan: Plan, catalog: Catalog): InvalidValue[] {
  const reads: PlanValue<unknown>[] = [];
  for (const setting of catalog.settings) {
    if (setting.scope !== 'global' || keptElsewhere(setting)) continue;
    if (plan.settings.ports[setting.id] === undefined) continue;
    reads.push(readPortSetting(plan, undefined, setting.id, catalog));
  }
  reads.push(readRpcRange(plan));
  if (plan.integrations.siem.enabled) reads.push(readSiemPort(plan));
  if (plan.deployment.proxy.enabled) reads.push(readProxyPort(plan));
  if (plan.agentServices.smtp.enabled) reads.push(readAgentServicePort(plan, 'smtp'));
  if (plan.agentServices.syslog.enabled) reads.push(readAgentServicePort(plan, 'syslog'));
  return reads.filter((r): r is InvalidValue => !r.ok);
}

/** One line for an invalid value: 'Agent port (settings.ports.agentPort): "70000" is ...'. */
export function describeInvalid(read: InvalidValue): string {
  return `${read.what} (${read.field}): ${read.error.replace(/\.$/, '')}`;
}
