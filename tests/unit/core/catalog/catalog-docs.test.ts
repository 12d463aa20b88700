/** docs/catalog.md must list every erratum and every inferred rule (keeps the docs true). */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';

const doc = readFileSync(new URL('../../../../docs/catalog.md', import.meta.url), 'utf8');
const catalog = getCatalog();

describe('docs/catalog.md', () => {
  it('states the catalog version', () => {
    expect(doc).toContain(`\`${catalog.version}\``);
  });

  it.each(catalog.errata.map((e) => [e.id, e.title]))('lists erratum %s (%s)', (id, title) => {
    expect(doc).toContain(`### ${id}: ${title}`);
  });

  it.each(catalog.errata.map((e) => [e.id, e] as const))(
    'shows erratum %s word for word, with its sources and rules',
    (_id, e) => {
      const rules = catalog.rules.filter((r) => (r.errata ?? []).includes(e.id));
      const sources = e.sources.map((c) => `\`${c.path}${c.revision ? `@${c.revision}` : ''}\``);
      expect(doc).toContain(
        [
          `### ${e.id}: ${e.title}`,
          '',
          `- **Vendor page says:** ${e.says}`,
          `- **Reading applied:** ${e.reading}`,
          `- **Evidence:** ${e.evidence}`,
          `- **Sources:** ${sources.join(', ')}`,
          `- **Rules:** ${rules.map((r) => `\`${r.id}\``).join(', ')}`,
        ].join('\n'),
      );
    },
  );

  it.each(catalog.rules.filter((r) => r.basis === 'inferred').map((r) => [r.id]))(
    'lists inferred rule %s',
    (id) => {
      expect(doc).toContain(`\`${id}\``);
    },
  );

  it.each(catalog.rules.filter((r) => r.basis === 'documented' && !r.vendorRow).map((r) => [r.id]))(
    'lists documented rule %s beyond the vendor page',
    (id) => {
      expect(doc).toContain(`\`${id}\``);
    },
  );

  it('states the totals', () => {
    const inferred = catalog.rules.filter((r) => r.basis === 'inferred').length;
    const vendorRows = catalog.rules.filter((r) => r.vendorRow).length;
    expect(doc).toContain(
      `${catalog.environments.length} environments, ${catalog.rules.length} rules: ${vendorRows} vendor rows`,
    );
    expect(doc).toContain(`${inferred} inferred rules`);
  });
});
