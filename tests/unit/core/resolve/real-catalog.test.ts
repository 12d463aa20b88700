/**
 * The resolver over the bundled catalog. Expected flows come from the vendor page
 * (tests/fixtures/reference/activity-agent-ports.md, "P") and, where the page is silent or wrong,
 * from the readings in tests/fixtures/reference/netwrix-docs-facts.md ("F §n") and
 * catalog-review-2.md ("review 2"), never from the catalog code.
 * Plan: console 10.0.0.10, "Agent server 1" 10.1.0.2, one device "DEV" 10.2.0.2
 * (a cloud device: its own tenant tenant-1.onmicrosoft.com). Cloud flows reach FQDNs: the
 * services the Netwrix pages name, at Microsoft's names (docs/catalog.md, "Cloud destinations").
 */
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { OptionValue } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';
import { buildHostViews } from '@/core/resolve/host-views';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { makeAgent, makeDevice, planWith } from '../../../support/plan-builders';

import { checkCodes, flowText, flows } from './summarize';

const catalog = getCatalog();
const C = 'Console@10.0.0.10';
const A = 'Agent server 1@10.1.0.2';
const D = 'DEV@10.2.0.2';
/** The Microsoft cloud FQDNs, as flowText writes them (label@FQDN, sorted by label). */
const LOGIN = 'Microsoft Entra ID sign-in@login.microsoftonline.com';
const GRAPH = 'Microsoft Graph API@graph.microsoft.com';
const MANAGE = 'Office 365 Management Activity API@manage.office.com';
const BLOB = 'Azure Blob Storage (the logs storage account)@*.blob.core.windows.net';
const ARM = 'Azure Resource Manager (enumerates the storage accounts)@management.azure.com';
const SHAREPOINT = "SharePoint Online (the tenant's sites)@tenant-1.sharepoint.com";
const CORE = `${C} -> ${A} TCP 4498`;
/** The ONTAP management LIF of the Cluster-Mode device "DEV" (a helper host, E32). */
const M = 'ONTAP management LIF for DEV';

function sorted(list: string[]): string[] {
  return [...list].sort((a, b) =>
    a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0,
  );
}

function deviceFlows(
  environment: string,
  options: Record<string, OptionValue> = {},
  patch: Partial<Plan> = {},
): string[] {
  const plan = planWith({
    devices: [makeDevice(environment, 1, { name: 'DEV', options })],
    ...patch,
  });
  return flows(resolvePlan(plan, catalog));
}

describe('bundled catalog: one device per environment (defaults)', () => {
  it.each([
    // P "CTERA Additional Firewall Rules"
    ['ctera', [`${A} -> ${D} TCP 443`, `${D} -> ${A} TCP 4488`]],
    // P Dell tables: "Dell Device CEE Server" read as device -> CEE (F §3 #1); CEE on the agent
    // server by default, so the CEE -> agent row does not apply; TCP 135 inferred (F §3 #2).
    ['dell-celerra-vnx', [`${D} -> ${A} TCP 135`, `${D} -> ${A} TCP 49152-65535`]],
    ['dell-powerstore', [`${D} -> ${A} TCP 135`, `${D} -> ${A} TCP 49152-65535`]],
    ['dell-unity', [`${D} -> ${A} TCP 135`, `${D} -> ${A} TCP 49152-65535`]],
    // P "Dell Isilon/PowerScale": device -> CEE TCP 12228; automatic audit configuration is
    // RECOMMENDED (isilon-activity.md), so the OneFS API (8080 inferred) is on by default (review 2 P5)
    ['dell-isilon', [`${A} -> ${D} TCP 8080`, `${D} -> ${A} TCP 12228`]],
    // P Exchange Online, Entra ID, SharePoint Online, Azure Files: agent -> "Microsoft Entra ID
    // Tenant" HTTPS 443, read as the FQDNs of the services each requirement page names: Entra ID
    // sign-in and Microsoft Graph always; the Office 365 Management APIs for Exchange and
    // SharePoint Online (their pages' "Permissions for Office 365 Management APIs"); not for
    // Entra ID (E20: Graph only); Azure Files reads blobs (E21)
    ['exchange-online', [`${A} -> ${LOGIN} + ${GRAPH} + ${MANAGE} TCP 443`]],
    ['entra-id', [`${A} -> ${LOGIN} + ${GRAPH} TCP 443`]],
    ['sharepoint-online', [`${A} -> ${LOGIN} + ${GRAPH} + ${MANAGE} TCP 443`]],
    // review 2 M11: and the management plane ("Reader" role enumerates the storage accounts),
    // inferred, in a flow of its own
    ['azure-files', [`${A} -> ${BLOB} + ${LOGIN} + ${GRAPH} TCP 443`, `${A} -> ${ARM} TCP 443`]],
    // F §5.5: M365 Copilot HTTPS 443, inferred; its page adds the SharePoint API (Sites.Read.All):
    // the tenant's SharePoint, named after the device's tenant (tenant-1.onmicrosoft.com)
    ['m365-copilot', [`${A} -> ${LOGIN} + ${GRAPH} + ${MANAGE} + ${SHAREPOINT} TCP 443`]],
    // P "Nasuni Edge Appliance"
    ['nasuni', [`${A} -> ${D} TCP 8443`, `${D} -> ${A} TCP 5671`]],
    // P "NetApp Data ONTAP 7-Mode": HTTPS (default protocol), RPC, SMB, UDP 137, 138 both ways
    [
      'netapp-7mode',
      [
        `${A} -> ${D} TCP 135, 139, 49152-65535`,
        `${A} -> ${D} TCP 443`,
        `${A} -> ${D} TCP 445`,
        `${A} -> ${D} UDP 137-138`,
        `${D} -> ${A} TCP 135, 139, 49152-65535`,
        `${D} -> ${A} TCP 445`,
        `${D} -> ${A} UDP 137-138`,
      ],
    ],
    // P "NetApp Data ONTAP Cluster-Mode": HTTPS (default), FPolicy 9999 from the data LIFs; the
    // API goes to a management LIF whose address a new device asks for (review 2 P3, M9; E32)
    ['netapp-cmode', [`${A} -> ${M}@<ONTAP management LIF> TCP 443`, `${D} -> ${A} TCP 9999`]],
    // P "Nutanix", "Panzura", "Qumulo"
    ['nutanix', [`${A} -> ${D} TCP 9440`, `${D} -> ${A} TCP 4501`]],
    ['panzura', [`${A} -> ${D} TCP 443`, `${D} -> ${A} TCP 4497`]],
    ['qumulo', [`${A} -> ${D} TCP 8000`, `${D} -> ${A} TCP 4496`]],
    // P "SQL Server" prints SQL Server -> agent; the agent is the client (F §3 E15)
    ['sql-server', [`${A} -> ${D} TCP 1433`]],
    // F §5.15 Cohesity (10.0): SMB 445 and HTTPS 443
    ['cohesity', [`${A} -> ${D} TCP 443`, `${A} -> ${D} TCP 445`]],
    // F §5.16 Hitachi NAS: SMB 445 inferred
    ['hitachi-nas', [`${A} -> ${D} TCP 445`]],
  ])('%s', (environment, expected) => {
    expect(deviceFlows(environment)).toEqual(sorted([CORE, ...expected]));
  });

  it.each(['windows-file-server', 'active-directory', 'linux', 'sharepoint-onprem'])(
    '%s: the agent runs on the device, so the console reaches it on the agent port',
    (environment) => {
      expect(deviceFlows(environment)).toEqual([`${C} -> ${A} + ${D} TCP 4498`]);
    },
  );

  it('every device environment of the catalog is covered above', () => {
    const covered = [
      'ctera',
      'dell-celerra-vnx',
      'dell-powerstore',
      'dell-unity',
      'dell-isilon',
      'exchange-online',
      'entra-id',
      'sharepoint-online',
      'azure-files',
      'm365-copilot',
      'nasuni',
      'netapp-7mode',
      'netapp-cmode',
      'nutanix',
      'panzura',
      'qumulo',
      'sql-server',
      'cohesity',
      'hitachi-nas',
      'windows-file-server',
      'active-directory',
      'linux',
      'sharepoint-onprem',
    ];
    const devices = catalog.environments
      .filter((e) => e.group !== 'core' && e.group !== 'integration')
      .map((e) => e.id);
    expect([...devices].sort()).toEqual([...covered].sort());
  });

  it('merges Exchange Online and SharePoint Online (the same FQDNs); Entra ID is a flow of its own', () => {
    const plan = planWith({
      microsoftTenant: 'contoso.onmicrosoft.com',
      devices: [
        makeDevice('exchange-online', 1, { tenant: '' }),
        makeDevice('entra-id', 2, { tenant: '' }),
        makeDevice('sharepoint-online', 3, { tenant: '' }),
      ],
    });
    const toCloud = resolvePlan(plan, catalog).rules.filter(
      (r) => r.destination.role === 'ms-cloud',
    );
    expect(toCloud.map((r) => r.reasons.map((x) => x.environmentId).sort())).toEqual([
      ['exchange-online', 'sharepoint-online'],
      ['entra-id'],
    ]);
  });

  it.each([
    ['contoso', 'contoso.sharepoint.com'],
    ['contoso.onmicrosoft.com', 'contoso.sharepoint.com'],
    ['Contoso.OnMicrosoft.com', 'contoso.sharepoint.com'],
  ])('the plan tenant %j names the SharePoint FQDN %s', (tenant, fqdn) => {
    const plan = planWith({
      microsoftTenant: tenant,
      devices: [makeDevice('m365-copilot', 1, { name: 'Copilot', tenant: '' })],
    });
    const result = resolvePlan(plan, catalog);
    const hosts = result.rules.flatMap((r) => r.destination.hosts);
    const sharepoint = hosts.find(
      (h) => h.ref.kind === 'cloud' && h.cloud?.pattern.includes('{tenant}'),
    );
    expect(sharepoint?.address).toBe(fqdn);
    expect(sharepoint?.invalid).toBeUndefined();
    expect(sharepoint?.cloud).toMatchObject({ m365EndpointSet: 31, wildcard: false });
    expect(checkCodes(result)).toEqual([]);
  });

  it("a device of another tenant reaches that tenant's SharePoint", () => {
    const plan = planWith({
      microsoftTenant: 'contoso',
      devices: [
        makeDevice('m365-copilot', 1, { name: 'Ours', tenant: '' }),
        makeDevice('m365-copilot', 2, { name: 'Theirs', tenant: 'fabrikam.onmicrosoft.com' }),
      ],
    });
    const addresses = resolvePlan(plan, catalog)
      .rules.flatMap((r) => r.destination.hosts.map((h) => h.address))
      .filter((a) => a.endsWith('.sharepoint.com'));
    expect([...new Set(addresses)].sort()).toEqual([
      'contoso.sharepoint.com',
      'fabrikam.sharepoint.com',
    ]);
  });

  it('without a tenant the SharePoint FQDN is a placeholder and the plan asks once', () => {
    const plan = planWith({
      devices: [makeDevice('m365-copilot', 1, { name: 'Copilot', tenant: '' })],
    });
    const result = resolvePlan(plan, catalog);
    const sharepoint = result.rules
      .flatMap((r) => r.destination.hosts)
      .find((h) => h.cloud?.pattern === '{tenant}.sharepoint.com');
    expect(sharepoint).toMatchObject({
      address: '',
      label: "SharePoint Online (the tenant's sites)",
    });
    expect(checkCodes(result)).toEqual(['missing-address@microsoftTenant']);
  });

  it.each([
    ['a tenant ID', '72f988bf-86f1-41af-91ab-2d7cd011db47', 'tenant-no-name@microsoftTenant'],
    ['a custom domain', 'contoso.com', 'tenant-no-name@microsoftTenant'],
    ['an invalid name', 'contoso_corp', 'address-invalid@microsoftTenant'],
  ])('%s cannot name the SharePoint FQDN: not ready, with a check', (_name, tenant, check) => {
    const plan = planWith({
      microsoftTenant: tenant,
      devices: [makeDevice('m365-copilot', 1, { name: 'Copilot', tenant: '' })],
    });
    const result = resolvePlan(plan, catalog);
    const sharepoint = result.rules
      .flatMap((r) => r.destination.hosts)
      .find((h) => h.cloud?.pattern === '{tenant}.sharepoint.com');
    expect(sharepoint?.address).toBe('<tenant>.sharepoint.com');
    expect(sharepoint?.invalid?.message).toMatch(/microsoftTenant/);
    expect(checkCodes(result)).toEqual([check]);
  });

  it('a device whose own tenant cannot name the SharePoint FQDN is checked on its own field', () => {
    const plan = planWith({
      microsoftTenant: 'contoso',
      devices: [makeDevice('m365-copilot', 1, { name: 'Copilot', tenant: 'fabrikam.com' })],
    });
    const result = resolvePlan(plan, catalog);
    expect(checkCodes(result)).toEqual(['tenant-no-name@devices.0.tenant']);
    expect(result.checks[0]?.message).toBe(
      'The SharePoint host name cannot be derived from the tenant "fabrikam.com" (Copilot → Other tenant): enter the tenant\'s name (contoso) or its initial domain (contoso.onmicrosoft.com); Microsoft 365 Copilot "Copilot" needs it.',
    );
  });

  it('an Entra ID device needs no tenant name for its FQDNs (a tenant ID is fine)', () => {
    const plan = planWith({
      microsoftTenant: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      devices: [makeDevice('entra-id', 1, { tenant: '' })],
    });
    const result = resolvePlan(plan, catalog);
    expect(checkCodes(result)).toEqual([]);
    expect(result.rules.flatMap((r) => r.destination.hosts).some((h) => h.invalid)).toBe(false);
  });

  it('the blob storage FQDN is a wildcard, labelled so', () => {
    const result = resolvePlan(planWith({ devices: [makeDevice('azure-files', 1)] }), catalog);
    const blob = result.rules
      .flatMap((r) => r.destination.hosts)
      .find((h) => h.address === '*.blob.core.windows.net');
    expect(blob?.cloud).toMatchObject({ wildcard: true, serviceTag: 'Storage' });
    expect(blob?.cloud?.m365EndpointSet).toBeUndefined();
  });

  it('the Azure Files management plane is inferred: hiding inferred rules drops it', () => {
    const plan = planWith({
      devices: [makeDevice('azure-files', 1)],
      settings: { ...planWith().settings, showInferred: false },
    });
    expect(flows(resolvePlan(plan, catalog))).toEqual(
      sorted([CORE, `${A} -> ${BLOB} + ${LOGIN} + ${GRAPH} TCP 443`]),
    );
  });
});

describe('bundled catalog: options', () => {
  it.each([
    ['https', ['443']],
    ['http', ['80']],
    ['both', ['80', '443']],
    // NetApp Tab "Auto Detect": which protocol it ends up using is not documented (review 2 P15)
    ['auto', ['80', '443']],
  ])('ontapiProtocol %s (Cluster-Mode and 7-Mode)', (ontapiProtocol, ports) => {
    for (const environment of ['netapp-cmode', 'netapp-7mode']) {
      // Cluster-Mode: the API on the data LIFs (the device address), as the 7-Mode filer.
      const ontapi = deviceFlows(environment, {
        ontapiProtocol,
        ontapApiTarget: 'data-lifs',
      }).filter((f) => /^Agent server 1@10\.1\.0\.2 -> DEV@10\.2\.0\.2 TCP (80|443)$/.test(f));
      expect(ontapi).toEqual(ports.map((p) => `${A} -> ${D} TCP ${p}`));
    }
  });

  it('7-Mode with manual FPolicy (a plan that still stores fpolicyAutoConfig false) keeps ONTAPI (review 2 P1, E14)', () => {
    // The agent calls ONTAPI in every setup ("Enable HTTP or HTTPS", the 7-Mode checklist); the
    // ports page footnote is shown as a note. The old option is no longer read.
    const result = deviceFlows('netapp-7mode', {
      fpolicyAutoConfig: false,
      ontapiProtocol: 'both',
    });
    expect(result.filter((f) => / TCP (80|443)$/.test(f))).toEqual([
      `${A} -> ${D} TCP 80`,
      `${A} -> ${D} TCP 443`,
    ]);
    expect(result).toContain(`${A} -> ${D} TCP 445`);
    expect(deviceFlows('netapp-7mode', { fpolicyAutoConfig: false })).toContain(
      `${A} -> ${D} TCP 443`,
    );
  });

  it('fpolicyPort 10000 moves the FPolicy listener', () => {
    expect(deviceFlows('netapp-cmode', { fpolicyPort: '10000' })).toContain(
      `${D} -> ${A} TCP 10000`,
    );
  });

  it.each([
    ['qumuloPort', 'qumulo', '4600'],
    ['nutanixPort', 'nutanix', '4601'],
    ['panzuraPort', 'panzura', '4602'],
    ['cteraPort', 'ctera', '4603'],
  ])('%s changes the %s event port', (option, environment, value) => {
    expect(deviceFlows(environment, { [option]: value })).toContain(`${D} -> ${A} TCP ${value}`);
  });

  const CEE = 'CEE-01@10.3.0.1';
  const CEE_SERVERS = [
    { id: 'cee-1', name: 'CEE-01', address: '10.3.0.1', os: 'windows' as const },
  ];
  it.each([
    ['msrpc', [`${CEE} -> ${A} TCP 135`, `${CEE} -> ${A} TCP 49152-65535`]],
    ['http', [`${CEE} -> ${A} TCP 4492`]],
    [
      'both',
      [`${CEE} -> ${A} TCP 135`, `${CEE} -> ${A} TCP 4492`, `${CEE} -> ${A} TCP 49152-65535`],
    ],
  ])(
    'separate CEE, delivery %s (P "CEE Server to Activity Agent Server", F §2.4)',
    (ceeDelivery, ceeFlows) => {
      const options = { ceePlacement: 'separate', ceeServer: 'cee-1', ceeDelivery };
      const patch = { ceeServers: CEE_SERVERS };
      expect(deviceFlows('dell-unity', options, patch)).toEqual(
        sorted([CORE, `${D} -> ${CEE} TCP 135`, `${D} -> ${CEE} TCP 49152-65535`, ...ceeFlows]),
      );
      expect(deviceFlows('dell-isilon', options, patch)).toEqual(
        sorted([CORE, `${A} -> ${D} TCP 8080`, `${D} -> ${CEE} TCP 12228`, ...ceeFlows]),
      );
    },
  );

  it.each(['msrpc', 'http', 'both'])(
    'CEE on the agent server, delivery %s: no CEE -> agent flow',
    (ceeDelivery) => {
      expect(
        deviceFlows(
          'dell-unity',
          { ceePlacement: 'agent', ceeServer: 'cee-1', ceeDelivery },
          { ceeServers: CEE_SERVERS },
        ),
      ).toEqual(sorted([CORE, `${D} -> ${A} TCP 135`, `${D} -> ${A} TCP 49152-65535`]));
    },
  );

  it.each<[string, Record<string, OptionValue>, boolean]>([
    ['automatic configuration (default)', {}, true],
    ['manual auditing, no UNC paths', { isilonAutoConfig: false }, false],
    [
      'manual auditing, Resolve UNC paths',
      { isilonAutoConfig: false, isilonResolveUnc: true },
      true,
    ],
    ['automatic configuration and Resolve UNC paths', { isilonResolveUnc: true }, true],
  ])('Isilon OneFS API 8080 (inferred) with %s (review 2 P5)', (_name, options, opens) => {
    expect(deviceFlows('dell-isilon', options).includes(`${A} -> ${D} TCP 8080`)).toBe(opens);
  });

  it('sqlNamedInstance adds SQL Browser UDP 1434 (F §5.4, inferred)', () => {
    const result = resolvePlan(
      planWith({
        devices: [
          makeDevice('sql-server', 1, { name: 'DEV', options: { sqlNamedInstance: true } }),
        ],
      }),
      catalog,
    );
    expect(flows(result)).toContain(`${A} -> ${D} UDP 1434`);
    expect(result.rules.find((r) => r.transport === 'UDP')?.basis).toBe('inferred');
  });

  it('SharePoint on-premises with a SQL Server address: farm server -> SQL 1433 (F §5.3)', () => {
    expect(deviceFlows('sharepoint-onprem', { sharepointSqlAddress: 'spsql.corp' })).toContain(
      `${D} -> SharePoint SQL Server for DEV@spsql.corp TCP 1433`,
    );
  });

  it('showInferred false drops the inferred rows', () => {
    const settings = { ...planWith().settings, showInferred: false };
    expect(deviceFlows('dell-unity', {}, { settings })).toEqual([
      CORE,
      `${D} -> ${A} TCP 49152-65535`,
    ]);
    expect(deviceFlows('hitachi-nas', {}, { settings })).toEqual([CORE]);
    expect(deviceFlows('sql-server', { sqlNamedInstance: true }, { settings })).toEqual(
      sorted([CORE, `${A} -> ${D} TCP 1433`]),
    );
  });

  it('agentPort 5000 changes the console -> agent rule', () => {
    const settings = { ...planWith().settings, ports: { agentPort: 5000 } };
    expect(deviceFlows('qumulo', {}, { settings })).toContain(`${C} -> ${A} TCP 5000`);
  });

  it("an RPC range override applies to the agent server's RPC range (7-Mode filer -> agent, Dell rows)", () => {
    const settings = { ...planWith().settings, rpcRange: { from: 50000, to: 51000 } };
    const sevenMode = deviceFlows('netapp-7mode', {}, { settings });
    expect(sevenMode).toContain(`${D} -> ${A} TCP 135, 139, 50000-51000`);
    // The filer's own range is printed on the page and is not the agent's Windows setting.
    expect(sevenMode).toContain(`${A} -> ${D} TCP 135, 139, 49152-65535`);
    expect(deviceFlows('dell-unity', {}, { settings })).toContain(`${D} -> ${A} TCP 50000-51000`);
  });

  it('devices not in the plan version give no rule and a check (Cohesity in 9.0, CTERA in 7.1)', () => {
    for (const [environment, amVersion] of [
      ['cohesity', '9.0'],
      ['ctera', '7.1'],
    ] as const) {
      const result = resolvePlan(
        planWith({ amVersion, devices: [makeDevice(environment, 1, { name: 'DEV' })] }),
        catalog,
      );
      expect(flows(result)).toEqual([CORE]);
      expect(result.checks.map((c) => c.code)).toContain('environment-unavailable');
    }
  });
});

describe('bundled catalog: NetApp Cluster-Mode ONTAP API target (review 2 P3, M9; E32)', () => {
  // "Configure Network": the API goes "through the SVM's LIF or through the cluster management LIF
  // with vserver tunneling"; the checklist: "via a management LIF"; "Data LIFs of the SVM connect
  // to Activity Monitor Agent on port 9999". DEV's data LIFs: 10.2.0.2 and 10.2.0.3.
  const DATA = 'DEV@10.2.0.2 + DEV@10.2.0.3';
  const FPOLICY = `${DATA} -> ${A} TCP 9999`;
  const MISSING = 'ontap-management-lif-address-missing@devices.0.options.ontapManagementAddress';

  function resolveCmode(options: Record<string, OptionValue>) {
    const plan = planWith({
      devices: [
        makeDevice('netapp-cmode', 1, {
          name: 'DEV',
          addresses: ['10.2.0.2', '10.2.0.3'],
          options,
        }),
      ],
    });
    const result = resolvePlan(plan, catalog);
    return { flows: flows(result), checks: checkCodes(result) };
  }

  it.each<[string, Record<string, OptionValue>, string[], string[]]>([
    [
      'separate management LIF: API agent -> management LIF, FPolicy data LIFs -> agent',
      { ontapApiTarget: 'management', ontapManagementAddress: '10.2.9.1', ontapiProtocol: 'both' },
      [`${A} -> ${M}@10.2.9.1 TCP 80`, `${A} -> ${M}@10.2.9.1 TCP 443`, FPOLICY],
      [],
    ],
    [
      'cluster management LIF by host name (vserver tunneling), HTTPS',
      { ontapApiTarget: 'management', ontapManagementAddress: 'cluster1-mgmt.corp.example' },
      [`${A} -> ${M}@cluster1-mgmt.corp.example TCP 443`, FPOLICY],
      [],
    ],
    [
      'management LIF chosen, address missing: placeholder and an error on the field',
      { ontapApiTarget: 'management' },
      [`${A} -> ${M}@<ONTAP management LIF> TCP 443`, FPOLICY],
      [MISSING],
    ],
    [
      'no choice stored (the default, as in a plan saved before 2026.11.4): asks for the address',
      {},
      [`${A} -> ${M}@<ONTAP management LIF> TCP 443`, FPOLICY],
      [MISSING],
    ],
    [
      'a blank address is missing too',
      { ontapApiTarget: 'management', ontapManagementAddress: '   ' },
      [`${A} -> ${M}@<ONTAP management LIF> TCP 443`, FPOLICY],
      [MISSING],
    ],
    [
      '"the SVM\'s data LIFs": the API goes to the data LIFs, as before',
      { ontapApiTarget: 'data-lifs', ontapiProtocol: 'both' },
      [`${A} -> ${DATA} TCP 80`, `${A} -> ${DATA} TCP 443`, FPOLICY],
      [],
    ],
    [
      '"the SVM\'s data LIFs" ignores a management address left from before (hidden field)',
      { ontapApiTarget: 'data-lifs', ontapManagementAddress: '10.2.9.1' },
      [`${A} -> ${DATA} TCP 443`, FPOLICY],
      [],
    ],
  ])('%s', (_name, options, expectedFlows, expectedChecks) => {
    const { flows: got, checks } = resolveCmode(options);
    expect(sorted(got)).toEqual(sorted([CORE, ...expectedFlows]));
    expect(checks.filter((c) => c.startsWith('ontap-management-lif'))).toEqual(expectedChecks);
  });

  it('an invalid management address is an error on its field, and no rule uses it', () => {
    const { checks } = resolveCmode({
      ontapApiTarget: 'management',
      ontapManagementAddress: '10.2.9.0/24',
    });
    expect(
      checks.filter((c) => c.endsWith('devices.0.options.ontapManagementAddress')),
    ).toHaveLength(1);
  });
});

describe('bundled catalog: integrations', () => {
  const base = planWith({
    agents: [makeAgent(1)],
    devices: [makeDevice('active-directory', 1, { name: 'DEV' })],
  });
  const AGENTS = `${A} + ${D}`;
  const withIntegrations = (
    patch: Partial<Plan['integrations']>,
    amVersion: Plan['amVersion'] = '10.0',
  ) =>
    flows(
      resolvePlan(
        { ...base, amVersion, integrations: { ...base.integrations, ...patch } },
        catalog,
      ),
    );
  const aa = (edition: 'classic' | 'aa26', useApiServer: boolean) => ({
    accessAnalyzer: {
      ...base.integrations.accessAnalyzer,
      enabled: true,
      edition,
      useApiServer,
      name: 'AA',
      address: '10.9.0.1',
    },
  });

  it('classic Access Analyzer: SMB 445 and WMI (135 + dynamic RPC) to every agent host (P)', () => {
    expect(withIntegrations(aa('classic', false))).toEqual(
      sorted([
        `${C} -> ${AGENTS} TCP 4498`,
        `AA@10.9.0.1 -> ${AGENTS} TCP 445`,
        `AA@10.9.0.1 -> ${AGENTS} TCP 135, 49152-65535`,
      ]),
    );
  });

  it('classic Access Analyzer: SMB and WMI only to Windows agent hosts, SSH 22 to Linux hosts (review 2 P2, M1; E31)', () => {
    const plan = planWith({
      agents: [makeAgent(1)],
      devices: [
        makeDevice('windows-file-server', 1, { name: 'FS' }),
        makeDevice('linux', 2, { name: 'LX' }),
      ],
    });
    const withAa = { ...plan, integrations: { ...plan.integrations, ...aa('classic', false) } };
    const FS = 'FS@10.2.0.2';
    const LX = 'LX@10.2.0.3';
    expect(flows(resolvePlan(withAa, catalog))).toEqual(
      sorted([
        `${C} -> ${A} + ${FS} + ${LX} TCP 4498`,
        `AA@10.9.0.1 -> ${A} + ${FS} TCP 445`,
        `AA@10.9.0.1 -> ${A} + ${FS} TCP 135, 49152-65535`,
        `AA@10.9.0.1 -> ${LX} TCP 22`,
      ]),
    );
    // The SSH rule is inferred: gone when a plan hides inferred rules.
    const hidden = { ...withAa, settings: { ...withAa.settings, showInferred: false } };
    expect(flows(resolvePlan(hidden, catalog))).not.toContain(`AA@10.9.0.1 -> ${LX} TCP 22`);
  });

  it('classic Access Analyzer through the API server adds TCP 4494 (F §2.1)', () => {
    expect(withIntegrations(aa('classic', true))).toContain(`AA@10.9.0.1 -> ${AGENTS} TCP 4494`);
  });

  // Agent 1 monitors a Qumulo cluster, agent 2 a SQL Server, agent 3 SharePoint Online; FS is a
  // Windows file server and DC a domain controller (both local agents).
  const mixed = planWith({
    agents: [makeAgent(1), makeAgent(2), makeAgent(3)],
    devices: [
      makeDevice('qumulo', 1, { name: 'Q', agentId: 'agent-1' }),
      makeDevice('sql-server', 2, { name: 'SQL', agentId: 'agent-2' }),
      makeDevice('sharepoint-online', 3, { name: 'SPO', agentId: 'agent-3' }),
      makeDevice('windows-file-server', 4, { name: 'FS' }),
      makeDevice('active-directory', 5, { name: 'DC' }),
    ],
  });
  const A1 = 'Agent server 1@10.1.0.2';
  const A3 = 'Agent server 3@10.1.0.4';
  const FS = 'FS@10.2.0.5';
  const DC = 'DC@10.2.0.6';
  const mixedFlows = (patch: Partial<Plan['integrations']>) =>
    flows(resolvePlan({ ...mixed, integrations: { ...mixed.integrations, ...patch } }, catalog));

  it('Access Analyzer 26: agents -> AA26 TCP 4504 (F §2.7), only in 10.0', () => {
    const fileAgents = planWith({ devices: [makeDevice('qumulo', 1, { name: 'Q' })] });
    const result = (amVersion: Plan['amVersion']) =>
      flows(
        resolvePlan(
          {
            ...fileAgents,
            amVersion,
            integrations: { ...fileAgents.integrations, ...aa('aa26', false) },
          },
          catalog,
        ),
      );
    expect(result('10.0')).toContain(`${A} -> AA@10.9.0.1 TCP 4504`);
    expect(result('9.0').some((f) => f.endsWith('TCP 4504'))).toBe(false);
  });

  it('Access Analyzer 26: only agents of file system, SharePoint Online and Copilot hosts send it (review 2 P6, E30)', () => {
    expect(mixedFlows(aa('aa26', false)).filter((f) => f.endsWith('TCP 4504'))).toEqual([
      `${A1} + ${A3} + ${FS} -> AA@10.9.0.1 TCP 4504`,
    ]);
  });

  it('Threat Manager: the syslog stream only from file-activity agents, AMQP only from domain controllers (review 2 P6, E30)', () => {
    const result = mixedFlows({ threatManager: { enabled: true, name: 'TM', address: 'tm.corp' } });
    expect(result.filter((f) => f.includes('TM@tm.corp'))).toEqual(
      sorted([`${A1} + ${FS} -> TM@tm.corp UDP 10000`, `${DC} -> TM@tm.corp TCP 10001`]),
    );
  });

  it.each(['UDP', 'TCP'] as const)(
    "SIEM over %s: the suggested 514 is the planner's, not a documented default (review 2 P4, E29)",
    (transport) => {
      const result = resolvePlan(
        {
          ...base,
          integrations: {
            ...base.integrations,
            siem: { enabled: true, name: 'SIEM', address: 'siem.corp', transport, port: 514 },
          },
        },
        catalog,
      );
      const siem = result.rules.find((r) => r.destination.role === 'siem-server');
      expect(siem?.portsText).toBe('514');
      expect(siem?.errata).toContain('E29');
      expect(siem?.notes.join(' ')).toContain("514 is only the planner's suggestion");
    },
  );

  it.each(['UDP', 'TCP'] as const)('SIEM over %s on the plan port (F §2.7)', (transport) => {
    const result = withIntegrations({
      siem: { enabled: true, name: 'SIEM', address: 'siem.corp', transport, port: 6514 },
    });
    expect(result).toContain(`${AGENTS} -> SIEM@siem.corp ${transport} 6514`);
  });

  it('Threat Manager: syslog UDP 10000 and AMQP TCP 10001 (F §5.17)', () => {
    const result = withIntegrations({
      threatManager: { enabled: true, name: 'TM', address: 'tm.corp' },
    });
    // The plan monitors only a domain controller: no file activity, so no syslog stream.
    expect(result.some((f) => f.endsWith('UDP 10000'))).toBe(false);
    // AMQP carries the Active Directory output: only from the agents on domain controllers.
    expect(result).toContain(`${D} -> TM@tm.corp TCP 10001`);
    expect(result.filter((f) => f.endsWith('TCP 10001'))).toEqual([`${D} -> TM@tm.corp TCP 10001`]);
  });

  it('every file system environment is a source of the file-activity outputs (E30)', () => {
    const monitors = (id: string) => catalog.roles.find((r) => r.id === id)?.monitors ?? [];
    const fileSystems = catalog.environments
      .filter(
        (e) => e.group === 'nas' || ['windows-file-server', 'linux', 'azure-files'].includes(e.id),
      )
      .map((e) => e.id)
      .sort();
    expect([...monitors('file-activity-agent')].sort()).toEqual(fileSystems);
    expect([...monitors('aa26-source-agent')].sort()).toEqual(
      [...fileSystems, 'm365-copilot', 'sharepoint-online'].sort(),
    );
  });

  it('Threat Manager without domain controllers: no AMQP rule', () => {
    const plan = planWith({
      agents: [makeAgent(1)],
      devices: [makeDevice('qumulo', 1, { name: 'Q' })],
    });
    const result = flows(
      resolvePlan(
        {
          ...plan,
          integrations: {
            ...plan.integrations,
            threatManager: { enabled: true, name: 'TM', address: 'tm.corp' },
          },
        },
        catalog,
      ),
    );
    expect(result).toContain(`${A} -> TM@tm.corp UDP 10000`);
    expect(result.some((f) => f.endsWith('TCP 10001'))).toBe(false);
  });
});

describe('bundled catalog: agent deployment and agent settings (F §2.1, §2.3, §5.1, §5.5)', () => {
  const FS = 'FS@10.2.0.2';
  const LX = 'LX@10.2.0.3';
  const AGENT_HOSTS = `${A} + ${FS} + ${LX}`;
  const base = planWith({
    devices: [
      makeDevice('windows-file-server', 1, { name: 'FS' }),
      makeDevice('linux', 2, { name: 'LX' }),
    ],
  });
  const withDeployment = (
    patch: Partial<Plan['deployment']>,
    plan: Plan = base,
    showInferred = true,
  ): Plan => ({
    ...plan,
    deployment: { ...plan.deployment, ...patch },
    settings: { ...plan.settings, showInferred },
  });
  const proxy = (address: string, port = 8080): Partial<Plan['deployment']> => ({
    proxy: { enabled: true, name: 'Proxy', address, port },
  });
  const archive = (address: string): Partial<Plan['deployment']> => ({
    archive: { enabled: true, name: 'Archive', address },
  });

  it.each<[string, Partial<Plan['deployment']>, boolean, string[]]>([
    ['nothing set: only the console -> agent rule', {}, true, [`${C} -> ${AGENT_HOSTS} TCP 4498`]],
    [
      // F §5.1: SMB 445 + WMI to each Windows agent host, SSH 22 to each Linux agent host
      'push install: SMB and WMI to the Windows agent hosts, SSH to the Linux host',
      { pushInstall: true },
      true,
      [
        `${C} -> ${AGENT_HOSTS} TCP 4498`,
        `${C} -> ${A} + ${FS} TCP 445`,
        `${C} -> ${A} + ${FS} TCP 135, 49152-65535`,
        `${C} -> ${LX} TCP 22`,
      ],
    ],
    [
      'push install with inferred rules hidden: its ports are all inferred',
      { pushInstall: true },
      false,
      [`${C} -> ${AGENT_HOSTS} TCP 4498`],
    ],
    [
      // F §2.1: agent -> archive UNC share, SMB 445 inferred, from every Windows host running an
      // agent; Linux agents archive to a local path (Archiving Tab; review 2, missed item 1)
      'archiving to a share: every Windows agent host -> archive server SMB 445, not Linux',
      archive('10.5.0.1'),
      true,
      [`${C} -> ${AGENT_HOSTS} TCP 4498`, `${A} + ${FS} -> Archive@10.5.0.1 TCP 445`],
    ],
    [
      'a proxy without Microsoft cloud devices adds nothing',
      proxy('proxy.corp'),
      true,
      [`${C} -> ${AGENT_HOSTS} TCP 4498`],
    ],
  ])('%s', (_name, patch, showInferred, expected) => {
    expect(sorted(flows(resolvePlan(withDeployment(patch, base, showInferred), catalog)))).toEqual(
      sorted(expected),
    );
  });

  const cloud = planWith({
    devices: [
      makeDevice('entra-id', 1, { name: 'Entra' }),
      makeDevice('exchange-online', 2, { name: 'Exchange' }),
    ],
  });
  /** Every FQDN the proxy forwards: those of Entra ID and of Exchange Online, once each. */
  const FORWARDED = `${LOGIN} + ${GRAPH} + ${MANAGE}`;

  it('proxy: agent -> proxy on its port (one rule, both reasons), proxy -> the FQDNs HTTPS 443', () => {
    const result = resolvePlan(withDeployment(proxy('proxy.corp'), cloud), catalog);
    expect(flows(result)).toEqual(
      sorted([
        `${C} -> ${A} TCP 4498`,
        `${A} -> Proxy@proxy.corp TCP 8080`,
        `Proxy@proxy.corp -> ${FORWARDED} TCP 443`,
      ]),
    );
    const toProxy = result.rules.find((r) => r.destination.role === 'network-proxy');
    expect(toProxy?.reasons.map((r) => r.ruleId).sort()).toEqual([
      'entra-id-agent-cloud',
      'exchange-online-agent-cloud',
    ]);
    expect(toProxy?.destination.roleName).toBe('Network proxy');
    expect(toProxy?.ports).toEqual([{ from: 8080, to: 8080, label: 'proxy port' }]);
    // Each proxied flow says where the proxy forwards it.
    expect(toProxy?.notes.filter((n) => n.startsWith('Through the network proxy'))).toEqual([
      'Through the network proxy proxy.corp:8080; the proxy forwards it to login.microsoftonline.com, graph.microsoft.com, manage.office.com (HTTPS 443, the rule from the network proxy)',
      'Through the network proxy proxy.corp:8080; the proxy forwards it to login.microsoftonline.com, graph.microsoft.com (HTTPS 443, the rule from the network proxy)',
    ]);
    expect(
      result.rules.some(
        (r) => r.destination.role === 'ms-cloud' && r.source.role !== 'network-proxy',
      ),
    ).toBe(false);
    const egress = result.rules.find((r) => r.source.role === 'network-proxy');
    expect(egress?.reasons.map((r) => r.ruleId)).toEqual(['deploy-proxy-cloud-https']);
    // The Network Proxy Tab names no port for the proxy's own egress (review 2 P7).
    expect(egress?.basis).toBe('inferred');
  });

  it('proxy with inferred rules hidden: agents still go to the proxy, its inferred egress is left out (review 2 P7)', () => {
    const plan = withDeployment(proxy('proxy.corp'), cloud, false);
    expect(flows(resolvePlan(plan, catalog))).toEqual(
      sorted([`${C} -> ${A} TCP 4498`, `${A} -> Proxy@proxy.corp TCP 8080`]),
    );
  });

  it('proxy on port 3128 (IPv6 address): the agent flow and the note follow the port', () => {
    const result = resolvePlan(withDeployment(proxy('fd00::8', 3128), cloud), catalog);
    expect(flows(result)).toContain(`${A} -> Proxy@fd00::8 TCP 3128`);
    expect(result.rules.flatMap((r) => r.notes)).toContain(
      'Through the network proxy [fd00::8]:3128; the proxy forwards it to login.microsoftonline.com, graph.microsoft.com (HTTPS 443, the rule from the network proxy)',
    );
  });

  it('proxy switched off: agents reach the FQDNs directly again', () => {
    const plan = withDeployment(
      { proxy: { enabled: false, name: 'Proxy', address: 'proxy.corp', port: 8080 } },
      cloud,
    );
    expect(flows(resolvePlan(plan, catalog))).toEqual(
      sorted([
        `${C} -> ${A} TCP 4498`,
        `${A} -> ${LOGIN} + ${GRAPH} TCP 443`,
        `${A} -> ${LOGIN} + ${GRAPH} + ${MANAGE} TCP 443`,
      ]),
    );
  });

  it('the per-host view shows the proxy with the agents inbound and its own egress outbound', () => {
    const result = resolvePlan(withDeployment(proxy('proxy.corp'), cloud), catalog);
    const view = buildHostViews(result).find((v) => v.host.address === 'proxy.corp');
    expect(view?.inbound.map(flowText)).toEqual([`${A} -> Proxy@proxy.corp TCP 8080`]);
    expect(view?.outbound.map(flowText)).toEqual([`Proxy@proxy.corp -> ${FORWARDED} TCP 443`]);
  });

  it.each<[string, Partial<Plan['deployment']>, string[]]>([
    [
      'a proxy and an archive without addresses',
      { ...proxy(''), ...archive('') },
      ['missing-address@deployment.archive.address', 'missing-address@deployment.proxy.address'],
    ],
    [
      'bad addresses',
      { ...proxy('proxy corp'), ...archive('10.0.0.300') },
      ['address-invalid@deployment.archive.address', 'address-invalid@deployment.proxy.address'],
    ],
    ['proxy port 0', proxy('proxy.corp', 0), ['value-out-of-range@deployment.proxy.port']],
    [
      'switched off: nothing is checked',
      {
        proxy: { enabled: false, name: 'P', address: 'bad host', port: 0 },
        archive: { enabled: false, name: 'A', address: '' },
      },
      [],
    ],
  ])('plan checks: %s', (_name, patch, expected) => {
    const codes = checkCodes(resolvePlan(withDeployment(patch, cloud), catalog)).filter((c) =>
      c.includes('@deployment.'),
    );
    expect(codes.sort()).toEqual(expected);
  });

  it('the missing proxy address names the field and the rules show the role placeholder', () => {
    const result = resolvePlan(withDeployment(proxy(''), cloud), catalog);
    expect(result.checks.find((c) => c.field === 'deployment.proxy.address')?.message).toBe(
      'The network proxy "Proxy" has no address (Network proxy → Address).',
    );
    expect(flows(result)).toContain(`${A} -> Proxy@<Network proxy> TCP 8080`);
  });

  it('an archive share on the console host is no duplicate-address warning', () => {
    const result = resolvePlan(withDeployment(archive('10.0.0.10')), catalog);
    expect(checkCodes(result).filter((c) => c.startsWith('address-duplicate'))).toEqual([]);
  });
});
