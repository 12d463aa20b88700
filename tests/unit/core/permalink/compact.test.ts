import { describe, expect, it } from 'vitest';

import { fromCompact, toCompact } from '@/core/permalink/compact';
import { migratePlan } from '@/core/plan/migrations';
import type { Plan } from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';
import * as edit from '@/core/plan/edit';

import { typicalPlan } from './sample-plans';

function roundTrip(plan: Plan) {
  const compact = JSON.parse(JSON.stringify(toCompact(plan))) as unknown;
  const expanded = fromCompact(compact, 1);
  if (!expanded.ok) throw new Error(expanded.errors.join('; '));
  const checked = migratePlan(expanded.plan);
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.plan;
}

const base = createDefaultPlan();
const withDevice = edit.addDevice(base, 'qumulo', 'Qumulo').plan;

describe('compact form', () => {
  it.each<[string, Plan, unknown]>([
    ['the default plan', base, {}],
    ['a renamed plan', { ...base, name: 'X' }, { n: 'X' }],
    ['another version', { ...base, amVersion: '8.0' }, { v: '8.0' }],
    ['a console address', edit.setConsole(base, { address: 'c1' }), { c: 'c1' }],
    ['a renamed console', edit.setConsole(base, { name: 'C' }), { c: ['', 'C'] }],
    ['two default agents', edit.addAgent(base), { a: ['', ''] }],
    ['no agents', edit.removeAgent(base, 'agent-1'), { a: [] }],
    [
      'an agent left after a removal',
      edit.removeAgent(edit.addAgent(base), 'agent-1'),
      { a: [['', 'Agent server 2', 'agent-2']] },
    ],
    ['a device on the first agent', withDevice, { d: [['qumulo', 'Qumulo']] }],
    [
      'a device with addresses on no agent',
      edit.updateDevice(withDevice, 'dev-1', { addresses: ['10.0.0.1'], agentId: '' }),
      { d: [['qumulo', 'Qumulo', ['10.0.0.1'], 0, -1]] },
    ],
    [
      'a device on an unknown agent, with options',
      edit.updateDevice(withDevice, 'dev-1', { agentId: 'agent-9', options: { b: true, a: 'x' } }),
      { d: [['qumulo', 'Qumulo', 0, 0, 'agent-9', { a: 'x', b: true }]] },
    ],
    [
      'a device with a non-default id',
      edit.removeDevice(edit.addDevice(withDevice, 'entra-id', 'Entra').plan, 'dev-1'),
      { d: [['entra-id', 'Entra', 0, 0, 0, 0, 'dev-2']] },
    ],
    [
      'enabled integrations',
      edit.setIntegration(
        edit.setIntegration(base, 'siem', { enabled: true, port: 6514 }),
        'accessAnalyzer',
        {
          edition: 'aa26',
        },
      ),
      { i: { a: { d: 'aa26' }, s: { e: 1, p: 6514 } } },
    ],
    [
      'custom settings',
      edit.setSettings(base, {
        rpcRange: { from: 50000, to: 50010 },
        ports: { tmSyslogPort: 10002, agentPort: 4499 },
        showInferred: false,
      }),
      { s: { r: [50000, 50010], p: { agentPort: 4499, tmSyslogPort: 10002 }, i: 0 } },
    ],
    ['push install', edit.setDeployment(base, { pushInstall: true }), { e: { p: 1 } }],
    [
      'a network proxy on port 3128 and an archive share',
      edit.setDeployment(base, {
        proxy: { enabled: true, address: 'proxy.corp', port: 3128 },
        archive: { enabled: true, name: 'NAS', address: '10.5.0.1' },
      }),
      { e: { x: { e: 1, h: 'proxy.corp', p: 3128 }, r: { e: 1, n: 'NAS', h: '10.5.0.1' } } },
    ],
    [
      'a proxy on the default port 8080 (not written)',
      edit.setDeployment(base, { proxy: { enabled: true, address: 'p' } }),
      { e: { x: { e: 1, h: 'p' } } },
    ],
  ])('encodes %s compactly and losslessly', (_label, plan, expected) => {
    const compact = toCompact(plan);
    expect(compact).toEqual(expected);
    expect(JSON.stringify(compact)).toBe(JSON.stringify(expected));
    expect(roundTrip(plan)).toEqual(plan);
  });

  it('opens a compact plan without deployment (links made before it existed) with the defaults', () => {
    const expanded = fromCompact({ n: 'Old link' }, 1);
    expect(expanded.ok && expanded.plan.deployment).toEqual(createDefaultPlan().deployment);
  });

  it('refuses a deployment that is not an object', () => {
    expect(fromCompact({ e: [1] }, 1)).toEqual({
      ok: false,
      errors: ['deployment: not an object'],
    });
    expect(fromCompact({ e: { x: 'proxy' } }, 1)).toEqual({
      ok: false,
      errors: ['deployment.proxy: not an object'],
    });
  });

  it('writes the catalog version and reads it back', () => {
    const expanded = fromCompact(toCompact(typicalPlan(), { catalogVersion: '2026.11.0' }), 1);
    expect(expanded).toMatchObject({ ok: true, catalogVersion: '2026.11.0' });
  });

  it('builds fresh objects and ignores unknown keys', () => {
    const expanded = fromCompact({ zz: 1, d: [['qumulo', 'Q', 0, 0, 0, { a: 'x' }]] }, 1);
    expect(expanded.ok).toBe(true);
    if (expanded.ok) {
      expect(expanded.plan).not.toHaveProperty('zz');
      expect(migratePlan(expanded.plan).ok).toBe(true);
    }
  });
});
