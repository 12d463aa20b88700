/**
 * Per-version links through the resolver and the report (docs/catalog.md, "Per-version links"):
 * a plan's reasons link the pages of its Activity Monitor version; where that version has no
 * such page, the 10.0 page, labelled as such, and the sheets print the label.
 */
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { AmVersion, Catalog } from '@/core/catalog/model';
import { buildReport } from '@/core/report/build-report';
import type { RuleReason } from '@/core/resolve/model';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { makePlan } from '../../../support/plan-builders';

const catalog = getCatalog();

/** Every device environment of the version, every integration and every deployment feature. */
function fullPlan(amVersion: AmVersion, cat: Catalog = catalog) {
  const plan = makePlan({ agents: 2, devices: 40, catalog: cat, amVersion, integrations: true });
  return {
    ...plan,
    deployment: {
      ...plan.deployment,
      pushInstall: true,
      proxy: { ...plan.deployment.proxy, enabled: true, address: '10.9.0.4' },
      archive: { ...plan.deployment.archive, enabled: true, address: '10.9.0.5' },
    },
  };
}

function reasonsOf(amVersion: AmVersion, cat: Catalog = catalog): RuleReason[] {
  return resolvePlan(fullPlan(amVersion, cat), cat).rules.flatMap((r) => r.reasons);
}

const AM_URL = 'https://docs.netwrix.com/docs/activitymonitor/';

describe('a plan links the pages of its Activity Monitor version', () => {
  it.each(['7.1', '8.0', '9.0'] as const)(
    'a %s plan: every Activity Monitor link is a page of that version, labelled so',
    (version) => {
      const reasons = reasonsOf(version);
      const am = reasons.filter((r) => r.reference.startsWith(AM_URL));
      expect(am.length).toBeGreaterThan(40);
      for (const reason of am) {
        expect(reason.reference, reason.ruleId).toContain(
          `/activitymonitor/${version.replace('.', '_')}/`,
        );
        expect(reason.referenceLabel, reason.ruleId).toBe(`Activity Monitor ${version}`);
        expect(reason.referenceFallback, reason.ruleId).toBeUndefined();
      }
      // Other products' pages stay as they are (Threat Manager 3.1).
      const others = reasons.filter((r) => !r.reference.startsWith(AM_URL));
      expect(others.map((r) => r.referenceLabel)).toContain('Threat Manager 3.1');
    },
  );

  it('a 7.1 plan: the 7.1 folders and headings (NAS layout, Enterprise Auditor section)', () => {
    const byRule = new Map(reasonsOf('7.1').map((r) => [r.ruleId, r.reference]));
    expect(byRule.get('aa-agent-smb')).toBe(
      `${AM_URL}7_1/requirements/activityagent/activityagentports#integration-with-netwrix-enterprise-auditor-additional-firewall-rules`,
    );
    expect(byRule.get('dell-celerra-vnx-device-cee-epm')).toBe(
      `${AM_URL}7_1/requirements/activityagent/nasdeviceconfiguration/celerra-vnx-aac/activity`,
    );
    expect(byRule.get('dell-isilon-agent-onefs-api')).toBe(
      `${AM_URL}7_1/admin/monitoredhosts/add/dellpowerscale`,
    );
    expect(byRule.get('nasuni-agent-api')).toBe(
      `${AM_URL}7_1/requirements/activityagent/activityagentports#nasuni-edge-appliance-additional-firewall-rules`,
    );
  });

  it('a 10.0 plan links exactly the pages the catalog cites', () => {
    const plan = fullPlan('10.0');
    for (const rule of resolvePlan(plan, catalog).rules) {
      for (const reason of rule.reasons) {
        const cited = catalog.rules.find((r) => r.id === reason.ruleId)?.citation;
        expect(reason.reference, reason.ruleId).toBe(cited?.url);
        expect(reason.referenceFallback).toBeUndefined();
      }
    }
  });
});

describe('a page the plan version lacks: the 10.0 page, labelled', () => {
  // As if the 7.1 docs had no Syslog Tab page (they do: this copy of the catalog says otherwise).
  const withoutSyslog71: Catalog = {
    ...catalog,
    versionPages: catalog.versionPages?.map((row) =>
      row.page.endsWith('/admin/outputs/syslog/syslog.md')
        ? { ...row, '7.1': { absent: 'Assumed for this test.' } }
        : row,
    ),
  };

  it('gives the reason the 10.0 link, its label and the fallback mark', () => {
    const siem = reasonsOf('7.1', withoutSyslog71).filter((r) => r.ruleId.startsWith('siem-'));
    expect(siem.length).toBeGreaterThan(0);
    for (const reason of siem) {
      expect(reason.reference).toBe(`${AM_URL}10_0/admin/outputs/syslog/syslog`);
      expect(reason.referenceLabel).toBe('Activity Monitor 10.0 page; no 7.1 page');
      expect(reason.referenceFallback).toBe(true);
    }
  });

  it('prints the label beside the link in the rule sheet', () => {
    const plan = fullPlan('7.1', withoutSyslog71);
    const report = buildReport({
      plan,
      resolution: resolvePlan(plan, withoutSyslog71),
      catalog: withoutSyslog71,
      permalink: 'https://planner.example/#/open/x',
    });
    const siemRow = report.rows.find(
      (r) => r.Environment.includes('SIEM') || r.Service === 'Syslog',
    );
    expect(siemRow?.Reference).toBe(
      `${AM_URL}10_0/admin/outputs/syslog/syslog (Activity Monitor 10.0 page; no 7.1 page)`,
    );
  });
});
