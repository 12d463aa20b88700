import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { bashSanitize } from '@/core/exporters/bash-quote';
import { escapeMarkdownCell, escapeMarkdownText } from '@/core/exporters/markdown-escape';
import { toPdfText } from '@/core/exporters/pdf-text';
import { psSanitize } from '@/core/exporters/powershell-quote';
import {
  capText,
  escapeHtml,
  MAX_SHEET_CELL,
  neutralizeFormula,
  startsWithFormulaTrigger,
  stripControls,
} from '@/core/exporters/text-safety';
import { tsvCell } from '@/core/exporters/tsv-exporter';

const BIDI = '\u200e \u200f \u202a \u202b \u202c \u202d \u202e \u2066 \u2067 \u2068 \u2069'.split(
  ' ',
);

/** A string with controls, bidi controls and line breaks mixed into ordinary text. */
const hostile = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.constantFrom(...BIDI, '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b'),
      fc.constantFrom('\t', '\r', '\n', '\r\n', '\u000b', '\u000c', '\u2028', '\u2029'),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

// What no export may carry as such: C0 (tab and line feed aside, see below), DEL, C1, bidi.
const CONTROL_OR_BIDI =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('text-safety: one character policy for every export', () => {
  it.each(BIDI)('strips the bidi control %j', (c) => {
    expect(stripControls(`a${c}b`)).toBe('ab');
  });

  it('strips C0, DEL and C1 controls and the line separators, except what a format keeps', () => {
    expect(stripControls('a\u0000b\u0007c\td\ne\u007ff\u0085g\u009fh\u2028i\u2029j')).toBe(
      'abcdefghij',
    );
    expect(stripControls('a\tb\nc\u0000d', { keep: '\t\n' })).toBe('a\tb\ncd');
    expect(stripControls('a\tb\u202ec', { replacement: ' ' })).toBe('a b c');
  });

  it('every export drops (or, in scripts, blanks) controls and bidi controls, U+200E/U+200F too', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        for (const out of [
          escapeMarkdownCell(text),
          escapeMarkdownText(text),
          tsvCell(text),
          psSanitize(text),
          bashSanitize(text),
        ]) {
          expect(out).not.toMatch(CONTROL_OR_BIDI);
          expect(out).not.toMatch(/[\t\r\n]/);
        }
        // The PDF lays out line breaks itself and keeps them as \n.
        for (const font of ['standard', 'embedded'] as const) {
          expect(toPdfText(text, font)).not.toMatch(CONTROL_OR_BIDI);
          expect(toPdfText(text, font)).not.toMatch(/[\t\r]/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('the Markdown export strips U+200E and U+200F like the others', () => {
    expect(escapeMarkdownCell('a\u200eb\u200fc')).toBe('abc');
    expect(escapeMarkdownText('a\u200eb\u200fc')).toBe('abc');
  });

  describe('CSV-1 formula triggers', () => {
    it.each([
      '=1+1',
      '+1',
      '-1',
      '@SUM(1,1)',
      '\t=1',
      '\r=1',
      '\n=1',
      '\u0000=1',
      '\uff1d1+1',
      '\uff0b1',
      '\uff0d1',
      '\uff20SUM(1)',
      '=1+1\nnote',
    ])('neutralizes %j with a leading apostrophe, nothing else changed', (cell) => {
      expect(startsWithFormulaTrigger(cell)).toBe(true);
      expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    });

    it.each(['a=1', ' =1', "'=1", 'FS01', '', '10.0.0.1'])('leaves %j alone', (cell) => {
      expect(neutralizeFormula(cell)).toBe(cell);
    });
  });

  describe('length cap', () => {
    it('leaves text that fits unchanged', () => {
      expect(capText('abc', 3)).toBe('abc');
      const full = 'x'.repeat(MAX_SHEET_CELL);
      expect(capText(full)).toBe(full);
    });

    it('cuts longer text to the cap and says how much was cut', () => {
      const out = capText('x'.repeat(MAX_SHEET_CELL + 5000));
      expect(out.length).toBeLessThanOrEqual(MAX_SHEET_CELL);
      const cut = /… \[([\d,]+) more characters cut; the Markdown and PDF exports show all\]$/.exec(
        out,
      );
      expect(cut).not.toBeNull();
      const kept = out.length - (cut?.[0].length ?? 0);
      expect(Number(cut?.[1]?.replace(/,/g, ''))).toBe(MAX_SHEET_CELL + 5000 - kept);
    });

    it('never exceeds the cap, keeps a prefix and never splits a surrogate pair', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.nat(300), (text, extra) => {
          const max = 100 + extra;
          const out = capText(text, max);
          expect(out.length).toBeLessThanOrEqual(max);
          if (out === text) return;
          const kept = out.slice(0, out.lastIndexOf('… ['));
          expect(text.startsWith(kept)).toBe(true);
          expect(kept).not.toMatch(/[\ud800-\udbff]$/);
        }),
        { numRuns: 500 },
      );
    });
  });

  it('escapes text for HTML', () => {
    expect(escapeHtml(`<td onclick="x">'&'</td>`)).toBe(
      '&lt;td onclick=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/td&gt;',
    );
  });
});
