import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { renderConnectivityCheck } from '@/core/exporters/connectivity-check-exporter';
import { renderMarkdown } from '@/core/exporters/markdown-exporter';
import { renderPowerShell } from '@/core/exporters/powershell-exporter';
import { EXPORTERS } from '@/core/exporters/registry';
import { scriptKeyFor } from '@/core/exporters/script-host-keys';
import { buildReport } from '@/core/report/build-report';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { everythingPlan } from '../../../fixtures/real-catalog-plans';

import { lexPowerShell } from './ps-tokenizer';

describe.each([
  ['with addresses', true],
  ['without addresses', false],
])('every exporter on the bundled catalog and resolver (%s)', (_name, withAddresses) => {
  const plan = everythingPlan(withAddresses);
  const catalog = getCatalog();
  const report = buildReport({
    plan,
    resolution: resolvePlan(plan, catalog),
    catalog,
    permalink: 'https://planner.example/#/open/x',
    generatedAt: new Date('2026-11-25T00:00:00Z'),
  });

  it.each(EXPORTERS.map((e) => [e.label, e] as const))('%s renders', async (_label, exporter) => {
    const output = await exporter.render(report);
    expect(output.length).toBeGreaterThan(100);
    if (typeof output === 'string' && exporter.fileName(report).endsWith('.ps1')) {
      expect(lexPowerShell(output).errors).toEqual([]);
    }
  });

  it('gives the network proxy and the archive server host sections, never Windows scripts', () => {
    for (const key of ['proxy', 'archive']) {
      const host = report.hosts.find((h) => h.key === key);
      expect(host?.windows).toBe(false);
      expect(host && host.inbound.length > 0).toBe(true);
    }
    expect(report.hosts.find((h) => h.key === 'proxy')?.outbound.map((r) => r.portsText)).toEqual([
      '443',
    ]);
    expect(report.summary.topology.map((i) => i.label)).toEqual(
      expect.arrayContaining(['Agent deployment', 'Network proxy', 'Log archive share']),
    );
  });

  it('opens the WMI flows with the Windows rule group the notes name (found from catalog data)', () => {
    // The catalog rules whose ports are a named set with a Windows predefined rule group.
    const grouped = catalog.rules.filter((r) =>
      r.ports.some((p) => p.kind === 'named' && p.windowsRuleGroup),
    );
    expect(grouped.length).toBeGreaterThanOrEqual(2);
    const groupRules = report.hosts.flatMap((h) =>
      h.windows ? h.inbound.filter((r) => r.windowsRuleGroup) : [],
    );
    expect(groupRules.length).toBeGreaterThan(0);
    const script = renderPowerShell(report);
    const markdown = renderMarkdown(report);
    for (const rule of groupRules) {
      const group = rule.windowsRuleGroup;
      if (!group) continue;
      expect(script).toContain(`GroupId       = '${group.group}'`);
      // The sheets print the rule's notes: they name the same group the script enables.
      const sheetRule = report.rules.find((r) => r.id === rule.ruleId);
      expect(sheetRule?.notes.some((n) => n.includes(`"${group.displayGroup}"`))).toBe(true);
      expect(markdown).toContain(group.displayGroup);
    }
    expect(script).toContain('[switch] $NoPredefinedGroups');
    expect(script).toMatch(/\r\nComplete-AmfpRuleGroup\r\n$/);
  });

  it('the connectivity check tests every Windows source, the Access Analyzer console too, and says why not the others', () => {
    const check = renderConnectivityCheck(report);
    const aa = report.hosts.find((h) => h.key === 'access-analyzer');
    expect(aa?.os).toBe('windows');
    expect(aa && aa.outbound.length > 0).toBe(true);
    const sources = report.hosts.filter((h) => h.windows && h.kind === 'host' && h.outbound.length);
    const keyOf = scriptKeyFor(report);
    for (const host of sources) expect(check).toContain(`        '${keyOf(host)}' {`);
    expect(sources).toContain(aa);
    // The proxy starts connections; the plan does not know its OS.
    expect(check).toMatch(
      /Host = 'Proxy \([^']*\)'; Flows = 1; Reason = 'the plan does not know its operating system; test from the host'/,
    );
    expect(check).toMatch(/Reason = 'a NAS appliance or one of its interfaces/);
  });

  it('has one row per rule and a section per host', () => {
    expect(report.rows.length).toBe(resolvePlan(plan, catalog).rules.length);
    for (const host of report.hosts) {
      expect(host.inbound.length + host.outbound.length).toBeGreaterThan(0);
    }
  });
});
