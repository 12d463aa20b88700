import { describe, expect, it } from 'vitest';

import { validateCidr } from '@/core/validate/cidr';
import { validateHostName } from '@/core/validate/host-name';
import { validateIPv4 } from '@/core/validate/ipv4';
import { validateIPv6 } from '@/core/validate/ipv6';
import { addressForm, addressKey, validateAddress } from '@/core/validate/validate-address';

describe('validateAddress picks the right validator', () => {
  it.each([
    ['10.0.0.1', 'ipv4'],
    ['010.0.0.1', 'ipv4'],
    ['1.2.3', 'ipv4'],
    ['0x7f.0.0.1', 'ipv4'],
    ['host.123', 'ipv4'],
    ['fe80::1', 'ipv6'],
    ['10.0.0.0/8', 'cidr'],
    ['fs01.corp', 'host'],
    ['FS01', 'host'],
  ])('%s is checked as %s', (input, form) => {
    expect(addressForm(input)).toBe(form);
  });

  it.each([
    ['010.0.0.1', validateIPv4('010.0.0.1')],
    ['fe80::1%eth0', validateIPv6('fe80::1%eth0')],
    ['fs_01', validateHostName('fs_01')],
    ['10.0.0.0/33', validateCidr('10.0.0.0/33')],
  ])('VAL-6: %s gets the same message as its own validator', (input, expected) => {
    expect(expected).not.toBeNull();
    expect(validateAddress(input, { allowCidr: true })).toBe(expected);
  });

  it('accepts CIDR only where allowed', () => {
    expect(validateAddress('10.0.0.0/24', { allowCidr: true })).toBeNull();
    expect(validateAddress('10.0.0.0/24')).toContain('only a single host name or IP address');
  });

  it('asks for a value when empty', () => {
    expect(validateAddress('')).toBe('Enter a host name or IP address.');
  });

  it('addressKey: same host for case, trailing dot and IPv6 spelling', () => {
    expect(addressKey('FS01.Corp.')).toBe(addressKey('fs01.corp'));
    expect(addressKey('2001:DB8:0::1')).toBe(addressKey('2001:db8::1'));
    expect(addressKey(' 10.0.0.1 ')).toBe('10.0.0.1');
    expect(addressKey('10.0.0.1')).not.toBe(addressKey('10.0.0.2'));
    expect(addressKey('')).toBe('');
  });
});
