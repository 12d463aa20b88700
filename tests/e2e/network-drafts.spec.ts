import { expect, test } from '@playwright/test';

// Nothing typed is lost: a zone's blocks with a bad line are not applied, and the text survives a
// reload of the tab (sessionStorage), with the same message and the same way out.

test('a bad line typed in a zone’s blocks survives a reload, not applied, and can be fixed', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/#/plan/network');
  await expect(page.getByRole('heading', { level: 2, name: 'Network', exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Add zone' }).click();
  await page.getByLabel('Zone 1 CIDR blocks').focus();
  await page.keyboard.insertText('10.1.0.0/16\n10.2.0.0/33');
  const field = page.getByLabel('Zone 1 CIDR blocks');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Not applied yet: fix these lines')).toBeVisible();

  await page.reload();
  await expect(field).toHaveValue('10.1.0.0/16\n10.2.0.0/33', { timeout: 30_000 });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const stored = await page.evaluate(() => localStorage.getItem('am-firewall-planner:plan'));
  expect(JSON.parse(stored ?? '{}').plan.network.zones[0].cidrs).toEqual([]);

  // Fixed after the reload: applied, and the draft is gone.
  await field.fill('10.1.0.0/16\n10.2.0.0/16');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect
    .poll(
      async () =>
        JSON.parse(
          (await page.evaluate(() => localStorage.getItem('am-firewall-planner:plan'))) ?? '{}',
        ).plan.network.zones[0].cidrs,
    )
    .toEqual(['10.1.0.0/16', '10.2.0.0/16']);
  expect(errors).toEqual([]);
});
