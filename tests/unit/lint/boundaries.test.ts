import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

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
