/**
 * analyzeZones is asked for the same plan network and rules by resolvePlan (the checks), the
 * review and the report: the analysis is made once per (model, rules) pair and never stale.
 */
import { describe, expect, it } from 'vitest';

import { analyzeZones } from '@/core/zones/analyze';

import { firewall, host, model, rule, zone } from './zone-fixtures';

const AGENT = host('Agent 1', '10.1.0.10');
const FILER = host('Filer', '10.2.0.20');

function network() {
  return model({
    zones: [zone('agents', '10.1.0.0/16'), zone('files', '10.2.0.0/16')],
    firewalls: [firewall('core', ['e1=agents', 'e2=files'])],
  });
}

describe('analyzeZones: one analysis per network and rules', () => {
  const rules = [rule({ id: 'R01', sources: [AGENT], destinations: [FILER], ports: [[445, 445]] })];

  it('gives the same analysis again for the same network and rules', () => {
    const net = network();
    expect(analyzeZones(net, rules)).toBe(analyzeZones(net, rules));
  });

  it('analyses again for other rules, and answers for the new rules', () => {
    const net = network();
    const first = analyzeZones(net, rules);
    const other = [
      rule({ id: 'R02', sources: [AGENT], destinations: [FILER], ports: [[139, 139]] }),
    ];
    const second = analyzeZones(net, other);
    expect(second).not.toBe(first);
    expect(second.ruleSets[0]?.rules[0]?.ruleIds).toEqual(['R02']);
    expect(first.ruleSets[0]?.rules[0]?.ruleIds).toEqual(['R01']);
  });

  it('analyses again for an edited network (a new object), never the stale one', () => {
    const net = network();
    expect(analyzeZones(net, rules).ruleSets).toHaveLength(1);
    const edited = { ...net, firewalls: [] };
    const after = analyzeZones(edited, rules);
    expect(after.ruleSets).toHaveLength(0);
    expect(after.checks.map((c) => c.code)).toContain('no-path');
  });
});
