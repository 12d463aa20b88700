/**
 * The preset deflate dictionary of link format 1.
 *
 * Deflate may copy strings from this text as if it preceded the plan, so catalog ids, option
 * names, JSON skeleton and common address fragments cost a few bits instead of their length.
 * It makes a typical link about a third shorter (URL-2).
 *
 * FROZEN: every format-1 link ever shared was compressed against exactly these bytes. Never
 * edit, reorder or extend this text; a changed dictionary needs a new link version (see
 * ./migrations.ts) with its own dictionary, while this one stays for format 1. A unit test pins
 * its length and CRC-32, and the golden link tests/fixtures/permalinks/v1.txt depends on it.
 */
export const DICTIONARY_V1_TEXT = [
  // Display names of environments and roles, as the wizard may use them for device names.
  'NetApp Data ONTAP Cluster-Mode NetApp Data ONTAP 7-Mode NetApp SVM Cohesity SmartFiles ',
  'CTERA Portal Dell Celerra & Dell VNX Dell Isilon/PowerScale cluster Dell PowerStore Dell Unity ',
  'Nasuni Edge Appliance Nutanix Files server Panzura CloudFS nodes Qumulo cluster ',
  'Hitachi NAS (HNAS) Azure Files Microsoft 365 Copilot SharePoint Online SharePoint server ',
  'Windows file server Domain controller Linux file server Microsoft Entra ID Tenant ',
  'Exchange Online SQL Server Filer File server Cluster Tenant Production Site DC ',
  'Activity Monitor Console Access Analyzer Threat Manager SIEM ',
  // Address fragments.
  '192.168.0.172.16.10.0.0/24/28.internal.local.lan.example.com.net.org.intra.ad.corp.',
  // Options and settings (ids and values).
  '"ontapiProtocol":"both","http","https","fpolicyAutoConfig":false,"fpolicyPort":"9999",',
  '"isilonAutoConfig":true,"sqlNamedInstance":true,"sharepointSqlAddress":"',
  '"qumuloPort":"4496","nutanixPort":"4501","panzuraPort":"4497","cteraPort":"4488",',
  '"ceeDelivery":"msrpc","ceeAddress":"","ceePlacement":"separate"}',
  // Integrations and settings of the compact form.
  '"i":{"a":{"e":1,"d":"aa26","u":1,"n":"","h":""},"s":{"e":1,"t":"TCP","p":6514,"h":""},',
  '"t":{"e":1,"h":""}},"s":{"r":[49152,65535],"p":{"aa26Port":4504,"agentPort":4498,',
  '"apiServerPort":4494,"ceeHttpPort":4492,"tmAmqpPort":10001,"tmSyslogPort":10000},"i":0},',
  '"k":"2026.',
  // Environment ids.
  '["active-directory","linux","windows-file-server","sharepoint-onprem","cohesity","ctera",',
  '"dell-celerra-vnx","dell-powerstore","dell-unity","hitachi-nas","nasuni","nutanix","panzura",',
  '"azure-files","m365-copilot","sharepoint-online","netapp-7mode","netapp-cmode","dell-isilon",',
  '"qumulo","sql-server","exchange-online","entra-id",',
  // The head of a plan and the joins between devices (most frequent last: shortest distance).
  '{"n":"","v":"9.0","c":["",""],"a":["","Agent server ",""],"d":[["',
  '.onmicrosoft.com",1],["',
  '"],0,1,{"',
  '"]],["',
].join('');

export const DICTIONARY_V1 = new TextEncoder().encode(DICTIONARY_V1_TEXT);
