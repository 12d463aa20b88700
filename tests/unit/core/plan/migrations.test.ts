import { describe, expect, it } from 'vitest';

import * as edit from '@/core/plan/edit';
import {
  liftTenant,
  migratePlan,
  PLAN_MIGRATIONS,
  V2_DEFAULT_DEPLOYMENT,
  V3_DEFAULTS,
  V5_EMPTY_NETWORK,
} from '@/core/plan/migrations';
import {
  createDefaultAgentServices,
  createDefaultDeployment,
  createDefaultPlan,
  PLAN_SCHEMA_VERSION,
} from '@/core/plan/model';
import { findPrototypeKeys, parsePlan } from '@/core/plan/parse-plan';

describe('parsePlan', () => {
  it('accepts the default plan', () => {
    const result = parsePlan(createDefaultPlan());
    expect(result.ok).toBe(true);
  });

  it.each([
    ['not an object', 42, ''],
    [
      'a port out of range',
      {
        ...createDefaultPlan(),
        settings: { ...createDefaultPlan().settings, rpcRange: { from: 0, to: 65535 } },
      },
      'settings.rpcRange.from',
    ],
    ['an overlong name', { ...createDefaultPlan(), name: 'x'.repeat(201) }, 'name'],
    ['an unknown version', { ...createDefaultPlan(), amVersion: '6.0' }, 'amVersion'],
  ])('rejects %s and names the field', (_label, input, field) => {
    const result = parsePlan(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ')).toContain(field);
  });

  it('refuses a format-2 plan without deployment (required since format 2)', () => {
    const { deployment: _dropped, ...plan } = createDefaultPlan();
    expect(parsePlan(plan)).toEqual({ ok: false, errors: ['deployment: missing'] });
  });

  it.each([
    ['a proxy port out of range', { proxy: { enabled: true, name: 'P', address: '', port: 0 } }],
    ['a deployment without archive', { archive: undefined }],
  ])('rejects %s in the deployment', (_label, patch) => {
    const plan = createDefaultPlan();
    const result = parsePlan({ ...plan, deployment: { ...plan.deployment, ...patch } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ')).toContain('deployment.');
  });

  it.each([
    ['ports', '"ports":{}', '"ports":{"__proto__":{"polluted":1}}', 'settings.ports'],
    [
      'a device option',
      '"options":{}',
      '"options":{"__proto__":{"polluted":1}}',
      'devices.0.options',
    ],
    ['the plan', '"name":', '"__proto__":{"polluted":1},"name":', ''],
    ['the proxy', '"proxy":{', '"proxy":{"__proto__":{"polluted":1},', 'deployment.proxy'],
  ])('refuses a __proto__ key in %s, naming the place, and pollutes nothing', (_l, a, b, place) => {
    const plan = edit.addDevice(createDefaultPlan(), 'qumulo', 'Q').plan;
    const hostile = JSON.parse(JSON.stringify(plan).replace(a, b)) as unknown;
    const result = parsePlan(hostile);
    expect(result).toEqual({
      ok: false,
      errors: [`${place ? `${place}: ` : ''}the key "__proto__" is not allowed`],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it.each([
    ['constructor', 'devices.0.options'],
    ['prototype', 'devices.0.options'],
  ])('refuses a %s key in a record (valibot would skip it)', (key, place) => {
    const plan = edit.addDevice(createDefaultPlan(), 'qumulo', 'Q').plan;
    const hostile = {
      ...plan,
      devices: [{ ...plan.devices[0], options: { [key]: 'x', ok: true } }],
    };
    expect(parsePlan(hostile)).toEqual({
      ok: false,
      errors: [`${place}: the key "${key}" is not allowed`],
    });
  });

  it('refuses prototype keys at any depth, in document order, without recursion limits', () => {
    let deep: unknown = { constructor: 1 };
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    const result = parsePlan({ ...createDefaultPlan(), name: deep });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        'name.0.0.0.0.….0.0.0.0.0: the key "constructor" is not allowed',
      ]);
    }
    const json = '{"a":{"prototype":1},"b":[{"ok":1},{"__proto__":1}],"constructor":2}';
    expect(findPrototypeKeys(JSON.parse(json))).toEqual([
      'the key "constructor" is not allowed',
      'a: the key "prototype" is not allowed',
      'b.1: the key "__proto__" is not allowed',
    ]);
  });

  it.each([
    ['the plan', { extra: 1 }, 'the key "extra" is not allowed'],
    [
      'the console',
      { console: { name: 'C', address: '', port: 1 } },
      'console: the key "port" is not allowed',
    ],
    [
      'the SIEM',
      {
        integrations: {
          ...createDefaultPlan().integrations,
          siem: { ...createDefaultPlan().integrations.siem, tls: true },
        },
      },
      'integrations.siem: the key "tls" is not allowed',
    ],
    [
      'the settings',
      { settings: { ...createDefaultPlan().settings, theme: 'dark' } },
      'settings: the key "theme" is not allowed',
    ],
  ])('refuses an unknown key in %s, naming the place', (_label, patch, message) => {
    expect(parsePlan({ ...createDefaultPlan(), ...patch })).toEqual({
      ok: false,
      errors: [message],
    });
  });

  it('refuses a device with an unknown key, naming the device', () => {
    const plan = edit.addDevice(createDefaultPlan(), 'qumulo', 'Q').plan;
    const result = parsePlan({ ...plan, devices: [{ ...plan.devices[0], colour: 'red' }] });
    expect(result).toEqual({ ok: false, errors: ['devices.0: the key "colour" is not allowed'] });
  });

  it('quotes at most a short, quoted part of a huge value or key', () => {
    const huge = 'A'.repeat(1_000_000);
    const plan = edit.addDevice(createDefaultPlan(), 'qumulo', 'Q').plan;
    for (const hostile of [
      { ...createDefaultPlan(), amVersion: huge },
      { ...createDefaultPlan(), [huge]: 1 },
      { ...plan, devices: [{ ...plan.devices[0], options: { [huge]: 5 } }] },
      { ...createDefaultPlan(), integrations: { ...createDefaultPlan().integrations, siem: huge } },
    ]) {
      const result = parsePlan(hostile);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        for (const error of result.errors) {
          expect(error.length).toBeLessThan(300);
          expect(error).toContain(`"${'A'.repeat(63)}…"`);
        }
      }
    }
  });

  it('says what was expected and what came, in words', () => {
    expect(parsePlan({ ...createDefaultPlan(), amVersion: '1.0' })).toEqual({
      ok: false,
      errors: ['amVersion: expected "7.1", "8.0", "9.0" or "10.0", got "1.0"'],
    });
    expect(parsePlan({ ...createDefaultPlan(), agents: 'none' })).toEqual({
      ok: false,
      errors: ['agents: expected a list, got "none"'],
    });
    const plan = edit.addDevice(createDefaultPlan(), 'qumulo', 'Q').plan;
    expect(parsePlan({ ...plan, devices: [{ ...plan.devices[0], agentId: 7 }] })).toEqual({
      ok: false,
      errors: ['devices.0.agentId: expected "" or text, got 7'],
    });
  });
});

describe('migratePlan', () => {
  it('rejects a plan from a newer planner with a clear message', () => {
    const result = migratePlan({ ...createDefaultPlan(), schemaVersion: PLAN_SCHEMA_VERSION + 1 });
    expect(result).toEqual({
      ok: false,
      errors: [expect.stringContaining('newer planner')],
      newer: true,
    });
  });

  it('refuses a format-6 plan: made with a newer planner, update or open it there', () => {
    const result = migratePlan({ ...createDefaultPlan(), schemaVersion: 6, newThing: {} });
    expect(result).toEqual({
      ok: false,
      errors: [
        'The plan was made with a newer planner (plan format 6; this planner reads formats 1 to 5), so opening it here could lose parts of it. Update the planner, or open it in the planner that made it.',
      ],
      newer: true,
    });
  });

  it('passes a current plan through unchanged', () => {
    const plan = createDefaultPlan();
    expect(migratePlan(plan)).toEqual({ ok: true, plan, migratedFrom: null });
  });

  it('has one named step per format below the current one', () => {
    expect(PLAN_MIGRATIONS.map((m) => [m.fromVersion, m.name])).toEqual([
      [1, 'v2-deployment-settings'],
      [2, 'v3-tenant-once-and-agent-services'],
      [3, 'v4-named-cee-servers'],
      [4, 'v5-network-zones'],
    ]);
    expect(PLAN_SCHEMA_VERSION).toBe(5);
  });
});

/** A format-2 plan as the planner of format 2 saved it (no format-3 keys). */
function asFormat2(plan = createDefaultPlan()): Record<string, unknown> {
  const {
    additionalConsoles: _c,
    microsoftTenant: _t,
    agentServices: _s,
    ceeServers: _x,
    network: _n,
    integrations: { threatPrevention: _p, ...integrations },
    ...rest
  } = plan;
  return { ...rest, integrations, schemaVersion: 2 };
}

/** What the steps to format 3, 4 and 5 add to a plan without a tenant or Dell devices. */
const V3_ADDED = {
  schemaVersion: 5,
  ceeServers: [],
  network: V5_EMPTY_NETWORK,
  additionalConsoles: [],
  microsoftTenant: '',
  agentServices: V3_DEFAULTS.agentServices,
};

describe("plan migration 'v2-deployment-settings'", () => {
  const { deployment: _none, ...format2 } = asFormat2();
  const v1 = { ...format2, schemaVersion: 1, name: 'Saved before deployment' };
  const step = PLAN_MIGRATIONS.find((m) => m.name === 'v2-deployment-settings');

  it('gives a format-1 plan without deployment the default deployment of format 2', () => {
    expect(step?.up(v1)).toEqual({ ...v1, deployment: V2_DEFAULT_DEPLOYMENT });
    const result = migratePlan(v1);
    expect(result).toEqual({
      ok: true,
      plan: {
        ...v1,
        ...V3_ADDED,
        deployment: V2_DEFAULT_DEPLOYMENT,
        integrations: { ...createDefaultPlan().integrations },
      },
      migratedFrom: 1,
    });
    // The frozen defaults of the step are today's defaults.
    expect(V2_DEFAULT_DEPLOYMENT).toEqual(createDefaultDeployment());
  });

  it('keeps the deployment of a format-1 plan saved after deployment was added', () => {
    const deployment = {
      pushInstall: true,
      proxy: { enabled: true, name: 'Proxy', address: 'proxy.corp', port: 3128 },
      archive: { enabled: false, name: 'Archive server', address: '' },
    };
    const result = migratePlan({ ...v1, deployment });
    expect(result).toMatchObject({
      ok: true,
      migratedFrom: 1,
      plan: { schemaVersion: PLAN_SCHEMA_VERSION, deployment },
    });
  });

  it('gives each migrated plan its own deployment object', () => {
    const a = migratePlan(v1);
    const b = migratePlan(v1);
    expect(a.ok && b.ok && a.plan.deployment !== b.plan.deployment).toBe(true);
    expect(a.ok && a.plan.deployment !== (V2_DEFAULT_DEPLOYMENT as unknown)).toBe(true);
  });

  it('refuses a format-1 plan with an invalid deployment instead of replacing it', () => {
    const result = migratePlan({ ...v1, deployment: { pushInstall: 'yes' } });
    expect(result.ok).toBe(false);
  });

  it('refuses an unknown key in a format-1 plan too', () => {
    expect(migratePlan({ ...v1, extra: 1 })).toEqual({
      ok: false,
      errors: ['the key "extra" is not allowed'],
    });
  });
});

describe("plan migration 'v3-tenant-once-and-agent-services'", () => {
  const device = (id: string, environment: string, tenant: string) => ({
    id,
    environment,
    name: id,
    addresses: [],
    tenant,
    agentId: 'agent-1',
    options: {},
  });

  it('lifts the tenant the cloud devices name to the plan; the devices then name none', () => {
    const v2 = {
      ...asFormat2(),
      devices: [
        device('dev-1', 'qumulo', ''),
        device('dev-2', 'entra-id', 'contoso.onmicrosoft.com'),
        device('dev-3', 'exchange-online', 'contoso.onmicrosoft.com'),
      ],
    };
    const result = migratePlan(v2);
    expect(result).toEqual({
      ok: true,
      migratedFrom: 2,
      plan: {
        ...createDefaultPlan(),
        microsoftTenant: 'contoso.onmicrosoft.com',
        devices: [
          device('dev-1', 'qumulo', ''),
          device('dev-2', 'entra-id', ''),
          device('dev-3', 'exchange-online', ''),
        ],
      },
    });
  });

  it('keeps a second tenant on the device that named it, so nothing typed is lost', () => {
    const devices = [
      device('dev-1', 'entra-id', 'contoso'),
      device('dev-2', 'sharepoint-online', 'fabrikam'),
      device('dev-3', 'exchange-online', 'Contoso'),
    ];
    const result = migratePlan({ ...asFormat2(), devices });
    expect(result.ok && result.plan.microsoftTenant).toBe('contoso');
    expect(result.ok && result.plan.devices.map((d) => d.tenant)).toEqual([
      '',
      'fabrikam',
      'Contoso',
    ]);
  });

  it('gives the format-3 additions, all off, as frozen defaults equal to today', () => {
    const result = migratePlan(asFormat2());
    expect(result).toEqual({ ok: true, plan: createDefaultPlan(), migratedFrom: 2 });
    expect(V3_DEFAULTS.agentServices).toEqual(createDefaultAgentServices());
    expect(V3_DEFAULTS.threatPrevention).toEqual(createDefaultPlan().integrations.threatPrevention);
    const a = migratePlan(asFormat2());
    const b = migratePlan(asFormat2());
    expect(a.ok && b.ok && a.plan.agentServices !== b.plan.agentServices).toBe(true);
  });

  it('leaves odd shapes for the validator to refuse, naming the place', () => {
    expect(liftTenant('none')).toEqual({ tenant: '', devices: 'none' });
    expect(migratePlan({ ...asFormat2(), devices: 'none' })).toEqual({
      ok: false,
      errors: ['devices: expected a list, got "none"'],
    });
    expect(migratePlan({ ...asFormat2(), integrations: 7 }).ok).toBe(false);
  });

  it('refuses a format-2 plan that already holds a format-3 key (never taken in silence)', () => {
    expect(migratePlan({ ...asFormat2(), agentServices: { dns: 'yes' } })).toEqual({
      ok: false,
      errors: [
        'Migration "v3-tenant-once-and-agent-services" failed: the plan holds agentServices, which plan format 2 does not have.',
      ],
    });
    const format2 = asFormat2();
    const withTp = {
      ...format2,
      integrations: { ...(format2.integrations as object), threatPrevention: {} },
    };
    expect(migratePlan(withTp)).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('integrations.threatPrevention')],
    });
  });
});
