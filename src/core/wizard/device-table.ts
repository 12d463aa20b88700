/**
 * The Devices step's table and cards: which agent server a new device gets, which view a step
 * opens with, the names that tell one device's fields from another's. Light: the store imports
 * it, so it must not bring the catalog into the first load (the options summary is apart, in
 * device-options-summary.ts).
 */
import type { Environment } from '@/core/catalog/model';
import type { Device, Plan } from '@/core/plan/model';

/** The two ways the Devices step shows the plan's devices. */
export type DeviceView = 'table' | 'cards';

/** More devices than this open in the table (until the user chooses a view). */
export const CARDS_UP_TO = 3;

/**
 * The view the Devices step opens with: the user's choice, else cards for a few devices (every
 * field and its help in view) and the table past that (one line per device instead of a 430 px
 * card). Decided when the step opens, never while the user types in it.
 */
export function initialDeviceView(
  chosen: DeviceView | null,
  deviceCount: number,
  narrow = false,
): DeviceView {
  // On a narrow screen (a phone) the table would scroll sideways: cards, unless chosen.
  return chosen ?? (!narrow && deviceCount > CARDS_UP_TO ? 'table' : 'cards');
}

/**
 * The agent server a new device gets: the one the user chose last (for a device, or for many at
 * once) while the plan still has it, else the only or first agent server; '' without any.
 */
export function defaultAgentId(plan: Pick<Plan, 'agents'>, lastChosen: string | null): string {
  if (lastChosen !== null && plan.agents.some((a) => a.id === lastChosen)) return lastChosen;
  return plan.agents[0]?.id ?? '';
}

/** What tells a device's fields apart: its name, else its platform's. */
export function deviceLabel(device: Pick<Device, 'name'>, environment: Environment | undefined) {
  const name = device.name.trim();
  return name !== '' ? name : (environment?.name ?? 'Device');
}

/** The accessible name of one of a device's fields: "NetApp SVM1: Addresses". */
export function deviceFieldName(
  device: Pick<Device, 'name'>,
  environment: Environment | undefined,
  field: string,
): string {
  return `${deviceLabel(device, environment)}: ${field}`;
}
