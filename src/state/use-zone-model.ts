/**
 * The plan's network zones as a hook: plan.network (selectZoneModel, on
 * core/zones/plan-zones.ts planZoneModel); empty, the review shows no zones.
 */
import type { ZoneModel } from '@/core/zones/model';

import { selectZoneModel } from './selectors';
import { useAppStore } from './store';

export function useZoneModel(): ZoneModel {
  return useAppStore(selectZoneModel);
}
