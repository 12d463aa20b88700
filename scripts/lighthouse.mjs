// npm run lighthouse: median of three Lighthouse runs per page against `vite preview`, using
// Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium). Prints the scores; exits 1 below
// issue 18's targets: desktop (the default) 1.0 performance, accessibility and best practices;
// LH_FORM=mobile (Lighthouse's mobile emulation and throttling) performance >= 0.9.
// LH_PATHS='/,/#/plan/topology' chooses the pages (default: the home page).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

import { findChromium } from './find-chromium.mjs';

const PORT = 4179;
const RUNS = 3;
const URLS = (process.env.LH_PATHS ?? '/').split(',');
const MOBILE = process.env.LH_FORM === 'mobile';
const TARGETS = MOBILE
  ? { performance: 0.9 }
  : { performance: 1, accessibility: 1, 'best-practices': 1 };
const chromium = findChromium();
if (!chromium) {
  console.error('No Chromium found: apt-get install chromium, or set CHROMIUM_PATH.');
  process.exit(1);
}

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
  {
    stdio: 'ignore',
    detached: true,
  },
);
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', stop);

async function waitForServer() {
  for (let i = 0; i < 100; i += 1) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/`);
      if (res.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await waitForServer();
mkdirSync('.lighthouse', { recursive: true });
let failed = false;
for (const path of URLS) {
  const scores = { performance: [], accessibility: [], 'best-practices': [] };
  for (let run = 1; run <= RUNS; run += 1) {
    const out = `.lighthouse/run-${run}.json`;
    const lh = spawnSync(
      'npx',
      [
        'lighthouse',
        `http://127.0.0.1:${PORT}${path}`,
        '--quiet',
        ...(MOBILE ? [] : ['--preset=desktop']),
        '--only-categories=performance,accessibility,best-practices',
        '--output=json',
        `--output-path=${out}`,
        '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync',
      ],
      { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chromium } },
    );
    if (lh.status !== 0) {
      console.error(`Lighthouse run ${run} failed.`);
      process.exit(1);
    }
    const report = JSON.parse(readFileSync(out, 'utf8'));
    for (const key of Object.keys(scores)) scores[key].push(report.categories[key].score);
  }
  const result = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, median(v)]));
  console.log(
    `Lighthouse (${MOBILE ? 'mobile' : 'desktop'}, median of ${RUNS}) ${path}: ${JSON.stringify(result)}`,
  );
  if (Object.entries(TARGETS).some(([key, target]) => result[key] < target)) failed = true;
}
stop();
process.exit(failed ? 1 : 0);
