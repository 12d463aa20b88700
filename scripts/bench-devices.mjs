// node scripts/bench-devices.mjs name=distDir [name=distDir ...]: how long the Devices step of a
// large plan takes to show (issue 18), for one or more production builds, interleaved.
// For each build in turn (the order reversed every other run), BENCH_RUNS times (default 3): a
// fresh page with the plan stored, opened on Topology; then the click on "Next" until the frame
// after the Devices heading and the devices table are in the page (performance.now() inside the
// page). Prints each run with the rendered device rows, the page's element count and the load
// average, then each build's times.
// The plan: BENCH_PLAN (default large: 50 agent servers, 500 devices; max: 2,000 devices), made by
// scripts/bench-review.mjs (BENCH_DUMP). Each build is served by its own `vite preview` on a free
// port (4185 up) while it is measured; Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium).
// Example: npx vite build --outDir /tmp/after && node scripts/bench-devices.mjs after=/tmp/after
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';

import { chromium } from '@playwright/test';

import { startPreview } from './preview-server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PLAN = process.env.BENCH_PLAN ?? 'large';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIRST_PORT = 4185;
const TIMEOUT_MS = 180_000;

const builds = process.argv.slice(2).map((arg) => {
  const [name, dir] = arg.split('=');
  if (!name || !dir || !existsSync(join(dir, 'index.html'))) {
    console.error(`"${arg}": expected name=distDir, a directory with an index.html.`);
    process.exit(1);
  }
  return { name, dir: resolve(dir) };
});
if (builds.length === 0) {
  console.error('Usage: node scripts/bench-devices.mjs name=distDir [name=distDir ...]');
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`No Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH.`);
  process.exit(1);
}

const stored = execFileSync(process.execPath, ['scripts/bench-review.mjs'], {
  env: { ...process.env, BENCH_DUMP: PLAN },
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
}).trim();

let stopServer = () => {};

/** Serves `dir` with vite preview (scripts/preview-server.mjs); resolves to its URL. */
async function serve(dir) {
  const preview = await startPreview(dir, FIRST_PORT);
  stopServer = preview.stop;
  return preview.base;
}

/** In the page: click "Next", resolve with the ms until the frame after the table shows. */
function clickNextUntilDevices() {
  return new Promise((done) => {
    const next = [...document.querySelectorAll('button')].find(
      (b) => b.textContent.trim() === 'Next',
    );
    const t0 = performance.now();
    next.click();
    const check = () => {
      const heading = document.getElementById('step-heading');
      if (heading?.textContent.includes('Devices') && document.querySelector('table')) {
        requestAnimationFrame(() => done(performance.now() - t0));
      } else {
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
  });
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const times = new Map(builds.map((b) => [b.name, []]));
try {
  for (let run = 1; run <= RUNS; run += 1) {
    const order = run % 2 === 1 ? builds : [...builds].reverse();
    for (const build of order) {
      const base = await serve(build.dir);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript((value) => {
        // Once per context: the plan as stored by the app, before its scripts run.
        if (sessionStorage.getItem('bench-seeded')) return;
        localStorage.setItem('am-firewall-planner:plan', value);
        sessionStorage.setItem('bench-seeded', '1');
      }, stored);
      const page = await context.newPage();
      await page.goto(`${base}/#/plan/topology`);
      await page
        .getByRole('heading', { level: 2, name: 'Topology' })
        .waitFor({ timeout: TIMEOUT_MS });
      await page.waitForTimeout(1500);
      const ms = Math.round(await page.evaluate(clickNextUntilDevices));
      const rows = await page.locator('table tbody tr:not([data-spacer])').count();
      const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
      times.get(build.name).push(ms);
      console.log(
        `run ${run} ${build.name}: ${ms} ms, ${rows} device rows, ${elements} elements, load ${load()}`,
      );
      await context.close();
      stopServer();
    }
  }
} finally {
  await browser.close();
  stopServer();
}
for (const [name, list] of times) console.log(`${name} (${PLAN}): ${list.join(', ')} ms`);
