/**
 * The generated table of the characters the PDF font prints (src/core/exporters/pdf-font-coverage.ts)
 * matches DejaVu Sans and DejaVu Sans Bold as installed, and isInEmbeddedFont decodes it right.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { isInEmbeddedFont } from '@/core/exporters/pdf-text';

import {
  cmapFormat4CodePoints,
  coverageRanges,
  generate,
} from '../../../../scripts/generate-pdf-font-coverage.mjs';

import { FONT_FILES } from './pdf-test-fonts';

const regular = new Uint8Array(readFileSync(FONT_FILES.regular));
const bold = new Uint8Array(readFileSync(FONT_FILES.bold));

describe('PDF font coverage table', () => {
  it('is up to date with the installed fonts (node scripts/generate-pdf-font-coverage.mjs)', () => {
    const committed = readFileSync('src/core/exporters/pdf-font-coverage.ts', 'utf8');
    expect(committed).toBe(generate());
  });

  it('decodes to exactly the code points both fonts map, controls excluded', () => {
    const both = new Set(cmapFormat4CodePoints(regular));
    const inBold = new Set(cmapFormat4CodePoints(bold));
    const isControl = (c: number) => c < 0x20 || (c >= 0x7f && c <= 0x9f);
    const mismatches: string[] = [];
    for (let c = 0; c <= 0xffff; c += 1) {
      const expected = both.has(c) && inBold.has(c) && !isControl(c);
      if (isInEmbeddedFont(c) !== expected) mismatches.push(c.toString(16));
    }
    expect(mismatches).toEqual([]);
    expect(isInEmbeddedFont(0x1f600)).toBe(false);
  });

  it.each([
    ['Ł', true],
    ['ẞ', true],
    ['Ω', true],
    ['Ж', true],
    ['Ա', true],
    ['ა', true],
    ['א', true],
    ['€', true],
    ['→', true],
    ['東', false],
    ['한', false],
    ['ก', false],
  ])('%s is in the font: %s', (char, expected) => {
    expect(isInEmbeddedFont(char.codePointAt(0) ?? 0)).toBe(expected);
  });

  it('reads both fonts as covering thousands of characters in a few hundred ranges', () => {
    const ranges = coverageRanges([regular, bold]);
    expect(ranges.length).toBeGreaterThan(100);
    expect(ranges.length).toBeLessThan(1000);
    expect(ranges[0]).toEqual([0x20, 0x7e]);
  });
});
