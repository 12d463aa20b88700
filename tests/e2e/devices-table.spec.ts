/**
 * Issue 15, "Data entry at scale": three agent servers and six devices entered mostly through
 * the devices table and a bulk "Assign to agent…", in at most 25 clicks; the table has no axe
 * violation, light and dark, at 360 px and on a desktop.
 * Issue 18, "Large estates stay instant": the table of 500 devices renders only the rows near
 * the viewport (its spacer rows pass axe), Tab goes on along the rows as the page scrolls, and
 * "Go to field" from the review reaches a device far down the table.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

import { createDefaultPlan } from '../../src/core/plan/model';

import { axeViolations } from './support/axe';
import { countClicks } from './support/clicks';

function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const DEVICES = [
  { name: 'Qumulo NYC', address: '10.2.0.1' },
  { name: 'Qumulo LON', address: '10.2.0.2' },
  { name: 'Qumulo PAR', address: '10.2.0.3' },
  { name: 'Isilon NYC', address: '10.2.0.4' },
  { name: 'Isilon LON', address: '10.2.0.5' },
  { name: 'Isilon PAR', address: '10.2.0.6' },
];

test('three agents and six devices through the table and a bulk assign, in ≤ 25 clicks', async ({
  page,
}) => {
  // Many steps on a shared machine: room to finish (no assertion reads the time).
  test.setTimeout(180_000);
  const errors = trackErrors(page);
  const clicks = countClicks(page);
  await page.goto('/#/plan/topology');
  await expect(page.getByRole('heading', { level: 2, name: 'Topology' })).toBeVisible();

  // Three agent servers: name, Tab, address.
  for (const [i, city] of ['NYC', 'LON', 'PAR'].entries()) {
    if (i > 0) await clicks.click(page.getByRole('button', { name: 'Add agent server' }));
    await clicks.fill(page.getByLabel(`Agent server ${i + 1} name`), `Agent ${city}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type(`10.1.0.${i + 1}`);
  }
  await clicks.click(page.getByRole('button', { name: 'Next' }));

  // The first device by its tick, then the table: Add device focuses the new row's name.
  await clicks.click(page.getByRole('checkbox', { name: 'Qumulo', exact: true }));
  await clicks.click(page.getByRole('button', { name: 'Table' }));
  const table = page.getByRole('table', { name: /Your devices/ });
  await clicks.fill(table.getByLabel('Qumulo: Name'), DEVICES[0]!.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEVICES[0]!.address);
  for (const [i, device] of DEVICES.entries()) {
    if (i === 0) continue;
    if (i === 3) await clicks.select(page.getByLabel('Type of the new device'), 'dell-isilon');
    await clicks.click(page.getByRole('button', { name: 'Add device' }));
    await page.keyboard.type(device.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(device.address);
  }
  await expect(table.getByRole('row')).toHaveCount(7);

  // The LON devices, then the PAR devices, to their agent servers in bulk.
  for (const city of ['LON', 'PAR']) {
    for (const kind of ['Qumulo', 'Isilon']) {
      await clicks.click(page.getByRole('checkbox', { name: `Select ${kind} ${city}` }));
    }
    await clicks.click(page.getByRole('button', { name: 'Assign to agent…' }));
    await clicks.click(page.getByRole('menuitem', { name: new RegExp(`^Agent ${city}`) }));
  }

  for (const [i, device] of DEVICES.entries()) {
    const agent = ['agent-1', 'agent-2', 'agent-3'][i % 3]!;
    await expect(table.getByLabel(`${device.name}: Name`)).toHaveValue(device.name);
    await expect(table.getByLabel(`${device.name}: Addresses`)).toHaveValue(device.address);
    await expect(table.getByLabel(`${device.name}: Agent server`)).toHaveValue(agent);
  }
  expect(clicks.count).toBeLessThanOrEqual(25);
  test.info().annotations.push({ type: 'clicks', description: String(clicks.count) });
  console.log(`clicks: ${clicks.count}`);
  expect(errors).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [360, 1440]) {
    test(`the devices table has no axe violation (${scheme}, ${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/#/plan/devices');
      for (const name of ['Qumulo', 'Dell Isilon/PowerScale', 'SQL Server', 'Microsoft Entra ID']) {
        await page.getByRole('checkbox', { name, exact: true }).check();
      }
      await page.getByRole('button', { name: 'Table' }).click();
      await page.getByRole('checkbox', { name: 'Select Qumulo' }).check();
      await page.getByLabel('Qumulo: Addresses').fill('bad_host');
      await expect(page.getByRole('table', { name: /Your devices/ })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

/** A plan of five agent servers and 500 devices ("Device 1" to "Device 500"), opened on `path`. */
async function openLargePlan(page: Page, path: string, badDevice?: number) {
  const plan = {
    ...createDefaultPlan(),
    name: 'Large estate',
    console: { name: 'Console', address: '10.0.0.10' },
    agents: [1, 2, 3, 4, 5].map((n) => ({
      id: `agent-${n}`,
      name: `Agent ${n}`,
      address: `10.1.0.${n}`,
    })),
    devices: Array.from({ length: 500 }, (_, i) => ({
      id: `dev-${i + 1}`,
      environment: i % 2 === 0 ? 'qumulo' : 'netapp-cmode',
      name: `Device ${i + 1}`,
      addresses: [
        i + 1 === badDevice ? 'bad_host' : `10.2.${Math.floor(i / 200)}.${(i % 200) + 1}`,
      ],
      tenant: '',
      agentId: `agent-${(i % 5) + 1}`,
      options: {},
    })),
  };
  await page.goto('/');
  await page.evaluate(
    (value) => window.localStorage.setItem('am-firewall-planner:plan', value),
    JSON.stringify({ v: 1, plan }),
  );
  // Away and back: a new page load reads the stored plan (a hash change alone would not).
  await page.goto('about:blank');
  await page.goto(`/#${path}`);
}

test.describe('the devices table of a large plan (issue 18)', () => {
  test('renders a window of rows, spacers pass axe, the end reached by scrolling', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const errors = trackErrors(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openLargePlan(page, '/plan/devices');
    const table = page.getByRole('table', { name: /Your devices \(500\)/ });
    await expect(table).toHaveAttribute('aria-rowcount', '501');
    await expect(table.getByLabel('Device 1: Name')).toHaveValue('Device 1');
    expect(await table.getByRole('row').count()).toBeLessThan(60);
    await expect(table.getByLabel('Device 500: Name')).toHaveCount(0);

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await expect(table.getByRole('row').nth(1)).not.toHaveAttribute('aria-rowindex', '2');
    expect(await table.getByRole('row').count()).toBeLessThan(60);
    expect(await axeViolations(page)).toEqual([]);

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(table.getByLabel('Device 500: Name')).toBeInViewport();
    await expect(table.getByLabel('Device 1: Name')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('Tab goes along the rows past the first window, the page scrolling', async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openLargePlan(page, '/plan/devices');
    const table = page.getByRole('table', { name: /Your devices/ });
    await table.getByLabel('Device 1: Name').focus();
    // Name, addresses, agent server, remove, then the next row's checkbox: 40 rows down.
    for (let i = 0; i < 40 * 5; i += 1) await page.keyboard.press('Tab');
    await expect(table.getByLabel('Device 41: Name')).toBeFocused();
    await expect(table.getByLabel('Device 41: Name')).toBeInViewport();
  });

  test('"Go to field" in the review reaches a device far down the table', async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openLargePlan(page, '/plan/review', 421);
    const check = page.getByRole('alert').filter({ hasText: 'Device 421' });
    await check.getByRole('button', { name: 'Go to field' }).click({ timeout: 120_000 });
    const field = page.getByLabel('Device 421: Addresses');
    await expect(field).toBeFocused();
    await expect(field).toBeInViewport();
    await expect(field).toHaveValue('bad_host');
  });
});
