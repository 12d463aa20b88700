import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { connectivityCheckExporter } from '@/core/exporters/connectivity-check-exporter';
import { firewalldExporter, linuxHosts } from '@/core/exporters/firewalld-exporter';
import { powershellExporter, windowsHosts } from '@/core/exporters/powershell-exporter';
import type { Plan } from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';
import { planHostOs } from '@/core/plan/plan-hosts';
import { buildReport } from '@/core/report/build-report';
import { buildHostFacts, hostKinds } from '@/core/report/host-kind';
import { buildHostViews } from '@/core/resolve/host-views';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { exportCatalog } from '../../../fixtures/catalogs';
import { fixturePlan, fixtureResolution } from '../../../fixtures/resolution-fixture';
import { makeDevice, makePlan, planWith } from '../../../support/plan-builders';
import { typicalPlan } from '../permalink/sample-plans';

const catalog = getCatalog();

/** The typical plan with a Linux host, a Windows file server, SharePoint's SQL and integrations. */
function mixedPlan(): Plan {
  const plan = typicalPlan();
  plan.devices.push(
    makeDevice('linux', 7, { name: 'RHEL01', agentId: '' }),
    makeDevice('windows-file-server', 8, { name: 'FS01', agentId: '' }),
    makeDevice('sharepoint-onprem', 9, {
      name: 'SP01',
      agentId: '',
      options: { sharepointSqlAddress: 'sql-sp.corp.contoso.com' },
    }),
  );
  plan.integrations = {
    ...plan.integrations,
    accessAnalyzer: { ...plan.integrations.accessAnalyzer, enabled: true, address: '10.9.0.1' },
    siem: { ...plan.integrations.siem, enabled: true, address: '10.9.0.2' },
  };
  return plan;
}

function kindsByLabel(plan: Plan) {
  const kindOf = hostKinds(plan, catalog);
  const views = buildHostViews(resolvePlan(plan, catalog));
  return Object.fromEntries(views.map((v) => [v.host.label, kindOf(v.host)]));
}

describe('host kinds', () => {
  it('servers have a firewall of their own; NAS appliances, LIFs and cloud FQDNs do not', () => {
    const kinds = kindsByLabel(mixedPlan());
    const firewall = (label: string) => kinds[label]?.firewall;
    expect(kinds['Activity Monitor Console']).toEqual({
      os: 'windows',
      kind: 'host',
      firewall: 'own',
    });
    expect(kinds['Agent server 1']).toEqual({ os: 'windows', kind: 'host', firewall: 'own' });
    expect(kinds.RHEL01).toEqual({ os: 'linux', kind: 'host', firewall: 'own' });
    expect(kinds.FS01).toEqual({ os: 'windows', kind: 'host', firewall: 'own' });
    expect(firewall('Access Analyzer')).toBe('own');
    expect(firewall('SIEM')).toBe('own');
    // A database server is a server, whatever runs its agent.
    expect(firewall('SQL Server')).toBe('own');
    expect(firewall('CEE server 1')).toBe('own');
    expect(kinds['CEE server 1']?.os).toBe('windows');
    expect(firewall('SharePoint SQL Server for SP01')).toBe('own');
    expect(firewall('Qumulo cluster')).toBe('appliance');
    expect(firewall('NetApp SVM nyc-svm01')).toBe('appliance');
    expect(firewall('ONTAP management LIF for NetApp SVM nyc-svm01')).toBe('appliance');
    expect(firewall('PowerScale NYC')).toBe('appliance');
    // A cloud device is no host: its rules reach Microsoft's FQDNs, one host each.
    expect(kinds['Entra ID / Exchange Online']).toBeUndefined();
    expect(kinds['Microsoft Entra ID sign-in']).toEqual({
      os: 'other',
      kind: 'fqdn',
      firewall: 'cloud',
    });
  });

  it('the Access Analyzer (classic) console runs Windows; Access Analyzer 26 (a Linux VM) is not scripted', () => {
    const classic = mixedPlan();
    expect(classic.integrations.accessAnalyzer.edition).toBe('classic');
    expect(planHostOs('accessAnalyzer', classic)).toBe('windows');
    expect(kindsByLabel(classic)['Access Analyzer']).toEqual({
      os: 'windows',
      kind: 'host',
      firewall: 'own',
    });
    const aa26: Plan = {
      ...classic,
      integrations: {
        ...classic.integrations,
        accessAnalyzer: { ...classic.integrations.accessAnalyzer, edition: 'aa26' },
      },
    };
    expect(planHostOs('accessAnalyzer', aa26)).toBeUndefined();
    expect(kindsByLabel(aa26)['Access Analyzer']).toEqual({
      os: 'other',
      kind: 'host',
      firewall: 'own',
    });
    // The other integration servers stay unknown; the console is Windows whatever the plan.
    expect(planHostOs('siem', classic)).toBeUndefined();
    expect(planHostOs('console', aa26)).toBe('windows');
  });

  it('knows every host of every device environment of the catalog', () => {
    const plan = makePlan({ agents: 2, devices: 40, catalog, integrations: true });
    const kindOf = hostKinds(plan, catalog);
    for (const view of buildHostViews(resolvePlan(plan, catalog))) {
      expect(['own', 'appliance', 'cloud']).toContain(kindOf(view.host).firewall);
    }
  });
});

/** A list in a fixed order, to compare lists whose order does not matter. */
function sorted<T>(items: readonly T[]): string[] {
  return items.map((item) => JSON.stringify(item)).sort();
}

describe('host facts (what decides whether a script applies)', () => {
  const plans: [string, Plan][] = [
    ['the default plan', createDefaultPlan()],
    ['a plan without devices', planWith()],
    ['the typical plan', typicalPlan()],
    ['the mixed plan', mixedPlan()],
    ['a generated plan', makePlan({ agents: 3, devices: 30, catalog, integrations: true })],
  ];

  it.each(plans)('%s: the same hosts, OS and kinds as the report', (_name, plan) => {
    const resolution = resolvePlan(plan, catalog);
    const report = buildReport({ plan, resolution, catalog, permalink: 'x' });
    // Each host once (in no particular order).
    expect(sorted(buildHostFacts(resolution, plan, catalog))).toEqual(
      sorted(
        report.hosts.map((h) => ({
          os: h.os,
          kind: h.kind,
          windows: h.windows,
          outbound: h.outbound.length > 0,
        })),
      ),
    );
  });

  it('the same for the export fixture (another catalog)', () => {
    const plan = fixturePlan();
    const resolution = fixtureResolution();
    const report = buildReport({ plan, resolution, catalog: exportCatalog, permalink: 'x' });
    expect(sorted(buildHostFacts(resolution, plan, exportCatalog).map((h) => h.os))).toEqual(
      sorted(report.hosts.map((h) => h.os)),
    );
  });

  it.each(plans)('%s: a script is offered exactly when it has hosts to script', (_name, plan) => {
    const resolution = resolvePlan(plan, catalog);
    const report = buildReport({ plan, resolution, catalog, permalink: 'x' });
    const facts = buildHostFacts(resolution, plan, catalog);
    expect(firewalldExporter.unavailable?.(facts) === undefined).toBe(
      linuxHosts(report).length > 0,
    );
    expect(powershellExporter.unavailable?.(facts) === undefined).toBe(
      windowsHosts(report).length > 0,
    );
    expect(connectivityCheckExporter.unavailable?.(facts) === undefined).toBe(
      windowsHosts(report).some((h) => h.outbound.length > 0),
    );
  });

  it('no firewalld script for a plan without a Linux host, with the reason', () => {
    const plan = typicalPlan();
    const facts = buildHostFacts(resolvePlan(plan, catalog), plan, catalog);
    expect(firewalldExporter.unavailable?.(facts)).toMatch(/^This plan has no Linux host/);
    expect(powershellExporter.unavailable?.(facts)).toBeUndefined();
    const linux = mixedPlan();
    expect(
      firewalldExporter.unavailable?.(buildHostFacts(resolvePlan(linux, catalog), linux, catalog)),
    ).toBeUndefined();
  });

  it('no PowerShell script nor connectivity check without a Windows host', () => {
    const facts = [{ os: 'linux', kind: 'host', windows: false, outbound: true }] as const;
    expect(powershellExporter.unavailable?.(facts)).toMatch(/^This plan has no Windows host/);
    expect(connectivityCheckExporter.unavailable?.(facts)).toMatch(/^No Windows host/);
    expect(firewalldExporter.unavailable?.(facts)).toBeUndefined();
  });
});
