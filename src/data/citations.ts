/**
 * Citation builders for the catalog data: netwrix/docs paths -> docs.netwrix.com URLs
 * (netwrix-docs-facts.md section 4: /docs/<product>/<version with dots -> underscores>/<path minus .md>).
 */
import type { Citation } from '@/core/catalog/model';

export const DOCS_REPO = 'netwrix/docs';
export const DOCS_HOST = 'https://docs.netwrix.com';

/**
 * The vendor page the catalog is built from, and the revision its rows were verified at
 * (10.0@a8b312c3, the newest of the three 10.0 revisions read; docs/catalog.md, "Provenance").
 */
export const PORTS_PAGE_PATH =
  'docs/activitymonitor/10.0/requirements/activityagent/activityagentports.md';
export const PORTS_PAGE_COMMIT = 'a8b312c3';
/** The first revision read (no Cohesity section, "to to"): the errata quote it. */
export const PORTS_PAGE_FIRST_COMMIT = 'c0a002f5';
/** The 10.0 revision that added the Cohesity SmartFiles section. */
export const PORTS_PAGE_COHESITY_COMMIT = '88d6a5ff';

const AM10 = 'docs/activitymonitor/10.0';
const AM10_NAS = `${AM10}/requirements/activityagent/nas-device-configuration`;

/**
 * The revision each sibling page was read at, where the evidence of the catalog review gives one
 * (docs/catalog.md, "Provenance").
 * A citation of a page not listed carries no revision.
 */
export const PAGE_REVISIONS: Readonly<Record<string, string>> = {
  [`${AM10}/admin/agents/properties/apiserver.md`]: '247014a0',
  [`${AM10}/admin/agents/properties/dellceeoptions.md`]: '2aa9036f',
  [`${AM10}/admin/agents/properties/networkproxy.md`]: 'e3a38719',
  [`${AM10}/admin/agents/properties/archiving.md`]: '279e7615',
  [`${AM10}/admin/agents/linux.md`]: '2aa9036f',
  [`${AM10}/admin/monitoredhosts/add/dellpowerscale.md`]: '2aa9036f',
  [`${AM10}/admin/monitoredhosts/add/netapp.md`]: '279e7615',
  [`${AM10}/admin/monitoredhosts/add/sqlserver.md`]: '2aa9036f',
  [`${AM10}/admin/monitoredhosts/properties/netapp.md`]: 'e3a38719',
  [`${AM10}/admin/outputs/overview.md`]: '995f2b81',
  [`${AM10}/admin/outputs/syslog/syslog.md`]: '6e921679',
  [`${AM10}/admin/outputs/accessanalyzer26.md`]: '2aa9036f',
  [`${AM10}/install/agents/agents.md`]: '90c6c3d6',
  [`${AM10}/install/agents/manuallinux.md`]: '44d57b53',
  [`${AM10}/requirements/linuxagent.md`]: '6e921679',
  [`${AM10}/requirements/activityagent/sqlserver-activity.md`]: '2aa9036f',
  [`${AM10_NAS}/isilon-powerscale-aac/isilon-activity.md`]: 'bd15dfbc',
  [`${AM10_NAS}/isilon-powerscale-aac/installcee.md`]: 'ba93bf46',
  [`${AM10_NAS}/isilon-powerscale-aac/manualconfiguration.md`]: 'ba93bf46',
  [`${AM10_NAS}/ontap-cluster-aac/configurefirewall.md`]: 'ba93bf46',
  [`${AM10_NAS}/ontap-cluster-aac/ontap-cluster-activity.md`]: '6e921679',
  [`${AM10_NAS}/ontap7-aac/enablehttp.md`]: '247014a0',
  [`${AM10_NAS}/ontap7-aac/ontap7-activity.md`]: '2a57bd94',
  [`${AM10_NAS}/azure-files/azurefiles-activity.md`]: 'ba93bf46',
  'docs/threatmanager/3.1/requirements/ports.md': '88d6a5ff',
  'docs/threatprevention/8.0/requirements/ports.md': '27578ebf',
  'docs/accessanalyzer/12.0/requirements/filesystem/filesystems/windowsfile/overview.md':
    '97e73c5c',
  'docs/accessanalyzer/12.0/admin/datacollector/adactivity/overview.md': '55b8d467',
  'docs/accessanalyzer/2601/configurations/activity-monitor-integration.md': '1e6250a1',
  // Read for catalog 2026.11.5 (review 2, M2-M7, M10).
  [`${AM10}/admin/agents/properties/certificate.md`]: 'a8b312c3',
  [`${AM10}/admin/agents/properties/dns.md`]: 'bd15dfbc',
  [`${AM10}/admin/agents/properties/adusers.md`]: 'bd15dfbc',
  [`${AM10}/admin/agents/properties/inactivityalerts.md`]: 'ba93bf46',
  [`${AM10}/admin/monitoredhosts/properties/unixids.md`]: '279e7615',
  [`${AM10}/requirements/adagent/activity/filearchive.md`]: 'a8b312c3',
  'docs/threatprevention/8.0/requirements/agent/agentnas.md': '9a820848',
};

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
  revision: string | undefined = PAGE_REVISIONS[path],
): Citation {
  const anchor = anchorHeading ? headingAnchor(anchorHeading) : '';
  return {
    repo: DOCS_REPO,
    path,
    version: versionOf(path),
    section,
    anchor,
    url: `${docsUrl(path)}${anchor}`,
    ...(revision ? { revision } : {}),
  };
}

/** A section of the Activity Agent Ports page (10.0), at the catalog's revision unless given. */
export function portsCitation(heading: string, revision: string = PORTS_PAGE_COMMIT): Citation {
  return docCitation(PORTS_PAGE_PATH, heading, heading, revision);
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

/**
 * Sibling pages (Activity Monitor 10.0 unless the path says otherwise). `section` is the page's
 * own title (its front matter `title`, as the page shows it), so that a reader finds it.
 */
const NAS = 'requirements/activityagent/nas-device-configuration';
const TP_PORTS = 'docs/threatprevention/8.0/requirements/ports.md';
export const C = {
  manualInstall: am10('install/agents/manual.md', 'Manually Install the Activity Agent'),
  connection: am10('admin/agents/properties/connection.md', 'Connection Tab'),
  apiServer: am10('admin/agents/properties/apiserver.md', 'API Server Tab'),
  dellCeeOptions: am10('admin/agents/properties/dellceeoptions.md', 'Dell CEE Options Tab'),
  celerraReq: am10(
    `${NAS}/celerra-vnx-aac/celerra-vnx-activity.md`,
    'Dell Celerra & Dell VNX Activity Auditing Configuration',
  ),
  unityReq: am10(
    `${NAS}/unity-aac/unity-activity.md`,
    'Dell Unity Activity Auditing Configuration',
  ),
  powerstoreReq: am10(
    `${NAS}/powerstore-aac/powerstore-activity.md`,
    'Dell PowerStore Activity Auditing Configuration',
  ),
  isilonReq: am10(
    `${NAS}/isilon-powerscale-aac/isilon-activity.md`,
    'Dell Isilon/PowerScale Activity Auditing Configuration',
  ),
  isilonCee: am10(`${NAS}/isilon-powerscale-aac/installcee.md`, 'Install Dell CEE'),
  isilonManual: am10(
    `${NAS}/isilon-powerscale-aac/manualconfiguration.md`,
    'Manually Configure Auditing in OneFS',
  ),
  isilonValidate: am10(`${NAS}/isilon-powerscale-aac/validate.md`, 'Validate Setup'),
  isilonAdd: am10('admin/monitoredhosts/add/dellpowerscale.md', 'Dell Isilon/PowerScale'),
  ontapFirewall: am10(`${NAS}/ontap-cluster-aac/configurefirewall.md`, 'Configure Network'),
  ontapActivity: am10(
    `${NAS}/ontap-cluster-aac/ontap-cluster-activity.md`,
    'NetApp Data ONTAP Cluster-Mode Activity Auditing Configuration',
  ),
  netappTab: am10('admin/monitoredhosts/properties/netapp.md', 'NetApp Tab'),
  netappAdd: am10('admin/monitoredhosts/add/netapp.md', 'NetApp'),
  fpolicyOptions: am10(
    'admin/agents/properties/netappfpolicyoptions.md',
    'NetApp FPolicy Options Tab',
  ),
  ontap7Http: am10(`${NAS}/ontap7-aac/enablehttp.md`, 'Enable HTTP or HTTPS'),
  ontap7Activity: am10(
    `${NAS}/ontap7-aac/ontap7-activity.md`,
    'NetApp Data ONTAP 7-Mode Activity Auditing Configuration',
  ),
  ctera: am10(`${NAS}/ctera-activity.md`, 'CTERA Activity Auditing Configuration'),
  nasuni: am10(
    `${NAS}/nasuni-activity.md`,
    'Nasuni Edge Appliance Activity Auditing Configuration',
  ),
  nutanixTab: am10('admin/agents/properties/nutanix.md', 'Nutanix Tab'),
  panzura: am10(`${NAS}/panzura-activity.md`, 'Panzura CloudFS Monitoring'),
  panzuraTab: am10('admin/agents/properties/panzura.md', 'Panzura Tab'),
  qumuloTab: am10('admin/agents/properties/qumulo.md', 'Qumulo Tab'),
  cohesity: am10(
    `${NAS}/cohesity-activity.md`,
    'Cohesity SmartFiles Activity Auditing Configuration',
  ),
  hitachi: am10(
    `${NAS}/hitachi-aac/hitachi-activity.md`,
    'Hitachi Activity Auditing Configuration',
  ),
  sqlReq: am10(
    'requirements/activityagent/sqlserver-activity.md',
    'SQL Server Activity Auditing Configuration',
  ),
  sqlAdd: am10('admin/monitoredhosts/add/sqlserver.md', 'SQL Server'),
  spOnprem: am10(
    'requirements/activityagent/sharepoint-onprem-activity.md',
    'SharePoint On-Premise Activity Auditing Configuration',
  ),
  entra: am10(
    'requirements/activityagent/entraid-activity.md',
    'Microsoft Entra ID Activity Auditing Configuration',
  ),
  exchange: am10(
    'requirements/activityagent/exchange-activity.md',
    'Exchange Online Activity Auditing Configuration',
  ),
  azureFiles: am10(
    `${NAS}/azure-files/azurefiles-activity.md`,
    'Azure Files Activity Auditing Configuration',
  ),
  copilot: am10(
    'requirements/activityagent/m365copilot-activity.md',
    'Microsoft 365 Copilot Activity Auditing Configuration',
  ),
  networkProxy: am10('admin/agents/properties/networkproxy.md', 'Network Proxy Tab'),
  archiving: am10('admin/agents/properties/archiving.md', 'Archiving Tab'),
  agentsInstall: am10('install/agents/agents.md', 'Agent Information'),
  linuxAgents: am10('admin/agents/linux.md', 'Linux Agent Deployment'),
  outputs: am10('admin/outputs/overview.md', 'Output Types'),
  syslog: am10('admin/outputs/syslog/syslog.md', 'Syslog Tab'),
  tmOutput: am10('admin/outputs/threatmanager.md', 'Threat Manager Tab'),
  aa26Output: am10('admin/outputs/accessanalyzer26.md', 'Access Analyzer 26 Tab'),
  windowsFs: am10(
    'requirements/activityagent/windowsfs-activity.md',
    'Windows File Server Activity Auditing Configuration',
  ),
  linux: am10('requirements/linuxagent.md', 'Linux Agent Server Requirements'),
  linuxInstall: am10('install/agents/manuallinux.md', 'Manually Install the Linux Agent'),
  ad: am10('requirements/adagent/adagent.md', 'AD Agent Server Requirements'),
  agentReq: am10(
    'requirements/activityagent/activityagent.md',
    'Activity Agent Server Requirements',
  ),
  tmPorts: docCitation('docs/threatmanager/3.1/requirements/ports.md', 'Ports Requirements'),
  tpPorts: docCitation(TP_PORTS, 'Firewall Ports'),
  /** The H2 of the Threat Prevention ports page that holds the "Agent Server to Threat Manager" row. */
  tpTmIntegration: docCitation(
    TP_PORTS,
    'Ports for Integration with Full Netwrix Threat Manager',
    'Ports for Integration with Full Netwrix Threat Manager',
  ),
  aaWindowsFile: docCitation(
    'docs/accessanalyzer/12.0/requirements/filesystem/filesystems/windowsfile/overview.md',
    'Windows File Server Target Requirements',
  ),
  aaAdActivity: docCitation(
    'docs/accessanalyzer/12.0/admin/datacollector/adactivity/overview.md',
    'ADActivity Data Collector',
  ),
  aa26Integration: docCitation(
    'docs/accessanalyzer/2601/configurations/activity-monitor-integration.md',
    'Activity Monitor Integration',
  ),
  certificate: am10('admin/agents/properties/certificate.md', 'Certificate Tab'),
  dnsTab: am10('admin/agents/properties/dns.md', 'DNS Tab'),
  adUsers: am10('admin/agents/properties/adusers.md', 'AD Users Tab'),
  inactivityAlerts: am10('admin/agents/properties/inactivityalerts.md', 'Inactivity Alerts Tab'),
  unixIds: am10('admin/monitoredhosts/properties/unixids.md', 'Unix IDs Tab'),
  adFileArchive: am10(
    'requirements/adagent/activity/filearchive.md',
    'File Archive Repository Option',
  ),
  /** The H2 of the Threat Prevention ports page that holds the Windows agent's outbound rows. */
  tpAgent: docCitation(TP_PORTS, 'Agent Firewall Rules', 'Agent Firewall Rules'),
  tpNas: docCitation(
    'docs/threatprevention/8.0/requirements/agent/agentnas.md',
    'NAS Device Support',
  ),
} as const;
