/**
 * Named CEE servers (plan format 4): a CEE server is one host of the plan, whichever Dell
 * devices send their events to it.
 */
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { OptionValue } from '@/core/catalog/model';
import type { CeeServer } from '@/core/plan/model';
import { buildHostViews } from '@/core/resolve/host-views';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { makeDevice, planWith } from '../../../support/plan-builders';

import { flows } from './summarize';

const catalog = getCatalog();
const CEE_01: CeeServer = { id: 'cee-1', name: 'CEE-01', address: '10.0.0.5', os: 'windows' };
const CEE_02: CeeServer = { id: 'cee-2', name: 'CEE-02', address: '10.0.0.6', os: 'linux' };
const separate = (ceeServer: string, more: Record<string, OptionValue> = {}) => ({
  ceePlacement: 'separate',
  ceeServer,
  ...more,
});

function resolve(
  devices: [string, Record<string, OptionValue>][],
  ceeServers: CeeServer[] = [CEE_01],
) {
  const plan = planWith({
    ceeServers,
    devices: devices.map(([environment, options], i) =>
      makeDevice(environment, i + 1, { name: `DELL${i + 1}`, options }),
    ),
  });
  return { plan, resolution: resolvePlan(plan, catalog) };
}

describe('named CEE servers', () => {
  it.each<[string, [string, Record<string, OptionValue>][], number, string[]]>([
    [
      'two Unity devices share CEE-01',
      [
        ['dell-unity', separate('cee-1')],
        ['dell-unity', separate('cee-1')],
      ],
      1,
      ['CEE-01@10.0.0.5 -> Agent server 1@10.1.0.2 TCP 135'],
    ],
    [
      'an Isilon and a PowerStore share CEE-01',
      [
        ['dell-isilon', separate('cee-1')],
        ['dell-powerstore', separate('cee-1')],
      ],
      1,
      ['CEE-01@10.0.0.5 -> Agent server 1@10.1.0.2 TCP 135'],
    ],
    [
      'two devices on two CEE servers',
      [
        ['dell-unity', separate('cee-1')],
        ['dell-unity', separate('cee-2', { ceeDelivery: 'http' })],
      ],
      2,
      ['CEE-02@10.0.0.6 -> Agent server 1@10.1.0.2 TCP 4492'],
    ],
  ])('%s: one host per CEE server, its rule merged', (_label, devices, hostCount, expected) => {
    const { resolution } = resolve(devices, [CEE_01, CEE_02]);
    const all = flows(resolution);
    for (const flow of expected) expect(all.filter((f) => f === flow)).toHaveLength(1);
    // No "CEE server for <device>" host: the CEE servers are named once.
    expect(all.join('\n')).not.toContain('CEE server for');
    const ceeHosts = buildHostViews(resolution).filter((v) => /^CEE-0/.test(v.host.label));
    expect(ceeHosts).toHaveLength(hostCount);
  });

  it('sharing a CEE server opens nothing more than one device does (but the devices’ own flows)', () => {
    const one = flows(resolve([['dell-unity', separate('cee-1')]]).resolution);
    const two = flows(
      resolve([
        ['dell-unity', separate('cee-1')],
        ['dell-unity', separate('cee-1')],
      ]).resolution,
    );
    const ceeToAgent = (list: string[]) => list.filter((f) => f.startsWith('CEE-01'));
    expect(ceeToAgent(two)).toEqual(ceeToAgent(one));
    expect(two.filter((f) => f.includes('-> CEE-01'))).toHaveLength(
      2 * one.filter((f) => f.includes('-> CEE-01')).length,
    );
  });

  it('a removed CEE server is an error on the device, never a fallback to the agent', () => {
    const { resolution } = resolve([['dell-unity', separate('cee-9')]]);
    const check = resolution.checks.find((c) => c.field === 'devices.0.options.ceeServer');
    expect(check).toMatchObject({ severity: 'error' });
    expect(check?.message).toMatch(/not in the plan/);
    const all = flows(resolution);
    expect(all.some((f) => f.startsWith('Agent server 1') && f.includes('-> Agent'))).toBe(false);
    expect(all.some((f) => f.includes('CEE-01'))).toBe(false);
  });

  it('no CEE server chosen is an error on the device', () => {
    const { resolution } = resolve([['dell-unity', { ceePlacement: 'separate' }]]);
    expect(resolution.checks).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        field: 'devices.0.options.ceeServer',
        message: expect.stringMatching(/no CEE server is chosen/),
      }),
    );
  });

  it('a Linux CEE server with MS-RPC delivery is an error on the delivery choice', () => {
    const { resolution } = resolve([['dell-unity', separate('cee-2')]], [CEE_02]);
    expect(resolution.checks).toContainEqual(
      expect.objectContaining({
        code: 'cee-linux-delivery',
        severity: 'error',
        field: 'devices.0.options.ceeDelivery',
      }),
    );
    const http = resolve([['dell-unity', separate('cee-2', { ceeDelivery: 'http' })]], [CEE_02]);
    expect(http.resolution.checks.map((c) => c.code)).not.toContain('cee-linux-delivery');
  });

  it('a CEE server in use without an address is an error naming its devices', () => {
    const { resolution } = resolve(
      [['dell-unity', separate('cee-1')]],
      [{ ...CEE_01, address: '' }],
    );
    expect(resolution.checks).toContainEqual(
      expect.objectContaining({
        code: 'cee-server-address-missing',
        severity: 'error',
        field: 'ceeServers.0.address',
        message: expect.stringContaining('DELL1'),
      }),
    );
  });
});
