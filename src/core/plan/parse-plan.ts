/**
 * The one structural validator for plans from outside: stored plans, plan files and permalinks.
 * It checks shape and size caps only; address syntax and consistency are plan checks
 * (core/resolve), so a plan with a bad address still opens and nothing the user typed is lost.
 */
import * as v from 'valibot';

import { AM_VERSIONS } from '@/core/catalog/model';

import type { Plan } from './model';
import { createDefaultDeployment, PLAN_SCHEMA_VERSION } from './model';

/** Caps that keep hostile input small (reliability guide URL-3, VAL-6). */
export const PLAN_LIMITS = {
  text: 200,
  address: 300,
  agents: 200,
  devices: 2000,
  addressesPerDevice: 256,
  options: 32,
  /** Text kept in a port field that is not a valid port (the wizard's fields take 10). */
  portText: 16,
} as const;

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
/** A port field: a number, or the text typed when it is not a valid port (a plan check reports it). */
const port = v.union([
  v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65535)),
  v.pipe(
    v.string(),
    v.maxLength(PLAN_LIMITS.portText, `at most ${PLAN_LIMITS.portText} characters`),
  ),
]);
const optionKey = v.pipe(v.string(), v.regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/, 'an option name'));

const hostEntry = { name: text, address };

const deviceSchema = v.object({
  id,
  environment: id,
  name: text,
  addresses: v.pipe(
    v.array(address),
    v.maxLength(
      PLAN_LIMITS.addressesPerDevice,
      `at most ${PLAN_LIMITS.addressesPerDevice} addresses`,
    ),
  ),
  tenant: address,
  agentId: v.union([v.literal(''), id]),
  options: v.pipe(
    v.record(optionKey, v.union([text, v.boolean()])),
    v.check((o) => Object.keys(o).length <= PLAN_LIMITS.options, 'too many options'),
  ),
});

const deploymentSchema = v.object({
  pushInstall: v.boolean(),
  proxy: v.object({ ...hostEntry, enabled: v.boolean(), port }),
  archive: v.object({ ...hostEntry, enabled: v.boolean() }),
});

export const planSchema = v.object({
  schemaVersion: v.literal(PLAN_SCHEMA_VERSION),
  name: text,
  amVersion: v.picklist(AM_VERSIONS),
  console: v.object(hostEntry),
  agents: v.pipe(
    v.array(v.object({ id, ...hostEntry })),
    v.maxLength(PLAN_LIMITS.agents, `at most ${PLAN_LIMITS.agents} agent servers`),
  ),
  devices: v.pipe(
    v.array(deviceSchema),
    v.maxLength(PLAN_LIMITS.devices, `at most ${PLAN_LIMITS.devices} devices`),
  ),
  integrations: v.object({
    accessAnalyzer: v.object({
      ...hostEntry,
      enabled: v.boolean(),
      edition: v.picklist(['classic', 'aa26']),
      useApiServer: v.boolean(),
    }),
    siem: v.object({
      ...hostEntry,
      enabled: v.boolean(),
      transport: v.picklist(['UDP', 'TCP']),
      port,
    }),
    threatManager: v.object({ ...hostEntry, enabled: v.boolean() }),
  }),
  // Added after plan format 1 first shipped: plans without it open with the defaults.
  deployment: v.optional(deploymentSchema, createDefaultDeployment),
  settings: v.object({
    // Order and range are plan checks (core/resolve/plan-values.ts), so nothing typed is lost.
    rpcRange: v.object({ from: port, to: port }),
    ports: v.pipe(
      v.record(optionKey, port),
      v.check((o) => Object.keys(o).length <= PLAN_LIMITS.options, 'too many port settings'),
    ),
    showInferred: v.boolean(),
  }),
});

export type PlanParseResult = { ok: true; plan: Plan } | { ok: false; errors: string[] };

/** Validates a value that claims to be a current-version plan. Never throws. */
export function parsePlan(input: unknown): PlanParseResult {
  const result = v.safeParse(planSchema, input);
  if (result.success) return { ok: true, plan: result.output as Plan };
  const errors = result.issues.slice(0, 10).map((issue) => {
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return { ok: false, errors };
}
