/**
 * What the wizard says about the hosts the plan names once (console, integration servers,
 * deployment hosts) and about the integrations, read from the catalog: the role that stands
 * for each place (its name is the placeholder of an empty address), and the integrations in
 * use that the plan's Activity Monitor version does not have.
 */
import type { Catalog, Environment, IntegrationId, PlanHostSlot } from '@/core/catalog/model';
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

/**
 * The device environments whose agents send an integration's flows, where its rules come from
 * agents that monitor named environments (Threat Prevention: the NAS platforms it supports), and
 * whether the plan has a device of one of them. null when its rules name no such agents.
 */
export function integrationSourceEnvironments(
  plan: Plan,
  catalog: Catalog,
  integration: IntegrationId,
): { environments: Environment[]; inPlan: boolean } | null {
  const own = catalog.environments.filter(
    (e) => e.inUseWhen?.kind === 'integration' && e.inUseWhen.integration === integration,
  );
  const ids = new Set<string>();
  for (const rule of catalog.rules) {
    if (!own.some((e) => e.id === rule.environment)) continue;
    const source = catalog.roles.find((r) => r.id === rule.source);
    for (const id of source?.monitors ?? []) ids.add(id);
  }
  if (ids.size === 0) return null;
  const environments = catalog.environments.filter((e) => ids.has(e.id));
  return { environments, inPlan: plan.devices.some((d) => ids.has(d.environment)) };
}
