import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { ruleIdOf, ruleIdRanges } from '@/core/resolve/rule-ids';

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

  it.each([
    [[], ''],
    [['R07'], 'R07'],
    [['R03', 'R04'], 'R03, R04'],
    [['R03', 'R04', 'R05', 'R09'], 'R03-R05, R09'],
    [['R009', 'R010', 'R011', 'R020', 'R021'], 'R009-R011, R020, R021'],
    [['R05', 'R04', 'R03'], 'R05, R04, R03'],
    [['R01', 'X', 'R02'], 'R01, X, R02'],
  ])('writes %j compactly as %j', (ids, text) => {
    expect(ruleIdRanges(ids)).toBe(text);
  });

  it('names every ID it is given, and no other (ranges expanded back)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 60 }),
        (indexes) => {
          const ids = [...indexes].sort((a, b) => a - b).map((i) => ruleIdOf(i, 201));
          const expanded = ruleIdRanges(ids)
            .split(', ')
            .filter((part) => part !== '')
            .flatMap((part) => {
              const [from, to] = part.split('-');
              const a = Number(from?.slice(1));
              const b = to === undefined ? a : Number(to.slice(1));
              return Array.from({ length: b - a + 1 }, (_, k) => ruleIdOf(a + k - 1, 201));
            });
          expect(expanded).toEqual(ids);
        },
      ),
      { numRuns: 200 },
    );
  });
});
