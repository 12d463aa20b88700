/**
 * The firewalld script checked by firewalld itself: `firewall-cmd --permanent` is mapped to
 * `firewall-offline-cmd` on a throwaway config directory (no daemon). The stub queues the
 * script's rich rules and hands them to one firewall-offline-cmd call at the script's
 * `firewall-cmd --reload` (each call takes seconds). Every rich rule is accepted (an invalid
 * one fails the call: INVALID_ADDR, rc 105), the zone holds exactly the rules the script
 * queued, and a repeated run adds nothing.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { renderFirewalld } from '@/core/exporters/firewalld-exporter';
import { linuxRulesets } from '@/core/exporters/linux-ruleset';

import { hostileLinuxReport, smallLinuxReport } from '../../../fixtures/linux-plans';
import { realTool } from '../../../support/real-tool';

const READY = realTool(['firewall-offline-cmd'], false);
const dir = mkdtempSync(join(tmpdir(), 'amfp-firewalld-offline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIREWALL_CMD = `#!/bin/sh
case "$1" in
  --permanent)
    printf '%s\\n' "$3" >> "$QUEUE"
    echo success
    ;;
  --reload)
    [ -s "$QUEUE" ] || exit 0
    set -- --system-config "$FWDIR" --zone=public
    while IFS= read -r action; do set -- "$@" "$action"; done < "$QUEUE"
    : > "$QUEUE"
    exec firewall-offline-cmd "$@"
    ;;
  *) echo "unexpected firewall-cmd $*" >&2; exit 2 ;;
esac
`;
const GETENT = `#!/bin/sh
case "$2" in
  agent-nyc.corp.example.com) printf '10.0.1.20       STREAM %s\\n2001:db8::20    STREAM %s\\n' "$2" "$2" ;;
  rhel-nyc.corp.example.com) printf '10.0.5.6        STREAM %s\\n' "$2" ;;
  *) exit 2 ;;
esac
`;

function setup(name: string) {
  const root = join(dir, name);
  const bin = join(root, 'bin');
  const config = join(root, 'firewalld');
  mkdirSync(bin, { recursive: true });
  mkdirSync(config);
  copyFileSync('/etc/firewalld/firewalld.conf', join(config, 'firewalld.conf'));
  for (const [file, text] of [
    ['firewall-cmd', FIREWALL_CMD],
    ['getent', GETENT],
  ] as const) {
    writeFileSync(join(bin, file), text);
    chmodSync(join(bin, file), 0o755);
  }
  return { root, bin, config };
}

function runScript(script: string, key: string, where: ReturnType<typeof setup>) {
  const file = join(where.root, 'script.sh');
  writeFileSync(file, script);
  return spawnSync('bash', ['--norc', '--noprofile', file, '--host', key], {
    cwd: where.root,
    encoding: 'utf8',
    env: {
      PATH: `${where.bin}:${process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin'}`,
      LC_ALL: 'C.UTF-8',
      QUEUE: join(where.root, 'queue'),
      FWDIR: where.config,
    },
  });
}

function zone(where: ReturnType<typeof setup>): string {
  try {
    return readFileSync(join(where.config, 'zones', 'public.xml'), 'utf8');
  } catch {
    return '';
  }
}

describe.skipIf(!READY)('firewalld script in firewall-offline-cmd', () => {
  it.each([
    ['small', smallLinuxReport, true],
    ['hostile', hostileLinuxReport, false],
  ] as const)(
    'the %s plan: every rich rule accepted, a repeated run adds nothing',
    (name, report, repeat) => {
      const r = report();
      const script = renderFirewalld(r);
      const where = setup(name);
      const keys = linuxRulesets(r, 'firewalld').map((h) => h.key);
      let processed = 0;
      for (const key of keys) {
        const run = runScript(script, key, where);
        expect(run.stderr).not.toMatch(/Error|INVALID/);
        expect(run.status).toBe(0);
        processed += Number(/(\d+) rich rule\(s\) processed/.exec(run.stdout)?.[1] ?? 0);
      }
      const first = zone(where);
      const rules = first.match(/<rule /g) ?? [];
      expect(processed).toBeGreaterThan(0);
      // Each processed rule is in the zone; the hosts share some (one copy each).
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.length).toBeLessThanOrEqual(processed);
      expect(first).not.toContain('PWNED');
      if (!repeat) return;
      for (const key of keys) expect(runScript(script, key, where).status).toBe(0);
      expect(zone(where)).toBe(first);
    },
    300_000,
  );
});
