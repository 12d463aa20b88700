import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { joinAddresses, splitAddressText } from '@/core/wizard/address-text';

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
