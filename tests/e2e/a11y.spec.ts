import { expect, test } from '@playwright/test';

import { axeViolations } from './support/axe';

// The pages outside the wizard (whose steps wizard.spec.ts checks), in both colour schemes.
const PAGES = [
  { hash: '#/', heading: /firewall openings/ },
  { hash: '#/reference', heading: /Port reference/ },
  { hash: '#/open/garbage', heading: null },
  { hash: '#/no-such-page', heading: null },
];

for (const scheme of ['light', 'dark'] as const) {
  test(`axe reports no WCAG 2.1 A/AA violation outside the wizard (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const { hash, heading } of PAGES) {
      await page.goto(`/${hash}`);
      if (heading) await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
      else await expect(page.getByRole('alert').first()).toBeVisible();
      expect(await axeViolations(page), hash).toEqual([]);
    }
  });
}
