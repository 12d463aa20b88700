/** Pure plan edits of plan format 3: more consoles, the agents' services. */
import { describe, expect, it } from 'vitest';

import {
  addAgents,
  addConsole,
  addDevice,
  addDevices,
  assignDevices,
  removeAgent,
  removeConsole,
  removeDevices,
  restoreDevices,
  setAgentServices,
  updateConsole,
  updateDevice,
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

describe('devices at scale (issue 15)', () => {
  const agents = [1, 2, 3].map((n) => ({ id: `agent-${n}`, name: `A${n}`, address: '' }));
  const base = () => {
    let plan = { ...createDefaultPlan(), agents };
    for (const name of ['d1', 'd2', 'd3', 'd4']) plan = addDevice(plan, 'qumulo', name).plan;
    return plan;
  };

  it('adds a device on the agent server asked for, else on the first', () => {
    const plan = { ...createDefaultPlan(), agents };
    expect(addDevice(plan, 'qumulo', 'q', 'agent-3').plan.devices[0]!.agentId).toBe('agent-3');
    expect(addDevice(plan, 'qumulo', 'q', 'agent-9').plan.devices[0]!.agentId).toBe('agent-1');
    expect(addDevice(plan, 'qumulo', 'q').plan.devices[0]!.agentId).toBe('agent-1');
  });

  it('assigns many devices to an agent server in one change; an unknown agent changes nothing', () => {
    const plan = base();
    const ids = plan.devices.map((d) => d.id);
    const assigned = assignDevices(plan, [ids[1]!, ids[3]!], 'agent-2');
    expect(assigned.devices.map((d) => d.agentId)).toEqual([
      'agent-1',
      'agent-2',
      'agent-1',
      'agent-2',
    ]);
    expect(assigned.devices[0]).toBe(plan.devices[0]);
    expect(assignDevices(plan, ids, 'agent-9')).toBe(plan);
  });

  it('removes many devices and puts them back at their places (undo)', () => {
    const plan = base();
    const ids = plan.devices.map((d) => d.id);
    const { plan: without, removed } = removeDevices(plan, [ids[0]!, ids[2]!]);
    expect(without.devices.map((d) => d.name)).toEqual(['d2', 'd4']);
    expect(removed.map((r) => r.index)).toEqual([0, 2]);
    expect(restoreDevices(without, removed)).toEqual(plan);
    // Edits made meanwhile stay; an agent removed meanwhile hands its devices to the first one.
    const edited = updateDevice(without, ids[1]!, { name: 'd2 edited' });
    const noAgent3 = removeAgent(assignDevices(edited, [], 'agent-1'), 'agent-3');
    const gone = { ...removed[0]!, device: { ...removed[0]!.device, agentId: 'agent-3' } };
    const back = restoreDevices(noAgent3, [gone, removed[1]!]);
    expect(back.devices.map((d) => d.name)).toEqual(['d1', 'd2 edited', 'd3', 'd4']);
    expect(back.devices[0]!.agentId).toBe('agent-1');
    // Twice is once: ids already back are skipped.
    expect(restoreDevices(back, removed)).toBe(back);
    expect(removeDevices(plan, ['nope']).plan).toBe(plan);
  });

  it('adds pasted agent servers in one change, replacing the untouched first one if asked', () => {
    const fresh = createDefaultPlan();
    const first = fresh.agents[0]!.id;
    const { plan, ids } = addAgents(
      fresh,
      [
        { name: 'NYC', address: '10.1.0.1' },
        { name: 'LON', address: '' },
      ],
      first,
    );
    expect(plan.agents.map((a) => a.name)).toEqual(['NYC', 'LON']);
    expect(ids).toEqual(plan.agents.map((a) => a.id));
    expect(ids).not.toContain(first);
    const kept = addAgents(fresh, [{ name: 'NYC', address: '' }]).plan;
    expect(kept.agents.map((a) => a.name)).toEqual(['Agent server 1', 'NYC']);
    expect(addAgents(fresh, [], first).plan).toBe(fresh);
  });

  it('moves the devices of a replaced agent server to the first pasted one', () => {
    const fresh = createDefaultPlan();
    const first = fresh.agents[0]!.id;
    const withDevice = addDevice(fresh, 'qumulo', 'q').plan;
    const { plan, ids } = addAgents(withDevice, [{ name: 'NYC', address: '' }], first);
    expect(plan.devices[0]!.agentId).toBe(ids[0]);
  });

  it('stops adding agent servers at the cap', () => {
    const many = Array.from({ length: PLAN_LIMITS.agents + 5 }, (_, i) => ({
      name: `A${i}`,
      address: '',
    }));
    const { plan, ids } = addAgents(createDefaultPlan(), many);
    expect(plan.agents).toHaveLength(PLAN_LIMITS.agents);
    expect(ids).toHaveLength(PLAN_LIMITS.agents - 1);
  });
});
