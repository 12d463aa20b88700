import { expect, test } from '@playwright/test';

test('home page offers to start a new plan', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('firewall openings');
  await page.getByRole('link', { name: 'Start a new plan' }).click();
  await expect(page).toHaveURL(/#\/plan\/topology$/);
  await page.getByRole('link', { name: 'Port reference' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Port reference');
});
