/**
 * Golden links: every link format ever written keeps opening, forever (URL-3).
 * Each tests/fixtures/permalinks/v<N>.txt holds a link payload written by format N and
 * v<N>.plan.json the plan it must open as. Never regenerate an old fixture; add a new one
 * for each new PERMALINK_VERSION (see src/core/permalink/migrations.ts).
 * A plan fixture written before an optional plan field existed (plan.deployment) opens with
 * that field's defaults, exactly as the same plan JSON opens from a file or from storage.
 */
import { readdirSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { crc32, decodePlan, encodePlan } from '@/core/permalink/codec';
import { DICTIONARY_V1 } from '@/core/permalink/dictionary-v1';
import { PERMALINK_VERSION } from '@/core/permalink/migrations';
import { migratePlan } from '@/core/plan/migrations';
import type { Plan } from '@/core/plan/model';
import { createDefaultDeployment } from '@/core/plan/model';

const DIR = new URL('../../../fixtures/permalinks/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DIR), 'utf8');
const versions = readdirSync(DIR)
  .map((f) => /^v(\d+)\.txt$/.exec(f)?.[1])
  .filter((v): v is string => v !== undefined)
  .map(Number)
  .sort((a, b) => a - b);

describe('golden permalink fixtures', () => {
  it('has a fixture for every link version up to the current one', () => {
    expect(versions).toEqual(Array.from({ length: PERMALINK_VERSION }, (_, i) => i + 1));
  });

  it.each(versions)('opens the format-%i golden link as its expected plan', (version) => {
    const link = read(`v${version}.txt`).trim();
    const opened = migratePlan(JSON.parse(read(`v${version}.plan.json`)));
    expect(opened.ok).toBe(true);
    const result = decodePlan(link);
    expect(result).toMatchObject({ ok: true, version });
    if (result.ok && opened.ok) expect(result.plan).toEqual(opened.plan);
  });

  it('opens the format-1 golden link (written before plan.deployment) with the default deployment', () => {
    const result = decodePlan(read('v1.txt').trim());
    expect(result.ok && result.plan.deployment).toEqual(createDefaultDeployment());
  });

  it.runIf(PERMALINK_VERSION === 1)('still writes the format-1 golden link byte for byte', () => {
    const expected = JSON.parse(read('v1.plan.json')) as Plan;
    expect(encodePlan(expected, { catalogVersion: '2026.11.0' })).toBe(read('v1.txt').trim());
  });

  it('keeps the frozen format-1 dictionary unchanged', () => {
    expect(DICTIONARY_V1.length).toBe(1653);
    expect(crc32(DICTIONARY_V1).toString(16).padStart(8, '0')).toBe('000b4f48');
  });
});
