/**
 * The command line, as a user runs it: the built bin (dist-cli, built here first with the same
 * command `npm ci` runs) as a child process, for each command and each error path; and its
 * exports byte for byte against what the browser's export button makes of the same plan and date.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXIT, PLAN_FILE_FORMAT_ID } from '@/cli/cli';
import { getCatalog } from '@/core/catalog/catalog';
import { catalogCsvFileName } from '@/core/catalog/catalog-rows';
import { renderCatalogCsv } from '@/core/exporters/catalog-csv';
import { permalinkAt, planPermalink } from '@/core/exporters/export-permalink';
import type { PdfFonts } from '@/core/exporters/exporter';
import { hostFileName } from '@/core/exporters/file-name';
import {
  parsePlanFile,
  planFileName,
  planFileStamp,
  serializePlanFile,
} from '@/core/exporters/plan-file';
import { EXPORTERS } from '@/core/exporters/registry';
import { runExport } from '@/core/exporters/run-export';
import type { Plan } from '@/core/plan/model';
import { PLAN_SCHEMA_VERSION } from '@/core/plan/model';
import { buildReport } from '@/core/report/build-report';
import { buildHostFacts } from '@/core/report/host-kind';
import { reportForHost } from '@/core/report/host-report';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { everythingPlan } from '../../fixtures/real-catalog-plans';

const ROOT = resolve(__dirname, '../../..');
const BIN = join(ROOT, 'dist-cli/am-firewall-planner.mjs');
const APP_URL = 'https://planner.example/am/';
const DATE = '2026-11-25';

let dir = '';

beforeAll(() => {
  const build = spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  dir = mkdtempSync(join(tmpdir(), 'amfp-cli-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: Buffer;
  out: string;
  err: string;
}

function cli(args: readonly string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return {
    status: result.status,
    stdout: result.stdout,
    out: result.stdout.toString('utf8'),
    err: result.stderr.toString('utf8'),
  };
}

function planFile(name: string, plan: Plan): string {
  const path = join(dir, name);
  writeFileSync(path, serializePlanFile(plan, planFileStamp(getCatalog())));
  return path;
}

function noStackTrace(run: Run): void {
  expect(run.err).not.toMatch(/\n\s+at /);
  expect(run.err).not.toContain('internal error');
}

const require = createRequire(import.meta.url);
const fonts = (): Promise<PdfFonts> =>
  Promise.resolve({
    regular: new Uint8Array(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))),
    bold: new Uint8Array(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'))),
  });

/**
 * What the browser's export button makes (export-buttons.tsx): the report with the page's
 * permalink (core/exporters/run-export.ts, on a page served at APP_URL) and the date, the
 * exporter's bytes.
 */
async function browserDownload(plan: Plan, id: string, host?: string) {
  const catalog = getCatalog();
  const exporter = EXPORTERS.find((e) => e.id === id);
  if (!exporter) throw new Error(id);
  const report = buildReport({
    plan,
    resolution: resolvePlan(plan, catalog),
    catalog,
    permalink: browserPermalink(plan),
    generatedAt: new Date(`${DATE}T15:30:00Z`),
  });
  const target = host ? reportForHost(report, host) : report;
  if (!target) throw new Error(host);
  const output = await exporter.render(target, { loadFonts: fonts });
  const name = exporter.fileName(target);
  return {
    bytes: Buffer.from(typeof output === 'string' ? new TextEncoder().encode(output) : output),
    fileName: host ? hostFileName(name, target.hosts[0]?.label ?? '') : name,
  };
}

/** The permalink the browser's export worker gives a page served at APP_URL (run-export.ts). */
function browserPermalink(plan: Plan): string {
  return planPermalink(plan, getCatalog(), (payload) => permalinkAt(APP_URL, payload));
}

/** The plan without the devices that plan checks reject (a plan whose checks hold no error). */
function withoutErrors(plan: Plan): Plan {
  const bad = new Set(
    resolvePlan(plan, getCatalog())
      .checks.filter((c) => c.severity === 'error')
      .map((c) => /^devices\.(\d+)/.exec(c.field)?.[1]),
  );
  return { ...plan, devices: plan.devices.filter((_d, i) => !bad.has(String(i))) };
}

describe('the command line: help and version', () => {
  it('prints the help with every format of the registry and the exit codes', () => {
    const run = cli(['--help']);
    expect(run.status).toBe(EXIT.ok);
    for (const e of EXPORTERS) expect(run.out).toContain(`${e.id} `);
    expect(run.out).toContain(PLAN_FILE_FORMAT_ID);
    expect(run.out).toContain('Exit codes');
  });

  it('prints the version with the catalog version', () => {
    const run = cli(['--version']);
    expect(run.status).toBe(EXIT.ok);
    expect(run.out).toContain(getCatalog().version);
  });

  it('without a command: the help, and exit code 2', () => {
    const run = cli([]);
    expect(run.status).toBe(EXIT.usage);
    expect(run.out).toContain('Usage:');
  });
});

describe('the command line: export equals the browser download', () => {
  const plan = everythingPlan(true);
  const catalog = getCatalog();
  const hosts = buildHostFacts(resolvePlan(plan, catalog), plan, catalog);
  const ids = EXPORTERS.filter((e) => e.unavailable?.(hosts) === undefined).map((e) => e.id);

  it.each(ids)('%s: the same bytes and file name', async (id) => {
    const path = planFile('everything.json', plan);
    const run = cli(['export', path, '--format', id, '--date', DATE, '--app-url', APP_URL]);
    expect(run.status, run.err).toBe(EXIT.ok);
    const expected = await browserDownload(plan, id);
    expect(run.err).toContain(`Wrote "${expected.fileName}"`);
    const written = readFileSync(join(dir, expected.fileName));
    expect(written.equals(expected.bytes)).toBe(true);
  });

  it('-o - writes to standard output; SOURCE_DATE_EPOCH sets the date', async () => {
    const path = planFile('everything.json', plan);
    const epoch = String(Date.parse(`${DATE}T08:00:00Z`) / 1000);
    const run = cli(['export', path, '--format', 'markdown', '-o', '-', '--app-url', APP_URL], {
      SOURCE_DATE_EPOCH: epoch,
    });
    expect(run.status, run.err).toBe(EXIT.ok);
    expect(run.stdout.equals((await browserDownload(plan, 'markdown')).bytes)).toBe(true);
  });

  it('--host: the browser per-host download of that host (by name, key or address)', async () => {
    const path = planFile('everything.json', plan);
    const report = buildReport({
      plan,
      resolution: resolvePlan(plan, catalog),
      catalog,
      permalink: '',
    });
    const host = report.hosts.find((h) => h.os === 'windows' && h.kind === 'host');
    if (!host) throw new Error('no Windows host');
    const expected = await browserDownload(plan, 'powershell', host.identity);
    for (const name of [host.label, host.label.toUpperCase(), host.address]) {
      const out = join(dir, 'host.ps1');
      const run = cli([
        'export',
        path,
        '-f',
        'powershell',
        '--host',
        name,
        '-o',
        out,
        '--date',
        DATE,
        '--app-url',
        APP_URL,
      ]);
      expect(run.status, run.err).toBe(EXIT.ok);
      expect(readFileSync(out).equals(expected.bytes)).toBe(true);
    }
    const byDefault = cli([
      'export',
      path,
      '-f',
      'powershell',
      '--host',
      host.label,
      '--date',
      DATE,
      '--app-url',
      APP_URL,
    ]);
    expect(byDefault.err).toContain(`Wrote "${expected.fileName}"`);
  });

  it('--firewall: the browser download of that firewall from "By firewall" (by name or id)', async () => {
    const zoned: Plan = {
      ...plan,
      network: {
        zones: [
          { id: 'low', name: 'Low', cidrs: ['0.0.0.0/1'] },
          { id: 'high', name: 'High', cidrs: ['128.0.0.0/1'] },
        ],
        firewalls: [
          {
            id: 'fw1',
            name: 'Core FW',
            kind: 'fortios',
            interfaces: [
              { id: 'a', name: 'port1', zones: ['low'] },
              { id: 'b', name: 'port2', zones: ['high', 'internet'] },
            ],
          },
        ],
        assignments: [],
        preferredPaths: [],
      },
    };
    const path = planFile('zoned.json', zoned);
    const expected = await runExport({
      exporterId: 'panos',
      plan: zoned,
      appUrl: APP_URL,
      generatedAt: `${DATE}T15:30:00Z`,
      firewall: { id: 'fw1', name: 'Core FW' },
    });
    expect(expected.fileName).toMatch(/-panos-set-commands-core-fw\.txt$/);
    for (const name of ['core fw', 'fw1']) {
      const out = join(dir, 'fw.txt');
      const run = cli([
        'export',
        path,
        '-f',
        'panos',
        '--firewall',
        name,
        '-o',
        out,
        '--date',
        DATE,
        '--app-url',
        APP_URL,
      ]);
      expect(run.status, run.err).toBe(EXIT.ok);
      expect(readFileSync(out, 'utf8')).toBe(expected.output);
    }
    const unknown = cli(['export', path, '-f', 'panos', '--firewall', 'Edge']);
    expect(unknown.status).toBe(EXIT.usage);
    expect(unknown.err).toContain('No firewall of the plan is named "Edge"');
    expect(unknown.err).toContain('fw1  Core FW (FortiOS)');
  });

  it('the plan file: as "Save plan" writes the opened plan', () => {
    const path = planFile('everything.json', plan);
    const run = cli(['export', path, '--format', PLAN_FILE_FORMAT_ID, '-o', '-']);
    expect(run.status).toBe(EXIT.ok);
    const opened = parsePlanFile(readFileSync(path, 'utf8'));
    if (!opened.ok) throw new Error(opened.errors.join());
    expect(run.out).toBe(serializePlanFile(opened.plan, planFileStamp(catalog)));
    const named = cli(['export', path, '--format', PLAN_FILE_FORMAT_ID]);
    expect(named.err).toContain(`Wrote "${planFileName(plan)}"`);
  });

  it('without --app-url the permalink is the fragment to append to the planner address', () => {
    const path = planFile('everything.json', plan);
    const run = cli(['export', path, '--format', 'markdown', '-o', '-', '--date', DATE]);
    expect(run.out).toMatch(/\(#\/open\/[A-Za-z0-9_-]+\)|#\/open\/[A-Za-z0-9_-]+/);
  });
});

describe('the command line: check and catalog', () => {
  it('check: a plan without errors exits 0 and lists its checks', () => {
    const plan = withoutErrors(everythingPlan(true));
    const run = cli(['check', planFile('ok.json', plan)]);
    const checks = resolvePlan(plan, getCatalog()).checks;
    expect(checks.filter((c) => c.severity === 'error')).toEqual([]);
    expect(run.status, run.out + run.err).toBe(EXIT.ok);
    expect(run.out).toContain('0 error(s)');
  });

  it('check: a plan with errors exits 1; --json gives every check', () => {
    const plan = everythingPlan(false);
    const path = planFile('bad.json', plan);
    const checks = resolvePlan(plan, getCatalog()).checks;
    const errors = checks.filter((c) => c.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const text = cli(['check', path]);
    expect(text.status).toBe(EXIT.planErrors);
    expect(text.out).toContain(`${errors.length} error(s)`);
    const json = cli(['check', path, '--json']);
    expect(json.status).toBe(EXIT.planErrors);
    const parsed = JSON.parse(json.out) as { errors: number; checks: { message: string }[] };
    expect(parsed.errors).toBe(errors.length);
    expect(parsed.checks.map((c) => c.message)).toEqual(checks.map((c) => c.message));
  });

  it('catalog --format csv: the Port reference download', () => {
    const run = cli(['catalog', '--format', 'csv', '-o', '-']);
    expect(run.status).toBe(EXIT.ok);
    expect(run.out).toBe(renderCatalogCsv(getCatalog()));
    const named = cli(['catalog', '--format', 'csv']);
    expect(named.err).toContain(`Wrote "${catalogCsvFileName(getCatalog())}"`);
  });

  it('catalog: another format is a usage error', () => {
    const run = cli(['catalog', '--format', 'xml']);
    expect(run.status).toBe(EXIT.usage);
    expect(run.err).toContain('Unknown catalog format "xml"');
    noStackTrace(run);
  });
});

describe('the command line: errors are clear, with their exit codes, never a stack trace', () => {
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it.each([
    ['a missing file', () => ['check', join(dir, 'nope.json')], EXIT.unreadable, 'no such file'],
    ['a directory', () => ['check', dir], EXIT.unreadable, 'it is a directory'],
    [
      'bad JSON',
      () => ['check', write('bad.json', '{"format":')],
      EXIT.invalidPlan,
      'not valid JSON',
    ],
    [
      'not a plan file',
      () => ['check', write('other.json', '{"hello":1}')],
      EXIT.invalidPlan,
      'not a plan file',
    ],
    [
      'an invalid plan',
      () => [
        'check',
        write(
          'invalid.json',
          serializePlanFile(everythingPlan(true), planFileStamp(getCatalog())).replace(
            '"devices": [',
            '"colour": "red", "devices": [',
          ),
        ),
      ],
      EXIT.invalidPlan,
      'the key "colour" is not allowed',
    ],
    [
      'a newer plan file',
      () => [
        'export',
        write(
          'newer.json',
          JSON.stringify({
            format: 'am-firewall-plan',
            planVersion: PLAN_SCHEMA_VERSION + 1,
            plan: { schemaVersion: PLAN_SCHEMA_VERSION + 1 },
          }),
        ),
        '--format',
        'csv',
      ],
      EXIT.newerPlan,
      'made with a newer planner',
    ],
    [
      'a newer bare plan',
      () => ['check', write('newer-bare.json', JSON.stringify({ schemaVersion: 999 }))],
      EXIT.newerPlan,
      'made with a newer planner',
    ],
    ['an unknown command', () => ['frobnicate'], EXIT.usage, 'Unknown command "frobnicate"'],
    ['an unknown option', () => ['check', 'x.json', '--bogus'], EXIT.usage, "'--bogus'"],
    [
      'an unknown format',
      () => ['export', planFile('f.json', everythingPlan(true)), '--format', 'docx'],
      EXIT.usage,
      'Unknown format "docx"',
    ],
    [
      'no format',
      () => ['export', planFile('f.json', everythingPlan(true))],
      EXIT.usage,
      'export needs --format',
    ],
    [
      'an unknown host',
      () => ['export', planFile('f.json', everythingPlan(true)), '-f', 'csv', '--host', 'Nowhere'],
      EXIT.usage,
      'No host of the plan is named "Nowhere"',
    ],
    [
      'a firewall with a sheet format',
      () => ['export', planFile('f.json', everythingPlan(true)), '-f', 'csv', '--firewall', 'fw1'],
      EXIT.usage,
      '--firewall applies to the vendor configs',
    ],
    [
      'a firewall in a plan without a network',
      () => [
        'export',
        planFile('f.json', everythingPlan(true)),
        '-f',
        'panos',
        '--firewall',
        'fw1',
      ],
      EXIT.usage,
      'the plan has no network firewalls',
    ],
    [
      'a bad date',
      () => [
        'export',
        planFile('f.json', everythingPlan(true)),
        '-f',
        'csv',
        '--date',
        '2026-02-30',
      ],
      EXIT.usage,
      '--date "2026-02-30" is not a date',
    ],
    ['no plan file', () => ['check'], EXIT.usage, 'check needs a plan file'],
    [
      'an output that cannot be written',
      () => [
        'export',
        planFile('f.json', everythingPlan(true)),
        '-f',
        'csv',
        '-o',
        join(dir, 'no/such/dir/x.csv'),
      ],
      EXIT.unwritable,
      'Cannot write',
    ],
  ])('%s', (_name, args, code, message) => {
    const run = cli(args());
    expect(run.status, run.err).toBe(code);
    expect(run.err).toContain(message);
    expect(
      run.err.startsWith('am-firewall-planner: ') || run.err.includes('\nam-firewall-planner: '),
    ).toBe(true);
    noStackTrace(run);
  });

  it('a format that does not apply to the plan: exit 6 with the reason', () => {
    const plan = { ...everythingPlan(true), devices: [] };
    const hosts = buildHostFacts(resolvePlan(plan, getCatalog()), plan, getCatalog());
    const firewalld = EXPORTERS.find((e) => e.id === 'firewalld');
    expect(firewalld?.unavailable?.(hosts)).toBeDefined();
    const run = cli(['export', planFile('nolinux.json', plan), '-f', 'firewalld']);
    expect(run.status).toBe(EXIT.unavailable);
    expect(run.err).toContain('no Linux host');
    noStackTrace(run);
  });

  it('a hostile host name in an error is quoted, short and without control characters', () => {
    const run = cli([
      'export',
      planFile('f.json', everythingPlan(true)),
      '-f',
      'csv',
      '--host',
      `\u001b[31mred\u202e${'x'.repeat(200)}`,
    ]);
    expect(run.status).toBe(EXIT.usage);
    // eslint-disable-next-line no-control-regex -- the point
    expect(run.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(run.err).toContain('…"');
  });

  it('the plan file is kept as it was (nothing the user typed is lost)', () => {
    const path = planFile('keep.json', everythingPlan(true));
    const before = readFileSync(path);
    cli(['export', path, '-f', 'csv', '-o', '-']);
    cli(['check', path]);
    expect(readFileSync(path).equals(before)).toBe(true);
    mkdirSync(join(dir, 'sub'), { recursive: true });
  });
});
