import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { bashQuote } from '@/core/exporters/bash-quote';
import { psQuote } from '@/core/exporters/powershell-quote';
import { scriptHostKeys, scriptKeyOf } from '@/core/exporters/script-host-keys';
import type { ReportHost } from '@/core/report/model';

function host(key: string, label: string, os: ReportHost['os'] = 'windows'): ReportHost {
  return {
    key,
    identity: key,
    label,
    address: '',
    addresses: [],
    roleNames: [],
    windows: os === 'windows',
    os,
    kind: 'host',
    firewall: os === 'other' ? 'appliance' : 'own',
    inbound: [],
    outbound: [],
  };
}

// A key: letters or digits first, then letters, marks, digits, '.', '_' or '-'; never '-' last.
const KEY_SHAPE = /^[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}._-]*$/u;
const PS_NUMBER =
  /^(0x[0-9a-f]+|0b[01]+|(\d+(\.\d*)?|\.\d+)(e-?\d+)?)(ul|us|uy|u|l|y|s|n|d)?(kb|mb|gb|tb|pb)?$/i;

const hostile = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc
    .array(
      fc.constantFrom(
        "'",
        '\u2019',
        '"',
        '$',
        '(',
        '`',
        '#',
        '\r\n',
        '\u2028',
        '\u202e',
        '\0',
        ';',
        '|',
        '&',
        '-',
        '.',
        '_',
        ' ',
        '1',
        'kb',
        '0x',
        'é',
        'e\u0301',
        '東京',
        'A',
        'a',
      ),
    )
    .map((parts) => parts.join('')),
);

describe('scriptKeyOf: a key made from the name typed in the plan', () => {
  it.each([
    ['Agent NYC', 'Agent-NYC'],
    ['AM Console', 'AM-Console'],
    ['  FS01  ', 'FS01'],
    ['fs01.corp.example.com', 'fs01.corp.example.com'],
    ['SQL_01 (primary)', 'SQL_01-primary'],
    ["Console'; Remove-Item C:\\ -Recurse; '", 'Console-Remove-Item-C-Recurse'],
    ['Agent $(Invoke-Evil) `n', 'Agent-Invoke-Evil-n'],
    ['東京 SIEM Łódź Zürich', '東京-SIEM-Łódź-Zürich'],
    ['Zu\u0308rich', 'Zürich'],
    ['Agent\r\nLine2', 'Agent-Line2'],
    ['Agent \u202eLON', 'Agent-LON'],
    ['...hidden_', 'hidden'],
    ['2019 DC', '2019-DC'],
    ['1kb', 'host-1kb'],
    ['0x10', 'host-0x10'],
    ['1e3', 'host-1e3'],
    ['42', 'host-42'],
    ['10.0.0.5', '10.0.0.5'],
    ['!!!', ''],
    ['', ''],
  ])('%j -> %j', (name, key) => {
    expect(scriptKeyOf(name)).toBe(key);
  });

  it('cuts a long name at a dash, to at most 48 characters', () => {
    const key = scriptKeyOf(`${'Storage '.repeat(10)}NYC`);
    expect(key).toBe('Storage-Storage-Storage-Storage-Storage-Storage');
    expect(Array.from(scriptKeyOf('東'.repeat(60)))).toHaveLength(48);
  });

  it('is safe unquoted on a PowerShell or bash command line, and a plain literal inside the scripts', () => {
    fc.assert(
      fc.property(hostile, (name) => {
        const key = scriptKeyOf(name);
        if (key === '') return;
        expect(key).toMatch(KEY_SHAPE);
        expect(key).not.toMatch(PS_NUMBER);
        expect(Array.from(key).length).toBeLessThanOrEqual(48);
        // Nothing to escape: the literal is the key between quotes.
        expect(psQuote(key)).toBe(`'${key}'`);
        expect(bashQuote(key)).toBe(`'${key}'`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('scriptHostKeys: one key per scripted host, unique, in the report order', () => {
  it('gives the second and third host of a name -2 and -3, without regard to case', () => {
    const keys = scriptHostKeys({
      hosts: [
        host('dev-1', 'FS01'),
        host('dev-2', 'fs01'),
        host('dev-3', 'FS01', 'linux'),
        host('dev-4', 'FS01-2'),
      ],
    });
    expect([...keys]).toEqual([
      ['dev-1', 'FS01'],
      ['dev-2', 'fs01-2'],
      ['dev-3', 'FS01-3'],
      ['dev-4', 'FS01-2-2'],
    ]);
  });

  it("uses the report's key for a name without a letter or digit, and names no appliance", () => {
    const keys = scriptHostKeys({
      hosts: [host('dev-3', '!!!'), host('dev-9', 'Filer', 'other'), host('console', 'Console')],
    });
    expect([...keys]).toEqual([
      ['dev-3', 'dev-3'],
      ['console', 'Console'],
    ]);
  });

  it('is unique without regard to case and deterministic, whatever the names', () => {
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 12 }), (names) => {
        const hosts = names.map((name, i) => host(`dev-${i}`, name, i % 3 ? 'windows' : 'linux'));
        const keys = [...scriptHostKeys({ hosts }).values()];
        expect(keys).toHaveLength(hosts.length);
        expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length);
        for (const key of keys) expect(key).toMatch(KEY_SHAPE);
        expect([...scriptHostKeys({ hosts }).values()]).toEqual(keys);
      }),
      { numRuns: 500 },
    );
  });
});
