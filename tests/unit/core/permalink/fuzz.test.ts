/**
 * URL-5: tampered, damaged and hostile links. Every input must give a result, never an
 * exception; every rejection is one of the fixed error codes with a message and a hint; every
 * link that still opens holds a plan the plan validator accepts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { DecodeErrorCode, DecodeResult } from '@/core/permalink/codec';
import { decodePlan, encodePlan } from '@/core/permalink/codec';
import { toCompact } from '@/core/permalink/compact';
import { createDefaultPlan } from '@/core/plan/model';
import { parsePlan } from '@/core/plan/parse-plan';

import { envelope } from './envelope';
import { planArbitrary } from './plan-arbitrary';
import { fiftyAddressPlan, typicalPlan } from './sample-plans';

const CODES: readonly DecodeErrorCode[] = [
  'empty',
  'too-large',
  'malformed',
  'truncated',
  'corrupt',
  'newer-version',
  'unknown-version',
  'invalid-plan',
];

const stats = { inputs: 0, opened: 0 };

/** Decodes and checks the result contract; counts inputs. Throws only on a broken contract. */
function decodeChecked(input: unknown): DecodeResult {
  let result: DecodeResult;
  try {
    result = decodePlan(input, { catalogVersion: '2026.11.0' });
  } catch (e) {
    throw new Error(`decodePlan threw on ${JSON.stringify(input)?.slice(0, 200)}: ${String(e)}`, {
      cause: e,
    });
  }
  stats.inputs += 1;
  if (result.ok) {
    stats.opened += 1;
    expect(parsePlan(result.plan).ok).toBe(true);
  } else {
    expect(CODES).toContain(result.error.code);
    expect(result.error.message).not.toBe('');
    expect(result.error.hint).not.toBe('');
  }
  return result;
}

const GOLDEN = [
  encodePlan(typicalPlan(), { catalogVersion: '2026.11.0' }),
  encodePlan(fiftyAddressPlan()),
  encodePlan(createDefaultPlan()),
];
const golden = fc.constantFrom(...GOLDEN);
const anyChar = fc.oneof(
  fc.constantFrom(...'ABCXYZabcxyz0189-_.%+/ #?&=<>()"\'\\\n\u0000\u00e9\u{1f600}'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

type Mutation = (link: string) => fc.Arbitrary<string>;
const mutations: Mutation[] = [
  // flip one character
  (l) =>
    fc.tuple(fc.nat(l.length - 1), anyChar).map(([i, c]) => l.slice(0, i) + c + l.slice(i + 1)),
  // insert one character
  (l) => fc.tuple(fc.nat(l.length), anyChar).map(([i, c]) => l.slice(0, i) + c + l.slice(i)),
  // delete a run of characters
  (l) =>
    fc
      .tuple(fc.nat(l.length - 1), fc.integer({ min: 1, max: 8 }))
      .map(([i, n]) => l.slice(0, i) + l.slice(i + n)),
  // truncate
  (l) => fc.nat(l.length).map((n) => l.slice(0, n)),
  // duplicate a slice
  (l) =>
    fc
      .tuple(fc.nat(l.length - 1), fc.integer({ min: 1, max: 40 }))
      .map(([i, n]) => l.slice(0, i + n) + l.slice(i)),
  // swap two characters
  (l) =>
    fc.tuple(fc.nat(l.length - 1), fc.nat(l.length - 1)).map(([i, j]) => {
      const a = [...l];
      [a[i], a[j]] = [a[j] as string, a[i] as string];
      return a.join('');
    }),
  // flip a bit of a character code
  (l) =>
    fc
      .tuple(fc.nat(l.length - 1), fc.nat(6))
      .map(
        ([i, b]) =>
          l.slice(0, i) + String.fromCharCode(l.charCodeAt(i) ^ (1 << b)) + l.slice(i + 1),
      ),
  // several flips at once
  (l) =>
    fc
      .array(fc.tuple(fc.nat(l.length - 1), anyChar), { minLength: 2, maxLength: 6 })
      .map((edits) => {
        const a = [...l];
        for (const [i, c] of edits) a[i] = c;
        return a.join('');
      }),
  // chat-tool re-encodings and wrappers
  (l) =>
    fc.constantFrom(
      encodeURIComponent(encodeURIComponent(l)),
      `${l}%`,
      `%${l}`,
      `${l}%ZZ`,
      l.replace(/\./g, '%2E'),
      l.replace(/_/g, '%5F'),
      `<${l}>`,
      `(${l})`,
      `${l}\n\n`,
      `${l}&utm_source=x`,
      l.split('').join(' '),
      l.toUpperCase(),
      l.replace(/-/g, '+').replace(/_/g, '/'),
    ),
  // change the version
  (l) => fc.integer({ min: 0, max: 10_000_000 }).map((v) => `${v}${l.slice(l.indexOf('.'))}`),
];

const mutatedLink = golden.chain((l) => fc.oneof(...mutations.map((m) => m(l))));

const randomInput = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc.stringMatching(/^[0-9]\.[A-Za-z0-9_-]{0,400}\.[A-Za-z0-9_-]{0,8}$/),
  fc.string({ minLength: 7990, maxLength: 8010 }),
  fc.constantFrom(
    '',
    '.',
    '..',
    '1..',
    '1.A.',
    '1.AAAA.AAAAAA',
    '__proto__',
    'constructor',
    '1.__proto__.AAAAAA',
  ),
  fc.constant(`1.${'A'.repeat(100_000)}.AAAAAA`),
  fc.anything(),
);

/** Valid envelopes (right checksum) around hostile content: reaches inflate, JSON and validators. */
const hostileEnvelope = fc.oneof(
  fc.json().map((j) => envelope(j)),
  fc.jsonValue().map((v) => envelope(JSON.stringify({ d: [v], a: v }))),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => envelope(s)),
  planArbitrary.chain((plan) => {
    const compact = toCompact(plan) as Record<string, unknown>;
    return fc
      .tuple(fc.constantFrom('n', 'v', 'c', 'a', 'd', 'i', 's', 'k', '__proto__'), fc.jsonValue())
      .map(([key, value]) => envelope(JSON.stringify({ ...compact, [key]: value })));
  }),
);

// Thousands of inputs: generous timeouts, as the test machine may be busy.
describe(
  'URL-5 fuzz: damaged and hostile links never crash the decoder',
  { timeout: 60_000 },
  () => {
    it('survives 2,500 mutations of good links', () => {
      fc.assert(
        fc.property(mutatedLink, (link) => void decodeChecked(link)),
        { numRuns: 2500 },
      );
    });

    it('survives 1,000 random inputs', () => {
      fc.assert(
        fc.property(randomInput, (input) => void decodeChecked(input)),
        { numRuns: 1000 },
      );
    });

    it('survives 1,000 valid envelopes around hostile content', () => {
      fc.assert(
        fc.property(hostileEnvelope, (link) => void decodeChecked(link)),
        { numRuns: 1000 },
      );
    });

    it('never pollutes prototypes and counts every input', () => {
      expect(stats.inputs).toBeGreaterThanOrEqual(4500);
      // Speed is measured by `npm run bench`, not asserted here (a busy machine must not fail a run).
      expect(Object.keys(Object.prototype)).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('rejects every single-character change of a good link (the checksum catches it)', () => {
      const link = GOLDEN[0] as string;
      for (let i = 0; i < link.length; i += 1) {
        const c = link[i] === 'A' ? 'B' : 'A';
        expect(decodeChecked(link.slice(0, i) + c + link.slice(i + 1)).ok, `position ${i}`).toBe(
          false,
        );
      }
    });
  },
);
