/** The Devices step's table (issue 15): default agent, first view, field names, options line. */
import { describe, expect, it } from 'vitest';

import { findEnvironment, getCatalog } from '@/core/catalog/catalog';
import { deviceOptionsSummary } from '@/core/wizard/device-options-summary';
import { defaultAgentId, deviceFieldName, initialDeviceView } from '@/core/wizard/device-table';

import { makeAgent, makeDevice, planWith } from '../../../support/plan-builders';

const catalog = getCatalog();
const netapp = findEnvironment(catalog, 'netapp-cmode')!;

describe('defaultAgentId', () => {
  const plan = planWith({ agents: [makeAgent(1), makeAgent(2), makeAgent(3)] });
  it.each([
    ['the agent chosen last', 'agent-3', 'agent-3'],
    ['the first when none was chosen', null, 'agent-1'],
    ['the first when the chosen one is gone', 'agent-9', 'agent-1'],
  ])('%s', (_what, chosen, expected) => {
    expect(defaultAgentId(plan, chosen)).toBe(expected);
  });
  it('the only one, or none', () => {
    expect(defaultAgentId(planWith({ agents: [makeAgent(7)] }), null)).toBe('agent-7');
    expect(defaultAgentId(planWith({ agents: [] }), 'agent-1')).toBe('');
  });
});

describe('initialDeviceView', () => {
  it.each([
    [null, 0, 'cards'],
    [null, 3, 'cards'],
    [null, 4, 'table'],
    ['cards', 50, 'cards'],
    ['table', 1, 'table'],
  ] as const)('chosen %s, %i devices: %s', (chosen, count, expected) => {
    expect(initialDeviceView(chosen, count)).toBe(expected);
  });
  it.each([
    [null, 50, 'cards'],
    ['table', 50, 'table'],
  ] as const)('on a narrow screen, chosen %s, %i devices: %s', (chosen, count, expected) => {
    expect(initialDeviceView(chosen, count, true)).toBe(expected);
  });
});

describe('deviceFieldName', () => {
  it('names the field after the device, or its platform while it has no name', () => {
    expect(deviceFieldName({ name: 'NetApp SVM1' }, netapp, 'Addresses')).toBe(
      'NetApp SVM1: Addresses',
    );
    expect(deviceFieldName({ name: '  ' }, netapp, 'Agent server')).toBe(
      'NetApp Data ONTAP Cluster-Mode: Agent server',
    );
  });
});

describe('deviceOptionsSummary', () => {
  const plan = planWith();
  it('says all options keep their defaults', () => {
    expect(deviceOptionsSummary(plan, makeDevice('netapp-cmode', 1), netapp, catalog)).toBe(
      '4 options, all default',
    );
  });
  it('lists the options set apart from their defaults, by label', () => {
    const device = makeDevice('netapp-cmode', 1, {
      options: { ontapiProtocol: 'http', fpolicyPort: '9998', ontapApiTarget: 'management' },
    });
    expect(deviceOptionsSummary(plan, device, netapp, catalog)).toMatch(
      /^ONTAP API protocol: HTTP.*; FPolicy port: 9998$/,
    );
  });
  it('names the chosen CEE server, and says when it is gone', () => {
    const isilon = findEnvironment(catalog, 'dell-isilon');
    const device = makeDevice('dell-isilon', 1, {
      options: { ceePlacement: 'separate', ceeServer: 'cee-1' },
    });
    const withCee = {
      ...plan,
      ceeServers: [{ id: 'cee-1', name: 'CEE-01', address: '10.0.0.5', os: 'windows' as const }],
    };
    expect(deviceOptionsSummary(withCee, device, isilon, catalog)).toMatch(/CEE server: CEE-01/);
    expect(deviceOptionsSummary(plan, device, isilon, catalog)).toMatch(
      /CEE server: not in the plan/,
    );
  });
  it('is empty for a platform without options', () => {
    const wfs = findEnvironment(catalog, 'windows-file-server');
    expect(deviceOptionsSummary(plan, makeDevice('windows-file-server', 1), wfs, catalog)).toBe('');
  });
});
