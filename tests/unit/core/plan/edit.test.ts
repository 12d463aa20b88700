/** Pure plan edits of plan format 3: more consoles, the agents' services. */
import { describe, expect, it } from 'vitest';

import { addConsole, removeConsole, setAgentServices, updateConsole } from '@/core/plan/edit';
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
