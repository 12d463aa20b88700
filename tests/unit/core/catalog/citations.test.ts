/**
 * Citations of the bundled catalog point at the right page and name it as the reader sees it:
 * the page title (front matter `title`) of each sibling page, literally, as read from netwrix/docs
 * (catalog review 2, P8, P10, P14; errata sources E5, E17, E24, E25).
 */
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { Citation } from '@/core/catalog/model';

const PORTS_PAGE = 'docs/activitymonitor/10.0/requirements/activityagent/activityagentports.md';
const AM = 'docs/activitymonitor/10.0/';
const NAS = `${AM}requirements/activityagent/nas-device-configuration/`;

/** Page path -> the page's own title, as read from netwrix/docs. */
const TITLES: Record<string, string> = {
  [`${AM}install/agents/manual.md`]: 'Manually Install the Activity Agent',
  [`${AM}install/agents/agents.md`]: 'Agent Information',
  [`${AM}install/agents/manuallinux.md`]: 'Manually Install the Linux Agent',
  [`${AM}admin/agents/linux.md`]: 'Linux Agent Deployment',
  [`${AM}admin/agents/properties/connection.md`]: 'Connection Tab',
  [`${AM}admin/agents/properties/apiserver.md`]: 'API Server Tab',
  [`${AM}admin/agents/properties/dellceeoptions.md`]: 'Dell CEE Options Tab',
  [`${AM}admin/agents/properties/netappfpolicyoptions.md`]: 'NetApp FPolicy Options Tab',
  [`${AM}admin/agents/properties/nutanix.md`]: 'Nutanix Tab',
  [`${AM}admin/agents/properties/panzura.md`]: 'Panzura Tab',
  [`${AM}admin/agents/properties/qumulo.md`]: 'Qumulo Tab',
  [`${AM}admin/agents/properties/networkproxy.md`]: 'Network Proxy Tab',
  [`${AM}admin/agents/properties/archiving.md`]: 'Archiving Tab',
  [`${AM}admin/agents/properties/certificate.md`]: 'Certificate Tab',
  [`${AM}admin/agents/properties/dns.md`]: 'DNS Tab',
  [`${AM}admin/agents/properties/adusers.md`]: 'AD Users Tab',
  [`${AM}admin/agents/properties/inactivityalerts.md`]: 'Inactivity Alerts Tab',
  [`${AM}admin/monitoredhosts/properties/unixids.md`]: 'Unix IDs Tab',
  [`${AM}requirements/adagent/activity/filearchive.md`]: 'File Archive Repository Option',
  [`${AM}admin/monitoredhosts/add/dellpowerscale.md`]: 'Dell Isilon/PowerScale',
  [`${AM}admin/monitoredhosts/add/netapp.md`]: 'NetApp',
  [`${AM}admin/monitoredhosts/add/sqlserver.md`]: 'SQL Server',
  [`${AM}admin/monitoredhosts/properties/netapp.md`]: 'NetApp Tab',
  [`${AM}admin/outputs/overview.md`]: 'Output Types',
  [`${AM}admin/outputs/syslog/syslog.md`]: 'Syslog Tab',
  [`${AM}admin/outputs/threatmanager.md`]: 'Threat Manager Tab',
  [`${AM}admin/outputs/accessanalyzer26.md`]: 'Access Analyzer 26 Tab',
  [`${AM}requirements/linuxagent.md`]: 'Linux Agent Server Requirements',
  [`${AM}requirements/adagent/adagent.md`]: 'AD Agent Server Requirements',
  [`${AM}requirements/activityagent/activityagent.md`]: 'Activity Agent Server Requirements',
  [`${AM}requirements/activityagent/windowsfs-activity.md`]:
    'Windows File Server Activity Auditing Configuration',
  [`${AM}requirements/activityagent/sqlserver-activity.md`]:
    'SQL Server Activity Auditing Configuration',
  [`${AM}requirements/activityagent/sharepoint-onprem-activity.md`]:
    'SharePoint On-Premise Activity Auditing Configuration',
  [`${AM}requirements/activityagent/entraid-activity.md`]:
    'Microsoft Entra ID Activity Auditing Configuration',
  [`${AM}requirements/activityagent/exchange-activity.md`]:
    'Exchange Online Activity Auditing Configuration',
  [`${AM}requirements/activityagent/m365copilot-activity.md`]:
    'Microsoft 365 Copilot Activity Auditing Configuration',
  [`${NAS}celerra-vnx-aac/celerra-vnx-activity.md`]:
    'Dell Celerra & Dell VNX Activity Auditing Configuration',
  [`${NAS}unity-aac/unity-activity.md`]: 'Dell Unity Activity Auditing Configuration',
  [`${NAS}powerstore-aac/powerstore-activity.md`]:
    'Dell PowerStore Activity Auditing Configuration',
  [`${NAS}isilon-powerscale-aac/isilon-activity.md`]:
    'Dell Isilon/PowerScale Activity Auditing Configuration',
  [`${NAS}isilon-powerscale-aac/installcee.md`]: 'Install Dell CEE',
  [`${NAS}isilon-powerscale-aac/manualconfiguration.md`]: 'Manually Configure Auditing in OneFS',
  [`${NAS}isilon-powerscale-aac/validate.md`]: 'Validate Setup',
  [`${NAS}ontap-cluster-aac/configurefirewall.md`]: 'Configure Network',
  [`${NAS}ontap-cluster-aac/ontap-cluster-activity.md`]:
    'NetApp Data ONTAP Cluster-Mode Activity Auditing Configuration',
  [`${NAS}ontap7-aac/enablehttp.md`]: 'Enable HTTP or HTTPS',
  [`${NAS}ontap7-aac/ontap7-activity.md`]:
    'NetApp Data ONTAP 7-Mode Activity Auditing Configuration',
  [`${NAS}ctera-activity.md`]: 'CTERA Activity Auditing Configuration',
  [`${NAS}nasuni-activity.md`]: 'Nasuni Edge Appliance Activity Auditing Configuration',
  [`${NAS}panzura-activity.md`]: 'Panzura CloudFS Monitoring',
  [`${NAS}cohesity-activity.md`]: 'Cohesity SmartFiles Activity Auditing Configuration',
  [`${NAS}hitachi-aac/hitachi-activity.md`]: 'Hitachi Activity Auditing Configuration',
  [`${NAS}azure-files/azurefiles-activity.md`]: 'Azure Files Activity Auditing Configuration',
  'docs/threatmanager/3.1/requirements/ports.md': 'Ports Requirements',
  'docs/threatprevention/8.0/requirements/ports.md': 'Firewall Ports',
  'docs/threatprevention/8.0/requirements/agent/agentnas.md': 'NAS Device Support',
  'docs/accessanalyzer/12.0/requirements/filesystem/filesystems/windowsfile/overview.md':
    'Windows File Server Target Requirements',
  'docs/accessanalyzer/12.0/admin/datacollector/adactivity/overview.md':
    'ADActivity Data Collector',
  'docs/accessanalyzer/2601/configurations/activity-monitor-integration.md':
    'Activity Monitor Integration',
};

/** Sections of a page that the catalog cites by their (checked) H2 heading and anchor. */
const HEADINGS: Record<string, string[]> = {
  'docs/threatprevention/8.0/requirements/ports.md': [
    'Ports for Integration with Full Netwrix Threat Manager',
    'Agent Firewall Rules',
  ],
};

const catalog = getCatalog();

function everyCitation(): [string, Citation][] {
  return [
    ...catalog.environments.map((e): [string, Citation] => [`environment ${e.id}`, e.citation]),
    ...catalog.rules.map((r): [string, Citation] => [`rule ${r.id}`, r.citation]),
    ...catalog.settings.map((s): [string, Citation] => [`setting ${s.id}`, s.citation]),
    ...catalog.errata.flatMap((e) =>
      e.sources.map((c, i): [string, Citation] => [`${e.id} source ${i + 1}`, c]),
    ),
  ];
}

const rule = (id: string) => catalog.rules.find((r) => r.id === id);
const erratum = (id: string) => catalog.errata.find((e) => e.id === id);

describe('citations (catalog review 2)', () => {
  it.each(everyCitation().filter(([, c]) => !c.path.endsWith('/activityagentports.md')))(
    '%s names its page by the page title',
    (_where, citation) => {
      const title = TITLES[citation.path];
      expect(title, `no known title for ${citation.path}`).toBeDefined();
      if (citation.anchor === '') expect(citation.section).toBe(title);
      else expect(HEADINGS[citation.path] ?? []).toContain(citation.section);
    },
  );

  it('P8: the agent -> SQL Server rule cites the SQL Server requirements, not the row it corrects', () => {
    expect(rule('sql-server-agent-tds')?.citation.path).toBe(
      `${AM}requirements/activityagent/sqlserver-activity.md`,
    );
    expect(rule('sql-server-documented-row')?.citation.path).toBe(PORTS_PAGE);
  });

  it('P10: the console -> Linux SSH rule cites the page that says "over SSH"', () => {
    expect(rule('deploy-console-linux-ssh')?.citation.path).toBe(`${AM}install/agents/agents.md`);
    expect(rule('deploy-console-linux-ssh')?.notes?.join(' ')).toContain('manuallinux.md');
  });

  it('E5 cites the Isilon "Install Dell CEE" page that says MS-RPC', () => {
    expect(erratum('E5')?.sources.map((s) => s.path)).toContain(
      `${NAS}isilon-powerscale-aac/installcee.md`,
    );
  });

  it('E24 puts the "UPD" typo on the Activity Monitor Syslog Tab', () => {
    expect(erratum('E24')?.says).toMatch(/"Syslog Tab".*"UPD is the only protocol/);
  });

  it('E25 cites the Threat Prevention section that holds the merged row', () => {
    expect(erratum('E25')?.sources[0]?.anchor).toBe(
      '#ports-for-integration-with-full-netwrix-threat-manager',
    );
  });
});
