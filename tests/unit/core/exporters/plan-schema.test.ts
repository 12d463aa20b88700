import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { serializePlanFile } from '@/core/exporters/plan-file';
import { createDefaultPlan } from '@/core/plan/model';
import { parsePlan, planSchema } from '@/core/plan/parse-plan';

import { fixturePlan } from '../../../fixtures/resolution-fixture';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const fileSchema = JSON.parse(
  readFileSync(new URL('../../../../docs/plan.schema.json', import.meta.url), 'utf8'),
) as Schema;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function resolveRef(schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/$defs/', '');
  return resolveRef((fileSchema.$defs as Record<string, Schema>)[name] as Schema);
}

/** A tiny JSON Schema checker: the keywords docs/plan.schema.json uses, nothing more. */
function validate(raw: Schema, value: unknown, path = '$'): string[] {
  const schema = resolveRef(raw);
  const errors: string[] = [];
  const fail = (m: string) => errors.push(`${path}: ${m}`);
  if ('const' in schema && value !== schema.const) fail('const');
  if (Array.isArray(schema.enum) && !schema.enum.includes(value as Json)) fail('enum');
  if (Array.isArray(schema.anyOf)) {
    if (!schema.anyOf.some((s) => validate(s as Schema, value, path).length === 0)) fail('anyOf');
  }
  switch (schema.type) {
    case 'object':
      if (!isObject(value)) return [...errors, `${path}: not an object`];
      break;
    case 'array':
      if (!Array.isArray(value)) return [...errors, `${path}: not an array`];
      break;
    case 'string':
      if (typeof value !== 'string') return [...errors, `${path}: not a string`];
      break;
    case 'integer':
      if (!Number.isInteger(value)) return [...errors, `${path}: not an integer`];
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return [...errors, `${path}: not a boolean`];
      break;
  }
  if (typeof value === 'string') {
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength)
      fail('maxLength');
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      fail('pattern');
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail('minimum');
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail('maximum');
  }
  if (Array.isArray(value)) {
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail('maxItems');
    if (isObject(schema.items)) {
      value.forEach((item, i) =>
        errors.push(...validate(schema.items as Schema, item, `${path}.${i}`)),
      );
    }
  }
  if (isObject(value)) {
    for (const key of (schema.required as string[] | undefined) ?? []) {
      if (!(key in value)) fail(`missing ${key}`);
    }
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, item] of Object.entries(value)) {
      if (properties[key]) errors.push(...validate(properties[key], item, `${path}.${key}`));
      else if (isObject(schema.additionalProperties)) {
        errors.push(...validate(schema.additionalProperties as Schema, item, `${path}.${key}`));
      } else if (schema.additionalProperties === false) {
        fail(`additional property ${key}`);
      }
      if (isObject(schema.propertyNames)) {
        errors.push(...validate(schema.propertyNames as Schema, key, `${path}.${key}(name)`));
      }
    }
    if (
      typeof schema.maxProperties === 'number' &&
      Object.keys(value).length > schema.maxProperties
    ) {
      fail('maxProperties');
    }
  }
  return errors;
}

const planJsonSchema = { $ref: '#/$defs/plan' } as Schema;

interface ValibotNode {
  type: string;
  entries?: Record<string, ValibotNode>;
  item?: ValibotNode;
  options?: readonly (string | ValibotNode)[];
  literal?: unknown;
  /** v.optional(schema, default): the wrapped schema. */
  wrapped?: ValibotNode;
}

/** An optional entry's own schema. */
function unwrap(node: ValibotNode): ValibotNode {
  return node.type === 'optional' && node.wrapped ? node.wrapped : node;
}

/**
 * Walks the valibot schema and the JSON Schema together: same keys, the same required keys
 * (all but v.optional ones), same enums; strict objects are closed (additionalProperties: false)
 * in the JSON Schema, other objects are not.
 */
function compareShapes(node: ValibotNode, json: Schema, path: string, out: string[]): void {
  const schema = resolveRef(json);
  if ((node.type === 'object' || node.type === 'strict_object') && node.entries) {
    if ((node.type === 'strict_object') !== (schema.additionalProperties === false))
      out.push(`${path}: closed`);
    const keys = Object.keys(node.entries).sort();
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    if (JSON.stringify(Object.keys(properties).sort()) !== JSON.stringify(keys))
      out.push(`${path}: properties`);
    const entries = node.entries;
    const required = keys.filter((key) => entries[key]?.type !== 'optional');
    if (
      JSON.stringify([...((schema.required as string[]) ?? [])].sort()) !== JSON.stringify(required)
    ) {
      out.push(`${path}: required`);
    }
    for (const key of keys) {
      const entry = entries[key];
      if (properties[key] && entry)
        compareShapes(unwrap(entry), properties[key], `${path}.${key}`, out);
    }
  } else if (node.type === 'array' && node.item) {
    compareShapes(node.item, schema.items as Schema, `${path}[]`, out);
  } else if (node.type === 'picklist') {
    if (JSON.stringify(node.options) !== JSON.stringify(schema.enum)) out.push(`${path}: enum`);
  } else if (node.type === 'literal') {
    if (node.literal !== schema.const) out.push(`${path}: const`);
  }
}

function mutate(fn: (plan: Record<string, unknown>) => void): unknown {
  const plan = JSON.parse(JSON.stringify(fixturePlan())) as Record<string, unknown>;
  fn(plan);
  return plan;
}

const long = 'x'.repeat(201);
const CASES: [string, unknown][] = [
  ['the default plan', createDefaultPlan()],
  ['the sample plan', fixturePlan()],
  ['a missing name', mutate((p) => delete p.name)],
  ['a long name', mutate((p) => (p.name = long))],
  ['an unknown AM version', mutate((p) => (p.amVersion = '6.0'))],
  [
    'schemaVersion 1 (an older format: the planner migrates it first)',
    mutate((p) => (p.schemaVersion = 1)),
  ],
  ['schemaVersion 3 (a newer format)', mutate((p) => (p.schemaVersion = 3))],
  ['a bad agent id', mutate((p) => ((p.agents as { id: string }[])[0]!.id = 'Agent 1'))],
  ['a missing tenant', mutate((p) => delete (p.devices as Record<string, unknown>[])[0]!.tenant)],
  [
    'a bad option name',
    mutate((p) => ((p.devices as { options: object }[])[0]!.options = { 'bad key': 'x' })),
  ],
  [
    'a numeric option',
    mutate((p) => ((p.devices as { options: object }[])[0]!.options = { ok: 5 })),
  ],
  ['port 0', mutate((p) => ((p.integrations as { siem: { port: number } }).siem.port = 0))],
  [
    'a SIEM over QUIC',
    mutate((p) => ((p.integrations as { siem: { transport: string } }).siem.transport = 'QUIC')),
  ],
  [
    'an unknown edition',
    mutate(
      (p) =>
        ((p.integrations as { accessAnalyzer: { edition: string } }).accessAnalyzer.edition = 'x'),
    ),
  ],
  [
    'a string showInferred',
    mutate((p) => ((p.settings as { showInferred: unknown }).showInferred = 'yes')),
  ],
  [
    'a fractional port setting',
    mutate((p) => ((p.settings as { ports: object }).ports = { agentPort: 44.5 })),
  ],
  ['an empty agentId', mutate((p) => ((p.devices as { agentId: string }[])[0]!.agentId = ''))],
  ['a format-2 plan without deployment', mutate((p) => delete p.deployment)],
  [
    'a proxy port typed as the text "70000" (kept, a plan check reports it)',
    mutate((p) => ((p.deployment as { proxy: { port: unknown } }).proxy.port = '70000')),
  ],
  [
    'a port text longer than 16 characters',
    mutate(
      (p) => ((p.settings as { ports: Record<string, unknown> }).ports.agentPort = '1'.repeat(17)),
    ),
  ],
  [
    'a proxy port 70000',
    mutate((p) => ((p.deployment as { proxy: { port: number } }).proxy.port = 70000)),
  ],
  [
    'a deployment without archive',
    mutate((p) => delete (p.deployment as Record<string, unknown>).archive),
  ],
  [
    'a string pushInstall',
    mutate((p) => ((p.deployment as { pushInstall: unknown }).pushInstall = 'yes')),
  ],
  ['an extra key (refused by both)', mutate((p) => (p.extra = { anything: true }))],
  [
    'an extra key in a device',
    mutate((p) => ((p.devices as Record<string, unknown>[])[0]!.note = 'x')),
  ],
  [
    'an extra key in the proxy',
    mutate((p) => ((p.deployment as { proxy: Record<string, unknown> }).proxy.user = 'x')),
  ],
  [
    'an extra key in the RPC range',
    mutate((p) => ((p.settings as { rpcRange: Record<string, unknown> }).rpcRange.step = 1)),
  ],
  [
    'a __proto__ option (an own key, as JSON.parse makes it)',
    mutate((p) =>
      Object.defineProperty((p.devices as { options: object }[])[0]!.options, '__proto__', {
        value: { x: 1 },
        enumerable: true,
      }),
    ),
  ],
  [
    'a constructor option',
    mutate((p) => ((p.devices as { options: object }[])[0]!.options = { constructor: 'x' })),
  ],
  [
    'a prototype port setting',
    mutate((p) => ((p.settings as { ports: object }).ports = { prototype: 4498 })),
  ],
];

describe('docs/plan.schema.json agrees with parse-plan.ts', () => {
  it('has the same objects, keys, required keys and enums as the valibot schema', () => {
    const out: string[] = [];
    compareShapes(planSchema as unknown as ValibotNode, planJsonSchema, 'plan', out);
    expect(out).toEqual([]);
  });

  it.each(CASES)('judges %s the same way', (_name, plan) => {
    const jsonOk = validate(planJsonSchema, plan).length === 0;
    expect(jsonOk).toBe(parsePlan(plan).ok);
  });

  it('accepts a saved plan file as a whole', () => {
    const file = JSON.parse(
      serializePlanFile(fixturePlan(), {
        catalogVersion: '2026.11.0',
        docsRevision: 'netwrix/docs@a8b312c3',
      }),
    ) as unknown;
    expect(validate(fileSchema, file)).toEqual([]);
    expect(validate(fileSchema, { ...(file as object), format: 'other' })).not.toEqual([]);
    expect(validate(fileSchema, { ...(file as object), planVersion: 1 })).not.toEqual([]);
    expect(validate(fileSchema, { ...(file as object), comment: 'x' })).not.toEqual([]);
  });

  it('can tell a bad plan (the checker is not a no-op)', () => {
    expect(validate(planJsonSchema, { schemaVersion: 2 }).length).toBeGreaterThan(3);
  });
});
