/**
 * Provenance of the catalog: how its netwrix/docs revision is printed on every export and on
 * the Port reference page (docs/catalog.md, "Provenance").
 */
import type { DocsRevision } from './model';

/** "netwrix/docs@a8b312c3": the repository and the short commit of the main source page. */
export function formatDocsRevision(revision: DocsRevision): string {
  return `${revision.repo}@${revision.commit}`;
}
