/**
 * Issue 13, "Done when": a plan from a previous format opens and gets the catalog's new rules.
 * Every past fixture (plan files and links of formats 1 and 2, never edited) is opened through
 * the real migrations and resolved with the bundled catalog; the flows of catalog review 2 that
 * its settings switch on are there, and the cloud flows reach concrete FQDNs with the tenant the
 * old file typed on its device (lifted to the plan's tenant by the format-3 migration).
 * Most review-2 flows are inferred, and some fixtures hide inferred rules
 * (settings.showInferred false): the tests show them, as a user would to see the new flows.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { parsePlanFile } from '@/core/exporters/plan-file';
import { decodePlan } from '@/core/permalink/codec';
import type { Plan } from '@/core/plan/model';
import { PLAN_SCHEMA_VERSION } from '@/core/plan/model';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { flows, ruleIds } from './summarize';

const catalog = getCatalog();
const read = (path: string) =>
  readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');

/** The plan with inferred rules shown. */
function showingInferred(plan: Plan): Plan {
  return { ...plan, settings: { ...plan.settings, showInferred: true } };
}

function openFile(name: string): Plan {
  const opened = parsePlanFile(read(`plans/${name}`), catalog.version);
  if (!opened.ok) throw new Error(`${name} no longer opens`);
  return showingInferred(opened.plan);
}

function openLink(name: string): Plan {
  const opened = decodePlan(read(`permalinks/${name}`).trim());
  if (!opened.ok) throw new Error(`${name} no longer opens`);
  return showingInferred(opened.plan);
}

const PAST: [string, () => Plan][] = [
  ['plan file v1', () => openFile('v1.am-firewall-plan.json')],
  ['plan file v1 with deployment', () => openFile('v1-with-deployment.am-firewall-plan.json')],
  ['plan file v2', () => openFile('v2.am-firewall-plan.json')],
  ['link v1', () => openLink('v1.txt')],
  ['link v1 with deployment', () => openLink('v1-deployment.txt')],
  ['link v2', () => openLink('v2.txt')],
];

describe('past plans get the new rules', () => {
  it.each(PAST)('%s: the tenant typed on the device reaches concrete FQDNs', (_name, open) => {
    const plan = open();
    expect(plan.schemaVersion).toBe(PLAN_SCHEMA_VERSION);
    const resolution = resolvePlan(plan, catalog);
    const cloudHosts = resolution.rules.flatMap((r) => r.destination.hosts.filter((h) => h.cloud));
    const addresses = new Set(cloudHosts.map((h) => h.address));
    // Entra ID: sign-in and Graph (the review-2 cloud destinations), never the tenant's name.
    expect(addresses).toContain('login.microsoftonline.com');
    expect(addresses).toContain('graph.microsoft.com');
    expect(addresses).not.toContain(plan.microsoftTenant);
    expect(cloudHosts.every((h) => !h.invalid && h.address !== '')).toBe(true);
    expect(resolution.checks.map((c) => c.field)).not.toContain('microsoftTenant');
  });

  it.each(PAST)(
    '%s: the agent services are off, as before; switched on, their flows come',
    (_name, open) => {
      const plan = open();
      const before = ruleIds(resolvePlan(plan, catalog));
      for (const id of before) expect(id).not.toMatch(/^agent-services-/);
      const withDns: Plan = {
        ...plan,
        agentServices: {
          ...plan.agentServices,
          dns: { enabled: true, addresses: ['10.0.0.53'] },
        },
      };
      const after = resolvePlan(withDns, catalog);
      expect(ruleIds(after)).toEqual(
        expect.arrayContaining(['agent-services-agent-dns-udp', 'agent-services-agent-dns-tcp']),
      );
      expect(flows(after).filter((f) => f.includes('@10.0.0.53 UDP 53'))).not.toEqual([]);
    },
  );

  it('plan file v2 (9.0, Access Analyzer through the API server, logs archived, a proxy): gets M2, M3 and the proxy egress to the FQDNs', () => {
    const plan = openFile('v2.am-firewall-plan.json');
    const resolution = resolvePlan(plan, catalog);
    const ids = ruleIds(resolution);
    // M2: Access Analyzer reads the archive share over SMB.
    expect(ids).toContain('aa-archive-smb');
    expect(flows(resolution)).toContain(
      'Access Analyzer@nea.corp.contoso.com -> Archive NAS@10.20.50.5 TCP 445',
    );
    // M3 (9.0 and 10.0): the API server on the Windows agents reaches the other agents on the
    // agent port of the plan (4499).
    const api = resolution.rules.filter((r) =>
      r.reasons.some((x) => x.ruleId === 'aa-apiserver-agent'),
    );
    expect(api.map((r) => r.portsText)).toEqual(api.map(() => '4499'));
    const labels = (hosts: readonly { label: string }[]) => hosts.map((h) => h.label).sort();
    expect([...new Set(api.flatMap((r) => labels(r.source.hosts)))]).toEqual([
      'Agent NYC ü',
      'Agent server 2',
    ]);
    expect([...new Set(api.flatMap((r) => labels(r.destination.hosts)))]).toEqual([
      'Agent NYC ü',
      'Agent server 2',
    ]);
    // Cloud through the proxy: agents -> proxy on 3128, proxy -> the FQDNs on 443.
    const egress = resolution.rules.find((r) =>
      r.reasons.some((x) => x.ruleId === 'deploy-proxy-cloud-https'),
    );
    expect(egress?.destination.hosts.map((h) => h.address)).toEqual(
      expect.arrayContaining(['login.microsoftonline.com', 'graph.microsoft.com']),
    );
    expect(egress?.portsText).toBe('443');
    // With inferred rules hidden (as this file saved them), the proxy egress is hidden too, and
    // the agents' rule to the proxy still names the FQDNs it forwards.
    const hidden = resolvePlan(
      { ...plan, settings: { ...plan.settings, showInferred: false } },
      catalog,
    );
    const toProxy = hidden.rules.find((r) =>
      r.reasons.some((x) => x.ruleId === 'entra-id-agent-cloud'),
    );
    expect(toProxy?.portsText).toBe('3128');
    expect(toProxy?.notes.join(' ')).toContain('login.microsoftonline.com, graph.microsoft.com');
  });
});
