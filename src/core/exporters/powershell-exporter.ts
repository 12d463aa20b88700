/**
 * "Download PowerShell script": New-NetFirewallRule inbound rules for each Windows host of the
 * plan, safe to run again (stable -Name per flow, replaced not duplicated), with a dry run
 * (-WhatIf), a -Remove switch, -FirewallProfile (default Domain) and -RemoteAddress limited to
 * the real sources. A rule whose source address is missing is emitted commented out with a TODO.
 * A rule the catalog opens with a Windows predefined rule group (the WMI flows:
 * PortItem.windowsRuleGroup, ReportHostRule.windowsRuleGroup) enables that group for its sources
 * instead, as the rule's notes say; -NoPredefinedGroups falls back to a rule of its own.
 * Every user string is a single-quoted literal (powershell-quote.ts).
 */
import type { WindowsRuleGroup } from '@/core/catalog/model';
import type { Report, ReportHost, ReportHostRule } from '@/core/report/model';

import { cloudFqdnNote, peerBlock, ruleBlocks, ruleBlockText } from './export-gate';
import type { Exporter } from './exporter';
import { exportFileName } from './file-name';
import {
  HOST_SELECTION_LINES,
  hostHelpLines,
  hostListLines,
  joinScript,
  provenanceLines,
} from './powershell-common';
import { psArray, psComment, psQuote, stableRuleName } from './powershell-quote';
import { scriptKeyFor } from './script-host-keys';
import { isWindowsHost, NO_WINDOWS_HOST } from './script-hosts';

export const FIREWALL_RULE_GROUP = 'Netwrix Activity Monitor (planner)';

function portText(from: number, to: number): string {
  return from === to ? String(from) : `${from}-${to}`;
}

/** The TODO that keeps a rule from running (export-gate.ts), or null when it may be live. */
function sourceProblem(rule: ReportHostRule): string | null {
  const blocks = ruleBlocks(rule);
  if (blocks.length > 0) {
    return `${ruleBlockText(blocks)} Until then the lines below stay commented out.`;
  }
  if (rule.peers.length === 0) {
    return `TODO: the plan has no ${rule.peerRole}; add it, then remove the '# ' in front of the lines below.`;
  }
  const peerBlocks = rule.peers.map(peerBlock);
  if (peerBlocks.some((b) => b?.kind === 'fqdn')) {
    return `TODO: the source (${rule.peerRole}) is a cloud service named by FQDN; Windows Firewall cannot filter on an FQDN. Replace it with the service's published IP ranges, then remove the '# ' in front of the lines below.`;
  }
  if (peerBlocks.some((b) => b?.kind === 'missing')) {
    return `TODO: a source (${rule.peerRole}) has no address in the plan; add it, then remove the '# ' in front of the lines below.`;
  }
  const wrong = peerBlocks.flatMap((b) =>
    b?.kind === 'invalid' || b?.kind === 'any' ? [b.message] : [],
  );
  if (wrong.length > 0) {
    return `TODO: fix the plan first: ${wrong.join('; ')}. Then download the script again; until then the lines below stay commented out.`;
  }
  return null;
}

function remoteAddresses(rule: ReportHostRule): string[] {
  const values = rule.peers.map((p) => {
    const block = peerBlock(p);
    return block === null || block.kind === 'any' ? p.address : `TODO: address of ${p.label}`;
  });
  return [...new Set(values)].sort();
}

function ruleLines(rule: ReportHostRule, report: Report): string[] {
  const ports = rule.ports.map((p) => portText(p.from, p.to));
  const group = rule.windowsRuleGroup;
  const displayName = `Netwrix Activity Monitor: ${rule.service} from ${rule.peerRole} (${rule.transport} ${rule.portsText})`;
  const description = `${rule.description}. Rule ${rule.ruleId} of plan ${report.meta.planName}; catalog ${report.meta.catalogVersion} (${report.meta.docsRevision}).`;
  const body = [
    'Set-AmfpRule @{',
    `    Name          = ${psQuote(stableRuleName(rule.ruleKey))}`,
    `    DisplayName   = ${psQuote(displayName)}`,
    `    Description   = ${psQuote(description)}`,
    `    Protocol      = ${psQuote(rule.transport)}`,
    `    LocalPort     = ${psArray(ports)}`,
    `    RemoteAddress = ${psArray(remoteAddresses(rule))}`,
    ...(group
      ? [
          `    GroupId       = ${psQuote(group.group)}`,
          `    GroupName     = ${psQuote(group.displayGroup)}`,
        ]
      : []),
    '}',
  ];
  const problem = sourceProblem(rule);
  const heading = `# Rule ${rule.ruleId}: ${psComment(rule.peerRole)} -> this host, ${rule.transport} ${psComment(rule.portsText)} (${psComment(rule.service)})`;
  const groupLines = group
    ? [
        `# Opened by the Windows rule group '${psComment(group.displayGroup)}'`,
        '# for these sources (see the header); with -NoPredefinedGroups, by a rule of its own.',
      ]
    : [];
  return problem
    ? [heading, ...groupLines, `# ${psComment(problem)}`, ...body.map((l) => `# ${l}`)]
    : [heading, ...groupLines, ...body];
}

/** The Windows predefined rule groups the inbound rules of these hosts use, by group id. */
function ruleGroups(hosts: readonly ReportHost[]): WindowsRuleGroup[] {
  const groups = new Map<string, WindowsRuleGroup>();
  for (const host of hosts) {
    for (const rule of host.inbound) {
      if (rule.windowsRuleGroup) groups.set(rule.windowsRuleGroup.group, rule.windowsRuleGroup);
    }
  }
  return [...groups.values()];
}

/** The header's explanation of the predefined groups and their fallback (catalog text only). */
function ruleGroupHelpLines(groups: readonly WindowsRuleGroup[]): string[] {
  if (groups.length === 0) return [];
  return [
    '#',
    "# Windows predefined rule groups. The rules marked 'Opened by the Windows rule group' below (the",
    '# WMI flows) are opened by enabling that group of Windows Firewall for their sources, as the',
    "# rules' notes in the sheets recommend, rather than by opening TCP 135 and the dynamic RPC range",
    "# by hand. The group's inbound rules are enabled in the profiles of -FirewallProfile and limited",
    '# to the sources of those rules:',
    ...groups.flatMap((g) => [
      `#   Get-NetFirewallRule -Group '${psComment(g.group)}' -Direction Inbound |`,
      '#     Set-NetFirewallRule -Enabled True -RemoteAddress <the sources>',
      `#   ('${psComment(g.group)}' is the language-independent id of the group`,
      `#   '${psComment(g.displayGroup)}': -DisplayGroup finds it by that name on an`,
      '#   English Windows only.)',
    ]),
    "# Before its first change the script saves the group's state (enabled, remote addresses) in",
    '# %ProgramData%\\Netwrix Activity Monitor firewall planner; -Remove puts the group back as it was',
    '# and deletes the file. A group that was already enabled (for another management tool) is limited',
    "# to this plan's sources as well: the script warns, and -Remove restores it.",
    "# Fallback: -NoPredefinedGroups opens the ports with a rule of its own instead (each such rule's",
    '# LocalPort: TCP 135 and the dynamic RPC range), like the other rules, and leaves the group as it',
    '# is; the group takes over from such a rule on a run without the switch. -Remove undoes both.',
  ];
}

/** The predefined groups: collected per rule (Add-AmfpGroupSource), applied once after the hosts. */
const RULE_GROUP_LINES: readonly string[] = [
  '# The Windows predefined rule groups to enable, by group id: name, AMFP rule names, sources.',
  '$AmfpGroups = [ordered]@{}',
  "$GroupStateFolder = Join-Path $env:ProgramData 'Netwrix Activity Monitor firewall planner'",
  '$ProfileBits = @{ Domain = 1; Private = 2; Public = 4; Any = 7 }',
  '$ProfileMask = 0',
  'foreach ($p in $FirewallProfile) { $ProfileMask = $ProfileMask -bor $ProfileBits[$p] }',
  '',
  'function Add-AmfpGroupSource {',
  "    # Collects a rule's sources for its Windows predefined rule group (see Complete-AmfpRuleGroup).",
  '    param([Parameter(Mandatory = $true)] [hashtable] $Rule)',
  '    $id = [string]$Rule.GroupId',
  '    if (-not $AmfpGroups.Contains($id)) {',
  '        $AmfpGroups[$id] = [pscustomobject]@{',
  '            Id      = $id',
  '            Name    = [string]$Rule.GroupName',
  '            Rules   = New-Object System.Collections.Generic.List[string]',
  '            Address = New-Object System.Collections.Generic.List[string]',
  '        }',
  '    }',
  '    $AmfpGroups[$id].Rules.Add([string]$Rule.Name)',
  '    foreach ($entry in @($Rule.RemoteAddress)) { $AmfpGroups[$id].Address.Add([string]$entry) }',
  '}',
  '',
  'function Complete-AmfpRuleGroup {',
  '    # Enables the inbound rules of each collected group in the profiles of -FirewallProfile, for',
  "    # the collected sources only, after saving the group's state; with -Remove, restores that state.",
  '    foreach ($group in @($AmfpGroups.Values)) {',
  "        $state = Join-Path $GroupStateFolder ('{0}.clixml' -f ($group.Id -replace '[^A-Za-z0-9]+', '_'))",
  '        if ($Remove) {',
  '            if (Test-Path -LiteralPath $state) {',
  '                foreach ($saved in @(Import-Clixml -LiteralPath $state)) {',
  '                    Set-NetFirewallRule -Name $saved.Name -Enabled $saved.Enabled -RemoteAddress @($saved.RemoteAddress) -WhatIf:$WhatIfPreference',
  '                }',
  '                Remove-Item -LiteralPath $state -WhatIf:$WhatIfPreference',
  '                Write-Host ("  restored the Windows rule group \'{0}\' as it was before this script" -f $group.Name)',
  '            } else {',
  '                Write-Host ("  left the Windows rule group \'{0}\' as it is: this script did not change it here" -f $group.Name)',
  '            }',
  '            continue',
  '        }',
  '        $all = @(Get-NetFirewallRule -Group $group.Id -Direction Inbound -ErrorAction SilentlyContinue)',
  '        if ($all.Count -eq 0) {',
  '            throw ("The Windows predefined rule group \'{0}\' ({1}) is not on this computer. Run the script again with -NoPredefinedGroups." -f $group.Name, $group.Id)',
  '        }',
  '        $rules = @($all | Where-Object { ([int]$_.Profile -eq 0) -or (([int]$_.Profile -band $ProfileMask) -ne 0) })',
  '        $remote = @(Resolve-AmfpAddress -Address $group.Address.ToArray())',
  '        if (-not (Test-Path -LiteralPath $state)) {',
  '            $before = @(foreach ($r in $all) {',
  '                [pscustomobject]@{ Name = $r.Name; Enabled = [string]$r.Enabled; RemoteAddress = @(($r | Get-NetFirewallAddressFilter).RemoteAddress) }',
  '            })',
  "            foreach ($r in @($before | Where-Object { $_.Enabled -eq 'True' })) {",
  "                Write-Warning (\"{0} was already enabled (for {1}): it will allow only this plan's sources; -Remove puts it back.\" -f $r.Name, (@($r.RemoteAddress) -join ', '))",
  '            }',
  '            $null = New-Item -ItemType Directory -Path $GroupStateFolder -Force -WhatIf:$WhatIfPreference',
  '            $before | Export-Clixml -LiteralPath $state -WhatIf:$WhatIfPreference',
  '        }',
  '        $rules | Set-NetFirewallRule -Enabled True -RemoteAddress $remote -WhatIf:$WhatIfPreference',
  "        Write-Host (\"  enabled the Windows rule group '{0}' ({1} inbound rule(s), profile {2}) for {3}\" -f $group.Name, $rules.Count, $ProfileValue, ($remote -join ', '))",
  '    }',
  '}',
];

/** Set-AmfpRule: one inbound rule; with a GroupId (unless -NoPredefinedGroups), its group's sources. */
function setRuleLines(withGroups: boolean): string[] {
  const collect = withGroups
    ? [
        "    $grouped = $Rule.ContainsKey('GroupId')",
        '    if ($grouped -and ($Remove -or -not $NoPredefinedGroups)) {',
        '        Add-AmfpGroupSource -Rule $Rule',
        '    }',
      ]
    : [];
  const takeOver = withGroups
    ? [
        '    if ($grouped -and -not $NoPredefinedGroups) {',
        '        if ($existing.Count -gt 0) {',
        '            # A rule of its own from a run with -NoPredefinedGroups: the group replaces it.',
        '            Remove-NetFirewallRule -Name $name -WhatIf:$WhatIfPreference',
        "            Write-Host ('  removed {0}: the Windows rule group {1} replaces it' -f $name, $Rule.GroupName)",
        '        }',
        '        return',
        '    }',
      ]
    : [];
  return [
    'function Set-AmfpRule {',
    '    # Creates (or replaces) one inbound rule; with -Remove, removes it.',
    ...(withGroups
      ? [
          '    # A rule with a GroupId is opened by that Windows predefined rule group instead',
          '    # (Complete-AmfpRuleGroup), unless -NoPredefinedGroups; -Remove undoes both.',
        ]
      : []),
    '    param([Parameter(Mandatory = $true, Position = 0)] [hashtable] $Rule)',
    '    $name = [string]$Rule.Name',
    '    $existing = @(Get-NetFirewallRule -Name $name -ErrorAction SilentlyContinue)',
    ...collect,
    '    if ($Remove) {',
    '        if ($existing.Count -gt 0) {',
    '            Remove-NetFirewallRule -Name $name -WhatIf:$WhatIfPreference',
    "            Write-Host ('  removed {0}' -f $name)",
    '        } else {',
    "            Write-Host ('  not present: {0}' -f $name)",
    '        }',
    '        return',
    '    }',
    ...takeOver,
    '    $remote = @(Resolve-AmfpAddress -Address $Rule.RemoteAddress)',
    '    if ($existing.Count -gt 0) {',
    '        Remove-NetFirewallRule -Name $name -WhatIf:$WhatIfPreference',
    '    }',
    '    $null = New-NetFirewallRule -Name $name -DisplayName $Rule.DisplayName -Description $Rule.Description `',
    '        -Group $RuleGroup -Direction Inbound -Action Allow -Enabled True -Profile $ProfileValue `',
    '        -Protocol $Rule.Protocol -LocalPort $Rule.LocalPort -RemoteAddress $remote -WhatIf:$WhatIfPreference',
    "    Write-Host ('  {0}: {1} {2} from {3}' -f $name, $Rule.Protocol, ($Rule.LocalPort -join ','), ($remote -join ', '))",
    '}',
  ];
}

function hostCase(host: ReportHost, report: Report, key: string): string[] {
  const inner =
    host.inbound.length === 0
      ? ["Write-Host '  No inbound rules for this host.'"]
      : host.inbound.flatMap((rule, i) => [...(i > 0 ? [''] : []), ...ruleLines(rule, report)]);
  return [
    `        ${psQuote(key)} {`,
    `            # ${psComment(host.roleNames.join(', '))}: ${host.inbound.length} inbound rule(s)`,
    ...inner.map((l) => (l === '' ? '' : `            ${l}`)),
    '        }',
  ];
}

export function windowsHosts(report: Report): ReportHost[] {
  return report.hosts.filter(isWindowsHost);
}

export function powershellFileName(report: Report): string {
  return exportFileName(report.meta.planName, 'firewall-rules.ps1');
}

export function renderPowerShell(report: Report): string {
  const hosts = windowsHosts(report);
  const keyOf = scriptKeyFor(report);
  const file = powershellFileName(report);
  const groups = ruleGroups(hosts);
  const withGroups = groups.length > 0;
  const lines = [
    '#Requires -Version 5.1',
    '# Windows Firewall inbound rules for Netwrix Activity Monitor.',
    '# Generated by Activity Monitor Firewall Planner: review it before you run it.',
    '#',
    '# Run it in an elevated PowerShell on each Windows host of the plan (the host is detected',
    '# from its names and addresses, or named with -HostKey):',
    `#   .\\${file} -WhatIf            # dry run: shows what would change`,
    `#   .\\${file}                    # creates or updates this host's rules`,
    `#   .\\${file} -FirewallProfile Domain,Private`,
    `#   .\\${file} -Remove            # removes this host's rules`,
    `#   .\\${file} -HostKey <key>     # when the host is not detected (the keys are below)`,
    `# Rules go into the group '${FIREWALL_RULE_GROUP}' with stable names (AMFP-...):`,
    '# running the script again replaces them, it never duplicates them. To remove every rule the',
    `# planner created on a host: Get-NetFirewallRule -Group '${FIREWALL_RULE_GROUP}' | Remove-NetFirewallRule`,
    '# Host names in -RemoteAddress are resolved to IP addresses when the script runs (Windows',
    '# Firewall filters on addresses); run it again when an address changes.',
    '# Rules that depend on a value the plan checks reject (an invalid address, port or option),',
    '# or whose source address is missing, are commented out with a TODO naming the field.',
    '# The plan name, catalog version and permalink are in the variables below.',
    '#',
    '# The Windows hosts of the plan: -HostKey takes the key (first column) or, when no key matches,',
    "# the host's name as typed in the plan (in quotes if it has spaces); any case.",
    ...hostHelpLines(hosts, keyOf),
    ...ruleGroupHelpLines(groups),
    ...cloudFqdnNote(report, 'Windows Firewall').map((l) => (l === '' ? '#' : `# ${psComment(l)}`)),
    '',
    '[CmdletBinding(SupportsShouldProcess = $true)]',
    'param(',
    '    # Firewall profiles of the rules.',
    "    [ValidateSet('Domain', 'Private', 'Public', 'Any')]",
    "    [string[]] $FirewallProfile = @('Domain'),",
    "    # Remove this host's rules instead of creating them.",
    '    [switch] $Remove,',
    '    # The plan host to configure: its key or its name (see $PlanHosts); detected when omitted.',
    ...(withGroups
      ? [
          "    [string] $HostKey = '',",
          '    # Open the WMI flows with rules of their own (TCP 135 + the dynamic RPC range) instead of',
          "    # Windows' predefined rule group.",
          '    [switch] $NoPredefinedGroups',
        ]
      : ["    [string] $HostKey = ''"]),
    ')',
    '',
    'Set-StrictMode -Version 3.0',
    "$ErrorActionPreference = 'Stop'",
    '',
    ...provenanceLines(report),
    `$RuleGroup = ${psQuote(FIREWALL_RULE_GROUP)}`,
    "if ($FirewallProfile -contains 'Any') { $ProfileValue = 'Any' } else { $ProfileValue = $FirewallProfile -join ',' }",
    '',
    '# The Windows hosts of the plan.',
    ...hostListLines(hosts, keyOf),
    '',
    ...HOST_SELECTION_LINES,
    '',
    'function Resolve-AmfpAddress {',
    '    # IP addresses and CIDR blocks stay as they are; host names are resolved now.',
    '    param([Parameter(Mandatory = $true)] [string[]] $Address)',
    '    $result = foreach ($entry in $Address) {',
    '        $ip = $null',
    "        if ([System.Net.IPAddress]::TryParse(($entry -split '/')[0], [ref] $ip)) {",
    '            $entry',
    '        } else {',
    '            $found = @([System.Net.Dns]::GetHostAddresses($entry) | Where-Object { -not $_.IsIPv6LinkLocal } | ForEach-Object { $_.IPAddressToString })',
    '            if ($found.Count -eq 0) { throw ("Cannot resolve the host name \'{0}\'." -f $entry) }',
    '            $found',
    '        }',
    '    }',
    '    return @($result | Sort-Object -Unique)',
    '}',
    '',
    ...setRuleLines(withGroups),
    '',
    ...(withGroups ? [...RULE_GROUP_LINES, ''] : []),
    "Write-Host ('Plan: {0} (Activity Monitor {1}, catalog {2}, {3})' -f $PlanName, $ActivityMonitorVersion, $CatalogVersion, $DocsRevision)",
    'foreach ($target in @(Select-AmfpHost)) {',
    "    if ($Remove) { $verb = 'Removing' } else { $verb = 'Creating' }",
    "    Write-Host ('{0} the inbound rules of {1} ({2})' -f $verb, $target.Label, $target.Key)",
    '    switch ($target.Key) {',
    ...hosts.flatMap((h) => hostCase(h, report, keyOf(h))),
    "        default { Write-Host '  No rules for this host.' }",
    '    }',
    '}',
    ...(withGroups ? ['Complete-AmfpRuleGroup'] : []),
  ];
  return joinScript(lines);
}

export const powershellExporter: Exporter = {
  id: 'powershell',
  label: 'Download PowerShell script',
  action: 'download',
  fileName: powershellFileName,
  mimeType: 'text/plain;charset=utf-8',
  render: renderPowerShell,
  unavailable: (hosts) => (hosts.some(isWindowsHost) ? undefined : NO_WINDOWS_HOST),
};
