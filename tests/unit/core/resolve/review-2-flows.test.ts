/**
 * The flows of catalog review 2 that catalog 2026.11.5 adds (M2-M7, M10), over the bundled
 * catalog: when each applies (on/off), its source, destination, ports and basis. Expected values
 * come from the vendor pages quoted in docs/catalog.md ("Changes in 2026.11.5"), never from the
 * catalog code:
 * - M2 Access Analyzer "Windows File Server Target Requirements" (archive location), SMB inferred;
 * - M3 "Certificate Tab" (9.0, 10.0): the API Server connects to the agents, agent port inferred;
 * - M4 "Certificate Tab": "multiple Console instances", each like the first console;
 * - M5 "DNS Tab", 53 inferred; M6 "AD Users Tab" / "Unix IDs Tab", LDAP 389 inferred;
 * - M7 "Inactivity Alerts Tab": SMTP and syslog on the ports the user enters (documented);
 * - M10 Threat Prevention "Firewall Ports" (Agent Firewall Rules) and "NAS Device Support".
 * Plan: console 10.0.0.10, "Agent server 1" 10.1.0.2.
 */
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { AmVersion } from '@/core/catalog/model';
import type { AgentServices, Integrations, Plan } from '@/core/plan/model';
import { createDefaultAgentServices, createDefaultDeployment } from '@/core/plan/model';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { makeAgent, makeDevice, planWith } from '../../../support/plan-builders';

import { checkCodes, endpointText } from './summarize';

const catalog = getCatalog();
const A1 = 'Agent server 1@10.1.0.2';
const A2 = 'Agent server 2@10.1.0.3';
const AA = 'Access Analyzer@10.5.0.1';

type Flow = [source: string, destination: string, transport: string, ports: string, basis: string];

/** The resolved flows a catalog rule gives in a plan (one per resolved rule it is a reason of). */
function flowsOf(plan: Plan, ruleId: string): Flow[] {
  return resolvePlan(plan, catalog)
    .rules.filter((r) => r.reasons.some((x) => x.ruleId === ruleId))
    .map((r) => [
      endpointText(r.source),
      endpointText(r.destination),
      r.transport,
      r.portsText,
      r.reasons.find((x) => x.ruleId === ruleId)?.basis ?? '',
    ]);
}

function integrations(patch: Partial<Integrations>): Integrations {
  return { ...planWith().integrations, ...patch };
}

const aaClassic = (useApiServer = false): Integrations['accessAnalyzer'] => ({
  enabled: true,
  edition: 'classic',
  name: 'Access Analyzer',
  address: '10.5.0.1',
  useApiServer,
});

function services(patch: Partial<AgentServices>): AgentServices {
  return { ...createDefaultAgentServices(), ...patch };
}

const archiveOn = {
  ...createDefaultDeployment(),
  archive: { enabled: true, name: 'Archive server', address: '10.6.0.1' },
};

describe('M2: Access Analyzer -> archive share (SMB 445 inferred)', () => {
  it.each<[string, Partial<Plan>, Flow[]]>([
    [
      'Access Analyzer (classic) and archiving on',
      { integrations: integrations({ accessAnalyzer: aaClassic() }), deployment: archiveOn },
      [[AA, 'Archive server@10.6.0.1', 'TCP', '445', 'inferred']],
    ],
    ['archiving off', { integrations: integrations({ accessAnalyzer: aaClassic() }) }, []],
    ['Access Analyzer off', { deployment: archiveOn }, []],
    [
      'Access Analyzer 26 (reads nothing from shares)',
      {
        integrations: integrations({ accessAnalyzer: { ...aaClassic(), edition: 'aa26' } }),
        deployment: archiveOn,
      },
      [],
    ],
  ])('%s', (_case, patch, expected) => {
    expect(flowsOf(planWith(patch), 'aa-archive-smb')).toEqual(expected);
  });

  it('is left out when the plan hides inferred rules', () => {
    const plan = planWith({
      integrations: integrations({ accessAnalyzer: aaClassic() }),
      deployment: archiveOn,
      settings: { ...planWith().settings, showInferred: false },
    });
    expect(flowsOf(plan, 'aa-archive-smb')).toEqual([]);
  });
});

describe('M3: API server -> the other agents (agent port inferred; 9.0 and 10.0)', () => {
  const apiOn = integrations({ accessAnalyzer: aaClassic(true) });
  const linux = makeDevice('linux', 1, { name: 'LNX', addresses: ['10.2.0.9'] });

  it.each<[string, Partial<Plan>, Flow[]]>([
    [
      'two agent servers: each reaches the other',
      { integrations: apiOn, agents: [makeAgent(1), makeAgent(2)] },
      [[`${A1} + ${A2}`, `${A1} + ${A2}`, 'TCP', '4498', 'inferred']],
    ],
    [
      'one agent server and a Linux agent host: the Windows agent reaches the Linux agent',
      { integrations: apiOn, devices: [linux] },
      [[A1, 'LNX@10.2.0.9', 'TCP', '4498', 'inferred']],
    ],
    ['a single agent host: nothing to open', { integrations: apiOn }, []],
    [
      'the API server not used',
      { integrations: integrations({ accessAnalyzer: aaClassic(false) }), devices: [linux] },
      [],
    ],
    [
      'Activity Monitor 8.0 (no Certificate Tab)',
      { integrations: apiOn, devices: [linux], amVersion: '8.0' },
      [],
    ],
    [
      'the agent port follows the plan',
      {
        integrations: apiOn,
        devices: [linux],
        settings: { ...planWith().settings, ports: { agentPort: 5000 } },
      },
      [[A1, 'LNX@10.2.0.9', 'TCP', '5000', 'inferred']],
    ],
  ])('%s', (_case, patch, expected) => {
    expect(flowsOf(planWith(patch), 'aa-apiserver-agent')).toEqual(expected);
  });
});

describe('M4: every Console instance reaches the agents like the first', () => {
  const consoles = [
    { name: 'Console 2', address: '10.0.0.11' },
    { name: 'Console 3', address: 'am-console3.corp.example' },
  ];

  it.each<[string, Partial<Plan>, Flow[]]>([
    ['the first console only', {}, [['Console@10.0.0.10', A1, 'TCP', '4498', 'documented']]],
    [
      'two more consoles: one rule from the three',
      { additionalConsoles: consoles },
      [
        [
          'Console@10.0.0.10 + Console 2@10.0.0.11 + Console 3@am-console3.corp.example',
          A1,
          'TCP',
          '4498',
          'documented',
        ],
      ],
    ],
    [
      'a console without an address keeps its placeholder',
      { additionalConsoles: [{ name: 'Console 2', address: '' }] },
      [
        [
          'Console@10.0.0.10 + Console 2@<Activity Monitor Console>',
          A1,
          'TCP',
          '4498',
          'documented',
        ],
      ],
    ],
  ])('%s', (_case, patch, expected) => {
    expect(flowsOf(planWith(patch), 'core-console-agent')).toEqual(expected);
  });

  it('push install comes from every console too', () => {
    const plan = planWith({
      additionalConsoles: [consoles[0] ?? { name: '', address: '' }],
      deployment: { ...createDefaultDeployment(), pushInstall: true },
    });
    expect(flowsOf(plan, 'deploy-console-windows-smb')).toEqual([
      ['Console@10.0.0.10 + Console 2@10.0.0.11', A1, 'TCP', '445', 'inferred'],
    ]);
  });

  it('checks each additional console: missing and invalid addresses, a shared address', () => {
    const plan = planWith({
      additionalConsoles: [
        { name: 'Console 2', address: '' },
        { name: 'Console 3', address: 'bad host!' },
        { name: 'Console 4', address: '10.0.0.10' },
      ],
    });
    const result = resolvePlan(plan, catalog);
    expect(checkCodes(result)).toEqual(
      expect.arrayContaining([
        'missing-address@additionalConsoles.0.address',
        'address-invalid@additionalConsoles.1.address',
        'address-duplicate@additionalConsoles.2.address',
      ]),
    );
    expect(result.checks.find((c) => c.field === 'additionalConsoles.0.address')?.message).toBe(
      'The console "Console 2" has no address (Console 2 → Address).',
    );
  });
});

describe('M5, M6: agents -> DNS servers (53) and domain controllers (LDAP 389), inferred', () => {
  const dns = { enabled: true, addresses: ['10.7.0.1', '10.7.0.2'] };
  const dcs = { enabled: true, addresses: ['dc1.corp.example'] };
  const DNS = 'DNS server@10.7.0.1 + DNS server@10.7.0.2';
  const DC = 'Domain controller@dc1.corp.example';

  it.each<[string, string, AgentServices, Flow[]]>([
    [
      'DNS on: UDP 53',
      'agent-services-agent-dns-udp',
      services({ dns }),
      [[A1, DNS, 'UDP', '53', 'inferred']],
    ],
    [
      'DNS on: TCP 53',
      'agent-services-agent-dns-tcp',
      services({ dns }),
      [[A1, DNS, 'TCP', '53', 'inferred']],
    ],
    ['DNS off', 'agent-services-agent-dns-udp', services({ dns: { ...dns, enabled: false } }), []],
    [
      'DNS on without an address: the placeholder',
      'agent-services-agent-dns-udp',
      services({ dns: { enabled: true, addresses: [] } }),
      [[A1, 'DNS server@<DNS server>', 'UDP', '53', 'inferred']],
    ],
    [
      'domain controllers on: LDAP TCP 389',
      'agent-services-agent-dc-ldap',
      services({ domainControllers: dcs }),
      [[A1, DC, 'TCP', '389', 'inferred']],
    ],
    [
      'domain controllers on: LDAP UDP 389',
      'agent-services-agent-dc-cldap',
      services({ domainControllers: dcs }),
      [[A1, DC, 'UDP', '389', 'inferred']],
    ],
    [
      'domain controllers off',
      'agent-services-agent-dc-ldap',
      services({ domainControllers: { ...dcs, enabled: false } }),
      [],
    ],
  ])('%s', (_case, ruleId, agentServices, expected) => {
    expect(flowsOf(planWith({ agentServices }), ruleId)).toEqual(expected);
  });

  it('from every host that runs an agent (agent servers and local agents)', () => {
    const plan = planWith({
      agentServices: services({ dns }),
      devices: [makeDevice('windows-file-server', 1, { name: 'FS', addresses: ['10.2.0.5'] })],
    });
    expect(flowsOf(plan, 'agent-services-agent-dns-udp')).toEqual([
      [`${A1} + FS@10.2.0.5`, DNS, 'UDP', '53', 'inferred'],
    ]);
  });

  it('a DNS server that is also a listed domain controller is one host, without a warning', () => {
    const plan = planWith({
      agentServices: services({
        dns: { enabled: true, addresses: ['10.7.0.1'] },
        domainControllers: { enabled: true, addresses: ['10.7.0.1'] },
      }),
    });
    const result = resolvePlan(plan, catalog);
    expect(flowsOf(plan, 'agent-services-agent-dc-ldap')).toEqual([
      [A1, 'DNS server / Domain controller@10.7.0.1', 'TCP', '389', 'inferred'],
    ]);
    expect(checkCodes(result)).toEqual([]);
  });

  it.each([
    [
      'an empty list while on',
      services({ dns: { enabled: true, addresses: [] } }),
      ['missing-address@agentServices.dns.addresses'],
      "The agents' DNS server list is switched on but holds no address (DNS servers → Addresses).",
    ],
    [
      'an invalid entry',
      services({ domainControllers: { enabled: true, addresses: ['dc1', 'bad host!'] } }),
      ['address-invalid@agentServices.domainControllers.addresses.1'],
      undefined,
    ],
    [
      'a CIDR block (the product takes addresses)',
      services({ dns: { enabled: true, addresses: ['10.7.0.0/24'] } }),
      ['address-invalid@agentServices.dns.addresses.0'],
      undefined,
    ],
    [
      'an address listed twice',
      services({ dns: { enabled: true, addresses: ['10.7.0.1', '10.7.0.1'] } }),
      ['address-duplicate@agentServices.dns.addresses.1'],
      'The agents\' DNS server list lists "10.7.0.1" twice (DNS servers → Addresses, entry 2).',
    ],
    [
      'an invalid entry of a list switched off is not checked',
      services({ dns: { enabled: false, addresses: ['bad host!'] } }),
      [],
      undefined,
    ],
  ])('checks %s', (_case, agentServices, codes, message) => {
    const result = resolvePlan(planWith({ agentServices }), catalog);
    expect(checkCodes(result)).toEqual(codes);
    if (message) expect(result.checks[0]?.message).toBe(message);
  });
});

describe('M7: agents -> SMTP and syslog servers of the inactivity alerts (the plan port)', () => {
  const smtp = { enabled: true, name: 'Mail relay', address: 'smtp.corp.example', port: 587 };
  const syslog = (transport: 'UDP' | 'TCP' | 'TLS', port: number | string = 6514) => ({
    enabled: true,
    name: 'Syslog',
    address: '10.9.0.1',
    transport,
    port,
  });

  it.each<[string, string, AgentServices, Flow[]]>([
    [
      'e-mail on: SMTP on the port entered',
      'agent-services-agent-smtp',
      services({ smtp }),
      [[A1, 'Mail relay@smtp.corp.example', 'TCP', '587', 'documented']],
    ],
    [
      'e-mail off',
      'agent-services-agent-smtp',
      services({ smtp: { ...smtp, enabled: false } }),
      [],
    ],
    [
      'syslog over UDP',
      'agent-services-agent-syslog-udp',
      services({ syslog: syslog('UDP', 514) }),
      [[A1, 'Syslog@10.9.0.1', 'UDP', '514', 'documented']],
    ],
    [
      'syslog over TCP: no UDP rule',
      'agent-services-agent-syslog-udp',
      services({ syslog: syslog('TCP') }),
      [],
    ],
    [
      'syslog over TCP',
      'agent-services-agent-syslog-tcp',
      services({ syslog: syslog('TCP') }),
      [[A1, 'Syslog@10.9.0.1', 'TCP', '6514', 'documented']],
    ],
    [
      'syslog over TLS runs on TCP',
      'agent-services-agent-syslog-tcp',
      services({ syslog: syslog('TLS') }),
      [[A1, 'Syslog@10.9.0.1', 'TCP', '6514', 'documented']],
    ],
    [
      'syslog off',
      'agent-services-agent-syslog-tcp',
      services({ syslog: { ...syslog('TCP'), enabled: false } }),
      [],
    ],
  ])('%s', (_case, ruleId, agentServices, expected) => {
    expect(flowsOf(planWith({ agentServices }), ruleId)).toEqual(expected);
  });

  it('an invalid port is an error on its field, and the rule is not ready', () => {
    const plan = planWith({ agentServices: services({ smtp: { ...smtp, port: '70000' } }) });
    const result = resolvePlan(plan, catalog);
    expect(checkCodes(result)).toEqual(['value-out-of-range@agentServices.smtp.port']);
    const rule = result.rules.find((r) =>
      r.reasons.some((x) => x.ruleId === 'agent-services-agent-smtp'),
    );
    expect(rule?.ports).toEqual([]);
    expect(rule?.problems?.[0]?.message).toMatch(/^SMTP server port: /);
  });

  it('missing and invalid server addresses name their fields', () => {
    const plan = planWith({
      agentServices: services({
        smtp: { ...smtp, address: '' },
        syslog: { ...syslog('UDP'), address: 'not valid!' },
      }),
    });
    expect(checkCodes(resolvePlan(plan, catalog))).toEqual([
      'address-invalid@agentServices.syslog.address',
      'missing-address@agentServices.smtp.address',
    ]);
  });

  it('an invalid syslog port of a switched-off service is not checked', () => {
    const plan = planWith({
      agentServices: services({ syslog: { ...syslog('UDP', 'x'), enabled: false } }),
    });
    expect(checkCodes(resolvePlan(plan, catalog))).toEqual([]);
  });
});

describe('M10: Threat Prevention for NAS (documented, Threat Prevention 8.0)', () => {
  const tp = { enabled: true, name: 'TP EM', address: '10.8.0.1' };
  const tm = { enabled: true, name: 'TM', address: '10.8.0.2' };
  const netapp = makeDevice('netapp-cmode', 1, {
    name: 'SVM',
    options: { ontapApiTarget: 'data-lifs' },
  });
  const qumulo = makeDevice('qumulo', 2, { name: 'Q' });

  it.each<[string, string, Partial<Plan>, Flow[]]>([
    [
      'NAS agent -> Enterprise Manager gRPC 3741',
      'tp-agent-em-grpc',
      { integrations: integrations({ threatPrevention: tp }), devices: [netapp] },
      [[A1, 'TP EM@10.8.0.1', 'TCP', '3741', 'documented']],
    ],
    [
      'NAS agent -> Threat Manager TCP 10000, 10001 when Threat Manager is in the plan',
      'tp-agent-tm',
      {
        integrations: integrations({ threatPrevention: tp, threatManager: tm }),
        devices: [netapp],
      },
      [[A1, 'TM@10.8.0.2', 'TCP', '10000-10001', 'documented']],
    ],
    [
      'without Threat Manager: no Threat Manager rule',
      'tp-agent-tm',
      { integrations: integrations({ threatPrevention: tp }), devices: [netapp] },
      [],
    ],
    [
      'Threat Prevention off',
      'tp-agent-em-grpc',
      { integrations: integrations({ threatManager: tm }), devices: [netapp] },
      [],
    ],
    [
      'an agent that monitors only a platform Threat Prevention does not list (Qumulo)',
      'tp-agent-em-grpc',
      { integrations: integrations({ threatPrevention: tp }), devices: [qumulo] },
      [],
    ],
    [
      'only the agent server that monitors the NAS device',
      'tp-agent-em-grpc',
      {
        integrations: integrations({ threatPrevention: tp }),
        agents: [makeAgent(1), makeAgent(2)],
        devices: [{ ...netapp, agentId: 'agent-2' }, qumulo],
      },
      [[A2, 'TP EM@10.8.0.1', 'TCP', '3741', 'documented']],
    ],
  ])('%s', (_case, ruleId, patch, expected) => {
    expect(flowsOf(planWith(patch), ruleId)).toEqual(expected);
  });

  it.each<AmVersion>(['7.1', '8.0', '9.0', '10.0'])(
    'applies in Activity Monitor %s',
    (amVersion) => {
      const plan = planWith({
        amVersion,
        integrations: integrations({ threatPrevention: tp }),
        devices: [netapp],
      });
      expect(flowsOf(plan, 'tp-agent-em-grpc')).toHaveLength(1);
    },
  );

  it('a missing Enterprise Manager address names its field', () => {
    const plan = planWith({
      integrations: integrations({ threatPrevention: { ...tp, address: '' } }),
      devices: [netapp],
    });
    const result = resolvePlan(plan, catalog);
    expect(checkCodes(result)).toContain('missing-address@integrations.threatPrevention.address');
    expect(flowsOf(plan, 'tp-agent-em-grpc')).toEqual([
      [A1, 'TP EM@<Threat Prevention Enterprise Manager>', 'TCP', '3741', 'documented'],
    ]);
  });
});
