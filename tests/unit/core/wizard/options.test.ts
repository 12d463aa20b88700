import { describe, expect, it } from 'vitest';

import { findOption } from '@/core/catalog/catalog';
import type { CatalogOption } from '@/core/catalog/model';
import { addDevice, setDeviceOption, setIntegration } from '@/core/plan/edit';
import { createDefaultPlan } from '@/core/plan/model';
import {
  describeDefault,
  devicesNeedingOptions,
  isOptionRelevant,
  optionFieldValue,
  relevantGlobalSettings,
} from '@/core/wizard/options';

import { wizardCatalog } from '../../../fixtures/catalogs';

function option(id: string): CatalogOption {
  const found = findOption(wizardCatalog, id);
  if (!found) throw new Error(id);
  return found;
}

describe('devicesNeedingOptions', () => {
  it('is empty without devices, and for devices whose environment reads no option', () => {
    expect(devicesNeedingOptions(createDefaultPlan(), wizardCatalog)).toEqual([]);
    const plan = addDevice(createDefaultPlan(), 'entra-id', 'Tenant').plan;
    expect(devicesNeedingOptions(plan, wizardCatalog)).toEqual([]);
  });

  it('lists each device with its environment options, in catalog option order', () => {
    let plan = addDevice(createDefaultPlan(), 'netapp-cmode', 'Filer').plan;
    plan = addDevice(plan, 'qumulo', 'Q').plan;
    plan = addDevice(plan, 'entra-id', 'T').plan;
    const views = devicesNeedingOptions(plan, wizardCatalog);
    expect(views.map((v) => [v.device.name, v.options.map((o) => o.id)])).toEqual([
      ['Filer', ['ontapiProtocol', 'fpolicyPort']],
      ['Q', ['qumuloPort']],
    ]);
  });

  it('leaves out devices not available in the version', () => {
    const plan = addDevice({ ...createDefaultPlan(), amVersion: '8.0' }, 'azure-files', 'F').plan;
    expect(devicesNeedingOptions(plan, wizardCatalog)).toEqual([]);
  });
});

describe('option values and defaults', () => {
  const plan = addDevice(createDefaultPlan(), 'dell-unity', 'Unity').plan;
  const device = plan.devices[0]!;

  it.each([
    ['ontapiProtocol', 'HTTPS (443)'],
    ['qumuloPort', '4496'],
    ['ceeAddress', 'not set'],
    ['isilonAutoConfig', 'off'],
  ])('default of %s reads "%s"', (id, text) => {
    expect(describeDefault(option(id), wizardCatalog)).toBe(text);
  });

  it('shows the device value as typed, else the default (port options: the setting default)', () => {
    expect(optionFieldValue(device, option('qumuloPort'), wizardCatalog)).toBe('4496');
    const changed = setDeviceOption(plan, device.id, 'ceePlacement', 'separate').devices[0]!;
    expect(optionFieldValue(changed, option('ceePlacement'), wizardCatalog)).toBe('separate');
    const typed = setDeviceOption(plan, device.id, 'qumuloPort', '70000').devices[0]!;
    expect(optionFieldValue(typed, option('qumuloPort'), wizardCatalog)).toBe('70000');
  });

  it('asks for the CEE address and delivery only when the CEE is a separate server', () => {
    expect(isOptionRelevant(plan, device, option('ceeAddress'), wizardCatalog)).toBe(false);
    expect(isOptionRelevant(plan, device, option('ceeDelivery'), wizardCatalog)).toBe(false);
    expect(isOptionRelevant(plan, device, option('ceePlacement'), wizardCatalog)).toBe(true);
    const separatePlan = setDeviceOption(plan, device.id, 'ceePlacement', 'separate');
    const separate = separatePlan.devices[0]!;
    expect(isOptionRelevant(separatePlan, separate, option('ceeAddress'), wizardCatalog)).toBe(
      true,
    );
  });

  it('keeps the dependent fields shown while the option they depend on is invalid', () => {
    const badPlan = setDeviceOption(plan, device.id, 'ceePlacement', 'moon');
    const bad = badPlan.devices[0]!;
    expect(isOptionRelevant(badPlan, bad, option('ceeAddress'), wizardCatalog)).toBe(true);
  });
});

describe('relevantGlobalSettings', () => {
  const ids = (plan: ReturnType<typeof createDefaultPlan>) =>
    relevantGlobalSettings(plan, wizardCatalog).map((s) => s.id);

  it('always shows the agent port first', () => {
    expect(ids(createDefaultPlan())).toEqual(['agentPort']);
  });

  it('adds settings of ticked devices and enabled integrations, never the SIEM port', () => {
    let plan = addDevice(createDefaultPlan(), 'dell-unity', 'U').plan;
    expect(ids(plan)).toEqual(['agentPort', 'ceeHttpPort']);
    plan = setIntegration(plan, 'threatManager', { enabled: true });
    plan = setIntegration(plan, 'siem', { enabled: true });
    expect(ids(plan)).toEqual(['agentPort', 'ceeHttpPort', 'tmAmqpPort']);
  });
});
