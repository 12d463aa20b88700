/**
 * The real-tool checks (nft, iptables-restore, firewall-offline-cmd) run where the tool is
 * installed and an unprivileged network namespace can be made (`unshare -rn`). Elsewhere they
 * skip, except in CI (CI=true), where a missing tool fails the run: .ci/run installs them.
 */
import { spawnSync } from 'node:child_process';

function found(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** Whether `unshare -rn` works here (user namespaces allowed). */
function namespaces(): boolean {
  return spawnSync('unshare', ['-rn', 'true']).status === 0;
}

/**
 * Whether the commands can run (and, with `namespace`, unshare -rn too). In CI a missing
 * command throws, so the suite fails instead of skipping.
 */
export function realTool(commands: readonly string[], namespace = true): boolean {
  const missing = commands.filter((c) => !found(c));
  if (namespace && !namespaces()) missing.push('unshare -rn (user namespaces)');
  if (missing.length === 0) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      `CI runs the real-tool checks: ${missing.join(', ')} missing (install the Debian packages .ci/run lists)`,
    );
  }
  return false;
}
