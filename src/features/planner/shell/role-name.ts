import { findRole } from '@/core/catalog/catalog';
import type { Catalog } from '@/core/catalog/model';

/** The placeholder name of a role, e.g. "Activity Agent Server"; `fallback` when unknown. */
export function roleName(catalog: Catalog, roleId: string, fallback: string): string {
  return findRole(catalog, roleId)?.name ?? fallback;
}
