/**
 * The network firewall configs (PAN-OS set commands, FortiOS CLI, Cisco ASA): golden files for a
 * small, a medium (the bundled catalog, every environment) and a hostile plan; a line grammar or
 * block parser of each vendor's syntax that accepts every generated line (names within the
 * vendor's limits, every name defined before use); property tests with hostile names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { renderAsa } from '@/core/exporters/asa-exporter';
import { renderFortios } from '@/core/exporters/fortios-exporter';
import { renderPanos } from '@/core/exporters/panos-exporter';
import { EXPORTERS } from '@/core/exporters/registry';
import { buildReport } from '@/core/report/build-report';
import { reportForHost } from '@/core/report/host-report';
import type { Report } from '@/core/report/model';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { exportCatalog } from '../../../fixtures/catalogs';
import { everythingPlan } from '../../../fixtures/real-catalog-plans';
import type { FixtureNames } from '../../../fixtures/resolution-fixture';
import {
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
  HOSTILE_NAMES,
} from '../../../fixtures/resolution-fixture';

function small(names?: FixtureNames): Report {
  return buildReport({
    plan: fixturePlan(names),
    resolution: fixtureResolution(names),
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
  });
}

function medium(): Report {
  const plan = everythingPlan(true);
  const catalog = getCatalog();
  return buildReport({
    plan,
    resolution: resolvePlan(plan, catalog),
    catalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
  });
}

// ---------------------------------------------------------------------------------------------
// The grammars. Each returns the problems of a config ([] when every line is accepted).

const NAME = (max: number) => `[A-Za-z0-9][A-Za-z0-9._-]{0,${max - 1}}`;
const IPV4 = String.raw`(?:\d{1,3}\.){3}\d{1,3}`;
const FQDN = String.raw`(?:\*\.)?[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?`;

function nameOk(name: string, max: number): boolean {
  return new RegExp(`^${NAME(max)}$`).test(name);
}

/** PAN-OS configuration-mode set commands (the subset the exporter writes), names <= 63. */
export function panosProblems(text: string): string[] {
  const n = NAME(63);
  const q = '"[^"\\\\\\n]{0,1023}"';
  const list = `\\[(?: ${n})+ \\]`;
  const grammar = new RegExp(
    [
      `^set address (${n}) (?:ip-netmask [0-9A-Fa-f.:]+/\\d{1,3}|fqdn ${FQDN}|description ${q})$`,
      `^set address-group (${n}) static ${list}$`,
      `^set service (${n}) protocol (?:tcp|udp) port \\d{1,5}(?:-\\d{1,5})?$`,
      `^set rulebase security rules (${n}) (?:from (?:inside|outside)|to (?:inside|outside)|source ${n}|destination ${n}|application any|service ${list}|action allow|description ${q})$`,
    ].join('|'),
  );
  const defined = new Set<string>();
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line === '' || /^#( [^\n]*)?$/.test(line)) return;
    const m = grammar.exec(line);
    if (!m) {
      problems.push(`line ${i + 1}: ${line}`);
      return;
    }
    const name = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    if (line.startsWith('set address ') || line.startsWith('set address-group ')) {
      defined.add(name);
    }
    // Members, sources and destinations name objects defined above.
    const used = line.startsWith('set address-group ')
      ? (/\[ (.*) \]/.exec(line)?.[1] ?? '').split(' ')
      : (/ (?:source|destination) (\S+)$/.exec(line)?.slice(1) ?? []);
    for (const u of used) if (!defined.has(u)) problems.push(`line ${i + 1}: ${u} undefined`);
  });
  return problems;
}

/** FortiOS config/edit/set/next/end blocks (the subset the exporter writes), names <= 79. */
export function fortiosProblems(text: string): string[] {
  const problems: string[] = [];
  const SECTIONS: Record<string, RegExp> = {
    address:
      /^(?:subnet \d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+|type fqdn|fqdn "[^"\\]+"|comment "[^"\\]{0,255}")$/,
    addrgrp: /^(?:member(?: "[^"\\]{1,79}")+|comment "[^"\\]{0,255}")$/,
    'service custom': /^(?:tcp|udp)-portrange \d{1,5}(?:-\d{1,5})?$/,
    policy:
      /^(?:name "[^"\\]{1,35}"|(?:srcintf|dstintf) "(?:inside|outside)"|(?:srcaddr|dstaddr) "[^"\\]{1,79}"|action accept|schedule "always"|service(?: "(?:tcp|udp)-[0-9-]+")+|comments "[^"\\]{0,1023}")$/,
  };
  let section: string | null = null;
  let editing = false;
  const defined = new Set<string>();
  text.split('\n').forEach((line, i) => {
    const at = `line ${i + 1}: ${line}`;
    if (line === '' || /^#( [^\n]*)?$/.test(line)) return;
    let m: RegExpExecArray | null;
    if ((m = /^config firewall (address|addrgrp|service custom|policy)$/.exec(line))) {
      if (section !== null) problems.push(`${at} (config inside config)`);
      section = m[1] ?? '';
    } else if (line === 'end') {
      if (section === null || editing) problems.push(`${at} (end without config)`);
      section = null;
    } else if ((m = /^ {4}edit (?:"([^"\\]+)"|(0))$/.exec(line))) {
      if (section === null || editing) problems.push(`${at} (edit outside config)`);
      const name = m[1];
      if (name !== undefined) {
        if (!nameOk(name, 79)) problems.push(`${at} (name)`);
        defined.add(name);
      } else if (section !== 'policy') problems.push(`${at} (edit 0 outside policy)`);
      editing = true;
    } else if (line === '    next') {
      if (!editing) problems.push(`${at} (next without edit)`);
      editing = false;
    } else if ((m = /^ {8}set (.*)$/.exec(line))) {
      const rule = section === null ? undefined : SECTIONS[section];
      if (!editing || !rule?.test(m[1] ?? '')) problems.push(`${at} (set)`);
      for (const ref of (m[1] ?? '').matchAll(/^(?:member|srcaddr|dstaddr)((?: "[^"]+")+)$/g)) {
        for (const name of (ref[1] ?? '').match(/"[^"]+"/g) ?? []) {
          if (!defined.has(name.slice(1, -1))) problems.push(`${at} (${name} undefined)`);
        }
      }
    } else {
      problems.push(at);
    }
  });
  if (section !== null) problems.push('config not ended');
  return problems;
}

/** Cisco ASA objects, object-groups and extended access lists, names <= 64. */
export function asaProblems(text: string): string[] {
  const n = NAME(64);
  const problems: string[] = [];
  const defined = new Set<string>();
  let parent: 'object' | 'network-group' | 'service-group' | null = null;
  text.split('\n').forEach((line, i) => {
    const at = `line ${i + 1}: ${line}`;
    let m: RegExpExecArray | null;
    if (line === '' || /^!( [^\n]*)?$/.test(line)) return;
    if ((m = new RegExp(`^object network (${n})$`).exec(line))) {
      parent = 'object';
      defined.add(m[1] ?? '');
    } else if ((m = new RegExp(`^object-group network (${n})$`).exec(line))) {
      parent = 'network-group';
      defined.add(m[1] ?? '');
    } else if ((m = new RegExp(`^object-group service (${n}) (?:tcp|udp)$`).exec(line))) {
      parent = 'service-group';
      defined.add(m[1] ?? '');
    } else if (line.startsWith(' ')) {
      const body = line.slice(1);
      const ok =
        /^description [^\n]{1,200}$/.test(body) ||
        (parent === 'object' &&
          (new RegExp(`^host (?:${IPV4}|[0-9A-Fa-f:.]+)$`).test(body) ||
            new RegExp(`^subnet (?:${IPV4} ${IPV4}|[0-9A-Fa-f:.]+/\\d{1,3})$`).test(body) ||
            /^fqdn v4 [A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(body))) ||
        (parent === 'network-group' &&
          (m = new RegExp(`^network-object object (${n})$`).exec(body)) !== null &&
          defined.has(m[1] ?? '')) ||
        (parent === 'service-group' &&
          /^port-object (?:eq \d{1,5}|range \d{1,5} \d{1,5})$/.test(body));
      if (!ok) problems.push(at);
    } else if (new RegExp(`^access-list (${n}) remark [^\\n]{1,100}$`).test(line)) {
      parent = null;
    } else if (
      (m = new RegExp(
        `^access-list ${n} extended permit (?:tcp|udp) object-group (${n}) object-group (${n}) object-group (${n})$`,
      ).exec(line))
    ) {
      parent = null;
      for (const g of m.slice(1))
        if (!defined.has(g ?? '')) problems.push(`${at} (${g} undefined)`);
    } else {
      problems.push(at);
    }
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------

const VENDORS = [
  ['PAN-OS', 'panos', renderPanos, panosProblems, 'panos.txt'],
  ['FortiOS', 'fortios', renderFortios, fortiosProblems, 'fortios.conf'],
  ['Cisco ASA', 'asa', renderAsa, asaProblems, 'cisco-asa.txt'],
] as const;

describe.each(VENDORS)('%s config', (_name, id, render, problems, golden) => {
  it('is in the registry', () => {
    expect(EXPORTERS.map((e) => e.id)).toContain(id);
  });

  it.each([
    ['small', () => small(), golden],
    ['hostile', () => small(HOSTILE_NAMES), `hostile-${golden}`],
    ['medium', () => medium(), `medium-${golden}`],
  ] as const)(
    'the %s plan matches its golden file, every line well-formed',
    async (_p, make, file) => {
      const text = render(make());
      expect(problems(text)).toEqual([]);
      await expect(text).toMatchFileSnapshot(`../../../golden/${file}`);
    },
  );

  it('carries the rule IDs, plan name, catalog, docs revision and permalink', () => {
    const report = small();
    const text = render(report);
    for (const r of report.rules.filter((r) => r.problems.length === 0)) {
      expect(text).toContain(r.id);
    }
    expect(text).toContain(report.meta.planName);
    expect(text).toContain(report.meta.catalogVersion);
    expect(text).toContain(report.meta.docsRevision);
    expect(text).toContain(FIXTURE_PERMALINK);
    expect(render(small())).toBe(text);
  });

  it('per host: a host narrowed report is well-formed and names only that host', () => {
    const report = medium();
    for (const host of report.hosts.slice(0, 6)) {
      const mine = reportForHost(report, host.identity);
      if (!mine) continue;
      const text = render(mine);
      expect(problems(text)).toEqual([]);
      expect(text).toContain(`only ${host.label}`);
    }
  });

  it('property: any host names give well-formed lines and names within limits', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 90 });
    fc.assert(
      fc.property(
        fc.record({
          planName: text,
          console: text,
          agent1: text,
          agent2: text,
          filer: text,
          fileServer: text,
          isilon: text,
          tenant: text,
          siem: text,
        }),
        (names) => {
          expect(problems(render(small(names)))).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
