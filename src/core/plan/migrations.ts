/**
 * Named, ordered migrations of the plan's shape (tldraw style). A plan of any earlier
 * schemaVersion is brought up to PLAN_SCHEMA_VERSION, then checked by parsePlan; a plan of a
 * later schemaVersion (a newer planner) is refused, never opened with parts of it dropped.
 *
 * To change the plan's shape: bump PLAN_SCHEMA_VERSION, add a step here (its own frozen
 * defaults, never createDefaultPlan(), which may change later), a fixture of the old shape in
 * tests/fixtures/plans, one test per step, and update docs/plan-format.md and
 * docs/plan.schema.json (docs/architecture.md, "A change of the plan's shape").
 *
 * `up` receives untrusted JSON: it must check shapes, and it must build new objects by spreading
 * or Object.fromEntries, never by assigning keys taken from its input (`obj[key] = ...`), so a
 * __proto__ key stays a plain key that parsePlan then refuses.
 */
import type { Plan } from './model';
import { PLAN_SCHEMA_VERSION } from './model';
import { parsePlan } from './parse-plan';

export interface PlanMigration {
  /** The schemaVersion this step reads; it writes fromVersion + 1. */
  fromVersion: number;
  /** A stable, descriptive name, e.g. 'v2-deployment-settings'. */
  name: string;
  up: (plan: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * The deployment a format-1 plan without one gets: the defaults of plan format 2. Frozen: it
 * never follows later changes of createDefaultDeployment().
 */
export const V2_DEFAULT_DEPLOYMENT = {
  pushInstall: false,
  proxy: { enabled: false, name: 'Network proxy', address: '', port: 8080 },
  archive: { enabled: false, name: 'Archive server', address: '' },
} as const;

/** What format 3 adds to a format-2 plan besides the tenant (frozen, see V2_DEFAULT_DEPLOYMENT). */
export const V3_DEFAULTS = {
  additionalConsoles: [],
  threatPrevention: { enabled: false, name: 'Threat Prevention Enterprise Manager', address: '' },
  agentServices: {
    dns: { enabled: false, addresses: [] },
    domainControllers: { enabled: false, addresses: [] },
    smtp: { enabled: false, name: 'SMTP server', address: '', port: 25 },
    syslog: { enabled: false, name: 'Syslog server', address: '', transport: 'UDP', port: 514 },
  },
} as const;

/**
 * The tenant a format-2 plan's cloud devices name, for the plan's `microsoftTenant`: the first
 * non-empty device tenant. Devices that named exactly that tenant then name none (they use the
 * plan's); a device that named another tenant keeps it, so nothing typed is lost.
 */
export function liftTenant(devices: unknown): { tenant: string; devices: unknown } {
  if (!Array.isArray(devices)) return { tenant: '', devices };
  const named = devices.find(
    (d): d is { tenant: string } => isRecord(d) && typeof d.tenant === 'string' && d.tenant !== '',
  );
  if (!named) return { tenant: '', devices };
  const tenant = named.tenant;
  return {
    tenant,
    devices: devices.map((d: unknown) =>
      isRecord(d) && d.tenant === tenant ? { ...d, tenant: '' } : d,
    ),
  };
}

/** The top-level keys format 3 adds: a format-2 plan holding one is refused, never overwritten. */
const V3_KEYS = ['additionalConsoles', 'microsoftTenant', 'agentServices'] as const;

/**
 * What format 4 writes for the CEE servers a format-3 plan typed per device (frozen, see
 * V2_DEFAULT_DEPLOYMENT): the option names of format 3 and 4, the names and ids given, the OS.
 */
export const V4_CEE = {
  placementOption: 'ceePlacement',
  separate: 'separate',
  addressOption: 'ceeAddress',
  serverOption: 'ceeServer',
  name: (n: number) => `CEE server ${n}`,
  id: (n: number) => `cee-${n}`,
  /** Format 3 drew every CEE server as a Windows host (the delivery choice stays the device's). */
  os: 'windows',
} as const;

/**
 * Format 4 names each CEE server once (`ceeServers`). A device of format 3 that typed a CEE
 * address (`ceeAddress`, usually with `ceePlacement` "separate") names a CEE server instead
 * (`ceeServer`, its id): devices with the same address (trimmed, case-insensitive) share one;
 * a device with the CEE on a separate server but no address gets one of its own, so nothing
 * merges wrongly. An address typed while the CEE was on the agent server is kept the same way
 * (the placement is unchanged, so it stays unused until the user switches). Nothing else changes.
 */
export function nameCeeServers(devices: unknown): { ceeServers: unknown[]; devices: unknown } {
  if (!Array.isArray(devices)) return { ceeServers: [], devices };
  const ceeServers: { id: string; name: string; address: string; os: string }[] = [];
  const byAddress = new Map<string, string>();
  const out = devices.map((d: unknown) => {
    if (!isRecord(d) || !isRecord(d.options)) return d;
    const options = d.options;
    const typed = options[V4_CEE.addressOption];
    const address = typeof typed === 'string' ? typed : '';
    const separate = options[V4_CEE.placementOption] === V4_CEE.separate;
    if (!separate && address.trim() === '') {
      if (!Object.hasOwn(options, V4_CEE.addressOption)) return d;
      // An empty address that was never in use: nothing to keep.
      return { ...d, options: withoutKey(options, V4_CEE.addressOption) };
    }
    const key = address.trim().toLowerCase();
    let id = key === '' ? undefined : byAddress.get(key);
    if (id === undefined) {
      const n = ceeServers.length + 1;
      id = V4_CEE.id(n);
      // The address as typed: one that format 3 refused stays refused (never mended in silence).
      ceeServers.push({ id, name: V4_CEE.name(n), address, os: V4_CEE.os });
      if (key !== '') byAddress.set(key, id);
    }
    return {
      ...d,
      options: { ...withoutKey(options, V4_CEE.addressOption), [V4_CEE.serverOption]: id },
    };
  });
  return { ceeServers, devices: out };
}

function withoutKey(record: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

/** What format 5 gives an older plan (frozen, see V2_DEFAULT_DEPLOYMENT): no zones. */
export const V5_EMPTY_NETWORK = {
  zones: [],
  firewalls: [],
  assignments: [],
  preferredPaths: [],
} as const;

export const PLAN_MIGRATIONS: readonly PlanMigration[] = [
  {
    // Format 2 makes `deployment` required. Format-1 plans saved before it existed get the
    // defaults; format-1 plans saved after it was added (as an optional key) keep theirs.
    fromVersion: 1,
    name: 'v2-deployment-settings',
    up: (plan) =>
      Object.hasOwn(plan, 'deployment')
        ? { ...plan }
        : { ...plan, deployment: structuredClone(V2_DEFAULT_DEPLOYMENT) },
  },
  {
    // Format 3 enters the Microsoft tenant once per plan (lifted from the devices, see
    // liftTenant) and adds more consoles, the agents' services and Threat Prevention, all off.
    fromVersion: 2,
    name: 'v3-tenant-once-and-agent-services',
    up: (plan) => {
      const taken = V3_KEYS.find((key) => Object.hasOwn(plan, key));
      const integrationsTaken =
        isRecord(plan.integrations) && Object.hasOwn(plan.integrations, 'threatPrevention');
      if (taken !== undefined || integrationsTaken) {
        throw new Error(
          `the plan holds ${taken ?? 'integrations.threatPrevention'}, which plan format 2 does not have`,
        );
      }
      const { tenant, devices } = liftTenant(plan.devices);
      const integrations = isRecord(plan.integrations)
        ? {
            ...plan.integrations,
            threatPrevention: structuredClone(V3_DEFAULTS.threatPrevention),
          }
        : plan.integrations;
      return {
        ...plan,
        additionalConsoles: [],
        devices,
        microsoftTenant: tenant,
        integrations,
        agentServices: structuredClone(V3_DEFAULTS.agentServices),
      };
    },
  },
  {
    // Format 4 names the Dell CEE servers once (see nameCeeServers).
    fromVersion: 3,
    name: 'v4-named-cee-servers',
    up: (plan) => {
      if (Object.hasOwn(plan, 'ceeServers')) {
        throw new Error('the plan holds ceeServers, which plan format 3 does not have');
      }
      const { ceeServers, devices } = nameCeeServers(plan.devices);
      return { ...plan, devices, ceeServers };
    },
  },
  {
    // Format 5 adds the network zones and firewalls, empty: the plan resolves as before.
    fromVersion: 4,
    name: 'v5-network-zones',
    up: (plan) => {
      if (Object.hasOwn(plan, 'network')) {
        throw new Error('the plan holds network, which plan format 4 does not have');
      }
      return { ...plan, network: structuredClone(V5_EMPTY_NETWORK) };
    },
  },
];

export type MigrateResult =
  | { ok: true; plan: Plan; migratedFrom: number | null }
  /** newer: refused because a newer planner made it (the command line's exit code says so). */
  | { ok: false; errors: string[]; newer?: true };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The formats this planner reads, for messages: "1" or "1 to 2". */
export function readableFormats(current: number): string {
  return current === 1 ? '1' : `1 to ${current}`;
}

/** The message for a plan of a newer format: refused, with what the user can do. */
export function newerPlanMessage(what: string, version: number): string {
  return `${what} made with a newer planner (plan format ${version}; this planner reads formats ${readableFormats(PLAN_SCHEMA_VERSION)}), so opening it here could lose parts of it. Update the planner, or open it in the planner that made it.`;
}

/** Migrates and validates an untrusted plan object. Never throws. */
export function migratePlan(input: unknown): MigrateResult {
  const target = PLAN_SCHEMA_VERSION;
  if (!isRecord(input)) return { ok: false, errors: ['The plan is not a JSON object.'] };
  const version = input.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: ['The plan has no valid schemaVersion.'] };
  }
  if (version > target) {
    return { ok: false, errors: [newerPlanMessage('The plan was', version)], newer: true };
  }
  let current: Record<string, unknown> = input;
  for (let from = version; from < target; from += 1) {
    const step = PLAN_MIGRATIONS.find((m) => m.fromVersion === from);
    if (!step) return { ok: false, errors: [`No migration from plan format ${from}.`] };
    try {
      current = { ...step.up(current), schemaVersion: from + 1 };
    } catch (e) {
      const why = e instanceof Error ? `: ${e.message.slice(0, 120)}` : '';
      return { ok: false, errors: [`Migration "${step.name}" failed${why}.`] };
    }
  }
  const parsed = parsePlan(current);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    plan: parsed.plan,
    migratedFrom: version === target ? null : version,
  };
}
