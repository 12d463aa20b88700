import { describe, expect, it } from 'vitest';

import { INTERNET_ZONE_ID } from '@/core/zones/model';
import type { Placement } from '@/core/zones/placement';
import { placeAddress, zoneIndex } from '@/core/zones/placement';

import { model, zone } from './zone-fixtures';

const ZONES = model({
  zones: [
    zone('corp', '10.0.0.0/8', '2001:db8::/32'),
    zone('servers', '10.1.0.0/16', '2001:db8:1::/48'),
    zone('nas', '10.1.5.0/24'),
    zone('dup-a', '192.168.0.0/24'),
    zone('dup-b', '192.168.0.0/24'),
    zone('named'),
  ],
  assignments: [
    { address: 'FS01.corp.local.', zoneId: 'named' },
    { address: '172.16.0.9', zoneId: 'servers' },
    { address: '10.1.0.7', zoneId: 'named' },
  ],
});

const where = (zoneId: string): Placement['kind'] => (zoneId ? 'zone' : 'none');

describe('placeAddress', () => {
  const index = zoneIndex(ZONES);
  it.each<[string, string, string]>([
    // address, zone (empty: none), why
    ['10.9.9.9', 'corp', 'only /8 holds it'],
    ['10.1.9.9', 'servers', '/16 beats /8'],
    ['10.1.5.20', 'nas', '/24 beats /16 and /8'],
    ['2001:db8:2::1', 'corp', 'IPv6 /32'],
    ['2001:DB8:1::10', 'servers', 'IPv6 /48 beats /32 (any case)'],
    ['10.1.5.0/28', 'nas', 'a device block inside one zone block'],
    ['10.1.5.0/24', 'nas', 'a device block equal to a zone block'],
    ['10.1.16.0/20', 'servers', 'a block inside servers, clear of nas'],
    ['fs01.corp.local', 'named', 'a name with a zone chosen by hand'],
    ['172.16.0.9', 'servers', 'an address outside every zone, zone chosen by hand'],
    ['10.1.0.7', 'servers', 'the CIDRs win over a hand choice'],
  ])('%s is in %s (%s)', (address, zoneId, why) => {
    const placement = placeAddress(address, index);
    expect(placement.kind, why).toBe(where(zoneId));
    expect(placement.kind === 'zone' ? placement.zoneId : '').toBe(zoneId);
  });

  it.each<[string, Placement]>([
    ['11.0.0.1', { kind: 'none', reason: 'no-zone', zoneIds: [] }],
    ['2001:db9::1', { kind: 'none', reason: 'no-zone', zoneIds: [] }],
    ['other.corp.local', { kind: 'none', reason: 'name', zoneIds: [] }],
    ['192.168.0.5', { kind: 'none', reason: 'ambiguous', zoneIds: ['dup-a', 'dup-b'] }],
    ['10.0.0.0/7', { kind: 'none', reason: 'spans', zoneIds: ['corp', 'nas', 'servers'] }],
    ['10.1.0.0/16', { kind: 'none', reason: 'spans', zoneIds: ['nas', 'servers'] }],
    ['10.1.0.0/21', { kind: 'none', reason: 'spans', zoneIds: ['nas', 'servers'] }],
    ['10.1.4.0/23', { kind: 'none', reason: 'spans', zoneIds: ['nas', 'servers'] }],
    ['::ffff:10.1.5.20', { kind: 'none', reason: 'no-zone', zoneIds: [] }],
  ])('%s is in no zone', (address, expected) => {
    expect(placeAddress(address, index)).toEqual(expected);
  });

  it('names the CIDR that placed an address', () => {
    expect(placeAddress('10.1.5.1', index)).toEqual({
      kind: 'zone',
      zoneId: 'nas',
      via: 'cidr',
      cidr: '10.1.5.0/24',
    });
  });

  it('puts a cloud FQDN in the Internet zone, whatever a hand choice says', () => {
    expect(placeAddress('fs01.corp.local', index, true)).toEqual({
      kind: 'zone',
      zoneId: INTERNET_ZONE_ID,
      via: 'internet',
    });
  });

  it('ignores a hand choice of an unknown zone', () => {
    const index2 = zoneIndex(model({ assignments: [{ address: 'x.local', zoneId: 'nope' }] }));
    expect(placeAddress('x.local', index2)).toEqual({ kind: 'none', reason: 'name', zoneIds: [] });
  });

  it('skips invalid zone CIDRs (a check names them) and places by the valid ones', () => {
    const index2 = zoneIndex(model({ zones: [zone('a', '10.0.0.0/33', '10.0.0.0/8')] }));
    expect(placeAddress('10.2.3.4', index2)).toMatchObject({ kind: 'zone', zoneId: 'a' });
  });
});
