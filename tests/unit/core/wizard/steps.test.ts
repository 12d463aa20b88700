import { describe, expect, it } from 'vitest';

import { createDefaultPlan } from '@/core/plan/model';
import {
  FIRST_STEP,
  nextStepId,
  parseStepId,
  previousStepId,
  problemsText,
  stepHoldingField,
  STEPS,
  stepIndex,
  stepProblems,
} from '@/core/wizard/steps';

describe('STEPS', () => {
  it('has the five agreed step ids in order', () => {
    expect(STEPS.map((s) => s.id)).toEqual(['topology', 'devices', 'options', 'network', 'review']);
    expect(FIRST_STEP).toBe('topology');
    // The titles as the user sees them (the e2e journey reads them from STEPS).
    expect(STEPS.map((s) => s.title)).toEqual([
      'Topology',
      'Devices',
      'Options',
      'Network',
      'Review & export',
    ]);
  });
});

describe('parseStepId', () => {
  it.each(['topology', 'devices', 'options', 'network', 'review'])('accepts %s', (id) => {
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
    ['options', 'devices', 'network'],
    ['network', 'options', 'review'],
    ['review', 'network', null],
  ] as const)('%s: previous %s, next %s', (id, previous, next) => {
    expect(previousStepId(id)).toBe(previous);
    expect(nextStepId(id)).toBe(next);
    expect(STEPS[stepIndex(id)]?.id).toBe(id);
  });
});

describe('stepHoldingField ("Go to field")', () => {
  const patterns = STEPS.flatMap((step) =>
    step.fields.map((pattern) => [pattern, step.id] as const),
  );

  it.each(patterns)('%s and the fields under it are on %s', (pattern, id) => {
    const path = pattern.replace(/\*/g, '7');
    expect(stepHoldingField(path)).toBe(id);
    expect(stepHoldingField(`${path}.x.0`)).toBe(id);
  });

  it('the longest pattern wins: a device option is on Options, the device itself on Devices', () => {
    expect(stepHoldingField('devices.7.options.ceeAddress')).toBe('options');
    expect(stepHoldingField('devices.7.agentId')).toBe('devices');
  });

  it('the network zones, firewalls, hand-chosen zones and paths are on Network', () => {
    for (const field of [
      'network.zones.1.cidrs.0',
      'network.zones.0.name',
      'network.firewalls.2.interfaces.1',
      'network.assignments.4',
      'network.preferredPaths.0',
      'network.preferredPaths',
    ]) {
      expect(stepHoldingField(field), field).toBe('network');
    }
  });

  it('the review holds no field; a field no step names goes to the first step', () => {
    expect(STEPS.find((s) => s.id === 'review')?.fields).toEqual([]);
    expect(stepHoldingField('nothing.here')).toBe(FIRST_STEP);
    expect(stepHoldingField('')).toBe(FIRST_STEP);
  });

  it('every part of a plan (but its format version) is held by a step that names it', () => {
    const named = new Set(STEPS.flatMap((s) => s.fields.map((p) => p.split('.')[0])));
    const parts = Object.keys(createDefaultPlan()).filter((k) => k !== 'schemaVersion');
    expect(parts.filter((k) => !named.has(k))).toEqual([]);
  });
});

describe('stepProblems', () => {
  it('counts errors and warnings on the step holding each field; notes are not problems', () => {
    const counts = stepProblems([
      { severity: 'error', field: 'agents.0.address' },
      { severity: 'error', field: 'name' },
      { severity: 'warning', field: 'console.address' },
      { severity: 'warning', field: 'devices.1.addresses' },
      { severity: 'info', field: 'devices.1.addresses.0' },
      { severity: 'error', field: 'devices.0.options.fpolicyPort' },
    ]);
    expect(counts).toEqual({
      topology: { errors: 2, warnings: 1 },
      devices: { errors: 0, warnings: 1 },
      options: { errors: 1, warnings: 0 },
      network: { errors: 0, warnings: 0 },
      review: { errors: 0, warnings: 0 },
    });
  });

  it('writes the counts in words', () => {
    expect(problemsText({ errors: 0, warnings: 0 })).toBe('');
    expect(problemsText({ errors: 1, warnings: 0 })).toBe('1 error');
    expect(problemsText({ errors: 2, warnings: 1 })).toBe('2 errors, 1 warning');
    expect(problemsText({ errors: 0, warnings: 3 })).toBe('3 warnings');
  });
});
