/**
 * Which hosts each script format is for, and why a script does not apply to a plan. The scripts
 * filter the report's hosts with these predicates; the export buttons ask `unavailable` with the
 * plan's host facts (report/host-kind.ts) before any report is built, so both agree.
 */
import type { HostFacts } from '@/core/report/host-kind';

type Host = Pick<HostFacts, 'os' | 'kind' | 'windows'>;

/** A Linux host the firewalld script configures. */
export function isLinuxHost(host: Host): boolean {
  return host.os === 'linux' && host.kind === 'host';
}

/** A Windows host the PowerShell scripts configure or test from. */
export function isWindowsHost(host: Host): boolean {
  return host.windows && host.kind === 'host';
}

export const NO_LINUX_HOST =
  'This plan has no Linux host (no device whose agent runs on Linux): there is nothing for firewalld to open.';
export const NO_WINDOWS_HOST =
  'This plan has no Windows host: there is no Windows Firewall to set.';
export const NO_WINDOWS_SOURCE =
  'No Windows host of this plan starts a connection: there is nothing for the check to test.';

/** Why a Linux ruleset (nftables, iptables) does not apply to a plan. */
export function noLinuxHostFor(ruleset: string): string {
  return `No device of this plan has its agent on Linux: there is no host for ${ruleset}.`;
}
