/**
 * The catalog version a plan file or link names (informational: rules always follow the
 * catalog of the planner that opens it). Only a short, version-like text is taken as one, e.g.
 * "2026.11.0" or "2026.11.0-fixture"; anything else is ignored with a warning, so that link or
 * file text never reaches a message unchecked.
 */
export const CATALOG_VERSION_PATTERN =
  /^[0-9]{1,4}(?:\.[0-9]{1,6}){1,3}(?:[-+][0-9A-Za-z.-]{1,24})?$/;

export function isCatalogVersion(value: unknown): value is string {
  return typeof value === 'string' && CATALOG_VERSION_PATTERN.test(value);
}
