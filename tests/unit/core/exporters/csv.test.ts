import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CSV_BOM, formatCsv } from '@/core/exporters/csv-format';
import { neutralizeFormula } from '@/core/exporters/text-safety';

/** A small RFC 4180 parser (CRLF or LF records, quoted fields with doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        cell += c;
        i += 1;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
      i += 1;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else {
      if (c === '"' || c === '\r' || c === '\n')
        throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
      cell += c;
      i += 1;
    }
  }
  if (quoted) throw new Error('unclosed quote');
  if (cell !== '' || row.length > 0) throw new Error('last record without CRLF');
  return rows;
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
  '\uFF1D',
  '\uFF0B',
  '\uFF0D',
  '\uFF20',
];
const TRIGGER_START = /^[=+\-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20]/;

const cell = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.tuple(fc.constantFrom(...TRIGGERS), fc.string({ unit: 'binary' })).map(([t, s]) => t + s),
  fc
    .array(fc.constantFrom('"', ',', ';', '\r', '\n', '\r\n', ' ', '=', 'a', "'"), {
      maxLength: 12,
    })
    .map((parts) => parts.join('')),
);
const table = fc
  .integer({ min: 1, max: 6 })
  .chain((width) =>
    fc.tuple(
      fc.array(cell, { minLength: width, maxLength: width }),
      fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
    ),
  );

function parseExport(header: readonly string[], rows: readonly (readonly string[])[]) {
  const text = formatCsv(header, rows);
  expect(text.startsWith(CSV_BOM)).toBe(true);
  return parseCsv(text.slice(1));
}

describe('CSV export (reliability guide CSV-1..3)', () => {
  it('CSV-2: every cell round-trips to its neutralized value, same rows and columns', () => {
    fc.assert(
      fc.property(table, ([header, rows]) => {
        const parsed = parseExport(header, rows);
        expect(parsed).toEqual([header, ...rows].map((r) => r.map(neutralizeFormula)));
        // Each cell is the original, or "'" + original exactly when it starts with a trigger.
        [header, ...rows].forEach((r, i) =>
          r.forEach((original, j) => {
            const out = parsed[i]?.[j];
            expect(out).toBe(TRIGGER_START.test(original) ? `'${original}` : original);
          }),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('CSV-2: no parsed cell starts with a formula trigger', () => {
    fc.assert(
      fc.property(table, ([header, rows]) => {
        for (const r of parseExport(header, rows)) {
          for (const c of r) expect(TRIGGER_START.test(c)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('CSV-1: a neutralized cell is always quoted', () => {
    expect(formatCsv(['a'], [['=1+1']])).toBe(`${CSV_BOM}a\r\n"'=1+1"\r\n`);
    expect(formatCsv(['a'], [['x;y']])).toBe(`${CSV_BOM}a\r\n"x;y"\r\n`);
  });

  it("cuts a cell longer than a spreadsheet holds to Excel's 32,767 characters, and says so", () => {
    const long = `=${'x'.repeat(40_000)}`;
    const [, cell] = parseCsv(formatCsv(['a'], [[long]]).slice(1));
    const text = cell?.[0] ?? '';
    expect(text.length).toBeLessThanOrEqual(32_767);
    expect(text.startsWith("'=xxx")).toBe(true);
    expect(text).toMatch(
      /… \[\d{1,3}(,\d{3})* more characters cut; the Markdown and PDF exports show all\]$/,
    );
  });

  it('CSV-3: the fixed corpus matches its golden file', async () => {
    const corpus = [
      ['=1+2";=1+2'],
      ['=1+1'],
      ['@SUM(1,1)'],
      ['=HYPERLINK("http://example.com","x")'],
      ['\t=1+1'],
      ['\uFF1D1+1'],
      ['=1+1\nnote'],
      ['\0=1'],
      ['\n=1+1'],
      ['-'],
      ['+41 22'],
      ['plain, with comma'],
      ['x'.repeat(10_000)],
    ];
    const text = formatCsv(['Payload'], corpus);
    expect(
      parseCsv(text.slice(1))
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(corpus.map((r) => neutralizeFormula(r[0] as string)));
    await expect(text).toMatchFileSnapshot('../../../golden/csv-corpus.csv');
    expect(formatCsv(['Payload'], [])).toBe(`${CSV_BOM}Payload\r\n`);
  });
});
