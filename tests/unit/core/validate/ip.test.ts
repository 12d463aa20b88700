import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { isIPv4, parseIPv4, validateIPv4 } from '@/core/validate/ipv4';
import { canonicalIPv6, formatIPv6, isIPv6, parseIPv6, validateIPv6 } from '@/core/validate/ipv6';

describe('VAL-1 IPv4 in strict dotted decimal', () => {
  it.each(['0.0.0.0', '10.0.0.1', '192.168.1.10', '255.255.255.255', '1.2.3.4'])(
    'accepts %s',
    (input) => {
      expect(validateIPv4(input)).toBeNull();
    },
  );

  it.each([
    ['010.0.0.1', 'leading zeros are not allowed'],
    ['192.168.007.1', 'leading zeros are not allowed'],
    ['00.0.0.0', 'leading zeros are not allowed'],
    ['192.168.1.0xa', 'only decimal digits and dots'],
    ['0x7f.0.0.1', 'only decimal digits and dots'],
    ['1.2.3', 'four numbers'],
    ['3232235786', 'four numbers'],
    ['1.2.3.4.5', 'four numbers'],
    ['1..2.3', 'missing between two dots'],
    ['256.0.0.1', 'between 0 and 255'],
    ['1.2.3.1000', 'between 0 and 255'],
    [' 1.2.3.4', 'remove the spaces'],
    ['1.2.3.4 ', 'remove the spaces'],
    ['-1.2.3.4', 'only decimal digits and dots'],
    ['', 'Enter an IPv4 address'],
  ])('rejects %s with a message naming the problem', (input, problem) => {
    const message = validateIPv4(input);
    expect(message).toContain(problem);
    if (input !== '') expect(message).toContain(`"${input}" is not a valid IPv4 address`);
  });

  it('gives the documented message for 010.0.0.1 (never reads it as 8.0.0.1)', () => {
    expect(validateIPv4('010.0.0.1')).toBe(
      '"010.0.0.1" is not a valid IPv4 address: leading zeros are not allowed',
    );
    expect(parseIPv4('010.0.0.1')).toBeNull();
  });

  it('VAL-1 property: every fc.ipV4() is accepted', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => isIPv4(ip)),
      { numRuns: 10_000 },
    );
  });

  it('VAL-1 property: every fc.ipV4Extended() that is not its own canonical form is rejected', () => {
    fc.assert(
      fc.property(fc.ipV4Extended(), (ip) => {
        const canonical = new URL(`http://${ip}/`).hostname;
        return canonical === ip ? isIPv4(ip) : !isIPv4(ip);
      }),
      { numRuns: 10_000 },
    );
  });

  it('VAL-1 property: random strings never crash and return null or a message', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const result = validateIPv4(s);
        return result === null || typeof result === 'string';
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('VAL-2 IPv6', () => {
  it.each([
    ['::', '::'],
    ['::1', '::1'],
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['fe80::1', 'fe80::1'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['::ffff:192.168.1.10', '::ffff:c0a8:10a'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
  ])('accepts %s (RFC 5952 form %s)', (input, canonical) => {
    expect(validateIPv6(input)).toBeNull();
    expect(canonicalIPv6(input)).toBe(canonical);
  });

  it.each([
    ['fe80::1%eth0', 'zone ids'],
    ['[::1]', 'square brackets'],
    ['1::2::3', '"::" may appear only once'],
    ['1:2:3:4:5:6:7:8:9', 'eight groups'],
    ['1:2:3:4:5:6:7', 'eight groups'],
    ['1:2:3:4:5:6:7:8::', 'too many groups'],
    ['12345::', 'one to four hexadecimal digits'],
    ['g::1', 'only hexadecimal digits'],
    [':1:2:3:4:5:6:7', 'a group is missing'],
    ['1:::2', 'a group is missing'],
    ['::010.0.0.1', 'strict dotted-decimal'],
    ['::1.2.3.4:5', 'only at the end'],
    [' ::1', 'remove the spaces'],
  ])('rejects %s', (input, problem) => {
    const message = validateIPv6(input);
    expect(message).toContain(problem);
    expect(isIPv6(input)).toBe(false);
  });

  it('VAL-2 property: every fc.ipV6() is accepted and emit(parse(x)) is stable', () => {
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        const once = canonicalIPv6(ip);
        if (once === null) return false;
        return canonicalIPv6(once) === once && parseIPv6(once)?.length === 8;
      }),
      { numRuns: 10_000 },
    );
  });

  it('VAL-2 property: formatIPv6 round-trips any eight groups', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }),
        (groups) => {
          expect(parseIPv6(formatIPv6(groups))).toEqual(groups);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
