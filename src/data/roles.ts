/** Roles: the endpoints of catalog rules (vocabulary: /work/catalog-vocabulary.md). */
import type { Role } from '@/core/catalog/model';

const device = (id: string, name: string): Role => ({ id, name, kind: 'device' });

/**
 * Environments whose agents monitor file systems ("File System Hosts" of the Output Types page:
 * Windows file servers, Linux hosts, NAS devices; Azure Files shares are NAS-device hosts).
 */
export const FILE_SYSTEM_ENVIRONMENTS: readonly string[] = [
  'windows-file-server',
  'linux',
  'azure-files',
  'cohesity',
  'ctera',
  'dell-celerra-vnx',
  'dell-isilon',
  'dell-powerstore',
  'dell-unity',
  'hitachi-nas',
  'nasuni',
  'netapp-7mode',
  'netapp-cmode',
  'nutanix',
  'panzura',
  'qumulo',
];

/**
 * NAS platforms whose activity Threat Prevention reads from the Activity Monitor agent's log
 * files: the list of "NAS Device Support" (Threat Prevention 8.0, requirements/agent/agentnas.md).
 */
export const THREAT_PREVENTION_NAS_ENVIRONMENTS: readonly string[] = [
  'dell-celerra-vnx',
  'dell-isilon',
  'dell-unity',
  'hitachi-nas',
  'nasuni',
  'netapp-7mode',
  'netapp-cmode',
  'panzura',
];

export const ROLES: readonly Role[] = [
  {
    id: 'am-console',
    name: 'Activity Monitor Console',
    kind: 'plan-host',
    planHost: 'console',
  },
  { id: 'activity-agent-server', name: 'Activity Agent Server', kind: 'agent', hostOs: 'windows' },
  { id: 'windows-agent-host', name: 'Windows agent host', kind: 'windows-agent' },
  {
    id: 'file-activity-agent',
    name: 'Activity Agent (file activity)',
    kind: 'agent',
    monitors: FILE_SYSTEM_ENVIRONMENTS,
  },
  {
    id: 'aa26-source-agent',
    name: 'Activity Agent (file, SharePoint Online or Copilot activity)',
    kind: 'agent',
    monitors: [...FILE_SYSTEM_ENVIRONMENTS, 'sharepoint-online', 'm365-copilot'],
  },
  {
    id: 'cee',
    name: 'CEE Server',
    kind: 'device-option-host',
    option: 'ceeServer',
    when: { kind: 'option', option: 'ceePlacement', in: ['separate'] },
    otherwise: 'activity-agent-server',
    hostLabel: 'CEE server',
    hostOs: 'windows',
  },
  {
    id: 'ontap-management-lif',
    name: 'ONTAP management LIF',
    kind: 'device-option-host',
    option: 'ontapManagementAddress',
    when: { kind: 'option', option: 'ontapApiTarget', in: ['management'] },
    otherwise: 'netapp-svm',
    hostLabel: 'ONTAP management LIF',
  },
  {
    id: 'access-analyzer-server',
    name: 'Access Analyzer Console',
    kind: 'plan-host',
    planHost: 'accessAnalyzer',
  },
  {
    id: 'aa26-server',
    name: 'Access Analyzer 26 server',
    kind: 'plan-host',
    planHost: 'accessAnalyzer',
  },
  { id: 'siem-server', name: 'Syslog / SIEM server', kind: 'plan-host', planHost: 'siem' },
  {
    id: 'threat-manager-server',
    name: 'Threat Manager server',
    kind: 'plan-host',
    planHost: 'threatManager',
  },
  {
    id: 'tp-enterprise-manager',
    name: 'Threat Prevention Enterprise Manager',
    kind: 'plan-host',
    planHost: 'threatPrevention',
  },
  {
    id: 'tp-nas-agent',
    name: 'Activity Agent Server with the Threat Prevention agent (NAS)',
    kind: 'agent',
    hostOs: 'windows',
    monitors: THREAT_PREVENTION_NAS_ENVIRONMENTS,
  },
  { id: 'network-proxy', name: 'Network proxy', kind: 'plan-host', planHost: 'proxy' },
  { id: 'archive-server', name: 'Archive share server', kind: 'plan-host', planHost: 'archive' },
  { id: 'dns-server', name: 'DNS server', kind: 'plan-host', planHost: 'dnsServers' },
  {
    id: 'lookup-domain-controller',
    name: 'Domain controller (AD lookups)',
    kind: 'plan-host',
    planHost: 'domainControllers',
  },
  { id: 'smtp-server', name: 'SMTP server', kind: 'plan-host', planHost: 'smtp' },
  {
    id: 'alert-syslog-server',
    name: 'Syslog server (inactivity alerts)',
    kind: 'plan-host',
    planHost: 'alertSyslog',
  },
  {
    id: 'sharepoint-sql',
    name: 'SharePoint SQL Server',
    kind: 'device-option-host',
    option: 'sharepointSqlAddress',
    hostLabel: 'SharePoint SQL Server',
    hostOs: 'windows',
  },
  device('cohesity', 'Cohesity cluster'),
  device('ctera-portal', 'CTERA Portal'),
  device('dell-celerra-vnx', 'Dell Celerra/VNX Data Mover'),
  device('dell-isilon', 'Dell Isilon/PowerScale cluster'),
  device('dell-powerstore', 'Dell PowerStore'),
  device('dell-unity', 'Dell Unity'),
  // The tenant of a cloud device: no address of its own; its rules go to the cloud's endpoints.
  device('ms-tenant', 'Microsoft Entra ID Tenant'),
  {
    id: 'ms-cloud',
    name: 'Microsoft cloud endpoints',
    kind: 'cloud',
    viaProxy: 'network-proxy',
  },
  device('nasuni-edge', 'Nasuni Edge Appliance'),
  device('netapp-7mode', 'NetApp 7-Mode filer'),
  device('netapp-svm', 'NetApp SVM (data LIFs)'),
  device('nutanix', 'Nutanix Files server'),
  device('panzura', 'Panzura nodes'),
  device('qumulo', 'Qumulo cluster'),
  device('hitachi-nas', 'Hitachi NAS'),
  device('sql-server', 'SQL Server'),
  device('windows-file-server', 'Windows file server'),
  device('domain-controller', 'Domain controller'),
  device('linux-host', 'Linux host'),
  device('sharepoint-server', 'SharePoint server'),
];
