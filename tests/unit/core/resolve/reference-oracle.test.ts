/**
 * The oracle of real-catalog.test.ts is in the repository (tests/fixtures/reference): every
 * vendor-page quote ("P"), facts section ("F §n") and review finding ("review 2 Pn", "Mn") it
 * cites is there, so a clean clone can check each expected flow against its source.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const REFERENCE = '../../../fixtures/reference/';
const test = read('./real-catalog.test.ts');
const page = read(`${REFERENCE}activity-agent-ports.md`);
const facts = read(`${REFERENCE}netwrix-docs-facts.md`);
const review = read(`${REFERENCE}catalog-review-2.md`);

const unique = (list: string[]) => [...new Set(list)].sort();
const quotes = unique([...test.matchAll(/\bP "([^"]+)"/g)].map((m) => m[1] ?? ''));
const sections = unique([...test.matchAll(/§(\d+(?:\.\d+)?)/g)].map((m) => m[1] ?? ''));
const findings = unique(
  [...test.matchAll(/review 2 ([^)'"]+)/g)].flatMap((m) =>
    [...(m[1] ?? '').matchAll(/\b([PM]\d+)\b/g)].map((f) => f[1] ?? ''),
  ),
);

describe('the resolver oracle (tests/fixtures/reference)', () => {
  it('is cited at all: the quotes, sections and findings below are not empty', () => {
    expect(quotes.length).toBeGreaterThan(5);
    expect(sections.length).toBeGreaterThan(5);
    expect(findings.length).toBeGreaterThan(5);
  });

  it.each(quotes)('the vendor page says "%s"', (quote) => {
    expect(page).toContain(quote);
  });

  it.each(sections)('the facts have a section %s', (section) => {
    expect(facts).toMatch(new RegExp(`^#{2,3} ${section.replace('.', '\\.')}[. ]`, 'm'));
  });

  it.each(findings)('the review has a finding %s', (finding) => {
    expect(review).toMatch(new RegExp(`^\\| ${finding} \\|`, 'm'));
  });
});
