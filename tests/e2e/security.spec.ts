import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const ROUTES = [
  '#/',
  '#/plan/topology',
  '#/plan/devices',
  '#/plan/options',
  '#/plan/review',
  '#/reference',
];

async function watch(page: Page) {
  const foreign: string[] = [];
  const violations: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') foreign.push(request.url());
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
  return { foreign, violations, errors };
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

test('a journey makes no request to another origin', async ({ page }) => {
  const seen = await watch(page);
  for (const route of ROUTES) {
    await page.goto(`/${route}`);
    await expect(page.getByRole('heading').first()).toBeVisible();
  }
  expect(seen.foreign).toEqual([]);
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
