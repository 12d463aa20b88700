/**
 * The nftables rulesets checked by nft itself, in an unprivileged network namespace
 * (`unshare -rn`): `nft -c -f` accepts each host's section; loaded for real, `nft -j list
 * ruleset` reads back exactly the (address, port) pairs the plan accepts; loading again
 * replaces the table; the whole file of a plan with several hosts is refused.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { extractSection, linuxRulesets } from '@/core/exporters/linux-ruleset';
import { renderNftables } from '@/core/exporters/nftables-exporter';

import { LINUX_PLANS, smallLinuxReport } from '../../../fixtures/linux-plans';
import { realTool } from '../../../support/real-tool';

import { canonical, expectedPairs } from './linux-expected';

const READY = realTool(['nft']);
const dir = mkdtempSync(join(tmpdir(), 'amfp-nft-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Runs a shell script in a fresh user and network namespace. */
function inNamespace(script: string) {
  return spawnSync('unshare', ['-rn', 'sh', '-c', script], { encoding: 'utf8' });
}

type Json = Record<string, unknown>;

function portRanges(right: unknown): string[] {
  if (typeof right === 'number') return [`${right}-${right}`];
  const r = right as Json;
  if (Array.isArray(r.range)) return [`${r.range[0]}-${r.range[1]}`];
  if (Array.isArray(r.set)) return r.set.flatMap(portRanges);
  throw new Error(`unexpected port expression ${JSON.stringify(right)}`);
}

function addressText(element: unknown): string {
  if (typeof element === 'string') return element;
  const prefix = (element as Json).prefix as { addr: string; len: number } | undefined;
  if (prefix) return canonical(`${prefix.addr}/${prefix.len}`);
  throw new Error(`unexpected set element ${JSON.stringify(element)}`);
}

/** The accepted (direction, address, transport, ports) of a listed ruleset, and its other accepts. */
function acceptedPairs(listing: string) {
  const items = (JSON.parse(listing) as { nftables: Json[] }).nftables;
  const sets = new Map<string, string[]>();
  for (const item of items) {
    const set = item.set as Json | undefined;
    if (set) sets.set(`@${String(set.name)}`, ((set.elem as unknown[]) ?? []).map(addressText));
  }
  const pairs: string[] = [];
  const unrestricted: string[] = [];
  const policies: Record<string, string> = {};
  for (const item of items) {
    const chain = item.chain as Json | undefined;
    if (chain) policies[String(chain.name)] = String(chain.policy);
    const rule = item.rule as Json | undefined;
    if (!rule) continue;
    const expr = rule.expr as Json[];
    if (!expr.some((e) => 'accept' in e)) continue;
    const matches = expr.map((e) => e.match as Json | undefined).filter((m) => m !== undefined);
    let addresses: string[] | undefined;
    let transport = '';
    let ports: string[] = [];
    for (const m of matches) {
      const payload = (m.left as Json).payload as Json | undefined;
      if (!payload) continue;
      if (payload.field === 'saddr' || payload.field === 'daddr') {
        const right = m.right;
        addresses =
          typeof right === 'string' && right.startsWith('@')
            ? (sets.get(right) ?? [])
            : [addressText(right)];
      } else if (payload.field === 'dport') {
        transport = String(payload.protocol);
        ports = portRanges(m.right);
      }
    }
    const direction = rule.chain === 'input' ? 'in' : 'out';
    if (addresses === undefined) {
      unrestricted.push(`${String(rule.chain)}: ${JSON.stringify(matches)}`);
      continue;
    }
    for (const a of addresses)
      for (const p of ports) pairs.push(`${direction} ${a} ${transport} ${p}`);
  }
  return { pairs: [...new Set(pairs)].sort(), unrestricted, policies };
}

/** The small plan with outbound rules on each Linux host (its inbound rules, turned around). */
function withOutbound() {
  const r = smallLinuxReport();
  return {
    ...r,
    hosts: r.hosts.map((h) => (h.os === 'linux' ? { ...h, outbound: h.inbound } : h)),
  };
}

const PLANS = [
  ...LINUX_PLANS.map(([plan, report]) => [plan, report] as const),
  ['small plan with outbound rules', withOutbound] as const,
];

const CASES = PLANS.flatMap(([plan, report]) => {
  const r = report();
  const text = renderNftables(r);
  return linuxRulesets(r, 'nftables').map((ruleset) => ({
    name: `${plan}${plan.includes('plan') ? '' : ' plan'}, host ${ruleset.key}`,
    section: extractSection(text, ruleset.key) ?? '',
    host: ruleset.host,
  }));
});

describe.skipIf(!READY)('nftables rulesets in nft (unshare -rn)', () => {
  it('has hosts to check in each plan', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(10);
    expect(CASES.filter((c) => c.section.includes('chain output')).length).toBeGreaterThan(0);
  });

  it.each(CASES)('$name: nft -c accepts it', ({ name, section }) => {
    const file = write(`${name.replace(/\W+/g, '-')}.nft`, section);
    const run = inNamespace(`nft -c -f '${file}'`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it.each(CASES)(
    '$name: loaded twice, it accepts exactly the plan pairs',
    ({ name, section, host }) => {
      const file = write(`${name.replace(/\W+/g, '-')}-load.nft`, section);
      const run = inNamespace(`nft -f '${file}' && nft -f '${file}' && nft -j list ruleset`);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const listed = acceptedPairs(run.stdout);
      expect(listed.pairs).toEqual(expectedPairs(host));
      expect(listed.policies.input).toBe('drop');
      if ('output' in listed.policies) expect(listed.policies.output).toBe('accept');
      // Only the preamble accepts without an address: established, loopback, neighbour discovery.
      expect(listed.unrestricted).toHaveLength(3);
      expect(listed.unrestricted.join('\n')).not.toMatch(/dport/);
      // Loaded twice: one table, not two copies of its rules.
      expect(run.stdout.match(/"table": \{/g)).toHaveLength(1);
    },
  );

  it('the whole file of a plan with several hosts is refused before anything loads', () => {
    const [, report] = LINUX_PLANS[0];
    const file = write('whole.nft', renderNftables(report()));
    const run = inNamespace(`nft -f '${file}'; echo "rc=$?"; nft list ruleset`);
    expect(run.stdout).toMatch(/rc=1/);
    expect(run.stderr).toContain('this file holds');
    expect(run.stdout).not.toContain('table');
  });

  it('a broken ruleset fails the check (the check can fail)', () => {
    const [, report] = LINUX_PLANS[0];
    const r = report();
    const key = linuxRulesets(r, 'nftables')[0]?.key ?? '';
    const broken = (extractSection(renderNftables(r), key) ?? '').replace(
      ' accept comment',
      ' acept comment',
    );
    const run = inNamespace(`nft -c -f '${write('broken.nft', broken)}'`);
    expect(run.status).not.toBe(0);
  });
});
