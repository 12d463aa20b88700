import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { blockContains, blocksOverlap, formatBlock, parseBlock } from '@/core/zones/ip';

function block(text: string) {
  const parsed = parseBlock(text);
  if (!parsed) throw new Error(`not a block: ${text}`);
  return parsed;
}

describe('parseBlock', () => {
  it.each([
    ['10.0.0.1', '10.0.0.1/32'],
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['255.255.255.255', '255.255.255.255/32'],
    ['2001:DB8::1', '2001:db8::1/128'],
    ['2001:db8:1:2::/48', '2001:db8:1::/48'],
    ['::/0', '::/0'],
    ['::ffff:10.0.0.1', '::ffff:a00:1/128'],
  ])('%s is the block %s', (text, expected) => {
    expect(formatBlock(block(text))).toBe(expected);
  });

  it.each([
    '',
    'fs01.corp.local',
    '010.0.0.1',
    '10.0.0.0/33',
    '2001:db8::/129',
    '10.0.0',
    'fe80::1%eth0',
  ])('%s is not a block', (text) => {
    expect(parseBlock(text)).toBeNull();
  });
});

describe('blockContains and blocksOverlap', () => {
  it.each([
    ['10.0.0.0/8', '10.1.0.0/16', true],
    ['10.0.0.0/8', '10.0.0.0/8', true],
    ['10.1.0.0/16', '10.0.0.0/8', false],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['0.0.0.0/0', '192.168.1.1', true],
    ['::/0', '192.168.1.1', false],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
  ])('%s holds %s: %s', (outer, inner, expected) => {
    expect(blockContains(block(outer), block(inner))).toBe(expected);
  });

  it('CIDR blocks overlap only when one holds the other', () => {
    const v4 = fc
      .tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 }))
      .map(([address, prefix]) => `${address}/${prefix}`);
    fc.assert(
      fc.property(v4, v4, (a, b) => {
        const x = block(a);
        const y = block(b);
        expect(blocksOverlap(x, y)).toBe(blockContains(x, y) || blockContains(y, x));
      }),
    );
  });

  it('an IPv4 address lies in its own /n block for every n', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (address, prefix) => {
        expect(blockContains(block(`${address}/${prefix}`), block(address))).toBe(true);
      }),
    );
  });

  it('an IPv6 address lies in its own /n block for every n', () => {
    fc.assert(
      fc.property(fc.ipV6(), fc.integer({ min: 0, max: 128 }), (address, prefix) => {
        expect(blockContains(block(`${address}/${prefix}`), block(address))).toBe(true);
      }),
    );
  });
});
