/**
 * Citation builders for the catalog data: netwrix/docs paths -> docs.netwrix.com URLs
 * (netwrix-docs-facts.md section 4: /docs/<product>/<version with dots -> underscores>/<path minus .md>).
 */
import type { Citation } from '@/core/catalog/model';

export const DOCS_REPO = 'netwrix/docs';
export const DOCS_HOST = 'https://docs.netwrix.com';

/** The vendor page the catalog is built from (the starting page is 10.0@c0a002f5). */
export const PORTS_PAGE_PATH =
  'docs/activitymonitor/10.0/requirements/activityagent/activityagentports.md';
export const PORTS_PAGE_COMMIT = 'c0a002f5';
/** The later 10.0 revision that adds the Cohesity SmartFiles section. */
export const PORTS_PAGE_COHESITY_COMMIT = '88d6a5ff';

/** Docusaurus / github-slugger anchor of a heading: lower-case, punctuation dropped, spaces -> '-'. */
export function headingAnchor(heading: string): string {
  return `#${heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')}`;
}

/** docs/<product>/<version>/<rest>.md -> https://docs.netwrix.com/docs/<product>/<version_>/<rest> */
export function docsUrl(path: string): string {
  const match = /^docs\/([^/]+)\/([^/]+)\/(.+)\.md$/.exec(path);
  if (!match) throw new Error(`Not a netwrix/docs page path: ${path}`);
  const [, product = '', version = '', rest = ''] = match;
  return `${DOCS_HOST}/docs/${product}/${version.replace(/\./g, '_')}/${rest}`;
}

function versionOf(path: string): string {
  return /^docs\/[^/]+\/([^/]+)\//.exec(path)?.[1] ?? '';
}

/**
 * A citation of any netwrix/docs page. `section` names the page or section;
 * `anchorHeading` (the exact H2 text) is given only when the anchor is known.
 */
export function docCitation(
  path: string,
  section: string,
  anchorHeading?: string,
  commit?: string,
): Citation {
  const anchor = anchorHeading ? headingAnchor(anchorHeading) : '';
  return {
    repo: DOCS_REPO,
    path,
    version: versionOf(path),
    section,
    anchor,
    url: `${docsUrl(path)}${anchor}`,
    ...(commit ? { commit } : {}),
  };
}

/** A section of the Activity Agent Ports page (10.0). */
export function portsCitation(heading: string, commit: string = PORTS_PAGE_COMMIT): Citation {
  return docCitation(PORTS_PAGE_PATH, heading, heading, commit);
}

/** Short helper for Activity Monitor 10.0 sibling pages: path relative to docs/activitymonitor/10.0/. */
export function am10(relPath: string, section: string): Citation {
  return docCitation(`docs/activitymonitor/10.0/${relPath}`, section);
}

// The H2 headings of the vendor page (verbatim).
export const H = {
  top: 'Activity Agent Ports',
  cohesity: 'Cohesity SmartFiles Additional Firewall Rules',
  ctera: 'CTERA Additional Firewall Rules',
  celerra: 'Dell Celerra & Dell VNX Devices Additional Firewall Rules',
  isilon: 'Dell Isilon/PowerScale Devices Additional Firewall Rules',
  powerstore: 'Dell PowerStore Devices Additional Firewall Rules',
  unity: 'Dell Unity Devices Additional Firewall Rules',
  exchange: 'Exchange Online Additional Firewall Rules',
  entra: 'Microsoft Entra ID Tenant Additional Firewall Rules',
  nasuni: 'Nasuni Edge Appliance Additional Firewall Rules',
  netapp7: 'NetApp Data ONTAP 7-Mode Device Additional Firewall Rules',
  netappC: 'NetApp Data ONTAP Cluster-Mode Device Additional Firewall Rules',
  nutanix: 'Nutanix Devices Additional Firewall Rules',
  panzura: 'Panzura Devices Additional Firewall Rules',
  qumulo: 'Qumulo Devices Additional Firewall Rules',
  azureFiles: 'Azure Files Additional Firewall Rules',
  spo: 'SharePoint Online Additional Firewall Rules',
  sql: 'SQL Server Additional Firewall Rules',
  aa: 'Integration with Netwrix Access Analyzer Additional Firewall Rules',
} as const;

/** Sibling pages (Activity Monitor 10.0 unless the path says otherwise). */
const NAS = 'requirements/activityagent/nas-device-configuration';
export const C = {
  manualInstall: am10('install/agents/manual.md', 'Install the agent manually'),
  connection: am10('admin/agents/properties/connection.md', 'Connection Tab'),
  apiServer: am10('admin/agents/properties/apiserver.md', 'API Server Tab'),
  dellCeeOptions: am10('admin/agents/properties/dellceeoptions.md', 'Dell CEE Options Tab'),
  celerraReq: am10(
    `${NAS}/celerra-vnx-aac/celerra-vnx-activity.md`,
    'Dell Celerra & VNX activity auditing',
  ),
  unityReq: am10(`${NAS}/unity-aac/unity-activity.md`, 'Dell Unity activity auditing'),
  powerstoreReq: am10(
    `${NAS}/powerstore-aac/powerstore-activity.md`,
    'Dell PowerStore activity auditing',
  ),
  isilonManual: am10(
    `${NAS}/isilon-powerscale-aac/manualconfiguration.md`,
    'Dell Isilon/PowerScale manual configuration',
  ),
  isilonValidate: am10(
    `${NAS}/isilon-powerscale-aac/validate.md`,
    'Dell Isilon/PowerScale validate setup',
  ),
  isilonAdd: am10('admin/monitoredhosts/add/dellpowerscale.md', 'Add a Dell PowerScale host'),
  ontapFirewall: am10(
    `${NAS}/ontap-cluster-aac/configurefirewall.md`,
    'Configure the ONTAP firewall',
  ),
  ontapActivity: am10(
    `${NAS}/ontap-cluster-aac/ontap-cluster-activity.md`,
    'NetApp ONTAP Cluster-Mode activity auditing',
  ),
  fpolicyOptions: am10(
    'admin/agents/properties/netappfpolicyoptions.md',
    'NetApp FPolicy Options Tab',
  ),
  ontap7Http: am10(`${NAS}/ontap7-aac/enablehttp.md`, 'NetApp 7-Mode: enable HTTP or HTTPS'),
  ontap7Activity: am10(
    `${NAS}/ontap7-aac/ontap7-activity.md`,
    'NetApp Data ONTAP 7-Mode activity auditing',
  ),
  ctera: am10(`${NAS}/ctera-activity.md`, 'CTERA activity auditing'),
  nasuni: am10(`${NAS}/nasuni-activity.md`, 'Nasuni activity auditing'),
  nutanixTab: am10('admin/agents/properties/nutanix.md', 'Nutanix Tab'),
  panzura: am10(`${NAS}/panzura-activity.md`, 'Panzura CloudFS activity auditing'),
  panzuraTab: am10('admin/agents/properties/panzura.md', 'Panzura Tab'),
  qumuloTab: am10('admin/agents/properties/qumulo.md', 'Qumulo Tab'),
  cohesity: am10(`${NAS}/cohesity-activity.md`, 'Cohesity SmartFiles activity auditing'),
  hitachi: am10(`${NAS}/hitachi-aac/hitachi-activity.md`, 'Hitachi NAS activity auditing'),
  sqlReq: am10('requirements/activityagent/sqlserver-activity.md', 'SQL Server activity auditing'),
  sqlAdd: am10('admin/monitoredhosts/add/sqlserver.md', 'Add a SQL Server host'),
  spOnprem: am10(
    'requirements/activityagent/sharepoint-onprem-activity.md',
    'SharePoint on-premises activity auditing',
  ),
  entra: am10(
    'requirements/activityagent/entraid-activity.md',
    'Microsoft Entra ID activity auditing',
  ),
  exchange: am10(
    'requirements/activityagent/exchange-activity.md',
    'Exchange Online activity auditing',
  ),
  azureFiles: am10(`${NAS}/azure-files/azurefiles-activity.md`, 'Azure Files activity auditing'),
  copilot: am10(
    'requirements/activityagent/m365copilot-activity.md',
    'Microsoft 365 Copilot activity auditing',
  ),
  networkProxy: am10('admin/agents/properties/networkproxy.md', 'Network Proxy Tab'),
  archiving: am10('admin/agents/properties/archiving.md', 'Archiving Tab'),
  agentsInstall: am10('install/agents/agents.md', 'Install agents from the console'),
  linuxAgents: am10('admin/agents/linux.md', 'Linux agents'),
  syslog: am10('admin/outputs/syslog/syslog.md', 'Syslog output'),
  tmOutput: am10('admin/outputs/threatmanager.md', 'Netwrix Threat Manager output'),
  aa26Output: am10('admin/outputs/accessanalyzer26.md', 'Access Analyzer 26 output'),
  windowsFs: am10(
    'requirements/activityagent/windowsfs-activity.md',
    'Windows file server activity auditing',
  ),
  linux: am10('requirements/linuxagent.md', 'Linux agent requirements'),
  linuxInstall: am10('install/agents/manuallinux.md', 'Install the Linux agent manually'),
  ad: am10('requirements/adagent/adagent.md', 'Active Directory agent requirements'),
  agentReq: am10(
    'requirements/activityagent/activityagent.md',
    'Activity Agent Server Requirements',
  ),
  tmPorts: docCitation(
    'docs/threatmanager/3.1/requirements/ports.md',
    'Threat Manager Firewall Ports',
  ),
  tpPorts: docCitation(
    'docs/threatprevention/8.0/requirements/ports.md',
    'Threat Prevention Firewall Ports',
  ),
  aaAdActivity: docCitation(
    'docs/accessanalyzer/12.0/admin/datacollector/adactivity/overview.md',
    'Access Analyzer AD Activity data collector',
  ),
  aa26Integration: docCitation(
    'docs/accessanalyzer/2601/configurations/activity-monitor-integration.md',
    'Access Analyzer 26: Activity Monitor integration',
  ),
} as const;
