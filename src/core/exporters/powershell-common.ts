/**
 * Pieces shared by the generated PowerShell scripts (firewall rules and connectivity check):
 * the provenance variables, the host list and the host selection.
 * All user text goes through psQuote; comments hold generator text only.
 */
import type { Report, ReportHost } from '@/core/report/model';

import { psArray, psQuote } from './powershell-quote';

/** Windows PowerShell 5.1 reads a script without BOM as ANSI: the BOM keeps UTF-8 text intact. */
export const PS_BOM = '\uFEFF';

export function joinScript(lines: readonly string[]): string {
  return `${PS_BOM}${lines.join('\r\n')}\r\n`;
}

export function provenanceLines(report: Report): string[] {
  const { meta } = report;
  return [
    `$PlanName = ${psQuote(meta.planName)}`,
    `$ActivityMonitorVersion = ${psQuote(meta.amVersion)}`,
    `$CatalogVersion = ${psQuote(meta.catalogVersion)}`,
    `$DocsRevision = ${psQuote(meta.docsRevision)}`,
    `$GeneratedOn = ${psQuote(meta.date)}`,
    `$Permalink = ${psQuote(meta.permalink)}`,
  ];
}

/** $PlanHosts: each host's script key (script-host-keys.ts), name and addresses. */
export function hostListLines(
  hosts: readonly ReportHost[],
  keyOf: (host: ReportHost) => string,
): string[] {
  return [
    '$PlanHosts = @(',
    ...hosts.map(
      (h) =>
        `    [pscustomobject]@{ Key = ${psQuote(keyOf(h))}; Label = ${psQuote(h.label)}; Address = ${psArray(h.addresses)} }`,
    ),
    ')',
  ];
}

/**
 * The header's list of host keys, names and addresses (as literals, so the line would still be
 * safe uncommented): "#   'Agent-NYC'  'Agent NYC' ('agent-nyc.corp.example.com')".
 */
export function hostHelpLines(
  hosts: readonly ReportHost[],
  keyOf: (host: ReportHost) => string,
): string[] {
  const keys = hosts.map((h) => psQuote(keyOf(h)));
  const width = Math.max(0, ...keys.map((k) => k.length));
  return hosts.map((h, i) => {
    const address = h.address === '' ? '(no address)' : `(${psQuote(h.address)})`;
    return `#   ${(keys[i] ?? '').padEnd(width)}  ${psQuote(h.label)} ${address}`;
  });
}

/** Functions Get-AmfpLocalName and Select-AmfpHost (read $HostKey and $PlanHosts). */
export const HOST_SELECTION_LINES: readonly string[] = [
  'function Get-AmfpLocalName {',
  '    # The names and addresses of this computer, lower case.',
  '    $names = New-Object System.Collections.Generic.List[string]',
  '    $names.Add($env:COMPUTERNAME.ToLowerInvariant())',
  '    try {',
  '        $names.Add([System.Net.Dns]::GetHostEntry([string]$env:COMPUTERNAME).HostName.ToLowerInvariant())',
  '    } catch {',
  "        Write-Verbose 'This computer has no DNS name.'",
  '    }',
  '    foreach ($ip in @(Get-NetIPAddress -ErrorAction SilentlyContinue)) {',
  '        $names.Add(([string]$ip.IPAddress).ToLowerInvariant())',
  '    }',
  '    return $names',
  '}',
  '',
  'function Select-AmfpHost {',
  '    # The plan hosts this computer is: from -HostKey (a key of $PlanHosts or, when no key',
  "    # matches, a host's name; any case), else by matching names and addresses.",
  '    if ($HostKey) {',
  "        $wanted = ($HostKey -replace '\\s+', ' ').Trim()",
  '        $chosen = @($PlanHosts | Where-Object { $_.Key -eq $wanted })',
  '        if ($chosen.Count -eq 0) {',
  "            $chosen = @($PlanHosts | Where-Object { (($_.Label -replace '\\s+', ' ').Trim()) -eq $wanted })",
  '        }',
  '        if ($chosen.Count -eq 0) {',
  "            throw (\"Unknown -HostKey '{0}'. Hosts of this plan: {1}\" -f $HostKey, (($PlanHosts | ForEach-Object { '{0} ({1})' -f $_.Key, $_.Label }) -join ', '))",
  '        }',
  '        return $chosen',
  '    }',
  '    $local = Get-AmfpLocalName',
  '    $chosen = @($PlanHosts | Where-Object {',
  '        $found = $false',
  '        foreach ($address in @($_.Address)) {',
  '            $a = ([string]$address).ToLowerInvariant()',
  "            $short = ($a -split '\\.')[0]",
  "            if ($a -and (($local -contains $a) -or (($a -match '[a-z]') -and ($local -contains $short)))) {",
  '                $found = $true',
  '            }',
  '        }',
  '        $found',
  '    })',
  '    if ($chosen.Count -eq 0) {',
  "        Write-Host 'This computer does not match a host of the plan. Run the script again with -HostKey <key>:'",
  '        foreach ($h in $PlanHosts) {',
  "            Write-Host ('  {0,-20} {1} ({2})' -f $h.Key, $h.Label, (@($h.Address) -join ', '))",
  '        }',
  "        throw 'No plan host selected.'",
  '    }',
  '    return $chosen',
  '}',
];
