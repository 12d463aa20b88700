// npm test: every Vitest suite (unit in Node, component in jsdom), then the Playwright suite.
// Prints one closing line "N passed, N failed" that sums both runners.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

import { runE2e } from './run-e2e.mjs';

mkdirSync('test-results', { recursive: true });
rmSync('test-results/vitest.json', { force: true });
rmSync('test-results/playwright.json', { force: true });

const vitest = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/vitest.json',
  ],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
try {
  const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
} catch {
  failed += 1;
  console.error('Vitest produced no result file.');
}

const e2e = runE2e();
if (!e2e.skipped) {
  try {
    const p = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'));
    passed += p.stats.expected + p.stats.flaky;
    failed += p.stats.unexpected;
  } catch {
    failed += 1;
    console.error('Playwright produced no result file.');
  }
}

const status = vitest.status === 0 && e2e.status === 0 && failed === 0 ? 0 : 1;
writeFileSync(
  'test-results/summary.json',
  JSON.stringify({ passed, failed, e2eSkipped: e2e.skipped }),
);
console.log(
  `\n${passed} passed, ${failed} failed${e2e.skipped ? ' (end-to-end suite skipped: no Chromium)' : ''}`,
);
process.exit(status);
