/**
 * Issue 15, "Data entry at scale": 50 devices across 5 agent servers pasted from a spreadsheet,
 * 3 bad cells reported by row and column, fixed in the text, added, and counted in the review.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

import { createDefaultPlan } from '../../src/core/plan/model';

import { axeViolations } from './support/axe';

const STORAGE_KEY = 'am-firewall-planner:plan';
const TYPES = ['NetApp ONTAP', 'Isilon', 'Qumulo', 'Nasuni', 'SQL Server'];
const AGENTS = ['Agent NYC', 'Agent LON', 'Agent PAR', 'Agent SIN', 'Agent SYD'];

/** A plan with a console and five named agent servers, no devices yet. */
async function openPlan(page: Page) {
  const plan = {
    ...createDefaultPlan(),
    console: { name: 'Console', address: '10.0.0.10' },
    agents: AGENTS.map((name, i) => ({ id: `agent-${i + 1}`, name, address: `10.1.0.${i + 1}` })),
  };
  await page.goto('/');
  await page.evaluate(({ key, value }) => window.localStorage.setItem(key, value), {
    key: STORAGE_KEY,
    value: JSON.stringify({ v: 1, plan }),
  });
  await page.goto('about:blank');
}

/** The sheet as a spreadsheet copies it: tab-separated, header first, 50 devices. */
function sheet(): string[] {
  const rows = ['Name\tType\tAddresses\tAgent'];
  for (let i = 1; i <= 50; i += 1) {
    const name = `Filer ${String(i).padStart(2, '0')}`;
    const type = TYPES[i % TYPES.length]!;
    // Agents written in other cases: they match by name, ignoring case.
    const agent = i % 2 ? AGENTS[i % AGENTS.length]! : AGENTS[i % AGENTS.length]!.toUpperCase();
    rows.push(`${name}\t${type}\t10.2.0.${i}\t${agent}`);
  }
  return rows;
}

async function hostCount(page: Page): Promise<number> {
  const summary = page.getByTestId('review-summary');
  await expect(summary).toContainText('hosts');
  const match = /between (\d+) hosts/.exec((await summary.textContent()) ?? '');
  return Number(match?.[1]);
}

test('50 devices pasted from a spreadsheet, 3 bad cells fixed, land in the review', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPlan(page);
  await page.goto('/#/plan/review');
  await expect(page.getByRole('heading', { name: 'Review & export' })).toBeVisible();
  const before = await hostCount(page);

  await page.getByRole('tab', { name: /Devices/ }).click();
  await page.getByRole('button', { name: 'Paste from spreadsheet' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste devices from a spreadsheet' });
  await expect(dialog).toBeVisible();

  const good = sheet();
  const bad = [...good];
  bad[5] = bad[5]!.replace('\tNetApp ONTAP\t', '\tNetAp\t'); // spreadsheet row 6
  bad[19] = bad[19]!.replace(/\t[^\t]+$/, '\tAgent PARIS'); // row 20
  bad[32] = bad[32]!.replace('10.2.0.32', '10.2.0.320'); // row 33
  const text = dialog.getByLabel('Spreadsheet rows');
  await text.fill(bad.join('\n'));

  const problems = dialog.getByRole('list', { name: 'Bad cells' }).getByRole('listitem');
  await expect(problems).toHaveCount(3);
  await expect(problems.nth(0)).toHaveText(
    /^Row 6, column Type: "NetAp" is not a platform; did you mean NetApp/,
  );
  await expect(problems.nth(1)).toHaveText(
    /^Row 20, column Agent: The plan has no agent server named "Agent PARIS"; did you mean "Agent PAR"\?/,
  );
  await expect(problems.nth(2)).toHaveText(/^Row 33, column Addresses: /);
  await expect(dialog.getByRole('status')).toHaveText(
    '50 rows: 3 problems to fix before adding (47 rows ready).',
  );
  await expect(dialog.getByRole('img', { name: 'Bad cell:' })).toHaveCount(3);
  await expect(dialog.getByRole('button', { name: 'Add 50 devices' })).toBeDisabled();
  expect(await axeViolations(page)).toEqual([]);
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: false });

  // Fix the three cells in the text itself.
  await text.fill(
    bad
      .join('\n')
      .replace('\tNetAp\t', '\tnetapp ontap\t')
      .replace('Agent PARIS', 'agent par')
      .replace('10.2.0.320', '10.2.0.32'),
  );
  await expect(dialog.getByRole('list', { name: 'Bad cells' })).toHaveCount(0);
  await expect(dialog.getByRole('status')).toHaveText('50 devices ready to add.');
  await dialog.getByRole('button', { name: 'Add 50 devices' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: 'Added 50 devices from the spreadsheet.' }),
  ).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Qumulo', exact: true })).toBeChecked();

  await page.getByRole('tab', { name: /Review/ }).click();
  await expect(page.getByRole('heading', { name: 'Review & export' })).toBeVisible();
  // 50 more hosts at least (an ONTAP device brings its management LIF too), one per device.
  expect(await hostCount(page)).toBeGreaterThanOrEqual(before + 50);
  await page.getByRole('button', { name: 'By host' }).click();
  await expect(page.getByRole('group', { name: /^Filer \d\d\b/ })).toHaveCount(50);
  expect(errors).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the paste dialog with bad cells has no axe violation (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openPlan(page);
    await page.goto('/#/plan/devices');
    await page.getByRole('button', { name: 'Paste from spreadsheet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste devices from a spreadsheet' });
    await dialog
      .getByLabel('Spreadsheet rows')
      .fill(sheet().slice(0, 4).join('\n').replace('Isilon', 'Isilom'));
    await expect(dialog.getByRole('list', { name: 'Bad cells' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('5 agent servers pasted on the Topology step, then 50 devices, land in the table', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/#/plan/topology');
  await page.getByRole('button', { name: 'Paste agent servers from a spreadsheet' }).click();
  const agents = page.getByRole('dialog', { name: 'Paste agent servers from a spreadsheet' });
  const rows = ['name\taddress', ...AGENTS.map((name, i) => `${name}\t10.1.0.${i + 1}`)];
  // A duplicate (ignoring case) is a bad cell, by row and column; nothing is added.
  await agents.getByLabel('Spreadsheet rows').fill([...rows, 'agent nyc\t10.1.0.9'].join('\n'));
  await expect(agents.getByRole('list', { name: 'Bad cells' }).getByRole('listitem')).toHaveText([
    'Row 7, column name: "agent nyc" is also the name in row 2.',
  ]);
  await expect(agents.getByRole('button', { name: 'Add 6 agent servers' })).toBeDisabled();
  await agents.getByLabel('Spreadsheet rows').fill(rows.join('\n'));
  await expect(agents.getByText(/replace the empty “Agent server 1”/)).toBeVisible();
  await agents.getByRole('button', { name: 'Add 5 agent servers' }).click();
  await expect(agents).toBeHidden();
  await expect(page.getByLabel('Agent server 5 name')).toHaveValue('Agent SYD');
  await expect(page.getByLabel('Agent server 6 name')).toHaveCount(0);

  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Paste from spreadsheet' }).click();
  const devices = page.getByRole('dialog', { name: 'Paste devices from a spreadsheet' });
  await devices.getByLabel('Spreadsheet rows').fill(sheet().join('\n'));
  await devices.getByRole('button', { name: 'Add 50 devices' }).click();
  await expect(devices).toBeHidden();
  const table = page.getByRole('table', { name: /Your devices/ });
  await expect(table.getByRole('row')).toHaveCount(51);
  await expect(table.getByLabel('Filer 07: Agent server')).toHaveValue('agent-4');
  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
