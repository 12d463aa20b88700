/**
 * The plan's network zones as a hook: plan.network once plan format 5 lands (selectZoneModel, on
 * core/zones/plan-zones.ts planZoneModel); no zones until then, so the review shows no zones.
 */
import type { ZoneModel } from '@/core/zones/model';

import { selectZoneModel } from './selectors';
import { useAppStore } from './store';

export function useZoneModel(): ZoneModel {
  return useAppStore(selectZoneModel);
}
