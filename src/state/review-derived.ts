/**
 * Derived data the review step shows, memoised per plan (plans are immutable values, replaced on
 * every edit) so that it is computed once, and can be computed before the step opens: the
 * planner warms it while the browser idles on the earlier steps (`warmReview`, issue 18: the step
 * change of a 5,000-device plan spent ~250 ms deriving these on the click). Never stored: a new
 * plan is a new key, and an old plan's entries go with it (WeakMap).
 *
 * Planner-only: the home page and the header do not import this (the first load stays small).
 */
import { getCatalog } from '@/core/catalog/catalog';
import { EXPORTERS } from '@/core/exporters/registry';
import { encodePlan } from '@/core/permalink/codec';
import type { Plan } from '@/core/plan/model';
import type { HostFacts } from '@/core/report/host-kind';
import { buildHostFacts } from '@/core/report/host-kind';

import { resolveCached } from './selectors';

/** `compute` once per plan. */
function perPlan<T>(compute: (plan: Plan) => T): (plan: Plan) => T {
  const cache = new WeakMap<Plan, { value: T }>();
  return (plan) => {
    let entry = cache.get(plan);
    if (!entry) {
      entry = { value: compute(plan) };
      cache.set(plan, entry);
    }
    return entry.value;
  };
}

/** The plan as a permalink payload (the Share section's link). */
export const permalinkPayloadOf = perPlan((plan) =>
  encodePlan(plan, { catalogVersion: getCatalog().version }),
);

/** The plan's hosts as the exports' availability reads them (ExportButtons). */
export const hostFactsOf = perPlan((plan): readonly HostFacts[] =>
  buildHostFacts(resolveCached(plan), plan, getCatalog()),
);

/** Why an export does not apply to the plan, by exporter id (none: it applies). */
export const exportsUnavailableOf = perPlan((plan): ReadonlyMap<string, string> => {
  const hosts = hostFactsOf(plan);
  return new Map(
    EXPORTERS.flatMap((e) => {
      const reason = e.unavailable?.(hosts);
      return reason === undefined ? [] : [[e.id, reason] as const];
    }),
  );
});

export interface ExportNote {
  id: string;
  label: string;
}

/** The exports with fields they cannot print as typed (read from the plan only). */
export const exportWarningsOf = perPlan(
  (plan): readonly (ExportNote & { fields: readonly string[] })[] =>
    EXPORTERS.flatMap((e) => {
      const fields = e.warnings?.(plan) ?? [];
      return fields.length > 0 ? [{ id: e.id, label: e.label, fields }] : [];
    }),
);

/** What each vendor config covers in a plan with network firewalls. */
export const exportCoverageOf = perPlan((plan): readonly (ExportNote & { text: string })[] =>
  EXPORTERS.flatMap((e) => {
    const text = e.coverage?.(plan);
    return text === undefined ? [] : [{ id: e.id, label: e.label, text }];
  }),
);

/** Each step of the warm-up: one per idle callback, so none holds the page for long. */
export const REVIEW_WARM_STEPS: readonly ((plan: Plan) => unknown)[] = [
  resolveCached,
  hostFactsOf,
  exportsUnavailableOf,
  exportWarningsOf,
  exportCoverageOf,
  permalinkPayloadOf,
];
