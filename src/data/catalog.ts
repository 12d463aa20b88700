/**
 * The bundled catalog. Read only through src/core/catalog/catalog.ts.
 * Vendor rows come from netwrix/docs activityagentports.md 10.0@a8b312c3 (docs/catalog.md,
 * "Provenance": bump CATALOG_VERSION and PORTS_PAGE_COMMIT together).
 */
import type { Catalog } from '@/core/catalog/model';

import { DOCS_REPO, PORTS_PAGE_COMMIT, PORTS_PAGE_PATH } from './citations';

import { ENVIRONMENTS } from './environments';
import { ERRATA } from './errata';
import { ROLES } from './roles';
import { CLOUD_DB_RULES } from './rules-cloud-db';
import { CORE_RULES, INTEGRATION_RULES } from './rules-core';
import { DELL_RULES } from './rules-dell';
import { DEPLOYMENT_RULES } from './rules-deployment';
import { NAS_RULES } from './rules-nas';
import { NETAPP_RULES } from './rules-netapp';
import { OPTIONS, SETTINGS } from './settings';

export const CATALOG_VERSION = '2026.11.3';

export const CATALOG_DATA: Catalog = {
  version: CATALOG_VERSION,
  docsRevision: { repo: DOCS_REPO, commit: PORTS_PAGE_COMMIT, path: PORTS_PAGE_PATH },
  environments: ENVIRONMENTS,
  roles: ROLES,
  rules: [
    ...CORE_RULES,
    ...DEPLOYMENT_RULES,
    ...NAS_RULES.filter((r) => r.environment === 'cohesity' || r.environment === 'ctera'),
    ...DELL_RULES,
    ...CLOUD_DB_RULES.filter(
      (r) => r.environment === 'exchange-online' || r.environment === 'entra-id',
    ),
    ...NAS_RULES.filter((r) => r.environment === 'nasuni'),
    ...NETAPP_RULES,
    ...NAS_RULES.filter((r) =>
      ['nutanix', 'panzura', 'qumulo', 'hitachi-nas'].includes(r.environment),
    ),
    ...CLOUD_DB_RULES.filter((r) => !['exchange-online', 'entra-id'].includes(r.environment)),
    ...INTEGRATION_RULES,
  ],
  settings: SETTINGS,
  options: OPTIONS,
  errata: ERRATA,
};
