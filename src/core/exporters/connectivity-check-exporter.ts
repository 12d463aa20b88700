/**
 * "Download connectivity check": a read-only PowerShell pre-check. For each Windows source host,
 * Test-NetConnection -ComputerName <destination> -Port <port> for every TCP flow that starts
 * there. UDP cannot be checked this way (Test-NetConnection tests TCP only): UDP flows are
 * listed, not tested. Port ranges (dynamic RPC) are listed too: they only listen while in use.
 * A Microsoft cloud FQDN is tested by its name (a wildcard is listed, not tested).
 */
import type { Report, ReportHost, ReportHostRule } from '@/core/report/model';

import { peerBlock, ruleBlocks, ruleBlockText } from './export-gate';
import type { Exporter } from './exporter';
import { exportFileName } from './file-name';
import {
  HOST_SELECTION_LINES,
  hostHelpLines,
  hostListLines,
  joinScript,
  provenanceLines,
} from './powershell-common';
import { psComment, psQuote } from './powershell-quote';
import { scriptKeyFor } from './script-host-keys';
import { isWindowsHost, NO_WINDOWS_SOURCE } from './script-hosts';

function flowText(rule: ReportHostRule, peerLabel: string): string {
  return `Rule ${rule.ruleId}: ${rule.service} to ${rule.peerRole} ${peerLabel}`;
}

function checkLines(rule: ReportHostRule): string[] {
  const out: string[] = [
    `# Rule ${rule.ruleId}: ${rule.transport} ${psComment(rule.portsText)} to ${psComment(rule.peerRole)} (${psComment(rule.service)})`,
  ];
  if (rule.peers.length === 0) {
    out.push(`# TODO: the plan has no ${psComment(rule.peerRole)}.`);
    return out;
  }
  const blocks = ruleBlocks(rule);
  if (blocks.length > 0) {
    out.push(`# ${psComment(ruleBlockText(blocks))}`);
    return out;
  }
  for (const peer of rule.peers) {
    const flow = psQuote(flowText(rule, peer.label));
    const ports = rule.ports.filter((p) => p.from === p.to).map((p) => p.from);
    const ranges = rule.ports.filter((p) => p.from !== p.to);
    if (rule.transport === 'UDP') {
      out.push(
        `Skip-AmfpCheck -Flow ${flow} -Destination ${psQuote(peer.address)} -Ports ${psQuote(rule.portsText)} -Reason 'UDP: Test-NetConnection tests TCP only'`,
      );
      continue;
    }
    if (peer.fqdn?.wildcard) {
      out.push(
        `Skip-AmfpCheck -Flow ${flow} -Destination ${psQuote(peer.address)} -Ports ${psQuote(rule.portsText)} -Reason 'wildcard FQDN: test one real name under it'`,
      );
      continue;
    }
    let problem: string | null = null;
    const block = peerBlock(peer);
    if (peer.invalid) {
      problem = `TODO: fix the plan first: ${peer.invalid}. Then download the script again.`;
    } else if (block?.kind === 'invalid' || block?.kind === 'any') {
      problem = `TODO: fix the plan first: ${block.message}. Then download the script again.`;
    } else if (peer.kind === 'fqdn' && peer.address === '') {
      problem =
        'TODO: the destination needs the Microsoft tenant of the plan (Devices step); add it, then remove the # in front of the lines below.';
    } else if (peer.address === '') {
      problem =
        'TODO: the destination has no address in the plan; add it, then remove the # in front of the lines below.';
    } else if (peer.address.includes('/')) {
      problem =
        'TODO: the destination is an address block; replace it with one address of the block, then remove the # in front of the lines below.';
    }
    const destination = psQuote(
      block?.kind === 'invalid' || peer.invalid || peer.address === ''
        ? `TODO: address of ${peer.label}`
        : peer.address,
    );
    const tests = ports.map(
      (port) => `Test-AmfpTcp -Flow ${flow} -Destination ${destination} -Port ${port}`,
    );
    if (problem) out.push(`# ${psComment(problem)}`, ...tests.map((l) => `# ${l}`));
    else out.push(...tests);
    for (const range of ranges) {
      out.push(
        `Skip-AmfpCheck -Flow ${flow} -Destination ${destination} -Ports '${range.from}-${range.to}' -Reason 'port range: dynamic ports listen only while in use'`,
      );
    }
  }
  return out;
}

/**
 * Why the check cannot test the flows that start on a host that is not a Windows host of the
 * plan (isWindowsHost): what the plan knows of it (report/host-kind.ts).
 */
export function notTestedReason(host: ReportHost): string {
  if (host.kind === 'fqdn' || host.firewall === 'cloud') {
    return 'a Microsoft cloud service, not a host of the plan';
  }
  if (host.os === 'linux') {
    return 'a Linux host: Test-NetConnection needs Windows; test from the host (e.g. nc -zv <destination> <port>)';
  }
  if (host.firewall === 'appliance') {
    return 'a NAS appliance or one of its interfaces: no PowerShell there; test from the device';
  }
  return 'the plan does not know its operating system; test from the host';
}

function sourceCase(host: ReportHost, key: string): string[] {
  const inner = host.outbound.flatMap((rule, i) => [...(i > 0 ? [''] : []), ...checkLines(rule)]);
  return [
    `        # Run on the ${psComment(host.roleNames.join(', '))} with host key ${psQuote(key)}.`,
    `        ${psQuote(key)} {`,
    ...inner.map((l) => (l === '' ? '' : `            ${l}`)),
    '        }',
  ];
}

export function connectivityFileName(report: Report): string {
  return exportFileName(report.meta.planName, 'connectivity-check.ps1');
}

export function renderConnectivityCheck(report: Report): string {
  const sources = report.hosts.filter((h) => isWindowsHost(h) && h.outbound.length > 0);
  const others = report.hosts.filter((h) => !isWindowsHost(h) && h.outbound.length > 0);
  const keyOf = scriptKeyFor(report);
  const file = connectivityFileName(report);
  const lines = [
    '#Requires -Version 5.1',
    '# Connectivity pre-check for the Netwrix Activity Monitor firewall rules.',
    '# Generated by Activity Monitor Firewall Planner. It changes nothing: it only opens test',
    '# connections and prints a table.',
    '#',
    '# Run it on each Windows host of the plan that starts connections (the host is detected from',
    '# its names and addresses, or named with -HostKey):',
    `#   .\\${file}`,
    `#   .\\${file} -HostKey <key>     # when the host is not detected (the keys are below)`,
    '# Each TCP flow that starts on the host is tested with',
    '#   Test-NetConnection -ComputerName <destination> -Port <port>',
    '# A failed test means a firewall blocks the port, or nothing listens on it yet (is the',
    '# destination service installed and running?).',
    '# UDP cannot be checked this way: Test-NetConnection tests TCP only. UDP flows are listed as',
    '# not tested. (PortQry can send UDP probes, but without an answer it can only report',
    '# "LISTENING or FILTERED".)',
    '# Port ranges (the dynamic RPC range) are listed as not tested: those ports listen only while',
    '# a service uses them; the test of port 135 covers the RPC endpoint mapper.',
    '# Microsoft cloud destinations are tested by their FQDN; a wildcard FQDN is listed as not',
    '# tested (test one real name under it). Through a network proxy, the proxy port is tested.',
    '# Every Windows host of the plan that starts connections is tested (the consoles, the agent',
    '# servers, Windows hosts with a local agent, CEE and SQL servers, the Access Analyzer (classic)',
    `# console). Flows that start on other hosts (${others.length} host(s): Linux hosts, NAS appliances,`,
    '# servers whose operating system the plan does not know) cannot be tested by this script: they',
    '# are listed in $OtherSources with the reason, and printed as not tested. Test them from those',
    '# systems.',
    '#',
    '# The Windows hosts of the plan that start connections: -HostKey takes the key (first column)',
    "# or, when no key matches, the host's name as typed in the plan (in quotes if it has spaces);",
    '# any case.',
    ...hostHelpLines(sources, keyOf),
    '',
    '[CmdletBinding()]',
    'param(',
    '    # The plan host to test from: its key or its name (see $PlanHosts); detected when omitted.',
    "    [string] $HostKey = ''",
    ')',
    '',
    'Set-StrictMode -Version 3.0',
    "$ErrorActionPreference = 'Stop'",
    '',
    ...provenanceLines(report),
    '',
    '# The Windows hosts of the plan that start connections.',
    ...hostListLines(sources, keyOf),
    '',
    '# Hosts that start connections that this script cannot test, and why.',
    '$OtherSources = @(',
    ...others.map(
      (h) =>
        `    [pscustomobject]@{ Host = ${psQuote(`${h.label} (${h.address || 'address missing'})`)}; Flows = ${h.outbound.length}; Reason = ${psQuote(notTestedReason(h))} }`,
    ),
    ')',
    '',
    ...HOST_SELECTION_LINES,
    '',
    '$Results = New-Object System.Collections.Generic.List[object]',
    '',
    'function Test-AmfpTcp {',
    '    param([string] $Flow, [string] $Destination, [int] $Port)',
    '    $ok = Test-NetConnection -ComputerName $Destination -Port $Port -InformationLevel Quiet -WarningAction SilentlyContinue',
    "    if ($ok) { $result = 'OK' } else { $result = 'FAILED' }",
    "    $Results.Add([pscustomobject]@{ Result = $result; Protocol = 'TCP'; Destination = $Destination; Port = [string]$Port; Flow = $Flow })",
    '}',
    '',
    'function Skip-AmfpCheck {',
    '    param([string] $Flow, [string] $Destination, [string] $Ports, [string] $Reason)',
    "    $Results.Add([pscustomobject]@{ Result = ('not tested ({0})' -f $Reason); Protocol = ''; Destination = $Destination; Port = $Ports; Flow = $Flow })",
    '}',
    '',
    "Write-Host ('Plan: {0} (Activity Monitor {1}, catalog {2}, {3})' -f $PlanName, $ActivityMonitorVersion, $CatalogVersion, $DocsRevision)",
    'foreach ($source in $OtherSources) {',
    "    Write-Host ('Not tested here: {0} flow(s) from {1}: {2}' -f $source.Flows, $source.Host, $source.Reason)",
    '}',
    'foreach ($target in @(Select-AmfpHost)) {',
    "    Write-Host ('Testing the connections that start on {0} ({1})' -f $target.Label, $target.Key)",
    '    switch ($target.Key) {',
    ...sources.flatMap((h) => sourceCase(h, keyOf(h))),
    "        default { Write-Host '  No connections start on this host.' }",
    '    }',
    '}',
    '$Results | Format-Table -AutoSize -Wrap',
    "$failed = @($Results | Where-Object { $_.Result -eq 'FAILED' })",
    'if ($failed.Count -gt 0) {',
    "    Write-Host ('{0} connection test(s) failed.' -f $failed.Count)",
    '    exit 1',
    '}',
  ];
  return joinScript(lines);
}

export const connectivityCheckExporter: Exporter = {
  id: 'connectivity-check',
  label: 'Download connectivity check',
  action: 'download',
  fileName: connectivityFileName,
  mimeType: 'text/plain;charset=utf-8',
  render: renderConnectivityCheck,
  unavailable: (hosts) =>
    hosts.some((h) => isWindowsHost(h) && h.outbound) ? undefined : NO_WINDOWS_SOURCE,
};
