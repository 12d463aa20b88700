import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core');
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

declare global {
  interface Window {
    axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> };
  }
}

/** WCAG 2.1 A and AA violations on the current page, as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // The app's Content-Security-Policy blocks injected <script> tags (addScriptTag); evaluating
  // the source through the DevTools protocol is not subject to it, and the CSP stays on.
  await page.evaluate(AXE_SOURCE);
  // Let CSS transitions end (a button fading from disabled to enabled has a passing colour).
  // Endless animations (the focus ripple of a focused button pulsates forever) never finish.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }),
  );
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? '?'}): ${v.help} -> ${v.nodes
        .slice(0, 3)
        .map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`)
        .join(' | ')}`,
  );
}
