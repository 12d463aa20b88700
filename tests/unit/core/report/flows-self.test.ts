/**
 * A host to itself gives no atomic flow (issue 18): the API server's rule "to the other agents"
 * lists every agent host at both ends, and the import CSV used to list each host to itself.
 */
import { describe, expect, it } from 'vitest';

import { atomicFlows } from '@/core/report/flows';
import type { Resolution } from '@/core/resolve/model';

import { resolutionBetween } from '../../../fixtures/resolution-fixture';

/** One rule with the same hosts at both ends, as the API server's rule to the other agents. */
function meshOf(addresses: readonly string[]): Resolution {
  const hosts = addresses.map((address, i) => ({ label: `Agent ${i + 1}`, address }));
  return resolutionBetween(hosts, hosts);
}

const pairs = (resolution: Resolution) =>
  atomicFlows(resolution).flows.map((f) => `${f.sourceAddress} > ${f.destinationAddress}`);

describe('atomic flows of a rule with the same hosts at both ends', () => {
  it.each([
    {
      what: 'three agent hosts: each to the two others',
      addresses: ['10.0.0.1', '10.0.0.2', '10.0.0.3'],
      expected: [
        '10.0.0.1 > 10.0.0.2',
        '10.0.0.1 > 10.0.0.3',
        '10.0.0.2 > 10.0.0.1',
        '10.0.0.2 > 10.0.0.3',
        '10.0.0.3 > 10.0.0.1',
        '10.0.0.3 > 10.0.0.2',
      ],
    },
    {
      what: 'IPv6 hosts too',
      addresses: ['2001:db8::1', '2001:db8::2'],
      expected: ['2001:db8::1 > 2001:db8::2', '2001:db8::2 > 2001:db8::1'],
    },
    {
      what: 'a CIDR block at both ends is many hosts: it stays',
      addresses: ['10.1.0.0/24'],
      expected: ['10.1.0.0/24 > 10.1.0.0/24'],
    },
    {
      what: 'a range at both ends stays too',
      addresses: ['10.2.0.1-10.2.0.9'],
      expected: ['10.2.0.1-10.2.0.9 > 10.2.0.1-10.2.0.9'],
    },
    { what: 'one host alone: nothing', addresses: ['10.0.0.1'], expected: [] },
  ])('$what', ({ addresses, expected }) => {
    expect(pairs(meshOf(addresses))).toEqual(expected);
  });
});
