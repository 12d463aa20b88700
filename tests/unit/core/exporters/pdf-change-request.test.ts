/**
 * Issue 14, the PDF as a change request: the main part (summary, rules, approval) on 1-2 pages
 * for typical plans, readable type, rows never split across pages, names and addresses broken
 * only where a reader expects. Read back with pdftotext (poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { HOST_PEER_LIMIT, renderPdf } from '@/core/exporters/pdf-exporter';
import { wrapToWidth } from '@/core/exporters/pdf-text';
import { buildReport } from '@/core/report/build-report';
import type { Report } from '@/core/report/model';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { exportCatalog } from '../../../fixtures/catalogs';
import {
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
} from '../../../fixtures/resolution-fixture';
import { makePlan } from '../../../support/plan-builders';

const dir = mkdtempSync(join(tmpdir(), 'amfp-cr-'));
let n = 0;

async function pages(report: Report, flags: string[] = []): Promise<string[]> {
  const file = join(dir, `cr-${(n += 1)}.pdf`);
  writeFileSync(file, await renderPdf(report));
  return execFileSync('pdftotext', [...flags, file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim() !== '');
}

/** The pages before the appendix: the change request itself. */
function mainPart(all: readonly string[]): string[] {
  const appendix = all.findIndex((p) => /^Appendix$/m.test(p));
  expect(appendix).toBeGreaterThan(0);
  return all.slice(0, appendix);
}

const sample = () =>
  buildReport({
    plan: fixturePlan(),
    resolution: fixtureResolution(),
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
  });

/** A real-catalog plan: `devices` devices over two agents, integrations on. */
function typical(devices: number): Report {
  const catalog = getCatalog();
  const plan = makePlan({ agents: 2, devices, catalog, integrations: true });
  return buildReport({
    plan,
    resolution: resolvePlan(plan, catalog),
    catalog,
    permalink: 'https://planner.example.com/#/open/3.x.y',
    generatedAt: FIXTURE_DATE,
  });
}

describe('PDF change request', () => {
  it('fits the main part of the sample plan on one page, approval block included', async () => {
    const main = mainPart(await pages(sample()));
    expect(main).toHaveLength(1);
    const page = main[0] as string;
    for (const text of ['What', 'Where', 'Plan checks', 'Rules', 'Approval', 'Requested by']) {
      expect(page).toContain(text);
    }
    expect(page).toMatch(/Approved by[\s\S]*Change number/);
  });

  it.each([1, 2, 4])(
    'fits the main part of a typical plan (%i devices, at most 15 rules) on 1-2 pages',
    async (devices) => {
      const report = typical(devices);
      expect(report.rules.length).toBeLessThanOrEqual(15);
      expect(mainPart(await pages(report)).length).toBeLessThanOrEqual(2);
    },
  );

  it('prints the rule table in 8.5 pt or more (pdftotext word boxes)', async () => {
    const [first] = await pages(sample(), ['-bbox', '-f', '1', '-l', '1']);
    const words = [
      ...(first ?? '').matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</g),
    ];
    const top = words.find((w) => w[3] === 'Rules');
    const end = words.find((w) => w[3] === 'Approval');
    const table = words.filter(
      (w) => Number(w[1]) > Number(top?.[2]) && Number(w[2]) < Number(end?.[1]),
    );
    expect(table.length).toBeGreaterThan(50);
    // A word box is the font's ascent + descent: 0.925 em for Helvetica.
    for (const w of table) expect(Number(w[2]) - Number(w[1])).toBeGreaterThanOrEqual(8.5 * 0.92);
  });

  it('never splits a rule across pages: each page of the table starts with a rule ID', async () => {
    const base = fixtureResolution();
    const many = { ...base, rules: Array.from({ length: 8 }, () => base.rules).flat() };
    const report = buildReport({
      plan: fixturePlan(),
      resolution: many,
      catalog: exportCatalog,
      permalink: FIXTURE_PERMALINK,
      generatedAt: FIXTURE_DATE,
    });
    const main = mainPart(await pages(report, ['-layout']));
    expect(main.length).toBeGreaterThan(2);
    for (const page of main) {
      const lines = page.split('\n').filter((l) => l.trim() !== '');
      const header = lines.findIndex((l) => /^\s*Rule\s+From\s+To\s+Protocol/.test(l));
      if (header < 0) continue;
      expect(lines[header + 1]).toMatch(/^\s*R\d{2}\s/);
    }
  });

  it('keeps host names whole where a break at . - fits ("corp.example.com")', async () => {
    const text = (await pages(sample(), ['-layout'])).join('\n');
    expect(text).not.toMatch(/corp\.ex\s*\n\s*ample/);
    expect(text).not.toMatch(/Powe\s*\n\s*rScale/);
  });
});

describe('wrapToWidth', () => {
  const measure = (s: string) => s.length;

  it.each([
    ['agent-nyc.corp.example.com', 12, 'agent-nyc.\ncorp.\nexample.com'],
    ['Dell Isilon/PowerScale cluster', 14, 'Dell\nIsilon/\nPowerScale\ncluster'],
    ['https://docs.netwrix.com/docs/x', 16, 'https://docs.\nnetwrix.com/\ndocs/x'],
    ['aaaaaaaaaa', 4, 'aaaa\naaaa\naa'],
    ['two\nlines', 20, 'two\nlines'],
  ])('wraps %j to %i characters as %j', (text, width, expected) => {
    expect(wrapToWidth(text, width + 1, measure)).toBe(expected);
  });

  it('only adds breaks: the text comes back with its spaces at the breaks', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', '.', '-', '/', ' ', 'é'), maxLength: 80 }),
        fc.integer({ min: 2, max: 30 }),
        (text, width) => {
          const wrapped = wrapToWidth(text, width, measure);
          const lines = wrapped.split('\n');
          // No line is wider than the room (width - 1), but a single character.
          for (const line of lines)
            expect(line.length <= width - 1 || line.length === 1).toBe(true);
          // Removing the breaks gives the text back, a break at a space having taken it.
          const squeeze = (s: string) => s.replace(/[\s]+/g, '');
          expect(squeeze(wrapped)).toBe(squeeze(text));
        },
      ),
    );
  });
});

describe('PDF of a larger plan', () => {
  it('stays proportionate for a larger plan: rule details once per kind, host peers capped', async () => {
    const catalog = getCatalog();
    const plan = makePlan({ agents: 12, devices: 40, catalog, integrations: true });
    const report = buildReport({
      plan,
      resolution: resolvePlan(plan, catalog),
      catalog,
      permalink: 'https://planner.example.com/#/open/3.x.y',
      generatedAt: FIXTURE_DATE,
    });
    const text = (await pages(report)).join('\n').replace(/\s+/g, ' ');
    // A rule whose sources outnumber the cap (the agents' API server to 12 agents) is named in
    // "Rules by host" with its first peers and a pointer to the rule, which lists them all.
    const wide = report.hosts
      .flatMap((h) => [...h.inbound, ...h.outbound])
      .find((r) => r.peers.length > HOST_PEER_LIMIT);
    expect(wide).toBeDefined();
    expect(text).toContain(
      `and ${(wide?.peers.length ?? 0) - (HOST_PEER_LIMIT - 1)} more (rule ${wide?.ruleId} lists all ${wide?.peers.length})`,
    );
    // B. Rule details prints each distinct text once: fewer entries than rules, every rule named.
    const details = text.slice(text.indexOf('B. Rule details'), text.indexOf('C. Plan summary'));
    const notes = [...details.matchAll(/Note: A row of the Cohesity SmartFiles section/g)];
    const cohesityRules = report.rules.filter((r) =>
      r.environments.includes('Cohesity SmartFiles'),
    );
    expect(cohesityRules.length).toBeGreaterThan(1);
    expect(notes.length).toBeLessThan(cohesityRules.length);
    const named = new Set(
      [...details.matchAll(/R(\d+)(?:-R(\d+))?/g)].flatMap((m) => {
        const a = Number(m[1]);
        const b = m[2] === undefined ? a : Number(m[2]);
        return Array.from({ length: b - a + 1 }, (_, k) => a + k);
      }),
    );
    for (const rule of report.rules) expect(named).toContain(Number(rule.id.slice(1)));
  });
});
