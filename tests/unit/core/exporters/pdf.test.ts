import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { renderPdf } from '@/core/exporters/pdf-exporter';
import { findUnprintableFields, isPrintable, toPdfText } from '@/core/exporters/pdf-text';
import { buildReport } from '@/core/report/build-report';

import type { FixtureNames } from '../../../fixtures/resolution-fixture';
import {
  DEFAULT_NAMES,
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixtureCatalog,
  fixturePlan,
  fixtureResolution,
  HOSTILE_NAMES,
} from '../../../fixtures/resolution-fixture';

function report(names: FixtureNames = DEFAULT_NAMES) {
  return buildReport({
    plan: fixturePlan(names),
    resolution: fixtureResolution(names),
    catalog: fixtureCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
  });
}

const dir = mkdtempSync(join(tmpdir(), 'amfp-pdf-'));

function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('PDF export', () => {
  it('renders a PDF whose text has the title, a rule, notes, hosts and the footer', async () => {
    const bytes = await renderPdf(report());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = pdfText(bytes, 'sample.pdf');
    expect(text).toContain('Firewall rules: Contoso HQ');
    expect(text).toContain('Agent Communication');
    expect(text).toContain('FPolicy event delivery');
    expect(text).toContain('The FPolicy port is set per SVM in the agent properties.');
    expect(text).toContain('Errata in the vendor documentation');
    expect(text).toContain('Rules by host');
    expect(text).toMatch(
      /Activity Monitor Firewall Planner · catalog 2026\.11\.0-fixture · https:\/\/planner\.example\.com/,
    );
    expect(text).toMatch(/Page 1 of \d+/);
    // The permalink is printed in full on the first page.
    expect(text.replace(/\s+/g, '')).toContain(FIXTURE_PERMALINK);
  });

  it('repeats the rule table header on each page', async () => {
    const base = fixtureResolution();
    const many = { ...base, rules: Array.from({ length: 12 }, () => base.rules).flat() };
    const bytes = await renderPdf(
      buildReport({
        plan: fixturePlan(),
        resolution: many,
        catalog: fixtureCatalog,
        permalink: FIXTURE_PERMALINK,
        generatedAt: FIXTURE_DATE,
      }),
    );
    const pages = pdfText(bytes, 'many.pdf')
      .split('\f')
      .filter((p) => p.trim() !== '');
    // Pages of the rule sheet: the only table with references.
    const withRules = pages.filter((p) => p.includes('https://docs.netwrix.com'));
    expect(withRules.length).toBeGreaterThan(1);
    for (const page of withRules) expect(page).toMatch(/Environment\s+Source\s+Source host/);
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('prints text outside WinAnsi as ? and keeps Western European text', async () => {
    const text = pdfText(await renderPdf(report(HOSTILE_NAMES)), 'hostile.pdf');
    expect(text).toContain('?? SIEM ?ód? Zürich');
    expect(text).toContain('=HYPERLINK');
  });

  it('is deterministic for the same report and date', async () => {
    const a = await renderPdf(report());
    const b = await renderPdf(report());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('supports Letter pages', async () => {
    const bytes = await renderPdf(report(), 'letter');
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, bytes);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);
  });
});

describe('WinAnsi text (PDF-3)', () => {
  it.each([
    ['Zürich – “quoted” €5', 'Zürich – “quoted” €5'],
    ['東京', '??'],
    ['Łódź', '?ód?'],
    ['a → b ≥ c', 'a -> b >= c'],
    ['x\u202Ey\u200Bz', 'xyz'],
    ['tab\there', 'tab here'],
    ['emoji 😀', 'emoji ?'],
  ])('%j prints as %j', (input, expected) => {
    expect(toPdfText(input)).toBe(expected);
  });

  it('names the plan fields that cannot be printed', () => {
    const plan = fixturePlan({ ...DEFAULT_NAMES, filer: '東京', agent1: 'Zürich' });
    expect(findUnprintableFields(plan)).toEqual(['Device "東京" name']);
    expect(findUnprintableFields(fixturePlan())).toEqual([]);
    expect(isPrintable('Ωmega')).toBe(false);
    expect(isPrintable('a → b')).toBe(true);
  });

  it('names the SIEM only when it is enabled', () => {
    const plan = fixturePlan({ ...DEFAULT_NAMES, siem: 'Ωmega' });
    expect(findUnprintableFields(plan)).toEqual(['SIEM name']);
    plan.integrations.siem.enabled = false;
    expect(findUnprintableFields(plan)).toEqual([]);
  });
});
