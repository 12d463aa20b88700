/**
 * The bundled catalog as a committed golden file, so that every change of a rule, role, citation,
 * erratum, option or setting shows up as a diff to review. After an intended catalog change:
 *
 *   npx vitest run tests/unit/core/catalog/catalog-snapshot.test.ts -u
 *
 * then read the diff of tests/golden/catalog-snapshot.json before committing it.
 */
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';

describe('catalog snapshot', () => {
  it('matches the golden file tests/golden/catalog-snapshot.json', async () => {
    await expect(`${JSON.stringify(getCatalog(), null, 2)}\n`).toMatchFileSnapshot(
      '../../../golden/catalog-snapshot.json',
    );
  });
});
