/** Reference plans for the permalink tests (URL-2 length gates, golden fixtures). */
import type { Device, Plan } from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';

function device(
  n: number,
  environment: string,
  name: string,
  rest: Partial<Omit<Device, 'id' | 'environment' | 'name'>> = {},
): Device {
  return {
    id: `dev-${n}`,
    environment,
    name,
    addresses: [],
    tenant: '',
    agentId: 'agent-1',
    options: {},
    ...rest,
  };
}

/** "Typical": console, 2 agents, 6 devices with addresses (issue 7). */
export function typicalPlan(): Plan {
  const base = createDefaultPlan();
  return {
    ...base,
    name: 'Contoso NYC file services',
    console: { ...base.console, address: 'am-console.corp.contoso.com' },
    agents: [
      { id: 'agent-1', name: 'Agent server 1', address: 'am-agent01.corp.contoso.com' },
      { id: 'agent-2', name: 'Agent server 2', address: 'am-agent02.corp.contoso.com' },
    ],
    devices: [
      device(1, 'netapp-cmode', 'NetApp SVM nyc-svm01', {
        addresses: ['10.20.30.40', '10.20.30.41'],
        // The ONTAP API on the SVM management LIF (catalog 2026.11.4, E32).
        options: {
          ontapiProtocol: 'https',
          ontapApiTarget: 'management',
          ontapManagementAddress: 'nyc-svm01-mgmt.corp.contoso.com',
        },
      }),
      device(2, 'qumulo', 'Qumulo cluster', { addresses: ['qumulo01.corp.contoso.com'] }),
      device(3, 'dell-isilon', 'PowerScale NYC', {
        addresses: ['10.20.40.0/28'],
        agentId: 'agent-2',
        options: { ceePlacement: 'separate', ceeServer: 'cee-1' },
      }),
      device(4, 'entra-id', 'Entra ID', { tenant: 'contoso.onmicrosoft.com', agentId: 'agent-2' }),
      device(5, 'exchange-online', 'Exchange Online', {
        tenant: 'contoso.onmicrosoft.com',
        agentId: 'agent-2',
      }),
      device(6, 'sql-server', 'SQL Server', { addresses: ['sql01.corp.contoso.com'] }),
    ],
    ceeServers: [
      { id: 'cee-1', name: 'CEE server 1', address: 'cee01.corp.contoso.com', os: 'windows' },
    ],
  };
}

/**
 * 50 addresses: 10 devices of 5 addresses each, unique and irregular host names and IPs
 * (a pseudo-random but fixed sequence, so the size gate is not flattered by repetition).
 */
export function fiftyAddressPlan(): Plan {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const word = (length: number) =>
    Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[next(36)]).join('');
  const envs = ['netapp-cmode', 'qumulo', 'dell-isilon', 'nutanix', 'panzura'];
  const devices: Device[] = Array.from({ length: 10 }, (_, i) =>
    device(i + 1, envs[i % envs.length] as string, `Filer ${word(4)}`, {
      agentId: i % 2 === 0 ? 'agent-1' : 'agent-2',
      addresses: Array.from({ length: 5 }, (_, j) =>
        j % 2 === 0
          ? `10.${next(256)}.${next(256)}.${next(256)}`
          : `${word(3)}-fs${next(100)}.${word(4)}.contoso.com`,
      ),
    }),
  );
  return { ...typicalPlan(), name: 'Contoso file estate', devices };
}
