/**
 * The bundled catalog. Read only through src/core/catalog/catalog.ts.
 * (Seed: the vendor page's first row; the full catalog is built in issue 3.)
 */
import type { Catalog } from '@/core/catalog/model';

const PORTS_PAGE = 'docs/activitymonitor/10.0/requirements/activityagent/activityagentports.md';
const PORTS_URL =
  'https://docs.netwrix.com/docs/activitymonitor/10_0/requirements/activityagent/activityagentports';

export const CATALOG_DATA: Catalog = {
  version: '2026.11.0',
  environments: [
    {
      id: 'am-core',
      name: 'Activity Monitor Console and agents',
      aliases: [],
      group: 'core',
      versions: ['7.1', '8.0', '9.0', '10.0'],
      endpointRole: 'agent',
      addressKind: 'hosts',
      agentMode: 'proxy',
      allowsCidr: false,
      options: [],
      summary: 'The console manages every Activity Agent over the agent port.',
      citation: {
        repo: 'netwrix/docs',
        path: PORTS_PAGE,
        version: '10.0',
        section: 'Activity Agent Ports',
        anchor: '#activity-agent-ports',
        url: `${PORTS_URL}#activity-agent-ports`,
      },
    },
  ],
  roles: [
    { id: 'console', name: 'Activity Monitor Console', kind: 'plan-host' },
    { id: 'agent', name: 'Activity Agent Server', kind: 'agent' },
  ],
  rules: [
    {
      id: 'core-console-agent',
      environment: 'am-core',
      source: 'console',
      destination: 'agent',
      transport: 'TCP',
      ports: [{ kind: 'setting', setting: 'agentPort' }],
      service: 'Agent protocol',
      description: 'Agent Communication',
      basis: 'documented',
      vendorRow: {
        table: 'Activity Agent Ports',
        direction: 'Activity Monitor to Agent Server',
        protocol: 'TCP',
        ports: '4498',
        description: 'Agent Communication',
      },
      citation: {
        repo: 'netwrix/docs',
        path: PORTS_PAGE,
        version: '10.0',
        section: 'Activity Agent Ports',
        anchor: '#activity-agent-ports',
        url: `${PORTS_URL}#activity-agent-ports`,
      },
    },
  ],
  settings: [
    {
      id: 'agentPort',
      name: 'Agent port',
      default: 4498,
      min: 1,
      max: 65535,
      scope: 'global',
      where: 'Agent installation wizard ("Agent Port"); agent properties, Connection tab',
      citation: {
        repo: 'netwrix/docs',
        path: 'docs/activitymonitor/10.0/admin/agents/properties/connection.md',
        version: '10.0',
        section: 'Connection Tab',
        anchor: '',
        url: 'https://docs.netwrix.com/docs/activitymonitor/10_0/admin/agents/properties/connection',
      },
    },
  ],
  options: [],
  errata: [],
};
