/**
 * Adding an environment is a catalog change only (docs/architecture.md, "How to add"): two
 * TEST-ONLY environments, added to a copy of the bundled catalog here and nowhere else, go
 * through the catalog validator, the resolver and its plan checks, the report's host sections
 * and the wizard without any change to the code.
 *
 * - Acme NAS (a): a device environment with one agent -> device and one device -> agent rule.
 * - Globex Archive (b): a device option names a helper host, the Globex indexer (a role of kind
 *   device-option-host with `when` / `otherwise`, like the Dell CEE server): device -> indexer
 *   and indexer -> agent rules; the indexer runs on the agent server unless placed separately.
 *
 * Plan (tests/support/plan-builders.ts): console 10.0.0.10, "Agent server 1" 10.1.0.2.
 */
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type {
  AmPageVersions,
  Catalog,
  CatalogOption,
  CatalogRule,
  Citation,
  Environment,
  OptionValue,
  Role,
} from '@/core/catalog/model';
import { validateCatalog } from '@/core/catalog/validate-catalog';
import type { Plan } from '@/core/plan/model';
import { buildReport } from '@/core/report/build-report';
import type { ReportHost } from '@/core/report/model';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import { deviceEnvironments, groupEnvironments } from '@/core/wizard/devices';
import { devicesNeedingOptions, isOptionRelevant } from '@/core/wizard/options';

import { makeDevice, planWith } from '../../../support/plan-builders';

import { checkCodes, flows } from './summarize';

const bundled = getCatalog();

const citation: Citation = {
  repo: 'netwrix/docs',
  path: 'docs/activitymonitor/10.0/requirements/activityagent/acme-activity.md',
  version: '10.0',
  section: 'Acme Activity Auditing Configuration (test only)',
  anchor: '',
  url: 'https://docs.netwrix.com/docs/activitymonitor/10_0/requirements/activityagent/acme-activity',
};

// ---------------------------------------------------------------- (a) Acme NAS

const ACME: Environment = {
  id: 'acme-nas',
  name: 'Acme NAS',
  aliases: ['Acme Filer'],
  group: 'nas',
  versions: ['9.0', '10.0'],
  endpointRole: 'acme-nas',
  addressKind: 'hosts',
  agentMode: 'proxy',
  allowsCidr: false,
  options: [],
  summary: 'The agent calls the Acme API; the filer streams events to the agent.',
  citation,
};
const ACME_ROLE: Role = { id: 'acme-nas', name: 'Acme NAS filer', kind: 'device' };
const ACME_RULES: CatalogRule[] = [
  {
    id: 'acme-nas-agent-api',
    environment: 'acme-nas',
    source: 'activity-agent-server',
    destination: 'acme-nas',
    transport: 'TCP',
    ports: [{ kind: 'port', port: 8443 }],
    service: 'HTTPS',
    description: 'Acme API',
    basis: 'documented',
    citation,
  },
  {
    id: 'acme-nas-device-agent-events',
    environment: 'acme-nas',
    source: 'acme-nas',
    destination: 'activity-agent-server',
    transport: 'TCP',
    ports: [{ kind: 'port', port: 4510 }],
    service: 'Acme events',
    description: 'Acme event stream',
    basis: 'documented',
    citation,
  },
];

// ---------------------------------------------------------------- (b) Globex Archive

const SEPARATE = { kind: 'option', option: 'globexIndexerPlacement', in: ['separate'] } as const;

const GLOBEX: Environment = {
  id: 'globex-archive',
  name: 'Globex Archive',
  aliases: ['Globex'],
  group: 'database',
  versions: ['7.1', '8.0', '9.0', '10.0'],
  endpointRole: 'globex-archive',
  addressKind: 'hosts',
  agentMode: 'proxy',
  allowsCidr: false,
  options: ['globexIndexerPlacement', 'globexIndexerAddress'],
  summary: 'The archive sends events to the Globex indexer, which forwards them to the agent.',
  citation,
};
const GLOBEX_OPTIONS: CatalogOption[] = [
  {
    id: 'globexIndexerPlacement',
    label: 'Globex indexer location',
    help: 'The Globex indexer on the agent server or on a separate server.',
    type: 'choice',
    choices: [
      { value: 'agent', label: 'On the agent server' },
      { value: 'separate', label: 'On a separate server' },
    ],
    default: 'agent',
  },
  {
    id: 'globexIndexerAddress',
    label: 'Globex indexer address',
    help: 'Host name or IP address of the separate Globex indexer.',
    type: 'address',
    default: '',
    shownWhen: { option: 'globexIndexerPlacement', in: ['separate'] },
  },
];
const GLOBEX_ROLES: Role[] = [
  { id: 'globex-archive', name: 'Globex Archive server', kind: 'device' },
  {
    id: 'globex-indexer',
    name: 'Globex indexer',
    kind: 'device-option-host',
    option: 'globexIndexerAddress',
    when: SEPARATE,
    otherwise: 'activity-agent-server',
    hostLabel: 'Globex indexer',
    hostOs: 'linux',
  },
];
const GLOBEX_RULES: CatalogRule[] = [
  {
    id: 'globex-archive-device-indexer',
    environment: 'globex-archive',
    source: 'globex-archive',
    destination: 'globex-indexer',
    transport: 'TCP',
    ports: [{ kind: 'port', port: 7001 }],
    service: 'Globex events',
    description: 'Archive events to the indexer',
    basis: 'documented',
    citation,
  },
  {
    id: 'globex-archive-indexer-agent',
    environment: 'globex-archive',
    source: 'globex-indexer',
    destination: 'activity-agent-server',
    transport: 'TCP',
    ports: [{ kind: 'port', port: 7002 }],
    service: 'Globex events',
    description: 'The indexer forwards events to the agent',
    basis: 'documented',
    citation,
  },
];

/**
 * Its page in the older versions (a row of src/data/am-version-pages.ts: every cited Activity
 * Monitor page has one, docs/catalog.md "Per-version links"): a 10.0 page only.
 */
const ACME_PAGE: AmPageVersions = {
  page: citation.path,
  '7.1': { absent: 'Test-only page: none in older versions.' },
  '8.0': { absent: 'Test-only page: none in older versions.' },
  '9.0': { absent: 'Test-only page: none in older versions.' },
};

/** The bundled catalog plus the test-only environments (the bundled data is not touched). */
function extendedCatalog(patch: { roles?: (roles: Role[]) => Role[] } = {}): Catalog {
  const roles = [...bundled.roles, ACME_ROLE, ...GLOBEX_ROLES];
  return {
    ...bundled,
    environments: [...bundled.environments, ACME, GLOBEX],
    roles: patch.roles ? patch.roles(roles) : roles,
    rules: [...bundled.rules, ...ACME_RULES, ...GLOBEX_RULES],
    options: [...bundled.options, ...GLOBEX_OPTIONS],
    versionPages: [...(bundled.versionPages ?? []), ACME_PAGE],
  };
}
const catalog = extendedCatalog();

const C = 'Console@10.0.0.10';
const A = 'Agent server 1@10.1.0.2';
const CORE = `${C} -> ${A} TCP 4498`;
const ACME_DEVICE = 'A1@10.2.0.1';
const GLOBEX_DEVICE = 'G1@10.2.0.2';
const INDEXER = 'Globex indexer for G1';

function acmePlan(patch: Partial<Plan> = {}): Plan {
  return planWith({ devices: [makeDevice('acme-nas', 0, { name: 'A1' })], ...patch });
}

/** An Acme device first, so that the Globex device is devices.1 (field paths). */
function globexPlan(options: Record<string, OptionValue> = {}): Plan {
  return planWith({
    devices: [
      makeDevice('acme-nas', 0, { name: 'A1' }),
      makeDevice('globex-archive', 1, { name: 'G1', options }),
    ],
  });
}

function hostByLabel(hosts: readonly ReportHost[], label: string): ReportHost {
  const host = hosts.find((h) => h.label === label);
  if (!host) throw new Error(`no host section "${label}": ${hosts.map((h) => h.label).join(', ')}`);
  return host;
}

function reportOf(plan: Plan, cat: Catalog = catalog) {
  return buildReport({
    plan,
    resolution: resolvePlan(plan, cat),
    catalog: cat,
    permalink: 'https://planner.example/#/open/x',
  });
}

describe('the test-only environments', () => {
  it('are not in the bundled catalog (only this test adds them)', () => {
    const ids = bundled.environments.map((e) => e.id);
    expect(ids).not.toContain('acme-nas');
    expect(ids).not.toContain('globex-archive');
    expect(bundled.roles.map((r) => r.id)).not.toContain('globex-indexer');
  });

  it('are accepted by validateCatalog with the bundled data', () => {
    const result = validateCatalog(catalog);
    expect(result.success ? [] : result.issues).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('are judged by validateCatalog: a helper role must name an address option', () => {
    const broken = extendedCatalog({
      roles: (roles) =>
        roles.map((r) =>
          r.id === 'globex-indexer' ? { ...r, option: 'globexIndexerPlacement' } : r,
        ),
    });
    const result = validateCatalog(broken);
    expect(result.success ? [] : result.issues).toEqual([
      `roles[${String(broken.roles.length - 1)}] (globex-indexer): needs an address option, got "globexIndexerPlacement"`,
    ]);
  });
});

describe('(a) Acme NAS: a data-only device environment', () => {
  it('resolves its rules between the device and its own agent server', () => {
    expect(flows(resolvePlan(acmePlan(), catalog))).toEqual([
      `${ACME_DEVICE} -> ${A} TCP 4510`,
      `${A} -> ${ACME_DEVICE} TCP 8443`,
      CORE,
    ]);
  });

  it('gives each resolved rule its reason: environment, device and rule id', () => {
    const reasons = resolvePlan(acmePlan(), catalog).rules.flatMap((r) => r.reasons);
    expect(
      reasons
        .filter((r) => r.environmentId === 'acme-nas')
        .map((r) => `${r.environmentName}/${r.deviceName ?? ''}/${r.ruleId}`)
        .sort(),
    ).toEqual(['Acme NAS/A1/acme-nas-agent-api', 'Acme NAS/A1/acme-nas-device-agent-events']);
  });

  it('has no plan check while the plan is complete', () => {
    expect(checkCodes(resolvePlan(acmePlan(), catalog))).toEqual([]);
  });

  it('checks the device like any other: missing address, missing agent, version', () => {
    const plan = planWith({
      amVersion: '8.0',
      devices: [makeDevice('acme-nas', 0, { name: 'A1', addresses: [], agentId: '' })],
    });
    expect(checkCodes(resolvePlan(plan, catalog))).toEqual([
      'device-no-agent@devices.0.agentId',
      'environment-unavailable@devices.0.environment',
      'missing-address@devices.0.addresses',
    ]);
  });

  it('joins the agents a role `monitors` once the role lists it (data, not code)', () => {
    const tm = {
      integrations: {
        ...planWith().integrations,
        threatManager: { enabled: true, name: 'TM', address: '10.9.0.3' },
      },
    };
    const tmSyslog = (cat: Catalog) =>
      flows(resolvePlan(acmePlan(tm), cat)).filter((f) => f.endsWith('UDP 10000'));
    expect(tmSyslog(catalog)).toEqual([]);
    const listed = extendedCatalog({
      roles: (roles) =>
        roles.map((r) =>
          r.id === 'file-activity-agent'
            ? { ...r, monitors: [...(r.monitors ?? []), 'acme-nas'] }
            : r,
        ),
    });
    expect(tmSyslog(listed)).toEqual([`${A} -> TM@10.9.0.3 UDP 10000`]);
  });

  it('gets report host sections: the device is not ours to script, the agent server is Windows', () => {
    const hosts = reportOf(acmePlan()).hosts;
    const device = hostByLabel(hosts, 'A1');
    expect([device.key, device.os, device.kind, device.windows]).toEqual([
      'dev-0',
      'other',
      'host',
      false,
    ]);
    expect(device.inbound.map((r) => `${r.peerRole} ${r.transport} ${r.portsText}`)).toEqual([
      'Activity Agent Server TCP 8443',
    ]);
    expect(device.outbound.map((r) => `${r.peerRole} ${r.transport} ${r.portsText}`)).toEqual([
      'Activity Agent Server TCP 4510',
    ]);
    const agent = hostByLabel(hosts, 'Agent server 1');
    expect(agent.os).toBe('windows');
    expect(agent.inbound.map((r) => r.portsText).sort()).toEqual(['4498', '4510']);
  });
});

describe('(b) Globex Archive: a device option names a helper host', () => {
  it('indexer on the agent server (the default): device -> agent, no indexer host', () => {
    const result = resolvePlan(globexPlan(), catalog);
    expect(flows(result).filter((f) => f.includes('G1'))).toEqual([
      `${GLOBEX_DEVICE} -> ${A} TCP 7001`,
    ]);
    expect(checkCodes(result)).toEqual([]);
    expect(reportOf(globexPlan()).hosts.map((h) => h.label)).not.toContain(INDEXER);
  });

  it('separate indexer: device -> indexer and indexer -> agent', () => {
    const plan = globexPlan({
      globexIndexerPlacement: 'separate',
      globexIndexerAddress: '10.3.0.7',
    });
    const result = resolvePlan(plan, catalog);
    expect(flows(result).filter((f) => f.includes('G1'))).toEqual([
      `${GLOBEX_DEVICE} -> ${INDEXER}@10.3.0.7 TCP 7001`,
      `${INDEXER}@10.3.0.7 -> ${A} TCP 7002`,
    ]);
    expect(checkCodes(result)).toEqual([]);
  });

  it('separate indexer without an address: a placeholder and an error naming the field', () => {
    const result = resolvePlan(globexPlan({ globexIndexerPlacement: 'separate' }), catalog);
    expect(flows(result).filter((f) => f.includes('G1'))).toEqual([
      `${GLOBEX_DEVICE} -> ${INDEXER}@<Globex indexer> TCP 7001`,
      `${INDEXER}@<Globex indexer> -> ${A} TCP 7002`,
    ]);
    expect(result.checks).toEqual([
      {
        code: 'globex-indexer-address-missing',
        severity: 'error',
        message:
          'Device "G1": the Globex indexer is on a separate host, but its address is missing (G1 → Globex indexer address).',
        field: 'devices.1.options.globexIndexerAddress',
      },
    ]);
  });

  it('separate indexer with a bad address: an error on that field, never a live host', () => {
    const plan = globexPlan({
      globexIndexerPlacement: 'separate',
      globexIndexerAddress: 'bad host',
    });
    const result = resolvePlan(plan, catalog);
    expect(checkCodes(result)).toEqual(['address-invalid@devices.1.options.globexIndexerAddress']);
    const indexer = hostByLabel(reportOf(plan).hosts, INDEXER);
    expect(indexer.addresses).toEqual([]);
    expect(indexer.invalid).toMatch(/^The Globex indexer of device "G1": /);
  });

  it('an address typed while the indexer is on the agent server is not used nor judged', () => {
    const result = resolvePlan(globexPlan({ globexIndexerAddress: 'bad host' }), catalog);
    expect(flows(result).filter((f) => f.includes('G1'))).toEqual([
      `${GLOBEX_DEVICE} -> ${A} TCP 7001`,
    ]);
    expect(checkCodes(result)).toEqual([]);
  });

  it('the indexer gets a host section with the operating system its role names', () => {
    const plan = globexPlan({
      globexIndexerPlacement: 'separate',
      globexIndexerAddress: '10.3.0.7',
    });
    const indexer = hostByLabel(reportOf(plan).hosts, INDEXER);
    expect([indexer.key, indexer.os, indexer.kind, indexer.windows]).toEqual([
      'globex-indexer-dev-1',
      'linux',
      'host',
      false,
    ]);
    expect(indexer.roleNames).toEqual(['Globex indexer']);
    expect(
      indexer.inbound.map((r) => `${r.peers.map((p) => p.label).join()} ${r.portsText}`),
    ).toEqual(['G1 7001']);
    expect(
      indexer.outbound.map((r) => `${r.peers.map((p) => p.label).join()} ${r.portsText}`),
    ).toEqual(['Agent server 1 7002']);
    const windowsIndexer = extendedCatalog({
      roles: (roles) =>
        roles.map((r) => (r.id === 'globex-indexer' ? { ...r, hostOs: 'windows' as const } : r)),
    });
    expect(hostByLabel(reportOf(plan, windowsIndexer).hosts, INDEXER).os).toBe('windows');
  });
});

describe('the wizard offers the new environments', () => {
  it('in the devices list of the versions they support, in their group', () => {
    const ids = (version: Plan['amVersion']) =>
      deviceEnvironments(catalog, version).map((e) => e.id);
    expect(ids('10.0')).toEqual(expect.arrayContaining(['acme-nas', 'globex-archive']));
    expect(ids('8.0')).toContain('globex-archive');
    expect(ids('8.0')).not.toContain('acme-nas');
    expect(deviceEnvironments(bundled, '10.0').map((e) => e.id)).not.toContain('acme-nas');
  });

  it('found by name or alias, under their group', () => {
    const environments = deviceEnvironments(catalog, '10.0');
    const found = (query: string) =>
      groupEnvironments(environments, query).map(
        (g) => `${g.label}: ${g.environments.map((e) => e.name).join(', ')}`,
      );
    expect(found('acme filer')).toEqual(['NAS and file storage: Acme NAS']);
    expect(found('globex')).toEqual(['Databases: Globex Archive']);
  });

  it("asks for the helper's options, the address only while the indexer is separate", () => {
    const [view] = devicesNeedingOptions(globexPlan(), catalog);
    expect(view?.device.name).toBe('G1');
    expect(view?.options.map((o) => o.id)).toEqual([
      'globexIndexerPlacement',
      'globexIndexerAddress',
    ]);
    const address = GLOBEX_OPTIONS[1] as CatalogOption;
    const shown = (options: Record<string, OptionValue>) => {
      const plan = globexPlan(options);
      return isOptionRelevant(plan, plan.devices[1]!, address, catalog);
    };
    expect(shown({})).toBe(false);
    expect(shown({ globexIndexerPlacement: 'separate' })).toBe(true);
  });
});
