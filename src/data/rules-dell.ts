/** Dell devices with the Common Event Enabler (CEE): Celerra/VNX, Isilon/PowerScale, PowerStore, Unity. */
import type { CatalogRule, Citation } from '@/core/catalog/model';

import { C, H, portsCitation } from './citations';
import { all, any, option, port, rpcDynamic, setting } from './rule-helpers';

const SEPARATE = option('ceePlacement', ['separate']);
const VIA_MSRPC = {
  text: 'CEE on a separate server, delivery MS-RPC or Both',
  when: all([SEPARATE, option('ceeDelivery', ['msrpc', 'both'])]),
};
const VIA_HTTP = {
  text: 'CEE on a separate server, delivery HTTP or Both',
  when: all([SEPARATE, option('ceeDelivery', ['http', 'both'])]),
};
const CEE_ON_AGENT_NOTE =
  'When the CEE runs on the agent server (recommended), the CEE Server is the agent server itself.';
const CEE_AGENT_DIRECTION = 'CEE Server to Activity Agent Server (when not same server)';

/** The three CEE -> agent rules every Dell environment shares. */
function ceeToAgentRules(env: string, heading: string): CatalogRule[] {
  return [
    {
      id: `${env}-cee-agent-rpc`,
      environment: env,
      source: 'cee',
      destination: 'agent',
      transport: 'TCP',
      ports: [rpcDynamic],
      service: 'MS-RPC',
      description: 'CEE Event Data',
      condition: VIA_MSRPC,
      basis: 'documented',
      vendorRow: {
        table: heading,
        direction: CEE_AGENT_DIRECTION,
        protocol: 'TCP',
        ports: 'RPC Dynamic Range',
        description: 'CEE Event Data',
      },
      errata: ['E2', 'E3'],
      notes: ['Windows CEE only (a Linux CEE delivers over HTTP).'],
      citation: portsCitation(heading),
    },
    {
      id: `${env}-cee-agent-epm`,
      environment: env,
      source: 'cee',
      destination: 'agent',
      transport: 'TCP',
      ports: [port(135)],
      service: 'MS-RPC endpoint mapper',
      description: 'RPC endpoint mapper for the CEE event delivery',
      condition: VIA_MSRPC,
      basis: 'inferred',
      errata: ['E2', 'E3'],
      citation: portsCitation(heading),
    },
    {
      id: `${env}-cee-agent-http`,
      environment: env,
      source: 'cee',
      destination: 'agent',
      transport: 'TCP',
      ports: [setting('ceeHttpPort')],
      service: 'HTTP',
      description: 'CEE Event Data delivered over HTTP (StealthAUDIT@http://<agent>:<port>)',
      condition: VIA_HTTP,
      basis: 'documented',
      errata: ['E3', 'E27'],
      notes: [
        'Required for a Linux CEE. The agent adds its own Windows Firewall exclusion; optional IP allowlist on the Dell CEE Options tab.',
      ],
      citation: C.dellCeeOptions,
    },
  ];
}

/** Celerra/VNX, PowerStore and Unity: device -> CEE over MS-RPC. */
function msrpcDellRules(env: string, heading: string, requirements: Citation): CatalogRule[] {
  return [
    {
      id: `${env}-device-cee-rpc`,
      environment: env,
      source: env,
      destination: 'cee',
      transport: 'TCP',
      ports: [rpcDynamic],
      service: 'MS-RPC',
      description: 'CEE Communication',
      basis: 'documented',
      vendorRow: {
        table: heading,
        direction: 'Dell Device CEE Server',
        protocol: 'TCP',
        ports: 'RPC Dynamic Range',
        description: 'CEE Communication',
      },
      errata: env === 'dell-celerra-vnx' ? ['E1', 'E2', 'E28'] : ['E1', 'E2'],
      notes: [CEE_ON_AGENT_NOTE],
      citation: portsCitation(heading),
    },
    {
      id: `${env}-device-cee-epm`,
      environment: env,
      source: env,
      destination: 'cee',
      transport: 'TCP',
      ports: [port(135)],
      service: 'MS-RPC endpoint mapper',
      description: 'RPC endpoint mapper for CEE Communication ("open MS-RPC ports")',
      basis: 'inferred',
      errata: ['E2'],
      notes: [CEE_ON_AGENT_NOTE],
      citation: requirements,
    },
    ...ceeToAgentRules(env, heading),
  ];
}

export const DELL_RULES: readonly CatalogRule[] = [
  ...msrpcDellRules('dell-celerra-vnx', H.celerra, C.celerraReq),
  {
    id: 'dell-isilon-device-cee-http',
    environment: 'dell-isilon',
    source: 'dell-isilon',
    destination: 'cee',
    transport: 'TCP',
    ports: [port(12228)],
    service: 'HTTP',
    description: 'CEE Communication (OneFS audit forwarding to http://<cee>:12228/cee)',
    basis: 'documented',
    vendorRow: {
      table: H.isilon,
      direction: 'Dell Isilon/PowerScale to CEE Server',
      protocol: 'TCP',
      ports: 'TCP 12228',
      description: 'CEE Communication',
    },
    errata: ['E4', 'E5'],
    notes: [CEE_ON_AGENT_NOTE, 'Every OneFS node forwards events: allow the whole node range.'],
    citation: portsCitation(H.isilon),
  },
  ...ceeToAgentRules('dell-isilon', H.isilon),
  {
    id: 'dell-isilon-agent-onefs-api',
    environment: 'dell-isilon',
    source: 'agent',
    destination: 'dell-isilon',
    transport: 'TCP',
    ports: [port(8080)],
    service: 'HTTPS (OneFS Platform API)',
    description:
      'OneFS Platform API: automatic audit configuration and the credentials of "Resolve UNC paths"',
    condition: {
      text: '"Enable Protocol Access Auditing in OneFS" (automatic configuration) or "Resolve UNC paths" selected',
      when: any([option('isilonAutoConfig', [true]), option('isilonResolveUnc', [true])]),
    },
    basis: 'inferred',
    errata: ['E27'],
    notes: [
      'Inferred port: the docs do not give it; 8080 is the OneFS Platform API (PAPI) default (general knowledge, not from Netwrix). Needs a OneFS administrator account ("Enter the User name and User password to connect to the OneFS Platform API").',
      'Automatic configuration is the vendor\'s "RECOMMENDED" method ("Dell Isilon/PowerScale Activity Auditing Configuration"); "Resolve UNC paths" needs the same credentials: "When this option is selected, the user needs to provide credentials in the Auditing tab" ("Dell Isilon/PowerScale").',
    ],
    citation: C.isilonAdd,
  },
  ...msrpcDellRules('dell-powerstore', H.powerstore, C.powerstoreReq),
  ...msrpcDellRules('dell-unity', H.unity, C.unityReq),
];
