/**
 * The vendor page (netwrix/docs activityagentports.md, 10.0@a8b312c3, the catalog's docs
 * revision): its 39 rows, literally, with the structured reading the catalog applies (source,
 * destination, transport, ports). 37 rows were first read at 10.0@c0a002f5; the 2 rows of the
 * Cohesity SmartFiles section came with 10.0@88d6a5ff; a8b312c3 fixed "Panzura filers to to".
 */
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { PortItem } from '@/core/catalog/model';

const p = (port: number): PortItem => ({ kind: 'port', port });
const RPC: PortItem = { kind: 'named', set: 'rpc-dynamic' };
// "Predefined": the Windows Firewall predefined rule group for WMI (E16).
const WMI: PortItem = {
  kind: 'named',
  set: 'wmi',
  windowsRuleGroup: {
    displayGroup: 'Windows Management Instrumentation (WMI)',
    group: '@FirewallAPI.dll,-34251',
  },
};
const s = (setting: string): PortItem => ({ kind: 'setting', setting });

const T = {
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
  n7: 'NetApp Data ONTAP 7-Mode Device Additional Firewall Rules',
  nc: 'NetApp Data ONTAP Cluster-Mode Device Additional Firewall Rules',
  nutanix: 'Nutanix Devices Additional Firewall Rules',
  panzura: 'Panzura Devices Additional Firewall Rules',
  qumulo: 'Qumulo Devices Additional Firewall Rules',
  azure: 'Azure Files Additional Firewall Rules',
  spo: 'SharePoint Online Additional Firewall Rules',
  sql: 'SQL Server Additional Firewall Rules',
  aa: 'Integration with Netwrix Access Analyzer Additional Firewall Rules',
};

const CEE_AGENT = 'CEE Server to Activity Agent Server (when not same server)';
const TENANT = 'Activity Agent Server to Microsoft Entra ID Tenant';
const O365 = 'Entra ID authentication, Graph API, Office 365 API';
const N7_RPC = '135, 139 Dynamic Range (49152-65535)';

type Row = [
  table: string,
  direction: string,
  protocol: string,
  ports: string,
  description: string,
  reading: { env: string; src: string; dst: string; transport: 'TCP' | 'UDP'; ports: PortItem[] },
];

// prettier-ignore
const VENDOR_ROWS: Row[] = [
  [T.top, 'Activity Monitor to Agent Server', 'TCP', '4498', 'Agent Communication', { env: 'am-core', src: 'am-console', dst: 'activity-agent-server', transport: 'TCP', ports: [s('agentPort')] }],
  [T.ctera, 'Agent Server to CTERA Portal', 'HTTPS', '443', 'CTERA Portal API', { env: 'ctera', src: 'activity-agent-server', dst: 'ctera-portal', transport: 'TCP', ports: [p(443)] }],
  [T.ctera, 'CTERA Portal to Agent Server', 'TCP/TLS', '4488', 'CTERA Event Reporting', { env: 'ctera', src: 'ctera-portal', dst: 'activity-agent-server', transport: 'TCP', ports: [s('cteraPort')] }],
  [T.celerra, 'Dell Device CEE Server', 'TCP', 'RPC Dynamic Range', 'CEE Communication', { env: 'dell-celerra-vnx', src: 'dell-celerra-vnx', dst: 'cee', transport: 'TCP', ports: [RPC] }],
  [T.celerra, CEE_AGENT, 'TCP', 'RPC Dynamic Range', 'CEE Event Data', { env: 'dell-celerra-vnx', src: 'cee', dst: 'activity-agent-server', transport: 'TCP', ports: [RPC] }],
  [T.isilon, 'Dell Isilon/PowerScale to CEE Server', 'TCP', 'TCP 12228', 'CEE Communication', { env: 'dell-isilon', src: 'dell-isilon', dst: 'cee', transport: 'TCP', ports: [p(12228)] }],
  [T.isilon, CEE_AGENT, 'TCP', 'RPC Dynamic Range', 'CEE Event Data', { env: 'dell-isilon', src: 'cee', dst: 'activity-agent-server', transport: 'TCP', ports: [RPC] }],
  [T.powerstore, 'Dell Device CEE Server', 'TCP', 'RPC Dynamic Range', 'CEE Communication', { env: 'dell-powerstore', src: 'dell-powerstore', dst: 'cee', transport: 'TCP', ports: [RPC] }],
  [T.powerstore, CEE_AGENT, 'TCP', 'RPC Dynamic Range', 'CEE Event Data', { env: 'dell-powerstore', src: 'cee', dst: 'activity-agent-server', transport: 'TCP', ports: [RPC] }],
  [T.unity, 'Dell Device CEE Server', 'TCP', 'RPC Dynamic Range', 'CEE Communication', { env: 'dell-unity', src: 'dell-unity', dst: 'cee', transport: 'TCP', ports: [RPC] }],
  [T.unity, CEE_AGENT, 'TCP', 'RPC Dynamic Range', 'CEE Event Data', { env: 'dell-unity', src: 'cee', dst: 'activity-agent-server', transport: 'TCP', ports: [RPC] }],
  [T.exchange, TENANT, 'HTTPS', '443', O365, { env: 'exchange-online', src: 'activity-agent-server', dst: 'ms-cloud', transport: 'TCP', ports: [p(443)] }],
  [T.entra, TENANT, 'HTTPS', '443', O365, { env: 'entra-id', src: 'activity-agent-server', dst: 'ms-cloud', transport: 'TCP', ports: [p(443)] }],
  [T.nasuni, 'Agent Server to Nasuni', 'HTTPS', '8443', 'Nasuni API calls', { env: 'nasuni', src: 'activity-agent-server', dst: 'nasuni-edge', transport: 'TCP', ports: [p(8443)] }],
  [T.nasuni, 'Nasuni to Activity Agent Server', 'AMQP over TCP', '5671', 'Nasuni event reporting', { env: 'nasuni', src: 'nasuni-edge', dst: 'activity-agent-server', transport: 'TCP', ports: [p(5671)] }],
  [T.n7, 'Activity Agent Server to NetApp*', 'HTTP (optional)', '80', 'ONTAPI', { env: 'netapp-7mode', src: 'activity-agent-server', dst: 'netapp-7mode', transport: 'TCP', ports: [p(80)] }],
  [T.n7, 'Activity Agent Server to NetApp*', 'HTTPS (optional)', '443', 'ONTAPI', { env: 'netapp-7mode', src: 'activity-agent-server', dst: 'netapp-7mode', transport: 'TCP', ports: [p(443)] }],
  [T.n7, 'Activity Agent Server to NetApp', 'TCP', N7_RPC, 'RPC', { env: 'netapp-7mode', src: 'activity-agent-server', dst: 'netapp-7mode', transport: 'TCP', ports: [p(135), p(139), { kind: 'range', from: 49152, to: 65535 }] }],
  [T.n7, 'Activity Agent Server to NetApp', 'TCP', '445', 'SMB', { env: 'netapp-7mode', src: 'activity-agent-server', dst: 'netapp-7mode', transport: 'TCP', ports: [p(445)] }],
  [T.n7, 'Activity Agent Server to NetApp', 'UDP', '137, 138', 'RPC', { env: 'netapp-7mode', src: 'activity-agent-server', dst: 'netapp-7mode', transport: 'UDP', ports: [p(137), p(138)] }],
  [T.n7, 'NetApp to Activity Agent Server', 'TCP', N7_RPC, 'RPC', { env: 'netapp-7mode', src: 'netapp-7mode', dst: 'activity-agent-server', transport: 'TCP', ports: [p(135), p(139), RPC] }],
  [T.n7, 'NetApp to Activity Agent Server', 'TCP', '445', 'SMB', { env: 'netapp-7mode', src: 'netapp-7mode', dst: 'activity-agent-server', transport: 'TCP', ports: [p(445)] }],
  [T.n7, 'NetApp to Activity Agent Server', 'UDP', '137, 138', 'RPC', { env: 'netapp-7mode', src: 'netapp-7mode', dst: 'activity-agent-server', transport: 'UDP', ports: [p(137), p(138)] }],
  [T.nc, 'Activity Agent Server to NetApp*', 'HTTP (optional)', '80', 'ONTAPI', { env: 'netapp-cmode', src: 'activity-agent-server', dst: 'ontap-management-lif', transport: 'TCP', ports: [p(80)] }],
  [T.nc, 'Activity Agent Server to NetApp*', 'HTTPS (optional)', '443', 'ONTAPI', { env: 'netapp-cmode', src: 'activity-agent-server', dst: 'ontap-management-lif', transport: 'TCP', ports: [p(443)] }],
  [T.nc, 'NetApp to Activity Agent Server', 'TCP', '9999', 'FPolicy events', { env: 'netapp-cmode', src: 'netapp-svm', dst: 'activity-agent-server', transport: 'TCP', ports: [s('fpolicyPort')] }],
  [T.nutanix, 'Activity Agent Server to Nutanix', 'TCP', '9440', 'Nutanix API', { env: 'nutanix', src: 'activity-agent-server', dst: 'nutanix', transport: 'TCP', ports: [p(9440)] }],
  [T.nutanix, 'Nutanix to Activity Agent Server', 'TCP', '4501', 'Nutanix Event Reporting', { env: 'nutanix', src: 'nutanix', dst: 'activity-agent-server', transport: 'TCP', ports: [s('nutanixPort')] }],
  [T.panzura, 'Activity Agent Server to Panzura', 'HTTPS', '443', 'Panzura API', { env: 'panzura', src: 'activity-agent-server', dst: 'panzura', transport: 'TCP', ports: [p(443)] }],
  // 10.0@c0a002f5 and @88d6a5ff read "Panzura filers to to Activity Agent Server" (erratum E6).
  [T.panzura, 'Panzura filers to Activity Agent Server', 'AMQP over TCP', '4497', 'Panzura Event Reporting', { env: 'panzura', src: 'panzura', dst: 'activity-agent-server', transport: 'TCP', ports: [s('panzuraPort')] }],
  [T.qumulo, 'Activity Agent Server to Qumulo', 'TCP', '8000', 'Qumulo API', { env: 'qumulo', src: 'activity-agent-server', dst: 'qumulo', transport: 'TCP', ports: [p(8000)] }],
  [T.qumulo, 'Qumulo to Activity Agent Server', 'TCP', '4496', 'Qumulo Event Reporting', { env: 'qumulo', src: 'qumulo', dst: 'activity-agent-server', transport: 'TCP', ports: [s('qumuloPort')] }],
  [T.azure, TENANT, 'HTTPS', '443', 'Entra ID authentication, Graph API, Blob Storage', { env: 'azure-files', src: 'activity-agent-server', dst: 'ms-cloud', transport: 'TCP', ports: [p(443)] }],
  [T.spo, TENANT, 'HTTPS', '443', O365, { env: 'sharepoint-online', src: 'activity-agent-server', dst: 'ms-cloud', transport: 'TCP', ports: [p(443)] }],
  // The documented direction is kept literally (superseded by agent -> SQL Server, erratum E15).
  [T.sql, 'SQL Server to Activity Agent Server', 'TCP', '1433', 'Default SQL\u00a0Server Port', { env: 'sql-server', src: 'sql-server', dst: 'activity-agent-server', transport: 'TCP', ports: [p(1433)] }],
  [T.aa, 'Access Analyzer to Agent Server', 'TCP', '445', 'SMB, used for Agent Deployment', { env: 'access-analyzer', src: 'access-analyzer-server', dst: 'windows-agent-host', transport: 'TCP', ports: [p(445)] }],
  [T.aa, 'Access Analyzer to Agent Server', 'TCP', 'Predefined', 'WMI, used for Agent Deployment', { env: 'access-analyzer', src: 'access-analyzer-server', dst: 'windows-agent-host', transport: 'TCP', ports: [WMI] }],
];

// The Cohesity SmartFiles section (absent at 10.0@c0a002f5, present from 10.0@88d6a5ff).
// prettier-ignore
const COHESITY_ROWS: Row[] = [
  [T.cohesity, 'Activity Agent Server to Cohesity', 'TCP', '445', 'SMB \u2014 audit log access', { env: 'cohesity', src: 'activity-agent-server', dst: 'cohesity', transport: 'TCP', ports: [p(445)] }],
  [T.cohesity, 'Activity Agent Server to Cohesity', 'HTTPS', '443', 'Cohesity API', { env: 'cohesity', src: 'activity-agent-server', dst: 'cohesity', transport: 'TCP', ports: [p(443)] }],
];

const catalog = getCatalog();
const vendorRules = catalog.rules.filter((r) => r.vendorRow);
const rowKey = (r: Row) => `${r[0]}|${r[1]}|${r[2]}|${r[3]}|${r[4]}|${r[5].env}`;

function matchRow(row: Row, commit: string): void {
  const [table, direction, protocol, ports, description, reading] = row;
  const matches = vendorRules.filter(
    (r) =>
      r.vendorRow?.table === table &&
      r.vendorRow.direction === direction &&
      r.vendorRow.protocol === protocol &&
      r.vendorRow.ports === ports &&
      r.vendorRow.description === description,
  );
  expect(matches).toHaveLength(1);
  const rule = matches[0]!;
  expect({
    env: rule.environment,
    src: rule.source,
    dst: rule.destination,
    transport: rule.transport,
    ports: rule.ports,
  }).toEqual(reading);
  expect(rule.basis).toBe('documented');
  expect(rule.citation.section).toBe(table);
  expect(rule.citation.revision).toBe(commit);
  expect(rule.citation.url).toMatch(
    /^https:\/\/docs\.netwrix\.com\/docs\/activitymonitor\/10_0\/requirements\/activityagent\/activityagentports#[a-z0-9-]+$/,
  );
}

describe('vendor page rows (37 rows in 18 tables)', () => {
  it('the literal table holds 37 rows in 18 tables', () => {
    expect(VENDOR_ROWS).toHaveLength(37);
    expect(new Set(VENDOR_ROWS.map((r) => r[0])).size).toBe(18);
  });

  it('exactly 39 catalog rules carry a vendorRow: the 37 rows and the 2 Cohesity rows', () => {
    expect(vendorRules).toHaveLength(39);
    expect(COHESITY_ROWS).toHaveLength(2);
  });

  it.each(VENDOR_ROWS)('%s | %s | %s | %s | %s', (...row) => {
    matchRow(row, 'a8b312c3');
  });

  it.each(COHESITY_ROWS)('Cohesity: %s | %s | %s | %s | %s', (...row) => {
    matchRow(row, 'a8b312c3');
  });

  it('each vendor row of the catalog is one of the 39 literal rows (no extra, no duplicate)', () => {
    const literal = new Set([...VENDOR_ROWS, ...COHESITY_ROWS].map(rowKey));
    const seen = vendorRules.map(
      (r) =>
        `${r.vendorRow?.table}|${r.vendorRow?.direction}|${r.vendorRow?.protocol}|${r.vendorRow?.ports}|${r.vendorRow?.description}|${r.environment}`,
    );
    expect(new Set(seen).size).toBe(39);
    for (const key of seen) expect(literal.has(key)).toBe(true);
  });
});

describe('errata readings beside documented rows', () => {
  it('E15: the SQL Server row is kept and superseded by agent -> SQL Server 1433', () => {
    const documented = catalog.rules.find((r) => r.vendorRow?.table === T.sql);
    expect(documented?.supersededBy).toBe('sql-server-agent-tds');
    const corrected = catalog.rules.find((r) => r.id === documented?.supersededBy);
    expect(corrected).toMatchObject({
      source: 'activity-agent-server',
      destination: 'sql-server',
      transport: 'TCP',
      ports: [p(1433)],
      basis: 'documented',
      errata: ['E15'],
    });
  });

  it.each(['dell-celerra-vnx', 'dell-powerstore', 'dell-unity'])(
    'E2: %s has inferred TCP 135 companions for device -> CEE and CEE -> agent',
    (env) => {
      const epm = catalog.rules.filter(
        (r) =>
          r.environment === env &&
          r.ports.length === 1 &&
          r.ports[0]?.kind === 'port' &&
          r.ports[0].port === 135,
      );
      expect(epm.map((r) => `${r.source}->${r.destination}:${r.basis}`).sort()).toEqual([
        'cee->activity-agent-server:inferred',
        `${env}->cee:inferred`,
      ]);
    },
  );

  it.each(['dell-celerra-vnx', 'dell-isilon', 'dell-powerstore', 'dell-unity'])(
    'E3: %s CEE -> agent rules need a separate CEE and the matching delivery',
    (env) => {
      const byId = (suffix: string) => catalog.rules.find((r) => r.id === `${env}-${suffix}`);
      expect(byId('cee-agent-rpc')?.condition?.when).toEqual({
        kind: 'all',
        conditions: [
          { kind: 'option', option: 'ceePlacement', in: ['separate'] },
          { kind: 'option', option: 'ceeDelivery', in: ['msrpc', 'both'] },
        ],
      });
      expect(byId('cee-agent-http')?.condition?.when).toEqual({
        kind: 'all',
        conditions: [
          { kind: 'option', option: 'ceePlacement', in: ['separate'] },
          { kind: 'option', option: 'ceeDelivery', in: ['http', 'both'] },
        ],
      });
      expect(byId('cee-agent-http')?.ports).toEqual([s('ceeHttpPort')]);
      // device -> CEE rules carry no placement condition
      const deviceToCee = catalog.rules.filter(
        (r) => r.environment === env && r.destination === 'cee',
      );
      expect(deviceToCee.length).toBeGreaterThan(0);
      for (const r of deviceToCee) expect(r.condition).toBeUndefined();
    },
  );

  it('E10: Cluster-Mode HTTP/HTTPS follow ontapiProtocol', () => {
    const http = catalog.rules.find((r) => r.id === 'netapp-cmode-agent-ontapi-http');
    const https = catalog.rules.find((r) => r.id === 'netapp-cmode-agent-ontapi-https');
    expect(http?.condition?.when).toEqual({
      kind: 'option',
      option: 'ontapiProtocol',
      in: ['http', 'both', 'auto'],
    });
    expect(https?.condition?.when).toEqual({
      kind: 'option',
      option: 'ontapiProtocol',
      in: ['https', 'both', 'auto'],
    });
    expect(http?.errata).toEqual(expect.arrayContaining(['E9', 'E10']));
  });

  it('E32: Cluster-Mode ONTAPI goes to a management LIF helper host, FPolicy comes from the data LIFs (review 2 P3, M9)', () => {
    // "Configure Network": the API goes "through the SVM's LIF or through the cluster management
    // LIF with vserver tunneling"; the checklist: "via a management LIF"; FPolicy: "Data LIFs of
    // the SVM connect to Activity Monitor Agent".
    const role = catalog.roles.find((r) => r.id === 'ontap-management-lif');
    expect(role).toEqual({
      id: 'ontap-management-lif',
      name: 'ONTAP management LIF',
      kind: 'device-option-host',
      option: 'ontapManagementAddress',
      when: { kind: 'option', option: 'ontapApiTarget', in: ['management'] },
      otherwise: 'netapp-svm',
      hostLabel: 'ONTAP management LIF',
    });
    const cmode = catalog.rules.filter((r) => r.environment === 'netapp-cmode');
    expect(cmode.map((r) => [r.id, r.source, r.destination])).toEqual([
      ['netapp-cmode-agent-ontapi-http', 'activity-agent-server', 'ontap-management-lif'],
      ['netapp-cmode-agent-ontapi-https', 'activity-agent-server', 'ontap-management-lif'],
      ['netapp-cmode-fpolicy', 'netapp-svm', 'activity-agent-server'],
    ]);
    for (const r of cmode.slice(0, 2)) expect(r.errata).toContain('E32');
    const environment = catalog.environments.find((e) => e.id === 'netapp-cmode');
    expect(environment?.options).toEqual(
      expect.arrayContaining(['ontapApiTarget', 'ontapManagementAddress']),
    );
    const option = (id: string) => catalog.options.find((o) => o.id === id);
    // A new device asks for the management LIF: the docs name no default (the planner's choice).
    expect(option('ontapApiTarget')?.default).toBe('management');
    expect(option('ontapApiTarget')?.choices?.map((c) => c.value)).toEqual([
      'management',
      'data-lifs',
    ]);
    expect(option('ontapManagementAddress')).toMatchObject({
      type: 'address',
      default: '',
      shownWhen: { option: 'ontapApiTarget', in: ['management'] },
    });
    const e32 = catalog.errata.find((e) => e.id === 'E32');
    expect(e32?.sources.map((c) => `${c.path}@${c.revision ?? ''}`)).toEqual([
      'docs/activitymonitor/10.0/requirements/activityagent/activityagentports.md@c0a002f5',
      'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/ontap-cluster-aac/configurefirewall.md@ba93bf46',
      'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/ontap-cluster-aac/ontap-cluster-activity.md@6e921679',
      'docs/activitymonitor/10.0/admin/monitoredhosts/add/netapp.md@279e7615',
    ]);
  });

  it('E14: 7-Mode HTTP/HTTPS follow ontapiProtocol only, not the FPolicy options (review 2 P1)', () => {
    const http = catalog.rules.find((r) => r.id === 'netapp-7mode-agent-ontapi-http');
    const https = catalog.rules.find((r) => r.id === 'netapp-7mode-agent-ontapi-https');
    expect(http?.condition?.when).toEqual({
      kind: 'option',
      option: 'ontapiProtocol',
      in: ['http', 'both', 'auto'],
    });
    expect(https?.condition?.when).toEqual({
      kind: 'option',
      option: 'ontapiProtocol',
      in: ['https', 'both', 'auto'],
    });
    // The footnote and the manual-FPolicy note stay visible as notes.
    expect(http?.notes?.join(' ')).toContain('Only required if using the FPolicy Configuration');
    expect(http?.notes?.join(' ')).toContain('must be configured manually');
  });

  it("P15: ontapiProtocol offers the product's Auto Detect; undocumented defaults say they are the planner's", () => {
    const option = (id: string) => catalog.options.find((o) => o.id === id);
    expect(option('ontapiProtocol')?.choices?.map((c) => c.value)).toEqual([
      'https',
      'http',
      'auto',
      'both',
    ]);
    expect(option('ontapiProtocol')?.help).toMatch(/planner's default; the product documents none/);
    expect(option('ceeDelivery')?.help).toMatch(/planner's default; the product documents none/);
    expect(option('fpolicyAutoConfig')).toBeUndefined();
  });
});
