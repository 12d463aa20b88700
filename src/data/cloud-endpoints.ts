/**
 * The Microsoft cloud endpoints the cloud rules reach (docs/catalog.md, "Cloud destinations"):
 * each FQDN with the Netwrix page that needs it, and, where Microsoft publishes them, the
 * Microsoft 365 endpoint set ID and the Azure service tag, with Microsoft's pages.
 */
import type { CloudEndpoint, ExternalSource } from '@/core/catalog/model';

import { docCitation } from './citations';

const AM10_REQ = 'docs/activitymonitor/10.0/requirements/activityagent';

/** The Netwrix pages, at the revision they were read for these endpoints. */
const NETWRIX = {
  entra: docCitation(
    `${AM10_REQ}/entraid-activity.md`,
    'Microsoft Entra ID Activity Auditing Configuration',
    undefined,
    '9c80ace1',
  ),
  exchange: docCitation(
    `${AM10_REQ}/exchange-activity.md`,
    'Exchange Online Activity Auditing Configuration',
    undefined,
    '88d6a5ff',
  ),
  copilot: docCitation(
    `${AM10_REQ}/m365copilot-activity.md`,
    'Microsoft 365 Copilot Activity Auditing Configuration',
    undefined,
    '2aa9036f',
  ),
  azureFiles: docCitation(
    `${AM10_REQ}/nas-device-configuration/azure-files/azurefiles-activity.md`,
    'Azure Files Activity Auditing Configuration',
    undefined,
    'ba93bf46',
  ),
};

/** "Microsoft 365 URLs and IP address ranges", Worldwide, as kept in MicrosoftDocs. */
const M365_LIST_AT =
  'MicrosoftDocs/microsoft-365-docs@02a494f5 microsoft-365/includes/office-365-worldwide-endpoints.md (Worldwide endpoints version 2022072800)';
function m365Set(id: number): ExternalSource {
  return {
    title: `Microsoft 365 URLs and IP address ranges (Worldwide), endpoint set ${id}`,
    url: 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/urls-and-ip-address-ranges',
    readAt: M365_LIST_AT,
  };
}

/** "Azure service tags overview" (Available service tags). */
function serviceTag(tag: string): ExternalSource {
  return {
    title: `Azure service tags overview, tag ${tag}`,
    url: 'https://learn.microsoft.com/en-us/azure/virtual-network/service-tags-overview',
    readAt: 'MicrosoftDocs/azure-docs@17341f45 articles/virtual-network/service-tags-overview.md',
  };
}

export const CLOUD_ENDPOINTS: readonly CloudEndpoint[] = [
  {
    id: 'entra-sign-in',
    fqdn: 'login.microsoftonline.com',
    name: 'Microsoft Entra ID sign-in',
    basis: 'documented',
    need: 'Each cloud source is an application registered with Microsoft Entra ID: "This generates the Client ID and Client Secret needed by the Activity Agent" (the agent signs in to the tenant with them).',
    citation: NETWRIX.entra,
    m365EndpointSet: 56,
    serviceTag: 'AzureActiveDirectory',
    sources: [m365Set(56), serviceTag('AzureActiveDirectory')],
  },
  {
    id: 'microsoft-graph',
    fqdn: 'graph.microsoft.com',
    name: 'Microsoft Graph API',
    basis: 'documented',
    need: 'The pages list application permissions of the "Microsoft Graph API" (Directory.Read.All, User.Read.All and others).',
    citation: NETWRIX.entra,
    m365EndpointSet: 56,
    sources: [m365Set(56)],
    notes: [
      'No Azure service tag for Microsoft Graph is published (service tags overview, read at 17341f45): allow it by name on a proxy.',
    ],
  },
  {
    id: 'o365-management-api',
    fqdn: 'manage.office.com',
    name: 'Office 365 Management Activity API',
    basis: 'documented',
    need: 'The pages list "Permissions for Office 365 Management APIs": ActivityFeed.Read (and ActivityFeed.ReadDlp).',
    citation: NETWRIX.exchange,
    serviceTag: 'M365ManagementActivityApi',
    sources: [
      {
        title: 'Office 365 Management Activity API reference (Enterprise plan root URL)',
        url: 'https://learn.microsoft.com/en-us/office/office-365-management-api/office-365-management-activity-api-reference',
      },
      serviceTag('M365ManagementActivityApi'),
    ],
    notes: [
      'No endpoint set of the Microsoft 365 list names manage.office.com; only the wildcard *.office.com (set 147, Default) covers it.',
      'Government plans use other hosts (manage-gcc.office.com, manage.office365.us, manage.protection.apps.mil).',
    ],
  },
  {
    id: 'sharepoint-tenant',
    fqdn: '{tenant}.sharepoint.com',
    name: "SharePoint Online (the tenant's sites)",
    basis: 'documented',
    need: 'The Copilot page lists the "SharePoint" API permission Sites.Read.All (Application) beside Microsoft Graph and the Office 365 Management APIs.',
    citation: NETWRIX.copilot,
    m365EndpointSet: 31,
    sources: [m365Set(31)],
    notes: [
      'Filled with the tenant name of the plan: contoso and contoso.onmicrosoft.com give contoso.sharepoint.com. Microsoft publishes no Azure service tag for SharePoint Online.',
    ],
  },
  {
    id: 'azure-blob-storage',
    fqdn: '*.blob.core.windows.net',
    name: 'Azure Blob Storage (the logs storage account)',
    basis: 'documented',
    need: 'Azure Files writes its audit data "as blobs ... to that storage account" (the logs storage account); the agent reads it with the "Storage Blob Data Reader – the data plane role"; the ports page lists "Blob Storage".',
    citation: NETWRIX.azureFiles,
    serviceTag: 'Storage',
    sources: [
      {
        title: 'Storage account overview, Storage account endpoints (Blob Storage)',
        url: 'https://learn.microsoft.com/en-us/azure/storage/common/storage-account-overview',
        readAt:
          'MicrosoftDocs/azure-docs@015ce189 articles/storage/common/storage-account-overview.md',
      },
      serviceTag('Storage'),
    ],
    notes: [
      'A wildcard: the planner does not know the name of the logs storage account. Where the proxy allows it, narrow it to <logs account>.blob.core.windows.net, and the service tag to Storage.<region> of that account.',
      'The Microsoft 365 list names *.blob.core.windows.net only in set 67 (Security and Compliance Center eDiscovery export), which is not this use: no endpoint set is given.',
    ],
  },
  {
    id: 'azure-resource-manager',
    fqdn: 'management.azure.com',
    name: 'Azure Resource Manager (enumerates the storage accounts)',
    basis: 'inferred',
    need: 'The registered application needs the "Reader – the management plane role. Allows enumeration of storage accounts and reading of their settings"; Connect "will verify the connection to Azure, enumerate all storage accounts, and retrieve their settings".',
    citation: NETWRIX.azureFiles,
    m365EndpointSet: 59,
    serviceTag: 'AzureResourceManager',
    sources: [
      {
        title: 'Storage Accounts - List (Storage Resource Provider REST API)',
        url: 'https://docs.microsoft.com/en-us/rest/api/storagerp/storageaccounts/list',
      },
      m365Set(59),
      serviceTag('AzureResourceManager'),
    ],
    notes: [
      'Inferred (review 2, M11): the page names the management plane role but no endpoint; Azure Resource Manager (management.azure.com) is the management plane of storage accounts.',
    ],
  },
];
