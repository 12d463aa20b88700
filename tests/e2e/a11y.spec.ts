import { expect, test } from '@playwright/test';

import { STEPS } from '../../src/core/wizard/steps';
import { typicalPlan } from '../unit/core/permalink/sample-plans';

import { axeViolations } from './support/axe';

// The pages outside the wizard, in both colour schemes (the steps: below, and wizard.spec.ts).
const PAGES = [
  { hash: '#/', heading: /firewall openings/ },
  { hash: '#/reference', heading: /Port reference/ },
  { hash: '#/open/garbage', heading: null },
  { hash: '#/no-such-page', heading: null },
];

for (const scheme of ['light', 'dark'] as const) {
  test(`axe reports no WCAG 2.1 A/AA violation outside the wizard (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const { hash, heading } of PAGES) {
      await page.goto(`/${hash}`);
      if (heading) await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
      else await expect(page.getByRole('alert').first()).toBeVisible();
      expect(await axeViolations(page), hash).toEqual([]);
    }
  });
}

// Every step of the wizard, in both colour schemes, on a phone and on a desktop, with a typical
// plan (devices of every address kind) and the topology's integrations on (the Access Analyzer
// edition hints); and the version switch's question.
for (const width of [360, 1440]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe reports no WCAG 2.1 A/AA violation on any step (${scheme}, ${width} px)`, async ({
      page,
    }) => {
      // Five axe runs on long pages: slow on a busy machine, never a failure for being slow.
      test.setTimeout(300_000);
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      const plan = typicalPlan();
      plan.devices.push({ ...plan.devices[1]!, id: 'dev-7', environment: 'ctera', name: 'CTERA' });
      await page.goto('/');
      await page.evaluate(
        (value) => window.localStorage.setItem('am-firewall-planner:plan', value),
        JSON.stringify({ v: 1, plan }),
      );
      // Leave the page that has the app, so that it does not see the stored plan as another tab's.
      await page.goto('about:blank');
      for (const step of STEPS) {
        await page.goto(`/#/plan/${step.id}`);
        await expect(
          page.getByRole('heading', { level: 2, name: step.title, exact: true }),
          // The first step waits for the lazy planner chunk: generous on a busy machine.
        ).toBeVisible({ timeout: 30_000 });
        if (step.id === 'topology') {
          await page.getByRole('switch', { name: 'Netwrix Access Analyzer' }).check();
          await page.getByRole('radio', { name: 'Access Analyzer 26' }).check();
          await page.getByRole('switch', { name: 'Syslog / SIEM output' }).check();
        }
        expect(await axeViolations(page), `step ${step.id}`).toEqual([]);
        if (step.id === 'topology') {
          await page.getByRole('combobox', { name: 'Activity Monitor version' }).click();
          await page.getByRole('option', { name: '7.1' }).click();
          const dialog = page.getByRole('dialog', { name: 'Switch to Activity Monitor 7.1?' });
          await expect(dialog).toBeVisible();
          expect(await axeViolations(page), 'version switch dialog').toEqual([]);
          await dialog.getByRole('button', { name: 'Keep 10.0' }).click();
          await expect(dialog).toBeHidden();
        }
      }
    });
  }
}
