import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { ruleIdOf } from '@/core/resolve/rule-ids';

describe('rule IDs', () => {
  it.each([
    [0, 1, 'R01'],
    [6, 12, 'R07'],
    [98, 99, 'R99'],
    [0, 100, 'R001'],
    [119, 120, 'R120'],
    [0, 1050, 'R0001'],
  ])('rule %i of %i is %s', (index, total, id) => {
    expect(ruleIdOf(index, total)).toBe(id);
  });

  it('gives distinct IDs of one width that sort as text in rule order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), (total) => {
        const ids = Array.from({ length: total }, (_, i) => ruleIdOf(i, total));
        expect(new Set(ids).size).toBe(total);
        expect(new Set(ids.map((id) => id.length)).size).toBe(1);
        expect([...ids].sort()).toEqual(ids);
      }),
      { numRuns: 50 },
    );
  });
});
