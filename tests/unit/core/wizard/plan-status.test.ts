import { describe, expect, it } from 'vitest';

import { addDevice, setConsole } from '@/core/plan/edit';
import { createDefaultPlan } from '@/core/plan/model';
import { isDefaultPlan } from '@/core/wizard/plan-status';

describe('isDefaultPlan', () => {
  it('is true for a new plan, even after a JSON round trip', () => {
    expect(isDefaultPlan(createDefaultPlan())).toBe(true);
    expect(isDefaultPlan(JSON.parse(JSON.stringify(createDefaultPlan())))).toBe(true);
  });

  it.each([
    ['a device', addDevice(createDefaultPlan(), 'qumulo', 'Q').plan],
    ['a console address', setConsole(createDefaultPlan(), { address: 'am.example.com' })],
    ['another name', { ...createDefaultPlan(), name: 'HQ' }],
    ['another version', { ...createDefaultPlan(), amVersion: '9.0' as const }],
    [
      'a port setting',
      {
        ...createDefaultPlan(),
        settings: { ...createDefaultPlan().settings, ports: { agentPort: 1 } },
      },
    ],
  ])('is false with %s', (_name, plan) => {
    expect(isDefaultPlan(plan)).toBe(false);
  });
});
