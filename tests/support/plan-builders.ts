/**
 * Plan builders for tests and benchmarks: small, readable plans and large generated ones.
 * Addresses are unique per element: agents 10.1.x.y, devices 10.2.x.y, CEE 10.3.x.y,
 * tenants tenant-<n>.onmicrosoft.com.
 */
import type { AmVersion, Catalog, OptionValue } from '@/core/catalog/model';
import type { AgentServer, Device, Plan } from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';

/** A unique IPv4 address: 10.<net>.<n div 250>.<n mod 250 + 1>. */
export function ipFor(net: number, n: number): string {
  return `10.${net}.${Math.floor(n / 250) % 256}.${(n % 250) + 1}`;
}

export function makeAgent(n: number, overrides: Partial<AgentServer> = {}): AgentServer {
  return { id: `agent-${n}`, name: `Agent server ${n}`, address: ipFor(1, n), ...overrides };
}

export interface DeviceSpec {
  id?: string;
  name?: string;
  addresses?: string[];
  tenant?: string;
  agentId?: string;
  options?: Record<string, OptionValue>;
}

/** A device of `environment`; addresses/tenant default to unique values derived from n. */
export function makeDevice(environment: string, n: number, spec: DeviceSpec = {}): Device {
  return {
    id: spec.id ?? `dev-${n}`,
    environment,
    name: spec.name ?? `${environment} ${n}`,
    addresses: spec.addresses ?? [ipFor(2, n)],
    tenant: spec.tenant ?? `tenant-${n}.onmicrosoft.com`,
    agentId: spec.agentId ?? 'agent-1',
    options: spec.options ?? {},
  };
}

/** The default plan with a console address, the given agents and devices, and overrides. */
export function planWith(parts: Partial<Plan> = {}): Plan {
  const base = createDefaultPlan();
  return {
    ...base,
    console: { name: 'Console', address: '10.0.0.10' },
    agents: [makeAgent(1)],
    ...parts,
  };
}

/** Environment ids a plan may use as devices (not core, not integrations). */
export function deviceEnvironmentIds(catalog: Catalog, amVersion?: AmVersion): string[] {
  return catalog.environments
    .filter((e) => e.group !== 'core' && e.group !== 'integration')
    .filter((e) => amVersion === undefined || e.versions.includes(amVersion))
    .map((e) => e.id);
}

export interface MakePlanOptions {
  agents: number;
  devices: number;
  /** Environments to cycle through; default: every device environment of `catalog`. */
  environments?: readonly string[];
  catalog?: Catalog;
  amVersion?: AmVersion;
  /** Turn on Access Analyzer (classic, API server), SIEM and Threat Manager. */
  integrations?: boolean;
}

/**
 * A generated plan: `agents` agent servers, `devices` devices cycling through the environments
 * and over the agents (device i -> agent (i mod agents) + 1), every address filled in.
 */
export function makePlan(options: MakePlanOptions): Plan {
  const amVersion = options.amVersion ?? '10.0';
  const environments =
    options.environments ??
    (options.catalog ? deviceEnvironmentIds(options.catalog, amVersion) : ['qumulo']);
  if (environments.length === 0) throw new Error('makePlan: no environments');
  const agents = Array.from({ length: options.agents }, (_, i) => makeAgent(i + 1));
  const devices = Array.from({ length: options.devices }, (_, i) => {
    const environment = environments[i % environments.length] ?? 'qumulo';
    return makeDevice(environment, i + 1, {
      agentId: agents.length > 0 ? `agent-${(i % agents.length) + 1}` : '',
    });
  });
  const plan = planWith({ amVersion, agents, devices });
  if (options.integrations) {
    plan.integrations = {
      ...plan.integrations,
      accessAnalyzer: {
        ...plan.integrations.accessAnalyzer,
        enabled: true,
        address: '10.9.0.1',
        useApiServer: true,
      },
      siem: { ...plan.integrations.siem, enabled: true, address: '10.9.0.2' },
      threatManager: { ...plan.integrations.threatManager, enabled: true, address: '10.9.0.3' },
    };
  }
  return plan;
}

/** A deterministic pseudo-random permutation (mulberry32). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** The same plan with agents and devices in another order (ids kept). */
export function shufflePlan(plan: Plan, seed: number): Plan {
  return {
    ...plan,
    agents: shuffled(plan.agents, seed),
    devices: shuffled(plan.devices, seed + 1),
  };
}
