import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { joinAddresses, splitAddressText, textareaRows } from '@/core/wizard/address-text';

describe('splitAddressText', () => {
  it.each([
    ['', []],
    ['\n\n', []],
    ['a.example.com', ['a.example.com']],
    ['10.0.0.1\n10.0.0.2', ['10.0.0.1', '10.0.0.2']],
    ['  10.0.0.1  \r\n\n fe80::1 ', ['10.0.0.1', 'fe80::1']],
    ['a, b; c d', ['a', 'b', 'c', 'd']],
    ['bad_host!\n10.0.0.0/8', ['bad_host!', '10.0.0.0/8']],
  ])('%j -> %j', (text, expected) => {
    expect(splitAddressText(text)).toEqual(expected);
  });

  it('keeps every entry through join and split (nothing typed is lost)', () => {
    const entry = fc.stringMatching(/^[^\s,;]{1,20}$/);
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), (entries) => {
        expect(splitAddressText(joinAddresses(entries))).toEqual(entries);
      }),
    );
  });
});

describe('textareaRows: an address field as tall as its text, within bounds', () => {
  it.each([
    ['', true, 1],
    ['', false, 2],
    ['10.0.0.1', true, 1],
    ['10.0.0.1\n10.0.0.2\n10.0.0.3', true, 3],
    // A 61-character host name wraps to three rows of a table cell, two of a card.
    [`a-very-long-host-name-for-the-management-lif.corp.contoso.com`, true, 3],
    [`a-very-long-host-name-for-the-management-lif.corp.contoso.com`, false, 2],
    [Array.from({ length: 25 }, (_, i) => `10.0.0.${i}`).join('\n'), true, 10],
  ])('%j (compact %s): %i rows', (text, compact, rows) => {
    expect(textareaRows(text, compact)).toBe(rows);
  });
});
