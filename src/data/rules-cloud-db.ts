/** Microsoft cloud sources, SQL Server and SharePoint on-premises. */
import type { CatalogRule } from '@/core/catalog/model';

import { C, H, portsCitation } from './citations';
import { option, port } from './rule-helpers';

const TENANT = 'Activity Agent Server to Microsoft Entra ID Tenant';
const O365 = 'Entra ID authentication, Graph API, Office 365 API';
/** The destination of every cloud rule: the Microsoft cloud, as FQDN endpoints (cloud-endpoints.ts). */
const CLOUD = 'ms-cloud';
const ENDPOINTS_NOTE =
  'The destination is the FQDNs of the services the page names (docs/catalog.md, "Cloud destinations"): allow them by name on the proxy or perimeter firewall, or use their Microsoft 365 endpoint set IDs or Azure service tags. With a network proxy (Network Proxy tab), the agent connects to the proxy instead.';
const SOVEREIGN = 'Government and sovereign clouds (GCC High/DoD, China) use their own endpoints.';

export const EXCHANGE_ONLINE_RULES: readonly CatalogRule[] = [
  {
    id: 'exchange-online-agent-cloud',
    environment: 'exchange-online',
    source: 'activity-agent-server',
    destination: CLOUD,
    cloudEndpoints: ['entra-sign-in', 'microsoft-graph', 'o365-management-api'],
    transport: 'TCP',
    ports: [port(443)],
    service: 'HTTPS',
    description: O365,
    basis: 'documented',
    vendorRow: {
      table: H.exchange,
      direction: TENANT,
      protocol: 'HTTPS',
      ports: '443',
      description: O365,
    },
    notes: [ENDPOINTS_NOTE, SOVEREIGN],
    citation: portsCitation(H.exchange),
  },
];

export const ENTRA_ID_RULES: readonly CatalogRule[] = [
  {
    id: 'entra-id-agent-cloud',
    environment: 'entra-id',
    source: 'activity-agent-server',
    destination: CLOUD,
    cloudEndpoints: ['entra-sign-in', 'microsoft-graph'],
    transport: 'TCP',
    ports: [port(443)],
    service: 'HTTPS',
    description: O365,
    basis: 'documented',
    vendorRow: {
      table: H.entra,
      direction: TENANT,
      protocol: 'HTTPS',
      ports: '443',
      description: O365,
    },
    errata: ['E20'],
    notes: [ENDPOINTS_NOTE, SOVEREIGN],
    citation: portsCitation(H.entra),
  },
];

export const AZURE_FILES_RULES: readonly CatalogRule[] = [
  {
    id: 'azure-files-agent-cloud',
    environment: 'azure-files',
    source: 'activity-agent-server',
    destination: CLOUD,
    cloudEndpoints: ['entra-sign-in', 'microsoft-graph', 'azure-blob-storage'],
    transport: 'TCP',
    ports: [port(443)],
    service: 'HTTPS',
    description: 'Entra ID authentication, Graph API, Blob Storage',
    basis: 'documented',
    vendorRow: {
      table: H.azureFiles,
      direction: TENANT,
      protocol: 'HTTPS',
      ports: '443',
      description: 'Entra ID authentication, Graph API, Blob Storage',
    },
    errata: ['E21'],
    notes: [ENDPOINTS_NOTE, SOVEREIGN],
    versions: ['9.0', '10.0'],
    citation: portsCitation(H.azureFiles),
  },
  {
    id: 'azure-files-agent-management',
    environment: 'azure-files',
    source: 'activity-agent-server',
    destination: CLOUD,
    cloudEndpoints: ['azure-resource-manager'],
    transport: 'TCP',
    ports: [port(443)],
    service: 'HTTPS',
    description: 'Azure management plane: enumerate the storage accounts and read their settings',
    basis: 'inferred',
    errata: ['E21'],
    notes: [
      'Inferred (review 2, M11): "Reader – the management plane role. Allows enumeration of storage accounts and reading of their settings"; Connect "will verify the connection to Azure, enumerate all storage accounts, and retrieve their settings". The page names no endpoint or port: Azure Resource Manager is HTTPS, TCP 443.',
      ENDPOINTS_NOTE,
      SOVEREIGN,
    ],
    versions: ['9.0', '10.0'],
    citation: C.azureFiles,
  },
];

export const SHAREPOINT_ONLINE_RULES: readonly CatalogRule[] = [
  {
    id: 'sharepoint-online-agent-cloud',
    environment: 'sharepoint-online',
    source: 'activity-agent-server',
    destination: CLOUD,
    cloudEndpoints: ['entra-sign-in', 'microsoft-graph', 'o365-management-api'],
    transport: 'TCP',
    ports: [port(443)],
    service: 'HTTPS',
    description: O365,
    basis: 'documented',
    vendorRow: {
      table: H.spo,
      direction: TENANT,
      protocol: 'HTTPS',
      ports: '443',
      description: O365,
    },
    notes: [
      'The page lists Microsoft Graph (Sites.Read.All among them) and Office 365 Management API permissions, no SharePoint API permission: the agent needs no <tenant>.sharepoint.com.',
      ENDPOINTS_NOTE,
      SOVEREIGN,
    ],
    citation: portsCitation(H.spo),
  },
];

export const M365_COPILOT_RULES: readonly CatalogRule[] = [
  {
    id: 'm365-copilot-agent-cloud',
    environment: 'm365-copilot',
    source: 'activity-agent-server',
    destination: CLOUD,
    cloudEndpoints: [
      'entra-sign-in',
      'microsoft-graph',
      'sharepoint-tenant',
      'o365-management-api',
    ],
    transport: 'TCP',
    ports: [port(443)],
    service: 'HTTPS',
    description:
      'Entra ID authentication (agent certificate), Graph API, SharePoint, Office 365 Management API',
    basis: 'inferred',
    errata: ['E27'],
    notes: [
      'Not on the ports page; the requirement page lists Graph, SharePoint and Office 365 Management API permissions.',
      ENDPOINTS_NOTE,
      SOVEREIGN,
    ],
    versions: ['10.0'],
    citation: C.copilot,
  },
];

export const SQL_SERVER_RULES: readonly CatalogRule[] = [
  {
    id: 'sql-server-documented-row',
    environment: 'sql-server',
    source: 'sql-server',
    destination: 'activity-agent-server',
    transport: 'TCP',
    ports: [port(1433)],
    service: 'TDS',
    description: 'Default SQL Server Port',
    basis: 'documented',
    vendorRow: {
      table: H.sql,
      direction: 'SQL Server to Activity Agent Server',
      protocol: 'TCP',
      ports: '1433',
      // The vendor cell has a no-break space between SQL and Server.
      description: 'Default SQL\u00a0Server Port',
    },
    errata: ['E15'],
    supersededBy: 'sql-server-agent-tds',
    notes: [
      'The vendor table prints this direction; the catalog applies agent -> SQL Server instead.',
    ],
    citation: portsCitation(H.sql),
  },
  {
    id: 'sql-server-agent-tds',
    environment: 'sql-server',
    source: 'activity-agent-server',
    destination: 'sql-server',
    transport: 'TCP',
    ports: [port(1433)],
    service: 'TDS',
    description: 'SQL login and Extended Events sessions (default SQL Server port)',
    basis: 'documented',
    errata: ['E15'],
    notes: [
      "A named or non-default instance may listen on another port: use the instance's configured TCP port.",
      'The agent is the SQL client: "SQL Server Activity Auditing Configuration" asks for "a SQL login with certain server permissions" (ALTER ANY EVENT SESSION: "Allows agent to start or stop an event session"), and the add-host page ("SQL Server") has the agent connect with that login.',
    ],
    citation: C.sqlReq,
  },
  {
    id: 'sql-server-agent-browser',
    environment: 'sql-server',
    source: 'activity-agent-server',
    destination: 'sql-server',
    transport: 'UDP',
    ports: [port(1434)],
    service: 'SQL Server Browser',
    description: 'Named-instance resolution through the SQL Server Browser',
    condition: {
      text: 'Named instance (SQL Server Browser)',
      when: option('sqlNamedInstance', [true]),
    },
    basis: 'inferred',
    errata: ['E15'],
    notes: [
      'Inferred from the page\'s hint: "If the Activity Monitor cannot connect to the SQL Server, ensure that SQL Server Browsing state is Running".',
    ],
    citation: portsCitation(H.sql),
  },
];

export const SHAREPOINT_ONPREM_RULES: readonly CatalogRule[] = [
  {
    id: 'sharepoint-onprem-agent-sql',
    environment: 'sharepoint-onprem',
    source: 'activity-agent-server',
    destination: 'sharepoint-sql',
    transport: 'TCP',
    ports: [port(1433)],
    service: 'TDS',
    description: 'Read audit data from the SharePoint configuration and content databases',
    basis: 'inferred',
    errata: ['E27'],
    notes: [
      'Applies only when the SharePoint SQL Server is another host (set its address); no port is documented.',
    ],
    citation: C.spOnprem,
  },
];
