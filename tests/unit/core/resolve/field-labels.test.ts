import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { Plan } from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';
import { fieldLabel, plainMessage } from '@/core/resolve/field-labels';
import { resolvePlan } from '@/core/resolve/resolve-plan';

const catalog = getCatalog();

function planWith(devices: { name: string; environment: string }[]): Plan {
  const plan = createDefaultPlan();
  const agentId = plan.agents[0]?.id ?? '';
  return {
    ...plan,
    devices: devices.map((d, i) => ({
      id: `d${i}`,
      name: d.name,
      environment: d.environment,
      addresses: [] as string[],
      tenant: '',
      agentId,
      options: {},
    })) as unknown as Plan['devices'],
  };
}

describe('fieldLabel', () => {
  const plan = planWith([{ name: 'SVM1', environment: 'netapp-cmode' }]);
  it.each([
    ['agents.0.address', 'Agent server 1 → Address'],
    ['agents.2.name', 'Agent server 3 → Name'],
    ['console.address', 'Console → Address'],
    ['additionalConsoles.0.address', 'Console 2 → Address'],
    ['devices.0.addresses', 'SVM1 → Addresses'],
    ['devices.0.addresses.1', 'SVM1 → Addresses, entry 2'],
    ['devices.0.options.fpolicyPort', 'SVM1 → FPolicy port'],
    ['devices.0.agentId', 'SVM1 → Agent server'],
    ['devices.5.addresses', 'Device 6 → Addresses'],
    ['microsoftTenant', 'Microsoft tenant'],
    ['integrations.siem.port', 'SIEM server → Port'],
    ['integrations.accessAnalyzer.edition', 'Access Analyzer server → Edition'],
    ['deployment.proxy.address', 'Network proxy → Address'],
    ['agentServices.dns.addresses.0', 'DNS servers → Addresses, entry 1'],
    ['settings.ports.agentPort', 'Ports → Agent port'],
    ['settings.rpcRange.to', 'Settings → Dynamic RPC range → End'],
    ['ceeServers.1.address', 'CEE server 2 → Address'],
    ['network.zones.1.name', 'Network → Zone 2 → Name'],
    ['network.zones.0.cidrs.2', 'Network → Zone 1 → CIDR blocks, entry 3'],
    ['network.firewalls.0.name', 'Network → Firewall 1 → Name'],
    ['network.firewalls.1.interfaces.2', 'Network → Firewall 2 → Interface 3'],
    ['network.firewalls', 'Network → Firewalls'],
    ['network.assignments.0', 'Network → Zone chosen by hand 1'],
    ['network.preferredPaths.0', 'Network → Chosen path 1'],
    ['network.preferredPaths', 'Network → Paths'],
  ])('%s is "%s"', (path, label) => {
    expect(fieldLabel(plan, catalog, path)).toBe(label);
  });

  it('leaves text that is not a field path alone', () => {
    const text = 'enter its name (contoso) or its initial domain (contoso.onmicrosoft.com)';
    expect(plainMessage(text, plan, catalog)).toBe(text);
  });
});

/** A parenthesised internal path: "(agents.0.address)", "(devices.1.options.x)". */
const INTERNAL_PATH = /\((?:[a-zA-Z]+\.)+[a-zA-Z0-9]+\)|\((?:microsoftTenant|amVersion)\)/;

describe('plan check messages', () => {
  it('name fields in words for every check code, the path staying the check field', () => {
    const plan = planWith([
      { name: 'SVM1', environment: 'netapp-cmode' },
      { name: 'Entra', environment: 'entra-id' },
      { name: 'Q1', environment: 'qumulo' },
    ]);
    const broken: Plan = {
      ...plan,
      agents: [
        ...plan.agents,
        { ...plan.agents[0]!, id: 'a2', name: 'Agent 2', address: '010.0.0.1' },
      ],
      console: { ...plan.console, address: '0.0.0.0/0' },
      devices: plan.devices.map((d, i) =>
        i === 0
          ? { ...d, addresses: ['10.0.0.9', '10.0.0.9'], options: { fpolicyPort: '70000' } }
          : i === 2
            ? { ...d, agentId: 'nowhere', addresses: ['bad_host!'] }
            : d,
      ),
    };
    const checks = resolvePlan(broken, catalog).checks;
    const codes = new Set(checks.map((c) => c.code));
    expect(codes.size).toBeGreaterThanOrEqual(5);
    for (const check of checks) {
      expect(check.message, check.code).not.toMatch(INTERNAL_PATH);
      expect(check.field).toMatch(/^[a-zA-Z]+(\.[A-Za-z0-9_-]+)*$/);
    }
    const messages = checks.map((c) => c.message).join('\n');
    expect(messages).toContain('(Agent server 2 → Address)');
    expect(messages).toContain('(SVM1 → FPolicy port)');
  });
});
