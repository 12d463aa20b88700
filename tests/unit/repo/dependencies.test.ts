import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string }>;
};

describe('dependencies', () => {
  const all = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies });

  it.each(all)('%s is pinned to an exact version', (_name, version) => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each(all)('%s in the lockfile matches its pin', (name, version) => {
    expect(lock.packages[`node_modules/${name}`]?.version).toBe(version);
  });

  it('keeps the heavy PDF library out of the production graph of the first load', () => {
    // jspdf is a dependency, but only src/core/exporters/pdf-exporter.ts imports it, lazily.
    const source = readFileSync('src/core/exporters/pdf-exporter.ts', 'utf8');
    expect(source).not.toMatch(/^import[^;]*from 'jspdf/m);
    expect(source).toMatch(/import\('jspdf'\)/);
  });

  it('loads the graph layout (dagre) only with the zones diagram, and that only lazily', () => {
    const files = execFileSync('git', ['ls-files', 'src'], { encoding: 'utf8' }).trim().split('\n');
    const sources = files.filter((f) => /\.tsx?$/.test(f));
    const valueImport = (module: string) =>
      new RegExp(`^import (?!type\\b)[^;]*from '${module}'`, 'm');
    expect(
      sources.filter((f) => valueImport('@dagrejs/dagre').test(readFileSync(f, 'utf8'))),
    ).toEqual(['src/core/zones/diagram.ts']);
    expect(
      sources.filter((f) =>
        valueImport('(@/core/zones|\\.)/diagram').test(readFileSync(f, 'utf8')),
      ),
    ).toEqual([]);
    expect(readFileSync('src/features/planner/network/load-zones-diagram.ts', 'utf8')).toContain(
      "import('@/core/zones/diagram')",
    );
  });

  it('loads the CSV reader (papaparse) only when the paste dialog opens', () => {
    // Only the sheet reader imports papaparse; no module imports the reader but lazily.
    const importers = [
      ['src/features/planner/devices/paste-devices-dialog.tsx', 'device'],
      ['src/features/planner/topology/paste-agents-dialog.tsx', 'agent'],
    ] as const;
    for (const [file, kind] of importers) {
      const source = readFileSync(file, 'utf8');
      expect(source).not.toMatch(
        new RegExp(`^import (?!type)[^;]*from '@/core/import/${kind}-sheet'`, 'm'),
      );
      expect(source).toContain(`import('@/core/import/${kind}-sheet')`);
    }
    // Value imports (not type-only ones) of papaparse or the reader, across src.
    const files = execFileSync('git', ['ls-files', 'src'], { encoding: 'utf8' }).trim().split('\n');
    const valueImport =
      /^import (?!type\b)[^;]*from '(papaparse|@\/core\/import\/(device|agent)-sheet)'/m;
    const users = files.filter(
      (f) => /\.tsx?$/.test(f) && valueImport.test(readFileSync(f, 'utf8')),
    );
    expect(users).toEqual(['src/core/import/agent-sheet.ts', 'src/core/import/device-sheet.ts']);
  });

  it('keeps the virtualizer to the devices table rows (in the lazy planner chunk)', () => {
    // @tanstack/react-virtual is imported by windowed-rows.tsx alone, under features/planner,
    // which the router loads lazily: it stays out of the first load.
    const files = execFileSync('git', ['ls-files', 'src'], { encoding: 'utf8' }).trim().split('\n');
    const users = files.filter(
      (f) =>
        /\.tsx?$/.test(f) &&
        /^import (?!type\b)[^;]*from '@tanstack\//m.test(readFileSync(f, 'utf8')),
    );
    expect(users).toEqual(['src/features/planner/devices/windowed-rows.tsx']);
  });
});
