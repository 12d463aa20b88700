/**
 * Atomic flows of a rule with more flows than a function call takes arguments (issue 18): the
 * API server's rule to the other agents of a 2,000-device plan gave 123,070 flows, and
 * `flows.push(...flowsOf(rule))` threw "Maximum call stack size exceeded", so every export of
 * such a plan failed.
 */
import { describe, expect, it } from 'vitest';

import { atomicFlows } from '@/core/report/flows';
import type { ResolvedHost, ResolvedPortRange, Resolution } from '@/core/resolve/model';

import { fixtureResolution } from '../../../fixtures/resolution-fixture';

describe('atomic flows of a very large rule', () => {
  it('lists 400 × 400 hosts (160,000 flows) of one rule without overflowing the stack', () => {
    const base = fixtureResolution();
    const rule = base.rules[0];
    expect(rule).toBeDefined();
    if (!rule) return;
    const template = rule.source.hosts[0] as ResolvedHost;
    const hosts = (net: number) =>
      Array.from({ length: 400 }, (_, i): ResolvedHost => {
        const { invalid: _invalid, ...valid } = template;
        return {
          ...valid,
          label: `Host ${net}.${i}`,
          address: `10.${net}.${Math.floor(i / 250)}.${(i % 250) + 1}`,
        };
      });
    const big = {
      ...rule,
      problems: [],
      ports: [{ ...(rule.ports[0] as ResolvedPortRange), from: 4498, to: 4498 }],
      source: { ...rule.source, hosts: hosts(1) },
      destination: { ...rule.destination, hosts: hosts(2) },
    };
    const resolution: Resolution = { ...base, rules: [big] };
    const { flows } = atomicFlows(resolution);
    expect(flows.length).toBe(160_000);
    expect(flows[0]?.sourceAddress).toBe('10.1.0.1');
    expect(flows.at(-1)?.destinationAddress).toBe('10.2.1.150');
  });
});
