/**
 * Every fact about an environment lives in the catalog: code reads catalog data and never
 * names an environment, role, option or port setting by its id. This test walks the string
 * literals (values and literal types, template heads included) of the code that must stay
 * generic and fails on any that equals a catalog id.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';

const CATALOG = getCatalog();

/** The code that must stay generic (the issue names these four places). */
const GENERIC_DIRS = [
  'src/core/resolve',
  'src/core/report',
  'src/core/wizard',
  'src/core/import',
  'src/features',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

export function catalogIds(): Map<string, string> {
  const ids = new Map<string, string>();
  for (const e of CATALOG.environments) ids.set(e.id, 'environment');
  for (const r of CATALOG.roles) ids.set(r.id, 'role');
  for (const o of CATALOG.options) ids.set(o.id, 'option');
  for (const s of CATALOG.settings) ids.set(s.id, 'port setting');
  return ids;
}

/** "file:line: 'id' (kind)" for each string literal in `text` that is a catalog id. */
export function literalIds(file: string, text: string, ids: Map<string, string>): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      // Module specifiers are paths, not ids.
      const isImport = ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent);
      const kind = ids.get(node.text);
      if (kind && !isImport) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${file}:${line + 1}: '${node.text}' (${kind})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('catalog ids in code', () => {
  const ids = catalogIds();

  it('knows the catalog ids (guard against an empty catalog making this test vacuous)', () => {
    expect(ids.get('linux')).toBe('environment');
    expect(ids.get('cee')).toBe('role');
    expect(ids.get('ceePlacement')).toBe('option');
    expect(ids.get('siemPort')).toBe('port setting');
  });

  it('finds an id in a value, a literal type and a template, not in an import path', () => {
    const code = [
      "import { x } from './linux';",
      "const a = 'ms-tenant';",
      "type B = 'ceePlacement' | 'other';",
      'const c = `siemPort`;',
      "const d = 'not-an-id';",
    ].join('\n');
    expect(literalIds('bad.ts', code, ids)).toEqual([
      "bad.ts:2: 'ms-tenant' (role)",
      "bad.ts:3: 'ceePlacement' (option)",
      "bad.ts:4: 'siemPort' (port setting)",
    ]);
  });

  it.each(GENERIC_DIRS)('%s names no environment, role, option or setting by id', (dir) => {
    const offenders = sourceFiles(dir).flatMap((file) =>
      literalIds(file, readFileSync(file, 'utf8'), ids),
    );
    expect(offenders).toEqual([]);
  });
});
