/**
 * The report's zones (issue 16): the zone cells of the rule rows and the atomic flows, the
 * per-firewall rule sets, one host's share of them, and no trace of zones for a plan without.
 */
import { describe, expect, it, vi } from 'vitest';

import type { BuildReportInput } from '@/core/report/build-report';
import { buildReport } from '@/core/report/build-report';
import { RULE_SHEET_COLUMNS, ZONED_RULE_SHEET_COLUMNS } from '@/core/report/columns';
import { reportForHost } from '@/core/report/host-report';
import { NO_ZONE, reportZoneView } from '@/core/report/zones';
import { hostIdentity } from '@/core/resolve/hosts';
import * as analyze from '@/core/zones/analyze';
import { emptyZoneModel } from '@/core/zones/model';
import { planZoneModel } from '@/core/zones/plan-zones';

import { exportCatalog } from '../../../fixtures/catalogs';
import {
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
} from '../../../fixtures/resolution-fixture';
import { fixtureZoneModel } from '../../../fixtures/zones-fixture';

function input(zones?: BuildReportInput['zones']): BuildReportInput {
  return {
    plan: fixturePlan(),
    resolution: fixtureResolution(),
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
    ...(zones ? { zones } : {}),
  };
}

const zoned = buildReport(input(fixtureZoneModel()));

describe('a report without zones', () => {
  it('is the report as before: no zone key, no zone column, no zone in the flows', () => {
    const plain = buildReport(input());
    for (const report of [
      buildReport(input(emptyZoneModel())),
      buildReport(input(planZoneModel(fixturePlan()))),
    ]) {
      expect(report).toEqual(plain);
      expect('zones' in report).toBe(false);
      expect(report.columns).toEqual(RULE_SHEET_COLUMNS);
      expect(report.rows.every((r) => !('Source zone' in r))).toBe(true);
      expect(report.flows.flows.every((f) => !('sourceZone' in f))).toBe(true);
    }
  });

  it('reads the plan’s own network: empty for a plan without zones, the same object each time', () => {
    const plan = fixturePlan();
    expect(planZoneModel(plan)).toEqual(emptyZoneModel());
    expect(planZoneModel(plan)).toBe(plan.network);
    const zoned = {
      ...plan,
      network: { ...emptyZoneModel(), zones: [{ id: 'z', name: 'Z', cidrs: [] }] },
    };
    expect(planZoneModel(zoned).zones).toHaveLength(1);
  });

  it('does not analyse zones at all', () => {
    const spy = vi.spyOn(analyze, 'analyzeZones');
    buildReport(input(emptyZoneModel()));
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe('a report with zones', () => {
  it('analyses the zones once per report', () => {
    const spy = vi.spyOn(analyze, 'analyzeZones');
    buildReport(input(fixtureZoneModel()));
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('gives each rule row the zones of its source and destination hosts', () => {
    expect(zoned.columns).toEqual(ZONED_RULE_SHEET_COLUMNS);
    const zones = zoned.rows.map((r) => [r.Rule, r['Source zone'], r['Destination zone']]);
    expect(zones).toEqual([
      // Agent LON has no address: no zone to name.
      ['R01', 'Management', 'Agent servers; File servers'],
      ['R02', 'Management', 'File servers'],
      // The Filer spans a zone and none: each of its addresses is placed on its own.
      ['R03', 'Agent servers', `NAS; ${NO_ZONE}`],
      ['R04', `NAS; ${NO_ZONE}`, 'Agent servers'],
      ['R05', 'NAS', 'Agent servers'],
      ['R06', 'Agent servers', 'Agent servers'],
      // The cloud FQDNs are in the Internet zone.
      ['R07', 'Agent servers', 'Internet'],
      ['R08', 'Agent servers; File servers', 'Management'],
    ]);
  });

  it('gives each atomic flow the zone of each end', () => {
    const flow = zoned.flows.flows.find((f) => f.destinationAddress === 'graph.microsoft.com');
    expect(flow).toMatchObject({ sourceZone: 'Agent servers', destinationZone: 'Internet' });
    expect(zoned.flows.flows.every((f) => f.sourceZone && f.destinationZone)).toBe(true);
  });

  it('lists the zones, and every firewall with its merged rule set and objects', () => {
    expect(zoned.zones?.zones.map((z) => z.name)).toEqual([
      'Agent servers',
      'File servers',
      'Management',
      'NAS',
      'Internet',
    ]);
    const [core, edge] = zoned.zones?.firewalls ?? [];
    expect(core?.name).toBe('Core FW');
    expect(core?.kind).toBe('PAN-OS');
    expect(edge?.kind).toBe('FortiOS');
    const edgeRules = edge?.rules ?? [];
    expect(edgeRules).toHaveLength(1);
    expect(edgeRules[0]).toMatchObject({
      name: 'AM-001',
      ingress: { name: 'port1', zones: ['Agent servers'] },
      egress: { name: 'wan1', zones: ['Internet'] },
      sourceAddresses: ['agent-nyc.corp.example.com'],
      destinationAddresses: [
        'graph.microsoft.com',
        'login.microsoftonline.com',
        'manage.office.com',
      ],
      sourceZones: ['Agent servers'],
      destinationZones: ['Internet'],
      protocol: 'TCP',
      ports: '443',
      ruleIds: ['R07'],
    });
    // The core firewall: every crossing flow, none inside a zone (R06: CEE to agent, both in
    // "Agent servers"), none with an address in no zone.
    const coreIds = new Set(core?.rules.flatMap((r) => r.ruleIds));
    expect([...coreIds].sort()).toEqual(['R01', 'R02', 'R03', 'R04', 'R05', 'R08']);
    const everyAddress = core?.rules.flatMap((r) => [
      ...r.sourceAddresses,
      ...r.destinationAddresses,
    ]);
    expect(everyAddress).not.toContain('svm-nyc.corp.example.com');
    // Every object a rule names is listed, with its zone.
    const names = new Set(core?.addressObjects.map((o) => o.name));
    for (const rule of core?.rules ?? []) {
      for (const name of [...rule.sources, ...rule.destinations])
        expect(names.has(name)).toBe(true);
    }
    expect(core?.serviceObjects.map((s) => `${s.name}: ${s.protocol} ${s.ports}`)).toContain(
      'AM-TCP-12228: TCP 12228',
    );
  });

  it('keeps every zone check as a message', () => {
    const messages = zoned.zones?.checks.map((c) => `${c.severity}: ${c.message}`) ?? [];
    expect(
      messages.some((m) => m.startsWith('error:') && m.includes('svm-nyc.corp.example.com')),
    ).toBe(true);
  });

  it('narrows the firewalls to the rules of one host in its per-host report', () => {
    const agent = fixtureResolution().rules[0]?.destination.hosts[0];
    const narrowed = reportForHost(zoned, hostIdentity(agent!));
    expect(narrowed?.zones?.firewalls.map((f) => f.name)).toEqual(['Core FW', 'Edge FW']);
    for (const firewall of narrowed?.zones?.firewalls ?? []) {
      for (const rule of firewall.rules) {
        expect([...rule.sourceAddresses, ...rule.destinationAddresses]).toContain(
          'agent-nyc.corp.example.com',
        );
      }
    }
    const siem = fixtureResolution().rules[7]?.destination.hosts[0];
    const siemReport = reportForHost(zoned, hostIdentity(siem!));
    expect(siemReport?.zones?.firewalls.map((f) => f.name)).toEqual(['Core FW']);
    // From two zones, through two interfaces: two rules of the firewall.
    expect(siemReport?.zones?.firewalls[0]?.rules.map((r) => [r.ruleIds, r.ingress.name])).toEqual([
      [['R08'], 'ethernet1/2'],
      [['R08'], 'ethernet1/4'],
    ]);
  });
});

describe('reportZoneView: the paths of a rule', () => {
  const view = reportZoneView(fixtureZoneModel(), fixtureResolution().rules);

  it('names the firewalls and interfaces each flow crosses, grouped by path', () => {
    expect(view.rulePaths('R01')).toEqual([
      {
        kind: 'path',
        text: 'Core FW: ethernet1/1 (Management) → ethernet1/2 (Agent servers)',
        hops: [
          {
            firewall: 'Core FW',
            ingress: { name: 'ethernet1/1', zones: ['Management'] },
            egress: { name: 'ethernet1/2', zones: ['Agent servers'] },
          },
        ],
        flows: ['AM Console (10.0.0.10) → Agent NYC (agent-nyc.corp.example.com)'],
      },
      {
        kind: 'path',
        text: 'Core FW: ethernet1/1 (Management) → ethernet1/4 (File servers)',
        hops: [
          {
            firewall: 'Core FW',
            ingress: { name: 'ethernet1/1', zones: ['Management'] },
            egress: { name: 'ethernet1/4', zones: ['File servers'] },
          },
        ],
        flows: ['AM Console (10.0.0.10) → FS01 (10.0.3.5)'],
      },
    ]);
  });

  it('says when flows stay inside one zone or are on no firewall', () => {
    expect(view.rulePaths('R06').map((p) => [p.kind, p.text])).toEqual([
      ['same-zone', 'inside zone “Agent servers”: no network firewall'],
    ]);
    expect(view.rulePaths('R03').map((p) => [p.kind, p.text, p.flows.length])).toEqual([
      ['path', 'Core FW: ethernet1/2 (Agent servers) → ethernet1/3 (NAS)', 1],
      ['unrouted', 'on no firewall: the destination is in no zone', 1],
    ]);
    expect(view.rulePaths('R99')).toEqual([]);
  });
});
