import { expect, test } from '@playwright/test';

test('home page offers to start a new plan, and the header leads to the port reference', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('firewall openings');
  await page.getByRole('link', { name: 'Start a new plan' }).click();
  await expect(page).toHaveURL(/#\/plan\/topology$/);
  await expect(page.getByRole('heading', { name: 'Topology', level: 2 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Port reference', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Port reference');
});
