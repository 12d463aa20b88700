/**
 * The citation of a catalog page for an Activity Monitor version (docs/catalog.md, "Per-version
 * links"): the page of that version where the catalog records one (`catalog.versionPages`), else
 * the 10.0 page, labelled as such ("Activity Monitor 10.0 page; no 8.0 page"), never silently.
 * Pages of other products (Threat Manager, Access Analyzer, ...) stay as they are.
 */
import { docsUrl, headingAnchor } from '@/data/citations';

import type {
  AmPageVersions,
  AmVersion,
  Catalog,
  CatalogRule,
  Citation,
  OlderAmVersion,
} from './model';

/** The Activity Monitor version of the pages the catalog cites. */
export const CITED_AM_VERSION = '10.0' satisfies AmVersion;
const CITED_PREFIX = `docs/activitymonitor/${CITED_AM_VERSION}/`;

/**
 * Why a link is not a page of the version asked for:
 * - no-page: the version has no such page (the table says so, with its evidence);
 * - no-section: the version's page has no such section;
 * - not-recorded: the catalog has no row for the page (only a catalog the validator rejects);
 * - rule-not-in-version: the rule does not apply to that version.
 */
export type CitationFallback = 'no-page' | 'no-section' | 'not-recorded' | 'rule-not-in-version';

export interface VersionedCitation {
  /** The page to link. */
  citation: Citation;
  /**
   * Whose docs and which version: "Activity Monitor 7.1", "Threat Manager 3.1"; for a fallback,
   * what the link is and why, e.g. "Activity Monitor 10.0 page; no 7.1 page".
   */
  label: string;
  /** Set when the link is not a page of the version asked for. */
  fallback?: CitationFallback;
}

/** Product names of the netwrix/docs folders the catalog cites (docs/<folder>/<version>/...). */
const DOCS_PRODUCTS: Readonly<Record<string, string>> = {
  activitymonitor: 'Activity Monitor',
  accessanalyzer: 'Access Analyzer',
  threatmanager: 'Threat Manager',
  threatprevention: 'Threat Prevention',
};

/** "Activity Monitor 10.0", "Access Analyzer 2601", "Threat Manager 3.1": whose docs a citation is. */
export function citationProduct(citation: Citation): string {
  const folder = /^docs\/([^/]+)\//.exec(citation.path)?.[1] ?? '';
  return `${DOCS_PRODUCTS[folder] ?? folder} ${citation.version}`.trim();
}

/** Whether the citation is an Activity Monitor page of the cited version (one with versions). */
export function isVersionedPage(citation: Citation): boolean {
  return citation.path.startsWith(CITED_PREFIX);
}

const FALLBACK_TEXT: Record<CitationFallback, (version: AmVersion) => string> = {
  'no-page': (v) => `no ${v} page`,
  'no-section': (v) => `the ${v} page has no such section`,
  'not-recorded': (v) => `${v} page not recorded`,
  'rule-not-in-version': (v) => `the rule is not in ${v}`,
};

function fallback(
  citation: Citation,
  version: AmVersion,
  why: CitationFallback,
): VersionedCitation {
  return {
    citation,
    label: `${citationProduct(citation)} page; ${FALLBACK_TEXT[why](version)}`,
    fallback: why,
  };
}

const TABLES = new WeakMap<Catalog, ReadonlyMap<string, AmPageVersions>>();

function pageTable(catalog: Catalog): ReadonlyMap<string, AmPageVersions> {
  let table = TABLES.get(catalog);
  if (!table) {
    table = new Map((catalog.versionPages ?? []).map((row) => [row.page, row]));
    TABLES.set(catalog, table);
  }
  return table;
}

/** The citation of the same page (and section) in `version`, or the 10.0 page, labelled. */
export function citationForVersion(
  catalog: Catalog,
  citation: Citation,
  version: AmVersion,
): VersionedCitation {
  if (version === CITED_AM_VERSION || !isVersionedPage(citation)) {
    return { citation, label: citationProduct(citation) };
  }
  const row = pageTable(catalog).get(citation.path);
  if (!row) return fallback(citation, version, 'not-recorded');
  const entry = row[version as OlderAmVersion];
  if ('absent' in entry) return fallback(citation, version, 'no-page');
  let { section, anchor } = citation;
  if (anchor) {
    if (entry.missingSections?.includes(section)) return fallback(citation, version, 'no-section');
    const renamed = entry.renamedSections?.[section];
    if (renamed !== undefined) {
      section = renamed;
      anchor = headingAnchor(renamed);
    }
  }
  const versioned: Citation = {
    repo: citation.repo,
    path: entry.path,
    version,
    section,
    anchor,
    url: `${docsUrl(entry.path)}${anchor}`,
    // A page known only from a link was not read: no revision of its own.
    ...(entry.linkedFrom === undefined ? { revision: entry.revision } : {}),
  };
  return { citation: versioned, label: citationProduct(versioned) };
}

/** The versions a rule applies to: its own, else its environment's. */
export function ruleVersions(catalog: Catalog, rule: CatalogRule): readonly AmVersion[] {
  return (
    rule.versions ?? catalog.environments.find((e) => e.id === rule.environment)?.versions ?? []
  );
}

/**
 * The citation of a rule for a plan's version: as citationForVersion, except that a rule that does
 * not apply to the version never links that version's page.
 */
export function ruleCitation(
  catalog: Catalog,
  rule: CatalogRule,
  version: AmVersion,
): VersionedCitation {
  if (
    version !== CITED_AM_VERSION &&
    isVersionedPage(rule.citation) &&
    !ruleVersions(catalog, rule).includes(version)
  ) {
    return fallback(rule.citation, version, 'rule-not-in-version');
  }
  return citationForVersion(catalog, rule.citation, version);
}
