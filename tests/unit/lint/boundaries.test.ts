import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

// The layer rules of docs/architecture.md, enforced by eslint.config.js: each bad import fails.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries', () => {
  it.each([
    [
      'react in core',
      "import { useState } from 'react';\nexport const x = useState;\n",
      'src/core/plan/bad.ts',
    ],
    [
      'MUI in core',
      "import Button from '@mui/material/Button';\nexport const x = Button;\n",
      'src/core/plan/bad.ts',
    ],
    [
      'zustand in core',
      "import { create } from 'zustand';\nexport const x = create;\n",
      'src/core/plan/bad.ts',
    ],
    [
      'the router in core',
      "import { Link } from 'react-router';\nexport const x = Link;\n",
      'src/core/plan/bad.ts',
    ],
    [
      'the store in core',
      "import { useAppStore } from '@/state/store';\nexport const x = useAppStore;\n",
      'src/core/plan/bad.ts',
    ],
    [
      'the icon barrel',
      "import { Add } from '@mui/icons-material';\nexport const x = Add;\n",
      'src/components/bad.tsx',
    ],
    [
      'another feature',
      "import { HomePage } from '@/features/home/home-page';\nexport const x = HomePage;\n",
      'src/features/planner/bad.tsx',
    ],
    [
      'another feature, from a sub-folder of a feature',
      "import { HomePage } from '../../home/home-page';\nexport const x = HomePage;\n",
      'src/features/planner/review/bad.tsx',
    ],
    [
      'the store in shared UI',
      "import { useAppStore } from '@/state/store';\nexport const x = useAppStore;\n",
      'src/components/bad.tsx',
    ],
    [
      'a feature in shared UI',
      "import { HomePage } from '@/features/home/home-page';\nexport const x = HomePage;\n",
      'src/components/bad.tsx',
    ],
    [
      'browser helpers in shared UI',
      "import { downloadFile } from '@/lib/download-file';\nexport const x = downloadFile;\n",
      'src/components/bad.tsx',
    ],
    [
      'the app in shared UI',
      "import { theme } from '@/app/theme';\nexport const x = theme;\n",
      'src/components/bad.tsx',
    ],
    [
      'the router in shared UI',
      "import { Link } from 'react-router';\nexport const x = Link;\n",
      'src/components/bad.tsx',
    ],
    [
      'a deep MUI import',
      "import x from '@mui/material/Button/Button';\nexport const y = x;\n",
      'src/features/planner/bad.tsx',
    ],
  ])('rejects %s', async (_label, code, filePath) => {
    expect(await ruleIds(code, filePath)).toContain('no-restricted-imports');
  });

  it.each([
    ['window in core', 'export const x = window.innerWidth;\n', 'src/core/plan/bad.ts'],
    [
      'localStorage in core',
      "export const x = localStorage.getItem('k');\n",
      'src/core/plan/bad.ts',
    ],
    ['document in core', 'export const x = document.title;\n', 'src/core/plan/bad.ts'],
    ['window in the command line', 'export const x = window.innerWidth;\n', 'src/cli/bad.ts'],
    [
      'localStorage outside lib',
      "export const x = localStorage.getItem('k');\n",
      'src/features/planner/bad.tsx',
    ],
    [
      'window outside lib',
      'export const x = () => window.scrollTo({ top: 0 });\n',
      'src/app/bad.tsx',
    ],
  ])('rejects %s', async (_label, code, filePath) => {
    expect(await ruleIds(code, filePath)).toContain('no-restricted-globals');
  });

  it.each([
    [
      'dangerouslySetInnerHTML',
      'export const X = (p: { h: string }) => <div dangerouslySetInnerHTML={{ __html: p.h }} />;\n',
    ],
    ['innerHTML', 'export const f = (e: HTMLElement, h: string) => {\n  e.innerHTML = h;\n};\n'],
    [
      'insertAdjacentHTML',
      "export const f = (e: HTMLElement, h: string) => e.insertAdjacentHTML('beforeend', h);\n",
    ],
  ])('rejects HTML from strings: %s', async (_label, code) => {
    expect(await ruleIds(code, 'src/features/planner/bad.tsx')).toContain('no-restricted-syntax');
  });

  it('rejects any and unmarked type imports', async () => {
    const ids = await ruleIds(
      "import { Plan } from '@/core/plan/model';\nexport const f = (p: any): Plan => p;\n",
      'src/core/plan/bad.ts',
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        '@typescript-eslint/no-explicit-any',
        '@typescript-eslint/consistent-type-imports',
      ]),
    );
  });

  it('accepts shared UI that imports core functions and types', async () => {
    const ids = await ruleIds(
      "import type { PortValue } from '@/core/plan/model';\nimport { validatePortInRange } from '@/core/validate/port';\nexport const f = (v: PortValue) => validatePortInRange(String(v), 1, 2);\n",
      'src/components/good.ts',
    );
    expect(ids).toEqual([]);
  });

  it('accepts a clean core module', async () => {
    const ids = await ruleIds(
      "import type { Plan } from '@/core/plan/model';\nexport const name = (p: Plan): string => p.name;\n",
      'src/core/plan/good.ts',
    );
    expect(ids).toEqual([]);
  });
});

// One bad import per cell of the layer table (docs/architecture.md), by alias and by relative path.
const imports = (from: string) => `import { x } from '${from}';\nexport const y = x;\n`;

describe('the layer table', () => {
  it.each([
    // src/core: no outer layer, no config; the data only through core/catalog.
    ['core', 'a relative path to the store', '../../state/store', 'src/core/plan/bad.ts'],
    ['core', 'config', '@/config/paths', 'src/core/plan/bad.ts'],
    ['core', 'lib', '@/lib/storage', 'src/core/plan/bad.ts'],
    ['core', 'components', '@/components/confirm-dialog', 'src/core/plan/bad.ts'],
    ['core', 'app', '@/app/theme', 'src/core/plan/bad.ts'],
    ['core', 'the data outside core/catalog', '@/data/catalog', 'src/core/resolve/bad.ts'],
    // src/data: other data files and core/catalog/model types, nothing else.
    ['data', 'an npm package', 'valibot', 'src/data/bad.ts'],
    ['data', 'core beyond catalog/model', '@/core/plan/model', 'src/data/bad.ts'],
    ['data', 'a value from core/catalog/model', '@/core/catalog/model', 'src/data/bad.ts'],
    ['data', 'the store', '@/state/store', 'src/data/bad.ts'],
    // src/state: core, lib, zustand and react (hooks over the store).
    ['state', 'a feature', '@/features/planner/planner-page', 'src/state/bad.ts'],
    ['state', 'app', '@/app/theme', 'src/state/bad.ts'],
    ['state', 'MUI', '@mui/material/Button', 'src/state/bad.ts'],
    ['state', 'components', '@/components/confirm-dialog', 'src/state/bad.ts'],
    ['state', 'the router', 'react-router', 'src/state/bad.ts'],
    ['state', 'a relative path to a feature', '../features/home/home-page', 'src/state/bad.ts'],
    // src/lib: core only.
    ['lib', 'the store', '@/state/store', 'src/lib/bad.ts'],
    ['lib', 'a relative path to the store', '../state/store', 'src/lib/bad.ts'],
    ['lib', 'a feature', '@/features/planner/planner-page', 'src/lib/bad.ts'],
    ['lib', 'app', '@/app/theme', 'src/lib/bad.ts'],
    ['lib', 'components', '@/components/confirm-dialog', 'src/lib/bad.ts'],
    ['lib', 'React', 'react', 'src/lib/bad.ts'],
    // src/cli: core and data (and Node) only.
    ['cli', 'the store', '@/state/store', 'src/cli/bad.ts'],
    ['cli', 'lib', '@/lib/location', 'src/cli/bad.ts'],
    ['cli', 'a relative path to lib', '../lib/location', 'src/cli/bad.ts'],
    ['cli', 'a feature', '@/features/planner/export/export-buttons', 'src/cli/bad.ts'],
    ['cli', 'components', '@/components/confirm-dialog', 'src/cli/bad.ts'],
    ['cli', 'config', '@/config/paths', 'src/cli/bad.ts'],
    ['cli', 'app', '@/app/theme', 'src/cli/bad.ts'],
    ['cli', 'React', 'react', 'src/cli/bad.ts'],
    ['cli', 'MUI', '@mui/material/Button', 'src/cli/bad.ts'],
    // src/components: react, MUI and core (types and pure functions).
    ['components', 'the store', '@/state/store', 'src/components/bad.tsx'],
    ['components', 'a feature', '@/features/planner/planner-page', 'src/components/bad.tsx'],
    ['components', 'app', '@/app/theme', 'src/components/bad.tsx'],
    ['components', 'lib', '@/lib/clipboard', 'src/components/bad.tsx'],
    ['components', 'a relative path to lib', '../lib/clipboard', 'src/components/bad.tsx'],
    ['components', 'zustand', 'zustand', 'src/components/bad.tsx'],
    ['components', 'the router', 'react-router', 'src/components/bad.tsx'],
    // src/features/<x>: not another feature, not app, not the data, not zustand itself.
    [
      'features',
      'a relative path to another feature',
      '../home/home-page',
      'src/features/planner/bad.tsx',
    ],
    [
      'features',
      'another feature from a sub-folder',
      '../../reference/reference-page',
      'src/features/planner/steps/bad.tsx',
    ],
    ['features', 'app', '@/app/theme', 'src/features/planner/bad.tsx'],
    ['features', 'the data', '@/data/catalog', 'src/features/reference/bad.tsx'],
    ['features', 'zustand', 'zustand', 'src/features/home/bad.tsx'],
  ])('%s must not import %s', async (_layer, _label, from, filePath) => {
    expect(await ruleIds(imports(from), filePath)).toContain('no-restricted-imports');
  });

  it.each([
    ['core/catalog', 'the data', imports('@/data/catalog'), 'src/core/catalog/good.ts'],
    [
      'core',
      'valibot',
      "import * as v from 'valibot';\nexport const y = v;\n",
      'src/core/plan/good.ts',
    ],
    [
      'data',
      'other data and core/catalog/model types',
      "import type { Role } from '@/core/catalog/model';\n\nimport { x } from './roles';\n\nexport const y: Role[] = x;\n",
      'src/data/good.ts',
    ],
    ['state', 'lib', imports('@/lib/storage'), 'src/state/good.ts'],
    ['state', 'core', imports('@/core/plan/model'), 'src/state/good.ts'],
    ['state', 'zustand', imports('zustand'), 'src/state/good.ts'],
    ['lib', 'core', imports('@/core/plan/model'), 'src/lib/good.ts'],
    ['cli', 'core', imports('@/core/plan/model'), 'src/cli/good.ts'],
    ['cli', 'the data', imports('@/data/catalog'), 'src/cli/good.ts'],
    ['cli', 'Node', imports('node:fs'), 'src/cli/good.ts'],
    [
      'components',
      'MUI and core types',
      "import Button from '@mui/material/Button';\n\nimport type { Plan } from '@/core/plan/model';\n\nexport const y = (p: Plan) => [Button, p];\n",
      'src/components/good.tsx',
    ],
    ['features', 'state', imports('@/state/store'), 'src/features/planner/good.tsx'],
    [
      'features',
      'components',
      imports('@/components/confirm-dialog'),
      'src/features/planner/good.tsx',
    ],
    ['features', 'lib', imports('@/lib/clipboard'), 'src/features/planner/good.tsx'],
    ['features', 'config', imports('@/config/paths'), 'src/features/planner/good.tsx'],
    ['features', 'the router', imports('react-router'), 'src/features/planner/good.tsx'],
    [
      'features',
      'its own sub-folders',
      imports('./steps/devices-step'),
      'src/features/planner/good.tsx',
    ],
    ['state', 'react (a hook over the store)', imports('react'), 'src/state/good.ts'],
    ['app', 'a feature', imports('@/features/planner/planner-page'), 'src/app/good.tsx'],
  ])('%s may import %s', async (_layer, _label, code, filePath) => {
    expect(await ruleIds(code, filePath)).toEqual([]);
  });
});

describe('import cycles (import-x/no-cycle)', () => {
  // Two real files, linted with the repository's config: the rule follows imports on disk.
  const root = mkdtempSync(join(tmpdir(), 'lint-cycle-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const lint = async (path: string) => {
    const eslint = new ESLint({ cwd: root, overrideConfigFile: resolve('eslint.config.js') });
    const [result] = await eslint.lintFiles([join(root, path)]);
    return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
  };

  it('rejects two modules that import each other', async () => {
    write(
      'src/core/cycle/a.ts',
      "import { b } from './b';\nexport const a = (): number => b() + 1;\n",
    );
    write(
      'src/core/cycle/b.ts',
      "import { a } from './a';\nexport const b = (): number => a() - 1;\n",
    );
    expect(await lint('src/core/cycle/a.ts')).toContain('import-x/no-cycle');
    expect(await lint('src/core/cycle/b.ts')).toContain('import-x/no-cycle');
  });

  it('accepts the same two modules without the cycle, and a cycle of type imports only', async () => {
    write(
      'src/core/line/a.ts',
      "import { b } from './b';\nexport const a = (): number => b() + 1;\n",
    );
    write('src/core/line/b.ts', 'export const b = (): number => 1;\n');
    write(
      'src/core/types/a.ts',
      "import type { B } from './b';\nexport interface A {\n  b?: B;\n}\n",
    );
    write(
      'src/core/types/b.ts',
      "import type { A } from './a';\nexport interface B {\n  a?: A;\n}\n",
    );
    expect(await lint('src/core/line/a.ts')).toEqual([]);
    expect(await lint('src/core/types/a.ts')).toEqual([]);
  });
});

describe('import order (import-x/order)', () => {
  const valid = [
    "import * as v from 'valibot';",
    '',
    "import type { Plan } from '@/core/plan/model';",
    "import { createDefaultPlan } from '@/core/plan/model';",
    '',
    "import { sibling } from './sibling';",
    '',
    'export const x = [v, createDefaultPlan, sibling] as const;',
    'export type P = Plan;',
    '',
  ].join('\n');

  it('accepts packages, then @/ aliases, then relative paths, each group apart', async () => {
    expect(await ruleIds(valid, 'src/core/plan/good.ts')).toEqual([]);
  });

  it.each([
    [
      'an alias before a package',
      "import { createDefaultPlan } from '@/core/plan/model';\n\nimport * as v from 'valibot';\n\nexport const x = [v, createDefaultPlan];\n",
    ],
    [
      'a relative path before an alias',
      "import { sibling } from './sibling';\n\nimport { createDefaultPlan } from '@/core/plan/model';\n\nexport const x = [sibling, createDefaultPlan];\n",
    ],
    [
      'two groups without a blank line',
      "import * as v from 'valibot';\nimport { createDefaultPlan } from '@/core/plan/model';\n\nexport const x = [v, createDefaultPlan];\n",
    ],
    [
      'aliases out of alphabetical order',
      "import { validateAddress } from '@/core/validate/validate-address';\nimport { createDefaultPlan } from '@/core/plan/model';\n\nexport const x = [validateAddress, createDefaultPlan];\n",
    ],
  ])('rejects %s', async (_label, code) => {
    expect(await ruleIds(code, 'src/core/plan/bad.ts')).toContain('import-x/order');
  });
});
