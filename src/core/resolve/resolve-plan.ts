/**
 * plan + catalog -> rules between the plan's real hosts, and the plan checks, in named steps:
 *
 * 1. expand hosts      (hosts.ts, agent-hosts.ts): every plan element with (or without) an
 *                      address, one canonical host per address; the hosts that run agents.
 * 2. select rules      (select-rules.ts): the catalog rules in force, plan-wide or per device.
 * 3. check conditions  (conditions.ts): a rule whose condition fails is dropped; one that reads
 *                      an invalid option is kept, with the problem, and never live.
 * 4. bind endpoints    (bind-endpoints.ts): roles become hosts (proxy, helpers, placeholders).
 * 5. bind ports        (rule-ports.ts): the ports, from the plan's values or their defaults.
 * 6. merge flows       (merge-flows.ts): identical flows become one rule with every reason.
 * 7. checks            (plan-checks.ts): what is missing or wrong, with the field to fix;
 *                      the network zones' checks (network-checks.ts) once the rules have IDs.
 *
 * Per-host views are derived afterwards (host-views.ts).
 */
import type { Catalog } from '@/core/catalog/model';
import type { VersionedCitation } from '@/core/catalog/version-citations';
import { ruleCitation } from '@/core/catalog/version-citations';
import type { Plan } from '@/core/plan/model';

import { buildAgentHosts } from './agent-hosts';
import { endpointBinder } from './bind-endpoints';
import { evaluateCondition } from './conditions';
import { usableDevices } from './devices';
import { plainMessage } from './field-labels';
import { buildHostRegistry } from './hosts';
import { listenersOf } from './listeners';
import { entrySortKey, flowMerger } from './merge-flows';
import type { ResolvedHost, Resolution, RuleProblem, RuleReason } from './model';
import { networkChecks } from './network-checks';
import type { Listener } from './plan-checks';
import { buildPlanChecks, sortPlanChecks } from './plan-checks';
import { readProxyPort, readRpcRange } from './plan-values';
import { numberRules } from './rule-ids';
import { rulePorts } from './rule-ports';
import type { RuleApplication } from './select-rules';
import { selectRules } from './select-rules';

export { ruleInForce } from './select-rules';

/** "host:port" of the proxy (IPv6 in brackets); the proxy's name while it has no address. */
function proxyEndpointText(plan: Plan): string {
  const { address, name } = plan.deployment.proxy;
  const host = address.trim() || name;
  const port = readProxyPort(plan);
  return `${host.includes(':') ? `[${host}]` : host}:${port.ok ? port.value : 'invalid port'}`;
}

/** The reason's link: the page of the plan's version, or the 10.0 page, labelled. */
function referenceOf(
  versioned: VersionedCitation,
): Pick<RuleReason, 'reference' | 'referenceLabel' | 'referenceFallback'> {
  return {
    reference: versioned.citation.url,
    referenceLabel: versioned.label,
    ...(versioned.fallback ? { referenceFallback: true as const } : {}),
  };
}

/** Step 3: false when the rule does not apply; else the problems of an open condition. */
function conditionProblems(application: RuleApplication, plan: Plan, catalog: Catalog) {
  const { rule, device } = application;
  if (!rule.condition) return [];
  const problems: RuleProblem[] = [];
  const holds = evaluateCondition(rule.condition.when, plan, device?.device, catalog, problems);
  if (holds === false) return false;
  // An invalid option leaves the condition open: keep the rule, with the problem.
  return holds === 'unknown' ? problems : [];
}

export function resolvePlan(plan: Plan, catalog: Catalog): Resolution {
  // 1. Expand hosts.
  const devices = usableDevices(plan, catalog);
  const registry = buildHostRegistry(plan, catalog, devices);
  const agents = buildAgentHosts(plan, devices, registry);
  const binder = endpointBinder(plan, catalog, devices, registry, agents);
  const merger = flowMerger(binder.identityOf);
  const rpcRange = readRpcRange(plan);
  const proxyNote = (to: readonly ResolvedHost[]): string =>
    `Through the network proxy ${proxyEndpointText(plan)}; the proxy forwards it to ${to.map((h) => h.address || h.label).join(', ')} (HTTPS 443, the rule from the network proxy)`;
  const listeners: Listener[] = [];

  // 2. Select rules. Those that reach the endpoints of the other cloud flows (the proxy's own
  // egress) are bound last, once those flows are known.
  const applications = selectRules(plan, catalog, devices);
  const forwarding = (a: RuleApplication) => a.rule.cloudEndpoints === 'forwarded';
  for (const application of [
    ...applications.filter((a) => !forwarding(a)),
    ...applications.filter(forwarding),
  ]) {
    const { rule, environment } = application;
    const device = application.device?.device;
    // 3. Conditions.
    const fromCondition = conditionProblems(application, plan, catalog);
    if (fromCondition === false) continue;
    // 4. Endpoints.
    const binding = binder.bind(application);
    if (!binding) continue;
    // 5. Ports.
    const ports = rulePorts(rule, plan, device, catalog, rpcRange, binding.proxied);
    // 6. Merge.
    const reason: RuleReason = {
      ruleId: rule.id,
      environmentId: environment.id,
      environmentName: environment.name,
      ...(device ? { deviceId: device.id, deviceName: device.name } : {}),
      ...(rule.condition ? { condition: rule.condition.text } : {}),
      basis: rule.basis,
      ...referenceOf(ruleCitation(catalog, rule, plan.amVersion)),
    };
    merger.add(binding, {
      reason,
      sortKey: entrySortKey([
        environment.name.toLowerCase(),
        environment.id,
        (device?.name ?? '').toLowerCase(),
        device?.name ?? '',
        device?.id ?? '',
        rule.id,
      ]),
      sourceRole: binding.sourceRole,
      destinationRole: binding.destinationRole,
      service: rule.service,
      description: rule.description,
      notes: binding.proxied
        ? [proxyNote(binding.forwardedTo), ...(rule.notes ?? [])]
        : (rule.notes ?? []),
      errata: rule.errata ?? [],
      ports: ports.ports,
      unresolvedPorts: ports.unresolvedPorts,
      problems: [...fromCondition, ...ports.problems],
    });
    // The proxy is not an agent: a proxied flow registers no listener.
    if (!binding.proxied) {
      listeners.push(
        ...listenersOf(
          application,
          binding.destination,
          agents.identities,
          binder.identityOf,
          ports.settingValue,
          catalog,
        ),
      );
    }
  }

  // 7. Checks.
  const environments = new Map(catalog.environments.map((e) => [e.id, e]));
  const checks = buildPlanChecks(plan, catalog, { registry, listeners, environments });
  // 8. Rule IDs.
  const rules = numberRules(merger.rules());
  // 9. The network zones (issue 16): their checks need the rules; none for an empty network.
  const fromNetwork = networkChecks(plan, rules, registry.contributions);
  if (fromNetwork.length === 0) return { rules, checks };
  for (const check of fromNetwork) check.message = plainMessage(check.message, plan, catalog);
  return { rules, checks: sortPlanChecks([...checks, ...fromNetwork]) };
}
