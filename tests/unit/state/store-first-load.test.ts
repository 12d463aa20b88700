/**
 * The store is in the first load (the home page reads it); the plan's edit functions
 * (core/plan/edit.ts and the validators it imports) are not: the planner's page provides them
 * (src/state/plan-edits.ts, store.ts providePlanEdits). An `import` of edit.ts into store.ts other
 * than a type import would bring 14.6 kB (minified) back into the first load (docs/performance.md;
 * `npm run budget` measures it).
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

const source = (path: string) => readFileSync(path, 'utf8');

describe('the store and the first load', () => {
  it('imports the plan edit module as types only', () => {
    const imports = [...source('src/state/store.ts').matchAll(/^import[^;]*?from '([^']+)';/gms)];
    const ofEdit = imports.filter((m) => m[1] === '@/core/plan/edit').map((m) => m[0]);
    expect(ofEdit).toEqual(["import type * as edit from '@/core/plan/edit';"]);
  });

  it('gets the edit functions from plan-edits.ts, which the planner page imports', () => {
    expect(source('src/state/plan-edits.ts')).toContain('providePlanEdits(edit);');
    expect(source('src/features/planner/shell/planner-page.tsx')).toMatch(
      /^import '@\/state\/plan-edits';$/m,
    );
  });
});
