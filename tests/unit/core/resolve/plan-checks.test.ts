import { describe, expect, it } from 'vitest';

import type { Plan } from '@/core/plan/model';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import { validateIPv4 } from '@/core/validate/ipv4';

import { resolverCatalog as catalog } from '../../../fixtures/catalogs';
import { makeAgent, makeDevice, planWith } from '../../../support/plan-builders';

function checks(plan: Plan) {
  return resolvePlan(plan, catalog).checks;
}

function only(plan: Plan, code: string) {
  return checks(plan).filter((c) => c.code === code);
}

describe('plan checks', () => {
  it('a complete plan has no checks', () => {
    const plan = planWith({
      agents: [makeAgent(1), makeAgent(2)],
      devices: [makeDevice('qumulo', 1), makeDevice('exchange-online', 2, { agentId: 'agent-2' })],
    });
    expect(checks(plan)).toEqual([]);
  });

  it('names every missing address with its field', () => {
    const plan = planWith({
      console: { name: 'AM Console', address: '' },
      agents: [makeAgent(1, { address: '  ' })],
      devices: [
        makeDevice('qumulo', 1, { name: 'Q1', addresses: [''] }),
        makeDevice('entra-id', 2, { name: 'Entra', tenant: '' }),
      ],
      integrations: {
        ...planWith().integrations,
        siem: { enabled: true, name: 'Splunk', address: '', transport: 'UDP', port: 514 },
      },
    });
    expect(only(plan, 'missing-address').map((c) => [c.field, c.message, c.severity])).toEqual([
      [
        'agents.0.address',
        'Agent server "Agent server 1" has no address (Agent server 1 → Address).',
        'warning',
      ],
      ['devices.0.addresses', 'Device "Q1" has no address (Q1 → Addresses).', 'warning'],
      [
        'integrations.siem.address',
        'The SIEM server "Splunk" has no address (SIEM server → Address).',
        'warning',
      ],
      [
        'console.address',
        'The console "AM Console" has no address (Console → Address).',
        'warning',
      ],
      [
        'microsoftTenant',
        'The plan has no Microsoft tenant (Microsoft tenant): Microsoft Entra ID "Entra" uses it; enter it once on the Devices step.',
        'warning',
      ],
    ]);
  });

  it('VAL-6: reports invalid syntax with the validator message and the field', () => {
    const plan = planWith({ agents: [makeAgent(1, { address: '010.0.0.1' })] });
    const [check] = only(plan, 'address-invalid');
    expect(check?.field).toBe('agents.0.address');
    expect(check?.severity).toBe('error');
    expect(check?.message).toBe(
      `Agent server "Agent server 1" (Agent server 1 → Address): ${validateIPv4('010.0.0.1')}.`,
    );
  });

  it.each([
    ['qumulo', '10.2.0.0/24', []],
    ['nutanix', '10.2.0.0/24', ['address-invalid']],
    ['qumulo', '10.2.0.1/24', ['cidr-host-bits']],
    ['qumulo', '0.0.0.0/0', ['cidr-any']],
    ['qumulo', 'fs_01', ['address-invalid']],
    ['qumulo', 'fe80::1%eth0', ['address-invalid']],
    ['qumulo', 'QUMULOCLUSTERNODE1', ['netbios-length']],
  ])('%s with address %s gives %j', (environment, address, codes) => {
    const plan = planWith({ devices: [makeDevice(environment, 1, { addresses: [address] })] });
    const found = checks(plan).map((c) => c.code);
    expect(found).toEqual(codes);
    for (const c of checks(plan)) expect(c.field).toBe('devices.0.addresses.0');
  });

  it('an address meaning any host is an error (no firewall rule should be open to everyone)', () => {
    const plan = planWith({ devices: [makeDevice('qumulo', 1, { addresses: ['::/0'] })] });
    const [check] = only(plan, 'cidr-any');
    expect(check?.severity).toBe('error');
    expect(check?.message).toContain('"::/0" means any address');
  });

  it('judges only the options the wizard shows: a hidden CEE address is not checked', () => {
    const hidden = planWith({
      devices: [makeDevice('dell-unity', 1, { options: { ceeAddress: '10.5.0.1/24' } })],
    });
    expect(checks(hidden).filter((c) => c.field.includes('ceeAddress'))).toEqual([]);
    const shown = planWith({
      devices: [
        makeDevice('dell-unity', 1, {
          options: { ceePlacement: 'separate', ceeAddress: '10.5.0.1/24' },
        }),
      ],
    });
    expect(only(shown, 'address-invalid').map((c) => c.field)).toEqual([
      'devices.0.options.ceeAddress',
    ]);
  });

  it('validates tenants as DNS names', () => {
    const plan = planWith({ devices: [makeDevice('entra-id', 1, { tenant: 'contoso_corp' })] });
    expect(only(plan, 'address-invalid')[0]?.field).toBe('devices.0.tenant');
  });

  describe('the Microsoft tenant, once per plan', () => {
    const cloud = (tenant = '') => [
      makeDevice('entra-id', 1, { name: 'Entra', tenant }),
      makeDevice('exchange-online', 2, { name: 'EXO', tenant: '' }),
      makeDevice('qumulo', 3, { name: 'Q1' }),
    ];

    it('one check for a missing plan tenant, naming every device that needs it', () => {
      const plan = planWith({ devices: cloud(), microsoftTenant: '' });
      expect(only(plan, 'missing-address').map((c) => [c.field, c.message])).toEqual([
        [
          'microsoftTenant',
          'The plan has no Microsoft tenant (Microsoft tenant): Exchange Online "EXO" and Microsoft Entra ID "Entra" use it; enter it once on the Devices step.',
        ],
      ]);
    });

    it('a device with its own tenant does not need the plan tenant', () => {
      const plan = planWith({
        devices: [makeDevice('entra-id', 1, { name: 'Entra', tenant: 'fabrikam' })],
        microsoftTenant: '',
      });
      expect(only(plan, 'missing-address')).toEqual([]);
    });

    it('an invalid plan tenant is one error on its field, whatever the number of devices', () => {
      const plan = planWith({ devices: cloud(), microsoftTenant: 'contoso_corp' });
      const invalid = only(plan, 'address-invalid');
      expect(invalid.map((c) => c.field)).toEqual(['microsoftTenant']);
      expect(invalid[0]?.message).toMatch(
        /^The Microsoft tenant \(Microsoft tenant\): .*"contoso_corp"/,
      );
      expect(only(plan, 'missing-address')).toEqual([]);
    });

    it('an invalid other tenant is reported on its device', () => {
      const plan = planWith({ devices: cloud('fab rikam'), microsoftTenant: 'contoso' });
      const invalid = only(plan, 'address-invalid');
      expect(invalid.map((c) => c.field)).toEqual(['devices.0.tenant']);
      expect(invalid[0]?.message).toMatch(
        /^Device "Entra", its other tenant \(Entra → Other tenant\): /,
      );
    });

    it('a plan without cloud devices never asks for a tenant', () => {
      const plan = planWith({ devices: [makeDevice('qumulo', 1)], microsoftTenant: 'bad_name' });
      expect(checks(plan).filter((c) => c.field === 'microsoftTenant')).toEqual([]);
    });

    it('a long device name is quoted short', () => {
      const name = `Entra ${'x'.repeat(200)}`;
      const plan = planWith({ devices: [makeDevice('entra-id', 1, { name, tenant: '' })] });
      const [check] = only(plan, 'missing-address');
      expect(check?.message).toContain('…"');
      expect(check?.message.length).toBeLessThan(200);
    });
  });

  it('flags an address used by two roles, and twice in one device', () => {
    const plan = planWith({
      agents: [makeAgent(1), makeAgent(2, { address: '10.2.0.2' })],
      devices: [
        makeDevice('qumulo', 1, { name: 'Q1', addresses: ['10.2.0.2', '10.2.0.9', '10.2.0.9'] }),
      ],
    });
    expect(only(plan, 'address-duplicate').map((c) => [c.message, c.field])).toEqual([
      [
        'Address "10.2.0.2" is used by agent server "Agent server 2" (Agent server 2 → Address) and device "Q1" (Q1 → Addresses, entry 1).',
        'devices.0.addresses.0',
      ],
      ['Device "Q1" lists "10.2.0.9" twice (Q1 → Addresses, entry 3).', 'devices.0.addresses.2'],
    ]);
  });

  it('the console on an agent server is information, not a warning', () => {
    const plan = planWith({ console: { name: 'Console', address: '10.1.0.2' } });
    const [check] = only(plan, 'address-duplicate');
    expect(check?.severity).toBe('info');
    expect(resolvePlan(plan, catalog).rules).toEqual([]);
  });

  it('shared tenants are normal', () => {
    const tenant = 'contoso.onmicrosoft.com';
    const plan = planWith({
      devices: [
        makeDevice('entra-id', 1, { tenant }),
        makeDevice('exchange-online', 2, { tenant }),
      ],
    });
    expect(only(plan, 'address-duplicate')).toEqual([]);
  });

  it.each([
    ['', 'has no agent server'],
    ['agent-9', 'names an agent server that is not in the plan'],
  ])('a proxy device with agentId %j: %s', (agentId, text) => {
    const plan = planWith({ devices: [makeDevice('qumulo', 1, { name: 'Q1', agentId })] });
    const [check] = only(plan, 'device-no-agent');
    expect(check?.message).toContain(text);
    expect(check?.field).toBe('devices.0.agentId');
  });

  it('local-agent devices need no agent server', () => {
    const plan = planWith({ devices: [makeDevice('windows-file-server', 1, { agentId: '' })] });
    expect(only(plan, 'device-no-agent')).toEqual([]);
  });

  describe('two listeners on one agent port', () => {
    it('a Qumulo port equal to the agent port', () => {
      const plan = planWith({
        devices: [makeDevice('qumulo', 1, { name: 'Q1', options: { qumuloPort: '4498' } })],
      });
      const [check] = only(plan, 'port-conflict');
      expect(check?.severity).toBe('error');
      expect(check?.field).toBe('devices.0.options.qumuloPort');
      expect(check?.message).toBe(
        'Port 4498 on agent server "Agent server 1" has more than one listener: the Agent port (Ports → Agent port) and the Qumulo event port of device "Q1" (Q1 → Qumulo event port).',
      );
    });

    it("a Qumulo port equal to another device's event port on the same agent", () => {
      const plan = planWith({
        devices: [
          makeDevice('nutanix', 1, { name: 'N1' }),
          makeDevice('qumulo', 2, { name: 'Q1', options: { qumuloPort: '4501' } }),
        ],
      });
      expect(only(plan, 'port-conflict').map((c) => c.message)).toEqual([
        'Port 4501 on agent server "Agent server 1" has more than one listener: the Nutanix event port of device "N1" (N1 → Nutanix event port) and the Qumulo event port of device "Q1" (Q1 → Qumulo event port).',
      ]);
    });

    it('the same port on different agents is fine', () => {
      const plan = planWith({
        agents: [makeAgent(1), makeAgent(2)],
        devices: [
          makeDevice('nutanix', 1, { agentId: 'agent-1' }),
          makeDevice('qumulo', 2, { agentId: 'agent-2', options: { qumuloPort: '4501' } }),
        ],
      });
      expect(only(plan, 'port-conflict')).toEqual([]);
    });

    it('a global port equal to a fixed listener (API server on 445 with Access Analyzer)', () => {
      const base = planWith();
      const plan: Plan = {
        ...base,
        settings: { ...base.settings, ports: { apiServerPort: 1433 } },
        devices: [makeDevice('windows-file-server', 1, { name: 'FS1' })],
        integrations: {
          ...base.integrations,
          accessAnalyzer: {
            ...base.integrations.accessAnalyzer,
            enabled: true,
            useApiServer: true,
            address: '10.9.0.1',
          },
        },
      };
      expect(only(plan, 'port-conflict')).toEqual([]);
      const clash = { ...plan, settings: { ...plan.settings, ports: { apiServerPort: 4498 } } };
      expect(only(clash, 'port-conflict').map((c) => c.field)).toEqual([
        'settings.ports.agentPort',
        'settings.ports.agentPort',
      ]);
    });

    it('two devices of one kind on one agent with different ports: a warning', () => {
      const plan = planWith({
        devices: [
          makeDevice('qumulo', 1, { name: 'Q1' }),
          makeDevice('qumulo', 2, { name: 'Q2', options: { qumuloPort: '4600' } }),
        ],
      });
      const [check] = only(plan, 'port-setting-mismatch');
      expect(check?.severity).toBe('warning');
      expect(check?.message).toContain('(4496, 4600)');
      expect(check?.field).toBe('devices.1.options.qumuloPort');
    });
  });

  it.each([
    [{ qumuloPort: '999' }, '"999" is out of range: use 1000-65535'],
    [{ qumuloPort: '70000' }, 'it must be between 1 and 65535'],
    [{ qumuloPort: 'abc' }, 'use digits only'],
  ])('device port option %j is an error and no rule uses it', (options, text) => {
    const plan = planWith({ devices: [makeDevice('qumulo', 1, { options })] });
    const [check] = only(plan, 'value-out-of-range');
    expect(check?.severity).toBe('error');
    expect(check?.field).toBe('devices.0.options.qumuloPort');
    expect(check?.message).toContain(text);
    // Never a silent fallback: neither the typed value nor the default 4496 becomes a port.
    const rules = resolvePlan(plan, catalog).rules;
    expect(rules.some((r) => r.ports.some((p) => p.from === 4496 || p.from === 999))).toBe(false);
    expect(rules.find((r) => r.portsText === 'Qumulo event port (invalid)')?.problems).toHaveLength(
      1,
    );
  });

  it('global ports, the RPC range and the SIEM port are range-checked, and not replaced', () => {
    const base = planWith();
    const plan: Plan = {
      ...base,
      settings: {
        ...base.settings,
        ports: { agentPort: '70000', apiServerPort: 80 },
        rpcRange: { from: 60000, to: 50000 },
      },
      integrations: {
        ...base.integrations,
        siem: { enabled: true, name: 'S', address: 'siem.corp', transport: 'UDP', port: '0' },
      },
    };
    expect(only(plan, 'value-out-of-range').map((c) => c.field)).toEqual([
      'settings.ports.apiServerPort',
      'settings.ports.agentPort',
      'settings.rpcRange.to',
      'integrations.siem.port',
    ]);
    expect(only(plan, 'value-out-of-range').map((c) => c.severity)).toEqual([
      'error',
      'error',
      'error',
      'error',
    ]);
    // The rules keep no default in place of an invalid value.
    const consoleRule = resolvePlan(plan, catalog).rules.find((r) => r.source.role === 'console');
    expect(consoleRule?.portsText).toBe('Agent port (invalid)');
    expect(consoleRule?.ports).toEqual([]);
    expect(consoleRule?.problems?.map((p) => p.message)).toEqual([
      'Agent port: "70000" is not a valid port: it must be between 1 and 65535',
    ]);
  });

  it('an invalid choice is an error, and the rules that depend on it are flagged', () => {
    const plan = planWith({
      devices: [makeDevice('netapp-cmode', 1, { options: { ontapiProtocol: 'ftp' } })],
    });
    const [check] = only(plan, 'option-invalid');
    expect(check?.severity).toBe('error');
    expect(check?.field).toBe('devices.0.options.ontapiProtocol');
    expect(check?.message).toBe(
      'Device "netapp-cmode 1", ONTAPI protocol (netapp-cmode 1 → ONTAPI protocol): "ftp" is not one of “HTTPS (443)”, “HTTP (80)”, “Both”; no rule uses it until it is fixed.',
    );
  });

  it('unknown environments and non-device environments are errors', () => {
    const plan = planWith({
      devices: [makeDevice('floppy', 1, { name: 'F' }), makeDevice('siem', 2, { name: 'S' })],
    });
    expect(checks(plan).map((c) => `${c.code}@${c.field}`)).toEqual([
      'environment-not-device@devices.1.environment',
      'environment-unknown@devices.0.environment',
    ]);
  });

  it('a separate CEE server needs an address (and a valid one)', () => {
    const plan = planWith({
      devices: [
        makeDevice('dell-unity', 1, { name: 'U1', options: { ceePlacement: 'separate' } }),
        makeDevice('dell-unity', 2, {
          name: 'U2',
          options: { ceePlacement: 'separate', ceeAddress: '10.3.0.256' },
        }),
      ],
    });
    expect(only(plan, 'cee-address-missing').map((c) => [c.field, c.message])).toEqual([
      [
        'devices.0.options.ceeAddress',
        'Device "U1": the CEE server is on a separate host, but its address is missing (U1 → CEE server address).',
      ],
    ]);
    expect(only(plan, 'address-invalid').map((c) => c.field)).toEqual([
      'devices.1.options.ceeAddress',
    ]);
  });

  it('orders checks by severity, then code', () => {
    const plan = planWith({
      console: { name: 'C', address: '' },
      devices: [makeDevice('qumulo', 1, { agentId: '' })],
    });
    expect(checks(plan).map((c) => c.severity)).toEqual(['error', 'warning']);
  });
});
