/**
 * What the wizard says about the hosts the plan names once (console, integration servers,
 * deployment hosts) and about the integrations, read from the catalog: the role that stands
 * for each place (its name is the placeholder of an empty address), and the integrations in
 * use that the plan's Activity Monitor version does not have.
 */
import type { Catalog, Environment, PlanHostSlot } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';
import { evaluateCondition } from '@/core/resolve/conditions';

/** The integration environments the plan uses (their inUseWhen holds). */
function integrationsInUse(plan: Plan, catalog: Catalog): Environment[] {
  return catalog.environments.filter(
    (e) => e.inUseWhen && evaluateCondition(e.inUseWhen, plan, undefined, catalog, []) === true,
  );
}

/** Integrations the plan uses that its Activity Monitor version does not have. */
export function integrationsUnavailable(plan: Plan, catalog: Catalog): Environment[] {
  return integrationsInUse(plan, catalog).filter((e) => !e.versions.includes(plan.amVersion));
}

/**
 * The name of the role that stands for a place of the plan, e.g. "Syslog / SIEM server". Where
 * several roles share the place (Access Analyzer classic and 26), the one of the integration in
 * use wins.
 */
export function planHostRoleName(
  catalog: Catalog,
  plan: Plan,
  slot: PlanHostSlot,
  fallback: string,
): string {
  const roles = catalog.roles.filter((r) => r.planHost === slot);
  const inUse = new Set(integrationsInUse(plan, catalog).map((e) => e.endpointRole));
  return (roles.find((r) => inUse.has(r.id)) ?? roles[0])?.name ?? fallback;
}

/** The name of the role that stands for an agent server of the plan ("Activity Agent Server"). */
export function agentServerRoleName(catalog: Catalog, fallback: string): string {
  return catalog.roles.find((r) => r.kind === 'agent' && !r.monitors)?.name ?? fallback;
}
