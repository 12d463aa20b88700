/**
 * The planner open in several tabs of one browser (pages of one context share localStorage and
 * get each other's storage events): a tab follows the others while it has nothing unsaved, and
 * never overwrites another tab's save silently.
 */
import type { BrowserContext, Download, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

import { encodePlan } from '../../src/core/permalink/codec';
import { typicalPlan } from '../unit/core/permalink/sample-plans';

import { axeViolations } from './support/axe';

const STORAGE_KEY = 'am-firewall-planner:plan';
const DEFAULT_NAME = 'Activity Monitor deployment';
const DEFAULT_CONSOLE = 'Activity Monitor Console';
const CONFLICT = 'This plan was changed in another tab';

interface Stored {
  v: number;
  rev?: number;
  tabId?: string;
  plan: { name: string; console: { name: string; address: string } };
}

/** What localStorage holds (the same for every page of the context). */
async function stored(page: Page): Promise<Stored | null> {
  return page.evaluate((key) => {
    const raw = window.localStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as Stored);
  }, STORAGE_KEY);
}

/** Collects uncaught page errors; none is expected. */
function trackErrors(page: Page, errors: string[]) {
  page.on('pageerror', (e) => errors.push(e.message));
}

/** Two (or more) tabs on the Topology step of the same, empty, storage. */
async function openTabs(context: BrowserContext, count = 2): Promise<[Page[], string[]]> {
  await allowMissingStorageEvents(context);
  const errors: string[] = [];
  const pages: Page[] = [];
  for (let i = 0; i < count; i += 1) {
    const page = await context.newPage();
    trackErrors(page, errors);
    await page.goto('/#/plan/topology');
    await expect(
      page.getByRole('heading', { level: 2, name: 'Topology', exact: true }),
    ).toBeVisible();
    pages.push(page);
  }
  return [pages, errors];
}

const planName = (page: Page) => page.getByLabel('Plan name', { exact: true });
const consoleName = (page: Page) => page.getByLabel('Console name', { exact: true });

declare global {
  interface Window {
    missStorageEvents?: boolean;
  }
}

/**
 * Lets a test make a page miss the other tabs' storage events, as a frozen or suspended tab
 * can: a listener registered before the app's (Chromium calls a window's listeners in the order
 * they were added) stops the event while the page's flag is set.
 */
async function allowMissingStorageEvents(context: BrowserContext) {
  await context.addInitScript(() => {
    window.addEventListener('storage', (event) => {
      if (window.missStorageEvents) event.stopImmediatePropagation();
    });
  });
}

/** From now on this page misses the other tabs' storage events. */
async function missStorageEvents(page: Page) {
  await page.evaluate(() => {
    window.missStorageEvents = true;
  });
}

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const download: Download = await pending;
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test('a tab without edits of its own takes the other tab’s rename; its next edit keeps both', async ({
  context,
}) => {
  const [[a, b], errors] = await openTabs(context);
  await planName(a!).fill('Renamed in A');
  // B has not reloaded: it shows A's rename by itself.
  await expect(planName(b!)).toHaveValue('Renamed in A');
  await consoleName(b!).fill('console-b');
  await expect(consoleName(a!)).toHaveValue('console-b');
  await expect(planName(a!)).toHaveValue('Renamed in A');

  const saved = await stored(a!);
  expect(saved?.plan).toMatchObject({ name: 'Renamed in A', console: { name: 'console-b' } });
  expect(saved?.rev).toBe(2);
  for (const page of [a!, b!]) await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('interleaved edits in two tabs all end up stored and shown in both', async ({ context }) => {
  const [[a, b], errors] = await openTabs(context);
  const steps: [Page, (page: Page) => ReturnType<Page['getByLabel']>, string][] = [
    [a!, planName, 'HQ'],
    [b!, consoleName, 'am-console'],
    [a!, (p) => p.getByLabel('Console address', { exact: true }), '10.0.0.1'],
    [b!, planName, 'HQ (reviewed)'],
    [a!, consoleName, 'am-console-01'],
  ];
  for (const [page, field, value] of steps) {
    await field(page).fill(value);
    // Switching to the other tab: it shows the edit before the user types there.
    const other = page === a ? b! : a!;
    await expect(field(other)).toHaveValue(value);
  }
  const saved = await stored(a!);
  expect(saved?.plan).toMatchObject({
    name: 'HQ (reviewed)',
    console: { name: 'am-console-01', address: '10.0.0.1' },
  });
  expect(saved?.rev).toBe(steps.length);
  for (const page of [a!, b!]) {
    await expect(planName(page)).toHaveValue('HQ (reviewed)');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  expect(errors).toEqual([]);
});

test('a tab that missed the other tab’s save asks instead of overwriting it; “Download my plan”, then “Load the other tab’s plan”', async ({
  context,
}) => {
  const [[a, b], errors] = await openTabs(context);
  await missStorageEvents(b!);
  await planName(a!).fill('Renamed in A');
  await expect.poll(async () => (await stored(a!))?.plan.name).toBe('Renamed in A');
  // B still shows the old name and edits the console name.
  await expect(planName(b!)).toHaveValue(DEFAULT_NAME);
  await consoleName(b!).fill('console-b');

  const dialog = b!.getByRole('dialog', { name: CONFLICT });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('In the other tab: “Renamed in A”');
  await expect(dialog).toContainText(`In this tab (not saved): “${DEFAULT_NAME}”`);
  await expect(b!.getByRole('button', { name: 'Decide later' })).toBeFocused();
  // The user looks at tab B (animations of a background tab may never end).
  await b!.bringToFront();
  expect(await axeViolations(b!)).toEqual([]);
  // Nothing was overwritten: storage holds A's rename, without B's console name.
  expect((await stored(b!))?.plan).toMatchObject({
    name: 'Renamed in A',
    console: { name: DEFAULT_CONSOLE },
  });

  const mine = await downloaded(b!, 'Download my plan');
  expect(mine.name).toMatch(/\.am-firewall-plan\.json$/);
  expect(JSON.parse(mine.text)).toMatchObject({ plan: { console: { name: 'console-b' } } });

  await b!.getByRole('button', { name: "Load the other tab's plan" }).click();
  await expect(dialog).toBeHidden();
  await expect(planName(b!)).toHaveValue('Renamed in A');
  await expect(consoleName(b!)).toHaveValue(DEFAULT_CONSOLE);
  // B saves again, on top of A's plan.
  await consoleName(b!).fill('console-b, again');
  await expect
    .poll(async () => (await stored(b!))?.plan)
    .toMatchObject({
      name: 'Renamed in A',
      console: { name: 'console-b, again' },
    });
  expect(errors).toEqual([]);
});

test('“Keep mine” offers the other tab’s plan as a download, and replaces it only when confirmed', async ({
  context,
}) => {
  const [[a, b], errors] = await openTabs(context);
  await missStorageEvents(b!);
  await planName(a!).fill('Renamed in A');
  await expect.poll(async () => (await stored(a!))?.plan.name).toBe('Renamed in A');
  await consoleName(b!).fill('console-b');
  await expect(b!.getByRole('dialog', { name: CONFLICT })).toBeVisible();

  // Keyboard only: Tab to "Keep mine…" and press Enter.
  await b!.keyboard.press('Tab');
  await b!.keyboard.press('Tab');
  await expect(b!.getByRole('button', { name: 'Keep mine…' })).toBeFocused();
  await b!.keyboard.press('Enter');
  const confirm = b!.getByRole('dialog', { name: "Replace the other tab's plan with this tab's?" });
  await expect(confirm).toBeVisible();
  await expect(b!.getByRole('button', { name: 'Back' })).toBeFocused();
  await b!.emulateMedia({ colorScheme: 'dark' });
  await b!.bringToFront();
  expect(await axeViolations(b!)).toEqual([]);
  expect((await stored(b!))?.plan.name).toBe('Renamed in A');

  const theirs = await downloaded(b!, 'Download their plan');
  expect(JSON.parse(theirs.text)).toMatchObject({ plan: { name: 'Renamed in A' } });

  await b!.getByRole('button', { name: 'Replace with mine' }).click();
  await expect(confirm).toBeHidden();
  const saved = await stored(b!);
  expect(saved?.plan).toMatchObject({ name: DEFAULT_NAME, console: { name: 'console-b' } });
  expect(saved?.rev).toBe(2);
  // A had nothing unsaved: it now shows B's plan.
  await expect(consoleName(a!)).toHaveValue('console-b');
  await expect(planName(a!)).toHaveValue(DEFAULT_NAME);
  expect(errors).toEqual([]);
});

test('a permalink opened in one tab: a tab with nothing unsaved follows; a tab that missed it asks', async ({
  context,
}) => {
  const [[a, b, c], errors] = await openTabs(context, 3);
  await consoleName(b!).fill('console-b');
  await expect(consoleName(a!)).toHaveValue('console-b');
  await expect(consoleName(c!)).toHaveValue('console-b');
  await missStorageEvents(b!);

  await a!.goto(`/#/open/${encodePlan(typicalPlan())}`);
  await a!.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(a!.getByRole('heading', { name: 'Review & export' })).toBeVisible();
  await expect.poll(async () => (await stored(a!))?.plan.name).toBe('Contoso NYC file services');

  // C follows the link's plan by itself.
  await expect(planName(c!)).toHaveValue('Contoso NYC file services');
  // B missed it: its next edit asks instead of overwriting the link's plan.
  await consoleName(b!).fill('console-b2');
  const dialog = b!.getByRole('dialog', { name: CONFLICT });
  await expect(dialog).toContainText('In the other tab: “Contoso NYC file services”');
  expect((await stored(b!))?.plan.name).toBe('Contoso NYC file services');

  // "Decide later": a banner says this tab is not saving, and asks again.
  await b!.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const banner = b!.getByRole('alert').filter({ hasText: 'This tab is not saving' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Choose…' }).click();
  await expect(dialog).toBeVisible();
  expect(errors).toEqual([]);
});
