import { describe, expect, it } from 'vitest';

import { renderTsv, tsvCell } from '@/core/exporters/tsv-exporter';
import { buildReport } from '@/core/report/build-report';
import { RULE_SHEET_COLUMNS } from '@/core/report/columns';

import {
  FIXTURE_PERMALINK,
  fixtureCatalog,
  fixturePlan,
  fixtureResolution,
  HOSTILE_NAMES,
} from '../../../fixtures/resolution-fixture';

describe('Copy table (TSV)', () => {
  it('replaces tabs and line breaks in cells with spaces', () => {
    expect(tsvCell('a\tb\r\nc\nd\re\u2028f')).toBe('a b c d e f');
  });

  it('keeps one line per rule, with every column', () => {
    const report = buildReport({
      plan: fixturePlan(HOSTILE_NAMES),
      resolution: fixtureResolution(HOSTILE_NAMES),
      catalog: fixtureCatalog,
      permalink: FIXTURE_PERMALINK,
    });
    const lines = renderTsv(report).trimEnd().split('\n');
    expect(lines).toHaveLength(2 + report.rows.length);
    expect(lines[1]).toBe(RULE_SHEET_COLUMNS.join('\t'));
    for (const line of lines.slice(1))
      expect(line.split('\t')).toHaveLength(RULE_SHEET_COLUMNS.length);
    expect(lines[0]).toContain(FIXTURE_PERMALINK);
  });
});
