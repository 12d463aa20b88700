/**
 * Issue 18: the PDF of a large plan grows in proportion to the plan. A plan of one platform
 * packs into a long permalink (up to 8,000 characters; a mixed plan soon passes the limit and
 * gets a short note instead), and the footer shortened that link one character per measurement,
 * on every page: pages x length^2 characters measured (24 s for 100 devices, 87 s for 200).
 * Measured here as work, not time: the characters jsPDF is asked to measure, and the pages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import fc from 'fast-check';
import { jsPDF } from 'jspdf';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { planPermalink } from '@/core/exporters/export-permalink';
import { RULE_CELL_LINES, renderPdf } from '@/core/exporters/pdf-exporter';
import { fitToWidth } from '@/core/exporters/pdf-text';
import { runExport } from '@/core/exporters/run-export';
import { buildReport } from '@/core/report/build-report';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { FIXTURE_DATE } from '../../../fixtures/resolution-fixture';
import { ipFor, makePlan } from '../../../support/plan-builders';

const dir = mkdtempSync(join(tmpdir(), 'amfp-large-'));
let n = 0;

/** The PDF's pages as pdftotext -layout reads them, blank lines dropped. */
function pdfPages(bytes: Uint8Array): string[][] {
  const file = join(dir, `large-${(n += 1)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((page) => page.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0);
}

/** The old footer's way: drop the last character until the text and "..." fit. */
function fitByCharacter(text: string, width: number, measure: (s: string) => number): string {
  if (measure(text) <= width) return text;
  let out = text;
  while (out.length > 0 && measure(`${out}...`) > width) out = out.slice(0, -1);
  return `${out}...`;
}

describe('fitToWidth', () => {
  it('gives what dropping one character at a time gives, in about log2(length) measurements', () => {
    // Characters of different widths, as in a font: 'i' narrow, 'W' wide.
    const widths: Record<string, number> = { i: 1, a: 3, W: 5, '.': 1 };
    const measure = (s: string) => Array.from(s).reduce((sum, c) => sum + (widths[c] ?? 3), 0);
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('i', 'a', 'W', '.'), maxLength: 400 }),
        fc.integer({ min: 0, max: 1500 }),
        (text, width) => {
          let calls = 0;
          const counted = (s: string) => {
            calls += 1;
            return measure(s);
          };
          expect(fitToWidth(text, width, counted)).toBe(fitByCharacter(text, width, measure));
          expect(calls).toBeLessThanOrEqual(Math.ceil(Math.log2(text.length + 1)) + 2);
        },
      ),
    );
  });
});

describe('PDF of a one-platform plan (50 agents, Qumulo devices, integrations)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Pages of the PDF and the characters measured while making it (runExport, real permalink). */
  async function render(devices: number): Promise<{ pages: number; measured: number }> {
    let measured = 0;
    // Every jsPDF document copies its methods from jsPDF.API when it is made.
    const api = jsPDF.API as unknown as { getTextWidth: (this: jsPDF, text: string) => number };
    const getTextWidth = api.getTextWidth;
    vi.spyOn(api, 'getTextWidth').mockImplementation(function (this: jsPDF, text: string) {
      measured += text.length;
      return getTextWidth.call(this, text);
    });
    const plan = makePlan({ agents: 50, devices, integrations: true });
    // The plan packs into a long link (about 1,000 characters): printed in the appendix, shortened in every footer.
    expect(planPermalink(plan, getCatalog(), (payload) => payload).length).toBeGreaterThan(800);
    const result = await runExport({
      exporterId: 'pdf',
      plan,
      appUrl: 'https://planner.example/',
      generatedAt: '2026-12-01T00:00:00Z',
    });
    vi.restoreAllMocks();
    const text = new TextDecoder('latin1').decode(result.output as Uint8Array);
    // One "/Type /Page" object per page (the page tree is "/Type /Pages").
    return { pages: [...text.matchAll(/\/Type\s*\/Page(?!s)/g)].length, measured };
  }

  it('twice the devices: at most 2.2 times the pages and the text measured', async () => {
    const small = await render(50);
    const large = await render(100);
    expect(large.pages).toBeGreaterThan(small.pages);
    expect(large.pages).toBeLessThanOrEqual(2.2 * small.pages);
    expect(large.measured).toBeLessThanOrEqual(2.2 * small.measured);
  }, 120_000);
});

describe('PDF of a plan with many hosts per rule', () => {
  it.each(['a4', 'letter'] as const)(
    'goes on with a wide rule in parts, each with its ID, every host listed, no row split (%s)',
    async (size) => {
      const catalog = getCatalog();
      const agents = 100;
      const plan = makePlan({ agents, devices: 10, catalog, integrations: true });
      const report = buildReport({
        plan,
        resolution: resolvePlan(plan, catalog),
        catalog,
        permalink: 'https://planner.example.com/#/open/3.x.y',
        generatedAt: FIXTURE_DATE,
      });
      // R001: Access Analyzer to every agent server, more hosts than one cell holds.
      const wide = report.rules.find((r) => r.to.hosts.length === agents);
      expect(wide).toBeDefined();
      expect(agents).toBeGreaterThan(2 * RULE_CELL_LINES);
      const all = pdfPages(await renderPdf(report, size));
      const main = all.slice(
        0,
        all.findIndex((lines) => lines.some((l) => /^Appendix$/.test(l.trim()))),
      );
      // Every page of the rule table starts with a rule's row, page 1 included.
      const tablePages = main.filter((lines) => lines.some((l) => /^\s*Rule\s+From\s+To/.test(l)));
      expect(tablePages[0]).toBe(main[0]);
      for (const lines of tablePages) {
        const header = lines.findIndex((l) => /^\s*Rule\s+From\s+To/.test(l));
        if (header + 1 < lines.length - 1) expect(lines[header + 1]).toMatch(/^\s*R\d+\s/);
      }
      // The rule's hosts in parts of at most RULE_CELL_LINES lines, each part named.
      const text = main.flat().join('\n');
      const parts = Number(/Part 1 of (\d+): the hosts go on/.exec(text)?.[1]);
      expect(parts).toBeGreaterThanOrEqual(Math.ceil(agents / RULE_CELL_LINES));
      for (let k = 2; k <= parts; k += 1) {
        expect(text).toContain(`Part ${k} of ${parts} of rule ${wide?.id}`);
      }
      // Every agent server is named in the rule table, none lost at a break.
      for (let i = 1; i <= agents; i += 1) {
        expect(text).toContain(`Agent server ${i}: ${ipFor(1, i)}`);
      }
    },
    60_000,
  );

  it('keeps "Inbound on this host:" and "Outbound from this host:" on the page of their table', async () => {
    const plan = makePlan({ agents: 50, devices: 50, integrations: true });
    const result = await runExport({
      exporterId: 'pdf',
      plan,
      appUrl: 'https://planner.example/',
      generatedAt: '2026-12-01T00:00:00Z',
    });
    const all = pdfPages(result.output as Uint8Array);
    expect(all.length).toBeGreaterThan(40);
    for (const lines of all) {
      // The last line is the footer; the one before it is not a paragraph whose table follows.
      expect(lines.at(-2)?.trim()).not.toMatch(/^(Inbound on|Outbound from) this host:$/);
    }
  }, 60_000);
});
