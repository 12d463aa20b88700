/**
 * The wizard's steps. Step ids are stable strings that live in the URL (/plan/:stepId).
 */

export const STEPS = [
  { id: 'topology', title: 'Topology' },
  { id: 'devices', title: 'Devices' },
  { id: 'options', title: 'Options' },
  { id: 'review', title: 'Review & export' },
] as const;

export type Step = (typeof STEPS)[number];
export type StepId = Step['id'];

export const FIRST_STEP: StepId = 'topology';

/** Narrows an untrusted value (a route parameter) to a step id; null when it is not one. */
export function parseStepId(value: unknown): StepId | null {
  if (typeof value !== 'string') return null;
  const step = STEPS.find((s) => s.id === value);
  return step ? step.id : null;
}

export function stepIndex(id: StepId): number {
  return STEPS.findIndex((s) => s.id === id);
}

/** The step after `id`, or null on the last step. */
export function nextStepId(id: StepId): StepId | null {
  return STEPS[stepIndex(id) + 1]?.id ?? null;
}

/** The step before `id`, or null on the first step. */
export function previousStepId(id: StepId): StepId | null {
  const index = stepIndex(id);
  return index > 0 ? (STEPS[index - 1]?.id ?? null) : null;
}
