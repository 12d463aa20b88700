/**
 * Permalinks in the browser (reliability guide URL-1, URL-3, URL-5, URL-6).
 */
import { readFileSync } from 'node:fs';

import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

import { getCatalog } from '../../src/core/catalog/catalog';
import { encodePlan } from '../../src/core/permalink/codec';
import { PERMALINK_VERSION } from '../../src/core/permalink/migrations';
import { migratePlan } from '../../src/core/plan/migrations';
import type { Plan } from '../../src/core/plan/model';
import { createDefaultPlan } from '../../src/core/plan/model';
import { typicalPlan } from '../unit/core/permalink/sample-plans';

const STORAGE_KEY = 'am-firewall-planner:plan';
const stored = (plan: Plan) => JSON.stringify({ v: 1, plan });

/** Opens `hash` in a fresh page load with `plan` as the plan in progress (or none). */
async function openWith(page: Page, hash: string, plan: Plan | null) {
  await page.goto('/');
  await page.evaluate(
    ({ key, value }) => {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    },
    { key: STORAGE_KEY, value: plan === null ? null : stored(plan) },
  );
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
}

const storedPlan = (page: Page) =>
  page.evaluate((key) => {
    const raw = window.localStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as { plan: unknown }).plan;
  }, STORAGE_KEY);

const myPlan: Plan = { ...createDefaultPlan(), name: 'My plan in progress' };
const good = encodePlan(typicalPlan());

test.describe('damaged links', () => {
  for (const [label, hash, text] of [
    ['garbage', '#/open/garbage', /not a planner link/],
    ['a truncated link', `#/open/${good.slice(0, -12)}`, /incomplete/],
    ['an unknown version', `#/open/9${good.slice(1)}`, /newer version of the planner/],
    ['a damaged link', `#/open/${good.slice(0, 25)}Zz${good.slice(27)}`, /damaged/],
    ['no payload', '#/open', /holds no plan/],
  ] as const) {
    test(`${label}: an alert on a working page, the plan in progress untouched`, async ({
      page,
    }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await openWith(page, hash, myPlan);
      const alert = page.getByRole('alert').filter({ hasText: 'This link cannot be opened' });
      await expect(alert).toBeVisible();
      await expect(alert).toContainText(text);
      await expect(alert).toContainText('Your plan in progress has not been changed.');
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      expect(await storedPlan(page)).toEqual(myPlan);
      await page.getByRole('link', { name: 'Go to your plan' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('My plan in progress');
      expect(errors).toEqual([]);
    });
  }
});

async function readPermalink(browser: Browser, plan: Plan) {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await openWith(page, '#/plan/review', plan);
  const field = page.getByRole('textbox', { name: 'Permalink' });
  await expect(field).toBeVisible();
  const url = await field.inputValue();
  await page.getByRole('button', { name: 'Copy permalink' }).click();
  await expect(page.getByText('Permalink copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(url);
  return { context, page, url };
}

test('round trip: copy the permalink, open it in a fresh browser context, same plan', async ({
  browser,
}) => {
  const sender = await readPermalink(browser, typicalPlan());
  expect(sender.url).toContain(`#/open/${PERMALINK_VERSION}.`);
  const fragment = sender.url.slice(sender.url.indexOf('#'));
  expect(fragment.length).toBeLessThanOrEqual(400);

  const receiver = await browser.newContext();
  const page = await receiver.newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(sender.url);
  await expect(page).toHaveURL(/#\/plan\/review$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Contoso NYC file services');
  expect(await storedPlan(page)).toEqual(typicalPlan());
  // URL-1: the plan never leaves the browser; no request carries any of it.
  const data = fragment.split('.')[1] as string;
  expect(requested.filter((u) => u.includes(data.slice(0, 16)))).toEqual([]);
  // The receiver's link is the sender's link: same plan, same payload.
  expect(await page.getByRole('textbox', { name: 'Permalink' }).inputValue()).toBe(sender.url);
  await sender.context.close();
  await receiver.close();
});

test('a link opened over a different plan in progress asks first; "Keep my plan" keeps it', async ({
  page,
}) => {
  await openWith(page, `#/open/${good}`, myPlan);
  const dialog = page.getByRole('dialog', { name: 'Replace the plan in progress?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep my plan' }).click();
  await expect(page).toHaveURL(/#\/plan\/review$/);
  expect(await storedPlan(page)).toEqual(myPlan);

  await page.goto(`/#/open/${good}`);
  await page.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
  await expect(page).toHaveURL(/#\/plan\/review$/);
  expect(await storedPlan(page)).toEqual(typicalPlan());
});

test('the format-1 golden link opens in the browser as its plan', async ({ page }) => {
  const dir = new URL('../fixtures/permalinks/', import.meta.url);
  const link = readFileSync(new URL('v1.txt', dir), 'utf8').trim();
  // The plan as any planner opens that JSON (fields added since then take their defaults).
  const opened = migratePlan(JSON.parse(readFileSync(new URL('v1.plan.json', dir), 'utf8')));
  if (!opened.ok) throw new Error(opened.errors.join('; '));
  const expected = opened.plan;
  await openWith(page, `#/open/${link}`, null);
  // A format-1 link is updated to the current format, and the page says so first.
  await expect(page.getByText(/made by an earlier version of the planner/)).toBeVisible();
  // Made with catalog 2026.11.0: once the catalog has moved on, the page says that too.
  if (getCatalog().version !== '2026.11.0') {
    await expect(page.getByText(/made with port catalog "2026\.11\.0"/)).toBeVisible();
  }
  await page.getByRole('link', { name: 'Review the plan' }).click();
  await expect(page).toHaveURL(/#\/plan\/review$/);
  expect(await storedPlan(page)).toEqual(expected);
});

test('the format-2 golden link opens in the browser as its plan, its tenant once per plan', async ({
  page,
}) => {
  const dir = new URL('../fixtures/permalinks/', import.meta.url);
  const link = readFileSync(new URL('v2.txt', dir), 'utf8').trim();
  const opened = migratePlan(JSON.parse(readFileSync(new URL('v2.plan.json', dir), 'utf8')));
  if (!opened.ok) throw new Error(opened.errors.join('; '));
  const expected = opened.plan;
  await openWith(page, `#/open/${link}`, null);
  // A format-2 link is updated to the current format, and the page says so first.
  await expect(page.getByText(/made by an earlier version of the planner/)).toBeVisible();
  await page.getByRole('link', { name: 'Review the plan' }).click();
  await expect(page).toHaveURL(/#\/plan\/review$/);
  expect(await storedPlan(page)).toEqual(expected);
  expect(expected.deployment.proxy).toMatchObject({ enabled: true, port: 3128 });
  expect(expected.microsoftTenant).toBe('contoso.onmicrosoft.com');
});

test('the format-3 golden link opens in the browser as its plan', async ({ page }) => {
  const dir = new URL('../fixtures/permalinks/', import.meta.url);
  const link = readFileSync(new URL('v3.txt', dir), 'utf8').trim();
  // Opened as the current format opens it (its CEE server named once, no zones).
  const opened = migratePlan(JSON.parse(readFileSync(new URL('v3.plan.json', dir), 'utf8')));
  if (!opened.ok) throw new Error(opened.errors.join('; '));
  const expected = opened.plan;
  await openWith(page, `#/open/${link}`, null);
  // An older link format (and catalog 2026.11.4): the page says so first.
  await expect(page.getByText(/made by an earlier version of the planner/)).toBeVisible();
  await page.getByRole('link', { name: 'Review the plan' }).click();
  await expect(page).toHaveURL(/#\/plan\/review$/);
  expect(await storedPlan(page)).toEqual(expected);
});

test('URL-5 round trip gives the same rule sheet CSV byte for byte', async ({ browser }) => {
  // Sender: typical plan -> review -> download CSV; receiver: open the permalink in a fresh
  // context -> review -> download CSV; the two files must be byte-identical.
  const sender = await readPermalink(browser, typicalPlan());
  const csvOf = async (page: Page) => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download import CSV' }).click();
    return readFileSync(await (await download).path());
  };
  const sent = await csvOf(sender.page);
  const receiver = await browser.newContext();
  const page = await receiver.newPage();
  await page.goto(sender.url);
  await expect(page).toHaveURL(/#\/plan\/review$/);
  expect((await csvOf(page)).equals(sent)).toBe(true);
});
