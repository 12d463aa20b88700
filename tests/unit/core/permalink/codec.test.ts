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
import { createDefaultPlan } from '@/core/plan/model';
import { parsePlan } from '@/core/plan/parse-plan';

import { envelope } from './envelope';
import { planArbitrary } from './plan-arbitrary';
import { fiftyAddressPlan, typicalPlan } from './sample-plans';

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
          expect(result).toEqual({ ok: true, plan, warnings: [], version: 1 });
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
        expect(encodePlan(plan)).toMatch(/^1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}$/);
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

describe('URL-4 prototype pollution', () => {
  it('drops __proto__, constructor and prototype keys at every level', () => {
    const json =
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},' +
      '"d":[["qumulo","Q",0,0,0,{"__proto__":{"polluted":3},"constructor":"x","ok":true}]],' +
      '"s":{"p":{"__proto__":{"polluted":4},"agentPort":4498}}}';
    const result = decodePlan(envelope(json));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.ok).toBe(true);
    if (result.ok) {
      const device = result.plan.devices[0];
      expect(device?.options).toEqual({ ok: true });
      expect(Object.keys(device?.options ?? {})).toEqual(['ok']);
      expect(Object.getPrototypeOf(device?.options)).toBe(Object.prototype);
      expect(result.plan.settings.ports).toEqual({ agentPort: 4498 });
      expect(Object.getPrototypeOf(result.plan)).toBe(Object.prototype);
    }
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
    expect(decodePlan(input)).toEqual({ ok: true, plan: typicalPlan(), warnings: [], version: 1 });
  });
});

describe('warnings', () => {
  it('warns when the link was made with another catalog version', () => {
    const payload = encodePlan(typicalPlan(), { catalogVersion: '2026.11.0' });
    const result = decodePlan(payload, { catalogVersion: '2027.1.0' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings.join(' ')).toContain('2026.11.0');
  });
});
