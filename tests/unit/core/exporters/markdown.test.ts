import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { escapeMarkdownCell, markdownTable, markdownUrl } from '@/core/exporters/markdown-escape';

/** GFM row splitting: a backslash escapes the next character, an unescaped | separates cells. */
function splitRow(line: string): string[] {
  expect(line.startsWith('| ')).toBe(true);
  expect(line.endsWith(' |')).toBe(true);
  const inner = line.slice(1, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < inner.length; i += 1) {
    const c = inner[i] as string;
    if (c === '\\') {
      cell += c + (inner[i + 1] ?? '');
      i += 1;
    } else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map(trimSpaces);
}

const trimSpaces = (s: string) => s.replace(/^ +| +$/g, '');

/** Inverse of the escaping (what a renderer shows), line breaks as \n. */
function unescape(cell: string): string {
  return cell
    .replace(/<br>/g, '\n')
    .replace(/\\(.)/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** What escaping keeps of a text: controls dropped, tabs as spaces, line breaks as \n. */
function normalized(text: string): string {
  return text
    .replace(
      // eslint-disable-next-line no-control-regex -- controls are what escaping drops
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
      '',
    )
    .replace(/\t/g, ' ')
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '\n');
}

const cell = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.constantFrom(
        '|',
        '\\',
        '`',
        '\n',
        '\r',
        '<',
        '>',
        '&',
        '#',
        '-',
        '*',
        '_',
        '[',
        ']',
        ' ',
        'a',
        '<br>',
        '&amp;',
      ),
      {
        maxLength: 16,
      },
    )
    .map((parts) => parts.join('')),
);

describe('Markdown escaping (MD-1, MD-2)', () => {
  it('MD-2: an escaped row keeps its column count, and each cell reads back as its text', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (cells) => {
        const lines = markdownTable(
          cells.map((_, i) => `c${i}`),
          [cells],
        ).split('\n');
        expect(lines).toHaveLength(3);
        const parsed = splitRow(lines[2] as string);
        expect(parsed).toHaveLength(cells.length);
        parsed.forEach((c, i) =>
          expect(unescape(c)).toBe(trimSpaces(normalized(cells[i] as string))),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('never lets raw HTML through', () => {
    fc.assert(
      fc.property(cell, (text) => {
        expect(escapeMarkdownCell(text).replace(/<br>/g, '')).not.toMatch(/[<>]/);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['a|b', 'a\\|b'],
    ['a\\|b', 'a\\\\\\|b'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['line1\nline2', 'line1<br>line2'],
    ['# title', '\\# title'],
    ['> quote', '&gt; quote'],
    ['- item', '\\- item'],
    [
      '**b** _i_ ~~s~~ [l](javascript:x)',
      '\\*\\*b\\*\\* \\_i\\_ \\~\\~s\\~\\~ \\[l\\](javascript:x)',
    ],
    ['a\u202Eb', 'ab'],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeMarkdownCell(input)).toBe(expected);
  });

  it('links a plain permalink and escapes anything else', () => {
    expect(markdownUrl('https://x.example/#/open/abc')).toBe('<https://x.example/#/open/abc>');
    expect(markdownUrl('javascript:alert(1)')).toBe('javascript:alert(1)');
    // Not a plain URL: escaped text, which no renderer links (MD-1).
    expect(markdownUrl('https://x/<b>')).toBe('https:\\//x/&lt;b&gt;');
    expect(markdownUrl('https://x/a|b')).toBe('https:\\//x/a\\|b');
  });
});
