import type { ExecFileSyncOptionsWithStringEncoding } from 'node:child_process';
import { execFileSync, spawnSync } from 'node:child_process';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  bashArray,
  bashComment,
  bashLiteral,
  bashQuote,
  bashSanitize,
} from '@/core/exporters/bash-quote';

const BASH_OPTIONS: ExecFileSyncOptionsWithStringEncoding = {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C.UTF-8' },
};

/** Processes started for single cases (outside a batch): 0 while every property holds. */
let singleRuns = 0;

/** What bash makes of `words` (one or more shell words): printf %s of them, concatenated. */
function bashPrintf(words: string): string {
  singleRuns += 1;
  // --norc: bash reads ~/.bashrc when its stdin looks like a remote shell's.
  return execFileSync('bash', ['--norc', '--noprofile', '-c', `printf %s ${words}`], BASH_OPTIONS);
}

/**
 * The same for many entries in ONE bash process: each entry is parsed on its own (eval of
 * "printf %s <entry>", as bash -c parses it), its output ended by a NUL, which no bash string
 * can hold. Null when bash complained or the outputs cannot be told apart (an entry ended bash
 * or printed a NUL): then each case runs on its own.
 */
function bashPrintfAll(entries: readonly string[]): string[] | null {
  const loop = 'for words in "$@"; do eval "printf %s $words"; printf "\\0"; done';
  const run = spawnSync('bash', ['--norc', '--noprofile', '-c', loop, 'bash', ...entries], {
    ...BASH_OPTIONS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const outputs = run.stdout.split('\0').slice(0, -1);
  return run.status === 0 && run.stderr === '' && outputs.length === entries.length
    ? outputs
    : null;
}

/**
 * fc.assert through bash without a process per case, so that no test depends on the machine's
 * speed: a first pass collects the cases fast-check generates for a seed, one bash process reads
 * them all, then fc.assert runs with the same seed against those outputs. Only the shrinking
 * after a failure (new cases) starts bash per case.
 */
function assertThroughBash<T>(
  arbitrary: fc.Arbitrary<T>,
  words: (value: T) => string,
  check: (output: string, value: T) => void,
  numRuns: number,
): void {
  const seed = Math.floor(Math.random() * 0x7fffffff);
  const entries: string[] = [];
  fc.check(
    fc.property(arbitrary, (value) => {
      entries.push(words(value));
    }),
    { seed, numRuns },
  );
  const outputs = bashPrintfAll(entries);
  const known = new Map(outputs ? entries.map((entry, i) => [entry, outputs[i] ?? '']) : []);
  const before = singleRuns;
  fc.assert(
    fc.property(arbitrary, (value) => {
      const entry = words(value);
      check(known.get(entry) ?? bashPrintf(entry), value);
    }),
    { seed, numRuns },
  );
  // Every case was answered by the one batch (the two passes generated the same cases).
  expect(singleRuns - before).toBe(0);
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
    assertThroughBash(
      nasty,
      (text) => bashQuote(text),
      (output, text) => expect(output).toBe(text),
      300,
    );
  });

  it('is one word: two literals side by side read back as the concatenation', () => {
    assertThroughBash(
      fc.tuple(nasty, nasty),
      ([a, b]) => `${bashQuote(a)} ${bashQuote(b)}`,
      (output, [a, b]) => expect(output).toBe(a + b),
      50,
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
    assertThroughBash(
      nasty,
      (text) => bashLiteral(text),
      (output, text) => {
        expect(bashLiteral(text)).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
        expect(output).toBe(bashSanitize(text));
      },
      100,
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
