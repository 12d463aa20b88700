/**
 * The bundled catalog and its lookups. The only module that imports src/data.
 */
import { CATALOG_DATA } from '@/data/catalog';

import type { Catalog, Environment, Role, CatalogRule, PortSetting, CatalogOption } from './model';

export function getCatalog(): Catalog {
  return CATALOG_DATA;
}

export function findEnvironment(catalog: Catalog, id: string): Environment | undefined {
  return catalog.environments.find((e) => e.id === id);
}

export function findRole(catalog: Catalog, id: string): Role | undefined {
  return catalog.roles.find((r) => r.id === id);
}

export function findSetting(catalog: Catalog, id: string): PortSetting | undefined {
  return catalog.settings.find((s) => s.id === id);
}

export function findOption(catalog: Catalog, id: string): CatalogOption | undefined {
  return catalog.options.find((o) => o.id === id);
}

export function rulesOfEnvironment(catalog: Catalog, environment: string): CatalogRule[] {
  return catalog.rules.filter((r) => r.environment === environment);
}
