/**
 * Derived data. The resolution is computed from the plan on demand and cached on the plan's
 * identity, so `useAppStore(selectResolution)` is stable while the plan does not change.
 */
import { getCatalog } from '@/core/catalog/catalog';
import type { Plan } from '@/core/plan/model';
import type { Resolution } from '@/core/resolve/model';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import type { ZoneModel } from '@/core/zones/model';
import { planZoneModel } from '@/core/zones/plan-zones';

import type { AppState } from './store';

let cache: { plan: Plan; resolution: Resolution } | null = null;

export function resolveCached(plan: Plan): Resolution {
  if (cache?.plan !== plan) cache = { plan, resolution: resolvePlan(plan, getCatalog()) };
  return cache.resolution;
}

export const selectPlan = (state: AppState): Plan => state.plan;
export const selectResolution = (state: AppState): Resolution => resolveCached(state.plan);
/**
 * The plan's network zones (issue 16), for the review's "By firewall" view and each flow's path:
 * read through core/zones/plan-zones.ts `planZoneModel`, the one place that will return
 * `plan.network` once plan format 5 lands (empty, one stable object, until then).
 */
export const selectZoneModel = (state: AppState): ZoneModel => planZoneModel(state.plan);
