import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';

const HEADER =
  'Rule,Environment,Source,Source host,Destination,Destination host,M365 endpoint set,Azure service tag,Protocol,Ports,Service,Description,Condition,Notes,Reference';

/** The cloud rows' destination: the FQDNs, their endpoint set IDs and service tags. */
const LOGIN = 'Microsoft Entra ID sign-in (login.microsoftonline.com)';
const GRAPH = 'Microsoft Graph API (graph.microsoft.com)';
const MANAGE = 'Office 365 Management Activity API (manage.office.com)';
const BLOB = 'Azure Blob Storage (the logs storage account) (*.blob.core.windows.net, wildcard)';
const O365_DESTINATION = `Microsoft cloud endpoints,"${LOGIN}; ${GRAPH}; ${MANAGE}","56: login.microsoftonline.com, graph.microsoft.com; none published: manage.office.com","AzureActiveDirectory: login.microsoftonline.com; M365ManagementActivityApi: manage.office.com; none published: graph.microsoft.com"`;

/**
 * The start of the CSV line of each of the vendor page's 39 rows at the catalog's docs revision
 * 10.0@a8b312c3 (environment, roles, protocol, ports): the 37 rows first read at 10.0@c0a002f5
 * and the 2 Cohesity rows that 10.0@88d6a5ff added.
 */
const VENDOR_ROW_PREFIXES = [
  'Activity Monitor Console and agents,Activity Monitor Console,,Activity Agent Server,,,,TCP,4498,',
  'Cohesity SmartFiles,Activity Agent Server,,Cohesity cluster,,,,TCP,445,',
  'Cohesity SmartFiles,Activity Agent Server,,Cohesity cluster,,,,TCP,443,',
  'CTERA,Activity Agent Server,,CTERA Portal,,,,TCP,443,',
  'CTERA,CTERA Portal,,Activity Agent Server,,,,TCP,4488,',
  'Dell Celerra & Dell VNX,Dell Celerra/VNX Data Mover,,CEE Server,,,,TCP,49152-65535,',
  'Dell Celerra & Dell VNX,CEE Server,,Activity Agent Server,,,,TCP,49152-65535,',
  'Dell Isilon/PowerScale,Dell Isilon/PowerScale cluster,,CEE Server,,,,TCP,12228,',
  'Dell Isilon/PowerScale,CEE Server,,Activity Agent Server,,,,TCP,49152-65535,',
  'Dell PowerStore,Dell PowerStore,,CEE Server,,,,TCP,49152-65535,',
  'Dell PowerStore,CEE Server,,Activity Agent Server,,,,TCP,49152-65535,',
  'Dell Unity,Dell Unity,,CEE Server,,,,TCP,49152-65535,',
  'Dell Unity,CEE Server,,Activity Agent Server,,,,TCP,49152-65535,',
  'Nasuni Edge Appliance,Activity Agent Server,,Nasuni Edge Appliance,,,,TCP,8443,',
  'Nasuni Edge Appliance,Nasuni Edge Appliance,,Activity Agent Server,,,,TCP,5671,',
  'NetApp Data ONTAP 7-Mode,Activity Agent Server,,NetApp 7-Mode filer,,,,TCP,80,',
  'NetApp Data ONTAP 7-Mode,Activity Agent Server,,NetApp 7-Mode filer,,,,TCP,443,',
  'NetApp Data ONTAP 7-Mode,Activity Agent Server,,NetApp 7-Mode filer,,,,TCP,"135, 139, 49152-65535",',
  'NetApp Data ONTAP 7-Mode,Activity Agent Server,,NetApp 7-Mode filer,,,,TCP,445,',
  'NetApp Data ONTAP 7-Mode,Activity Agent Server,,NetApp 7-Mode filer,,,,UDP,137-138,',
  'NetApp Data ONTAP 7-Mode,NetApp 7-Mode filer,,Activity Agent Server,,,,TCP,"135, 139, 49152-65535",',
  'NetApp Data ONTAP 7-Mode,NetApp 7-Mode filer,,Activity Agent Server,,,,TCP,445,',
  'NetApp Data ONTAP 7-Mode,NetApp 7-Mode filer,,Activity Agent Server,,,,UDP,137-138,',
  'NetApp Data ONTAP Cluster-Mode,Activity Agent Server,,ONTAP management LIF,,,,TCP,80,',
  'NetApp Data ONTAP Cluster-Mode,Activity Agent Server,,ONTAP management LIF,,,,TCP,443,',
  'NetApp Data ONTAP Cluster-Mode,NetApp SVM (data LIFs),,Activity Agent Server,,,,TCP,9999,',
  'Nutanix Files,Activity Agent Server,,Nutanix Files server,,,,TCP,9440,',
  'Nutanix Files,Nutanix Files server,,Activity Agent Server,,,,TCP,4501,',
  'Panzura CloudFS,Activity Agent Server,,Panzura nodes,,,,TCP,443,',
  'Panzura CloudFS,Panzura nodes,,Activity Agent Server,,,,TCP,4497,',
  'Qumulo,Activity Agent Server,,Qumulo cluster,,,,TCP,8000,',
  'Qumulo,Qumulo cluster,,Activity Agent Server,,,,TCP,4496,',
  // "Activity Agent Server to Microsoft Entra ID Tenant": the FQDNs of the services each page names.
  `Exchange Online,Activity Agent Server,,${O365_DESTINATION},TCP,443,`,
  `Microsoft Entra ID,Activity Agent Server,,Microsoft cloud endpoints,"${LOGIN}; ${GRAPH}","56: login.microsoftonline.com, graph.microsoft.com","AzureActiveDirectory: login.microsoftonline.com; none published: graph.microsoft.com",TCP,443,`,
  `SharePoint Online,Activity Agent Server,,${O365_DESTINATION},TCP,443,`,
  `Azure Files,Activity Agent Server,,Microsoft cloud endpoints,"${LOGIN}; ${GRAPH}; ${BLOB}","56: login.microsoftonline.com, graph.microsoft.com; none published: *.blob.core.windows.net","AzureActiveDirectory: login.microsoftonline.com; Storage: *.blob.core.windows.net; none published: graph.microsoft.com",TCP,443,`,
  'SQL Server,SQL Server,,Activity Agent Server,,,,TCP,1433,',
  // SMB and WMI go to the Windows agent hosts only (E31).
  'Netwrix Access Analyzer,Access Analyzer Console,,Windows agent host,,,,TCP,445,',
  'Netwrix Access Analyzer,Access Analyzer Console,,Windows agent host,,,,TCP,"135, 49152-65535",',
];

test('a new user opens the Port reference, finds CTERA by port and downloads the catalog CSV', async ({
  page,
}) => {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Port reference' })
    .click();
  await expect(page).toHaveURL(/#\/reference$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Port reference' })).toBeVisible();
  // Provenance: the catalog version and the netwrix/docs revision it was built from
  await expect(
    page.getByText(/^Catalog \d{4}\.\d+\.\d+, built from netwrix\/docs@a8b312c3\./),
  ).toBeVisible();

  // Search by port number
  await page.getByLabel('Search').fill('4488');
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('CTERA Portal → Activity Agent Server');
  await expect(cards.first()).toContainText('TCP 4488');
  await expect(cards.first().getByRole('link', { name: /Vendor docs/ })).toHaveAttribute(
    'href',
    /activityagentports#ctera-additional-firewall-rules$/,
  );

  // Version filter: CTERA is not documented for 7.1
  await page.getByLabel('Activity Monitor version').selectOption('7.1');
  await expect(cards).toHaveCount(0);
  await page.getByLabel('Activity Monitor version').selectOption('all');
  await page.getByLabel('Search').fill('');

  // Download the whole catalog
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^am-firewall-catalog-\d{4}\.\d+\.\d+\.csv$/);
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
  expect(lines[0]).toBe(HEADER);
  expect(lines).toContainEqual(expect.stringMatching(/^Docs revision,netwrix\/docs@a8b312c3,/));
  expect(lines.length - 1).toBeGreaterThanOrEqual(37);
  // Each row starts with the catalog rule id (the Rule column), then the rule sheet's columns.
  const withoutId = lines.slice(1).map((l) => l.replace(/^[a-z0-9-]+,/, ''));
  for (const prefix of VENDOR_ROW_PREFIXES) {
    expect(
      withoutId.filter((l) => l.startsWith(prefix)),
      prefix,
    ).toHaveLength(1);
  }
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^[a-z0-9-]+,CTERA,CTERA Portal,,Activity Agent Server,,,,TCP,4488,Syslog over TLS,CTERA Event Reporting,,".*",https:\/\/docs\.netwrix\.com\/docs\/activitymonitor\/10_0\/requirements\/activityagent\/activityagentports#ctera-additional-firewall-rules$/,
    ),
  );
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^[a-z0-9-]+,SQL Server,SQL Server,,Activity Agent Server,,,,TCP,1433,TDS,Default SQL Server Port,,"Vendor reading \(corrected by E15\)/,
    ),
  );

  await page.screenshot({ path: 'e2e-results/reference-page.png', fullPage: true });
});

test('the Port reference works at 360px wide', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/#/reference');
  await page.getByLabel('Search').fill('netapp');
  await expect(
    page.getByRole('heading', { level: 3, name: 'NetApp Data ONTAP 7-Mode' }),
  ).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'e2e-results/reference-page-360.png', fullPage: true });
});
