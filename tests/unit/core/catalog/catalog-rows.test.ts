import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import {
  catalogCsvFileName,
  citationProduct,
  catalogRuleViews,
  catalogSheetRows,
  environmentsWithoutRules,
  filterRuleViews,
  groupRuleViews,
} from '@/core/catalog/catalog-rows';
import { ENVIRONMENT_GROUP_LABELS } from '@/core/catalog/model';
import { formatCsv } from '@/core/exporters/csv-format';
import { RULE_SHEET_COLUMNS } from '@/core/report/columns';

const catalog = getCatalog();
const views = catalogRuleViews(catalog);
const ids = (query: string, version: Parameters<typeof filterRuleViews>[2] = 'all') =>
  filterRuleViews(views, query, version).map((v) => v.rule.id);

describe('catalogRuleViews', () => {
  it('has one view per rule', () => {
    expect(views).toHaveLength(catalog.rules.length);
    expect(new Set(views.map((v) => v.rule.id)).size).toBe(catalog.rules.length);
  });

  it.each([
    ['netapp-7mode-agent-rpc', '135, 139, 49152-65535'],
    ['netapp-7mode-filer-agent-rpc', '135, 139, 49152-65535'],
    ['aa-agent-wmi', '135, 49152-65535'],
    ['dell-unity-device-cee-rpc', '49152-65535'],
    ['core-console-agent', '4498'],
    ['netapp-cmode-fpolicy', '9999'],
    ['ctera-portal-agent-syslog', '4488'],
    ['dell-isilon-cee-agent-http', '4492'],
    ['netapp-7mode-agent-netbios', '137-138'],
  ])('formats the ports of %s with default plan values as "%s"', (id, text) => {
    expect(views.find((v) => v.rule.id === id)?.portsText).toBe(text);
  });
});

describe('filterRuleViews (search and version filter)', () => {
  it.each([
    ['4488', ['ctera-portal-agent-syslog']],
    // The console and, since 2026.11.5, the API server reach the agents on the agent port.
    ['4498', ['core-console-agent', 'aa-apiserver-agent']],
    ['12228', ['dell-isilon-device-cee-http']],
    ['ctera 443', ['ctera-agent-portal-https']],
    // Access Analyzer reads the activity logs on the agents and on the archive share (M2).
    ['enterprise auditor 445', ['aa-agent-smb', 'aa-archive-smb']],
    ['threat prevention 3741', ['tp-agent-em-grpc']],
    ['dns 53', ['agent-services-agent-dns-udp', 'agent-services-agent-dns-tcp']],
    ['stealthaudit wmi', ['aa-agent-wmi']],
    ['udp 1434', ['sql-server-agent-browser']],
  ])('"%s" finds exactly %j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('a port inside a range matches the range (49152 -> dynamic RPC rules)', () => {
    const found = ids('49152');
    expect(found).toEqual(
      expect.arrayContaining([
        'netapp-7mode-agent-rpc',
        'dell-celerra-vnx-device-cee-rpc',
        'aa-agent-wmi',
      ]),
    );
    expect(found).not.toContain('core-console-agent');
  });

  it('a port term does not match other numbers that contain it (443 is not 8443)', () => {
    expect(ids('443')).not.toContain('nasuni-agent-api');
    expect(ids('443')).toContain('panzura-agent-api');
  });

  it('matches aliases (Azure Active Directory -> Entra ID) at word starts', () => {
    expect(ids('Azure Active Directory')).toEqual(['entra-id-agent-cloud']);
    expect(ids('azure ad')).toContain('entra-id-agent-cloud');
    // a term must start a word: "ead" does not match "read" or "Nasuni API calls"
    expect(ids('ead')).toEqual([]);
    expect(ids('read')).not.toEqual([]);
  });

  it('empty query returns everything', () => {
    expect(ids('')).toHaveLength(views.length);
  });

  it('filters by version: Cohesity only in 10.0, CTERA from 8.0, Azure Files from 9.0', () => {
    expect(ids('cohesity', '9.0')).toEqual([]);
    expect(ids('cohesity', '10.0')).toHaveLength(2);
    expect(ids('ctera', '7.1')).toEqual([]);
    expect(ids('ctera', '8.0')).toHaveLength(2);
    expect(ids('azure files', '8.0')).toEqual([]);
    expect(ids('azure files', '9.0')).toEqual([
      'azure-files-agent-cloud',
      'azure-files-agent-management',
    ]);
    expect(ids('', '7.1').length).toBeLessThan(views.length);
  });
});

describe('groupRuleViews', () => {
  it('groups by environment group in model order, core first', () => {
    const groups = groupRuleViews(views);
    const order = Object.keys(ENVIRONMENT_GROUP_LABELS);
    const indexes = groups.map((g) => order.indexOf(g.group));
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(groups.map((g) => g.group)).toEqual(order);
    const count = groups.flatMap((g) => g.environments).reduce((n, e) => n + e.rules.length, 0);
    expect(count).toBe(views.length);
  });
});

describe('catalogSheetRows (CSV of the whole catalog)', () => {
  const rows = catalogSheetRows(catalog);

  it('has one row per rule with every rule-sheet column', () => {
    expect(rows).toHaveLength(catalog.rules.length);
    for (const row of rows) expect(Object.keys(row)).toEqual([...RULE_SHEET_COLUMNS]);
  });

  it('writes the CTERA syslog rule with roles, protocol, ports and the vendor URL', () => {
    const row = rows.find((r) => r.Ports === '4488');
    expect(row).toMatchObject({
      Environment: 'CTERA',
      Source: 'CTERA Portal',
      'Source host': '',
      Destination: 'Activity Agent Server',
      'Destination host': '',
      Protocol: 'TCP',
      Service: 'Syslog over TLS',
      Description: 'CTERA Event Reporting',
      Reference:
        'https://docs.netwrix.com/docs/activitymonitor/10_0/requirements/activityagent/activityagentports#ctera-additional-firewall-rules',
    });
  });

  it('marks inferred rules, errata readings and superseded vendor rows in Notes', () => {
    const sqlDocumented = rows.find((r) => r.Source === 'SQL Server' && r.Ports === '1433');
    expect(sqlDocumented?.Notes).toMatch(
      /^Vendor reading \(corrected by E15\): not applied; rule sql-server-agent-tds applies instead\./,
    );
    const browser = rows.find((r) => r.Protocol === 'UDP' && r.Ports === '1434');
    expect(browser?.Notes).toMatch(/^Inferred: /);
    expect(browser?.Condition).toBe('Named instance (SQL Server Browser)');
  });

  it('CSV-1: formats through formatCsv with the header row', () => {
    const csv = formatCsv(
      RULE_SHEET_COLUMNS,
      rows.map((r) => RULE_SHEET_COLUMNS.map((c) => r[c])),
    );
    expect(csv.startsWith(`\uFEFF${RULE_SHEET_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(rows.length + 1);
  });

  it('writes the FQDNs of a cloud rule with their endpoint set IDs and service tags', () => {
    const row = (id: string) => rows[views.findIndex((v) => v.rule.id === id)];
    expect(row('exchange-online-agent-cloud')).toMatchObject({
      Destination: 'Microsoft cloud endpoints',
      'Destination host':
        'Microsoft Entra ID sign-in (login.microsoftonline.com); Microsoft Graph API (graph.microsoft.com); Office 365 Management Activity API (manage.office.com)',
      'M365 endpoint set':
        '56: login.microsoftonline.com, graph.microsoft.com; none published: manage.office.com',
      'Azure service tag':
        'AzureActiveDirectory: login.microsoftonline.com; M365ManagementActivityApi: manage.office.com; none published: graph.microsoft.com',
    });
    expect(row('m365-copilot-agent-cloud')?.['Destination host']).toContain(
      "SharePoint Online (the tenant's sites) (<tenant>.sharepoint.com)",
    );
    expect(row('azure-files-agent-cloud')).toMatchObject({
      'Destination host': expect.stringContaining(
        'Azure Blob Storage (the logs storage account) (*.blob.core.windows.net, wildcard)',
      ),
      'Azure service tag': expect.stringContaining('Storage: *.blob.core.windows.net'),
    });
    expect(row('azure-files-agent-management')).toMatchObject({
      'Destination host':
        'Azure Resource Manager (enumerates the storage accounts) (management.azure.com)',
      'M365 endpoint set': '59: management.azure.com',
      'Azure service tag': 'AzureResourceManager: management.azure.com',
    });
    expect(row('deploy-proxy-cloud-https')?.['Destination host']).toBe(
      "(the FQDNs of the plan's cloud rules it carries)",
    );
    // Other rules leave the columns empty.
    expect(row('core-console-agent')).toMatchObject({
      'M365 endpoint set': '',
      'Azure service tag': '',
    });
  });

  it('finds a cloud rule by the FQDN it reaches', () => {
    expect(ids('tenant sharepoint.com')).toContain('m365-copilot-agent-cloud');
    expect(ids('blob.core.windows.net')).toEqual(['azure-files-agent-cloud']);
    expect(ids('management.azure.com')).toEqual(['azure-files-agent-management']);
  });

  it('names the file after the catalog version', () => {
    expect(catalogCsvFileName(catalog)).toBe('am-firewall-catalog-2026.11.8.csv');
  });
});

describe('citationProduct', () => {
  it.each([
    ['core-console-agent', 'Activity Monitor 10.0'],
    ['aa26-agent-output', 'Access Analyzer 2601'],
    ['tm-syslog', 'Threat Manager 3.1'],
  ])('names the product and version of the docs that %s cites: %s', (id, expected) => {
    const rule = catalog.rules.find((r) => r.id === id);
    expect(rule && citationProduct(rule.citation)).toBe(expected);
  });
});

describe('environmentsWithoutRules', () => {
  it('lists the agent-host environments the core rule covers', () => {
    expect(environmentsWithoutRules(catalog, '').map((e) => e.id)).toEqual([
      'windows-file-server',
      'active-directory',
      'linux',
    ]);
  });

  it('filters them by text, not by port', () => {
    expect(environmentsWithoutRules(catalog, 'domain controller').map((e) => e.id)).toEqual([
      'active-directory',
    ]);
    expect(environmentsWithoutRules(catalog, '4498')).toEqual([]);
  });
});
