import { describe, expect, it } from 'vitest';

import type { LinkMigration } from '@/core/permalink/migrations';
import { LINK_MIGRATIONS, migrateCompact, PERMALINK_VERSION } from '@/core/permalink/migrations';

/** A pretend history: v1 -> v2 renames "n" to "title", v2 -> v3 wraps devices. */
const STEPS: LinkMigration[] = [
  {
    fromVersion: 1,
    name: 'v2-rename-name',
    up: ({ n, ...rest }) => ({ ...rest, ...(n === undefined ? {} : { title: n }) }),
  },
  {
    fromVersion: 2,
    name: 'v3-wrap-devices',
    up: (c) => ({ ...c, d: { list: c.d ?? [] } }),
  },
];

describe('link migrations', () => {
  it('has one ordered step per version below the current one', () => {
    expect(LINK_MIGRATIONS.map((m) => m.fromVersion)).toEqual(
      Array.from({ length: PERMALINK_VERSION - 1 }, (_, i) => i + 1),
    );
    expect(new Set(LINK_MIGRATIONS.map((m) => m.name)).size).toBe(LINK_MIGRATIONS.length);
  });

  it('leaves a current-version compact form as it is', () => {
    expect(migrateCompact({ n: 'x' }, PERMALINK_VERSION)).toEqual({
      ok: true,
      compact: { n: 'x' },
      applied: [],
    });
  });

  it('runs the steps in order from the link version up to the target', () => {
    expect(migrateCompact({ n: 'Plan', d: [1] }, 1, STEPS, 3)).toEqual({
      ok: true,
      compact: { title: 'Plan', d: { list: [1] } },
      applied: ['v2-rename-name', 'v3-wrap-devices'],
    });
    expect(migrateCompact({ d: [] }, 2, STEPS, 3)).toMatchObject({
      ok: true,
      applied: ['v3-wrap-devices'],
    });
  });

  it('reports a missing step, a throwing step and a step that returns no object', () => {
    expect(migrateCompact({}, 1, STEPS.slice(1), 3)).toEqual({
      ok: false,
      error: 'no migration from link version 1',
    });
    const throwing: LinkMigration = {
      fromVersion: 1,
      name: 'v2-broken',
      up: () => {
        throw new Error('boom');
      },
    };
    expect(migrateCompact({}, 1, [throwing], 2)).toEqual({
      ok: false,
      error: 'migration "v2-broken" failed: Error: boom',
    });
    const empty: LinkMigration = {
      fromVersion: 1,
      name: 'v2-empty',
      up: () => [] as unknown as Record<string, unknown>,
    };
    expect(migrateCompact({}, 1, [empty], 2)).toMatchObject({ ok: false });
  });

  it.each([[null], [[]], ['text'], [3]])('rejects %j as a compact form', (value) => {
    expect(migrateCompact(value, 1)).toMatchObject({ ok: false });
  });
});
