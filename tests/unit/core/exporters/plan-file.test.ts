import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { PlanFile } from '@/core/exporters/plan-file';
import {
  isPlanInProgress,
  parsePlanFile,
  PLAN_FILE_FORMAT,
  PLAN_FILE_MAX_BYTES,
  planFileName,
  planFileStamp,
  serializePlanFile,
} from '@/core/exporters/plan-file';
import { createDefaultPlan, PLAN_SCHEMA_VERSION } from '@/core/plan/model';

import { fixturePlan, HOSTILE_NAMES } from '../../../fixtures/resolution-fixture';

describe('plan file', () => {
  it('round-trips a plan', () => {
    for (const plan of [createDefaultPlan(), fixturePlan(), fixturePlan(HOSTILE_NAMES)]) {
      const result = parsePlanFile(
        serializePlanFile(plan, {
          catalogVersion: '2026.11.0',
          docsRevision: 'netwrix/docs@a8b312c3',
        }),
        '2026.11.0',
      );
      expect(result).toEqual({ ok: true, plan, warnings: [] });
    }
  });

  it('writes the versioned envelope', () => {
    const file = JSON.parse(
      serializePlanFile(createDefaultPlan(), {
        catalogVersion: 'v1',
        docsRevision: 'netwrix/docs@a8b312c3',
      }),
    ) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual([
      'format',
      'planVersion',
      'catalogVersion',
      'docsRevision',
      'plan',
    ]);
    expect(file.format).toBe(PLAN_FILE_FORMAT);
    expect(file.planVersion).toBe(PLAN_SCHEMA_VERSION);
    expect(file.catalogVersion).toBe('v1');
    expect(file.docsRevision).toBe('netwrix/docs@a8b312c3');
  });

  it('stamps the catalog version and docs revision the planner was built from', () => {
    const stamp = planFileStamp(getCatalog());
    expect(stamp).toEqual({
      catalogVersion: getCatalog().version,
      docsRevision: `netwrix/docs@${getCatalog().docsRevision.commit}`,
    });
    const file = JSON.parse(serializePlanFile(createDefaultPlan(), stamp)) as PlanFile;
    expect(file.docsRevision).toMatch(/^netwrix\/docs@[0-9a-f]{7,40}$/);
  });

  it('refuses a docsRevision that is not text, and opens files of earlier formats without one', () => {
    expect(parsePlanFile(file({ docsRevision: 7 }))).toEqual({
      ok: false,
      errors: ["The plan file's docsRevision: expected text, got 7."],
    });
    const { docsRevision: _none, ...older } = JSON.parse(file({})) as Record<string, unknown>;
    expect(parsePlanFile(JSON.stringify(older))).toMatchObject({ ok: true });
  });

  it('names the file after the plan', () => {
    expect(planFileName(fixturePlan())).toBe('contoso-hq.am-firewall-plan.json');
    expect(planFileName({ ...createDefaultPlan(), name: '東京' })).toBe(
      'plan.am-firewall-plan.json',
    );
  });

  it('warns when the catalog differs, and reads a file with a BOM', () => {
    const result = parsePlanFile(
      `\uFEFF${serializePlanFile(fixturePlan(), { catalogVersion: 'old', docsRevision: 'netwrix/docs@a8b312c3' })}`,
      'new',
    );
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.warnings[0]).toMatch(/saved with catalog "old"; this planner uses catalog new/);
  });

  it('reads a bare plan with a warning', () => {
    const result = parsePlanFile(JSON.stringify(fixturePlan()));
    expect(result.ok && result.warnings[0]).toMatch(/bare plan/);
  });

  const file = (patch: Record<string, unknown>) =>
    JSON.stringify({
      ...JSON.parse(
        serializePlanFile(fixturePlan(), {
          catalogVersion: 'v',
          docsRevision: 'netwrix/docs@a8b312c3',
        }),
      ),
      ...patch,
    });

  it.each([
    ['an empty file', '', /empty/],
    ['broken JSON', '{"format": ', /not valid JSON/],
    ['a JSON array', '[1,2]', /expected a JSON object/],
    ['another format', file({ format: 'excalidraw' }), /not a plan file.*"excalidraw"/],
    ['an unrelated object', '{"hello": 1}', /not a plan file/],
    ['a newer plan version', file({ planVersion: 99 }), /newer planner \(plan format 99/],
    ['no plan', file({ plan: null }), /no plan in it/],
    [
      'an invalid plan',
      file({ plan: { ...fixturePlan(), amVersion: '1.0' } }),
      /Invalid plan: amVersion/,
    ],
    ['a file over the cap', ' '.repeat(PLAN_FILE_MAX_BYTES + 1), /too large/],
  ])('refuses %s with a clear error', (_name, text, message) => {
    const result = parsePlanFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ')).toMatch(message);
  });

  it('refuses a __proto__ key in device options with a clear error (never opens the plan)', () => {
    const text = serializePlanFile(fixturePlan(), {
      catalogVersion: '2026.11.1',
      docsRevision: 'netwrix/docs@a8b312c3',
    }).replace('"options": {', '"options": {\n"__proto__": { "polluted": true },');
    const result = parsePlanFile(text);
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(
          /^Invalid plan: devices\.\d+\.options: the key "__proto__" is not allowed$/,
        ),
      ],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [
      'the header',
      file({ comment: 'saved by hand' }),
      `The plan file's header: the key "comment" is not allowed.`,
    ],
    [
      'the header (__proto__)',
      file({}).replace('{', '{"__proto__":{},'),
      `The plan file's header: the key "__proto__" is not allowed.`,
    ],
    [
      'the plan',
      file({ plan: { ...fixturePlan(), theme: 'dark' } }),
      'Invalid plan: the key "theme" is not allowed',
    ],
  ])('refuses an unknown key in %s, naming the place', (_label, text, error) => {
    expect(parsePlanFile(text)).toEqual({ ok: false, errors: [error] });
  });

  it('refuses a plan of a newer format (a newer planner): update, or open it there', () => {
    const newer = PLAN_SCHEMA_VERSION + 1;
    const result = parsePlanFile(
      file({ planVersion: newer, plan: { ...fixturePlan(), schemaVersion: newer, newThing: 1 } }),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        `The plan file was made with a newer planner (plan format ${newer}; this planner reads formats 1 to ${PLAN_SCHEMA_VERSION}), so opening it here could lose parts of it. Update the planner, or open it in the planner that made it.`,
      ],
      newer: true,
    });
    // A header that claims an older format does not let a newer plan in.
    const hidden = parsePlanFile(file({ plan: { ...fixturePlan(), schemaVersion: newer } }));
    expect(hidden).toEqual({
      ok: false,
      errors: [expect.stringContaining(`newer planner (plan format ${newer}`)],
      newer: true,
    });
  });

  it('refuses a header and plan that disagree on the format', () => {
    expect(parsePlanFile(file({ planVersion: 1 }))).toEqual({
      ok: false,
      errors: [
        `The plan file says plan format 1, but its plan says ${PLAN_SCHEMA_VERSION}; they must be equal.`,
      ],
    });
  });

  it('never quotes more than a short, quoted part of a 1 MB field', () => {
    const huge = 'Z'.repeat(1_000_000);
    const shown = `"${'Z'.repeat(63)}…"`;
    const cases = [
      file({ plan: { ...fixturePlan(), amVersion: huge } }),
      file({ format: huge }),
      file({ [huge]: 1 }),
      file({ plan: { ...fixturePlan(), [huge]: 1 } }),
      file({
        plan: { ...fixturePlan(), settings: { ...fixturePlan().settings, ports: { [huge]: 1 } } },
      }),
      file({ catalogVersion: huge }),
    ];
    for (const text of cases) {
      const result = parsePlanFile(text, '2026.11.1');
      const messages = result.ok ? result.warnings : result.errors;
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) {
        expect(message.length).toBeLessThan(400);
        expect(message).toContain(shown);
      }
    }
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.anything().map((x) => JSON.stringify(x) ?? ''),
          fc
            .anything()
            .map(
              (plan) => JSON.stringify({ format: PLAN_FILE_FORMAT, planVersion: 1, plan }) ?? '',
            ),
        ),
        (text) => {
          const result = parsePlanFile(text);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on files with random extra keys or prototype keys', () => {
    const base = JSON.parse(
      serializePlanFile(fixturePlan(), {
        catalogVersion: 'v',
        docsRevision: 'netwrix/docs@a8b312c3',
      }),
    ) as Record<string, unknown>;
    fc.assert(
      fc.property(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra'),
        fc.jsonValue(),
        (key, value) => {
          const text = JSON.stringify(base).replace(
            '{',
            `{${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'},`,
          );
          expect(parsePlanFile(text).ok).toBe(false);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('tells a plan in progress from a new plan', () => {
    expect(isPlanInProgress(createDefaultPlan())).toBe(false);
    // Key order does not matter.
    const reordered = JSON.parse(
      serializePlanFile(createDefaultPlan(), {
        catalogVersion: 'v',
        docsRevision: 'netwrix/docs@a8b312c3',
      }),
    ) as { plan: unknown };
    const parsed = parsePlanFile(JSON.stringify(reordered));
    expect(parsed.ok && isPlanInProgress(parsed.plan)).toBe(false);
    expect(isPlanInProgress({ ...createDefaultPlan(), name: 'x' })).toBe(true);
  });
});
