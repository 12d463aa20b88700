/**
 * The wizard's steps. Step ids are stable strings that live in the URL (/plan/:stepId).
 * `fields`: the plan field paths whose form the step holds ("*" stands for one path segment,
 * such as a device's index), for "Go to field" (stepHoldingField).
 */

export const STEPS = [
  {
    id: 'topology',
    title: 'Topology',
    fields: [
      'name',
      'amVersion',
      'console',
      'additionalConsoles',
      'agents',
      'ceeServers',
      'integrations',
      'deployment',
    ],
  },
  { id: 'devices', title: 'Devices', fields: ['devices', 'microsoftTenant'] },
  {
    id: 'options',
    title: 'Options',
    fields: ['devices.*.options', 'agentServices', 'settings'],
  },
  // Optional, after Options: every host of the plan is known by then, so the step can show the
  // zone each one lands in (docs/architecture.md, "The Network step").
  { id: 'network', title: 'Network', fields: ['network'] },
  { id: 'review', title: 'Review & export', fields: [] },
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

/** Whether a field path lies under a pattern of `fields` ("devices.2.options.x", "devices.*.options"). */
function liesUnder(path: readonly string[], pattern: readonly string[]): boolean {
  return (
    pattern.length <= path.length && pattern.every((part, i) => part === '*' || part === path[i])
  );
}

/**
 * The step whose form holds a plan field (a plan check's field path): the step with the longest
 * pattern the path lies under (devices.3.options.x is on Options, devices.3.agentId on Devices);
 * the first step when no step names it.
 */
export function stepHoldingField(field: string): StepId {
  const path = field.split('.');
  let best: { id: StepId; length: number } = { id: FIRST_STEP, length: 0 };
  for (const step of STEPS) {
    for (const pattern of step.fields) {
      const parts = pattern.split('.');
      if (parts.length > best.length && liesUnder(path, parts)) {
        best = { id: step.id, length: parts.length };
      }
    }
  }
  return best.id;
}

/** The errors and warnings of the plan checks whose field a step holds. */
export interface StepProblems {
  errors: number;
  warnings: number;
}

/** Counts the checks' errors and warnings per step (notes are not problems). */
export function stepProblems(
  checks: readonly { severity: string; field: string }[],
): Record<StepId, StepProblems> {
  const counts = Object.fromEntries(STEPS.map((s) => [s.id, { errors: 0, warnings: 0 }])) as Record<
    StepId,
    StepProblems
  >;
  for (const check of checks) {
    const count = counts[stepHoldingField(check.field)];
    if (check.severity === 'error') count.errors += 1;
    else if (check.severity === 'warning') count.warnings += 1;
  }
  return counts;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning"; empty when the step has no problems. */
export function problemsText({ errors, warnings }: StepProblems): string {
  const parts: string[] = [];
  if (errors > 0) parts.push(plural(errors, 'error'));
  if (warnings > 0) parts.push(plural(warnings, 'warning'));
  return parts.join(', ');
}
