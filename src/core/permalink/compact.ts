/**
 * The compact form of a plan inside a permalink (compact formats 1 to 5).
 *
 * Short keys, positional arrays, catalog ids (never labels) and no values equal to the frozen
 * defaults below, so that a typical plan fits in a few hundred characters once deflated.
 * The encoding is lossless: fromCompact(toCompact(plan)) rebuilds a plan that deep-equals it.
 *
 * Compact format 5 (JSON), written since PERMALINK_VERSION 5 (plan format 5): format 4 plus
 *     z?: { z?, f?, a?, p? }  plan.network (default: all empty), each list left out when empty:
 *       z: Zone[]      Zone = [id, name, cidrs]
 *       f: Firewall[]  Firewall = [id, name, kind, Interface[]], Interface = [id, name, zoneIds]
 *       a: [address, zoneId][]           the zones chosen by hand
 *       p: [from, to, firewallIds][]     the paths chosen where several exist
 *   A link of format 1 to 4 expands to a plan of format 4 or earlier, which migratePlan brings to
 *   format 5 ('v5-network-zones': no zones).
 *
 * Compact format 4 (JSON), written by PERMALINK_VERSION 4 (plan format 4): format 3 plus
 *     x?: Cee[]               plan.ceeServers            (default [])
 *   Cee = [address, name, os, id], trailing defaults dropped, a default in the middle written as
 *         0 (defaults: name `CEE server <n>`, os 'windows', id `cee-<n>`). A device's CEE server
 *         is its option `ceeServer` (its id), in its options like any other.
 *   A link of format 1 to 3 expands to a plan of format 3, which migratePlan brings to format 4
 *   ('v4-named-cee-servers'), so its per-device CEE addresses become named CEE servers.
 *
 * Compact format 3 (JSON), written by PERMALINK_VERSION 3: format 2 plus
 *     t?: string              plan.microsoftTenant       (default '')
 *     o?: Host[]              plan.additionalConsoles    (default []; default names
 *                             `Activity Monitor Console <n>`, n = 2, 3, ...)
 *     i.p                     integrations.threatPrevention, like the other integrations
 *     g?: { n?, c?, m?, y? }  agentServices dns / domainControllers / smtp / syslog: only the
 *                             fields that differ from the V3 defaults, keys in AGENT_SERVICE_KEYS;
 *                             address lists are written as lists when not empty
 *   and a Device's `tenant` names another tenant than `t` only (0 when none).
 *
 * Compact format 2 (JSON), written by PERMALINK_VERSION 2:
 *   {
 *     n?: string              plan.name                  (default 'Activity Monitor deployment')
 *     v?: string              plan.amVersion             (default '10.0')
 *     c?: Host                plan.console               (default name 'Activity Monitor Console')
 *     a?: Agent[]             plan.agents                (default: one default agent, no address)
 *     d?: Device[]            plan.devices               (default [])
 *     i?: { a?, s?, t? }      integrations accessAnalyzer / siem / threatManager: only the fields
 *                             that differ from the defaults, keys in INTEGRATION_KEYS
 *     e?: { p?: 1, x?, r? }   deployment: pushInstall, proxy, archive; x and r hold only the fields
 *                             that differ from the defaults, keys in DEPLOYMENT_KEYS
 *     s?: { r?: [from, to], p?: { settingId: port }, i?: 0 }   settings (rpcRange, ports, showInferred)
 *     k?: string              catalog version of the planner that made the link (informational;
 *                             only a short version-like text is read, see isCatalogVersion)
 *   }
 *   Host   = address | [address, name]                        (the first form when name is default)
 *   Agent  = address | [address, name] | [address, name, id]  (defaults: `Agent server <n>`, `agent-<n>`)
 *   Device = [environment, name, addresses, tenant, agent, options, id], trailing defaults dropped,
 *            a default in the middle written as 0. agent: index into agents (default 0 = the first
 *            agent), -1 for no agent, or an id string when it names no agent of the plan.
 *            id default `dev-<n>`. options: an object with sorted keys.
 *   Booleans are written 1 / 0. Record keys are sorted, so the same plan gives the same link.
 *
 * Compact format 1 is the same without `e`: links made before plan.deployment existed. Planners
 * between that change and PERMALINK_VERSION 2 wrote `e` into format-1 links too; the link
 * migration 'v2-deployment-settings' (./migrations.ts) keeps it, so both kinds open as they were.
 *
 * THE DEFAULTS BELOW ARE FROZEN. They are part of formats 1 and 2 and never change, even when
 * createDefaultPlan() does: old links must keep decoding to the same plan. A new format
 * (new defaults, new fields) gets a new PERMALINK_VERSION and a step in ./migrations.ts.
 *
 * fromCompact reads untrusted JSON: it never throws on odd shapes; it builds fresh objects from
 * the keys it knows, refuses any other key (naming its place in the plan), and leaves type
 * checking to migratePlan/parsePlan (core/plan), which also refuses prototype keys in records.
 */
import { V3_DEFAULTS } from '@/core/plan/migrations';
import type { Plan } from '@/core/plan/model';
import { keyNotAllowed } from '@/core/plan/parse-plan';
import { isCatalogVersion } from '@/core/validate/catalog-version';
import { describeValue } from '@/core/validate/quote';

/** The defaults of compact formats 1 and 2 (frozen). */
export const COMPACT_DEFAULTS = {
  name: 'Activity Monitor deployment',
  amVersion: '10.0',
  consoleName: 'Activity Monitor Console',
  agentName: (n: number) => `Agent server ${n}`,
  agentId: (n: number) => `agent-${n}`,
  deviceId: (n: number) => `dev-${n}`,
  integrations: {
    accessAnalyzer: {
      enabled: false,
      edition: 'classic',
      name: 'Access Analyzer',
      address: '',
      useApiServer: false,
    },
    siem: { enabled: false, name: 'SIEM', address: '', transport: 'UDP', port: 514 },
    threatManager: { enabled: false, name: 'Threat Manager', address: '' },
  },
  deployment: {
    pushInstall: false,
    proxy: { enabled: false, name: 'Network proxy', address: '', port: 8080 },
    archive: { enabled: false, name: 'Archive server', address: '' },
  },
  rpcRange: { from: 49152, to: 65535 },
  showInferred: true,
} as const;

/**
 * The defaults compact format 3 adds (frozen like COMPACT_DEFAULTS): the frozen defaults of plan
 * format 3 (V3_DEFAULTS, which a format-2 plan gets when it is migrated).
 */
export const COMPACT_V3_DEFAULTS = {
  microsoftTenant: '',
  additionalConsoleName: (n: number) => `Activity Monitor Console ${n}`,
  threatPrevention: V3_DEFAULTS.threatPrevention,
  agentServices: V3_DEFAULTS.agentServices,
} as const;

/** The defaults of compact format 4 (frozen). */
export const COMPACT_V4_DEFAULTS = {
  ceeName: (n: number) => `CEE server ${n}`,
  ceeOs: 'windows',
  ceeId: (n: number) => `cee-${n}`,
} as const;

/** Short keys of the integration fields (formats 1 and 2; threatPrevention since 3). */
const INTEGRATION_KEYS = {
  accessAnalyzer: {
    key: 'a',
    fields: { enabled: 'e', edition: 'd', name: 'n', address: 'h', useApiServer: 'u' },
  },
  siem: {
    key: 's',
    fields: { enabled: 'e', name: 'n', address: 'h', transport: 't', port: 'p' },
  },
  threatManager: { key: 't', fields: { enabled: 'e', name: 'n', address: 'h' } },
  threatPrevention: { key: 'p', fields: { enabled: 'e', name: 'n', address: 'h' } },
} as const;

const INTEGRATION_DEFAULTS = {
  ...COMPACT_DEFAULTS.integrations,
  threatPrevention: COMPACT_V3_DEFAULTS.threatPrevention,
} as const;

/** Short keys of the agent services (format 3). */
const AGENT_SERVICE_KEYS = {
  dns: { key: 'n', fields: { enabled: 'e', addresses: 'a' } },
  domainControllers: { key: 'c', fields: { enabled: 'e', addresses: 'a' } },
  smtp: { key: 'm', fields: { enabled: 'e', name: 'n', address: 'h', port: 'p' } },
  syslog: {
    key: 'y',
    fields: { enabled: 'e', name: 'n', address: 'h', transport: 't', port: 'p' },
  },
} as const;

type AgentServiceName = keyof typeof AGENT_SERVICE_KEYS;
const AGENT_SERVICE_NAMES = Object.keys(AGENT_SERVICE_KEYS) as AgentServiceName[];

/** Short keys of the deployment host fields (format 2, and format-1 links with `e`). */
const DEPLOYMENT_KEYS = {
  proxy: { key: 'x', fields: { enabled: 'e', name: 'n', address: 'h', port: 'p' } },
  archive: { key: 'r', fields: { enabled: 'e', name: 'n', address: 'h' } },
} as const;

type DeploymentHostName = keyof typeof DEPLOYMENT_KEYS;
const DEPLOYMENT_HOSTS = Object.keys(DEPLOYMENT_KEYS) as DeploymentHostName[];

type IntegrationName = keyof typeof INTEGRATION_KEYS;
const INTEGRATION_NAMES = Object.keys(INTEGRATION_KEYS) as IntegrationName[];

export type CompactValue =
  string | number | boolean | null | CompactValue[] | { [key: string]: CompactValue };
export type CompactPlan = { [key: string]: CompactValue };

type Json = Record<string, unknown>;

function isRecord(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const bool = (b: boolean): number => (b ? 1 : 0);
/** 1/0 back to booleans; anything else passes through for the validator to reject. */
const unbool = (x: unknown): unknown => (x === 1 ? true : x === 0 ? false : x);

function sortedRecord<T extends CompactValue>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k] as T]),
  );
}

/** A plain copy of an untrusted record (own keys only); non-records pass through. */
function copyRecord(x: unknown): unknown {
  return isRecord(x) ? Object.fromEntries(Object.entries(x)) : x;
}

/** Drops trailing elements equal to 0 (the "default" marker). */
function trimTrailingDefaults(items: CompactValue[]): CompactValue[] {
  let end = items.length;
  while (end > 0 && items[end - 1] === 0) end -= 1;
  return items.slice(0, end);
}

type Fields = Readonly<Record<string, string>>;

type FieldValue = string | number | boolean | readonly string[];

/**
 * The fields of `value` that differ from `defaults`, under their short keys. A list differs
 * when it is not empty (the defaults' lists are empty).
 */
function diffFields(value: object, defaults: object, fields: Fields): CompactPlan {
  const v = value as Record<string, FieldValue | undefined>;
  const d = defaults as Record<string, FieldValue>;
  const diff: CompactPlan = {};
  for (const [field, short] of Object.entries(fields)) {
    const x = v[field];
    if (x === undefined || x === d[field]) continue;
    if (Array.isArray(x)) {
      if (x.length > 0) diff[short] = [...(x as readonly string[])];
      continue;
    }
    diff[short] = typeof x === 'boolean' ? bool(x) : (x as string | number);
  }
  return diff;
}

/** The first key of `record` not in `allowed`, as an error naming `place`; null when none. */
function unknownKey(record: Json, allowed: readonly string[], place: string[]): string | null {
  const extra = Object.keys(record).find((key) => !allowed.includes(key));
  return extra === undefined ? null : keyNotAllowed(place, extra);
}

/**
 * The defaults with the fields a diff names (booleans back from 1/0); an error when the diff is
 * not an object or holds a key of no field.
 */
function applyFields(
  diff: unknown,
  defaults: object,
  fields: Fields,
  place: string[],
): Json | string {
  if (diff === undefined) return structuredClone(defaults) as Json;
  if (!isRecord(diff)) return `${place.join('.')}: not an object`;
  const extra = unknownKey(diff, Object.values(fields), place);
  if (extra) return extra;
  const d = defaults as Record<string, unknown>;
  const value: Json = { ...d };
  for (const [field, short] of Object.entries(fields)) {
    const x = diff[short];
    if (x === undefined) continue;
    value[field] = typeof d[field] === 'boolean' ? unbool(x) : Array.isArray(x) ? [...x] : x;
  }
  return value;
}

function host(address: string, name: string, defaultName: string): CompactValue {
  return name === defaultName ? address : [address, name];
}

export function toCompact(plan: Plan, meta: { catalogVersion?: string } = {}): CompactPlan {
  const d = COMPACT_DEFAULTS;
  const out: CompactPlan = {};
  if (plan.name !== d.name) out.n = plan.name;
  if (plan.amVersion !== d.amVersion) out.v = plan.amVersion;
  if (plan.console.name !== d.consoleName || plan.console.address !== '') {
    out.c = host(plan.console.address, plan.console.name, d.consoleName);
  }

  if (plan.additionalConsoles.length > 0) {
    out.o = plan.additionalConsoles.map((c, i) =>
      host(c.address, c.name, COMPACT_V3_DEFAULTS.additionalConsoleName(i + 2)),
    );
  }

  if (plan.ceeServers.length > 0) {
    const v4 = COMPACT_V4_DEFAULTS;
    out.x = plan.ceeServers.map((c, i) => {
      const cee = trimTrailingDefaults([
        c.address,
        c.name !== v4.ceeName(i + 1) ? c.name : 0,
        c.os !== v4.ceeOs ? c.os : 0,
        c.id !== v4.ceeId(i + 1) ? c.id : 0,
      ]);
      return cee.length === 1 ? c.address : cee;
    });
  }

  const agents = plan.agents.map((a, i): CompactValue => {
    if (a.id !== d.agentId(i + 1)) return [a.address, a.name, a.id];
    return host(a.address, a.name, d.agentName(i + 1));
  });
  const defaultAgents = agents.length === 1 && agents[0] === '';
  if (!defaultAgents) out.a = agents;

  if (plan.devices.length > 0) {
    const firstAgentId = plan.agents[0]?.id ?? '';
    out.d = plan.devices.map((dev, i) => {
      let agent: CompactValue = 0;
      if (dev.agentId !== firstAgentId) {
        const index = plan.agents.findIndex((a) => a.id === dev.agentId);
        agent = dev.agentId === '' ? -1 : index >= 0 ? index : dev.agentId;
      }
      const options = Object.keys(dev.options).length > 0 ? sortedRecord(dev.options) : 0;
      return trimTrailingDefaults([
        dev.environment,
        dev.name,
        dev.addresses.length > 0 ? [...dev.addresses] : 0,
        dev.tenant !== '' ? dev.tenant : 0,
        agent,
        options,
        dev.id !== d.deviceId(i + 1) ? dev.id : 0,
      ]);
    });
  }

  const integrations: CompactPlan = {};
  for (const name of INTEGRATION_NAMES) {
    const { key, fields } = INTEGRATION_KEYS[name];
    const diff = diffFields(plan.integrations[name], INTEGRATION_DEFAULTS[name], fields);
    if (Object.keys(diff).length > 0) integrations[key] = diff;
  }
  if (Object.keys(integrations).length > 0) out.i = integrations;
  if (plan.microsoftTenant !== COMPACT_V3_DEFAULTS.microsoftTenant) out.t = plan.microsoftTenant;

  const services: CompactPlan = {};
  for (const name of AGENT_SERVICE_NAMES) {
    const { key, fields } = AGENT_SERVICE_KEYS[name];
    const diff = diffFields(
      plan.agentServices[name],
      COMPACT_V3_DEFAULTS.agentServices[name],
      fields,
    );
    if (Object.keys(diff).length > 0) services[key] = diff;
  }
  if (Object.keys(services).length > 0) out.g = services;

  const net = plan.network;
  const z: CompactPlan = {};
  if (net.zones.length > 0) z.z = net.zones.map((zone) => [zone.id, zone.name, [...zone.cidrs]]);
  if (net.firewalls.length > 0) {
    z.f = net.firewalls.map((f) => [
      f.id,
      f.name,
      f.kind,
      f.interfaces.map((i) => [i.id, i.name, [...i.zones]]),
    ]);
  }
  if (net.assignments.length > 0) z.a = net.assignments.map((a) => [a.address, a.zoneId]);
  if (net.preferredPaths.length > 0) {
    z.p = net.preferredPaths.map((p) => [p.from, p.to, [...p.firewalls]]);
  }
  if (Object.keys(z).length > 0) out.z = z;

  const deploymentOut: CompactPlan = {};
  if (plan.deployment.pushInstall !== d.deployment.pushInstall) {
    deploymentOut.p = bool(plan.deployment.pushInstall);
  }
  for (const name of DEPLOYMENT_HOSTS) {
    const { key, fields } = DEPLOYMENT_KEYS[name];
    const diff = diffFields(plan.deployment[name], d.deployment[name], fields);
    if (Object.keys(diff).length > 0) deploymentOut[key] = diff;
  }
  if (Object.keys(deploymentOut).length > 0) out.e = deploymentOut;

  const settings: CompactPlan = {};
  const { rpcRange, ports, showInferred } = plan.settings;
  if (rpcRange.from !== d.rpcRange.from || rpcRange.to !== d.rpcRange.to) {
    settings.r = [rpcRange.from, rpcRange.to];
  }
  if (Object.keys(ports).length > 0) settings.p = sortedRecord(ports);
  if (showInferred !== d.showInferred) settings.i = bool(showInferred);
  if (Object.keys(settings).length > 0) out.s = settings;

  if (meta.catalogVersion) out.k = meta.catalogVersion;
  return out;
}

export type FromCompactResult =
  | {
      ok: true;
      plan: Json;
      /** The link's catalog version (`k`), when it is a version-like text. */
      catalogVersion: string | null;
      /** `k` when it is there but no catalog version, described for a message (quoted, short). */
      unreadableCatalogVersion: string | null;
    }
  | { ok: false; errors: string[] };

/** The keys of each fixed-key object of the compact form. */
const TOP_KEYS = ['n', 'v', 'c', 'o', 'a', 'd', 'x', 't', 'i', 'e', 'g', 'z', 's', 'k'] as const;
/** The top-level keys compact format 5 added: a link of an earlier format must not hold them. */
export const COMPACT_V5_TOP_KEYS = ['z'] as const;
const NETWORK_KEYS = ['z', 'f', 'a', 'p'] as const;
/** The top-level keys compact format 4 added: a link of an earlier format must not hold them. */
export const COMPACT_V4_TOP_KEYS = ['x'] as const;
/** The top-level keys compact format 3 added: a link of an earlier format must not hold them. */
export const COMPACT_V3_TOP_KEYS = ['o', 't', 'g'] as const;
const INTEGRATIONS_KEYS = INTEGRATION_NAMES.map((name) => INTEGRATION_KEYS[name].key);
const AGENT_SERVICES_KEYS = AGENT_SERVICE_NAMES.map((name) => AGENT_SERVICE_KEYS[name].key);
const DEPLOYMENT_TOP_KEYS = ['p', ...DEPLOYMENT_HOSTS.map((name) => DEPLOYMENT_KEYS[name].key)];
const SETTINGS_KEYS = ['r', 'p', 'i'] as const;

/** Position-or-default: a missing element or 0 means the default. */
function at(items: readonly unknown[], index: number): unknown {
  const v = items[index];
  return v === undefined || v === 0 ? undefined : v;
}

function readHost(x: unknown, defaultName: string): { name: unknown; address: unknown } | string {
  if (x === undefined) return { name: defaultName, address: '' };
  if (typeof x === 'string') return { name: defaultName, address: x };
  if (Array.isArray(x) && x.length === 2) return { address: x[0], name: x[1] };
  return 'a host must be an address or [address, name]';
}

const failed = (error: string): FromCompactResult => ({ ok: false, errors: [error] });

/** A list of fixed-length tuples, each turned into an object; an error names the place. */
function readTuples(
  raw: unknown,
  place: string,
  length: number,
  build: (entry: unknown[], i: number) => Json | string,
): Json[] | string {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return `${place}: not a list`;
  const out: Json[] = [];
  for (const [i, x] of raw.entries()) {
    if (!Array.isArray(x) || x.length !== length)
      return `${place}.${i}: not a ${length}-item entry`;
    const built = build(x, i);
    if (typeof built === 'string') return built;
    out.push(built);
  }
  return out;
}

/** A list inside an entry, copied (its items are checked by parsePlan). */
const copyList = (x: unknown): unknown => (Array.isArray(x) ? [...(x as unknown[])] : x);

/** plan.network from the compact `z` (format 5); the empty model when absent. */
function readNetwork(raw: unknown): Json | string {
  const z = raw === undefined ? {} : raw;
  if (!isRecord(z)) return 'network: not an object';
  const extra = unknownKey(z, NETWORK_KEYS, ['network']);
  if (extra) return extra;
  const zones = readTuples(z.z, 'network.zones', 3, (e) => ({
    id: e[0],
    name: e[1],
    cidrs: copyList(e[2]),
  }));
  if (typeof zones === 'string') return zones;
  const firewalls = readTuples(z.f, 'network.firewalls', 4, (e, i) => {
    const interfaces = readTuples(e[3], `network.firewalls.${i}.interfaces`, 3, (f) => ({
      id: f[0],
      name: f[1],
      zones: copyList(f[2]),
    }));
    if (typeof interfaces === 'string') return interfaces;
    return { id: e[0], name: e[1], kind: e[2], interfaces };
  });
  if (typeof firewalls === 'string') return firewalls;
  const assignments = readTuples(z.a, 'network.assignments', 2, (e) => ({
    address: e[0],
    zoneId: e[1],
  }));
  if (typeof assignments === 'string') return assignments;
  const preferredPaths = readTuples(z.p, 'network.preferredPaths', 3, (e) => ({
    from: e[0],
    to: e[1],
    firewalls: copyList(e[2]),
  }));
  if (typeof preferredPaths === 'string') return preferredPaths;
  return { zones, firewalls, assignments, preferredPaths };
}

/**
 * Rebuilds a candidate plan of `schemaVersion` from the current compact format (4). The result
 * is unchecked: pass it to migratePlan. A key the format does not have is an error naming its
 * place in the plan. For a plan format before 4 (a link of format 1 to 3, see planFormatOfLink)
 * there is no `ceeServers`: migratePlan adds them from the devices. Never throws.
 */
export function fromCompact(compact: unknown, schemaVersion: number): FromCompactResult {
  const d = COMPACT_DEFAULTS;
  if (!isRecord(compact)) return failed('the link holds no plan object');
  const extraTop = unknownKey(compact, TOP_KEYS, []);
  if (extraTop) return failed(extraTop);

  const consoleHost = readHost(compact.c, d.consoleName);
  if (typeof consoleHost === 'string') return failed(`console: ${consoleHost}`);

  const rawConsoles = compact.o === undefined ? [] : compact.o;
  if (!Array.isArray(rawConsoles)) return failed('additionalConsoles: not a list');
  const additionalConsoles: Json[] = [];
  for (const [i, x] of rawConsoles.entries()) {
    const h = readHost(x, COMPACT_V3_DEFAULTS.additionalConsoleName(i + 2));
    if (typeof h === 'string') return failed(`additionalConsoles.${i}: ${h}`);
    additionalConsoles.push(h);
  }

  const rawAgents = compact.a === undefined ? [''] : compact.a;
  if (!Array.isArray(rawAgents)) return failed('agents: not a list');
  const agents: Json[] = [];
  for (const [i, x] of rawAgents.entries()) {
    if (Array.isArray(x) && x.length === 3) {
      agents.push({ id: x[2], name: x[1], address: x[0] });
      continue;
    }
    const h = readHost(x, d.agentName(i + 1));
    if (typeof h === 'string') return failed(`agents.${i}: ${h}`);
    agents.push({ id: d.agentId(i + 1), ...h });
  }

  const rawDevices = compact.d === undefined ? [] : compact.d;
  if (!Array.isArray(rawDevices)) return failed('devices: not a list');
  const firstAgentId = agents[0]?.id ?? '';
  const devices: Json[] = [];
  for (const [i, x] of rawDevices.entries()) {
    if (!Array.isArray(x) || x.length < 2 || x.length > 7) {
      return failed(`devices.${i}: not a device entry`);
    }
    const agent = at(x, 4);
    let agentId: unknown = firstAgentId;
    if (agent === -1) agentId = '';
    else if (typeof agent === 'number') agentId = agents[agent]?.id ?? agent;
    else if (agent !== undefined) agentId = agent;
    devices.push({
      id: at(x, 6) ?? d.deviceId(i + 1),
      environment: x[0],
      name: x[1],
      addresses: Array.isArray(at(x, 2)) ? [...(at(x, 2) as unknown[])] : (at(x, 2) ?? []),
      tenant: at(x, 3) ?? '',
      agentId,
      options: copyRecord(at(x, 5) ?? {}),
    });
  }

  const rawCee = compact.x === undefined ? [] : compact.x;
  if (!Array.isArray(rawCee)) return failed('ceeServers: not a list');
  const ceeServers: Json[] = [];
  for (const [i, x] of rawCee.entries()) {
    const entry = typeof x === 'string' ? [x] : x;
    if (!Array.isArray(entry) || entry.length < 1 || entry.length > 4) {
      return failed(`ceeServers.${i}: not a CEE server entry`);
    }
    const v4 = COMPACT_V4_DEFAULTS;
    ceeServers.push({
      id: at(entry, 3) ?? v4.ceeId(i + 1),
      name: at(entry, 1) ?? v4.ceeName(i + 1),
      address: entry[0] === 0 ? '' : entry[0],
      os: at(entry, 2) ?? v4.ceeOs,
    });
  }

  const rawIntegrations = compact.i === undefined ? {} : compact.i;
  if (!isRecord(rawIntegrations)) return failed('integrations: not an object');
  const extraIntegration = unknownKey(rawIntegrations, INTEGRATIONS_KEYS, ['integrations']);
  if (extraIntegration) return failed(extraIntegration);
  const integrations: Json = {};
  for (const name of INTEGRATION_NAMES) {
    const { key, fields } = INTEGRATION_KEYS[name];
    const value = applyFields(rawIntegrations[key], INTEGRATION_DEFAULTS[name], fields, [
      'integrations',
      name,
    ]);
    if (typeof value === 'string') return failed(value);
    integrations[name] = value;
  }

  const rawDeployment = compact.e === undefined ? {} : compact.e;
  if (!isRecord(rawDeployment)) return failed('deployment: not an object');
  const extraDeployment = unknownKey(rawDeployment, DEPLOYMENT_TOP_KEYS, ['deployment']);
  if (extraDeployment) return failed(extraDeployment);
  const deployment: Json = {
    pushInstall: rawDeployment.p === undefined ? d.deployment.pushInstall : unbool(rawDeployment.p),
  };
  for (const name of DEPLOYMENT_HOSTS) {
    const { key, fields } = DEPLOYMENT_KEYS[name];
    const value = applyFields(rawDeployment[key], d.deployment[name], fields, ['deployment', name]);
    if (typeof value === 'string') return failed(value);
    deployment[name] = value;
  }

  const rawServices = compact.g === undefined ? {} : compact.g;
  if (!isRecord(rawServices)) return failed('agentServices: not an object');
  const extraService = unknownKey(rawServices, AGENT_SERVICES_KEYS, ['agentServices']);
  if (extraService) return failed(extraService);
  const agentServices: Json = {};
  for (const name of AGENT_SERVICE_NAMES) {
    const { key, fields } = AGENT_SERVICE_KEYS[name];
    const value = applyFields(rawServices[key], COMPACT_V3_DEFAULTS.agentServices[name], fields, [
      'agentServices',
      name,
    ]);
    if (typeof value === 'string') return failed(value);
    agentServices[name] = value;
  }

  const network = readNetwork(compact.z);
  if (typeof network === 'string') return failed(network);

  const rawSettings = compact.s === undefined ? {} : compact.s;
  if (!isRecord(rawSettings)) return failed('settings: not an object');
  const extraSetting = unknownKey(rawSettings, SETTINGS_KEYS, ['settings']);
  if (extraSetting) return failed(extraSetting);
  let rpcRange: unknown = { ...d.rpcRange };
  if (rawSettings.r !== undefined) {
    const r = rawSettings.r;
    if (!Array.isArray(r) || r.length !== 2) return failed('settings.rpcRange: not [from, to]');
    rpcRange = { from: r[0], to: r[1] };
  }

  const plan: Json = {
    schemaVersion,
    name: compact.n ?? d.name,
    amVersion: compact.v ?? d.amVersion,
    console: consoleHost,
    additionalConsoles,
    agents,
    devices,
    ...(schemaVersion >= 4 ? { ceeServers } : {}),
    microsoftTenant: compact.t ?? COMPACT_V3_DEFAULTS.microsoftTenant,
    integrations,
    deployment,
    agentServices,
    ...(schemaVersion >= 5 ? { network } : {}),
    settings: {
      rpcRange,
      ports: copyRecord(rawSettings.p ?? {}),
      showInferred: rawSettings.i === undefined ? d.showInferred : unbool(rawSettings.i),
    },
  };
  const k = compact.k;
  const catalogVersion = isCatalogVersion(k) ? k : null;
  const unreadableCatalogVersion =
    k === undefined || catalogVersion !== null ? null : describeValue(k);
  return { ok: true, plan, catalogVersion, unreadableCatalogVersion };
}
