/**
 * The bundled catalog. Read only through src/core/catalog/catalog.ts.
 * Vendor rows come from netwrix/docs activityagentports.md 10.0@a8b312c3 (docs/catalog.md,
 * "Provenance": bump CATALOG_VERSION and PORTS_PAGE_COMMIT together).
 */
import type { Catalog } from '@/core/catalog/model';

import { AM_VERSION_PAGES } from './am-version-pages';
import { DOCS_REPO, PORTS_PAGE_COMMIT, PORTS_PAGE_PATH } from './citations';
import { CLOUD_ENDPOINTS } from './cloud-endpoints';
import { ENVIRONMENTS } from './environments';
import { ERRATA } from './errata';
import { ROLES } from './roles';
import {
  AZURE_FILES_RULES,
  ENTRA_ID_RULES,
  EXCHANGE_ONLINE_RULES,
  M365_COPILOT_RULES,
  SHAREPOINT_ONLINE_RULES,
  SHAREPOINT_ONPREM_RULES,
  SQL_SERVER_RULES,
} from './rules-cloud-db';
import {
  ACCESS_ANALYZER_26_RULES,
  ACCESS_ANALYZER_RULES,
  AM_CORE_RULES,
  SIEM_OUTPUT_RULES,
  THREAT_MANAGER_RULES,
  THREAT_PREVENTION_RULES,
} from './rules-core';
import {
  DELL_CELERRA_VNX_RULES,
  DELL_ISILON_RULES,
  DELL_POWERSTORE_RULES,
  DELL_UNITY_RULES,
} from './rules-dell';
import { AGENT_DEPLOYMENT_RULES, AGENT_SERVICES_RULES } from './rules-deployment';
import {
  COHESITY_RULES,
  CTERA_RULES,
  HITACHI_NAS_RULES,
  NASUNI_RULES,
  NUTANIX_RULES,
  PANZURA_RULES,
  QUMULO_RULES,
} from './rules-nas';
import { NETAPP_7MODE_RULES, NETAPP_CMODE_RULES } from './rules-netapp';
import { OPTIONS, SETTINGS } from './settings';

export const CATALOG_VERSION = '2026.11.8';

export const CATALOG_DATA: Catalog = {
  version: CATALOG_VERSION,
  docsRevision: { repo: DOCS_REPO, commit: PORTS_PAGE_COMMIT, path: PORTS_PAGE_PATH },
  environments: ENVIRONMENTS,
  roles: ROLES,
  // Every rules array of the rules-*.ts files, once, in catalog order (one array per
  // environment; tests/unit/data/rule-modules.test.ts fails on an array left out or repeated).
  rules: [
    ...AM_CORE_RULES,
    ...AGENT_DEPLOYMENT_RULES,
    ...AGENT_SERVICES_RULES,
    ...COHESITY_RULES,
    ...CTERA_RULES,
    ...DELL_CELERRA_VNX_RULES,
    ...DELL_ISILON_RULES,
    ...DELL_POWERSTORE_RULES,
    ...DELL_UNITY_RULES,
    ...EXCHANGE_ONLINE_RULES,
    ...ENTRA_ID_RULES,
    ...NASUNI_RULES,
    ...NETAPP_7MODE_RULES,
    ...NETAPP_CMODE_RULES,
    ...NUTANIX_RULES,
    ...PANZURA_RULES,
    ...QUMULO_RULES,
    ...HITACHI_NAS_RULES,
    ...AZURE_FILES_RULES,
    ...SHAREPOINT_ONLINE_RULES,
    ...M365_COPILOT_RULES,
    ...SQL_SERVER_RULES,
    ...SHAREPOINT_ONPREM_RULES,
    ...ACCESS_ANALYZER_RULES,
    ...ACCESS_ANALYZER_26_RULES,
    ...SIEM_OUTPUT_RULES,
    ...THREAT_MANAGER_RULES,
    ...THREAT_PREVENTION_RULES,
  ],
  settings: SETTINGS,
  options: OPTIONS,
  errata: ERRATA,
  versionPages: AM_VERSION_PAGES,
  cloudEndpoints: CLOUD_ENDPOINTS,
};
