import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { linuxRulesets } from '@/core/exporters/linux-ruleset';
import { nftablesExporter, nftString, renderNftables } from '@/core/exporters/nftables-exporter';
import { EXPORTERS } from '@/core/exporters/registry';
import { buildReport } from '@/core/report/build-report';

import { firewalldCatalog } from '../../../fixtures/catalogs';
import type { FirewalldFixtureNames } from '../../../fixtures/firewalld-fixture';
import {
  FIREWALLD_ADDRESSES,
  FIREWALLD_NAMES,
  firewalldPlan,
  firewalldResolution,
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
} from '../../../fixtures/firewalld-fixture';
import { LINUX_PLANS, smallLinuxReport } from '../../../fixtures/linux-plans';

function reportWith(names: FirewalldFixtureNames) {
  return buildReport({
    plan: firewalldPlan(names, FIREWALLD_ADDRESSES),
    resolution: firewalldResolution(names, FIREWALLD_ADDRESSES),
    catalog: firewalldCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
  });
}

/** The lines nft reads: everything but `#` comment lines and blank lines. */
function statements(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
}

describe('nftables ruleset', () => {
  it.each(LINUX_PLANS)('the %s plan matches its golden file', async (_name, report, prefix) => {
    await expect(renderNftables(report())).toMatchFileSnapshot(
      `../../../golden/${prefix}nftables.nft`,
    );
  });

  it('is in the registry after the firewalld script, for plans with a Linux host', () => {
    const ids = EXPORTERS.map((e) => e.id);
    expect(ids).toContain('nftables');
    expect(nftablesExporter.fileName(smallLinuxReport())).toBe('contoso-hq-nftables.nft');
    expect(nftablesExporter.unavailable?.([])).toMatch(/no host for an nftables ruleset/);
  });

  it('carries the plan name, catalog version, docs revision, permalink and rule IDs', () => {
    const report = smallLinuxReport();
    const text = renderNftables(report);
    expect(text).toContain(report.meta.planName);
    expect(text).toContain(report.meta.catalogVersion);
    expect(text).toContain(report.meta.docsRevision);
    expect(text).toContain(FIXTURE_PERMALINK);
    for (const r of linuxRulesets(report, 'nftables')) {
      for (const rule of r.host.inbound) expect(text).toContain(`# Rule ${rule.ruleId}:`);
    }
    expect(text).toMatch(/accept comment "R01 /);
  });

  it('never writes a rule for a host name, and lists the source it left out', () => {
    const text = renderNftables(smallLinuxReport());
    expect(text).not.toContain('agent-nyc.corp.example.com }');
    expect(statements(text).join('\n')).not.toMatch(/[a-z]\.example\.com/);
    expect(text).toMatch(/LEFT OUT: “Agent NYC” \(“agent-nyc\.corp\.example\.com”\): a host name/);
    // Rule R03 has no usable source left: no accept rule for UDP 514 at all.
    expect(text).not.toMatch(/udp dport/);
  });

  it('writes no address-less accept: every port rule matches a set of addresses', () => {
    for (const [, report] of LINUX_PLANS) {
      for (const line of statements(renderNftables(report()))) {
        if (/dport/.test(line))
          expect(line).toMatch(/^\s+ip6? [sd]addr @[a-z0-9_]+ (tcp|udp) dport /);
      }
    }
  });

  it('a file of several hosts starts with a guard; one host loads as it is', () => {
    const small = renderNftables(smallLinuxReport());
    expect(statements(small)[0]).toMatch(/^include "\/ERROR: this file holds 4 host rulesets/);
    const one = reportWith(FIREWALLD_NAMES);
    const lon = one.hosts.find((h) => h.label === 'RHEL LON');
    const single = renderNftables({ ...one, hosts: lon ? [lon] : [] });
    expect(statements(single)[0]).toBe('table inet activity_monitor');
    expect(single).not.toContain('include');
  });

  it('hostile names never leave their comment line (property)', () => {
    // Sorted: the hosts' sections follow the order of their names.
    const benign = statements(renderNftables(reportWith(FIREWALLD_NAMES))).sort();
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(text, text, text, text, (planName, nyc, lon, console) => {
        const names = { ...FIREWALLD_NAMES, planName, linuxNyc: nyc, linuxLon: lon, console };
        const output = renderNftables(reportWith(names));
        // The same statements whatever the names.
        expect(statements(output).sort()).toEqual(benign);
        for (const line of output.split('\n')) {
          // eslint-disable-next-line no-control-regex -- the controls are what must not appear
          expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('quoted strings hold no quote and fit nft 128 bytes (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const quoted = nftString(s);
        expect(quoted).toMatch(/^"[^"\n\r]*"$/);
        expect(new TextEncoder().encode(quoted.slice(1, -1)).length).toBeLessThanOrEqual(128);
        expect(quoted).not.toContain('\uFFFD');
      }),
    );
  });
});
