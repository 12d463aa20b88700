/**
 * Atomic flows of a rule with more flows than a function call takes arguments (issue 18): the
 * API server's rule to the other agents of a 2,000-device plan gave 123,070 flows, and
 * `flows.push(...flowsOf(rule))` threw "Maximum call stack size exceeded", so every export of
 * such a plan failed.
 */
import { describe, expect, it } from 'vitest';

import { atomicFlows } from '@/core/report/flows';

import { numberedHosts, resolutionBetween } from '../../../fixtures/resolution-fixture';

describe('atomic flows of a very large rule', () => {
  it('lists 400 × 400 hosts (160,000 flows) of one rule without overflowing the stack', () => {
    const resolution = resolutionBetween(numberedHosts(1, 400), numberedHosts(2, 400));
    const { flows } = atomicFlows(resolution);
    expect(flows.length).toBe(160_000);
    expect(flows[0]?.sourceAddress).toBe('10.1.0.1');
    expect(flows.at(-1)?.destinationAddress).toBe('10.2.1.150');
  });
});
