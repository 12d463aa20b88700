/**
 * The PDF of a plan with network zones (issue 16): after the change request of page 1, a page of
 * zones and zone checks, then each firewall's own change request on a page of its own (read back
 * with pdftotext, one page per form feed).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { renderPdf } from '@/core/exporters/pdf-exporter';
import { buildReport } from '@/core/report/build-report';
import type { ZoneModel } from '@/core/zones/model';

import { exportCatalog } from '../../../fixtures/catalogs';
import type { FixtureNames } from '../../../fixtures/resolution-fixture';
import {
  DEFAULT_NAMES,
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
  HOSTILE_NAMES,
} from '../../../fixtures/resolution-fixture';
import { fixtureZoneModel, HOSTILE_ZONE_NAMES } from '../../../fixtures/zones-fixture';

import { loadFontsFromDisk } from './pdf-test-fonts';

function report(names: FixtureNames, zones: ZoneModel) {
  return buildReport({
    plan: fixturePlan(names),
    resolution: fixtureResolution(names),
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
    zones,
  });
}

const dir = mkdtempSync(join(tmpdir(), 'amfp-pdf-fw-'));

/** The PDF's text, page by page. */
function pdfPages(bytes: Uint8Array, name: string): string[] {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
}

describe('PDF of a plan with zones', () => {
  it('gives each firewall its own change request, on its own page, after page 1', async () => {
    const pages = pdfPages(await renderPdf(report(DEFAULT_NAMES, fixtureZoneModel())), 'zoned.pdf');
    const pageOf = (text: string) => pages.findIndex((p) => p.includes(text));
    const zonesPage = pageOf('Network firewalls');
    const core = pageOf('Firewall change request: Core FW (PAN-OS)');
    const edge = pageOf('Firewall change request: Edge FW (FortiOS)');
    const appendix = pageOf('A. Provenance');
    expect(zonesPage).toBeGreaterThan(0);
    expect(pages[0]).toContain('Firewall change request');
    expect(pages[0]).not.toContain('Core FW');
    expect(core).toBeGreaterThan(zonesPage);
    expect(edge).toBeGreaterThan(core);
    expect(appendix).toBeGreaterThan(edge);
    expect(pages[zonesPage]).toContain('Zone checks');
    expect(pages[zonesPage]).toContain('svm-nyc.corp.example.com');

    const corePage = pages[core] ?? '';
    expect(corePage).toContain('8 rules on Core FW for Contoso HQ');
    for (const text of ['AM-001', 'AM-008', 'ethernet1/3 (NAS)', 'AM-TCP-12228', 'R05: CEE']) {
      expect(corePage).toContain(text);
    }
    expect(corePage).toContain('Address objects');
    expect(corePage).toContain('Approval');
    const edgePage = pages[edge] ?? '';
    expect(edgePage).toContain('wan1 (Internet)');
    expect(edgePage).toContain('manage.office.com');
    expect(edgePage).not.toContain('AM-002');
  });

  it('prints hostile firewall names as text, in the embedded font when they need it', async () => {
    const bytes = await renderPdf(
      report(HOSTILE_NAMES, fixtureZoneModel(HOSTILE_ZONE_NAMES)),
      'a4',
      { loadFonts: loadFontsFromDisk },
    );
    const text = pdfPages(bytes, 'hostile-zoned.pdf').join('\n');
    expect(text).toContain('Firewall change request: =cmd|"/c calc"!A1 | **Core** <b>');
    // Its line break kept as one; Ł in the embedded font; CJK as "?" (as everywhere in the PDF).
    expect(text).toContain('# not a heading Łódź ?? (FortiOS)');
  });
});
