import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { parsePlan } from '@/core/plan/parse-plan';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import { emptyZoneModel } from '@/core/zones/model';
import {
  countHosts,
  environmentNames,
  filterRules,
  filterTerms,
  groupChecks,
  ruleSearchText,
  searchTextsOf,
  sortRules,
  stepForField,
  summarize,
  summaryOf,
  summaryText,
  zoneViewOf,
} from '@/features/planner/review/review-logic';

import { reviewResolution, reviewRules } from '../../fixtures/review-resolution';

const keys = (rules: readonly { key: string }[]) => rules.map((r) => r.key);

describe('stepForField', () => {
  it.each([
    ['console.address', 'topology'],
    ['agents.0.address', 'topology'],
    ['agents.12.name', 'topology'],
    ['integrations.siem.address', 'topology'],
    ['integrations.accessAnalyzer.address', 'topology'],
    ['amVersion', 'topology'],
    ['deployment.proxy.address', 'topology'],
    ['deployment.proxy.port', 'topology'],
    ['deployment.archive.address', 'topology'],
    ['devices.2.addresses', 'devices'],
    ['devices.0.tenant', 'devices'],
    ['devices.3.agentId', 'devices'],
    ['devices', 'devices'],
    ['devices.3.options.ceeAddress', 'options'],
    ['devices.10.options', 'options'],
    ['settings.rpcRange', 'options'],
    ['settings.ports.agentPort', 'options'],
    ['devicesX.1', 'topology'],
  ] as const)('%s -> %s', (field, step) => {
    expect(stepForField(field)).toBe(step);
  });
});

describe('filterRules', () => {
  it('returns every rule for an empty or blank filter', () => {
    expect(keys(filterRules(reviewRules, ''))).toEqual(keys(reviewRules));
    expect(keys(filterRules(reviewRules, '   '))).toEqual(keys(reviewRules));
  });

  it('matches a port number inside a range: 50000 is in 49152-65535', () => {
    expect(keys(filterRules(reviewRules, '50000'))).toEqual(['agent1>fs01:TCP:135,49152-65535']);
  });

  it.each([
    ['4498', ['console>agents:TCP:4498']],
    ['135', ['agent1>fs01:TCP:135,49152-65535']],
    ['65535', ['agent1>fs01:TCP:135,49152-65535']],
    ['65536', []],
  ])('port %s', (query, expected) => {
    expect(keys(filterRules(reviewRules, query))).toEqual(expected);
  });

  it.each([
    ['qumulo', ['qumulo>agent1:TCP:4496']],
    ['QUMULO.EXAMPLE.COM', ['qumulo>agent1:TCP:4496']],
    ['entra', ['agent1>tenant:TCP:443']],
    ['netbios', ['agent1>fs01:UDP:137']],
    ['inferred', ['agent1>fs01:UDP:137']],
    ['E2', ['agent1>fs01:TCP:135,49152-65535']],
  ])('text %s', (query, expected) => {
    expect(keys(filterRules(reviewRules, query))).toEqual(expected);
  });

  it('finds a cloud destination by its FQDN and its Azure service tag', () => {
    const [first] = reviewRules;
    const cloud = {
      ...first!,
      key: 'agent1>cloud:TCP:443',
      destination: {
        ...first!.destination,
        hosts: [
          {
            label: 'Blob Storage',
            address: '*.blob.core.windows.net',
            ref: { kind: 'cloud' as const, endpoint: 'blob', key: '*.blob.core.windows.net' },
            cloud: {
              pattern: '*.blob.core.windows.net',
              wildcard: true,
              serviceTag: 'Storage',
              basis: 'documented' as const,
              sources: [],
            },
          },
        ],
      },
    };
    expect(keys(filterRules([...reviewRules, cloud], 'blob.core.windows.net'))).toEqual([
      'agent1>cloud:TCP:443',
    ]);
    expect(keys(filterRules([...reviewRules, cloud], 'storage'))).toEqual(['agent1>cloud:TCP:443']);
  });

  it('requires every term to match', () => {
    expect(keys(filterRules(reviewRules, 'udp fs01'))).toEqual(['agent1>fs01:UDP:137']);
    expect(keys(filterRules(reviewRules, 'udp qumulo'))).toEqual([]);
  });

  it('matches host labels and addresses of every host of an endpoint', () => {
    expect(keys(filterRules(reviewRules, '"agent server 2"'))).toEqual([
      'console>agents:TCP:4498',
      'agents>siem:UDP:514',
    ]);
    expect(keys(filterRules(reviewRules, '10.0.0.1'))).toEqual(['console>agents:TCP:4498']);
  });

  it('splits terms on spaces but keeps "quoted phrases" whole', () => {
    expect(filterTerms('  UDP  "Agent Server 2" fs01 "open')).toEqual([
      'udp',
      'agent server 2',
      'fs01',
      'open',
    ]);
  });

  it('uses the given search text when one is passed', () => {
    expect(filterRules(reviewRules, 'zzz', () => 'zzz')).toHaveLength(reviewRules.length);
  });
});

describe('sortRules', () => {
  it('sorts by ports numerically, both directions', () => {
    expect(keys(sortRules(reviewRules, 'ports', 'asc'))).toEqual([
      'agent1>fs01:TCP:135,49152-65535',
      'agent1>fs01:UDP:137',
      'agent1>tenant:TCP:443',
      'agents>siem:UDP:514',
      'qumulo>agent1:TCP:4496',
      'console>agents:TCP:4498',
    ]);
    expect(keys(sortRules(reviewRules, 'ports', 'desc'))[0]).toBe('console>agents:TCP:4498');
  });

  it('sorts by source role then hosts, keeping ties in resolver order', () => {
    expect(keys(sortRules(reviewRules, 'source', 'asc'))).toEqual([
      'agent1>fs01:TCP:135,49152-65535',
      'agent1>tenant:TCP:443',
      'agent1>fs01:UDP:137',
      'agents>siem:UDP:514',
      'console>agents:TCP:4498',
      'qumulo>agent1:TCP:4496',
    ]);
  });

  it.each([
    ['protocol', 'console>agents:TCP:4498'],
    ['service', 'console>agents:TCP:4498'],
    ['environment', 'console>agents:TCP:4498'],
    ['destination', 'qumulo>agent1:TCP:4496'],
  ] as const)('sorts by %s', (key, first) => {
    expect(sortRules(reviewRules, key, 'asc')[0]?.key).toBe(first);
  });

  it('does not change its input', () => {
    const before = keys(reviewRules);
    sortRules(reviewRules, 'ports', 'desc');
    expect(keys(reviewRules)).toEqual(before);
  });
});

describe('checks and summary', () => {
  it('groups checks errors first, then warnings, then notes', () => {
    const groups = groupChecks(reviewResolution.checks);
    expect(groups.map((g) => [g.severity, g.checks.length])).toEqual([
      ['error', 1],
      ['warning', 2],
      ['info', 1],
    ]);
    expect(groupChecks([])).toEqual([]);
  });

  it('counts distinct hosts (by address, else by plan element)', () => {
    // console, agent 1, agent 2 (no address), qumulo, FS01, tenant; the SIEM has no host.
    expect(countHosts(reviewRules)).toBe(6);
  });

  it('summarises rules, inferred rules, hosts and checks', () => {
    const s = summarize(reviewResolution.rules, reviewResolution.checks);
    expect(s).toEqual({ rules: 6, inferred: 1, hosts: 6, errors: 1, warnings: 2, infos: 1 });
    expect(summaryText(s)).toBe(
      '6 rules (1 inferred) between 6 hosts; 1 error, 2 warnings, 1 note.',
    );
    expect(summaryText(summarize([], []))).toBe('0 rules between 0 hosts; no plan checks.');
    expect(summaryText({ ...s, errors: 0, infos: 0, inferred: 0 })).toBe(
      '6 rules between 6 hosts; 2 warnings.',
    );
  });

  it('lists environment names once each', () => {
    expect(environmentNames(reviewRules[0]!)).toEqual(['Activity Monitor Console and agents']);
  });
});

describe('review data kept per resolution (issue 18: computed ahead, not on the step change)', () => {
  it('summaryOf and searchTextsOf: the same input, the same value; another, its own', () => {
    const resolution = reviewResolution;
    expect(summaryOf(resolution)).toBe(summaryOf(resolution));
    expect(summaryOf(resolution)).toEqual(summarize(resolution.rules, resolution.checks));
    const other = { ...resolution, rules: resolution.rules.slice(1) };
    expect(summaryOf(other)).not.toBe(summaryOf(resolution));
    expect(summaryOf(other).rules).toBe(resolution.rules.length - 1);

    const texts = searchTextsOf(resolution.rules);
    expect(searchTextsOf(resolution.rules)).toBe(texts);
    for (const rule of resolution.rules) expect(texts.get(rule)).toBe(ruleSearchText(rule));
  });

  it('zoneViewOf: null without zones; the analysis once per zone model and rules', () => {
    const text = readFileSync('tests/fixtures/plans/v5.am-firewall-plan.json', 'utf8');
    const opened = parsePlan((JSON.parse(text) as { plan: unknown }).plan);
    if (!opened.ok) throw new Error('fixture does not open');
    const rules = resolvePlan(opened.plan, getCatalog()).rules;
    expect(zoneViewOf(emptyZoneModel(), rules)).toBeNull();
    const view = zoneViewOf(opened.plan.network, rules);
    expect(view?.zones.firewalls.length).toBeGreaterThan(0);
    expect(zoneViewOf(opened.plan.network, rules)).toBe(view);
    expect(zoneViewOf(opened.plan.network, [...rules])).not.toBe(view);
  });
});
