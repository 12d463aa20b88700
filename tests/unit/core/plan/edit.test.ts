/** Pure plan edits of plan format 3: more consoles, the agents' services. */
import { describe, expect, it } from 'vitest';

import {
  addConsole,
  addDevices,
  removeConsole,
  setAgentServices,
  updateConsole,
} from '@/core/plan/edit';
import { createDefaultPlan } from '@/core/plan/model';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';

describe('additional consoles', () => {
  it('adds consoles named after their place, edits and removes one by index', () => {
    const two = addConsole(addConsole(createDefaultPlan()));
    expect(two.additionalConsoles).toEqual([
      { name: 'Activity Monitor Console 2', address: '' },
      { name: 'Activity Monitor Console 3', address: '' },
    ]);
    const edited = updateConsole(two, 1, { address: '10.0.0.12' });
    expect(edited.additionalConsoles[1]).toEqual({
      name: 'Activity Monitor Console 3',
      address: '10.0.0.12',
    });
    expect(edited.additionalConsoles[0]).toBe(two.additionalConsoles[0]);
    expect(removeConsole(edited, 0).additionalConsoles).toEqual([
      { name: 'Activity Monitor Console 3', address: '10.0.0.12' },
    ]);
  });

  it('never mutates the plan, ignores indexes out of range and stops at the cap', () => {
    const plan = createDefaultPlan();
    const frozen = JSON.stringify(plan);
    addConsole(plan);
    expect(JSON.stringify(plan)).toBe(frozen);
    expect(updateConsole(plan, 0, { name: 'x' })).toBe(plan);
    expect(removeConsole(plan, -1)).toBe(plan);
    let full = plan;
    for (let i = 0; i < PLAN_LIMITS.additionalConsoles; i += 1) full = addConsole(full);
    expect(addConsole(full)).toBe(full);
  });
});

describe('agent services', () => {
  it('changes one part of one service and keeps the rest', () => {
    const plan = createDefaultPlan();
    const next = setAgentServices(plan, { dns: { enabled: true }, syslog: { transport: 'TLS' } });
    expect(next.agentServices.dns).toEqual({ enabled: true, addresses: [] });
    expect(next.agentServices.syslog).toEqual({ ...plan.agentServices.syslog, transport: 'TLS' });
    expect(next.agentServices.smtp).toEqual(plan.agentServices.smtp);
    expect(plan.agentServices.dns.enabled).toBe(false);
  });
});

describe('addDevices', () => {
  const device = (name: string) => ({
    environment: 'nasuni',
    name,
    addresses: ['10.0.0.1'],
    tenant: '',
    agentId: 'agent-1',
    options: {},
  });

  it('adds every device in order with fresh ids, in one change', () => {
    const plan = createDefaultPlan();
    const first = addDevices(plan, [device('A')]).plan;
    const { plan: next, ids } = addDevices(first, [device('B'), device('C')]);
    expect(ids).toEqual(['dev-2', 'dev-3']);
    expect(next.devices.map((d) => [d.id, d.name])).toEqual([
      ['dev-1', 'A'],
      ['dev-2', 'B'],
      ['dev-3', 'C'],
    ]);
    expect(first.devices).toHaveLength(1);
  });

  it('stops at the plan’s cap', () => {
    const plan = createDefaultPlan();
    const many = Array.from({ length: PLAN_LIMITS.devices + 5 }, (_, i) => device(`D${i}`));
    const { plan: next, ids } = addDevices(plan, many);
    expect(next.devices).toHaveLength(PLAN_LIMITS.devices);
    expect(ids).toHaveLength(PLAN_LIMITS.devices);
  });
});
