/**
 * The catalog's rule list is the concatenation of the rules arrays of src/data/rules-*.ts
 * (src/data/catalog.ts). Nothing filters by environment, so a rules array left out of that list
 * would silently drop its rules: this test imports every rules-* module and fails on a rule
 * missing from the catalog, a rule in it twice, or a rule that comes from no rules-* module.
 * Convention: a rules-* module exports only rules arrays, one per environment, named after it
 * (environment 'dell-isilon' -> DELL_ISILON_RULES).
 */
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { CatalogRule } from '@/core/catalog/model';

const modules = import.meta.glob<Record<string, unknown>>('/src/data/rules-*.ts', {
  eager: true,
});

interface RulesArray {
  module: string;
  name: string;
  rules: readonly CatalogRule[];
}

function isRule(value: unknown): value is CatalogRule {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as CatalogRule).id === 'string' &&
    typeof (value as CatalogRule).environment === 'string'
  );
}

const exported: { module: string; name: string; value: unknown }[] = Object.entries(
  modules,
).flatMap(([module, exports]) =>
  Object.entries(exports).map(([name, value]) => ({ module, name, value })),
);
const arrays: RulesArray[] = exported.flatMap(({ module, name, value }) =>
  Array.isArray(value) && value.every(isRule) ? [{ module, name, rules: value }] : [],
);
const catalog = getCatalog();

function expectedName(environment: string): string {
  return `${environment.toUpperCase().replace(/-/g, '_')}_RULES`;
}

describe('src/data rules-* modules', () => {
  it('are found (the glob matches the rule files)', () => {
    expect(Object.keys(modules)).toContain('/src/data/rules-core.ts');
    expect(Object.keys(modules).length).toBeGreaterThanOrEqual(6);
  });

  it('export only non-empty rules arrays', () => {
    const other = exported
      .filter(({ value }) => !(Array.isArray(value) && value.length > 0 && value.every(isRule)))
      .map(({ module, name }) => `${module}: ${name}`);
    expect(other).toEqual([]);
  });

  it('export one array per environment, named after it', () => {
    const wrong = arrays.flatMap(({ module, name, rules }) => {
      const environments = [...new Set(rules.map((r) => r.environment))];
      return environments.length === 1 && name === expectedName(environments[0] ?? '')
        ? []
        : [`${module}: ${name} holds ${environments.join(', ')}`];
    });
    expect(wrong).toEqual([]);
  });

  it('put every rule in the catalog exactly once', () => {
    const counts = arrays.flatMap(({ module, name, rules }) =>
      rules.map((rule) => ({
        where: `${module}: ${name}: ${rule.id}`,
        times: catalog.rules.filter((r) => r === rule).length,
      })),
    );
    expect(counts.filter((c) => c.times !== 1).map((c) => `${c.where} x${c.times}`)).toEqual([]);
  });

  it('are the only source of the catalog rules', () => {
    const fromModules = new Set(arrays.flatMap((a) => a.rules));
    expect(catalog.rules.filter((r) => !fromModules.has(r)).map((r) => r.id)).toEqual([]);
    expect(catalog.rules.length).toBe(fromModules.size);
  });
});
