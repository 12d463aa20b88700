import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { AmVersion, PlanHostSlot } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';
import {
  agentServerRoleName,
  integrationSourceEnvironments,
  integrationsUnavailable,
  planHostRoleName,
} from '@/core/wizard/plan-host-roles';

import { makeDevice, planWith } from '../../../support/plan-builders';

const catalog = getCatalog();

function withAccessAnalyzer(edition: 'classic' | 'aa26', amVersion: AmVersion): Plan {
  const plan = planWith({ amVersion });
  return {
    ...plan,
    integrations: {
      ...plan.integrations,
      accessAnalyzer: { ...plan.integrations.accessAnalyzer, enabled: true, edition },
    },
  };
}

describe('the names the wizard shows for the hosts the plan names once', () => {
  it.each<[PlanHostSlot, string]>([
    ['console', 'Activity Monitor Console'],
    ['siem', 'Syslog / SIEM server'],
    ['threatManager', 'Threat Manager server'],
    ['proxy', 'Network proxy'],
    ['archive', 'Archive share server'],
    ['threatPrevention', 'Threat Prevention Enterprise Manager'],
    ['dnsServers', 'DNS server'],
    ['domainControllers', 'Domain controller (AD lookups)'],
    ['smtp', 'SMTP server'],
    ['alertSyslog', 'Syslog server (inactivity alerts)'],
  ])('%s is "%s" (the catalog role of that place)', (slot, name) => {
    expect(planHostRoleName(catalog, planWith(), slot, 'fallback')).toBe(name);
  });

  it('Access Analyzer follows the edition in use', () => {
    const classic = withAccessAnalyzer('classic', '10.0');
    const aa26 = withAccessAnalyzer('aa26', '10.0');
    expect(planHostRoleName(catalog, classic, 'accessAnalyzer', 'x')).toBe(
      'Access Analyzer Console',
    );
    expect(planHostRoleName(catalog, aa26, 'accessAnalyzer', 'x')).toBe(
      'Access Analyzer 26 server',
    );
  });

  it('an agent server is the "Activity Agent Server"', () => {
    expect(agentServerRoleName(catalog, 'fallback')).toBe('Activity Agent Server');
  });
});

describe('integrations the plan uses that its version does not have', () => {
  it('names Access Analyzer 26 on 9.0, nothing on 10.0, nothing for the classic edition', () => {
    expect(
      integrationsUnavailable(withAccessAnalyzer('aa26', '9.0'), catalog).map((e) => e.name),
    ).toEqual(['Access Analyzer 26']);
    expect(integrationsUnavailable(withAccessAnalyzer('aa26', '10.0'), catalog)).toEqual([]);
    expect(integrationsUnavailable(withAccessAnalyzer('classic', '7.1'), catalog)).toEqual([]);
  });
});

describe('the agents an integration needs', () => {
  it('Threat Prevention: the NAS platforms of "NAS Device Support", and whether the plan has one', () => {
    const none = integrationSourceEnvironments(planWith(), catalog, 'threatPrevention');
    expect(none?.environments.map((e) => e.id).sort()).toEqual([
      'dell-celerra-vnx',
      'dell-isilon',
      'dell-unity',
      'hitachi-nas',
      'nasuni',
      'netapp-7mode',
      'netapp-cmode',
      'panzura',
    ]);
    expect(none?.inPlan).toBe(false);
    const qumulo = planWith({ devices: [makeDevice('qumulo', 1)] });
    expect(integrationSourceEnvironments(qumulo, catalog, 'threatPrevention')?.inPlan).toBe(false);
    const nasuni = planWith({ devices: [makeDevice('nasuni', 1)] });
    expect(integrationSourceEnvironments(nasuni, catalog, 'threatPrevention')?.inPlan).toBe(true);
  });

  it('an integration whose rules come from every agent names none', () => {
    expect(integrationSourceEnvironments(planWith(), catalog, 'siem')).toBeNull();
  });
});
