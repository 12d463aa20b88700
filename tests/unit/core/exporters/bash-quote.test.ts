import { execFileSync } from 'node:child_process';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  bashArray,
  bashComment,
  bashLiteral,
  bashQuote,
  bashSanitize,
} from '@/core/exporters/bash-quote';

/** What bash makes of `words` (one or more shell words): printf %s of them, concatenated. */
function bashPrintf(words: string): string {
  // --norc: bash reads ~/.bashrc when its stdin looks like a remote shell's.
  return execFileSync('bash', ['--norc', '--noprofile', '-c', `printf %s ${words}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C.UTF-8' },
  });
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Characters that matter to bash parsing, plus anything else (NUL excepted: no bash string
// can hold it; lone surrogates excepted: they have no UTF-8 form to pass to bash).
const nasty = fc
  .oneof(
    fc.string({ unit: 'binary' }),
    fc
      .array(
        fc.constantFrom(
          "'",
          '"',
          '\\',
          '$',
          '$(',
          '`',
          '${',
          '}',
          '!',
          '!!',
          '#',
          ';',
          '&',
          '|',
          '<',
          '>',
          '(',
          ')',
          '*',
          '?',
          '[',
          '~',
          ' ',
          '\t',
          '\n',
          '\r',
          '\u2028',
          '\u00e9',
          '東',
          'x',
          '-',
        ),
      )
      .map((parts) => parts.join('')),
  )
  .filter((text) => !text.includes('\0') && !LONE_SURROGATE.test(text));

describe('bashQuote (SH-1: user strings are single-quoted bash literals)', () => {
  it('reads back identical through bash -c "printf %s <quoted>"', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        expect(bashPrintf(bashQuote(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('is one word: two literals side by side read back as the concatenation', () => {
    fc.assert(
      fc.property(nasty, nasty, (a, b) => {
        expect(bashPrintf(`${bashQuote(a)} ${bashQuote(b)}`)).toBe(a + b);
      }),
      { numRuns: 50 },
    );
  });

  it('has the shape of quoted runs joined by escaped quotes, nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(bashQuote(text)).toMatch(/^'[^']*'(\\''[^']*')*$/);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['', "''"],
    ["it's", "'it'\\''s'"],
    ['$(reboot) `id` ${HOME} "x" \\n', '\'$(reboot) `id` ${HOME} "x" \\n\''],
    ["'", "''\\'''"],
    ['a\0b', "'ab'"],
  ])('quotes %j as %s', (text, expected) => {
    expect(bashQuote(text)).toBe(expected);
  });
});

describe('bashLiteral', () => {
  it('never spans lines and reads back as the sanitized text', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const literal = bashLiteral(text);
        expect(literal).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
        expect(bashPrintf(literal)).toBe(bashSanitize(text));
      }),
      { numRuns: 100 },
    );
  });

  it('turns control characters, line terminators and bidi controls into spaces', () => {
    expect(bashSanitize('a\r\nb\u2028c\u202ed\u0007e')).toBe('a  b c d e');
    expect(bashLiteral('x\n$(id)')).toBe("'x $(id)'");
  });

  it('makes arrays of literals and one-line comments', () => {
    expect(bashArray(['a b', "c'd", ''])).toBe("('a b' 'c'\\''d' '')");
    expect(bashComment('  Agent\r\n server  ')).toBe('Agent server');
  });
});
