import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

import { typicalPlan } from '../unit/core/permalink/sample-plans';

const ROUTES = [
  '#/',
  '#/plan/topology',
  '#/plan/devices',
  '#/plan/options',
  '#/plan/review',
  '#/reference',
];

async function watch(page: Page) {
  const local: string[] = [];
  const foreign: string[] = [];
  const violations: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') foreign.push(request.url());
    else local.push(url.pathname);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text()))
      violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const w = window as unknown as { __cspViolations?: string[] };
      (w.__cspViolations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { local, foreign, violations, errors };
}

test('CSP is in force and no page violates it', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('/');
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  for (const route of ROUTES) {
    await page.goto(`/${route}`);
    await expect(page.getByRole('heading').first()).toBeVisible();
    const inPage = await page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    );
    expect(inPage, `CSP violations on ${route}`).toEqual([]);
  }
  expect(seen.violations).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('a full journey (every step, every export, the permalink, the reference) stays on its origin under the CSP', async ({
  page,
}) => {
  const seen = await watch(page);
  for (const route of ROUTES) {
    await page.goto(`/${route}`);
    await expect(page.getByRole('heading').first()).toBeVisible();
  }
  // A plan whose names need the embedded PDF font, so the font fetch is part of the journey.
  const plan = typicalPlan();
  plan.devices = plan.devices.map((d, i) => (i === 0 ? { ...d, name: 'Filer Łódź' } : d));
  // A Linux host, so the firewalld script applies (it is not offered without one).
  plan.devices.push({
    id: 'dev-7',
    environment: 'linux',
    name: 'RHEL file server',
    addresses: ['10.20.50.7'],
    tenant: '',
    agentId: '',
    options: {},
  });
  await page.evaluate(
    (value) => window.localStorage.setItem('am-firewall-planner:plan', value),
    JSON.stringify({ v: 1, plan }),
  );
  await page.goto('about:blank');
  await page.goto('/#/plan/review');
  await expect(page.getByRole('heading', { name: 'Review & export' })).toBeVisible();
  for (const name of [
    'Download import CSV',
    'Download XLSX',
    'Download summary CSV',
    'Download Markdown',
    'Download PDF',
    'Download PowerShell script',
    'Download firewalld script',
    'Download connectivity check',
    'Save plan',
  ]) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name, exact: true }).click();
    await download;
  }
  const permalink = await page.getByRole('textbox', { name: 'Permalink' }).inputValue();
  await page.goto('about:blank');
  await page.goto(permalink);
  // The link opens the plan, then lands on the review: wait for it, so that the page's own
  // navigation does not race the next one.
  await expect(page.getByRole('heading', { name: 'Review & export' })).toBeVisible();
  await page.goto('/#/reference');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Port reference');
  await page.getByRole('button', { name: 'Download CSV' }).click();

  expect(seen.local.some((path) => path.endsWith('.ttf'))).toBe(true);
  expect(seen.local.length).toBeGreaterThan(5);
  expect(seen.foreign).toEqual([]);
  expect(seen.violations).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('the policy blocks an inline script, and the watcher sees it', async ({ page }) => {
  await watch(page);
  await page.goto('/');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.appendChild(script);
  });
  await expect
    .poll(() =>
      page.evaluate(
        () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
      ),
    )
    .toEqual([expect.stringContaining('script-src')]);
  expect(
    await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan),
  ).toBeUndefined();
});
