/**
 * Per-host downloads ("By host"): a host's script holds that host's rules only, and its sheet
 * the atomic flows that start or end at it; every flow of the plan is in the sheet of each of
 * its hosts. Checked on the export fixture and on generated real-catalog plans.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { hostFileName } from '@/core/exporters/file-name';
import { renderFirewalld } from '@/core/exporters/firewalld-exporter';
import { renderImportCsv } from '@/core/exporters/import-csv-exporter';
import { renderPowerShell } from '@/core/exporters/powershell-exporter';
import { buildReport } from '@/core/report/build-report';
import { reportForHost } from '@/core/report/host-report';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { exportCatalog } from '../../../fixtures/catalogs';
import {
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
} from '../../../fixtures/resolution-fixture';
import { makeDevice, makePlan } from '../../../support/plan-builders';

const sample = () =>
  buildReport({
    plan: fixturePlan(),
    resolution: fixtureResolution(),
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
  });

/** The rule IDs a script opens or comments ("# Rule R07:"). */
const scriptRuleIds = (script: string) => new Set(script.match(/Rule R\d+/g) ?? []);

describe('reportForHost', () => {
  it('keeps one host: its script has its rules only, its sheet its flows only', () => {
    const report = sample();
    const agent = report.hosts.find((h) => h.label === 'Agent NYC');
    if (!agent) throw new Error('fixture changed');
    const mine = reportForHost(report, agent.identity);
    expect(mine?.hosts).toEqual([agent]);
    const own = new Set([...agent.inbound, ...agent.outbound].map((r) => `Rule ${r.ruleId}`));
    const script = renderPowerShell(mine!);
    expect(scriptRuleIds(script).size).toBeGreaterThan(0);
    for (const id of scriptRuleIds(script)) expect(own).toContain(id);
    // The whole plan's script has rules of other hosts.
    expect([...scriptRuleIds(renderPowerShell(report))].some((id) => !own.has(id))).toBe(true);
    for (const flow of mine!.flows.flows) {
      expect([flow.sourceAddress, flow.destinationAddress]).toContain(agent.address);
    }
    expect(renderImportCsv(mine!)).toContain(report.meta.permalink);
  });

  it('knows no host that is not in the report', () => {
    expect(reportForHost(sample(), 'a:203.0.113.99')).toBeUndefined();
  });

  it('every flow of a plan is in the sheet of each of its hosts, and in no other', () => {
    const catalog = getCatalog();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), fc.boolean(), (devices, linux) => {
        const plan = makePlan({ agents: 2, devices, catalog, integrations: true });
        if (linux) plan.devices.push(makeDevice('linux', 99));
        const report = buildReport({
          plan,
          resolution: resolvePlan(plan, catalog),
          catalog,
          permalink: '',
        });
        for (const host of report.hosts) {
          const mine = reportForHost(report, host.identity);
          const expected = report.flows.flows.filter(
            (f) =>
              host.address !== '' &&
              [...host.inbound, ...host.outbound].some((r) => r.ruleId === f.ruleId) &&
              (f.sourceAddress === host.address || f.destinationAddress === host.address),
          );
          expect(mine?.flows.flows).toEqual(expected);
        }
        for (const flow of report.flows.flows) {
          const holders = report.hosts.filter((h) =>
            reportForHost(report, h.identity)?.flows.flows.includes(flow),
          );
          expect(holders.length).toBeGreaterThan(0);
        }
        // A Linux host's firewalld script names its own rules only.
        const rhel = report.hosts.find((h) => h.os === 'linux');
        if (rhel) {
          const own = new Set([...rhel.inbound, ...rhel.outbound].map((r) => `Rule ${r.ruleId}`));
          const script = renderFirewalld(reportForHost(report, rhel.identity)!);
          for (const id of scriptRuleIds(script)) expect(own).toContain(id);
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe('hostFileName', () => {
  it.each([
    ['contoso-hq-firewall-rules.ps1', 'Agent NYC', 'contoso-hq-firewall-rules-agent-nyc.ps1'],
    [
      'contoso-hq-firewall-import.csv',
      'FS01 (Zürich)',
      'contoso-hq-firewall-import-fs01-zurich.csv',
    ],
    ['plan-firewalld.sh', '../../etc/passwd', 'plan-firewalld-etc-passwd.sh'],
    ['plan-firewalld.sh', '日本', 'plan-firewalld-plan.sh'],
  ])('%s for %s: %s', (file, host, expected) => {
    expect(hostFileName(file, host)).toBe(expected);
  });
});
