/**
 * Step "select rules": which catalog rules apply to a plan, and where. Rules of plan-wide
 * environments (core, integrations) apply once; rules of device environments apply per
 * usable device. Superseded rules, rules of other versions and (when the plan hides them)
 * inferred rules are left out.
 */
import type { Catalog, CatalogRule, Environment } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';

import type { PlanDevice } from './devices';
import { PLAN_WIDE_GROUPS } from './devices';

/** One rule applied once: plan-wide (no device) or for one device. */
export interface RuleApplication {
  rule: CatalogRule;
  environment: Environment;
  device?: PlanDevice;
}

/** Whether a catalog rule is in force for this plan (before conditions). */
export function ruleInForce(rule: CatalogRule, plan: Plan): boolean {
  if (rule.supersededBy) return false;
  if (rule.basis === 'inferred' && !plan.settings.showInferred) return false;
  if (rule.versions && !rule.versions.includes(plan.amVersion)) return false;
  return true;
}

/** Every rule application of the plan, plan-wide ones first, in catalog and plan order. */
export function selectRules(
  plan: Plan,
  catalog: Catalog,
  devices: readonly PlanDevice[],
): RuleApplication[] {
  const byEnvironment = new Map<string, CatalogRule[]>();
  for (const rule of catalog.rules) {
    if (!ruleInForce(rule, plan)) continue;
    const list = byEnvironment.get(rule.environment);
    if (list) list.push(rule);
    else byEnvironment.set(rule.environment, [rule]);
  }
  const out: RuleApplication[] = [];
  for (const environment of catalog.environments) {
    if (!PLAN_WIDE_GROUPS.includes(environment.group)) continue;
    if (!environment.versions.includes(plan.amVersion)) continue;
    for (const rule of byEnvironment.get(environment.id) ?? []) out.push({ rule, environment });
  }
  for (const device of devices) {
    for (const rule of byEnvironment.get(device.environment.id) ?? [])
      out.push({ rule, environment: device.environment, device });
  }
  return out;
}
