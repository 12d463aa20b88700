/**
 * The catalog's rules as a committed, human-readable golden file: one line per rule, in catalog
 * order, so that a rule change shows up in review as a one-line diff (the JSON golden file
 * tests/golden/catalog-snapshot.json holds every field). After an intended catalog change:
 *
 *   npx vitest run tests/unit/core/catalog -u        (or UPDATE_SNAPSHOT=all npx vitest run ...)
 *
 * then read the diff of tests/golden/catalog-rules.txt before committing it.
 */
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { Catalog, CatalogRule, Citation, PortItem } from '@/core/catalog/model';

const SEPARATOR = ' | ';

function portText(item: PortItem, catalog: Catalog): string {
  switch (item.kind) {
    case 'port':
      return String(item.port);
    case 'range':
      return `${item.from}-${item.to}`;
    case 'named':
      return item.set;
    case 'setting': {
      const setting = catalog.settings.find((s) => s.id === item.setting);
      return `${item.setting}=${setting ? setting.default : '?'}`;
    }
  }
}

function citationText(citation: Citation): string {
  return `${citation.path}${citation.anchor}${citation.revision ? `@${citation.revision}` : ''}`;
}

/** A cloud rule's destination with its FQDNs: "microsoft-cloud [login.microsoftonline.com, ...]". */
function destinationText(rule: CatalogRule, catalog: Catalog): string {
  const endpoints = rule.cloudEndpoints;
  if (endpoints === undefined) return rule.destination;
  if (endpoints === 'forwarded') return `${rule.destination} [forwarded]`;
  const fqdns = endpoints.map((id) => catalog.cloudEndpoints.find((e) => e.id === id)?.fqdn ?? id);
  return `${rule.destination} [${fqdns.join(', ')}]`;
}

function ruleLine(rule: CatalogRule, catalog: Catalog): string {
  const vendor = rule.vendorRow;
  return [
    rule.id,
    rule.versions ? `${rule.environment} (${rule.versions.join(', ')})` : rule.environment,
    `${rule.source} -> ${destinationText(rule, catalog)}`,
    `${rule.transport} ${rule.ports.map((p) => portText(p, catalog)).join(', ')}`,
    rule.condition ? `if ${rule.condition.text}` : 'always',
    rule.supersededBy ? `${rule.basis}, superseded by ${rule.supersededBy}` : rule.basis,
    rule.errata?.length ? `errata ${rule.errata.join(', ')}` : 'no errata',
    vendor
      ? `vendor row: ${[vendor.table, vendor.direction, vendor.protocol, vendor.ports, vendor.description].join(' / ')}`
      : 'no vendor row',
    citationText(rule.citation),
  ].join(SEPARATOR);
}

function renderCatalogRules(catalog: Catalog): string {
  const header = [
    `# Catalog ${catalog.version}, ${catalog.docsRevision.repo}@${catalog.docsRevision.commit}: ${catalog.rules.length} rules, in catalog order.`,
    '# Generated from the catalog by tests/unit/core/catalog/catalog-rules-text.test.ts: do not edit by hand;',
    '# after a catalog change run `npx vitest run tests/unit/core/catalog -u` and review the diff.',
    '# One line per rule, fields separated by " | ":',
    '#   id | environment (versions, when narrower) | source -> destination [FQDNs of a cloud rule] |',
    '#   transport ports | condition |',
    '#   basis | errata | vendor row: table / direction / protocol / ports / description | citation path#anchor@revision',
    '# Ports: 445 a port, 49152-65535 a range, rpc-dynamic and wmi the named sets, agentPort=4498 a',
    '# configurable port with its default value.',
  ];
  return `${[...header, ...catalog.rules.map((rule) => ruleLine(rule, catalog))].join('\n')}\n`;
}

describe('catalog rules as text', () => {
  const catalog = getCatalog();

  it('has no field that holds the separator (each line reads unambiguously)', () => {
    for (const rule of catalog.rules) {
      expect(ruleLine(rule, catalog).split(SEPARATOR), rule.id).toHaveLength(9);
    }
  });

  it('matches the golden file tests/golden/catalog-rules.txt', async () => {
    await expect(renderCatalogRules(catalog)).toMatchFileSnapshot(
      '../../../golden/catalog-rules.txt',
    );
  });
});
