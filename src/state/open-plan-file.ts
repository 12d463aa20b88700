/**
 * Opening a plan file, the same from every page: read the file (core/exporters/plan-file),
 * then refuse it with its errors, open it at once (no plan in progress), or ask before it
 * replaces the plan in progress. Its warnings (an older plan format, another catalog) always
 * reach the user: the planner shows them when the plan is open.
 */
import { parsePlanFile } from '@/core/exporters/plan-file';
import type { Plan } from '@/core/plan/model';
import { isDefaultPlan } from '@/core/wizard/plan-status';

/** A plan read from a plan file, with what the user must know about it. */
export interface OpenedPlanFile {
  plan: Plan;
  warnings: string[];
}

export type PlanFileChoice =
  | { kind: 'refuse'; errors: string[] }
  | { kind: 'open'; opened: OpenedPlanFile }
  | { kind: 'ask'; opened: OpenedPlanFile };

/**
 * What to do with a plan file's text: refuse it (errors), open it at once (the plan in progress
 * is a new, untouched plan), or ask before it replaces the plan in progress. Never throws.
 */
export function choosePlanFileAction(
  text: string,
  catalogVersion: string,
  current: Plan,
): PlanFileChoice {
  const result = parsePlanFile(text, catalogVersion);
  if (!result.ok) return { kind: 'refuse', errors: result.errors };
  const opened = { plan: result.plan, warnings: result.warnings };
  return isDefaultPlan(current) ? { kind: 'open', opened } : { kind: 'ask', opened };
}
