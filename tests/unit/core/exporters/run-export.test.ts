import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { PERMALINK_TOO_LARGE, permalinkAt, planPermalink } from '@/core/exporters/export-permalink';
import { EXPORTERS } from '@/core/exporters/registry';
import { runExport } from '@/core/exporters/run-export';
import { encodePlan } from '@/core/permalink/codec';
import { buildReport } from '@/core/report/build-report';
import { reportForHost } from '@/core/report/host-report';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { makePlan } from '../../../support/plan-builders';

const APP = 'https://planner.example.com/';
const BASE = `${APP}#/open/`;
const DATE = '2026-12-01T09:30:00.000Z';

function plan() {
  return makePlan({ agents: 2, devices: 6, catalog: getCatalog(), integrations: true });
}

/** What the page made before exports moved to a worker: report, then render. */
function direct(p: ReturnType<typeof plan>) {
  const catalog = getCatalog();
  return buildReport({
    plan: p,
    resolution: resolvePlan(p, catalog),
    catalog,
    permalink: `${BASE}${encodePlan(p, { catalogVersion: catalog.version })}`,
    generatedAt: new Date(DATE),
  });
}

const asText = (x: string | Uint8Array) =>
  typeof x === 'string' ? x : new TextDecoder().decode(x);

describe('runExport (what the export worker runs)', () => {
  it.each(EXPORTERS.map((e) => [e.id]))(
    "%s: the same output and file name as rendering the plan's report directly",
    async (id) => {
      const p = plan();
      const exporter = EXPORTERS.find((e) => e.id === id);
      const report = direct(p);
      const expected = await exporter!.render(report);
      const result = await runExport({
        exporterId: id,
        plan: p,
        appUrl: APP,
        generatedAt: DATE,
      });
      expect(asText(result.output)).toBe(asText(expected));
      expect(result.fileName).toBe(exporter!.fileName(report));
      expect(result.mimeType).toBe(exporter!.mimeType);
      expect(result.rows).toBe(report.rows.length);
    },
  );

  it('narrows a host download to the host, named after it', async () => {
    const p = plan();
    const report = direct(p);
    const host = report.hosts.find((h) => h.os === 'windows' && h.kind === 'host');
    expect(host).toBeDefined();
    const exporter = EXPORTERS.find((e) => e.id === 'powershell')!;
    const result = await runExport({
      exporterId: 'powershell',
      plan: p,
      appUrl: APP,
      generatedAt: DATE,
      host: { identity: host!.identity, label: 'Agent NYC' },
    });
    expect(result.output).toBe(await exporter.render(reportForHost(report, host!.identity)!));
    expect(result.fileName).toMatch(/-agent-nyc\.ps1$/);
  });

  it('reports progress from 0 to 1, in order', async () => {
    const seen: number[] = [];
    await runExport(
      { exporterId: 'pdf', plan: plan(), appUrl: APP, generatedAt: DATE },
      { progress: (f) => seen.push(f) },
    );
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('refuses an unknown export and a host without rules, with a message', async () => {
    const request = { plan: plan(), appUrl: APP, generatedAt: DATE };
    await expect(runExport({ ...request, exporterId: 'nope' })).rejects.toThrow(
      'no export named "nope"',
    );
    await expect(
      runExport({
        ...request,
        exporterId: 'csv',
        host: { identity: 'gone', label: 'Gone' },
      }),
    ).rejects.toThrow('this host has no rules in the plan any more');
  });

  it('writes a note instead of a link for a plan too large for one', () => {
    const huge = makePlan({ agents: 50, devices: 2000, catalog: getCatalog() });
    const link = (p: ReturnType<typeof plan>) =>
      planPermalink(p, getCatalog(), (payload) => permalinkAt(APP, payload));
    expect(link(huge)).toBe(PERMALINK_TOO_LARGE);
    expect(link(plan()).startsWith(BASE)).toBe(true);
  });
});

describe('runExport for one network firewall ("By firewall")', () => {
  /** The plan's hosts in one zone behind a PAN-OS core, and an ASA that no flow crosses. */
  function zoned() {
    const p = plan();
    return {
      ...p,
      network: {
        zones: [
          { id: 'lan', name: 'LAN', cidrs: ['0.0.0.0/1'] },
          { id: 'rest', name: 'Rest', cidrs: ['128.0.0.0/1'] },
        ],
        firewalls: [
          {
            id: 'core',
            name: 'Core',
            kind: 'panos' as const,
            interfaces: [
              { id: 'c1', name: 'ethernet1/1', zones: ['lan'] },
              { id: 'c2', name: 'ethernet1/2', zones: ['rest'] },
            ],
          },
          {
            id: 'edge',
            name: 'Edge',
            kind: 'asa' as const,
            interfaces: [
              { id: 'e1', name: 'inside', zones: ['rest'] },
              { id: 'e2', name: 'outside', zones: ['internet'] },
            ],
          },
        ],
        assignments: [],
        preferredPaths: [],
      },
    };
  }

  it.each(['panos', 'fortios', 'asa'])(
    '%s: writes only that firewall, names the file after it',
    async (id) => {
      const result = await runExport({
        exporterId: id,
        plan: zoned(),
        appUrl: APP,
        generatedAt: DATE,
        firewall: { id: 'edge', name: 'Edge' },
      });
      const text = asText(result.output);
      expect(text).toContain('==== Firewall Edge (Cisco ASA)');
      expect(text).not.toContain('==== Firewall Core');
      expect(result.fileName).toMatch(/-edge\.(txt|conf)$/);
    },
  );

  it('refuses a firewall that is no longer in the network', async () => {
    await expect(
      runExport({
        exporterId: 'panos',
        plan: zoned(),
        appUrl: APP,
        generatedAt: DATE,
        firewall: { id: 'gone', name: 'Gone' },
      }),
    ).rejects.toThrow('no longer in the plan');
  });

  it('the plan-wide PAN-OS file covers the PAN-OS firewall, and its button says so', async () => {
    const p = zoned();
    const result = await runExport({
      exporterId: 'panos',
      plan: p,
      appUrl: APP,
      generatedAt: DATE,
    });
    expect(asText(result.output)).toContain('# Firewalls: Core (PAN-OS);');
    const panos = EXPORTERS.find((e) => e.id === 'panos');
    expect(panos?.coverage?.(p)).toContain('firewall “Core” (the plan');
    expect(EXPORTERS.find((e) => e.id === 'fortios')?.coverage?.(p)).toContain(
      'no FortiOS firewall',
    );
    expect(panos?.coverage?.(plan())).toBeUndefined();
  });
});
