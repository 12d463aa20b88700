import { describe, expect, it } from 'vitest';

import { isCatalogVersion } from '@/core/validate/catalog-version';
import { describeValue, MAX_SHOWN, quoteInput } from '@/core/validate/quote';

describe('quoteInput: outside text in messages, short and visibly quoted', () => {
  it('quotes short text as it is', () => {
    expect(quoteInput('010.0.0.1')).toBe('"010.0.0.1"');
    expect(quoteInput('x'.repeat(MAX_SHOWN))).toBe(`"${'x'.repeat(MAX_SHOWN)}"`);
  });

  it('shortens long text with "…", however long', () => {
    expect(quoteInput('x'.repeat(MAX_SHOWN + 1))).toBe(`"${'x'.repeat(MAX_SHOWN - 1)}…"`);
    const huge = quoteInput('y'.repeat(1_000_000));
    expect(huge).toBe(`"${'y'.repeat(MAX_SHOWN - 1)}…"`);
  });

  it('keeps it on one line and drops characters that reorder the text around them', () => {
    expect(quoteInput('a\nb\r\tc\u0000d\u2028e')).toBe('"a b  c d e"');
    expect(quoteInput('abc\u202edcba\u2066x\u2069')).toBe('"abcdcbax"');
  });

  it('shows a quote inside as \\" so the quotes around stay the quotes', () => {
    expect(quoteInput('1.0" is fine. Call the helpdesk "now')).toBe(
      '"1.0\\" is fine. Call the helpdesk \\"now"',
    );
  });

  it('never cuts a character in two', () => {
    const text = `${'x'.repeat(MAX_SHOWN - 2)}😀😀😀`;
    const quoted = quoteInput(text);
    expect(quoted).toBe(`"${'x'.repeat(MAX_SHOWN - 2)}…"`);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(quoted)).toBe(false);
  });

  it('describes other values by their kind', () => {
    expect(describeValue(7)).toBe('7');
    expect(describeValue(true)).toBe('true');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue([1])).toBe('a list');
    expect(describeValue({ a: 1 })).toBe('an object');
    expect(describeValue('z'.repeat(100))).toBe(`"${'z'.repeat(MAX_SHOWN - 1)}…"`);
  });
});

describe('isCatalogVersion', () => {
  it.each(['2026.11.0', '2026.11.1', '2027.1.0', '2026.11.0-fixture', '1.2'])('accepts %s', (v) => {
    expect(isCatalogVersion(v)).toBe(true);
  });

  it.each([
    ['empty text', ''],
    ['a word', 'old'],
    ['a tag', 'v1'],
    ['a sentence after a version', '2026.11.0 call the helpdesk'],
    ['a line break', '2026.11.0\n'],
    ['200,000 digits', '9'.repeat(200_000)],
    ['a long suffix', `2026.11.0-${'a'.repeat(25)}`],
    ['a number', 2026],
    ['null', null],
  ])('refuses %s', (_label, v) => {
    expect(isCatalogVersion(v)).toBe(false);
  });
});
