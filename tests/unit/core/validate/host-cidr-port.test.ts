import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { cidrHostBitsWarning, cidrNetwork, isAnyCidr, validateCidr } from '@/core/validate/cidr';
import { hostNameWarning, isHostName, validateHostName } from '@/core/validate/host-name';
import {
  parsePort,
  validatePort,
  validatePortInRange,
  validatePortRange,
} from '@/core/validate/port';

describe('VAL-4 host names', () => {
  it.each([
    'FS01',
    'fs01.corp.example.com',
    'fs01.corp.example.com.',
    '1filer.example.com',
    'a-b.example',
    'xn--bcher-kva.example',
    'contoso.onmicrosoft.com',
    'a'.repeat(63) + '.example',
  ])('accepts %s', (input) => {
    expect(validateHostName(input)).toBeNull();
  });

  it.each([
    ['fs_01.corp', 'underscores are not allowed'],
    ['-fs01.corp', 'cannot start or end with a hyphen'],
    ['fs01-.corp', 'cannot start or end with a hyphen'],
    ['ÄBC.corp', 'xn--'],
    ['fs01..corp', 'is empty'],
    ['.fs01', 'is empty'],
    ['fs01.corp..', 'is empty'],
    ['a'.repeat(64) + '.example', 'at most 63 characters'],
    [Array.from({ length: 51 }, () => 'abcd').join('.'), 'at most 253 characters'],
    ['host.123', 'all digits'],
    ['fs 01', 'remove the spaces'],
    ['fs01:8080', 'only letters, digits, hyphens and dots'],
    ['', 'Enter a host name'],
  ])('rejects %s', (input, problem) => {
    expect(validateHostName(input)).toContain(problem);
  });

  it('warns about single labels longer than 15 characters (NetBIOS), not dotted names', () => {
    expect(hostNameWarning('FILESERVERNUMBER1')).toContain('NetBIOS');
    expect(hostNameWarning('FILESERVER01')).toBeNull();
    expect(hostNameWarning('fileservernumber1.corp.example')).toBeNull();
  });

  it('VAL-4 property: every fc.domain() is accepted', () => {
    fc.assert(
      fc.property(fc.domain(), (name) => isHostName(name)),
      { numRuns: 10_000 },
    );
  });

  it('VAL-4 property: random strings never crash the validator', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (s) => {
        const result = validateHostName(s);
        return result === null || result.length > 0;
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('VAL-3 CIDR', () => {
  it.each([
    '10.0.0.0/8',
    '10.0.0.0/0',
    '192.168.1.0/24',
    '192.168.1.7/32',
    '2001:db8::/32',
    '::/0',
    '::1/128',
  ])('accepts %s', (input) => {
    expect(validateCidr(input)).toBeNull();
  });

  it.each([
    ['10.0.0.0/33', 'between 0 and 32'],
    ['2001:db8::/129', 'between 0 and 128'],
    ['10.0.0.0/08', 'leading zeros'],
    ['10.0.0.0/', 'must be a number'],
    ['10.0.0.0/-1', 'must be a number'],
    ['010.0.0.0/8', 'leading zeros are not allowed'],
    ['10.0.0.0/8/8', 'write an address'],
    ['fe80::%eth0/64', 'zone ids'],
    ['host.example/24', 'not a valid'],
  ])('rejects %s', (input, problem) => {
    const message = validateCidr(input);
    expect(message).toContain(problem);
    expect(message).toContain(`"${input}" is not a valid CIDR block`);
  });

  it('VAL-3: host bits set warn and offer the network, never change the input', () => {
    expect(cidrNetwork('10.0.0.1/8')).toBe('10.0.0.0/8');
    expect(cidrNetwork('192.168.1.77/26')).toBe('192.168.1.64/26');
    expect(cidrNetwork('2001:db8::1/32')).toBe('2001:db8::/32');
    expect(cidrHostBitsWarning('10.0.0.1/8')).toBe(
      '"10.0.0.1/8" has host bits set; the network is 10.0.0.0/8',
    );
    expect(cidrHostBitsWarning('10.0.0.0/8')).toBeNull();
    expect(cidrHostBitsWarning('2001:DB8::/32')).toBeNull();
    expect(cidrHostBitsWarning('2001:db8::1/32')).toContain('2001:db8::/32');
  });

  it('VAL-3: /0 is recognised so it can need confirmation', () => {
    expect(isAnyCidr('0.0.0.0/0')).toBe(true);
    expect(isAnyCidr('::/0')).toBe(true);
    expect(isAnyCidr('10.0.0.0/8')).toBe(false);
  });

  it('VAL-3 property: the network of any valid v4 block is valid and has no host bits', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (ip, prefix) => {
        const network = cidrNetwork(`${ip}/${prefix}`);
        return (
          network !== null &&
          validateCidr(network) === null &&
          cidrHostBitsWarning(network) === null
        );
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('VAL-5 ports and ranges', () => {
  it.each([
    ['0', false],
    ['1', true],
    ['1023', true],
    ['1024', true],
    ['49151', true],
    ['49152', true],
    ['65535', true],
    ['65536', false],
    ['080', false],
    ['1e3', false],
    [' 80', false],
    ['80 ', false],
    ['+80', false],
    ['-1', false],
    ['', false],
  ])('port %j valid: %s', (input, ok) => {
    const message = validatePort(input);
    expect(message === null).toBe(ok);
    if (!ok) expect(message).toMatch(/port/);
  });

  it.each([
    [443, true],
    [0, false],
    [65536, false],
    [80.5, false],
    [Number.NaN, false],
  ])('numeric port %s valid: %s', (input, ok) => {
    expect(validatePort(input) === null).toBe(ok);
  });

  it.each([
    ['1-65535', true],
    ['49152-65535', true],
    ['443', true],
    ['80-80', true],
    ['80-79', false],
    ['0-80', false],
    ['80-', false],
    ['1-2-3', false],
    ['080-90', false],
  ])('range %j valid: %s', (input, ok) => {
    expect(validatePortRange(input) === null).toBe(ok);
  });

  it('names the problem for a reversed range', () => {
    expect(validatePortRange('80-79')).toContain(
      'the first port must not be greater than the last',
    );
  });

  it('checks a setting range and parses valid ports', () => {
    expect(validatePortInRange('999', 1000, 65535)).toBe('"999" is out of range: use 1000-65535');
    expect(validatePortInRange('1000', 1000, 65535)).toBeNull();
    expect(parsePort('4498')).toBe(4498);
    expect(parsePort('04498')).toBeNull();
  });
});
