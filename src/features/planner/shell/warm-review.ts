/**
 * What the review step derives from the plan, computed ahead while the user is on the earlier
 * steps (issue 18): the resolution, the exports' availability, warnings and coverage, the
 * permalink, the summary, the filter's search text and the zones' analysis. Each is memoised per plan or resolution,
 * so the step change finds them ready; one task per idle period.
 */
import type { Plan } from '@/core/plan/model';
import { planZoneModel } from '@/core/zones/plan-zones';
import { REVIEW_WARM_STEPS } from '@/state/review-derived';
import { resolveCached } from '@/state/selectors';

import { searchTextsOf, summaryOf, zoneViewOf } from '../review/review-logic';

export function reviewWarmTasks(plan: Plan): (() => unknown)[] {
  return [
    ...REVIEW_WARM_STEPS.map((step) => () => step(plan)),
    () => summaryOf(resolveCached(plan)),
    () => searchTextsOf(resolveCached(plan).rules),
    () => zoneViewOf(planZoneModel(plan), resolveCached(plan).rules),
  ];
}
