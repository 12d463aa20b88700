/**
 * Whether a plan holds any work of the user (anything that differs from a new plan).
 */
import type { Plan } from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && deepEqual(ra[k], rb[k]));
}

/** True when the plan is exactly a new plan (discarding it loses nothing). */
export function isDefaultPlan(plan: Plan): boolean {
  return deepEqual(plan, createDefaultPlan());
}
