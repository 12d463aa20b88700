/**
 * The PowerShell exports parsed with a real PowerShell grammar: tree-sitter-powershell's
 * WebAssembly build, run by web-tree-sitter (no pwsh on these machines). A script passes when
 * its tree holds no ERROR and no MISSING node: the golden scripts, the scripts of the hostile
 * plans, and scripts of random hostile names. The grammar does not read the typographic quotes
 * U+2018-U+201B as quotes while PowerShell does, so they are mapped to ASCII ' first (else the
 * grammar and PowerShell would disagree on where a literal ends).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Language, Parser } from 'web-tree-sitter';

import { renderConnectivityCheck } from '@/core/exporters/connectivity-check-exporter';
import { renderPowerShell } from '@/core/exporters/powershell-exporter';
import { buildReport } from '@/core/report/build-report';

import { exportCatalog } from '../../../fixtures/catalogs';
import type { FixtureNames } from '../../../fixtures/resolution-fixture';
import {
  DEFAULT_NAMES,
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
  HOSTILE_NAMES,
} from '../../../fixtures/resolution-fixture';
import { wmiCatalog, wmiPlan, wmiResolution } from '../../../fixtures/wmi-fixture';

const require = createRequire(import.meta.url);
const GOLDEN = join(__dirname, '../../../golden');

let parser: Parser;

beforeAll(async () => {
  await Parser.init();
  const wasm = require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm');
  const language = await Language.load(readFileSync(wasm));
  parser = new Parser();
  parser.setLanguage(language);
});

/** The ERROR and MISSING nodes of the script's tree, as "line:column type" (none: it parses). */
export function grammarErrors(script: string): string[] {
  const text = script.replace(/^\uFEFF/, '').replace(/[\u2018-\u201B]/g, "'");
  const tree = parser.parse(text);
  if (!tree) return ['no tree'];
  const out: string[] = [];
  const cursor = tree.walk();
  let done = false;
  while (!done) {
    const node = cursor.currentNode;
    if (node.isError || node.isMissing) {
      out.push(
        `${node.startPosition.row + 1}:${node.startPosition.column + 1} ${node.isMissing ? 'MISSING' : 'ERROR'} ${node.type}`,
      );
    }
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
    }
  }
  tree.delete();
  return out;
}

function report(names: FixtureNames = DEFAULT_NAMES) {
  return buildReport({
    plan: fixturePlan(names),
    resolution: fixtureResolution(names),
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
  });
}

describe('PowerShell exports in the tree-sitter PowerShell grammar', () => {
  it('the checker fails a broken script (a missing brace, an unterminated string)', () => {
    expect(grammarErrors('if ($true) { Write-Host "x"\n')).not.toEqual([]);
    expect(grammarErrors("Write-Host 'unterminated\n")).not.toEqual([]);
    const golden = readFileSync(join(GOLDEN, 'firewall-rules.ps1'), 'utf8');
    expect(grammarErrors(golden.replace(/\}\s*$/, ''))).not.toEqual([]);
    expect(grammarErrors('Write-Host ‘smart quotes’\n')).toEqual([]);
  });

  const goldens = readdirSync(GOLDEN).filter((f) => f.endsWith('.ps1'));
  it.each(goldens)('the golden %s parses', (file) => {
    expect(grammarErrors(readFileSync(join(GOLDEN, file), 'utf8'))).toEqual([]);
  });

  it.each([
    ['firewall rules', renderPowerShell],
    ['connectivity check', renderConnectivityCheck],
  ] as const)('the %s script of the hostile plan parses', (_name, render) => {
    expect(grammarErrors(render(report(HOSTILE_NAMES)))).toEqual([]);
    const wmi = buildReport({
      plan: wmiPlan(HOSTILE_NAMES),
      resolution: wmiResolution(HOSTILE_NAMES),
      catalog: wmiCatalog,
      permalink: FIXTURE_PERMALINK,
      generatedAt: FIXTURE_DATE,
    });
    expect(grammarErrors(render(wmi))).toEqual([]);
  });

  it('scripts of random hostile names parse (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 30 });
    fc.assert(
      fc.property(text, text, text, (planName, console, agent1) => {
        const names = { ...DEFAULT_NAMES, planName, console, agent1 };
        expect(grammarErrors(renderPowerShell(report(names)))).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });
});
