import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

import type { Plan } from '../../src/core/plan/model';
import { STEPS } from '../../src/core/wizard/steps';
import { typicalPlan } from '../unit/core/permalink/sample-plans';

// The wizard's shell: the app shell painted before the scripts, the sticky Back/Next bar, the
// focus ring, the focus after a download, and the version switch that asks first.

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 360, height: 740 },
];
const SCHEMES = ['light', 'dark'] as const;
/** The first look after a navigation waits for the lazy planner chunk: generous on a busy machine. */
const LOADED = { timeout: 30_000 };

function stepHeading(page: Page, title: string) {
  return page.getByRole('heading', { level: 2, name: title, exact: true });
}

/** Opens the app with `plan` stored, as a returning user would. */
async function openWithPlan(page: Page, plan: Plan, hash: string) {
  await page.goto('/');
  await page.evaluate(
    (value) => window.localStorage.setItem('am-firewall-planner:plan', value),
    JSON.stringify({ v: 1, plan }),
  );
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
}

/** CSP violations, seen both by the page (securitypolicyviolation) and in the console. */
async function watchCsp(page: Page) {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const w = window as unknown as { __cspViolations?: string[] };
      (w.__cspViolations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return async () => [
    ...console,
    ...(await page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    )),
  ];
}

async function box(locator: Locator) {
  const rect = await locator.boundingBox();
  if (!rect) throw new Error('no bounding box');
  return rect;
}

function header(page: Page) {
  return page.locator('header').first();
}

async function headerLook(page: Page) {
  const el = header(page);
  const { height } = await box(el);
  const style = await el.evaluate((h) => {
    const s = getComputedStyle(h);
    return { background: s.backgroundColor, color: s.color };
  });
  return { height: Math.round(height), ...style };
}

for (const scheme of SCHEMES) {
  for (const size of WIDTHS) {
    test(`the app shell paints the header and a skeleton without the scripts (${scheme}, ${size.width} px)`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      // The real header first, to compare with.
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible(LOADED);
      await expect(page.locator('[data-app-shell]')).toHaveCount(0);
      const real = await headerLook(page);

      const violations = await watchCsp(page);
      const blocked: string[] = [];
      await page.route('**/*', (route) => {
        if (route.request().resourceType() === 'script') {
          blocked.push(route.request().url());
          return route.abort();
        }
        return route.continue();
      });
      await page.goto('/');
      expect(blocked.some((url) => /\/assets\/index-[^/]+\.js$/.test(url))).toBe(true);
      const shell = page.locator('[data-app-shell]');
      await expect(shell).toBeVisible();
      await expect(header(page)).toContainText('Activity Monitor Firewall Planner');
      await expect(header(page)).toContainText(/Planner\s*Port reference/i);
      await expect(shell.locator('.app-shell__bone').first()).toBeVisible();
      // The same header as the app's: colours and height.
      expect(await headerLook(page)).toEqual(real);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      await page.screenshot({
        path: testInfo.outputPath(`app-shell-${size.width}-${scheme}.png`),
        fullPage: true,
      });
      expect(await violations()).toEqual([]);
    });
  }
}

test('React replaces the app shell on every page', async ({ page }) => {
  for (const hash of ['#/', '#/plan/topology', '#/reference']) {
    await page.goto(`/${hash}`);
    await expect(page.getByRole('heading').first()).toBeVisible(LOADED);
    await expect(page.locator('[data-app-shell]')).toHaveCount(0);
    await expect(page.locator('header')).toHaveCount(1);
  }
});

for (const size of WIDTHS) {
  test(`Back and Next are in view on every step without scrolling, and never cover a field (${size.width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openWithPlan(page, typicalPlan(), '#/plan/topology');
    for (const step of STEPS) {
      await page.goto(`/#/plan/${step.id}`);
      await expect(stepHeading(page, step.title)).toBeVisible(LOADED);
      await page.evaluate(() => window.scrollTo(0, 0));
      const nav = page.getByRole('navigation', { name: 'Step navigation' });
      const label = step.id === 'review' ? 'Back' : 'Next';
      const button = nav.getByRole('button', { name: label, exact: true });
      await expect(button).toBeEnabled();
      const rect = await box(button);
      expect(rect.y, `${label} on ${step.id}`).toBeGreaterThanOrEqual(0);
      expect(rect.y + rect.height, `${label} on ${step.id}`).toBeLessThanOrEqual(size.height);

      // Tab through the step's fields: none of them ends up under the bar.
      await stepHeading(page, step.title).focus();
      for (let i = 0; i < 40; i += 1) {
        await page.keyboard.press('Tab');
        const covered = await page.evaluate(() => {
          const active = document.activeElement;
          const bar = document.querySelector('[data-testid="wizard-nav"]');
          const section = document.querySelector('section[aria-labelledby="step-heading"]');
          if (!active || !bar || !section?.contains(active)) return null;
          const field = active.getBoundingClientRect();
          const top = bar.getBoundingClientRect().top;
          // A field that fits above the bar is wholly above it; a taller one (a scrolling table)
          // at least starts above it.
          const fits = field.height <= top;
          const covered = fits ? field.bottom > top + 1 : field.top >= top;
          return covered ? `${active.outerHTML.slice(0, 120)}` : '';
        });
        if (covered === null) break;
        expect(covered, `a field under the bar on ${step.id}`).toBe('');
      }
      // At the bottom of the page, the last field ends above the bar.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const last = await page.evaluate(() => {
        const section = document.querySelector('section[aria-labelledby="step-heading"]');
        const fields = section?.querySelectorAll('input, textarea, button, [tabindex="0"]');
        const field = fields?.[fields.length - 1]?.getBoundingClientRect();
        const bar = document.querySelector('[data-testid="wizard-nav"]')?.getBoundingClientRect();
        return field && bar ? bar.top - field.bottom : null;
      });
      expect(last, `last field of ${step.id}`).not.toBeNull();
      expect(last ?? -1, `last field of ${step.id}`).toBeGreaterThanOrEqual(0);
    }
  });
}

/** WCAG relative luminance and contrast of two opaque colours "rgb(r, g, b)". */
function parse(color: string): number[] {
  const m = color.match(/[\d.]+/g);
  if (!m) throw new Error(`colour ${color}`);
  return m.map(Number);
}
function luminance([r = 0, g = 0, b = 0]: number[]): number {
  const c = [r, g, b].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (c[0] ?? 0) + 0.7152 * (c[1] ?? 0) + 0.0722 * (c[2] ?? 0);
}
function over(top: number[], bottom: number[]): number[] {
  const alpha = top[3] ?? 1;
  return [0, 1, 2].map((i) => (top[i] ?? 0) * alpha + (bottom[i] ?? 0) * (1 - alpha));
}
function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** The focused element's outline, and the first opaque background behind it (its parent's). */
async function focusLook(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    // A switch draws the ring on its root, around the focused input's wrapper.
    const ringed = (el.closest('.MuiSwitch-root') ?? el.closest('.MuiButtonBase-root') ?? el) as
      HTMLElement | undefined;
    const target = ringed ?? el;
    const s = getComputedStyle(target);
    let node: HTMLElement | null = target.parentElement;
    let background = 'rgb(255, 255, 255)';
    while (node) {
      const bg = getComputedStyle(node).backgroundColor;
      if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') {
        background = bg;
        break;
      }
      node = node.parentElement;
    }
    if (!node) background = getComputedStyle(document.body).backgroundColor;
    return {
      style: s.outlineStyle,
      width: parseFloat(s.outlineWidth),
      color: s.outlineColor,
      background,
      what: target.textContent?.slice(0, 40) ?? target.tagName,
    };
  });
}

for (const scheme of SCHEMES) {
  test(`keyboard focus shows a 2 px ring with 3:1 contrast on buttons and controls (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openWithPlan(page, typicalPlan(), '#/plan/topology');
    await expect(stepHeading(page, 'Topology')).toBeVisible(LOADED);
    const targets: Locator[] = [
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Planner' }),
      page.getByRole('button', { name: 'Save plan' }),
      page.getByRole('tab', { name: /^Devices/ }),
      page.getByRole('switch', { name: 'Syslog / SIEM output' }),
      page.getByRole('button', { name: 'Add console' }),
      page.getByRole('button', { name: 'Next', exact: true }),
    ];
    for (const target of targets) {
      // Keyboard focus (focus-visible): a key press first, so the focus counts as keyboard focus.
      await page.keyboard.press('Tab');
      await target.focus();
      await expect(target).toBeFocused();
      const look = await focusLook(page);
      expect(look.style, look.what).toBe('solid');
      expect(look.width, look.what).toBeGreaterThanOrEqual(2);
      const bg = parse(look.background);
      const ring = over(parse(look.color), bg);
      expect(
        contrast(ring, bg),
        `${look.what}: ${look.color} on ${look.background}`,
      ).toBeGreaterThanOrEqual(3);
    }
  });
}

test('every download keeps the focus on its button', async ({ page }) => {
  await openWithPlan(page, typicalPlan(), '#/plan/review');
  await expect(stepHeading(page, 'Review & export')).toBeVisible(LOADED);
  for (const name of [
    'Download import CSV',
    'Download XLSX',
    'Download summary CSV',
    'Download Markdown',
    'Download PDF',
    'Download PowerShell script',
    'Save plan',
  ]) {
    const button = page.getByRole('button', { name, exact: true });
    await button.focus();
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    await download;
    await expect(button, name).toBeEnabled();
    await expect(button, name).toBeFocused();
  }
  await page.getByRole('button', { name: 'By host' }).click();
  const agent = page.getByRole('group', { name: /^Agent server 1/ });
  const section = agent.getByRole('button', { name: /^Agent server 1/, expanded: false });
  if (await section.count()) await section.click();
  const perHost = agent.getByRole('button', { name: 'CSV of this host' });
  await perHost.focus();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  await download;
  await expect(perHost).toBeFocused();
});

test('switching to a version without some devices asks, lists them, and removes them on request', async ({
  page,
}) => {
  const plan = typicalPlan();
  plan.devices.push(
    { ...plan.devices[1]!, id: 'dev-7', environment: 'ctera', name: 'CTERA', agentId: 'agent-1' },
    {
      ...plan.devices[1]!,
      id: 'dev-8',
      environment: 'ctera',
      name: 'CTERA Edge',
      agentId: 'agent-1',
    },
  );
  await openWithPlan(page, plan, '#/plan/topology');
  const version = page.getByRole('combobox', { name: 'Activity Monitor version' });
  await expect(version).toBeVisible(LOADED);
  await version.click();
  await page.getByRole('option', { name: '7.1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Switch to Activity Monitor 7.1?' });
  await expect(dialog).toContainText('CTERA is not available in 7.1. Remove them, or keep 10.0?');
  await expect(dialog.getByRole('listitem')).toHaveText([
    'Device "CTERA" (CTERA)',
    'Device "CTERA Edge" (CTERA)',
  ]);
  // Keep: nothing changes.
  await expect(dialog.getByRole('button', { name: 'Keep 10.0' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(version).toHaveText('10.0');
  // Remove: both go, the version switches.
  await version.click();
  await page.getByRole('option', { name: '7.1' }).click();
  await dialog.getByRole('button', { name: 'Remove and switch to 7.1' }).click();
  await expect(dialog).toBeHidden();
  await expect(version).toHaveText('7.1');
  await page.getByRole('tab', { name: /^Devices/ }).click();
  await expect(stepHeading(page, 'Devices')).toBeVisible();
  await expect(page.getByRole('group', { name: 'CTERA' })).toHaveCount(0);
  await expect(page.getByText('not available in Activity Monitor 7.1')).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Qumulo', exact: true })).toBeChecked();
});

test('a plan check with a long address wraps at 360 px instead of being cut off', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const plan = typicalPlan();
  // The same address on two devices: a warning that quotes it.
  plan.devices.push({ ...plan.devices[1]!, id: 'dev-7', environment: 'ctera', name: 'CTERA' });
  await openWithPlan(page, plan, '#/plan/review');
  const check = page.getByRole('alert').filter({ hasText: 'qumulo01.corp.contoso.com' });
  await expect(check.first()).toBeVisible(LOADED);
  const clipped = await check
    .first()
    .locator('.MuiAlert-message')
    .evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(clipped).toBe(0);
});

test('Chromium itself names a step with problems "Devices, 1 warning", without a stray space', async ({
  page,
}) => {
  const plan = typicalPlan();
  // The same address on two devices: a warning on the Devices step.
  plan.devices.push({ ...plan.devices[1]!, id: 'dev-7', environment: 'ctera', name: 'CTERA' });
  await openWithPlan(page, plan, '#/plan/review');
  await expect(stepHeading(page, 'Review & export')).toBeVisible(LOADED);
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { role?: { value?: string }; name?: { value?: string } }[];
  };
  const tabs = nodes.filter((n) => n.role?.value === 'tab').map((n) => n.name?.value ?? '');
  expect(tabs).toContain('Devices, 1 warning');
  expect(tabs.filter((name) => / ,/.test(name))).toEqual([]);
});
