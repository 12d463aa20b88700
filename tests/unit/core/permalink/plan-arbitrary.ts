/** fast-check arbitraries for valid plans (every generated plan passes parsePlan). */
import fc from 'fast-check';

import { AM_VERSIONS } from '@/core/catalog/model';
import type { AgentServer, Device, Plan } from '@/core/plan/model';
import {
  createDefaultAgentServices,
  createDefaultDeployment,
  createDefaultPlan,
  PLAN_SCHEMA_VERSION,
} from '@/core/plan/model';
import type { ZoneModel } from '@/core/zones/model';
import { emptyZoneModel } from '@/core/zones/model';

/** Any Unicode, lone surrogates included (JSON escapes them, so they must survive). */
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', 'Agent server 1', 'Activity Monitor Console', 'SIEM'),
);
const address = fc.oneof(
  fc.constant(''),
  fc.ipV4(),
  fc.ipV6(),
  fc.domain(),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const port = fc.integer({ min: 1, max: 65535 });
/** Option names; 'constructor' and 'prototype' are never option ids (the decoder drops them). */
const optionKey = fc
  .stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,15}$/)
  .filter((k) => k !== 'constructor' && k !== 'prototype');

const agentsArb: fc.Arbitrary<AgentServer[]> = fc
  .array(fc.record({ defaultId: fc.boolean(), id, name: text, address }), { maxLength: 5 })
  .map((rows) =>
    rows.map((r, i) => ({
      id: r.defaultId ? `agent-${i + 1}` : r.id,
      name: r.defaultId && r.name.length % 2 === 0 ? `Agent server ${i + 1}` : r.name,
      address: r.address,
    })),
  );

function devicesArb(agents: AgentServer[]): fc.Arbitrary<Device[]> {
  const agentId = fc.oneof(
    ...(agents.length > 0 ? [fc.constantFrom(...agents.map((a) => a.id))] : []),
    fc.constant(''),
    id,
  );
  return fc
    .array(
      fc.record({
        defaultId: fc.boolean(),
        id,
        environment: fc.oneof(
          fc.constantFrom('netapp-cmode', 'qumulo', 'dell-isilon', 'entra-id', 'sql-server'),
          id,
        ),
        name: text,
        addresses: fc.array(address, { maxLength: 4 }),
        tenant: fc.oneof(fc.constant(''), fc.domain(), text),
        agentId,
        options: fc.dictionary(optionKey, fc.oneof(text, fc.boolean()), { maxKeys: 4 }),
      }),
      { maxLength: 6 },
    )
    .map((rows) =>
      rows.map(({ defaultId, ...d }, i) => ({ ...d, id: defaultId ? `dev-${i + 1}` : d.id })),
    );
}

const integrationsArb = fc.record({
  accessAnalyzer: fc.record({
    enabled: fc.boolean(),
    edition: fc.constantFrom('classic' as const, 'aa26' as const),
    name: text,
    address,
    useApiServer: fc.boolean(),
  }),
  siem: fc.record({
    enabled: fc.boolean(),
    name: text,
    address,
    transport: fc.constantFrom('UDP' as const, 'TCP' as const),
    port,
  }),
  threatManager: fc.record({ enabled: fc.boolean(), name: text, address }),
  threatPrevention: fc.record({
    enabled: fc.boolean(),
    name: fc.oneof(text, fc.constant('Threat Prevention Enterprise Manager')),
    address,
  }),
});

const serverListArb = fc.record({
  enabled: fc.boolean(),
  addresses: fc.array(address, { maxLength: 3 }),
});

const agentServicesArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(createDefaultAgentServices()) },
  {
    weight: 3,
    arbitrary: fc.record({
      dns: serverListArb,
      domainControllers: serverListArb,
      smtp: fc.record({
        enabled: fc.boolean(),
        name: fc.oneof(text, fc.constant('SMTP server')),
        address,
        port: fc.oneof(port, fc.constant(25)),
      }),
      syslog: fc.record({
        enabled: fc.boolean(),
        name: fc.oneof(text, fc.constant('Syslog server')),
        address,
        transport: fc.constantFrom('UDP' as const, 'TCP' as const, 'TLS' as const),
        port: fc.oneof(port, fc.constant(514)),
      }),
    }),
  },
);

const consolesArb = fc.array(
  fc.record({
    name: fc.oneof(
      text,
      fc.constantFrom('Activity Monitor Console 2', 'Activity Monitor Console 3'),
    ),
    address,
  }),
  { maxLength: 3 },
);

const deploymentArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(createDefaultDeployment()) },
  {
    weight: 3,
    arbitrary: fc.record({
      pushInstall: fc.boolean(),
      proxy: fc.record({
        enabled: fc.boolean(),
        name: fc.oneof(text, fc.constant('Network proxy')),
        address,
        port: fc.oneof(port, fc.constant(8080)),
      }),
      archive: fc.record({
        enabled: fc.boolean(),
        name: fc.oneof(text, fc.constant('Archive server')),
        address,
      }),
    }),
  },
);

const ceeServersArb = fc
  .array(
    fc.record({
      name: fc.oneof(text, fc.constantFrom('CEE server 1', 'CEE server 2')),
      address,
      os: fc.constantFrom('windows' as const, 'linux' as const),
      renamed: fc.boolean(),
    }),
    { maxLength: 3 },
  )
  .map((list) =>
    list.map(({ renamed, ...c }, i) => ({ id: renamed ? `cee-x${i}` : `cee-${i + 1}`, ...c })),
  );

const zoneId = fc.constantFrom('z-servers', 'z-nas', 'z-dmz', 'internet');
/** Plan format 5: zones, firewalls, hand-chosen zones and chosen paths (any text, any ids). */
export const networkArb: fc.Arbitrary<ZoneModel> = fc.oneof(
  fc.constant(null).map(() => emptyZoneModel()),
  fc.record({
    zones: fc.array(
      fc.record({
        id: zoneId,
        name: text,
        cidrs: fc.array(fc.oneof(address, fc.constantFrom('10.0.0.0/8', 'fd00::/8')), {
          maxLength: 3,
        }),
      }),
      { maxLength: 3 },
    ),
    firewalls: fc.array(
      fc.record({
        id: fc.constantFrom('fw-1', 'fw-core', 'fw-edge'),
        name: text,
        kind: fc.constantFrom(
          'panos' as const,
          'fortios' as const,
          'asa' as const,
          'nftables' as const,
          'other' as const,
        ),
        interfaces: fc.array(
          fc.record({
            id: fc.constantFrom('if-1', 'if-2', 'eth0'),
            name: text,
            zones: fc.array(zoneId, { maxLength: 2 }),
          }),
          { maxLength: 3 },
        ),
      }),
      { maxLength: 2 },
    ),
    assignments: fc.array(fc.record({ address, zoneId }), { maxLength: 2 }),
    preferredPaths: fc.array(
      fc.record({
        from: zoneId,
        to: zoneId,
        firewalls: fc.array(fc.constantFrom('fw-1', 'fw-core'), { maxLength: 2 }),
      }),
      { maxLength: 2 },
    ),
  }),
);

const settingsArb = fc.record({
  rpcRange: fc.tuple(port, port).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) })),
  ports: fc.dictionary(optionKey, port, { maxKeys: 4 }),
  showInferred: fc.boolean(),
});

const randomPlan: fc.Arbitrary<Plan> = agentsArb.chain((agents) =>
  fc.record({
    schemaVersion: fc.constant(PLAN_SCHEMA_VERSION),
    name: text,
    amVersion: fc.constantFrom(...AM_VERSIONS),
    console: fc.record({ name: text, address }),
    additionalConsoles: consolesArb,
    agents: fc.constant(agents),
    devices: devicesArb(agents),
    ceeServers: ceeServersArb,
    microsoftTenant: fc.oneof(fc.constant(''), fc.domain(), text),
    integrations: integrationsArb,
    deployment: deploymentArb,
    agentServices: agentServicesArb,
    network: networkArb,
    settings: settingsArb,
  }),
);

/** Mostly random plans, some close to the default plan (where defaults are dropped). */
export const planArbitrary: fc.Arbitrary<Plan> = fc.oneof(
  { weight: 4, arbitrary: randomPlan },
  {
    weight: 1,
    arbitrary: fc
      .record({ address, devices: devicesArb(createDefaultPlan().agents) })
      .map(({ address: a, devices }) => {
        const plan = createDefaultPlan();
        return { ...plan, console: { ...plan.console, address: a }, devices };
      }),
  },
);
