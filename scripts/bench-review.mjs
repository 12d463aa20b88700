// npm run bench:browser: how the review step behaves in Chromium with a large plan (50 agent
// servers, 500 devices). Builds nothing: run `npm run build` first (BENCH_DIST=<dir> to measure
// another build). Starts `vite preview` on a free port (4185 up), launches Debian's Chromium
// (CHROMIUM_PATH or /usr/bin/chromium; never a downloaded browser), and prints medians of
// BENCH_RUNS (default 5) fresh page loads for:
//   - step change: from "Options", click "Next" (and, separately, the "Review & export" step
//     header) until the first rules table row is painted, and until the main thread is idle
//     (first row painted and the last long task since the click ended);
//   - scroll: the review page scrolled to the bottom, 120 px per frame: p95 frame time, long tasks;
//   - "By host": click the toggle until every host section (closed: name, counts) is painted and idle;
//   - filter: type into "Filter rules" until the list stops changing; worst event duration (INP-like).
// Times come from performance.now() inside the page; long tasks from a 'longtask' observer.
// No assertion: it reports, and exits 1 only when it cannot measure (or with BENCH_STRICT=1
// when the step change median is above 200 ms).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';

import { chromium } from '@playwright/test';

const DIST = resolve(process.env.BENCH_DIST ?? 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FIRST_PORT = 4185;
const STEP_TARGET_MS = 200;
const STORAGE_KEY = 'am-firewall-planner:plan';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORT = { width: 1280, height: 800 };
const FILTER_TEXT = '10.2.1.5';

if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`${join(DIST, 'index.html')} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`No Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH.`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// The large plan, mirroring makePlan({ agents: 50, devices: 500, integrations: true }) of
// tests/support/plan-builders.ts and the Plan shape of src/core/plan/model.ts (plain JS: no
// TypeScript loader needed). Device environments: every device environment of AM 10.0, in
// catalog order (/work/catalog-vocabulary.md, src/data/environments.ts).

const DEVICE_ENVIRONMENTS = [
  'cohesity',
  'ctera',
  'dell-celerra-vnx',
  'dell-isilon',
  'dell-powerstore',
  'dell-unity',
  'exchange-online',
  'entra-id',
  'sharepoint-online',
  'azure-files',
  'm365-copilot',
  'nasuni',
  'netapp-7mode',
  'netapp-cmode',
  'nutanix',
  'panzura',
  'qumulo',
  'hitachi-nas',
  'sql-server',
  'windows-file-server',
  'active-directory',
  'linux',
  'sharepoint-onprem',
];

/** A unique IPv4 address: 10.<net>.<n div 250>.<n mod 250 + 1> (as ipFor in plan-builders). */
const ipFor = (net, n) => `10.${net}.${Math.floor(n / 250) % 256}.${(n % 250) + 1}`;

function makeLargePlan({ agents = 50, devices = 500 } = {}) {
  const agentList = Array.from({ length: agents }, (_, i) => ({
    id: `agent-${i + 1}`,
    name: `Agent server ${i + 1}`,
    address: ipFor(1, i + 1),
  }));
  const deviceList = Array.from({ length: devices }, (_, i) => {
    const n = i + 1;
    const environment = DEVICE_ENVIRONMENTS[i % DEVICE_ENVIRONMENTS.length];
    return {
      id: `dev-${n}`,
      environment,
      name: `${environment} ${n}`,
      addresses: [ipFor(2, n)],
      tenant: `tenant-${n}.onmicrosoft.com`,
      agentId: `agent-${(i % agents) + 1}`,
      options: {},
    };
  });
  return {
    schemaVersion: 1,
    name: 'Large plan (50 agent servers, 500 devices)',
    amVersion: '10.0',
    console: { name: 'Console', address: '10.0.0.10' },
    agents: agentList,
    devices: deviceList,
    integrations: {
      accessAnalyzer: {
        enabled: true,
        edition: 'classic',
        name: 'Access Analyzer',
        address: '10.9.0.1',
        useApiServer: true,
      },
      siem: { enabled: true, name: 'SIEM', address: '10.9.0.2', transport: 'UDP', port: 514 },
      threatManager: { enabled: true, name: 'Threat Manager', address: '10.9.0.3' },
    },
    settings: { rpcRange: { from: 49152, to: 65535 }, ports: {}, showInferred: true },
  };
}

// ---------------------------------------------------------------------------------------------
// vite preview on a free port, stopped at the end (and on any exit).

function portIsFree(port) {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

async function freePort() {
  for (let port = FIRST_PORT; port < FIRST_PORT + 50; port += 1) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port in ${FIRST_PORT}-${FIRST_PORT + 49}`);
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(
  process.execPath,
  [
    'node_modules/vite/bin/vite.js',
    'preview',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--strictPort',
    '--outDir',
    DIST,
  ],
  { stdio: 'ignore', detached: true },
);
let browser = null;
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', stopServer);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopServer();
    process.exit(130);
  });
}

async function waitForServer() {
  for (let i = 0; i < 150; i += 1) {
    try {
      const res = await fetch(`${base}/`);
      if (res.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
}

// ---------------------------------------------------------------------------------------------
// In-page instrumentation (runs before the app's scripts on every load).

function instrument({ key, value }) {
  localStorage.setItem(key, value);
  const bench = { longTasks: [], events: [] };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    bench.noLongTasks = true;
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.events.push({ name: e.name, start: e.startTime, duration: e.duration });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {
    // Event Timing not available: the filter's worst event duration stays empty.
  }
  /** Resolves after the frame in which `ready()` first holds has been painted. */
  bench.painted = (ready) =>
    new Promise((done) => {
      const check = () => {
        if (!ready()) {
          requestAnimationFrame(check);
          return;
        }
        const frame = performance.now();
        // A message posted from rAF is handled after that frame's paint.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done({ frame, painted: performance.now() });
        channel.port2.postMessage(null);
      };
      requestAnimationFrame(check);
    });
  /** Waits until no long task has started for `quietMs`, then reports the last one's end. */
  bench.idleAfter = (t0, quietMs = 300) =>
    new Promise((done) => {
      const poll = () => {
        const tasks = bench.longTasks.filter((t) => t.end > t0);
        const lastEnd = tasks.reduce((m, t) => Math.max(m, t.end), t0);
        if (performance.now() - lastEnd >= quietMs) {
          done({ lastLongTaskEnd: lastEnd, longTasks: tasks.length, longest: longest(tasks) });
        } else setTimeout(poll, 50);
      };
      const longest = (tasks) => tasks.reduce((m, t) => Math.max(m, t.end - t.start), 0);
      setTimeout(poll, 50);
    });
}

const firstRowSelector = '[role="region"][aria-label="Rules by flow"] tbody tr';

/** Opens the options step with the large plan and waits until it has settled. */
async function openOptions(page) {
  await page.goto(`${base}/#/plan/options`);
  await page.getByRole('heading', { level: 2, name: 'Options' }).waitFor();
  await page.evaluate(() => window.__bench.idleAfter(0, 300));
}

/** Click → first rules row painted → idle. `how`: 'next' or 'header'. */
async function measureStepChange(page, how) {
  await openOptions(page);
  const t0 = await page.evaluate((how) => {
    const buttons = [...document.querySelectorAll('button')];
    const target =
      how === 'next'
        ? buttons.find((b) => b.textContent.trim() === 'Next')
        : [...document.querySelectorAll('nav[aria-label="Planner steps"] button')].find((b) =>
            b.textContent.trim().endsWith('Review & export'),
          );
    if (!target) throw new Error(`no ${how} button`);
    const t = performance.now();
    window.__bench.t0 = t;
    target.click();
    return t;
  }, how);
  return page.evaluate(
    async ({ t0, selector }) => {
      const b = window.__bench;
      const row = await b.painted(() => {
        const el = document.querySelector(selector);
        return el !== null && el.getBoundingClientRect().height > 0;
      });
      const idle = await b.idleAfter(t0);
      const rows = document.querySelectorAll(selector).length;
      const status = [...document.querySelectorAll('[role="status"]')]
        .map((s) => s.textContent)
        .find((t) => / rules?\.$/.test(t ?? ''));
      return {
        firstRow: row.painted - t0,
        interactive: Math.max(row.painted, idle.lastLongTaskEnd) - t0,
        longTasks: idle.longTasks,
        longest: idle.longest,
        rows,
        status,
      };
    },
    { t0, selector: firstRowSelector },
  );
}

/** Scrolls the review page to the bottom, 120 px per frame; frame times from rAF. */
async function measureScroll(page) {
  return page.evaluate(async () => {
    const b = window.__bench;
    window.scrollTo(0, 0);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const t0 = performance.now();
    const frames = [];
    await new Promise((done) => {
      let last = performance.now();
      const step = (now) => {
        frames.push(now - last);
        last = now;
        const bottom = document.documentElement.scrollHeight - window.innerHeight;
        if (window.scrollY >= bottom - 1) {
          done();
          return;
        }
        window.scrollBy(0, 120);
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    frames.shift(); // the wait before the first frame
    const sorted = [...frames].sort((x, y) => x - y);
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
    const longTasks = b.longTasks.filter((t) => t.start >= t0).length;
    return {
      frames: frames.length,
      height: document.documentElement.scrollHeight,
      p95,
      max: sorted.at(-1) ?? 0,
      longTasks,
      duration: performance.now() - t0,
    };
  });
}

/** Clicks "By host" → every host section painted (closed beyond 10 hosts) → idle. */
async function measureByHost(page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return page.evaluate(async () => {
    const b = window.__bench;
    const toggle = [...document.querySelectorAll('button')].find(
      (x) => x.textContent.trim() === 'By host',
    );
    if (!toggle) throw new Error('no "By host" toggle');
    const t0 = performance.now();
    toggle.click();
    const shown = await b.painted(
      () =>
        document.querySelector('.host-toggle') !== null &&
        document.querySelector('[role="region"][aria-label="Rules by flow"]') === null,
    );
    const idle = await b.idleAfter(t0);
    const hosts = [...document.querySelectorAll('[role="status"]')]
      .map((s) => s.textContent)
      .find((t) => / hosts?, /.test(t ?? ''));
    return {
      shown: shown.painted - t0,
      interactive: Math.max(shown.painted, idle.lastLongTaskEnd) - t0,
      longTasks: idle.longTasks,
      longest: idle.longest,
      status: hosts,
    };
  });
}

/** Types FILTER_TEXT into "Filter rules" (back on "By flow"); until the list stops changing. */
async function measureFilter(page) {
  await page.getByRole('button', { name: 'By flow' }).click();
  await page.locator(firstRowSelector).first().waitFor();
  await page.evaluate(() => window.__bench.idleAfter(performance.now(), 200));
  const input = page.getByRole('textbox', { name: 'Filter rules' });
  await input.focus();
  await page.evaluate(() => {
    const b = window.__bench;
    b.keys = [];
    b.mutations = [];
    document.addEventListener('keydown', () => b.keys.push(performance.now()), true);
    const section = document
      .querySelector('[role="region"][aria-label="Rules by flow"]')
      ?.closest('section');
    if (!section) throw new Error('no rules section');
    new MutationObserver(() => b.mutations.push(performance.now())).observe(section, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  await page.keyboard.type(FILTER_TEXT);
  return page.evaluate(async () => {
    const b = window.__bench;
    const first = b.keys[0] ?? 0;
    const lastKey = b.keys.at(-1) ?? 0;
    const idle = await b.idleAfter(first, 500);
    await new Promise((r) => setTimeout(r, 300));
    const settled = Math.max(b.mutations.at(-1) ?? lastKey, idle.lastLongTaskEnd);
    const status = [...document.querySelectorAll('[role="status"]')]
      .map((s) => s.textContent)
      .find((t) => /match the filter/.test(t ?? ''));
    const events = b.events.filter((e) => e.start >= first - 1);
    return {
      afterLastKey: settled - lastKey,
      worstEvent: events.reduce((m, e) => Math.max(m, e.duration), 0),
      longTasks: idle.longTasks,
      status,
    };
  });
}

// ---------------------------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const ms = (x) => `${x.toFixed(0)} ms`;

let loadBefore = '?';

async function main() {
  loadBefore = loadavg()[0].toFixed(2);
  await waitForServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const plan = makeLargePlan();
  const stored = JSON.stringify({ v: 1, plan });
  const samples = { next: [], header: [], scroll: [], host: [], filter: [] };

  for (let run = 0; run < RUNS; run += 1) {
    for (const how of ['next', 'header']) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      await context.addInitScript(instrument, { key: STORAGE_KEY, value: stored });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      samples[how].push(await measureStepChange(page, how));
      if (how === 'next') {
        samples.scroll.push(await measureScroll(page));
        samples.host.push(await measureByHost(page));
        samples.filter.push(await measureFilter(page));
      }
      if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
      await context.close();
    }
    process.stdout.write(`run ${run + 1}/${RUNS} done\n`);
  }

  const pick = (list, key) => list.map((s) => s[key]);
  const versions = {
    node: process.version,
    chromium: browser.version(),
    cpus: `${cpus().length} x ${cpus()[0]?.model ?? '?'}`,
  };
  const step = samples.next[0];
  console.log(
    `\nReview step benchmark: ${plan.agents.length} agent servers, ${plan.devices.length} devices ` +
      `(${(step.status ?? '? rules').replace(/\.$/, '')}), ${RUNS} runs, viewport ${VIEWPORT.width}x${VIEWPORT.height}`,
  );
  console.log(
    `Node ${versions.node}, Chromium ${versions.chromium}, ${versions.cpus}, ` +
      `load average before ${loadBefore} / after ${loadavg()[0].toFixed(2)}`,
  );
  const rows = [
    ...['next', 'header'].map((how) => ({
      measure: `step change (${how === 'next' ? 'Next' : 'step header'}) → first row painted`,
      median: ms(median(pick(samples[how], 'firstRow'))),
      min: ms(Math.min(...pick(samples[how], 'firstRow'))),
      max: ms(Math.max(...pick(samples[how], 'firstRow'))),
      notes: `${samples[how][0].rows} rows on the page`,
    })),
    ...['next', 'header'].map((how) => ({
      measure: `step change (${how === 'next' ? 'Next' : 'step header'}) → interactive`,
      median: ms(median(pick(samples[how], 'interactive'))),
      min: ms(Math.min(...pick(samples[how], 'interactive'))),
      max: ms(Math.max(...pick(samples[how], 'interactive'))),
      notes: `long tasks: median ${median(pick(samples[how], 'longTasks'))}, longest median ${ms(median(pick(samples[how], 'longest')))}`,
    })),
    {
      measure: 'scroll to bottom (120 px/frame): p95 frame',
      median: ms(median(pick(samples.scroll, 'p95'))),
      min: ms(Math.min(...pick(samples.scroll, 'p95'))),
      max: ms(Math.max(...pick(samples.scroll, 'p95'))),
      notes: `${samples.scroll[0].frames} frames, page ${samples.scroll[0].height} px, long tasks median ${median(pick(samples.scroll, 'longTasks'))}, worst frame median ${ms(median(pick(samples.scroll, 'max')))}`,
    },
    {
      measure: '"By host" → host list painted',
      median: ms(median(pick(samples.host, 'shown'))),
      min: ms(Math.min(...pick(samples.host, 'shown'))),
      max: ms(Math.max(...pick(samples.host, 'shown'))),
      notes: samples.host[0].status ?? '',
    },
    {
      measure: '"By host" → interactive',
      median: ms(median(pick(samples.host, 'interactive'))),
      min: ms(Math.min(...pick(samples.host, 'interactive'))),
      max: ms(Math.max(...pick(samples.host, 'interactive'))),
      notes: `long tasks median ${median(pick(samples.host, 'longTasks'))}, longest median ${ms(median(pick(samples.host, 'longest')))}`,
    },
    {
      measure: `filter "${FILTER_TEXT}" → list settled after last key`,
      median: ms(median(pick(samples.filter, 'afterLastKey'))),
      min: ms(Math.min(...pick(samples.filter, 'afterLastKey'))),
      max: ms(Math.max(...pick(samples.filter, 'afterLastKey'))),
      notes: `${samples.filter[0].status ?? ''} long tasks median ${median(pick(samples.filter, 'longTasks'))}`,
    },
    {
      measure: 'filter: worst key event duration (INP-like)',
      median: ms(median(pick(samples.filter, 'worstEvent'))),
      min: ms(Math.min(...pick(samples.filter, 'worstEvent'))),
      max: ms(Math.max(...pick(samples.filter, 'worstEvent'))),
      notes: 'Event Timing, events >= 16 ms; 0 = none that long',
    },
  ];
  console.table(rows);
  const stepMedian = median(pick(samples.next, 'interactive'));
  console.log(
    `Step change (Next) interactive median ${ms(stepMedian)}: ${
      stepMedian <= STEP_TARGET_MS ? 'within' : 'ABOVE'
    } the ${STEP_TARGET_MS} ms target.`,
  );
  if (process.env.BENCH_JSON) console.log(JSON.stringify({ versions, samples }, null, 1));
  return process.env.BENCH_STRICT === '1' && stepMedian > STEP_TARGET_MS ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await browser?.close();
  stopServer();
}
process.exit(code);
