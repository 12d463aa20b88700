import { describe, expect, it } from 'vitest';

import { createDefaultPlan } from '@/core/plan/model';
import { buildReport, draftOf } from '@/core/report/build-report';
import { RULE_SHEET_COLUMNS } from '@/core/report/columns';

import { exportCatalog } from '../../../fixtures/catalogs';
import {
  draftResolution,
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
} from '../../../fixtures/resolution-fixture';

const report = buildReport({
  plan: fixturePlan(),
  resolution: fixtureResolution(),
  catalog: exportCatalog,
  permalink: FIXTURE_PERMALINK,
  generatedAt: FIXTURE_DATE,
});

describe('buildReport', () => {
  it('stamps the plan name, catalog version, docs revision, Activity Monitor version, permalink and date', () => {
    expect(report.title).toBe('Firewall rules: Contoso HQ');
    expect(report.meta).toEqual({
      planName: 'Contoso HQ',
      catalogVersion: '2026.11.0-fixture',
      docsRevision: 'netwrix/docs@c0ffee42',
      amVersion: '10.0',
      permalink: FIXTURE_PERMALINK,
      date: '2026-11-25',
      generator: 'Activity Monitor Firewall Planner',
    });
  });

  it('is a draft when the plan checks hold errors, with their count; warnings do not count', () => {
    expect(report.checks.map((c) => c.severity)).toEqual(['warning']);
    expect(report.draft).toBeNull();
    const draft = buildReport({
      plan: fixturePlan(),
      resolution: draftResolution(),
      catalog: exportCatalog,
      permalink: FIXTURE_PERMALINK,
    });
    expect(draft.draft).toEqual({
      errors: 3,
      stamp: 'DRAFT \u2014 3 plan errors: fix them before filing',
    });
    const error = { code: 'x', severity: 'error', message: 'm', field: 'f' } as const;
    expect(draftOf([error])?.stamp).toBe('DRAFT \u2014 1 plan error: fix it before filing');
    expect(draftOf([{ ...error, severity: 'info' }])).toBeNull();
  });

  it('leaves the date empty when none is passed in (core never reads the clock)', () => {
    const undated = buildReport({
      plan: fixturePlan(),
      resolution: fixtureResolution(),
      catalog: exportCatalog,
      permalink: '',
    });
    expect(undated.meta.date).toBe('');
  });

  it('has one row per resolved rule with the rule sheet columns', () => {
    expect(report.columns).toEqual(RULE_SHEET_COLUMNS);
    expect(report.rows).toHaveLength(8);
    expect(report.rows[0]).toEqual({
      Rule: 'R01',
      Environment: 'Activity Monitor Console and agents',
      Source: 'Activity Monitor Console',
      'Source host': 'AM Console (10.0.0.10)',
      Destination: 'Activity Agent Server',
      'Destination host':
        'Agent NYC (agent-nyc.corp.example.com); Agent LON (address missing); FS01 (10.0.3.5)',
      'M365 endpoint set': '',
      'Azure service tag': '',
      Protocol: 'TCP',
      Ports: '4498',
      Service: 'Agent protocol',
      Description: 'Agent Communication',
      Condition: '',
      Notes: '',
      Reference:
        'https://docs.netwrix.com/docs/activitymonitor/10_0/requirements/activityagent/activityagentports#activity-agent-ports',
    });
    expect(report.rows.map((r) => r.Rule)).toEqual(fixtureResolution().rules.map((r) => r.id));
  });

  it.each([
    [
      1,
      'Notes',
      'Inferred: not stated in the vendor documentation. Only while the console deploys or updates the agent.',
    ],
    [2, 'Condition', 'Filer NYC: ONTAPI over HTTPS'],
    [2, 'Notes', 'Errata: E9 (Cluster-Mode note names 7-Mode).'],
    [5, 'Ports', '135, 49152-65535'],
    [
      6,
      'Destination host',
      'Microsoft Entra ID sign-in (login.microsoftonline.com); Microsoft Graph API (graph.microsoft.com); Office 365 Management Activity API (manage.office.com)',
    ],
    [
      6,
      'M365 endpoint set',
      '56: login.microsoftonline.com, graph.microsoft.com; none published: manage.office.com',
    ],
    [
      6,
      'Azure service tag',
      'AzureActiveDirectory: login.microsoftonline.com; M365ManagementActivityApi: manage.office.com; none published: graph.microsoft.com',
    ],
    [
      6,
      'Reference',
      'https://docs.netwrix.com/docs/activitymonitor/10_0/requirements/activityagent/activityagentports#exchange-online https://learn.microsoft.com/entra-sign-in https://learn.microsoft.com/microsoft-graph https://learn.microsoft.com/o365-management-api',
    ],
  ] as const)('row %i column %s is %j', (index, column, value) => {
    expect(report.rows[index]?.[column]).toBe(value);
  });

  it('summarizes the topology, devices and options', () => {
    expect(report.summary.topology.map((i) => i.label)).toEqual([
      'Activity Monitor version',
      'Activity Monitor Console',
      'Agent servers (2)',
      'Devices',
      'Syslog / SIEM',
    ]);
    expect(report.summary.devices[0]).toEqual({
      name: 'Filer NYC',
      environment: 'NetApp Data ONTAP Cluster-Mode',
      addresses: 'svm-nyc.corp.example.com; 10.0.2.16/28',
      agent: 'Agent NYC',
      options: 'ONTAPI protocol: HTTPS (443); FPolicy port: 9999 (default)',
    });
    expect(report.summary.devices[1]?.agent).toBe('local agent');
    expect(report.summary.options).toContainEqual({ label: 'Agent port', value: '4498' });
  });

  it('summarizes the additional consoles, Threat Prevention and the agent services when the plan has them', () => {
    const base = fixturePlan();
    const plan = {
      ...base,
      additionalConsoles: [
        { name: 'Console 2', address: '10.0.0.11' },
        { name: 'Console 3', address: '' },
      ],
      integrations: {
        ...base.integrations,
        threatPrevention: { enabled: true, name: 'TP EM', address: '10.8.0.1' },
      },
      agentServices: {
        dns: { enabled: true, addresses: ['10.7.0.1', '10.7.0.2'] },
        domainControllers: { enabled: true, addresses: [] },
        smtp: { enabled: true, name: 'Relay', address: 'smtp.corp.example', port: 587 },
        syslog: { enabled: true, name: 'Syslog', address: '10.9.0.1', transport: 'TLS', port: 'x' },
      },
    } satisfies ReturnType<typeof fixturePlan>;
    const summary = buildReport({
      plan,
      resolution: fixtureResolution(),
      catalog: exportCatalog,
      permalink: FIXTURE_PERMALINK,
    }).summary.topology;
    expect(summary).toEqual(
      expect.arrayContaining([
        {
          label: 'Additional consoles (2)',
          value: 'Console 2 (10.0.0.11); Console 3 (address missing)',
        },
        { label: 'Threat Prevention Enterprise Manager', value: 'TP EM (10.8.0.1)' },
        { label: 'Agent DNS servers', value: '10.7.0.1; 10.7.0.2' },
        { label: 'Agent domain controllers', value: 'address missing' },
        {
          label: 'Inactivity alerts by e-mail (SMTP)',
          value: 'Relay (smtp.corp.example); port 587',
        },
        { label: 'Inactivity alerts by syslog', value: 'Syslog (10.9.0.1); TLS “x” (invalid)' },
      ]),
    );
  });

  it('leaves the new places out of the summary while they are off', () => {
    const labels = report.summary.topology.map((i) => i.label).join('\n');
    expect(labels).not.toMatch(/Additional consoles|Threat Prevention|Agent DNS|Inactivity/);
  });

  it('groups rules per host: inbound where it is a destination, outbound where it is a source', () => {
    const agent = report.hosts.find((h) => h.key === 'agent-1');
    expect(agent?.inbound.map((r) => r.ruleId)).toEqual(['R01', 'R04', 'R06']);
    expect(agent?.outbound.map((r) => r.ruleId)).toEqual(['R03', 'R07', 'R08']);
    expect(agent?.windows).toBe(true);
    const fileServer = report.hosts.find((h) => h.key === 'dev-2');
    expect(fileServer?.roleNames).toEqual(['Activity Agent Server', 'Windows file server']);
    expect(fileServer?.windows).toBe(true);
    expect(report.hosts.find((h) => h.key === 'dev-3')?.windows).toBe(false);
    // A cloud device is no host; the FQDNs it reaches are, one each, of kind fqdn.
    expect(report.hosts.find((h) => h.key === 'dev-4')).toBeUndefined();
    const fqdns = report.hosts.filter((h) => h.kind === 'fqdn');
    expect(fqdns.map((h) => [h.key, h.address, h.os, h.windows])).toEqual([
      ['login-microsoftonline-com', 'login.microsoftonline.com', 'other', false],
      ['graph-microsoft-com', 'graph.microsoft.com', 'other', false],
      ['manage-office-com', 'manage.office.com', 'other', false],
    ]);
    expect(fqdns[0]?.fqdn).toEqual({
      pattern: 'login.microsoftonline.com',
      wildcard: false,
      m365EndpointSet: 56,
      serviceTag: 'AzureActiveDirectory',
    });
    const toCloud = agent?.outbound.find((r) => r.ruleId === 'R07');
    expect(toCloud?.peers.map((p) => [p.kind, p.address, p.hostKey])).toEqual([
      ['fqdn', 'login.microsoftonline.com', 'login-microsoftonline-com'],
      ['fqdn', 'graph.microsoft.com', 'graph-microsoft-com'],
      ['fqdn', 'manage.office.com', 'manage-office-com'],
    ]);
    const keys = report.hosts.map((h) => h.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lists notes and errata once, errata in number order', () => {
    expect(report.notes).toHaveLength(3);
    expect(report.errata.map((e) => e.id)).toEqual(['E2', 'E9']);
    expect(report.checks).toHaveLength(1);
  });

  it('handles a plan with no rules', () => {
    const empty = buildReport({
      plan: createDefaultPlan(),
      resolution: { rules: [], checks: [] },
      catalog: exportCatalog,
      permalink: '',
    });
    expect(empty.rows).toEqual([]);
    expect(empty.hosts).toEqual([]);
  });
});
