import { describe, expect, it } from 'vitest';

import { serializePlanFile } from '@/core/exporters/plan-file';
import { PLAN_SCHEMA_VERSION } from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';
import { choosePlanFileAction } from '@/state/open-plan-file';

import v1PlanFileText from '../../fixtures/plans/v1.am-firewall-plan.json?raw';
import { fixturePlan } from '../../fixtures/resolution-fixture';

const inProgress = { ...createDefaultPlan(), name: 'Work in progress' };

describe('choosePlanFileAction', () => {
  it('refuses a file that is not a plan file, with its errors', () => {
    const choice = choosePlanFileAction('{"hello":1}', '2026.11.3', inProgress);
    expect(choice.kind).toBe('refuse');
    expect(choice.kind === 'refuse' && choice.errors.join(' ')).toMatch(/not a plan file/);
  });

  it('opens at once when no plan is in progress, and keeps no warning for a current file', () => {
    const text = serializePlanFile(fixturePlan(), {
      catalogVersion: '2026.11.3',
      docsRevision: 'netwrix/docs@a8b312c3',
    });
    expect(choosePlanFileAction(text, '2026.11.3', createDefaultPlan())).toEqual({
      kind: 'open',
      opened: { plan: fixturePlan(), warnings: [] },
    });
  });

  it("asks before replacing a plan in progress, and carries the file's warnings", () => {
    const choice = choosePlanFileAction(v1PlanFileText, '2026.11.3', inProgress);
    expect(choice.kind).toBe('ask');
    expect(choice.kind === 'ask' && choice.opened.warnings).toEqual([
      expect.stringMatching(
        /saved with catalog "2026\.11\.0"; this planner uses catalog 2026\.11\.3/,
      ),
      `The plan was saved in plan format 1 and was updated to format ${PLAN_SCHEMA_VERSION}.`,
    ]);
  });
});
