/**
 * plan + catalog -> rules between the plan's real hosts, and the plan checks.
 * (Signature fixed here; the implementation lands with issue 4.)
 */
import type { Catalog } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';

import type { Resolution } from './model';

export function resolvePlan(_plan: Plan, _catalog: Catalog): Resolution {
  return { rules: [], checks: [] };
}
