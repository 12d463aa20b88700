import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import {
  crc32,
  decodePlan,
  encodePlan,
  fromBase64Url,
  inflateCapped,
  PERMALINK_LIMITS,
  PERMALINK_ROUTE,
  samePlan,
  toBase64Url,
} from '@/core/permalink/codec';
import { toCompact } from '@/core/permalink/compact';
import { LINK_MIGRATIONS, migrateCompact, PERMALINK_VERSION } from '@/core/permalink/migrations';
import { createDefaultPlan } from '@/core/plan/model';
import { parsePlan } from '@/core/plan/parse-plan';

import { envelope } from './envelope';
import { planArbitrary } from './plan-arbitrary';
import { fiftyAddressPlan, typicalPlan } from './sample-plans';

/** The link version this planner writes, as the envelope spells it. */
const CURRENT = String(PERMALINK_VERSION);

describe('URL-7 round trip and determinism', () => {
  it(
    'decode(encode(plan)) deep-equals the plan for random valid plans',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(planArbitrary, (plan) => {
          expect(parsePlan(plan).ok).toBe(true);
          const payload = encodePlan(plan, { catalogVersion: '2026.11.0' });
          const result = decodePlan(payload, { catalogVersion: '2026.11.0' });
          expect(result).toEqual({ ok: true, plan, warnings: [], version: PERMALINK_VERSION });
        }),
        { numRuns: 1000 },
      );
    },
  );

  it(
    'gives the same link for the same plan, whatever the key order of its records',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(planArbitrary, (plan) => {
          const reordered = JSON.parse(
            JSON.stringify(plan, (_k, v: unknown) =>
              v && typeof v === 'object' && !Array.isArray(v)
                ? Object.fromEntries(Object.entries(v).reverse())
                : v,
            ),
          ) as typeof plan;
          expect(encodePlan(reordered)).toBe(encodePlan(plan));
          expect(samePlan(reordered, plan)).toBe(true);
        }),
        { numRuns: 200 },
      );
    },
  );

  it('keeps the payload inside the URL-safe alphabet', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        expect(encodePlan(plan)).toMatch(/^5\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}$/);
      }),
      { numRuns: 200 },
    );
  });

  it('encodes the default plan to a very short link', () => {
    const payload = encodePlan(createDefaultPlan());
    expect(payload.length).toBeLessThanOrEqual(20);
    expect(decodePlan(payload)).toMatchObject({ ok: true, plan: createDefaultPlan() });
  });
});

describe('URL-2 length budget', () => {
  it('fits a typical plan (console, 2 agents, 6 devices with addresses) in 400 characters', () => {
    const fragment = PERMALINK_ROUTE + encodePlan(typicalPlan(), { catalogVersion: '2026.11.0' });
    expect(fragment.length).toBeLessThanOrEqual(400);
  });

  it('fits a plan with 50 addresses in 2,000 characters', () => {
    const plan = fiftyAddressPlan();
    expect(plan.devices.flatMap((d) => d.addresses)).toHaveLength(50);
    const fragment = PERMALINK_ROUTE + encodePlan(plan, { catalogVersion: '2026.11.0' });
    expect(fragment.length).toBeLessThanOrEqual(PERMALINK_LIMITS.safeLinkChars);
  });
});

describe('base64url and CRC-32', () => {
  it('round-trips bytes through base64url', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
    );
  });

  it.each([['a'], ['ab='], ['a+b/'], ['abcde'], ['AB']])('rejects %j as base64url', (text) => {
    expect(fromBase64Url(text)).toBeNull();
  });

  it('computes the standard CRC-32 check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('URL-3 / URL-4 decode errors', () => {
  const good = encodePlan(typicalPlan());

  it.each([
    ['an empty link', '', 'empty'],
    ['only spaces', '   ', 'empty'],
    ['garbage', 'garbage', 'malformed'],
    ['a version only', '1', 'truncated'],
    ['a cut checksum', good.slice(0, -2), 'truncated'],
    ['no checksum', good.slice(0, good.lastIndexOf('.')), 'truncated'],
    ['a newer version', `9${good.slice(1)}`, 'newer-version'],
    [
      'a flipped character',
      `${good.slice(0, 20)}${good[20] === 'A' ? 'B' : 'A'}${good.slice(21)}`,
      'corrupt',
    ],
    ['a wrong checksum', `${good.slice(0, -6)}AAAAAA`, 'corrupt'],
    ['a foreign character', `${good.slice(0, 10)}*${good.slice(11)}`, 'corrupt'],
    ['too many parts', `${good}.x`, 'malformed'],
    ['not text', 42, 'malformed'],
    ['a broken %-escape', `${good}%E0%A4%A`, 'corrupt'],
    ['an oversized link', `1.${'A'.repeat(9000)}.AAAAAA`, 'too-large'],
  ])('reports %s as %s', (_label, input, code) => {
    const result = decodePlan(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(10);
      expect(result.error.hint.length).toBeGreaterThan(10);
    }
  });

  it('rejects every truncation of a good link', () => {
    for (let n = 0; n < good.length; n += 1) {
      const result = decodePlan(good.slice(0, n));
      expect(result.ok, `prefix of ${n}`).toBe(false);
    }
  });

  it('says which field of the plan is invalid', () => {
    const result = decodePlan(envelope('{"v":"6.0"}'));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-plan' } });
    if (!result.ok) expect(result.error.message).toContain('amVersion');
  });

  it.each([
    ['a list', '[1,2]'],
    ['a number', '42'],
    ['agents that are no list', '{"a":5}'],
    ['a device that is no list', '{"d":[5]}'],
    ['a bad agent index', '{"d":[["x","y",0,0,7]]}'],
    ['a bad host', '{"c":[1,2,3]}'],
    ['integrations that are no object', '{"i":[]}'],
  ])('rejects a well-packed link holding %s', (_label, json) => {
    expect(decodePlan(envelope(json))).toMatchObject({
      ok: false,
      error: { code: 'invalid-plan' },
    });
  });

  it('rejects JSON that is not valid inside a valid envelope', () => {
    expect(decodePlan(envelope('{"n":'))).toMatchObject({ ok: false, error: { code: 'corrupt' } });
  });

  it('rejects an input over the cap before decoding', () => {
    const huge = `1.${'A'.repeat(5_000_000)}.AAAAAA`;
    expect(decodePlan(huge)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });
});

describe('URL-4 deflate bombs', () => {
  const bombJson = (bytes: number) => `{"n":"${'a'.repeat(bytes)}"}`;

  it('rejects a valid envelope around a 10 MB JSON (it packs past the input cap)', () => {
    const link = envelope(bombJson(10_000_000));
    expect(link.length).toBeGreaterThan(PERMALINK_LIMITS.payloadChars);
    expect(decodePlan(link)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('stops inflating at the output cap for a bomb that passes the input cap', () => {
    const link = envelope(bombJson(4_000_000));
    expect(link.length).toBeLessThanOrEqual(PERMALINK_LIMITS.payloadChars);
    const result = decodePlan(link);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    if (!result.ok) expect(result.error.message).toContain('unpacks to more than 256 kB');
  });

  it('caps the output of a 10 MB bomb while inflating, not after', () => {
    const bomb = deflateSync(new Uint8Array(10_000_000), { level: 9 });
    // Garbage in the second half: a full inflate would fail there; the capped one never gets there.
    const damaged = bomb.slice();
    damaged.fill(0xff, Math.floor(damaged.length / 2));
    expect(inflateCapped(damaged, 256 * 1024)).toBeNull();
    expect(inflateCapped(bomb, 256 * 1024)).toBeNull();
    expect(() => inflateCapped(damaged, 20_000_000)).toThrow();
  });

  it('inflates normal data fully', () => {
    const bytes = new TextEncoder().encode('x'.repeat(100_000));
    expect(inflateCapped(deflateSync(bytes), 256 * 1024)).toEqual(bytes);
  });
});

describe('URL-4 prototype keys', () => {
  it.each([
    ['at the top', '{"__proto__":{"polluted":1}}', 'the key "__proto__" is not allowed'],
    [
      'in a device option',
      '{"d":[["qumulo","Q",0,0,0,{"__proto__":{"polluted":3},"ok":true}]]}',
      'devices.0.options: the key "__proto__" is not allowed',
    ],
    [
      'as a device option named constructor',
      '{"d":[["qumulo","Q",0,0,0,{"constructor":"x","ok":true}]]}',
      'devices.0.options: the key "constructor" is not allowed',
    ],
    [
      'in the port settings',
      '{"s":{"p":{"__proto__":{"polluted":4},"agentPort":4498}}}',
      'settings.ports: the key "__proto__" is not allowed',
    ],
    [
      'in the settings',
      '{"s":{"constructor":{"prototype":{"polluted":2}}}}',
      'settings: the key "constructor" is not allowed',
    ],
    ['inside a value', '{"n":{"prototype":1}}', 'name: the key "prototype" is not allowed'],
  ])('refuses a prototype key %s, naming the place, and pollutes nothing', (_l, json, error) => {
    const result = decodePlan(envelope(json, CURRENT));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-plan' } });
    if (!result.ok) expect(result.error.message).toContain(error);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('refuses a prototype key wherever it is put in a good link', { timeout: 60_000 }, () => {
    /** Every object of a JSON value, with a setter that adds a key to it. */
    const objectsOf = (value: unknown): Record<string, unknown>[] => {
      if (Array.isArray(value)) return value.flatMap(objectsOf);
      if (typeof value !== 'object' || value === null) return [];
      const record = value as Record<string, unknown>;
      return [record, ...Object.values(record).flatMap(objectsOf)];
    };
    fc.assert(
      fc.property(
        planArbitrary,
        fc.nat(),
        fc.constantFrom('__proto__', 'constructor', 'prototype'),
        (plan, pick, key) => {
          const compact = JSON.parse(JSON.stringify(toCompact(plan))) as Record<string, unknown>;
          const targets = objectsOf(compact);
          const target = targets[pick % targets.length] as Record<string, unknown>;
          Object.defineProperty(target, key, { value: 1, enumerable: true });
          const result = decodePlan(envelope(JSON.stringify(compact), CURRENT));
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid-plan' } });
          if (!result.ok) expect(result.error.message).toContain(`the key "${key}" is not allowed`);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('link versions', () => {
  it('writes link format 5 (the network zones)', () => {
    expect(PERMALINK_VERSION).toBe(5);
    expect(encodePlan(createDefaultPlan()).startsWith('5.')).toBe(true);
  });

  it('refuses a link of format 6: made with a newer planner, update or open it there', () => {
    const result = decodePlan(envelope('{"n":"From the future","e":{"q":1}}', '6'));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'newer-version',
        message:
          'This link was made with a newer version of the planner (link format 6; this planner reads link formats 1 to 5), so opening it here could lose parts of the plan.',
        hint: 'Update this planner (reload the page, or ask whoever runs it for the latest version), or open the link in the planner that made it.',
      },
    });
  });

  it('refuses an unknown key in a current link instead of dropping it', () => {
    const result = decodePlan(envelope('{"n":"x","e":{"x":{"e":1,"h":"p","tls":1}}}', CURRENT));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-plan' } });
    if (!result.ok) {
      expect(result.error.message).toBe(
        'This link opened, but the plan in it is not valid: deployment.proxy: the key "tls" is not allowed.',
      );
    }
  });
});

describe("link migration 'v2-deployment-settings'", () => {
  it('opens a format-1 link without `e` with the default deployment, and says it was updated', () => {
    const result = decodePlan(envelope('{"n":"Old"}', '1'));
    expect(result).toEqual({
      ok: true,
      plan: { ...createDefaultPlan(), name: 'Old' },
      version: 1,
      warnings: [
        'This link was made by an earlier version of the planner (link format 1); it was updated to the current format.',
      ],
    });
  });

  it('keeps the deployment of a format-1 link written with `e` before format 2', () => {
    const result = decodePlan(envelope('{"e":{"p":1,"x":{"e":1,"h":"proxy.corp","p":3128}}}', '1'));
    expect(result).toMatchObject({
      ok: true,
      version: 1,
      plan: {
        deployment: {
          pushInstall: true,
          proxy: { enabled: true, name: 'Network proxy', address: 'proxy.corp', port: 3128 },
        },
      },
    });
  });

  it('is the step from format 1', () => {
    expect(LINK_MIGRATIONS.map((m) => [m.fromVersion, m.name])).toEqual([
      [1, 'v2-deployment-settings'],
      [2, 'v3-tenant-once-and-agent-services'],
      [3, 'v4-named-cee-servers'],
      [4, 'v5-network-zones'],
    ]);
    const compact = { n: 'x', e: { p: 1 } };
    expect(migrateCompact(compact, 1)).toEqual({
      ok: true,
      compact,
      applied: [
        'v2-deployment-settings',
        'v3-tenant-once-and-agent-services',
        'v4-named-cee-servers',
        'v5-network-zones',
      ],
    });
  });
});

describe("link migration 'v3-tenant-once-and-agent-services'", () => {
  it('lifts the first device tenant of a format-2 link to the plan; a second one stays', () => {
    const devices = [
      ['qumulo', 'Q'],
      ['entra-id', 'Entra', 0, 'contoso'],
      ['exchange-online', 'Mail', 0, 'contoso'],
      ['sharepoint-online', 'Sites', 0, 'fabrikam'],
    ];
    const result = decodePlan(envelope(JSON.stringify({ d: devices }), '2'));
    expect(result).toMatchObject({ ok: true, version: 2, plan: { microsoftTenant: 'contoso' } });
    if (result.ok) {
      expect(result.plan.devices.map((d) => d.tenant)).toEqual(['', '', '', 'fabrikam']);
      expect(result.warnings).toEqual([expect.stringContaining('link format 2')]);
    }
  });

  it('refuses a format-4 link holding the format-5 key z (never taken in silence)', () => {
    const result = decodePlan(envelope('{"z":{"z":[["a","A",[]]]}}', '4'));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-plan' } });
    if (!result.ok) expect(result.error.message).toContain('"z" is not part of link format 4');
  });

  it.each([
    ['{"z":[]}', 'network: not an object'],
    ['{"z":{"q":1}}', 'network: the key "q" is not allowed'],
    ['{"z":{"z":[["a","A"]]}}', 'network.zones.0: not a 3-item entry'],
    [
      '{"z":{"f":[["f","F","panos",[["i","I"]]]]}}',
      'network.firewalls.0.interfaces.0: not a 3-item entry',
    ],
    ['{"z":{"f":[["f","F","tank",[]]]}}', 'network.firewalls.0.kind'],
  ])('refuses a link whose network is %s, naming the place', (json, message) => {
    const result = decodePlan(envelope(json, CURRENT));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-plan' } });
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it.each(['t', 'o', 'g'])('refuses a format-2 link holding the format-3 key %s', (key) => {
    const result = decodePlan(envelope(JSON.stringify({ [key]: 'x' }), '2'));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-plan' } });
    if (!result.ok) expect(result.error.message).toContain(`"${key}" is not part of link format 2`);
  });

  it('round-trips every format-3 field of a plan', () => {
    const plan = createDefaultPlan();
    const full = {
      ...plan,
      microsoftTenant: 'contoso',
      additionalConsoles: [
        { name: 'Activity Monitor Console 2', address: '10.0.0.2' },
        { name: 'DR', address: 'dr.corp' },
      ],
      integrations: {
        ...plan.integrations,
        threatPrevention: { enabled: true, name: 'EM', address: '10.0.0.9' },
      },
      agentServices: {
        dns: { enabled: true, addresses: ['10.0.0.53'] },
        domainControllers: { enabled: false, addresses: ['dc1.corp'] },
        smtp: { enabled: true, name: 'SMTP server', address: 'smtp.corp', port: 587 },
        syslog: {
          enabled: true,
          name: 'Syslog',
          address: 'log.corp',
          transport: 'TLS' as const,
          port: 6514,
        },
      },
    };
    const result = decodePlan(encodePlan(full));
    expect(result).toMatchObject({ ok: true, version: PERMALINK_VERSION, warnings: [] });
    if (result.ok) expect(result.plan).toEqual(full);
  });
});

describe('URL-3 re-encodings from chat and mail tools', () => {
  const good = encodePlan(typicalPlan());

  it.each([
    ['wrapped in spaces and line breaks', ` ${good.slice(0, 50)}\n  ${good.slice(50)}\n`],
    ['percent-encoded', encodeURIComponent(good).replace(/\./g, '%2E')],
    ['percent-encoded twice', encodeURIComponent(encodeURIComponent(good).replace(/\./g, '%2E'))],
    ['in angle brackets', `<${good}>`],
    ['followed by a parenthesis', `${good})`],
    ['followed by a full stop', `${good}.`],
    ['as a whole link', `https://planner.example/tools/fw/#/open/${good}`],
  ])('opens a link %s', (_label, input) => {
    expect(decodePlan(input)).toEqual({
      ok: true,
      plan: typicalPlan(),
      warnings: [],
      version: PERMALINK_VERSION,
    });
  });
});

describe('warnings', () => {
  it('warns when the link was made with another catalog version', () => {
    const payload = encodePlan(typicalPlan(), { catalogVersion: '2026.11.0' });
    const result = decodePlan(payload, { catalogVersion: '2027.1.0' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings.join(' ')).toContain('2026.11.0');
    if (result.ok) {
      expect(result.warnings).toEqual([
        'This link was made with port catalog "2026.11.0"; this planner uses 2027.1.0. The rule sheet follows the current catalog and may differ from the one the sender saw.',
      ]);
    }
  });

  it('never echoes a 200,000-character catalog version: it is ignored, shortened and quoted', () => {
    const payload = encodePlan(typicalPlan(), { catalogVersion: '9'.repeat(200_000) });
    const result = decodePlan(payload, { catalogVersion: '2027.1.0' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan).toEqual(typicalPlan());
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toBe(
      `This link names its port catalog with "${'9'.repeat(63)}…", which is not a catalog version; it was ignored. The rule sheet follows this planner's catalog (2027.1.0) and may differ from the one the sender saw.`,
    );
    expect(result.warnings[0]!.length).toBeLessThan(300);
  });

  it('shows a sentence in the catalog version as quoted data, not as the planner speaking', () => {
    const sentence =
      'Your plan is out of date. Call the helpdesk on +1 555 0100 and give them your password now.';
    const result = decodePlan(envelope(JSON.stringify({ k: sentence }), CURRENT), {
      catalogVersion: '2027.1.0',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings[0]).toContain(`with "${sentence.slice(0, 63)}…", which is not a`);
    expect(result.warnings[0]).not.toContain('password now');
  });
});
