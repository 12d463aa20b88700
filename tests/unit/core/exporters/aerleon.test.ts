/**
 * The Aerleon export: a zip of a policy and its network and service definitions, validated
 * against Aerleon's documented YAML format (aerleon/aerleon: def/naming.yaml for definitions,
 * policies/pol/sample_paloalto_yaml.pol.yaml for filters, headers and terms): the keys, the
 * values each key takes (an action Aerleon knows: Aerleon's JSON Schemas accept `action: acept`,
 * this check does not), every token defined. The YAML is read by a small parser of the block
 * subset the exporter writes (maps, lists, JSON-quoted strings), which refuses anything else.
 */
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { aerleonFiles, renderAerleon } from '@/core/exporters/aerleon-exporter';
import { buildReport } from '@/core/report/build-report';
import type { Report } from '@/core/report/model';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import { validateAddress } from '@/core/validate/validate-address';

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

type Yaml = string | number | Yaml[] | { [key: string]: Yaml };

/** Parses the block YAML subset: `key: value`, `key:` + block, `- ` list items; # comments. */
export function parseYaml(text: string): Yaml {
  const lines = text
    .split('\n')
    .map((raw, i) => ({ raw, n: i + 1 }))
    .filter(({ raw }) => raw.trim() !== '' && !/^\s*#/.test(raw));
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`line ${lines[at]?.n ?? 'end'}: ${why}: ${lines[at]?.raw ?? ''}`);
  };
  const indentOf = (s: string) => s.length - s.trimStart().length;
  const scalar = (s: string): Yaml => {
    if (s.startsWith('"')) {
      try {
        return JSON.parse(s) as string;
      } catch {
        return fail('bad string');
      }
    }
    if (/^\d+$/.test(s)) return Number(s);
    if (/^[A-Za-z0-9_./:*-]+(?: [A-Za-z0-9_./:*-]+)*$/.test(s)) return s;
    return fail('bad scalar');
  };
  const block = (indent: number): Yaml => {
    const first = lines[at];
    if (!first) return fail('missing block');
    if (indentOf(first.raw) !== indent) return fail('bad indent');
    if (first.raw.trimStart().startsWith('- ')) {
      const list: Yaml[] = [];
      while (lines[at] && indentOf(lines[at]?.raw ?? '') === indent) {
        const line = lines[at]?.raw ?? '';
        if (!line.trimStart().startsWith('- ')) fail('expected a list item');
        // "- key: value" starts a map at indent + 2.
        lines[at] = {
          raw: `${' '.repeat(indent + 2)}${line.trimStart().slice(2)}`,
          n: lines[at]?.n ?? 0,
        };
        list.push(block(indent + 2));
      }
      return list;
    }
    const map: { [key: string]: Yaml } = {};
    while (lines[at] && indentOf(lines[at]?.raw ?? '') === indent) {
      const line = (lines[at]?.raw ?? '').trimStart();
      const m = /^([A-Za-z0-9_-]+):(?: (.*))?$/.exec(line);
      if (!m) return fail('expected key: value');
      const key = m[1] ?? '';
      if (key in map) fail('duplicate key');
      at += 1;
      if (m[2] !== undefined) map[key] = m[2] === '{}' ? {} : m[2] === '[]' ? [] : scalar(m[2]);
      else {
        const next = lines[at];
        if (!next || indentOf(next.raw) <= indent) return fail('empty block');
        map[key] = block(indentOf(next.raw));
      }
    }
    return map;
  };
  const doc = block(0);
  if (at !== lines.length) fail('trailing lines');
  return doc;
}

const isMap = (y: Yaml | undefined): y is { [key: string]: Yaml } =>
  typeof y === 'object' && y !== null && !Array.isArray(y);
const TOKEN = /^[A-Z0-9_]+$/;
const ACTIONS = ['accept', 'deny', 'reject', 'next', 'reject-with-tcp-rst'];

/** What is wrong with the three files, as Aerleon's format documents them ([] when nothing). */
export function aerleonProblems(files: {
  policy: string;
  networks: string;
  services: string;
}): string[] {
  const problems: string[] = [];
  const networks = parseYaml(files.networks);
  const services = parseYaml(files.services);
  const policy = parseYaml(files.policy);
  const nets = isMap(networks) ? networks.networks : undefined;
  const svcs = isMap(services) ? services.services : undefined;
  if (!isMap(networks) || Object.keys(networks).join() !== 'networks' || !isMap(nets)) {
    return ['networks file: one key, networks, a map'];
  }
  if (!isMap(services) || Object.keys(services).join() !== 'services' || !isMap(svcs)) {
    return ['services file: one key, services, a map'];
  }
  for (const [name, def] of Object.entries(nets)) {
    if (!TOKEN.test(name)) problems.push(`network name ${name}`);
    if (!isMap(def) || !Array.isArray(def.values) || def.values.length === 0) {
      problems.push(`network ${name}: values`);
      continue;
    }
    for (const v of def.values) {
      if (
        !isMap(v) ||
        typeof v.ip !== 'string' ||
        Object.keys(v).some((k) => k !== 'ip' && k !== 'comment')
      ) {
        problems.push(`network ${name}: value ${JSON.stringify(v)}`);
      } else if (validateAddress(v.ip, { allowCidr: true }) !== null) {
        problems.push(`network ${name}: ip ${v.ip}`);
      }
    }
  }
  for (const [name, def] of Object.entries(svcs)) {
    if (!TOKEN.test(name) || !Array.isArray(def) || def.length === 0) {
      problems.push(`service ${name}`);
      continue;
    }
    for (const s of def) {
      const port = isMap(s) ? s.port : undefined;
      const ok =
        isMap(s) &&
        (s.protocol === 'tcp' || s.protocol === 'udp') &&
        (typeof port === 'number' || (typeof port === 'string' && /^\d+-\d+$/.test(port))) &&
        Object.keys(s).every((k) => k === 'port' || k === 'protocol');
      if (!ok) problems.push(`service ${name}: ${JSON.stringify(s)}`);
    }
  }
  const filters = isMap(policy) ? policy.filters : undefined;
  if (!isMap(policy) || Object.keys(policy).join() !== 'filters' || !Array.isArray(filters)) {
    return [...problems, 'policy: one key, filters, a list'];
  }
  for (const f of filters) {
    const header = isMap(f) ? f.header : undefined;
    const targets = isMap(header) ? header.targets : undefined;
    if (!isMap(f) || !isMap(header) || !isMap(targets) || !Array.isArray(f.terms)) {
      problems.push('filter: header.targets and terms');
      continue;
    }
    for (const [target, options] of Object.entries(targets)) {
      if (target === 'paloalto' && !/^from-zone \S+ to-zone \S+$/.test(String(options))) {
        problems.push(`target ${target}: ${String(options)}`);
      }
    }
    for (const term of f.terms) {
      if (!isMap(term)) {
        problems.push('term: a map');
        continue;
      }
      const known = [
        'name',
        'comment',
        'source-address',
        'destination-address',
        'destination-port',
        'protocol',
        'action',
      ];
      for (const k of Object.keys(term)) if (!known.includes(k)) problems.push(`term key ${k}`);
      if (typeof term.name !== 'string' || !/^[a-z0-9-]+$/.test(term.name))
        problems.push(`term name ${String(term.name)}`);
      if (!ACTIONS.includes(String(term.action)))
        problems.push(`term action ${String(term.action)}`);
      if (term.protocol !== 'tcp' && term.protocol !== 'udp')
        problems.push(`term protocol ${String(term.protocol)}`);
      for (const k of ['source-address', 'destination-address'] as const) {
        if (!(String(term[k]) in nets))
          problems.push(`term ${String(term.name)}: ${k} ${String(term[k])} undefined`);
      }
      if (!(String(term['destination-port']) in svcs))
        problems.push(`term ${String(term.name)}: port undefined`);
    }
  }
  return problems;
}

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

const joined = (f: ReturnType<typeof aerleonFiles>) =>
  `### ${f.paths.policy}\n${f.policy}### ${f.paths.networks}\n${f.networks}### ${f.paths.services}\n${f.services}`;

describe('Aerleon policy', () => {
  it.each([
    ['small', () => small(), 'aerleon.yaml.txt'],
    ['hostile', () => small(HOSTILE_NAMES), 'hostile-aerleon.yaml.txt'],
    ['medium', () => medium(), 'medium-aerleon.yaml.txt'],
  ] as const)('the %s plan: valid structure, matches its golden file', async (_n, make, file) => {
    const files = aerleonFiles(make());
    expect(aerleonProblems(files)).toEqual([]);
    await expect(joined(files)).toMatchFileSnapshot(`../../../golden/${file}`);
  });

  it('the zip holds the three files, dated the report date, the same bytes each time', () => {
    const report = small();
    const zip = renderAerleon(report);
    const entries = unzipSync(zip);
    const files = aerleonFiles(report);
    expect(Object.keys(entries)).toEqual([
      files.paths.policy,
      files.paths.networks,
      files.paths.services,
    ]);
    expect(strFromU8(entries[files.paths.policy] ?? new Uint8Array())).toBe(files.policy);
    expect(Buffer.from(renderAerleon(small())).equals(Buffer.from(zip))).toBe(true);
  });

  it('the validator refuses what Aerleon would: a misspelt action, an undefined token', () => {
    const files = aerleonFiles(small());
    expect(
      aerleonProblems({
        ...files,
        policy: files.policy.replace('action: accept', 'action: acept'),
      }),
    ).toContain('term action acept');
    expect(aerleonProblems({ ...files, networks: 'networks: {}\n' }).join()).toContain('undefined');
  });

  it('host names and cloud FQDNs are left out with a TODO (Aerleon networks hold addresses)', () => {
    const files = aerleonFiles(medium());
    expect(files.networks).not.toMatch(/ip: [a-z]/);
    expect(files.policy).toContain('Aerleon networks hold addresses');
  });

  it('property: any names give a valid structure', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 60 });
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
          expect(aerleonProblems(aerleonFiles(small(names)))).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
