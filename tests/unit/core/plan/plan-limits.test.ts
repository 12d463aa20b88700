/**
 * The device cap at its boundary (issue 18; docs/plan-format.md): a plan of exactly
 * PLAN_LIMITS.devices devices opens, as a file and from this browser's storage; one more is
 * refused with a message that says the limit. The file of the largest plan stays under the plan
 * file size limit.
 */
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import {
  parsePlanFile,
  PLAN_FILE_MAX_BYTES,
  planFileStamp,
  serializePlanFile,
} from '@/core/exporters/plan-file';
import { parsePlan, PLAN_LIMITS } from '@/core/plan/parse-plan';

import { makePlan } from '../../../support/plan-builders';

describe('PLAN_LIMITS.devices', () => {
  const catalog = getCatalog();
  const atCap = makePlan({ agents: 50, devices: PLAN_LIMITS.devices, catalog, integrations: true });
  const overCap = makePlan({
    agents: 50,
    devices: PLAN_LIMITS.devices + 1,
    catalog,
    integrations: true,
  });

  it('is 5,000 devices (issue 18; docs/performance.md, "Device cap")', () => {
    expect(PLAN_LIMITS.devices).toBe(5000);
  });

  it('opens a plan of exactly the cap, and its file fits the plan file limit', () => {
    expect(parsePlan(JSON.parse(JSON.stringify(atCap)))).toEqual({ ok: true, plan: atCap });
    const file = serializePlanFile(atCap, planFileStamp(catalog));
    expect(new TextEncoder().encode(file).length).toBeLessThan(PLAN_FILE_MAX_BYTES);
    expect(parsePlanFile(file, catalog.version)).toMatchObject({ ok: true });
  });

  it('refuses one device more, saying the limit', () => {
    const result = parsePlan(JSON.parse(JSON.stringify(overCap)));
    expect(result).toEqual({
      ok: false,
      errors: [`devices: at most ${PLAN_LIMITS.devices} devices`],
    });
    const file = parsePlanFile(serializePlanFile(overCap, planFileStamp(catalog)));
    expect(file.ok).toBe(false);
    if (!file.ok) expect(file.errors.join(' ')).toContain('at most 5000 devices');
  });
});
