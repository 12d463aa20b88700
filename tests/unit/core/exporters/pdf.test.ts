import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it, vi } from 'vitest';

import { renderPdf } from '@/core/exporters/pdf-exporter';
import {
  findUnprintableFields,
  isPrintable,
  needsEmbeddedFont,
  toPdfText,
} from '@/core/exporters/pdf-text';
import { buildReport } from '@/core/report/build-report';

import { exportCatalog } from '../../../fixtures/catalogs';
import type { FixtureNames } from '../../../fixtures/resolution-fixture';
import {
  DEFAULT_NAMES,
  draftResolution,
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
  HOSTILE_NAMES,
} from '../../../fixtures/resolution-fixture';

import { loadFontsFromDisk } from './pdf-test-fonts';

function report(names: FixtureNames = DEFAULT_NAMES) {
  return buildReport({
    plan: fixturePlan(names),
    resolution: fixtureResolution(names),
    catalog: exportCatalog,
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

/** The fonts the PDF uses, as pdffonts lists them (name, type, encoding, embedded...). */
function pdfFonts(bytes: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

describe('PDF export', () => {
  it('renders a PDF whose text has the title, a rule, notes, hosts and the footer', async () => {
    const bytes = await renderPdf(report());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = pdfText(bytes, 'sample.pdf');
    expect(text).toContain('Firewall change request');
    expect(text).toContain('Contoso HQ: the flows Netwrix Activity Monitor 10.0 needs');
    expect(text).toContain('Agent Communication');
    expect(text).toContain('FPolicy event delivery');
    expect(text).toContain('The FPolicy port is set per SVM in the agent properties.');
    expect(text).toContain('Errata in the vendor documentation');
    expect(text).toContain('Rules by host');
    expect(text).toMatch(
      /Activity Monitor Firewall Planner · catalog 2026\.11\.0-fixture \(netwrix\/docs@c0ffee42\) · https:\/\/planner\.example\.com/,
    );
    expect(text).toMatch(/Page 1 of \d+/);
    // The permalink is printed in full in the appendix.
    expect(text.replace(/\s+/g, '')).toContain(FIXTURE_PERMALINK);
  });

  it('repeats the rule table header on each page', async () => {
    const base = fixtureResolution();
    const many = { ...base, rules: Array.from({ length: 12 }, () => base.rules).flat() };
    const bytes = await renderPdf(
      buildReport({
        plan: fixturePlan(),
        resolution: many,
        catalog: exportCatalog,
        permalink: FIXTURE_PERMALINK,
        generatedAt: FIXTURE_DATE,
      }),
    );
    const pages = pdfText(bytes, 'many.pdf')
      .split('\f')
      .filter((p) => p.trim() !== '');
    // Pages of the rule table: those with a rule row (an ID first on its line) up to the
    // approval block (the appendix's tables carry IDs too).
    const sheet = pages.slice(0, pages.findIndex((p) => /^Approval$/m.test(p)) + 1);
    const withRules = sheet.filter((p) => /^\s*R\d{2}\s/m.test(p));
    expect(withRules.length).toBeGreaterThan(1);
    for (const page of withRules) {
      expect(page).toMatch(/Rule\s+From\s+To\s+Protocol \/ port\s+Purpose/);
    }
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('stamps every page of a plan with errors as a draft, and no page of one without', async () => {
    const base = draftResolution();
    const many = { ...base, rules: Array.from({ length: 12 }, () => base.rules).flat() };
    const bytes = await renderPdf(
      buildReport({
        plan: fixturePlan(),
        resolution: many,
        catalog: exportCatalog,
        permalink: FIXTURE_PERMALINK,
        generatedAt: FIXTURE_DATE,
      }),
    );
    const pages = pdfText(bytes, 'draft.pdf')
      .split('\f')
      .filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      // The stamp is the first line of each page.
      expect(page.trimStart().split('\n')[0]?.trim()).toBe(
        'DRAFT \u2014 3 plan errors: fix them before filing',
      );
    }
    expect(pdfText(await renderPdf(report()), 'not-draft.pdf')).not.toContain('DRAFT');
  });

  it('without a font loader, prints text outside WinAnsi as ? and keeps Western European text', async () => {
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
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });
});

describe('PDF-3 embedded font for text outside WinAnsi', () => {
  it('prints Latin Extended, Greek and Cyrillic with DejaVu Sans, loaded once', async () => {
    const loadFonts = vi.fn(loadFontsFromDisk);
    const names = { ...DEFAULT_NAMES, planName: 'Łódź Zürich Ελλάδα Москва', filer: 'Ærø Filer' };
    const bytes = await renderPdf(report(names), 'a4', { loadFonts });
    expect(loadFonts).toHaveBeenCalledTimes(1);
    const text = pdfText(bytes, 'unicode.pdf');
    expect(text).toContain('Łódź Zürich Ελλάδα Москва: the flows');
    for (const word of ['Łódź', 'Zürich', 'Ελλάδα', 'Москва', 'Ærø Filer']) {
      expect(text).toContain(word);
    }
    // The rest of the report is still there, with the footer.
    expect(text).toContain('FPolicy event delivery');
    expect(text).toMatch(/Page 1 of \d+/);
    const fonts = pdfFonts(bytes, 'unicode-fonts.pdf');
    // Regular and bold, both embedded (subset by jsPDF) with a ToUnicode map.
    expect(fonts.match(/^DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes/gm)).toHaveLength(
      2,
    );
    expect(bytes.length).toBeLessThan(400_000);
  });

  it('prints Armenian, Georgian and Hebrew', async () => {
    const names = { ...DEFAULT_NAMES, filer: 'Հայաստան', isilon: 'საქართველო', siem: 'שלום' };
    const text = pdfText(
      await renderPdf(report(names), 'a4', { loadFonts: loadFontsFromDisk }),
      'scripts.pdf',
    );
    expect(text).toContain('Հայաստան');
    expect(text).toContain('საქართველო');
    // Right-to-left: jsPDF lays the letters out in visual order.
    expect(text).toMatch(/שלום|םולש/);
    expect(text).not.toMatch(/\?{4}/);
  });

  it('still prints ? for characters the font lacks (CJK, emoji) and names the field', async () => {
    const names = { ...DEFAULT_NAMES, filer: '東京 Łódź', siem: 'Splunk 😀' };
    const bytes = await renderPdf(report(names), 'a4', { loadFonts: loadFontsFromDisk });
    const text = pdfText(bytes, 'cjk.pdf');
    expect(text).toContain('?? Łódź');
    expect(text).toContain('Splunk ?');
    expect(text).not.toContain('東京');
    expect(findUnprintableFields(fixturePlan(names))).toEqual([
      'Device "東京 Łódź" name',
      'SIEM name',
    ]);
  });

  it('does not load the font for a WinAnsi report, whose PDF stays as before', async () => {
    const loadFonts = vi.fn(loadFontsFromDisk);
    const bytes = await renderPdf(report(), 'a4', { loadFonts });
    expect(loadFonts).not.toHaveBeenCalled();
    expect(Buffer.from(bytes).equals(Buffer.from(await renderPdf(report())))).toBe(true);
    expect(pdfFonts(bytes, 'ascii-fonts.pdf')).not.toContain('DejaVuSans');
  });

  it('does not load the font when the only other characters are ones it lacks', async () => {
    const loadFonts = vi.fn(loadFontsFromDisk);
    const names = { ...DEFAULT_NAMES, filer: '東京 Zürich' };
    const text = pdfText(await renderPdf(report(names), 'a4', { loadFonts }), 'cjk-only.pdf');
    expect(loadFonts).not.toHaveBeenCalled();
    expect(text).toContain('?? Zürich');
  });

  it('is deterministic with the embedded font', async () => {
    const names = { ...DEFAULT_NAMES, filer: 'Москва' };
    const a = await renderPdf(report(names), 'a4', { loadFonts: loadFontsFromDisk });
    const b = await renderPdf(report(names), 'a4', { loadFonts: loadFontsFromDisk });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('fails with the loader error when the font cannot be loaded', async () => {
    const names = { ...DEFAULT_NAMES, filer: 'Москва' };
    const loadFonts = () => Promise.reject(new Error('the PDF font did not load (HTTP 404)'));
    await expect(renderPdf(report(names), 'a4', { loadFonts })).rejects.toThrow(/HTTP 404/);
  });

  it('needs the font only for characters outside WinAnsi that it has', () => {
    expect(needsEmbeddedFont(['Zürich – “quoted” €5', 'a → b'])).toBe(false);
    expect(needsEmbeddedFont(['東京', '😀'])).toBe(false);
    expect(needsEmbeddedFont(['ok', 'Łódź'])).toBe(true);
    expect(needsEmbeddedFont(['Ωmega'])).toBe(true);
  });
});

describe('PDF text (PDF-3)', () => {
  it.each([
    ['Zürich – “quoted” €5', 'Zürich – “quoted” €5'],
    ['東京', '??'],
    ['Łódź', '?ód?'],
    ['a → b ≥ c', 'a -> b >= c'],
    ['x\u202Ey\u200Bz', 'xyz'],
    ['tab\there', 'tab here'],
    ['emoji 😀', 'emoji ?'],
  ])('with the standard font %j prints as %j', (input, expected) => {
    expect(toPdfText(input)).toBe(expected);
  });

  it.each([
    ['Zürich – “quoted” €5', 'Zürich – “quoted” €5'],
    ['東京 Łódź', '?? Łódź'],
    ['Ελλάδα Москва Ærø', 'Ελλάδα Москва Ærø'],
    ['a → b ≥ c ✓', 'a → b ≥ c ✓'],
    ['x\u202Ey\u200Bz', 'xyz'],
    ['tab\there', 'tab here'],
    ['emoji 😀', 'emoji ?'],
    ['Zu\u0308rich', 'Zürich'],
  ])('with the embedded font %j prints as %j', (input, expected) => {
    expect(toPdfText(input, 'embedded')).toBe(expected);
  });

  it('names the plan fields that cannot be printed, even with the embedded font', () => {
    const plan = fixturePlan({ ...DEFAULT_NAMES, filer: '東京', agent1: 'Łódź', siem: 'Ωmega' });
    expect(findUnprintableFields(plan)).toEqual(['Device "東京" name']);
    expect(findUnprintableFields(fixturePlan())).toEqual([]);
    expect(isPrintable('Ωmega Москва Łódź')).toBe(true);
    expect(isPrintable('a → b')).toBe(true);
    expect(isPrintable('東京')).toBe(false);
    expect(isPrintable('ok 😀')).toBe(false);
  });

  it('names the format-3 fields too: tenant, more consoles, Threat Prevention, agent services', () => {
    const plan = fixturePlan();
    const unprintable = {
      ...plan,
      microsoftTenant: '東京',
      additionalConsoles: [{ name: '控制台', address: '10.0.0.9' }],
      integrations: {
        ...plan.integrations,
        threatPrevention: { enabled: true, name: 'TP 😀', address: '10.0.0.8' },
      },
      agentServices: {
        ...plan.agentServices,
        smtp: { enabled: true, name: 'SMTP', address: '郵便.corp', port: 25 },
        dns: { enabled: true, addresses: ['10.0.0.53', '名前'] },
        // Off: not printed, so not reported.
        syslog: { ...plan.agentServices.syslog, enabled: false, name: '東京' },
      },
    };
    expect(findUnprintableFields(unprintable)).toEqual([
      'Microsoft tenant',
      'Console 2 name',
      'Threat Prevention name',
      'SMTP server address',
      'DNS server 2',
    ]);
  });

  it('names the SIEM only when it is enabled', () => {
    const plan = fixturePlan({ ...DEFAULT_NAMES, siem: '東京' });
    expect(findUnprintableFields(plan)).toEqual(['SIEM name']);
    plan.integrations.siem.enabled = false;
    expect(findUnprintableFields(plan)).toEqual([]);
  });

  it('names the network proxy and the archive server only when they are enabled', () => {
    const plan = fixturePlan();
    plan.deployment = {
      pushInstall: false,
      proxy: { enabled: false, name: '代理', address: 'proxy.corp', port: 8080 },
      archive: { enabled: false, name: 'Archive', address: '\u{1F4E6}.corp' },
    };
    expect(findUnprintableFields(plan)).toEqual([]);
    plan.deployment.proxy.enabled = true;
    plan.deployment.archive.enabled = true;
    expect(findUnprintableFields(plan)).toEqual(['Network proxy name', 'Archive server address']);
  });
});
