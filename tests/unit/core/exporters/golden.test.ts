import { describe, expect, it } from 'vitest';

import { renderConnectivityCheck } from '@/core/exporters/connectivity-check-exporter';
import { renderCsv } from '@/core/exporters/csv-exporter';
import { renderFirewalld } from '@/core/exporters/firewalld-exporter';
import { renderMarkdown } from '@/core/exporters/markdown-exporter';
import { renderPowerShell } from '@/core/exporters/powershell-exporter';
import { renderTableHtml, renderTsv } from '@/core/exporters/tsv-exporter';
import { buildReport } from '@/core/report/build-report';

import { exportCatalog, firewalldCatalog } from '../../../fixtures/catalogs';
import {
  FIREWALLD_ADDRESSES,
  FIREWALLD_NAMES,
  firewalldPlan,
  firewalldResolution,
  HOSTILE_FIREWALLD_ADDRESSES,
  HOSTILE_FIREWALLD_NAMES,
} from '../../../fixtures/firewalld-fixture';
import {
  draftResolution,
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
  HOSTILE_NAMES,
} from '../../../fixtures/resolution-fixture';
import { wmiCatalog, wmiPlan, wmiResolution } from '../../../fixtures/wmi-fixture';

function report(names = undefined as Parameters<typeof fixturePlan>[0]) {
  return buildReport({
    plan: fixturePlan(names),
    resolution: fixtureResolution(names),
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
  });
}

const FORMATS = [
  ['csv', renderCsv, 'rules.csv'],
  ['markdown', renderMarkdown, 'rules.md'],
  ['powershell', renderPowerShell, 'firewall-rules.ps1'],
  ['connectivity check', renderConnectivityCheck, 'connectivity-check.ps1'],
  ['copy table', renderTsv, 'rules.tsv'],
  ['copy table (HTML)', renderTableHtml, 'rules.html'],
] as const;

describe('golden exports', () => {
  it.each(FORMATS)('%s of the sample plan matches its golden file', async (_name, render, file) => {
    await expect(render(report())).toMatchFileSnapshot(`../../../golden/${file}`);
  });

  it.each(FORMATS)(
    '%s of the hostile plan matches its golden file',
    async (_name, render, file) => {
      await expect(render(report(HOSTILE_NAMES))).toMatchFileSnapshot(
        `../../../golden/hostile-${file}`,
      );
    },
  );

  it.each(FORMATS)('%s carries the catalog version and the permalink', (_name, render) => {
    const text = render(report());
    expect(text).toContain(exportCatalog.version);
    expect(text).toContain(FIXTURE_PERMALINK);
  });

  it.each(FORMATS)('%s is deterministic', (_name, render) => {
    expect(render(report())).toBe(render(report()));
  });
});

describe('golden drafts: a plan whose checks hold errors', () => {
  const draft = () =>
    buildReport({
      plan: fixturePlan(),
      resolution: draftResolution(),
      catalog: exportCatalog,
      permalink: FIXTURE_PERMALINK,
      generatedAt: FIXTURE_DATE,
    });
  const SHEETS = FORMATS.filter(([name]) => name !== 'powershell' && name !== 'connectivity check');
  const STAMP = 'DRAFT \u2014 3 plan errors: fix them before filing';

  it.each(SHEETS)('%s matches its golden file', async (_name, render, file) => {
    await expect(render(draft())).toMatchFileSnapshot(`../../../golden/draft-${file}`);
  });

  it.each(SHEETS)('%s shows the stamp before anything else', (name, render) => {
    const text = render(draft()).replace(/^\uFEFF/, '');
    const firstLines = text.split(/\r?\n/).slice(0, 4).join('\n');
    expect(firstLines).toContain(STAMP);
    // "Copy table" has its own compact columns (compact-table.ts).
    const header = name.startsWith('copy table') ? 'Port(s)' : 'Environment';
    expect(text.indexOf(STAMP)).toBeLessThan(text.indexOf(header));
  });

  it.each(SHEETS)('%s of a plan with warnings only is not stamped', (_name, render) => {
    expect(render(report())).not.toContain('DRAFT');
  });
});

// The firewalld script has its own fixture with Linux hosts (firewalld-fixture.ts), so the
// golden files above stay as they are.
describe('golden firewalld script', () => {
  const firewalldReport = (hostile: boolean) =>
    buildReport({
      plan: hostile
        ? firewalldPlan(HOSTILE_FIREWALLD_NAMES, HOSTILE_FIREWALLD_ADDRESSES)
        : firewalldPlan(FIREWALLD_NAMES, FIREWALLD_ADDRESSES),
      resolution: hostile
        ? firewalldResolution(HOSTILE_FIREWALLD_NAMES, HOSTILE_FIREWALLD_ADDRESSES)
        : firewalldResolution(FIREWALLD_NAMES, FIREWALLD_ADDRESSES),
      catalog: firewalldCatalog,
      permalink: FIXTURE_PERMALINK,
      generatedAt: FIXTURE_DATE,
    });

  it.each([
    ['sample', false, 'firewalld.sh'],
    ['hostile', true, 'hostile-firewalld.sh'],
  ])('the %s plan matches its golden file', async (_name, hostile, file) => {
    await expect(renderFirewalld(firewalldReport(hostile))).toMatchFileSnapshot(
      `../../../golden/${file}`,
    );
  });

  it('carries the catalog version and the permalink, and is deterministic', () => {
    const text = renderFirewalld(firewalldReport(false));
    expect(text).toContain(firewalldCatalog.version);
    expect(text).toContain(FIXTURE_PERMALINK);
    expect(renderFirewalld(firewalldReport(false))).toBe(text);
  });
});

// The WMI flows have their own fixture (wmi-fixture.ts: the sample plan plus two WMI flows whose
// catalog rules open the Windows predefined rule group), so the golden files above stay as they are.
describe('golden PowerShell script with WMI flows', () => {
  it('matches its golden file', async () => {
    const wmiReport = buildReport({
      plan: wmiPlan(),
      resolution: wmiResolution(),
      catalog: wmiCatalog,
      permalink: FIXTURE_PERMALINK,
      generatedAt: FIXTURE_DATE,
    });
    await expect(renderPowerShell(wmiReport)).toMatchFileSnapshot(
      '../../../golden/wmi-firewall-rules.ps1',
    );
  });
});
