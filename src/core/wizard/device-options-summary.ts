/** The Devices table's one line about a device's options. */
import type { Catalog, Environment } from '@/core/catalog/model';
import type { Device, Plan } from '@/core/plan/model';
import { isOptionRelevant, optionDefault } from '@/core/resolve/plan-values';

function valueText(plan: Plan, catalog: Catalog, optionId: string, value: unknown): string {
  const option = catalog.options.find((o) => o.id === optionId);
  if (option?.type === 'cee-server') {
    // The CEE server by its name, as the Topology step lists it.
    const cee = plan.ceeServers.find((c) => c.id === value);
    return cee ? cee.name : 'not in the plan';
  }
  if (typeof value === 'boolean' || value === 'true' || value === 'false') {
    return value === true || value === 'true' ? 'on' : 'off';
  }
  const text = String(value);
  if (option?.type === 'choice')
    return option.choices?.find((c) => c.value === text)?.label ?? text;
  return text === '' ? 'not set' : text;
}

/**
 * One line about a device's options for the table: the options it sets differently from their
 * defaults ("Protocol: HTTP; FPolicy port: 9999"), else that all keep their defaults; '' when its
 * platform has none.
 */
export function deviceOptionsSummary(
  plan: Plan,
  device: Device,
  environment: Environment | undefined,
  catalog: Catalog,
): string {
  const options = (environment?.options ?? [])
    .map((id) => catalog.options.find((o) => o.id === id))
    .filter((o) => o !== undefined)
    .filter((o) => isOptionRelevant(plan, device, o, catalog));
  if (options.length === 0) return '';
  const changed = options.filter((o) => {
    const own = device.options[o.id];
    return own !== undefined && own !== '' && String(own) !== String(optionDefault(catalog, o));
  });
  if (changed.length === 0) {
    return options.length === 1 ? 'Default option' : `${options.length} options, all default`;
  }
  return changed
    .map((o) => `${o.label}: ${valueText(plan, catalog, o.id, device.options[o.id])}`)
    .join('; ');
}
