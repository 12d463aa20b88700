/**
 * Issue 15, named CEE servers: the first journey of the issue (one agent server, a NetApp and
 * an Isilon behind a separate CEE server) in at most 12 clicks, and two Dell devices that share
 * one named CEE server, which the rule sheet names once.
 */
import { readFileSync } from 'node:fs';

import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

import type { Plan } from '../../src/core/plan/model';
import { makeAgent, makeDevice, planWith } from '../support/plan-builders';

import { countClicks } from './support/clicks';

const STORAGE_KEY = 'am-firewall-planner:plan';

function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('one agent, a NetApp and an Isilon behind a separate CEE server, in ≤ 12 clicks', async ({
  page,
}) => {
  // Many steps on a shared machine: room to finish (no assertion reads the time).
  test.setTimeout(180_000);
  const errors = trackErrors(page);
  const clicks = countClicks(page);
  await page.goto('/#/plan/topology');
  await expect(page.getByRole('heading', { level: 2, name: 'Topology' })).toBeVisible();

  // Topology: the console and agent addresses; the CEE server, named once (its name field
  // takes the focus when it is added).
  await clicks.fill(page.getByLabel('Console address'), '10.1.0.10');
  await clicks.fill(page.getByLabel('Agent server 1 address'), '10.1.0.20');
  await clicks.click(page.getByRole('button', { name: 'Add CEE server' }));
  await clicks.fill(page.getByLabel('CEE server 1 name'), 'CEE-01');
  await page.keyboard.press('Tab');
  await page.keyboard.type('10.1.0.30');
  await clicks.click(page.getByRole('button', { name: 'Next' }));

  // Devices: tick both platforms, type their addresses.
  await clicks.click(page.getByRole('checkbox', { name: 'NetApp Data ONTAP Cluster-Mode' }));
  await clicks.click(page.getByRole('checkbox', { name: 'Dell Isilon/PowerScale' }));
  await clicks.fill(page.getByLabel('NetApp Data ONTAP Cluster-Mode: Addresses'), '10.2.0.5');
  await clicks.fill(page.getByLabel('Dell Isilon/PowerScale: Addresses'), '10.2.0.6');
  await clicks.click(page.getByRole('button', { name: 'Next' }));

  // Options: the ONTAP management LIF, and where the Isilon's CEE runs, in one choice.
  await expect(page.getByRole('heading', { level: 2, name: 'Options' })).toBeVisible();
  await clicks.fill(page.getByLabel('ONTAP management LIF address'), '10.2.0.4');
  await clicks.select(page.getByLabel('CEE location'), 'cee:cee-1');
  // The optional Network step is skipped: straight to the review by its step in the stepper.
  await clicks.click(page.getByRole('tab', { name: /^Review & export/ }));

  // The review: nothing missing, and the CEE server is a host of its own, by its name.
  await expect(page.getByRole('heading', { name: 'Review & export' })).toBeVisible();
  await expect(page.getByText('No problems found in the plan.')).toBeVisible();
  await page.getByLabel('Filter rules').fill('CEE-01');
  await expect(page.getByRole('row').filter({ hasText: 'CEE-01' }).first()).toBeVisible();
  expect(clicks.count).toBeLessThanOrEqual(12);
  test.info().annotations.push({ type: 'clicks', description: String(clicks.count) });
  console.log(`clicks: ${clicks.count}`);
  expect(errors).toEqual([]);
});

/** Two Dell devices that send their events to one CEE server. */
function sharedCeePlan(): Plan {
  const plan = planWith({
    name: 'Two Dell devices, one CEE',
    console: { name: 'Activity Monitor Console', address: '10.1.0.10' },
    agents: [makeAgent(1, { name: 'AGENT-NYC', address: '10.1.0.20' })],
    devices: [
      makeDevice('dell-isilon', 1, {
        name: 'ISILON01',
        addresses: ['10.2.0.6'],
        agentId: 'agent-1',
        options: { ceePlacement: 'separate', ceeServer: 'cee-1' },
      }),
      makeDevice('dell-unity', 2, {
        name: 'UNITY01',
        addresses: ['10.2.0.7'],
        agentId: 'agent-1',
        options: { ceePlacement: 'separate', ceeServer: 'cee-1' },
      }),
    ],
  });
  return {
    ...plan,
    ceeServers: [{ id: 'cee-1', name: 'CEE-01', address: '10.1.0.30', os: 'windows' }],
  };
}

test('two Dell devices share one named CEE server and the sheet names it', async ({ page }) => {
  const errors = trackErrors(page);
  await page.goto('/');
  await page.evaluate(({ key, value }) => window.localStorage.setItem(key, value), {
    key: STORAGE_KEY,
    value: JSON.stringify({ v: 1, plan: sharedCeePlan() }),
  });
  await page.goto('about:blank');
  await page.goto('/#/plan/topology');
  // The Topology step lists the CEE server once, with the devices that use it.
  await expect(page.getByText(/Used by .ISILON01., .UNITY01./)).toBeVisible();

  await page.goto('/#/plan/review');
  await expect(page.getByRole('heading', { name: 'Review & export' })).toBeVisible();
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download summary CSV', exact: true }).click();
  const text = readFileSync(await (await pending).path(), 'utf8');
  const lines = text.split('\r\n').filter((l) => l.includes('10.1.0.30'));
  // Both devices reach the CEE server by its name and address; it reaches the agent once.
  expect(lines.some((l) => l.includes('ISILON01') && l.includes('CEE-01'))).toBe(true);
  expect(lines.some((l) => l.includes('UNITY01') && l.includes('CEE-01'))).toBe(true);
  expect(text).not.toMatch(/CEE server for/);
  expect(errors).toEqual([]);
});
