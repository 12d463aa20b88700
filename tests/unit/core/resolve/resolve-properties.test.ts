/**
 * Properties of the resolver over generated plans (fixture catalog):
 * every rule traces to catalog rules and plan elements; merging never loses a reason;
 * the order of agents and devices in the plan changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { AM_VERSIONS } from '@/core/catalog/model';
import type { AgentServer, Device, Plan } from '@/core/plan/model';
import { evaluateCondition } from '@/core/resolve/conditions';
import { buildHostViews } from '@/core/resolve/host-views';
import type { PlanCheck } from '@/core/resolve/model';
import { resolvePlan, ruleInForce } from '@/core/resolve/resolve-plan';

import { resolverCatalog as catalog } from '../../../fixtures/catalogs';
import { ipFor, planWith, shufflePlan } from '../../../support/plan-builders';

const DEVICE_ENVIRONMENTS = catalog.environments
  .filter((e) => e.group !== 'core' && e.group !== 'integration')
  .map((e) => e.id);

const deviceArb = (i: number, agentIds: string[]): fc.Arbitrary<Device> =>
  fc
    .record({
      environment: fc.constantFrom(...DEVICE_ENVIRONMENTS, 'floppy'),
      addressCount: fc.integer({ min: 0, max: 2 }),
      tenant: fc.constantFrom('', 'a.onmicrosoft.com', 'b.onmicrosoft.com'),
      agentId: fc.constantFrom('', 'agent-99', ...agentIds),
      ontapiProtocol: fc.constantFrom('https', 'http', 'both', 'ftp'),
      ceePlacement: fc.constantFrom('agent', 'separate'),
      ceeAddress: fc.constantFrom('', ipFor(3, i), '10.3.200.1'),
      ceeDelivery: fc.constantFrom('msrpc', 'http', 'both'),
      sqlNamedInstance: fc.boolean(),
      qumuloPort: fc.constantFrom(undefined, '5000', '4498'),
      sharepointSqlAddress: fc.constantFrom('', ipFor(4, i)),
    })
    .map((d) => {
      const options: Device['options'] = {
        ontapiProtocol: d.ontapiProtocol,
        ceePlacement: d.ceePlacement,
        ceeAddress: d.ceeAddress,
        ceeDelivery: d.ceeDelivery,
        sqlNamedInstance: d.sqlNamedInstance,
        sharepointSqlAddress: d.sharepointSqlAddress,
      };
      if (d.qumuloPort) options.qumuloPort = d.qumuloPort;
      return {
        id: `dev-${i}`,
        environment: d.environment,
        name: `Device ${i % 3}`,
        addresses: Array.from({ length: d.addressCount }, (_, k) => ipFor(2, i * 4 + k)),
        tenant: d.tenant,
        agentId: d.agentId,
        options,
      };
    });

const planArb: fc.Arbitrary<Plan> = fc
  .record({
    agentCount: fc.integer({ min: 0, max: 4 }),
    agentAddressed: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    deviceCount: fc.integer({ min: 0, max: 8 }),
    amVersion: fc.constantFrom(...AM_VERSIONS),
    consoleAddress: fc.constantFrom('', '10.0.0.10'),
    showInferred: fc.boolean(),
    aa: fc.record({
      enabled: fc.boolean(),
      edition: fc.constantFrom('classic' as const, 'aa26' as const),
      useApiServer: fc.boolean(),
      address: fc.constantFrom('', '10.9.0.1'),
    }),
    siem: fc.record({
      enabled: fc.boolean(),
      transport: fc.constantFrom('UDP' as const, 'TCP' as const),
      port: fc.constantFrom(514, 1514),
    }),
    agentPort: fc.constantFrom(undefined, 4498, 5000),
  })
  .chain((p) => {
    const agents: AgentServer[] = Array.from({ length: p.agentCount }, (_, i) => ({
      id: `agent-${i + 1}`,
      name: `Agent ${i % 2}`,
      address: p.agentAddressed[i] ? ipFor(1, i) : '',
    }));
    const ids = agents.map((a) => a.id);
    const devices = Array.from({ length: p.deviceCount }, (_, i) => deviceArb(i + 1, ids));
    return fc.tuple(...devices).map((list) => {
      const base = planWith();
      const plan: Plan = {
        ...base,
        amVersion: p.amVersion,
        console: { name: 'Console', address: p.consoleAddress },
        agents,
        devices: list,
        integrations: {
          ...base.integrations,
          accessAnalyzer: { ...base.integrations.accessAnalyzer, ...p.aa, name: 'AA' },
          siem: { ...base.integrations.siem, ...p.siem, name: 'SIEM', address: '10.9.0.2' },
        },
        settings: {
          ...base.settings,
          showInferred: p.showInferred,
          ports: p.agentPort ? { agentPort: p.agentPort } : {},
        },
      };
      return plan;
    });
  });

/** The (rule, device) applications the plan calls for, computed from the catalog directly. */
function expectedApplications(plan: Plan): string[] {
  const environments = new Map(catalog.environments.map((e) => [e.id, e]));
  const usable = plan.devices.filter((d) => {
    const e = environments.get(d.environment);
    return (
      e && e.group !== 'core' && e.group !== 'integration' && e.versions.includes(plan.amVersion)
    );
  });
  const localAgents = usable.filter((d) => environments.get(d.environment)?.agentMode === 'local');
  const agentHostCount = plan.agents.length + localAgents.length;
  const out: string[] = [];
  for (const rule of catalog.rules) {
    if (!ruleInForce(rule, plan)) continue;
    const environment = environments.get(rule.environment);
    if (!environment) continue;
    if (environment.group === 'core' || environment.group === 'integration') {
      if (!environment.versions.includes(plan.amVersion)) continue;
      if (rule.condition && !evaluateCondition(rule.condition.when, plan, undefined, catalog))
        continue;
      if ([rule.source, rule.destination].includes('agent') && agentHostCount === 0) continue;
      out.push(`${rule.id}|`);
      continue;
    }
    for (const device of usable) {
      if (device.environment !== rule.environment) continue;
      if (rule.condition && !evaluateCondition(rule.condition.when, plan, device, catalog))
        continue;
      if (
        [rule.source, rule.destination].includes('sharepoint-sql') &&
        String(device.options.sharepointSqlAddress ?? '') === ''
      ) {
        continue;
      }
      out.push(`${rule.id}|${device.id}`);
    }
  }
  return out.sort();
}

function indexFree(checks: readonly PlanCheck[]): string[] {
  const strip = (s: string) =>
    s
      .replace(/\b(agents|devices)\.\d+/g, '$1.#')
      .replace(/\b(Agent server|Device) \d+ →/g, '$1 # →');
  return checks.map((c) => `${c.severity}|${c.code}|${strip(c.field)}|${strip(c.message)}`).sort();
}

describe('resolver properties', () => {
  it('every resolved rule traces to a catalog rule and a plan element', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const rules = new Map(catalog.rules.map((r) => [r.id, r]));
        const deviceIds = new Set(plan.devices.map((d) => d.id));
        for (const resolved of resolvePlan(plan, catalog).rules) {
          expect(resolved.reasons.length).toBeGreaterThan(0);
          expect(resolved.source.hosts.length).toBeGreaterThan(0);
          expect(resolved.destination.hosts.length).toBeGreaterThan(0);
          for (const reason of resolved.reasons) {
            const rule = rules.get(reason.ruleId);
            expect(rule).toBeDefined();
            expect(rule?.environment).toBe(reason.environmentId);
            expect(rule?.transport).toBe(resolved.transport);
            if (reason.deviceId !== undefined) expect(deviceIds.has(reason.deviceId)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('merging never loses a reason: reasons = the applicable (rule, device) applications', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const reasons = resolvePlan(plan, catalog)
          .rules.flatMap((r) => r.reasons.map((x) => `${x.ruleId}|${x.deviceId ?? ''}`))
          .sort();
        expect(reasons).toEqual(expectedApplications(plan));
      }),
      { numRuns: 300 },
    );
  });

  it('flow keys are unique and the output is sorted stably', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const { rules } = resolvePlan(plan, catalog);
        expect(new Set(rules.map((r) => r.key)).size).toBe(rules.length);
        expect(resolvePlan(plan, catalog)).toEqual(resolvePlan(plan, catalog));
      }),
      { numRuns: 100 },
    );
  });

  it('shuffling agents and devices changes no rule, host view or check', () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 1, max: 1_000_000 }), (plan, seed) => {
        const shuffled = shufflePlan(plan, seed);
        const a = resolvePlan(plan, catalog);
        const b = resolvePlan(shuffled, catalog);
        expect(b.rules).toEqual(a.rules);
        expect(buildHostViews(b)).toEqual(buildHostViews(a));
        expect(indexFree(b.checks)).toEqual(indexFree(a.checks));
      }),
      { numRuns: 300 },
    );
  });
});
