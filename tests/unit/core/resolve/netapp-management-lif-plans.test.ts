/**
 * Plans saved before the ONTAP management LIF existed (catalog 2026.11.3 and older) keep opening
 * and resolving (review 2 P3, M9; E32). Device options are a free map in plan files and links, so
 * the new options need no plan format change: a plan without them reads their defaults.
 * Fixture: tests/fixtures/plans/v2.am-firewall-plan.json (never edited), whose first device is a
 * NetApp Cluster-Mode SVM (data LIFs 10.20.30.40, 10.20.30.41; ONTAPI both; FPolicy 9998).
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { OptionValue } from '@/core/catalog/model';
import { parsePlanFile, serializePlanFile } from '@/core/exporters/plan-file';
import { decodePlan, encodePlan } from '@/core/permalink/codec';
import type { Plan } from '@/core/plan/model';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { checkCodes, flows } from './summarize';

const catalog = getCatalog();
const text = readFileSync(
  new URL('../../../fixtures/plans/v2.am-firewall-plan.json', import.meta.url),
  'utf8',
);
const AGENT = 'Agent server 2@am-agent02.corp.contoso.com';
const DATA = 'NetApp SVM nyc-svm01@10.20.30.40 + NetApp SVM nyc-svm01@10.20.30.41';
const M = 'ONTAP management LIF for NetApp SVM nyc-svm01';
const FIELD = 'devices.0.options.ontapManagementAddress';

function openFixture(): Plan {
  const opened = parsePlanFile(text, catalog.version);
  if (!opened.ok) throw new Error('the v2 fixture no longer opens');
  return opened.plan;
}

function withSvmOptions(plan: Plan, options: Record<string, OptionValue>): Plan {
  return {
    ...plan,
    devices: plan.devices.map((d, i) =>
      i === 0 ? { ...d, options: { ...d.options, ...options } } : d,
    ),
  };
}

/** The SVM's flows: the ONTAP API (80/443) and FPolicy (9998). */
function svmFlows(plan: Plan): string[] {
  return flows(resolvePlan(plan, catalog)).filter((f) => / TCP (80|443|9998)$/.test(f));
}

describe('an old plan with a NetApp Cluster-Mode device (review 2 P3, M9; E32)', () => {
  it('opens as saved: no option is added or dropped', () => {
    const plan = openFixture();
    expect(plan.devices[0]?.environment).toBe('netapp-cmode');
    expect(plan.devices[0]?.options).toEqual({ ontapiProtocol: 'both', fpolicyPort: '9998' });
  });

  it('resolves: the API to the management LIF it asks for, FPolicy from the data LIFs', () => {
    const plan = openFixture();
    const result = resolvePlan(plan, catalog);
    expect(svmFlows(plan)).toEqual([
      `${AGENT} -> ${M}@<ONTAP management LIF> TCP 80`,
      `${AGENT} -> ${M}@<ONTAP management LIF> TCP 443`,
      `${DATA} -> ${AGENT} TCP 9998`,
    ]);
    expect(checkCodes(result)).toContain(`ontap-management-lif-address-missing@${FIELD}`);
    const check = result.checks.find((c) => c.field === FIELD);
    expect(check?.severity).toBe('error');
    expect(check?.message).toContain('NetApp SVM nyc-svm01');
  });

  it('"the SVM\'s data LIFs" gives the rules of catalog 2026.11.3', () => {
    const plan = withSvmOptions(openFixture(), { ontapApiTarget: 'data-lifs' });
    expect(svmFlows(plan)).toEqual([
      `${AGENT} -> ${DATA} TCP 80`,
      `${AGENT} -> ${DATA} TCP 443`,
      `${DATA} -> ${AGENT} TCP 9998`,
    ]);
    expect(checkCodes(resolvePlan(plan, catalog)).filter((c) => c.includes(FIELD))).toEqual([]);
  });

  it('with a management LIF, survives the plan file and the permalink unchanged', () => {
    const plan = withSvmOptions(openFixture(), {
      ontapApiTarget: 'management',
      ontapManagementAddress: '10.20.30.5',
    });
    expect(svmFlows(plan)).toEqual([
      `${AGENT} -> ${M}@10.20.30.5 TCP 80`,
      `${AGENT} -> ${M}@10.20.30.5 TCP 443`,
      `${DATA} -> ${AGENT} TCP 9998`,
    ]);
    const reopened = parsePlanFile(
      serializePlanFile(plan, {
        catalogVersion: catalog.version,
        docsRevision: 'netwrix/docs@a8b312c3',
      }),
      catalog.version,
    );
    expect(reopened.ok && reopened.plan).toEqual(plan);
    const link = decodePlan(encodePlan(plan, { catalogVersion: catalog.version }), {
      catalogVersion: catalog.version,
    });
    expect(link.ok && link.plan).toEqual(plan);
  });
});
