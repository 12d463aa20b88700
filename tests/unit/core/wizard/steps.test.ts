import { describe, expect, it } from 'vitest';

import {
  FIRST_STEP,
  nextStepId,
  parseStepId,
  previousStepId,
  STEPS,
  stepIndex,
} from '@/core/wizard/steps';

describe('STEPS', () => {
  it('has the four agreed step ids in order', () => {
    expect(STEPS.map((s) => s.id)).toEqual(['topology', 'devices', 'options', 'review']);
    expect(FIRST_STEP).toBe('topology');
    // The titles as the user sees them (the e2e journey reads them from STEPS).
    expect(STEPS.map((s) => s.title)).toEqual([
      'Topology',
      'Devices',
      'Options',
      'Review & export',
    ]);
  });
});

describe('parseStepId', () => {
  it.each(['topology', 'devices', 'options', 'review'])('accepts %s', (id) => {
    expect(parseStepId(id)).toBe(id);
  });

  it.each([
    ['unknown id', 'rules'],
    ['wrong case', 'Topology'],
    ['padded', ' devices'],
    ['empty', ''],
    ['undefined', undefined],
    ['number', 1],
    ['null', null],
    ['object', { id: 'devices' }],
    ['prototype key', '__proto__'],
    ['toString', 'toString'],
  ])('rejects %s', (_name, value) => {
    expect(parseStepId(value)).toBeNull();
  });
});

describe('step order', () => {
  it.each([
    ['topology', null, 'devices'],
    ['devices', 'topology', 'options'],
    ['options', 'devices', 'review'],
    ['review', 'options', null],
  ] as const)('%s: previous %s, next %s', (id, previous, next) => {
    expect(previousStepId(id)).toBe(previous);
    expect(nextStepId(id)).toBe(next);
    expect(STEPS[stepIndex(id)]?.id).toBe(id);
  });
});
