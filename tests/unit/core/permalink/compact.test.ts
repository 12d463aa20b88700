import { describe, expect, it } from 'vitest';

import { fromCompact, toCompact } from '@/core/permalink/compact';
import * as edit from '@/core/plan/edit';
import { migratePlan } from '@/core/plan/migrations';
import type { Plan } from '@/core/plan/model';
import { createDefaultPlan, PLAN_SCHEMA_VERSION } from '@/core/plan/model';

import { typicalPlan } from './sample-plans';

function roundTrip(plan: Plan) {
  const compact = JSON.parse(JSON.stringify(toCompact(plan))) as unknown;
  const expanded = fromCompact(compact, PLAN_SCHEMA_VERSION);
  if (!expanded.ok) throw new Error(expanded.errors.join('; '));
  const checked = migratePlan(expanded.plan);
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.plan;
}

const base = createDefaultPlan();
const withDevice = edit.addDevice(base, 'qumulo', 'Qumulo').plan;

describe('compact form', () => {
  it.each<[string, Plan, unknown]>([
    ['the default plan', base, {}],
    ['a renamed plan', { ...base, name: 'X' }, { n: 'X' }],
    ['another version', { ...base, amVersion: '8.0' }, { v: '8.0' }],
    ['a console address', edit.setConsole(base, { address: 'c1' }), { c: 'c1' }],
    ['a renamed console', edit.setConsole(base, { name: 'C' }), { c: ['', 'C'] }],
    ['two default agents', edit.addAgent(base), { a: ['', ''] }],
    ['no agents', edit.removeAgent(base, 'agent-1'), { a: [] }],
    [
      'an agent left after a removal',
      edit.removeAgent(edit.addAgent(base), 'agent-1'),
      { a: [['', 'Agent server 2', 'agent-2']] },
    ],
    ['a device on the first agent', withDevice, { d: [['qumulo', 'Qumulo']] }],
    [
      'a device with addresses on no agent',
      edit.updateDevice(withDevice, 'dev-1', { addresses: ['10.0.0.1'], agentId: '' }),
      { d: [['qumulo', 'Qumulo', ['10.0.0.1'], 0, -1]] },
    ],
    [
      'a device on an unknown agent, with options',
      edit.updateDevice(withDevice, 'dev-1', { agentId: 'agent-9', options: { b: true, a: 'x' } }),
      { d: [['qumulo', 'Qumulo', 0, 0, 'agent-9', { a: 'x', b: true }]] },
    ],
    [
      'a device with a non-default id',
      edit.removeDevice(edit.addDevice(withDevice, 'entra-id', 'Entra').plan, 'dev-1'),
      { d: [['entra-id', 'Entra', 0, 0, 0, 0, 'dev-2']] },
    ],
    [
      'enabled integrations',
      edit.setIntegration(
        edit.setIntegration(base, 'siem', { enabled: true, port: 6514 }),
        'accessAnalyzer',
        {
          edition: 'aa26',
        },
      ),
      { i: { a: { d: 'aa26' }, s: { e: 1, p: 6514 } } },
    ],
    [
      'custom settings',
      edit.setSettings(base, {
        rpcRange: { from: 50000, to: 50010 },
        ports: { tmSyslogPort: 10002, agentPort: 4499 },
        showInferred: false,
      }),
      { s: { r: [50000, 50010], p: { agentPort: 4499, tmSyslogPort: 10002 }, i: 0 } },
    ],
    ['push install', edit.setDeployment(base, { pushInstall: true }), { e: { p: 1 } }],
    [
      'a network proxy on port 3128 and an archive share',
      edit.setDeployment(base, {
        proxy: { enabled: true, address: 'proxy.corp', port: 3128 },
        archive: { enabled: true, name: 'NAS', address: '10.5.0.1' },
      }),
      { e: { x: { e: 1, h: 'proxy.corp', p: 3128 }, r: { e: 1, n: 'NAS', h: '10.5.0.1' } } },
    ],
    [
      'a proxy on the default port 8080 (not written)',
      edit.setDeployment(base, { proxy: { enabled: true, address: 'p' } }),
      { e: { x: { e: 1, h: 'p' } } },
    ],
  ])('encodes %s compactly and losslessly', (_label, plan, expected) => {
    const compact = toCompact(plan);
    expect(compact).toEqual(expected);
    expect(JSON.stringify(compact)).toBe(JSON.stringify(expected));
    expect(roundTrip(plan)).toEqual(plan);
  });

  it('opens a compact plan without deployment (links made before it existed) with the defaults', () => {
    const expanded = fromCompact({ n: 'Old link' }, PLAN_SCHEMA_VERSION);
    expect(expanded.ok && expanded.plan.deployment).toEqual(createDefaultPlan().deployment);
  });

  it('refuses a deployment that is not an object', () => {
    expect(fromCompact({ e: [1] }, PLAN_SCHEMA_VERSION)).toEqual({
      ok: false,
      errors: ['deployment: not an object'],
    });
    expect(fromCompact({ e: { x: 'proxy' } }, PLAN_SCHEMA_VERSION)).toEqual({
      ok: false,
      errors: ['deployment.proxy: not an object'],
    });
  });

  it('writes the catalog version and reads it back', () => {
    const expanded = fromCompact(
      toCompact(typicalPlan(), { catalogVersion: '2026.11.0' }),
      PLAN_SCHEMA_VERSION,
    );
    expect(expanded).toMatchObject({ ok: true, catalogVersion: '2026.11.0' });
  });

  it('builds fresh objects from the keys it knows', () => {
    const expanded = fromCompact(
      { d: [['qumulo', 'Q', 0, 0, 0, { a: 'x' }]] },
      PLAN_SCHEMA_VERSION,
    );
    expect(expanded.ok).toBe(true);
    if (expanded.ok) expect(migratePlan(expanded.plan).ok).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['at the top', { zz: 1 }, 'the key "zz" is not allowed'],
    ['in the integrations', { i: { q: {} } }, 'integrations: the key "q" is not allowed'],
    [
      'in the SIEM',
      { i: { s: { e: 1, tls: 1 } } },
      'integrations.siem: the key "tls" is not allowed',
    ],
    ['in the deployment', { e: { p: 1, z: 0 } }, 'deployment: the key "z" is not allowed'],
    [
      'in the proxy',
      { e: { x: { e: 1, user: 'u' } } },
      'deployment.proxy: the key "user" is not allowed',
    ],
    ['in the archive', { e: { r: { w: 1 } } }, 'deployment.archive: the key "w" is not allowed'],
    ['in the settings', { s: { t: 'dark' } }, 'settings: the key "t" is not allowed'],
    ['a long key', { ['k'.repeat(500)]: 1 }, `the key "${'k'.repeat(63)}…" is not allowed`],
  ])('refuses an unknown key %s, naming the place', (_label, compact, error) => {
    expect(fromCompact(compact, PLAN_SCHEMA_VERSION)).toEqual({ ok: false, errors: [error] });
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a %s key in every fixed-key object, never dropping it',
    (key) => {
      const places: [string, (inner: string) => string][] = [
        ['', (k) => `{"${k}":{"x":1}}`],
        ['integrations: ', (k) => `{"i":{"${k}":{}}}`],
        ['integrations.accessAnalyzer: ', (k) => `{"i":{"a":{"${k}":1}}}`],
        ['deployment: ', (k) => `{"e":{"${k}":1}}`],
        ['deployment.proxy: ', (k) => `{"e":{"x":{"${k}":1}}}`],
        ['settings: ', (k) => `{"s":{"${k}":1}}`],
      ];
      for (const [place, json] of places) {
        expect(fromCompact(JSON.parse(json(key)), PLAN_SCHEMA_VERSION)).toEqual({
          ok: false,
          errors: [`${place}the key "${key}" is not allowed`],
        });
      }
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    },
  );

  it('keeps a __proto__ key of a record as a plain key, for the plan validator to refuse', () => {
    const compact = JSON.parse('{"s":{"p":{"__proto__":{"x":1}}}}') as unknown;
    const expanded = fromCompact(compact, PLAN_SCHEMA_VERSION);
    expect(expanded.ok).toBe(true);
    if (!expanded.ok) return;
    const ports = (expanded.plan.settings as { ports: object }).ports;
    expect(Object.keys(ports)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(ports)).toBe(Object.prototype);
    expect(migratePlan(expanded.plan)).toEqual({
      ok: false,
      errors: ['settings.ports: the key "__proto__" is not allowed'],
    });
  });

  it('refuses an RPC range that is not [from, to]', () => {
    expect(fromCompact({ s: { r: { from: 1, to: 2 } } }, PLAN_SCHEMA_VERSION)).toEqual({
      ok: false,
      errors: ['settings.rpcRange: not [from, to]'],
    });
  });

  it.each<[string, unknown, string | null, string | null]>([
    ['a catalog version', '2026.11.0', '2026.11.0', null],
    ['a catalog version with a suffix', '2026.11.0-fixture', '2026.11.0-fixture', null],
    ['no catalog version', undefined, null, null],
    ['a sentence', 'Call the helpdesk on 555-0100', null, '"Call the helpdesk on 555-0100"'],
    ['a number', 2026, null, '2026'],
    ['a 200,000-character text', '9'.repeat(200_000), null, `"${'9'.repeat(63)}…"`],
  ])('reads %s as the catalog version', (_label, k, catalogVersion, unreadable) => {
    expect(fromCompact({ k }, PLAN_SCHEMA_VERSION)).toMatchObject({
      ok: true,
      catalogVersion,
      unreadableCatalogVersion: unreadable,
    });
  });
});
