// npm run bench:browser: how the review step behaves in Chromium with plans of three sizes and
// what each export costs the main thread. Builds nothing: run `npm run build` first
// (BENCH_DIST=<dir> to measure another build). Starts `vite preview` on a free port (4185 up),
// launches Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium; never a downloaded browser).
// Plans (BENCH_PLANS, default `one,large,zoned,max,huge`): one = 1 agent server + 1 device (qumulo),
// large = 50 agent servers + 500 devices, max = 50 agent servers + 2,000 devices (the app's limit,
// before issue 18 raised it), huge = 50 agent servers + 5,000 devices (the app's limit,
// PLAN_LIMITS.devices; one generator; a plan the app refuses is reported with the app's
// message), zoned = the large plan in a network of 50 zones and 20 firewalls (issue 16; as tests/bench/zones.bench-run.ts builds it).
// For BENCH_RUNS (default 5) runs, each run a fresh page load of every plan in turn (interleaved,
// the order rotating from run to run), it prints median/min/max of:
//   - step change: from "Network" (the step before the review), click "Next" until the first
//     rules table row is painted, and
//     until the main thread is idle (first row painted and the last long task since the click
//     ended); the longest long task; the JS heap once the review is shown; each plan's medians as
//     a ratio to the one-device plan's of the same run;
//   - large plan only (max and huge too with BENCH_FULL=1): the "Review & export" step header as the
//     click (BENCH_FULL=1), scroll (p95 frame time, 120 px per frame), "By host" (every host
//     section painted and idle) and filter (until the list stops changing; worst event duration);
//   - zoned plan: "By firewall" (every firewall section painted and idle) and the first
//     firewall's rule set opened (its table painted and idle);
//   - exports (every plan but one; BENCH_EXPORTS=0 skips them): once per plan, every "Download …"
//     button of the review clicked in turn: time from the click to the file, longest main-thread
//     long task and the number of long tasks meanwhile. The PDF of plans over 500 devices only
//     with BENCH_FULL=1.
//     An export without a file after BENCH_EXPORT_TIMEOUT_MS (default 600000) is cancelled.
// Times come from performance.now() inside the page; long tasks from a 'longtask' observer.
// No assertion: it reports, and exits 1 only when it cannot measure (or with BENCH_STRICT=1
// when the large plan's step change median is above 200 ms).
import { existsSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';

import { chromium } from '@playwright/test';

import { startPreview } from './preview-server.mjs';

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
const FULL = process.env.BENCH_FULL === '1';
const EXPORTS = process.env.BENCH_EXPORTS !== '0';
const PLAN_NAMES = (process.env.BENCH_PLANS ?? 'one,large,zoned,max,huge')
  .split(',')
  .map((p) => p.trim())
  .filter(Boolean);
/** A step change or an export slower than this is reported as such (the page is not waited for). */
const STEP_TIMEOUT_MS = 120_000;
const EXPORT_TIMEOUT_MS = Number(process.env.BENCH_EXPORT_TIMEOUT_MS ?? 600_000);
const FILTER_TEXT = '10.2.1.5';

if (!process.env.BENCH_DUMP && !existsSync(join(DIST, 'index.html'))) {
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

function makeLargePlan({ agents = 50, devices = 500, environments = DEVICE_ENVIRONMENTS } = {}) {
  const agentList = Array.from({ length: agents }, (_, i) => ({
    id: `agent-${i + 1}`,
    name: `Agent server ${i + 1}`,
    address: ipFor(1, i + 1),
  }));
  const deviceList = Array.from({ length: devices }, (_, i) => {
    const n = i + 1;
    const environment = environments[i % environments.length];
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
    name: `Plan of ${agents} agent servers, ${devices} devices`,
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

/**
 * 50 zones and 20 firewalls around the large plan's addresses, as benchNetwork() in
 * tests/bench/zones.bench-run.ts: a core firewall joins a transit zone to the console,
 * integration and agent zones; 19 edge firewalls join the transit zone to two or three device
 * zones each (/28s), so a flow from an agent server to a device crosses two firewalls.
 */
function benchNetwork() {
  const zones = [
    { id: 'z-transit', name: 'Transit', cidrs: ['10.255.0.0/24'] },
    { id: 'z-console', name: 'Console', cidrs: ['10.0.0.0/24'] },
    { id: 'z-integrations', name: 'Integrations', cidrs: ['10.9.0.0/24'] },
  ];
  const agentZones = [0, 16, 32, 48].map((base, i) => ({
    id: `z-agents-${i + 1}`,
    name: `Agents ${i + 1}`,
    cidrs: [`10.1.0.${base}/28`],
  }));
  const deviceZones = [0, 1].flatMap((third) =>
    Array.from({ length: 16 }, (_, i) => ({
      id: `z-nas-${third}-${i + 1}`,
      name: `NAS ${third}.${i + 1}`,
      cidrs: [`10.2.${third}.${i * 16}/28`, ...(third === 1 && i === 15 ? ['10.2.2.0/28'] : [])],
    })),
  );
  const otherZones = Array.from({ length: 11 }, (_, i) => ({
    id: `z-other-${i + 1}`,
    name: `Segment ${i + 1}`,
    cidrs: [`10.${100 + i}.0.0/16`, `fd00:${i + 1}::/64`],
  }));
  zones.push(...agentZones, ...deviceZones, ...otherZones);
  const core = {
    id: 'fw-core',
    name: 'Core',
    kind: 'panos',
    interfaces: [
      { id: 'core-transit', name: 'ethernet1/1', zones: ['z-transit'] },
      { id: 'core-console', name: 'ethernet1/2', zones: ['z-console'] },
      { id: 'core-integrations', name: 'ethernet1/3', zones: ['z-integrations'] },
      { id: 'core-agents', name: 'ethernet1/4', zones: agentZones.map((z) => z.id) },
    ],
  };
  const edgeZones = [...deviceZones, ...otherZones];
  const edges = Array.from({ length: 19 }, (_, i) => ({
    id: `fw-edge-${i + 1}`,
    name: `Edge ${i + 1}`,
    kind: ['fortios', 'asa', 'nftables', 'panos'][i % 4],
    interfaces: [
      { id: `edge-${i + 1}-up`, name: 'port1', zones: ['z-transit'] },
      ...edgeZones
        .filter((_, z) => z % 19 === i)
        .map((zone, k) => ({
          id: `edge-${i + 1}-${k + 2}`,
          name: `port${k + 2}`,
          zones: [zone.id],
        })),
    ],
  }));
  return { zones, firewalls: [core, ...edges], assignments: [], preferredPaths: [] };
}

/** The large plan in plan format 5 (src/core/plan/model.ts createDefaultPlan's fields) with a network. */
function makeZonedPlan() {
  const plan = makeLargePlan({ agents: 50, devices: 500 });
  return {
    ...plan,
    schemaVersion: 5,
    name: 'Plan of 50 agent servers, 500 devices, 50 zones, 20 firewalls',
    additionalConsoles: [],
    ceeServers: [],
    microsoftTenant: '',
    integrations: {
      ...plan.integrations,
      threatPrevention: {
        enabled: false,
        name: 'Threat Prevention Enterprise Manager',
        address: '',
      },
    },
    deployment: {
      pushInstall: false,
      proxy: { enabled: false, name: 'Network proxy', address: '', port: 8080 },
      archive: { enabled: false, name: 'Archive server', address: '' },
    },
    agentServices: {
      dns: { enabled: false, addresses: [] },
      domainControllers: { enabled: false, addresses: [] },
      smtp: { enabled: false, name: 'SMTP server', address: '', port: 25 },
      syslog: { enabled: false, name: 'Syslog server', address: '', transport: 'UDP', port: 514 },
    },
    network: benchNetwork(),
  };
}

const PLANS = {
  one: () => makeLargePlan({ agents: 1, devices: 1, environments: ['qumulo'] }),
  large: () => makeLargePlan({ agents: 50, devices: 500 }),
  zoned: makeZonedPlan,
  /** The device cap before issue 18 raised it to 5,000. */
  max: () => makeLargePlan({ agents: 50, devices: 2000 }),
  /** The most devices a plan may hold (PLAN_LIMITS.devices in src/core/plan/parse-plan.ts). */
  huge: () => makeLargePlan({ agents: 50, devices: 5000 }),
};
// BENCH_DUMP=<plan>: print that plan as stored by the app ({"v":1,"plan":…}) and exit (to open
// it by hand or profile it).
if (process.env.BENCH_DUMP) {
  const make = PLANS[process.env.BENCH_DUMP];
  if (!make) {
    console.error(`Unknown plan "${process.env.BENCH_DUMP}" in BENCH_DUMP.`);
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify({ v: 1, plan: make() })}\n`);
  process.exit(0);
}
for (const name of PLAN_NAMES) {
  if (!(name in PLANS)) {
    console.error(`Unknown plan "${name}" in BENCH_PLANS (one, large, zoned, max, huge).`);
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------------------------
// vite preview on a free port (scripts/preview-server.mjs), stopped at the end and on any exit.

const { base, stop: stopServer } = await startPreview(DIST, FIRST_PORT);
let browser = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopServer();
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------
// In-page instrumentation (runs before the app's scripts on every load).

function instrument({ key, value }) {
  localStorage.setItem(key, value);
  const bench = { longTasks: [], events: [], downloads: [] };
  window.__bench = bench;
  // downloadFile (src/lib/download-file.ts) clicks an <a download> appended to the body.
  document.addEventListener(
    'click',
    (e) => {
      if (e.target instanceof HTMLAnchorElement && e.target.hasAttribute('download')) {
        bench.downloads.push({ name: e.target.download, at: performance.now() });
      }
    },
    true,
  );
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

/** Opens the step before the review (Network) with the plan and waits until it has settled. */
async function openStepBeforeReview(page) {
  await page.goto(`${base}/#/plan/network`);
  await page.getByRole('heading', { level: 2, name: 'Network', exact: true }).waitFor();
  await page.evaluate(() => window.__bench.idleAfter(0, 300));
  // A plan the app cannot open (e.g. over PLAN_LIMITS) is kept aside and a new plan started.
  const refused = await page.evaluate(() =>
    [...document.querySelectorAll('[role="alert"], .MuiAlert-root')]
      .map((a) => a.textContent ?? '')
      .find((t) => t.includes('could not be opened')),
  );
  if (refused) {
    throw new Error(
      `the app refused the plan: “${refused.length > 160 ? `${refused.slice(0, 160)}…` : refused}”`,
    );
  }
}

/** Click → first rules row painted → idle. `how`: 'next' or 'header'. */
async function measureStepChange(page, how) {
  await openStepBeforeReview(page);
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
      // Chromium's non-standard performance.memory (quantised; no forced GC before it).
      const heap = performance.memory?.usedJSHeapSize ?? null;
      const status = [...document.querySelectorAll('[role="status"]')]
        .map((s) => s.textContent)
        .find((t) => / rules?\.$/.test(t ?? ''));
      return {
        firstRow: row.painted - t0,
        interactive: Math.max(row.painted, idle.lastLongTaskEnd) - t0,
        longTasks: idle.longTasks,
        longest: idle.longest,
        rows,
        heap,
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

/** Clicks "By host" → the first host sections painted (closed beyond 10 hosts; the rest follow in steps) → idle. */
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

/**
 * Clicks "By firewall" → every firewall section painted → idle; then opens the first closed
 * firewall → its rule table painted → idle.
 */
async function measureByFirewall(page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return page.evaluate(async () => {
    const b = window.__bench;
    const toggle = [...document.querySelectorAll('button')].find(
      (x) => x.textContent.trim() === 'By firewall',
    );
    if (!toggle) throw new Error('no "By firewall" toggle');
    const sections = () => document.querySelectorAll('[role="group"] h4 button[aria-expanded]');
    const t0 = performance.now();
    toggle.click();
    const shown = await b.painted(
      () =>
        sections().length > 0 &&
        document.querySelector('[role="region"][aria-label="Rules by flow"]') === null,
    );
    const idle = await b.idleAfter(t0);
    const count = sections().length;
    const closed = [...sections()].find((x) => x.getAttribute('aria-expanded') === 'false');
    let open = null;
    if (closed) {
      const group = closed.closest('[role="group"]');
      const t1 = performance.now();
      closed.click();
      const table = await b.painted(() => group?.querySelector('table tbody tr') != null);
      const idle1 = await b.idleAfter(t1);
      open = {
        shown: table.painted - t1,
        interactive: Math.max(table.painted, idle1.lastLongTaskEnd) - t1,
        rows: group?.querySelectorAll('table tbody tr').length ?? 0,
      };
    }
    return {
      shown: shown.painted - t0,
      interactive: Math.max(shown.painted, idle.lastLongTaskEnd) - t0,
      longTasks: idle.longTasks,
      longest: idle.longest,
      firewalls: count,
      openShown: open?.shown ?? NaN,
      openInteractive: open?.interactive ?? NaN,
      openRows: open?.rows ?? 0,
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

/**
 * Clicks every enabled "Download …" button of the review in turn (the page is on the review, "By
 * flow"): time from the click to the file (the <a download> click of downloadFile), longest
 * main-thread long task and long tasks between the two, and the file's size.
 */
async function measureExports(page, planName) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const labels = [
    ...new Set(
      await page.evaluate(() =>
        [...document.querySelectorAll('button')]
          .filter((b) => /^Download /.test(b.textContent.trim()) && !b.disabled)
          .map((b) => b.textContent.trim()),
      ),
    ),
  ];
  const results = [];
  for (const label of labels) {
    if (planName !== 'large' && label.startsWith('Download PDF') && !FULL) {
      results.push({ label, skipped: 'skipped (BENCH_FULL=1 to measure)' });
      continue;
    }
    await page.evaluate(() => window.__bench.idleAfter(performance.now(), 300));
    const download = page.waitForEvent('download', { timeout: EXPORT_TIMEOUT_MS });
    const t0 = await page.evaluate((label) => {
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent.trim() === label,
      );
      if (!button) throw new Error(`no "${label}" button`);
      const t = performance.now();
      button.click();
      return t;
    }, label);
    let size = null;
    let failed = null;
    try {
      const file = await download;
      const path = await file.path();
      size = path ? statSync(path).size : null;
    } catch (error) {
      failed = error instanceof Error ? error.message.split('\n')[0] : String(error);
    }
    const measured = await page.evaluate((t0) => {
      const b = window.__bench;
      const end = b.downloads.find((d) => d.at >= t0)?.at ?? performance.now();
      const tasks = b.longTasks.filter((t) => t.end > t0 && t.start < end);
      return {
        toFile: end - t0,
        longest: tasks.reduce((m, t) => Math.max(m, t.end - t.start), 0),
        longTasks: tasks.length,
      };
    }, t0);
    results.push({ label, size, failed, ...measured });
    if (failed !== null) {
      // Too slow (or failed): cancel it, so that the other buttons are enabled again.
      await page.evaluate(() =>
        [...document.querySelectorAll('button')]
          .find((b) => b.textContent.trim() === 'Cancel')
          ?.click(),
      );
    }
    // The buttons are disabled while an export runs: wait until this one is enabled again.
    await page.waitForFunction(
      (label) =>
        [...document.querySelectorAll('button')].some(
          (b) => b.textContent.trim() === label && !b.disabled,
        ),
      label,
      { timeout: EXPORT_TIMEOUT_MS },
    );
  }
  return results;
}

// ---------------------------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '–');
const mb = (x) => (Number.isFinite(x) ? `${(x / 1048576).toFixed(1)} MB` : '–');
const kb = (x) => (Number.isFinite(x) ? `${(x / 1024).toFixed(0)} kB` : '–');
const spread = (xs) =>
  xs.length === 0 ? '–' : `${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})`;
/** Rejects when `promise` takes longer than `limit` ms (the page may be stuck or gone). */
const within = (promise, limit, what) =>
  Promise.race([
    promise,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: no answer within ${limit / 1000} s`)), limit),
    ),
  ]);

let loadBefore = '?';

/** A fresh page with `plan` in localStorage; `errors` collects uncaught page errors. */
async function openPage(plan) {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  await context.addInitScript(instrument, {
    key: STORAGE_KEY,
    value: JSON.stringify({ v: 1, plan }),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('crash', () => errors.push('the page crashed'));
  return { context, page, errors };
}

async function main() {
  loadBefore = loadavg()[0].toFixed(2);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const plans = Object.fromEntries(PLAN_NAMES.map((name) => [name, PLANS[name]()]));
  const samples = Object.fromEntries(
    PLAN_NAMES.map((name) => [
      name,
      { next: [], header: [], scroll: [], host: [], filter: [], firewall: [], failures: [] },
    ]),
  );
  const detailed = (name) => name === 'large' || ((name === 'max' || name === 'huge') && FULL);

  for (let run = 0; run < RUNS; run += 1) {
    // Interleaved: every plan once per run, the order rotating so no plan always goes first.
    const order = PLAN_NAMES.map((_, k) => PLAN_NAMES[(k + run) % PLAN_NAMES.length]);
    for (const name of order) {
      const hows = detailed(name) && FULL ? ['next', 'header'] : ['next'];
      for (const how of hows) {
        const { context, page, errors } = await openPage(plans[name]);
        try {
          samples[name][how].push(
            await within(measureStepChange(page, how), STEP_TIMEOUT_MS, `${name}: step change`),
          );
          if (how === 'next' && detailed(name)) {
            samples[name].scroll.push(await measureScroll(page));
            samples[name].host.push(await measureByHost(page));
            samples[name].filter.push(await measureFilter(page));
          }
          if (name === 'zoned') samples[name].firewall.push(await measureByFirewall(page));
          if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
        } catch (error) {
          samples[name].failures.push(
            `run ${run + 1}: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
          );
        } finally {
          await context.close().catch(() => {});
        }
      }
    }
    process.stdout.write(`run ${run + 1}/${RUNS} done (${order.join(', ')})\n`);
  }

  const pick = (list, key) => list.map((s) => s[key]).filter((x) => Number.isFinite(x));
  const versions = {
    node: process.version,
    chromium: browser.version(),
    cpus: `${cpus().length} x ${cpus()[0]?.model ?? '?'}`,
  };
  console.log(
    `\nReview step benchmark: plans ${PLAN_NAMES.join(', ')}, ${RUNS} runs interleaved, ` +
      `viewport ${VIEWPORT.width}x${VIEWPORT.height}${FULL ? ', BENCH_FULL=1' : ''}`,
  );
  console.log(
    `Node ${versions.node}, Chromium ${versions.chromium}, ${versions.cpus}, ` +
      `load average before ${loadBefore} / after ${loadavg()[0].toFixed(2)}`,
  );

  const medianOf = (name, key) => median(pick(samples[name].next, key));
  const ratio = (name, key) =>
    samples.one && samples.one.next.length > 0 && samples[name].next.length > 0
      ? `${(medianOf(name, key) / medianOf('one', key)).toFixed(2)}×`
      : '–';
  console.log(
    '\nStep change (Next) → review, median (min–max); ratio = median / one-device median',
  );
  console.table(
    PLAN_NAMES.map((name) => {
      const list = samples[name].next;
      const plan = plans[name];
      return {
        plan: `${name}: ${plan.agents.length} agent(s), ${plan.devices.length} device(s)`,
        rules: (list[0]?.status ?? '?').replace(/ rules?\.$/, ''),
        'first row painted': spread(pick(list, 'firstRow')),
        'ratio (painted)': ratio(name, 'firstRow'),
        interactive: spread(pick(list, 'interactive')),
        'ratio (interactive)': ratio(name, 'interactive'),
        'longest task': spread(pick(list, 'longest')),
        'long tasks': list.length > 0 ? median(pick(list, 'longTasks')) : '–',
        'JS heap': mb(median(pick(list, 'heap'))),
        runs: `${list.length}/${RUNS}`,
      };
    }),
  );
  for (const name of PLAN_NAMES) {
    for (const failure of samples[name].failures) console.log(`${name}: FAILED ${failure}`);
  }

  for (const name of PLAN_NAMES.filter(detailed)) {
    const s = samples[name];
    if (s.scroll.length === 0) continue;
    console.log(`\n${name} plan: review interactions, median (min–max)`);
    const rows = [
      ...(s.header.length > 0
        ? [
            {
              measure: 'step change (step header) → first row painted',
              'median (min–max)': spread(pick(s.header, 'firstRow')),
              notes: `interactive ${spread(pick(s.header, 'interactive'))}`,
            },
          ]
        : []),
      {
        measure: 'scroll to bottom (120 px/frame): p95 frame',
        'median (min–max)': spread(pick(s.scroll, 'p95')),
        notes: `${s.scroll[0].frames} frames, page ${s.scroll[0].height} px, long tasks median ${median(pick(s.scroll, 'longTasks'))}, worst frame median ${ms(median(pick(s.scroll, 'max')))}`,
      },
      {
        measure: '"By host" → host list painted',
        'median (min–max)': spread(pick(s.host, 'shown')),
        notes: s.host[0].status ?? '',
      },
      {
        measure: '"By host" → interactive',
        'median (min–max)': spread(pick(s.host, 'interactive')),
        notes: `long tasks median ${median(pick(s.host, 'longTasks'))}, longest median ${ms(median(pick(s.host, 'longest')))}`,
      },
      {
        measure: `filter "${FILTER_TEXT}" → list settled after last key`,
        'median (min–max)': spread(pick(s.filter, 'afterLastKey')),
        notes: `${s.filter[0].status ?? ''} long tasks median ${median(pick(s.filter, 'longTasks'))}`,
      },
      {
        measure: 'filter: worst key event duration (INP-like)',
        'median (min–max)': spread(pick(s.filter, 'worstEvent')),
        notes: 'Event Timing, events >= 16 ms; 0 = none that long',
      },
    ];
    console.table(rows);
  }

  const fw = samples.zoned?.firewall ?? [];
  if (fw.length > 0) {
    console.log('\nzoned plan: "By firewall", median (min–max)');
    console.table([
      {
        measure: '"By firewall" → firewall sections painted',
        'median (min–max)': spread(pick(fw, 'shown')),
        notes: `${fw[0].firewalls} firewalls`,
      },
      {
        measure: '"By firewall" → interactive',
        'median (min–max)': spread(pick(fw, 'interactive')),
        notes: `long tasks median ${median(pick(fw, 'longTasks'))}, longest median ${ms(median(pick(fw, 'longest')))}`,
      },
      {
        measure: 'open the first closed firewall → its rules painted',
        'median (min–max)': spread(pick(fw, 'openShown')),
        notes: `${fw[0].openRows} rows; interactive ${spread(pick(fw, 'openInteractive'))}`,
      },
    ]);
  }

  // Measured after the step change tables are printed: an export may take minutes.
  const exports = {};
  if (EXPORTS) {
    for (const name of PLAN_NAMES.filter((n) => n !== 'one')) {
      const { context, page, errors } = await openPage(plans[name]);
      try {
        await within(measureStepChange(page, 'next'), STEP_TIMEOUT_MS, `${name}: step change`);
        exports[name] = await measureExports(page, name);
        if (errors.length > 0) exports[name].push({ label: `page errors: ${errors.join('; ')}` });
      } catch (error) {
        exports[name] = [
          {
            label: 'exports',
            failed: error instanceof Error ? error.message.split('\n')[0] : String(error),
          },
        ];
      } finally {
        await context.close().catch(() => {});
      }
      // Printed at once: the next plan's exports may take minutes.
      console.log(`\nExports of the ${name} plan (one click each, after the review is idle)`);
      console.table(
        exports[name].map((e) => ({
          export: e.label,
          'time to file': e.skipped ?? e.failed ?? ms(e.toFile),
          'longest main-thread task': e.skipped || e.failed ? '–' : ms(e.longest),
          'long tasks': e.skipped || e.failed ? '–' : e.longTasks,
          size: kb(e.size),
        })),
      );
    }
  }

  const large = samples.large?.next ?? [];
  const stepMedian = large.length > 0 ? median(pick(large, 'interactive')) : NaN;
  if (Number.isFinite(stepMedian)) {
    console.log(
      `\nLarge plan: step change (Next) interactive median ${ms(stepMedian)}: ${
        stepMedian <= STEP_TARGET_MS ? 'within' : 'ABOVE'
      } the ${STEP_TARGET_MS} ms target.`,
    );
  }
  if (process.env.BENCH_JSON) console.log(JSON.stringify({ versions, samples, exports }, null, 1));
  const measured = PLAN_NAMES.some((name) => samples[name].next.length > 0);
  if (!measured) return 1;
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
