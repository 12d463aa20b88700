/**
 * The iptables-restore export: golden files, safety of user text, and the real tools in an
 * unprivileged network namespace: `iptables-restore --test` (and ip6tables-restore) accept each
 * section, a real load (twice) reads back with iptables-save exactly the plan's pairs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import {
  iptablesComment,
  iptablesExporter,
  renderIptables,
} from '@/core/exporters/iptables-exporter';
import { extractSection, linuxRulesets } from '@/core/exporters/linux-ruleset';
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
import { realTool } from '../../../support/real-tool';

import { canonical, expectedPairs } from './linux-expected';

function reportWith(names: FirewalldFixtureNames) {
  return buildReport({
    plan: firewalldPlan(names, FIREWALLD_ADDRESSES),
    resolution: firewalldResolution(names, FIREWALLD_ADDRESSES),
    catalog: firewalldCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
  });
}

function statements(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

describe('iptables-restore rules', () => {
  it.each(LINUX_PLANS)('the %s plan matches its golden file', async (_name, report, prefix) => {
    await expect(renderIptables(report())).toMatchFileSnapshot(
      `../../../golden/${prefix}iptables.rules`,
    );
  });

  it('is in the registry, for plans with a Linux host', () => {
    expect(EXPORTERS.map((e) => e.id)).toContain('iptables');
    expect(iptablesExporter.fileName(smallLinuxReport())).toBe('contoso-hq-iptables.rules');
    expect(iptablesExporter.unavailable?.([])).toMatch(/no host for iptables rules/);
  });

  it('carries the plan name, versions, permalink and rule IDs; no rule for a host name', () => {
    const report = smallLinuxReport();
    const text = renderIptables(report);
    for (const part of [
      report.meta.planName,
      report.meta.catalogVersion,
      report.meta.docsRevision,
      FIXTURE_PERMALINK,
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/--comment "R01 from Activity Monitor Console: Agent protocol" -j ACCEPT/);
    expect(statements(text).join('\n')).not.toMatch(/example\.com/);
    expect(text).toMatch(/LEFT OUT: “Agent NYC” \(“agent-nyc\.corp\.example\.com”\): a host name/);
    expect(statements(text)[0]).toBe('*load-one-section-see-header');
  });

  it('hostile names never leave their comment line (property)', () => {
    const benign = statements(renderIptables(reportWith(FIREWALLD_NAMES))).sort();
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(text, text, text, (planName, nyc, lon) => {
        const names = { ...FIREWALLD_NAMES, planName, linuxNyc: nyc, linuxLon: lon };
        expect(statements(renderIptables(reportWith(names))).sort()).toEqual(benign);
      }),
      { numRuns: 40 },
    );
  });

  it('comment matches hold no quote, backslash or control (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(iptablesComment(s)).toMatch(/^"[A-Za-z0-9 ._:,()/+-]{0,200}"$/);
      }),
    );
  });
});

const READY = realTool([
  'iptables-restore',
  'ip6tables-restore',
  'iptables-save',
  'ip6tables-save',
]);
const dir = mkdtempSync(join(tmpdir(), 'amfp-iptables-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function inNamespace(script: string) {
  return spawnSync('unshare', ['-rn', 'sh', '-c', script], { encoding: 'utf8' });
}

/** The accepted pairs of an iptables-save listing, and the accepts that match no address. */
function savedPairs(listing: string) {
  const pairs: string[] = [];
  const unrestricted: string[] = [];
  for (const line of listing.split('\n')) {
    if (!line.startsWith('-A ') || !line.endsWith('-j ACCEPT')) continue;
    const address = /-[sd] (\S+)/.exec(line)?.[1];
    if (address === undefined) {
      unrestricted.push(line);
      continue;
    }
    const direction = line.startsWith('-A INPUT') ? 'in' : 'out';
    const proto = /-p (\S+)/.exec(line)?.[1] ?? '?';
    const ports = (/--dports? (\S+)/.exec(line)?.[1] ?? '').split(',');
    for (const p of ports) {
      const [from, to = from] = p.split(':');
      pairs.push(`${direction} ${canonical(address)} ${proto} ${from}-${to}`);
    }
  }
  return { pairs, unrestricted };
}

function withOutbound() {
  const r = smallLinuxReport();
  return {
    ...r,
    hosts: r.hosts.map((h) => (h.os === 'linux' ? { ...h, outbound: h.inbound } : h)),
  };
}

const CASES = [
  ...LINUX_PLANS.map(([n, r]) => [n, r] as const),
  ['small+outbound', withOutbound] as const,
].flatMap(([plan, report]) => {
  const r = report();
  const text = renderIptables(r);
  return linuxRulesets(r, 'iptables').map((ruleset) => ({
    name: `${plan} plan, host ${ruleset.key}`,
    v4: extractSection(text, ruleset.key, 'ipv4') ?? '',
    v6: extractSection(text, ruleset.key, 'ipv6') ?? '',
    host: ruleset.host,
  }));
});

describe.skipIf(!READY)('iptables-restore rules in iptables (unshare -rn)', () => {
  it.each(CASES)(
    '$name: --test accepts both sections; loaded twice, they hold the plan pairs',
    ({ name, v4, v6, host }) => {
      expect(v4).toContain('*filter');
      expect(v6).toContain('*filter');
      const base = join(dir, name.replace(/\W+/g, '-'));
      writeFileSync(`${base}.v4`, v4);
      writeFileSync(`${base}.v6`, v6);
      const test = inNamespace(
        `iptables-restore --test '${base}.v4' && ip6tables-restore --test '${base}.v6'`,
      );
      expect(test.stderr).toBe('');
      expect(test.status).toBe(0);
      const run = inNamespace(
        `for i in 1 2; do iptables-restore '${base}.v4' && ip6tables-restore '${base}.v6' || exit 1; done; iptables-save; ip6tables-save`,
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const saved = savedPairs(run.stdout);
      // Loaded twice: each pair once (the table is replaced, not appended to).
      expect(saved.pairs.slice().sort()).toEqual(expectedPairs(host));
      expect(saved.pairs).toHaveLength(new Set(saved.pairs).size);
      // Established, loopback (v4 and v6) and the three neighbour discovery types.
      expect(saved.unrestricted).toHaveLength(7);
      expect(saved.unrestricted.join('\n')).not.toMatch(/dport/);
      expect(run.stdout).toMatch(/:INPUT DROP/);
    },
  );

  it('the whole file is refused before anything loads', () => {
    const file = join(dir, 'whole.rules');
    writeFileSync(file, renderIptables(smallLinuxReport()));
    const run = inNamespace(`iptables-restore '${file}'; echo "rc=$?"; iptables-save`);
    expect(run.stdout).toMatch(/rc=[1-9]/);
    expect(run.stderr).toContain('load-one-section-see-header');
    expect(run.stdout).not.toContain('-A INPUT');
  });

  it('a section with an unknown target fails the load (the check can fail)', () => {
    const broken = (CASES[0]?.v4 ?? '').replace('-j ACCEPT', '-j ACCEPTT');
    const file = join(dir, 'broken.v4');
    writeFileSync(file, broken);
    expect(inNamespace(`iptables-restore '${file}'`).status).not.toBe(0);
  });
});
