/**
 * Per-version links in the sheets (docs/catalog.md, "Per-version links"): the sample plan as an
 * Activity Monitor 7.1 plan. Its reasons link 7.1 pages; one (the SIEM rule, whose page the 7.1
 * docs are taken to lack for this test) links the 10.0 page, and every sheet prints its label
 * beside the link. The 10.0 golden files (golden.test.ts) do not change: a link of the plan's own
 * version is printed alone, as before.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { renderCsv } from '@/core/exporters/csv-exporter';
import { renderMarkdown } from '@/core/exporters/markdown-exporter';
import { renderPdf } from '@/core/exporters/pdf-exporter';
import { renderTableHtml, renderTsv } from '@/core/exporters/tsv-exporter';
import { buildReport } from '@/core/report/build-report';
import type { Resolution } from '@/core/resolve/model';

import { exportCatalog } from '../../../fixtures/catalogs';
import {
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
} from '../../../fixtures/resolution-fixture';

const FALLBACK = 'Activity Monitor 10.0 page; no 7.1 page';

/** The sample resolution as the resolver gives it for a 7.1 plan. */
function resolution71(): Resolution {
  const base = fixtureResolution();
  return {
    ...base,
    rules: base.rules.map((rule) => ({
      ...rule,
      reasons: rule.reasons.map((reason) =>
        reason.ruleId === 'siem-udp'
          ? { ...reason, referenceLabel: FALLBACK, referenceFallback: true as const }
          : {
              ...reason,
              reference: reason.reference.replace(
                '/activitymonitor/10_0/',
                '/activitymonitor/7_1/',
              ),
              referenceLabel: 'Activity Monitor 7.1',
            },
      ),
    })),
  };
}

function report71() {
  return buildReport({
    plan: { ...fixturePlan(), amVersion: '7.1' },
    resolution: resolution71(),
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
  });
}

const SHEETS = [
  ['csv', renderCsv, 'v7.1-rules.csv'],
  ['markdown', renderMarkdown, 'v7.1-rules.md'],
  ['copy table', renderTsv, 'v7.1-rules.tsv'],
  ['copy table (HTML)', renderTableHtml, 'v7.1-rules.html'],
] as const;

describe('a 7.1 plan in the sheets', () => {
  it('puts the 7.1 pages in the Reference column, and the 10.0 page with its label', () => {
    const rows = report71().rows;
    const siem = rows.find((r) => r.Reference.includes(FALLBACK));
    expect(siem?.Reference).toBe(
      `https://docs.netwrix.com/docs/activitymonitor/10_0/requirements/activityagent/activityagentports#activity-agent-ports (${FALLBACK})`,
    );
    for (const row of rows.filter((r) => r !== siem)) {
      expect(row.Reference).toMatch(/^https:\/\/docs\.netwrix\.com\/docs\/activitymonitor\/7_1\//);
      expect(row.Reference).not.toContain('10_0');
      expect(row.Reference).not.toContain('(');
    }
  });

  it.each(SHEETS)('%s matches its golden file', async (_name, render, file) => {
    await expect(render(report71())).toMatchFileSnapshot(`../../../golden/${file}`);
  });

  // "Copy table" is compact: no references (docs/exports.md, "Copy table").
  it.each(SHEETS.slice(0, 2))('%s prints the fallback label beside its link', (_name, render) => {
    const text = render(report71());
    expect(text).toContain(FALLBACK);
    expect(text).toContain('/activitymonitor/7_1/requirements/activityagent/activityagentports');
  });

  it('links the pages in Markdown and prints the label as text, not as part of a link', () => {
    const md = renderMarkdown(report71());
    expect(md).toContain(
      `<https://docs.netwrix.com/docs/activitymonitor/10_0/requirements/activityagent/activityagentports#activity-agent-ports> (${FALLBACK})`,
    );
    expect(md).toMatch(/<https:\/\/docs\.netwrix\.com\/docs\/activitymonitor\/7_1\/[^>]+>/);
  });

  it('prints the label in the PDF rule sheet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amfp-pdf-versions-'));
    const file = join(dir, 'v71.pdf');
    writeFileSync(file, await renderPdf(report71()));
    // The Reference cell wraps anywhere: compare without white space.
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(FALLBACK.replace(/\s+/g, ''));
    expect(text).toContain('activitymonitor/7_1/');
  });
});
