/**
 * The one place that reads a plan's network zones. Every caller (the export run, the command
 * line, the review through src/state/selectors.ts) asks here, so wiring the zones of the plan
 * format is this one function.
 */
import type { Plan } from '@/core/plan/model';

import type { ZoneModel } from './model';

/** One object for "no zones", so that a selector over it stays stable between renders. */
const NO_ZONES: ZoneModel = Object.freeze({
  zones: [],
  firewalls: [],
  assignments: [],
  preferredPaths: [],
}) as ZoneModel;

/**
 * The plan's zone model: `plan.network` once plan format 5 lands (issue 16); until then no plan
 * holds zones, so the planner behaves exactly as without them. Returns the same object for the
 * same plan.
 */
export function planZoneModel(_plan: Plan): ZoneModel {
  return NO_ZONES;
}
