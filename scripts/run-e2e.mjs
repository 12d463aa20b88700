// Builds the app and runs the Playwright suite against `vite preview` in Debian's Chromium.
// Without a browser it says so and skips; with CI=true a missing browser is a failure.
import { spawnSync } from 'node:child_process';

import { findChromium } from './find-chromium.mjs';

export function runE2e(extraArgs = []) {
  const chromium = findChromium();
  if (!chromium) {
    const why =
      'No Chromium found (set CHROMIUM_PATH, or on Debian/Ubuntu: apt-get install chromium).';
    if (process.env.CI === 'true' || process.env.CI === '1') {
      console.error(`End-to-end suite FAILED to start: ${why}`);
      return { status: 1, skipped: false };
    }
    console.warn(`End-to-end suite SKIPPED: ${why}`);
    return { status: 0, skipped: true };
  }
  const env = { ...process.env, CHROMIUM_PATH: chromium };
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env,
  });
  if (build.status !== 0) return { status: build.status ?? 1, skipped: false };
  const run = spawnSync('npx', ['playwright', 'test', ...extraArgs], { stdio: 'inherit', env });
  return { status: run.status ?? 1, skipped: false };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(runE2e(process.argv.slice(2)).status);
}
