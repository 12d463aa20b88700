import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

import { STEPS, stepIndex } from '../../src/core/wizard/steps';

import { axeViolations } from './support/axe';

// The journey, the axe check and the screenshots walk every step of STEPS, so a new step is
// covered without editing this file.

function stepHeading(page: Page, title: string) {
  return page.getByRole('heading', { level: 2, name: title, exact: true });
}

/** Collects uncaught page errors; the wizard must never produce one. */
function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/**
 * A plan with Qumulo and Entra ID, built the way a newcomer clicks: Next through every step
 * of STEPS, ticking the devices on the way; it ends on the last step.
 */
async function newcomerJourney(page: Page) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Start a new plan' }).click();
  for (const [index, step] of STEPS.entries()) {
    if (index > 0) await page.getByRole('button', { name: 'Next' }).click();
    await expect(stepHeading(page, step.title)).toBeVisible();
    if (step.id === 'devices') {
      await page.getByRole('checkbox', { name: 'Qumulo', exact: true }).check();
      await page.getByRole('checkbox', { name: 'Microsoft Entra ID', exact: true }).check();
      // The tenant is entered once for the plan, not per cloud device.
      await page.getByLabel('Microsoft tenant', { exact: true }).fill('contoso');
    }
  }
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toHaveCount(0);
}

test('a newcomer reaches the review by ticking devices and pressing Next', async ({ page }) => {
  const errors = trackErrors(page);
  await newcomerJourney(page);
  await expect(page).toHaveURL(/#\/plan\/review$/);
  // The stepper is honest: Topology still lacks the addresses, so it counts them, no tick.
  await expect(
    page.getByRole('tab', { name: /^Topology, \d+ (error|warning)s?(, \d+ warnings?)?$/ }),
  ).toBeVisible();
  // Entra ID reaches concrete FQDNs, with what Microsoft publishes for them.
  await page.getByLabel('Filter rules').fill('login.microsoftonline.com');
  const toCloud = page.getByRole('row').filter({ hasText: 'graph.microsoft.com' });
  await expect(toCloud.first()).toContainText('M365 endpoint set 56');
  await expect(toCloud.first()).toContainText('service tag AzureActiveDirectory');
  expect(errors).toEqual([]);
});

test('a network proxy carries the Microsoft cloud traffic in the review', async ({ page }) => {
  const errors = trackErrors(page);
  await newcomerJourney(page);
  await page.getByRole('tab', { name: /Topology/ }).click();
  await page.getByRole('switch', { name: 'Network proxy for Microsoft cloud traffic' }).check();
  await page.getByLabel('Proxy address').fill('proxy.corp.example.com');
  await page.getByLabel('Proxy port').fill('3128');
  await page.getByRole('tab', { name: /Review & export/ }).click();
  await expect(stepHeading(page, 'Review & export')).toBeVisible();
  await page.getByLabel('Filter rules').fill('3128');
  const toProxy = page
    .getByRole('row')
    .filter({ hasText: 'proxy.corp.example.com' })
    .filter({ hasText: '3128' });
  await expect(toProxy.first()).toBeVisible();
  await expect(toProxy.first()).toContainText('Microsoft Entra ID');
  // The proxy forwards to the FQDNs, on 443.
  await page.getByLabel('Filter rules').fill('login.microsoftonline.com');
  const fromProxy = page
    .getByRole('row')
    .filter({ hasText: 'proxy.corp.example.com' })
    .filter({ hasText: 'login.microsoftonline.com' });
  await expect(fromProxy.first()).toContainText('443');
  await expect(fromProxy.first()).toContainText('graph.microsoft.com');
  expect(errors).toEqual([]);
});

test('browser Back and Forward move between steps; reload keeps the plan', async ({ page }) => {
  const errors = trackErrors(page);
  await newcomerJourney(page);
  // Back through the history, from the step before the last down to Devices, then forward one.
  const devices = stepIndex('devices');
  for (const step of STEPS.slice(devices, -1).reverse()) {
    await page.goBack();
    await expect(stepHeading(page, step.title)).toBeVisible();
  }
  await page.goForward();
  await expect(stepHeading(page, STEPS[devices + 1]?.title ?? '')).toBeVisible();

  await page.getByRole('button', { name: 'Back' }).click();
  const qumulo = page.getByRole('group', { name: 'Qumulo' });
  await qumulo.getByLabel('Addresses or CIDR blocks').fill('qumulo.example.com\nbad_host');
  await expect(qumulo.getByText(/"bad_host"/)).toBeVisible();
  await page.reload();
  await expect(stepHeading(page, 'Devices')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Qumulo', exact: true })).toBeChecked();
  await expect(
    page.getByRole('checkbox', { name: 'Microsoft Entra ID', exact: true }),
  ).toBeChecked();
  await expect(
    page.getByRole('group', { name: 'Qumulo' }).getByLabel('Addresses or CIDR blocks'),
  ).toHaveValue('qumulo.example.com\nbad_host');
  await expect(page.getByLabel('Microsoft tenant', { exact: true })).toHaveValue('contoso');
  expect(errors).toEqual([]);
});

test('a deep link opens its step; an unknown step goes to the topology', async ({ page }) => {
  await page.goto('/#/plan/options');
  await expect(stepHeading(page, 'Options')).toBeVisible();
  await page.goto('/#/plan/nonsense');
  await expect(stepHeading(page, 'Topology')).toBeVisible();
  await expect(page).toHaveURL(/#\/plan\/topology$/);
});

async function tabTo(page: Page, isTarget: () => Promise<boolean>, max = 120) {
  for (let i = 0; i < max; i += 1) {
    if (await isTarget()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('target not reached with Tab');
}

test('the devices step can be completed with the keyboard alone', async ({ page }) => {
  await page.goto('/#/plan/devices');
  await expect(stepHeading(page, 'Devices')).toBeVisible();
  const qumulo = page.getByRole('checkbox', { name: 'Qumulo', exact: true });
  await tabTo(page, () => qumulo.evaluate((el) => el === document.activeElement));
  await page.keyboard.press('Space');
  await expect(qumulo).toBeChecked();
  const addresses = page.getByLabel('Addresses or CIDR blocks');
  await tabTo(page, () => addresses.evaluate((el) => el === document.activeElement));
  await page.keyboard.type('10.0.0.0/24');
  await page.keyboard.press('Enter');
  await page.keyboard.type('qumulo-b.example.com');
  const next = page.getByRole('button', { name: 'Next' });
  await tabTo(page, () => next.evaluate((el) => el === document.activeElement));
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Options')).toBeFocused();
  const port = page.getByLabel('Qumulo event port');
  await tabTo(page, () => port.evaluate((el) => el === document.activeElement));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('5000');
  await expect(port).toHaveValue('5000');
  // Step headers are reachable too.
  const review = page.getByRole('tab', { name: /Review & export/ });
  await review.focus();
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Review & export')).toBeVisible();
});

test('New plan asks before discarding the plan in progress', async ({ page }) => {
  await newcomerJourney(page);
  await page.getByRole('button', { name: 'New plan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Discard the plan in progress?' });
  await expect(dialog).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'New plan' }).click();
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(stepHeading(page, 'Topology')).toBeVisible();
  await page.getByRole('tab', { name: /Devices/ }).click();
  await expect(page.getByRole('checkbox', { name: 'Qumulo', exact: true })).not.toBeChecked();
});

test('a storage failure is shown on the planner, and nothing crashes', async ({ page }) => {
  const errors = trackErrors(page);
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto('/#/plan/devices');
  await page.getByRole('checkbox', { name: 'Qumulo', exact: true }).check();
  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'Saving the plan in this browser failed' });
  await expect(alert).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('an unreadable stored plan is kept aside and the user is told', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('am-firewall-planner:plan', '{"v":1,"plan":{"broken":');
    }
  });
  await page.goto('/#/plan/topology');
  await expect(page.getByRole('alert')).toContainText('could not be opened');
  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('am-firewall-planner:unreadable-plan:'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(backups).toEqual(['{"v":1,"plan":{"broken":']);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe reports no WCAG 2.1 A/AA violation on any step (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await newcomerJourney(page);
    // Some content on every step: an integration, a device of each address kind.
    for (const step of STEPS) {
      await page.goto(`/#/plan/${step.id}`);
      await expect(stepHeading(page, step.title)).toBeVisible();
      if (step.id === 'topology') {
        await page.getByRole('switch', { name: 'Syslog / SIEM output' }).check();
        await page.getByLabel('SIEM server address').fill('bad_host');
        await page
          .getByRole('switch', { name: 'Network proxy for Microsoft cloud traffic' })
          .check();
        await page.getByLabel('Proxy port').fill('70000');
        await page.getByRole('button', { name: 'Add console' }).click();
        await page.getByLabel('Console 2 address').fill('bad_host');
        await page.getByRole('switch', { name: 'Netwrix Threat Prevention for NAS' }).check();
      }
      if (step.id === 'options') {
        for (const name of [
          'DNS servers for the agents (DNS tab)',
          'Domain controllers for the agents (AD Users tab)',
          'Inactivity alerts by e-mail (SMTP)',
          'Inactivity alerts by syslog',
        ]) {
          await page.getByRole('switch', { name }).check();
        }
        await page.getByLabel('DNS server addresses').fill('10.7.0.1\nbad_host');
        await page.getByLabel('SMTP server port').fill('70000');
      }
      expect(await axeViolations(page), `step ${step.id}`).toEqual([]);
    }
  });
}

for (const width of [1280, 360]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshots at ${width} px, ${scheme}`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await newcomerJourney(page);
      for (const step of STEPS) {
        await page.goto(`/#/plan/${step.id}`);
        await expect(stepHeading(page, step.title)).toBeVisible();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        if (step.id !== 'review') expect(overflow, `horizontal scroll on ${step.id}`).toBe(0);
        await page.screenshot({
          path: testInfo.outputPath(`${step.id}-${width}-${scheme}.png`),
          fullPage: true,
        });
      }
    });
  }
}

test('printing the review hides the header, stepper and buttons', async ({ page }) => {
  await newcomerJourney(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Planner steps' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Back' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'New plan' })).toBeHidden();
  await expect(stepHeading(page, 'Review & export')).toBeVisible();
});

test('printing in dark mode puts dark text on white paper', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await newcomerJourney(page);
  const heading = stepHeading(page, 'Review & export');
  const screenColor = await heading.evaluate((el) => getComputedStyle(el).color);
  expect(screenColor).not.toBe('rgb(0, 0, 0)');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect
    .poll(() => heading.evaluate((el) => getComputedStyle(el).color))
    .toBe('rgb(0, 0, 0)');
});
