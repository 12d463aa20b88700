/** A Dell device's "CEE location" list (issue 15): agent server or one of the named CEE servers. */
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { CatalogOption } from '@/core/catalog/model';
import type { CeeServer } from '@/core/plan/model';
import { ceeLocation, isShownInsideLocation } from '@/core/wizard/cee-servers';

import { makeDevice, planWith } from '../../../support/plan-builders';

const catalog = getCatalog();
const option = (id: string): CatalogOption => catalog.options.find((o) => o.id === id)!;
const placement = option('ceePlacement');
const CEE: CeeServer[] = [
  { id: 'cee-1', name: 'CEE-01', address: '10.0.0.5', os: 'windows' },
  { id: 'cee-2', name: 'CEE-02', address: '', os: 'linux' },
];

describe('ceeLocation', () => {
  const plan = { ...planWith(), ceeServers: CEE };

  it('lists the agent server, then each CEE server by name and address', () => {
    const location = ceeLocation(plan, makeDevice('dell-unity', 1), placement, catalog);
    expect(location?.items.map((i) => [i.label, i.patch])).toEqual([
      ['On the agent server', { ceePlacement: 'agent' }],
      ['On CEE-01 (10.0.0.5)', { ceePlacement: 'separate', ceeServer: 'cee-1' }],
      ['On CEE-02', { ceePlacement: 'separate', ceeServer: 'cee-2' }],
    ]);
    // The default placement (the agent server) is the current item.
    expect(location).toMatchObject({ current: 'place:agent', problem: null });
  });

  it.each([
    ['a known CEE server', { ceePlacement: 'separate', ceeServer: 'cee-2' }, 'cee:cee-2', null],
    ['none chosen', { ceePlacement: 'separate' }, '', /Choose the CEE server/],
    ['one removed', { ceePlacement: 'separate', ceeServer: 'cee-9' }, '', /no longer in the plan/],
    [
      'the agent, keeping a CEE server for later',
      { ceePlacement: 'agent', ceeServer: 'cee-1' },
      'place:agent',
      null,
    ],
  ])('%s', (_what, options, current, problem) => {
    const location = ceeLocation(
      plan,
      makeDevice('dell-unity', 1, { options }),
      placement,
      catalog,
    );
    expect(location?.current).toBe(current);
    if (problem === null) expect(location?.problem).toBeNull();
    else expect(location?.problem).toMatch(problem);
  });

  it('says to add a CEE server on the Topology step when the plan has none', () => {
    const device = makeDevice('dell-unity', 1, { options: { ceePlacement: 'separate' } });
    expect(ceeLocation(planWith(), device, placement, catalog)?.problem).toMatch(/Topology step/);
  });

  it('is null for an option that gates no CEE server, and hides only the CEE server option', () => {
    expect(
      ceeLocation(plan, makeDevice('dell-unity', 1), option('ceeDelivery'), catalog),
    ).toBeNull();
    expect(
      catalog.options.filter((o) => isShownInsideLocation(o, catalog)).map((o) => o.id),
    ).toEqual(['ceeServer']);
  });
});
