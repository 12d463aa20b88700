/**
 * The Dell CEE servers of a plan as the wizard shows them: their label, and which devices
 * choose each one (through a device option of type 'cee-server', whichever the catalog names).
 */
import type { Catalog } from '@/core/catalog/model';
import type { CeeServer, Plan } from '@/core/plan/model';
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
