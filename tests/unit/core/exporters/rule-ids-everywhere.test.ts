/**
 * Issue 14, "Stable rule IDs": the same ID names a rule in the review's resolution, every sheet
 * and every script, so a ticket line, a PDF row and a script rule can be matched.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { renderConnectivityCheck } from '@/core/exporters/connectivity-check-exporter';
import { renderCsv } from '@/core/exporters/csv-exporter';
import { renderFirewalld } from '@/core/exporters/firewalld-exporter';
import { renderImportCsv } from '@/core/exporters/import-csv-exporter';
import { renderMarkdown } from '@/core/exporters/markdown-exporter';
import { renderPdf } from '@/core/exporters/pdf-exporter';
import { renderPowerShell } from '@/core/exporters/powershell-exporter';
import { renderTableHtml, renderTsv } from '@/core/exporters/tsv-exporter';
import { renderXlsx } from '@/core/exporters/xlsx-exporter';
import { buildReport } from '@/core/report/build-report';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { makeDevice, makePlan } from '../../../support/plan-builders';

const catalog = getCatalog();
const plan = makePlan({ agents: 2, devices: 24, catalog, integrations: true });
plan.devices.push(makeDevice('linux', 90, { agentId: '' }));
const resolution = resolvePlan(plan, catalog);
const report = buildReport({
  plan,
  resolution,
  catalog,
  permalink: 'https://x.example/#/open/3.a.b',
});
const ids = resolution.rules.map((r) => r.id);

/** The rule IDs a text names as "Rule Rnn". */
function namedIds(text: string): Set<string> {
  return new Set([...text.matchAll(/Rule (R\d{2,})\b/g)].map((m) => m[1] as string));
}

describe('rule IDs in every output', () => {
  it('numbers the rules R01, R02, ... in their order, once each', () => {
    expect(ids.length).toBeGreaterThan(20);
    expect(ids[0]).toBe('R01');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['CSV', renderCsv],
    ['Markdown', renderMarkdown],
    ['copy table (text)', renderTsv],
    ['copy table (HTML)', renderTableHtml],
  ])('the %s sheet carries every rule ID, in order', (_name, render) => {
    const text = render(report);
    const positions = ids.map((id) => text.indexOf(id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('the import CSV and the XLSX Rules sheet give every ready rule with a flow its ID, in order', async () => {
    // A rule is in the import files when it is ready and has at least one flow.
    const expected = ids.filter((id) => report.flows.flows.some((f) => f.ruleId === id));
    expect(expected.length).toBeGreaterThan(20);
    const firstColumn = (rows: readonly (readonly unknown[])[]) => [
      ...new Set(rows.slice(1).map((row) => String(row[0]))),
    ];
    const csv = renderImportCsv(report)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(firstColumn(csv)).toEqual(expected);
    const [rules] = await readXlsxFile(Buffer.from(await renderXlsx(report)));
    expect(firstColumn(rules?.data ?? [])).toEqual(expected);
  });

  it('the PDF carries every rule ID (read back with pdftotext)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rule-ids-'));
    const file = join(dir, 'plan.pdf');
    writeFileSync(file, await renderPdf(report));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const id of ids) expect(text).toContain(id);
  });

  it.each([
    ['PowerShell', renderPowerShell(report), (os: string) => os === 'windows'],
    ['firewalld', renderFirewalld(report), (os: string) => os === 'linux'],
  ])('the %s script names every ready inbound rule of its hosts by its ID', (_n, text, ofOs) => {
    const named = namedIds(text);
    const expected = report.hosts
      .filter((h) => h.kind === 'host' && ofOs(h.os))
      .flatMap((h) => h.inbound.filter((r) => r.problems.length === 0).map((r) => r.ruleId));
    expect(expected.length).toBeGreaterThan(0);
    for (const id of expected) expect(named).toContain(id);
    for (const id of named) expect(ids).toContain(id);
  });

  it('the connectivity check names its flows by rule ID, and only real ones', () => {
    const named = namedIds(renderConnectivityCheck(report));
    expect(named.size).toBeGreaterThan(0);
    for (const id of named) expect(ids).toContain(id);
  });
});
