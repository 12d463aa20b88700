/**
 * The one structural validator for plans from outside: stored plans, plan files and permalinks.
 * It checks shape and size caps only; address syntax and consistency are plan checks
 * (core/resolve), so a plan with a bad address still opens and nothing the user typed is lost.
 *
 * Strict: a key the current plan format does not have is an error naming its place, never
 * dropped, so that a plan from a newer planner (or a shape change that forgot its version bump)
 * cannot open with parts of it silently lost. The keys __proto__, constructor and prototype are
 * refused anywhere, before anything else looks at the plan. Messages quote outside text only
 * through quoteInput (short, quoted).
 */
import * as v from 'valibot';

import { AM_VERSIONS } from '@/core/catalog/model';
import { describeValue, quoteInput } from '@/core/validate/quote';

import type { Plan } from './model';
import { PLAN_SCHEMA_VERSION } from './model';

/** Caps that keep hostile input small (reliability guide URL-3, VAL-6). */
export const PLAN_LIMITS = {
  text: 200,
  address: 300,
  agents: 200,
  ceeServers: 200,
  /** Console instances besides the first. */
  additionalConsoles: 50,
  devices: 5000,
  addressesPerDevice: 256,
  options: 32,
  /** Text kept in a port field that is not a valid port (the wizard's fields take 10). */
  portText: 16,
  /** Network zones (since format 5), their CIDR blocks, firewalls and their interfaces. */
  zones: 200,
  cidrsPerZone: 256,
  firewalls: 100,
  interfacesPerFirewall: 64,
  zonesPerInterface: 200,
  /** Zones chosen by hand for hosts known by name; paths chosen where several exist. */
  zoneAssignments: 5000,
  preferredPaths: 1000,
} as const;

/** Keys that could reach an object's prototype if a program ever assigned them: never allowed. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

const text = v.pipe(
  v.string(),
  v.maxLength(PLAN_LIMITS.text, `at most ${PLAN_LIMITS.text} characters`),
);
const address = v.pipe(
  v.string(),
  v.maxLength(PLAN_LIMITS.address, `at most ${PLAN_LIMITS.address} characters`),
);
const id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an id of lower-case letters, digits and -'),
);
const PORT_RULE = 'a whole number 1-65535';
/**
 * Every port of the plan (settings.ports values, settings.rpcRange.from/to,
 * integrations.siem.port, deployment.proxy.port): a valid port number, or the text typed when it
 * is not one (at most PLAN_LIMITS.portText characters). Invalid text is kept so that nothing
 * typed is lost; the plan checks report it and no rule uses it (core/resolve/plan-values.ts).
 */
export const port = v.union(
  [
    v.pipe(
      v.number(),
      v.integer(PORT_RULE),
      v.minValue(1, PORT_RULE),
      v.maxValue(65535, PORT_RULE),
    ),
    v.pipe(
      v.string(),
      v.maxLength(PLAN_LIMITS.portText, `at most ${PLAN_LIMITS.portText} characters`),
    ),
  ],
  `${PORT_RULE}, or the text typed (at most ${PLAN_LIMITS.portText} characters)`,
);
const optionKey = v.pipe(v.string(), v.regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/, 'an option name'));

const hostEntry = { name: text, address };

const addressList = v.pipe(
  v.array(address),
  v.maxLength(
    PLAN_LIMITS.addressesPerDevice,
    `at most ${PLAN_LIMITS.addressesPerDevice} addresses`,
  ),
);

const deviceSchema = v.strictObject({
  id,
  environment: id,
  name: text,
  addresses: addressList,
  tenant: address,
  agentId: v.union([v.literal(''), id]),
  options: v.pipe(
    v.record(optionKey, v.union([text, v.boolean()])),
    v.check((o) => Object.keys(o).length <= PLAN_LIMITS.options, 'too many options'),
  ),
});

const serverList = v.strictObject({ enabled: v.boolean(), addresses: addressList });

const agentServicesSchema = v.strictObject({
  dns: serverList,
  domainControllers: serverList,
  smtp: v.strictObject({ ...hostEntry, enabled: v.boolean(), port }),
  syslog: v.strictObject({
    ...hostEntry,
    enabled: v.boolean(),
    transport: v.picklist(['UDP', 'TCP', 'TLS']),
    port,
  }),
});

function list<T extends v.GenericSchema>(item: T, max: number, what: string) {
  return v.pipe(v.array(item), v.maxLength(max, `at most ${max} ${what}`));
}

/** Since format 5: the network zones and firewalls (core/zones/model.ts ZoneModel). */
const networkSchema = v.strictObject({
  zones: list(
    v.strictObject({
      id,
      name: text,
      cidrs: list(address, PLAN_LIMITS.cidrsPerZone, 'CIDR blocks in a zone'),
    }),
    PLAN_LIMITS.zones,
    'zones',
  ),
  firewalls: list(
    v.strictObject({
      id,
      name: text,
      kind: v.picklist(['panos', 'fortios', 'asa', 'nftables', 'other']),
      interfaces: list(
        v.strictObject({
          id,
          name: text,
          zones: list(id, PLAN_LIMITS.zonesPerInterface, 'zones behind an interface'),
        }),
        PLAN_LIMITS.interfacesPerFirewall,
        'interfaces on a firewall',
      ),
    }),
    PLAN_LIMITS.firewalls,
    'firewalls',
  ),
  assignments: list(
    v.strictObject({ address, zoneId: id }),
    PLAN_LIMITS.zoneAssignments,
    'zones chosen by hand',
  ),
  preferredPaths: list(
    v.strictObject({
      from: id,
      to: id,
      firewalls: list(id, PLAN_LIMITS.firewalls, 'firewalls on a path'),
    }),
    PLAN_LIMITS.preferredPaths,
    'chosen paths',
  ),
});

const deploymentSchema = v.strictObject({
  pushInstall: v.boolean(),
  proxy: v.strictObject({ ...hostEntry, enabled: v.boolean(), port }),
  archive: v.strictObject({ ...hostEntry, enabled: v.boolean() }),
});

/** The current plan format (PLAN_SCHEMA_VERSION); docs/plan.schema.json mirrors it. */
export const planSchema = v.strictObject({
  schemaVersion: v.literal(PLAN_SCHEMA_VERSION),
  name: text,
  amVersion: v.picklist(AM_VERSIONS),
  console: v.strictObject(hostEntry),
  additionalConsoles: v.pipe(
    v.array(v.strictObject(hostEntry)),
    v.maxLength(
      PLAN_LIMITS.additionalConsoles,
      `at most ${PLAN_LIMITS.additionalConsoles} additional consoles`,
    ),
  ),
  agents: v.pipe(
    v.array(v.strictObject({ id, ...hostEntry })),
    v.maxLength(PLAN_LIMITS.agents, `at most ${PLAN_LIMITS.agents} agent servers`),
  ),
  devices: v.pipe(
    v.array(deviceSchema),
    v.maxLength(PLAN_LIMITS.devices, `at most ${PLAN_LIMITS.devices} devices`),
  ),
  ceeServers: v.pipe(
    v.array(v.strictObject({ id, ...hostEntry, os: v.picklist(['windows', 'linux']) })),
    v.maxLength(PLAN_LIMITS.ceeServers, `at most ${PLAN_LIMITS.ceeServers} CEE servers`),
  ),
  microsoftTenant: address,
  integrations: v.strictObject({
    accessAnalyzer: v.strictObject({
      ...hostEntry,
      enabled: v.boolean(),
      edition: v.picklist(['classic', 'aa26']),
      useApiServer: v.boolean(),
    }),
    siem: v.strictObject({
      ...hostEntry,
      enabled: v.boolean(),
      transport: v.picklist(['UDP', 'TCP']),
      port,
    }),
    threatManager: v.strictObject({ ...hostEntry, enabled: v.boolean() }),
    threatPrevention: v.strictObject({ ...hostEntry, enabled: v.boolean() }),
  }),
  deployment: deploymentSchema,
  agentServices: agentServicesSchema,
  network: networkSchema,
  settings: v.strictObject({
    // Order and range are plan checks (core/resolve/plan-values.ts), so nothing typed is lost.
    rpcRange: v.strictObject({ from: port, to: port }),
    ports: v.pipe(
      v.record(optionKey, port),
      v.check((o) => Object.keys(o).length <= PLAN_LIMITS.options, 'too many port settings'),
    ),
    showInferred: v.boolean(),
  }),
});

export type PlanParseResult = { ok: true; plan: Plan } | { ok: false; errors: string[] };

type PathKey = string | number;

/** The most path segments a message shows: the first and last few of a deeper path. */
const MAX_PLACE_DEPTH = 10;

/**
 * A path for a message: `devices.0.options`; a key that is not a plain name is quoted
 * (quoteInput), and a very deep path shows only its first and last segments.
 */
export function placeText(path: readonly PathKey[]): string {
  const shown: string[] = path.map((key) =>
    typeof key === 'number' || /^[A-Za-z0-9_-]{1,64}$/.test(key) ? String(key) : quoteInput(key),
  );
  if (shown.length <= MAX_PLACE_DEPTH) return shown.join('.');
  const half = MAX_PLACE_DEPTH / 2;
  return [...shown.slice(0, half), '…', ...shown.slice(-half)].join('.');
}

/** `devices.0.options: the key "__proto__" is not allowed` (no place for the top level). */
export function keyNotAllowed(path: readonly PathKey[], key: string): string {
  const place = placeText(path);
  return `${place ? `${place}: ` : ''}the key ${quoteInput(key)} is not allowed`;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/**
 * Finds __proto__, constructor and prototype keys at any depth of an untrusted value (own keys
 * only, as JSON.parse makes them) and gives one message per key found, at most `max`.
 * Walks without recursion, so a deeply nested value cannot overflow the stack.
 */
export function findPrototypeKeys(value: unknown, max = 10): string[] {
  interface Item {
    value: unknown;
    key: PathKey | null;
    parent: Item | null;
  }
  const pathOf = (item: Item): PathKey[] => {
    const path: PathKey[] = [];
    for (let at: Item | null = item; at && at.key !== null; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const found: string[] = [];
  const seen = new WeakSet<object>();
  const stack: Item[] = [{ value, key: null, parent: null }];
  while (stack.length > 0 && found.length < max) {
    const item = stack.pop() as Item;
    if (!isObject(item.value) || seen.has(item.value)) continue;
    seen.add(item.value);
    const node = item.value as Record<PathKey, unknown>;
    const keys: PathKey[] = Array.isArray(node) ? node.map((_x, i) => i) : Object.keys(node);
    for (const key of keys) {
      if (typeof key === 'string' && PROTOTYPE_KEYS.has(key)) {
        found.push(keyNotAllowed(pathOf(item), key));
      }
    }
    // Children pushed in reverse, so keys are reported in document order.
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const key = keys[i] as PathKey;
      if (isObject(node[key])) stack.push({ value: node[key], key, parent: item });
    }
  }
  return found.slice(0, max);
}

/** One of valibot's "expects" words, in plain words. */
function expectedWord(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'Object':
      return 'an object';
    case 'Array':
      return 'a list';
    default:
      return expected;
  }
}

/** What a valibot "expects" means, in words: `"7.1", "8.0" or "9.0"`, `text`, `a list`. */
function expectedText(expected: string | null): string {
  if (expected === null) return 'another value';
  const options = expected
    .replace(/^\((.*)\)$/, '$1')
    .split(' | ')
    .map(expectedWord);
  if (options.length === 1) return options[0] as string;
  return `${options.slice(0, -1).join(', ')} or ${options[options.length - 1] as string}`;
}

type Issue = v.InferIssue<typeof planSchema>;

/**
 * One issue as a message that names its place and never echoes more than quoteInput allows
 * (valibot's own messages quote the whole input, however long).
 */
function issueMessage(issue: Issue): string {
  const items = issue.path ?? [];
  const path = items.map((item) => item.key as PathKey);
  const last = items[items.length - 1];
  if (last && last.origin === 'key') {
    const parent = path.slice(0, -1);
    const key = String(last.key);
    if (issue.type === 'strict_object') {
      if (issue.expected === 'never') return keyNotAllowed(parent, key);
      return `${placeText(path)}: missing`;
    }
    return `${keyNotAllowed(parent, key)} (expected ${issue.message})`;
  }
  const place = placeText(path);
  const message =
    issue.kind === 'schema'
      ? `expected ${expectedText(issue.expected)}, got ${describeValue(issue.input)}`
      : issue.message;
  return place ? `${place}: ${message}` : message;
}

/** Validates a value that claims to be a current-version plan. Never throws. */
export function parsePlan(input: unknown): PlanParseResult {
  const prototypeKeys = findPrototypeKeys(input);
  if (prototypeKeys.length > 0) return { ok: false, errors: prototypeKeys };
  const result = v.safeParse(planSchema, input);
  if (result.success) return { ok: true, plan: result.output as Plan };
  return { ok: false, errors: result.issues.slice(0, 10).map(issueMessage) };
}
