/**
 * Safe by construction, as a user meets it (issue 11): what the plan checks reject never
 * becomes a live rule in a downloaded script, and an invalid value typed is kept, reported and
 * never replaced by a default.
 */
import { readFileSync } from 'node:fs';

import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

async function downloadText(page: Page, button: string): Promise<string> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const file = await pending;
  return readFileSync(await file.path()).toString('utf8');
}

/** Lines of a script that run (not comments). */
function liveLines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
}

async function topology(page: Page, consoleAddress: string) {
  await page.goto('/#/plan/topology');
  await page.getByLabel('Console address').fill(consoleAddress);
  await page.getByLabel('Agent server 1 address').fill('10.1.0.11');
  await page.getByRole('switch', { name: /push install/ }).check();
}

test('a console at 0.0.0.0/0: a plan-check error, and the PowerShell script opens nothing to it', async ({
  page,
}) => {
  await topology(page, '0.0.0.0/0');
  await page.goto('/#/plan/review');
  await expect(page.getByRole('heading', { name: 'Review & export' })).toBeVisible();
  await expect(
    page.getByText(/The console "Activity Monitor Console" \(Console → Address\)/).first(),
  ).toBeVisible();
  await expect(page.getByText('Not ready: no script opens it').first()).toBeVisible();

  const script = await downloadText(page, 'Download PowerShell script');
  const live = liveLines(script);
  expect(live.filter((l) => l.includes('0.0.0.0/0'))).toEqual([]);
  expect(script).toContain('# TODO: fix the plan first: The console "Activity Monitor Console"');
});

test('agent port 70000: kept as typed, an error in the review, and no live rule on 4498 or 70000', async ({
  page,
}) => {
  await topology(page, '10.0.0.10');
  await page.goto('/#/plan/options');
  const port = page.getByLabel('Agent port');
  await port.fill('70000');
  await expect(page.getByText(/"70000" is not a valid port/)).toBeVisible();
  // Reload: the typed value is still there (it is in the plan, not in a draft).
  await page.reload();
  await expect(page.getByLabel('Agent port')).toHaveValue('70000');

  await page.goto('/#/plan/review');
  await expect(page.getByText(/Agent port \(Ports → Agent port\)/).first()).toBeVisible();
  const script = await downloadText(page, 'Download PowerShell script');
  const ports = liveLines(script).filter((l) => /^\s*LocalPort\s*=/.test(l));
  expect(ports.some((l) => l.includes("'4498'") || l.includes("'70000'"))).toBe(false);
  // The push-install rules that do not use the agent port still run.
  expect(ports.some((l) => l.includes("'445'"))).toBe(true);
});
