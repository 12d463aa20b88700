import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { AM_VERSIONS } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';
import { unavailableDevices } from '@/core/wizard/devices';
import { integrationsUnavailable } from '@/core/wizard/plan-host-roles';
import {
  hasLosses,
  switchVersionRemoving,
  versionSwitchLosses,
} from '@/core/wizard/version-switch';

import { deviceEnvironmentIds, makeDevice, planWith } from '../../../support/plan-builders';

const catalog = getCatalog();

function plan10(): Plan {
  const base = planWith({
    amVersion: '10.0',
    devices: [
      makeDevice('ctera', 1, { name: 'CTERA' }),
      makeDevice('qumulo', 2, { name: 'Qumulo' }),
      makeDevice('ctera', 3, { name: 'CTERA Edge' }),
      makeDevice('cohesity', 4, { name: 'Cohesity' }),
    ],
  });
  return {
    ...base,
    integrations: {
      ...base.integrations,
      accessAnalyzer: { ...base.integrations.accessAnalyzer, enabled: true, edition: 'aa26' },
    },
  };
}

describe('versionSwitchLosses', () => {
  it('lists every device and integration the target version does not have', () => {
    const losses = versionSwitchLosses(plan10(), catalog, '7.1');
    expect(losses.devices.map((d) => d.name)).toEqual(['CTERA', 'CTERA Edge', 'Cohesity']);
    expect(losses.integrations.map((e) => e.name)).toEqual(['Access Analyzer 26']);
    expect(hasLosses(losses)).toBe(true);
  });

  it('is empty when the target has everything, or when the version stays', () => {
    expect(hasLosses(versionSwitchLosses(plan10(), catalog, '10.0'))).toBe(false);
    const plain = planWith({ devices: [makeDevice('qumulo', 1)] });
    expect(hasLosses(versionSwitchLosses(plain, catalog, '7.1'))).toBe(false);
  });

  it('does not count again what the current version already leaves out', () => {
    const plan = { ...plan10(), amVersion: '8.0' as const };
    // Cohesity (10.0 only) and Access Analyzer 26 are already out in 8.0; CTERA is in 8.0.
    const losses = versionSwitchLosses(plan, catalog, '7.1');
    expect(losses.devices.map((d) => d.name)).toEqual(['CTERA', 'CTERA Edge']);
    expect(losses.integrations).toEqual([]);
  });
});

describe('switchVersionRemoving', () => {
  it('switches and removes the affected devices and integrations in one plan', () => {
    const next = switchVersionRemoving(plan10(), catalog, '7.1');
    expect(next.amVersion).toBe('7.1');
    expect(next.devices.map((d) => d.name)).toEqual(['Qumulo']);
    expect(next.integrations.accessAnalyzer.enabled).toBe(false);
    expect(unavailableDevices(next, catalog)).toEqual([]);
    expect(integrationsUnavailable(next, catalog)).toEqual([]);
  });

  it('for any devices and versions: nothing newly unavailable, everything else kept', () => {
    const ids = deviceEnvironmentIds(catalog);
    fc.assert(
      fc.property(
        fc.constantFrom(...AM_VERSIONS),
        fc.constantFrom(...AM_VERSIONS),
        fc.array(fc.constantFrom(...ids), { maxLength: 12 }),
        fc.boolean(),
        (from, to, environments, aa26) => {
          const base = planWith({
            amVersion: from,
            devices: environments.map((e, i) => makeDevice(e, i + 1)),
          });
          const plan: Plan = {
            ...base,
            integrations: {
              ...base.integrations,
              accessAnalyzer: {
                ...base.integrations.accessAnalyzer,
                enabled: true,
                edition: aa26 ? 'aa26' : 'classic',
              },
            },
          };
          const losses = versionSwitchLosses(plan, catalog, to);
          const next = switchVersionRemoving(plan, catalog, to);
          const lost = new Set(losses.devices.map((d) => d.id));
          expect(next.devices).toEqual(plan.devices.filter((d) => !lost.has(d.id)));
          expect(hasLosses(versionSwitchLosses(next, catalog, to))).toBe(false);
          // Left out after the switch: only what the old version already left out.
          const staleBefore = new Set(unavailableDevices(plan, catalog).map((d) => d.id));
          for (const device of unavailableDevices(next, catalog))
            expect(staleBefore.has(device.id)).toBe(true);
        },
      ),
    );
  });
});
