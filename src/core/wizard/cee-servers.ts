/**
 * The Dell CEE servers of a plan as the wizard shows them: their label, and which devices
 * choose each one (through a device option of type 'cee-server', whichever the catalog names).
 */
import type { Catalog, CatalogOption } from '@/core/catalog/model';
import type { CeeServer, Device, Plan } from '@/core/plan/model';
import { optionDefault } from '@/core/resolve/plan-values';
import { quoteInput } from '@/core/validate/quote';

/** "CEE-01 (10.0.0.5)", or the name alone while it has no address. */
export function ceeServerLabel(cee: Pick<CeeServer, 'name' | 'address'>): string {
  const address = cee.address.trim();
  return address === '' ? cee.name : `${cee.name} (${address})`;
}

/** The ids of the catalog options that name a CEE server. */
function ceeOptionIds(catalog: Catalog): string[] {
  return catalog.options.filter((o) => o.type === 'cee-server').map((o) => o.id);
}

/**
 * The devices that name a CEE server (whether or not their CEE runs on it right now: a device
 * whose CEE is back on the agent server keeps its choice for later), in plan order.
 */
export function devicesUsingCeeServer(
  plan: Plan,
  catalog: Catalog,
  ceeId: string,
): { id: string; name: string; index: number }[] {
  const options = ceeOptionIds(catalog);
  return plan.devices
    .map((d, index) => ({ id: d.id, name: d.name, index, options: d.options }))
    .filter((d) => options.some((o) => d.options[o] === ceeId))
    .map(({ id, name, index }) => ({ id, name, index }));
}

/** "“NAS 1”, “NAS 2”": device names for a message, quoted and shortened. */
export function deviceNamesText(devices: readonly { name: string }[]): string {
  return devices.map((d) => quoteInput(d.name)).join(', ');
}

/** One entry of a Dell device's "CEE location" list: where it is, and what choosing it sets. */
export interface CeeLocationItem {
  /** The list value: `place:<choice>` or `cee:<CEE server id>`. */
  value: string;
  label: string;
  /** The device options choosing it sets (the placement, and the CEE server for a named one). */
  patch: Record<string, string>;
}

export interface CeeLocation {
  /** The option that names the CEE server (type 'cee-server'), shown inside this list. */
  serverOption: CatalogOption;
  items: CeeLocationItem[];
  /** The item of the device's options, '' when none matches (no CEE server chosen, or gone). */
  current: string;
  /** Why the device's choice is incomplete, or null. */
  problem: string | null;
}

/**
 * A placement option (a choice that a 'cee-server' option is shown for, e.g. "On a separate
 * server") offered as one list: its other choices, then one entry per CEE server of the plan
 * ("On CEE-01 (10.0.0.5)"), so that a Dell device picks where its CEE runs in one choice.
 * null for an option that gates no CEE server option.
 */
export function ceeLocation(
  plan: Plan,
  device: Device,
  placement: CatalogOption,
  catalog: Catalog,
): CeeLocation | null {
  const serverOption = catalog.options.find(
    (o) => o.type === 'cee-server' && o.shownWhen?.option === placement.id,
  );
  const gate = serverOption?.shownWhen?.in;
  if (!serverOption || !gate || placement.type !== 'choice') return null;
  const separate = gate.map(String);
  const items: CeeLocationItem[] = (placement.choices ?? [])
    .filter((c) => !separate.includes(c.value))
    .map((c) => ({
      value: `place:${c.value}`,
      label: c.label,
      patch: { [placement.id]: c.value },
    }));
  const on = separate[0] ?? '';
  for (const cee of plan.ceeServers) {
    items.push({
      value: `cee:${cee.id}`,
      label: `On ${ceeServerLabel(cee)}`,
      patch: { [placement.id]: on, [serverOption.id]: cee.id },
    });
  }
  const placed = String(device.options[placement.id] ?? optionDefault(catalog, placement));
  const chosen = device.options[serverOption.id];
  const chosenId = typeof chosen === 'string' ? chosen : '';
  if (!separate.includes(placed)) {
    return { serverOption, items, current: `place:${placed}`, problem: null };
  }
  if (plan.ceeServers.some((c) => c.id === chosenId)) {
    return { serverOption, items, current: `cee:${chosenId}`, problem: null };
  }
  const problem =
    chosenId !== ''
      ? 'The CEE server this device named is no longer in the plan: choose one.'
      : plan.ceeServers.length === 0
        ? 'A separate CEE server is chosen, but the plan has none: add one on the Topology step, then choose it here.'
        : 'Choose the CEE server this device sends its events to.';
  return { serverOption, items, current: '', problem };
}

/** Whether an option is offered inside another's list (a CEE server inside "CEE location"). */
export function isShownInsideLocation(option: CatalogOption, catalog: Catalog): boolean {
  if (option.type !== 'cee-server' || !option.shownWhen) return false;
  const gate = option.shownWhen.option;
  return catalog.options.some((o) => o.id === gate && o.type === 'choice');
}
