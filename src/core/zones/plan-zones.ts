/**
 * The one place that reads a plan's network zones. Every caller (the export run, the command
 * line, the review through src/state/selectors.ts) asks here, so wiring the zones of the plan
 * format is this one function.
 */
import type { Plan } from '@/core/plan/model';

import type { ZoneModel } from './model';

/**
 * The plan's zone model (`plan.network`, plan format 5; issue 16). With every list empty the
 * planner behaves exactly as without zones.
 */
export function planZoneModel(plan: Plan): ZoneModel {
  return plan.network;
}
