/**
 * The review's derived data, once per plan (issue 18): the same plan gives the same object back
 * (computed once, so it can be computed ahead), another plan a new one, with the values the
 * exports and the Share section read.
 */
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { EXPORTERS } from '@/core/exporters/registry';
import { decodePlan } from '@/core/permalink/codec';
import { buildHostFacts } from '@/core/report/host-kind';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import {
  exportCoverageOf,
  exportsUnavailableOf,
  exportWarningsOf,
  hostFactsOf,
  permalinkPayloadOf,
} from '@/state/review-derived';

import { makePlan } from '../../support/plan-builders';

const DERIVED = {
  exportCoverageOf,
  exportsUnavailableOf,
  exportWarningsOf,
  hostFactsOf,
  permalinkPayloadOf,
};

describe('review data per plan', () => {
  it.each(Object.entries(DERIVED))(
    '%s: the same plan, the same value; another plan, its own',
    (_name, of) => {
      const plan = makePlan({ agents: 2, devices: 6, integrations: true });
      const first = of(plan);
      expect(of(plan)).toBe(first);
      const other = { ...plan, name: 'Other' };
      const second = of(other);
      expect(of(other)).toBe(second);
      if (typeof first === 'object') expect(second).not.toBe(first);
    },
  );

  it('holds what the exports and the link read', () => {
    const plan = makePlan({ agents: 2, devices: 23, integrations: true });
    const hosts = buildHostFacts(resolvePlan(plan, getCatalog()), plan, getCatalog());
    expect(hostFactsOf(plan)).toEqual(hosts);
    for (const e of EXPORTERS) {
      expect(exportsUnavailableOf(plan).get(e.id)).toBe(e.unavailable?.(hosts));
    }
    const decoded = decodePlan(permalinkPayloadOf(plan));
    expect(decoded.ok && decoded.plan.devices.length).toBe(23);
  });
});
