import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { addDevice } from '@/core/plan/edit';
import type { Plan } from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';
import {
  deviceEnvironments,
  groupEnvironments,
  matchesQuery,
  newDeviceName,
  unavailableDevices,
} from '@/core/wizard/devices';

import { wizardCatalog, wizardEnvironment } from '../../../fixtures/catalogs';

describe('deviceEnvironments', () => {
  it('offers device groups only (no core, no integration)', () => {
    const ids = deviceEnvironments(wizardCatalog, '10.0').map((e) => e.id);
    expect(ids).toEqual([
      'qumulo',
      'netapp-cmode',
      'dell-unity',
      'entra-id',
      'azure-files',
      'sql-server',
      'linux',
    ]);
  });

  it('leaves out environments the version does not support', () => {
    const ids = deviceEnvironments(wizardCatalog, '8.0').map((e) => e.id);
    expect(ids).not.toContain('azure-files');
    expect(ids).toContain('entra-id');
  });

  it('offers the real catalog devices by their vendor names', () => {
    const names = deviceEnvironments(getCatalog(), '10.0').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Qumulo', 'Microsoft Entra ID']));
    expect(names).not.toContain('Activity Monitor Console and agents');
  });
});

describe('groupEnvironments', () => {
  const all = deviceEnvironments(wizardCatalog, '10.0');

  it('groups in the wizard order with labels, dropping empty groups', () => {
    const groups = groupEnvironments(all);
    expect(groups.map((g) => g.group)).toEqual([
      'nas',
      'microsoft-cloud',
      'database',
      'agent-host',
    ]);
    expect(groups[0]?.label).toBe('NAS and file storage');
    expect(groupEnvironments(all, 'qumulo').map((g) => g.group)).toEqual(['nas']);
  });

  it('finds nothing for a query that matches nothing', () => {
    expect(groupEnvironments(all, 'zzz')).toEqual([]);
  });
});

describe('matchesQuery', () => {
  const entra = wizardEnvironment({
    id: 'entra-id',
    group: 'microsoft-cloud',
    name: 'Microsoft Entra ID',
    aliases: ['Azure AD'],
  });

  it.each([
    ['', true],
    ['   ', true],
    ['entra', true],
    ['ENTRA', true],
    ['azure ad', true],
    ['microsoft id', true],
    ['netapp', false],
    ['entra netapp', false],
  ])('"%s" -> %s', (query, expected) => {
    expect(matchesQuery(entra, query)).toBe(expected);
  });

  it('ignores accents', () => {
    expect(matchesQuery(entra, 'Éntra')).toBe(true);
  });
});

describe('newDeviceName', () => {
  it('uses the environment name, numbered when taken', () => {
    const qumulo = wizardEnvironment({ id: 'qumulo', group: 'nas', name: 'Qumulo' });
    let plan = createDefaultPlan();
    expect(newDeviceName(plan, qumulo)).toBe('Qumulo');
    plan = addDevice(plan, 'qumulo', 'Qumulo').plan;
    expect(newDeviceName(plan, qumulo)).toBe('Qumulo 2');
    plan = addDevice(plan, 'qumulo', 'Qumulo 2').plan;
    expect(newDeviceName(plan, qumulo)).toBe('Qumulo 3');
  });
});

describe('unavailableDevices', () => {
  it('lists devices of unknown environments or of another version', () => {
    let plan: Plan = { ...createDefaultPlan(), amVersion: '8.0' };
    plan = addDevice(plan, 'azure-files', 'Files').plan;
    plan = addDevice(plan, 'qumulo', 'Q').plan;
    plan = addDevice(plan, 'gone', 'Old').plan;
    expect(unavailableDevices(plan, wizardCatalog).map((d) => d.name)).toEqual(['Files', 'Old']);
  });
});
