import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  notTestedReason,
  renderConnectivityCheck,
} from '@/core/exporters/connectivity-check-exporter';
import {
  FIREWALL_RULE_GROUP,
  renderPowerShell,
  windowsHosts,
} from '@/core/exporters/powershell-exporter';
import { psQuote, psSanitize, stableRuleName } from '@/core/exporters/powershell-quote';
import { buildReport } from '@/core/report/build-report';

import { exportCatalog } from '../../../fixtures/catalogs';
import type { FixtureNames } from '../../../fixtures/resolution-fixture';
import {
  DEFAULT_NAMES,
  FIXTURE_DATE,
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
  HOSTILE_NAMES,
} from '../../../fixtures/resolution-fixture';
import { WMI_GROUP, wmiCatalog, wmiPlan, wmiResolution } from '../../../fixtures/wmi-fixture';

import { lexPowerShell, readSingleQuoted } from './ps-tokenizer';

function report(names: FixtureNames = DEFAULT_NAMES) {
  return buildReport({
    plan: fixturePlan(names),
    resolution: fixtureResolution(names),
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
    generatedAt: FIXTURE_DATE,
  });
}

const SCRIPTS = [
  ['firewall rules', renderPowerShell],
  ['connectivity check', renderConnectivityCheck],
] as const;

// Characters that matter to PowerShell string parsing, plus anything else.
const nasty = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.constantFrom(
        "'",
        '\u2018',
        '\u2019',
        '\u201a',
        '\u201b',
        '"',
        '$',
        '(',
        ')',
        '`',
        '#',
        '<#',
        '#>',
        '\r',
        '\n',
        '\u0085',
        '\u2028',
        '\u2029',
        '\0',
        ';',
        '|',
        '&',
        '@',
        '{',
        '}',
        'x',
      ),
    )
    .map((parts) => parts.join('')),
);

describe('psQuote (PS-1: user strings are single-quoted literals)', () => {
  it('reads back, through a PowerShell literal reader, as the sanitized text and ends where it should', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const literal = psQuote(text);
        const read = readSingleQuoted(literal, 0);
        expect(read).not.toBeNull();
        expect(read?.end).toBe(literal.length);
        expect(read?.value).toBe(psSanitize(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('never spans lines (safe inside a commented-out line)', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        expect(psQuote(text)).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ["it's", "'it''s'"],
    ['a\u2019b', "'a\u2019\u2019b'"],
    ['$(calc)', "'$(calc)'"],
    ['a\r\nb', "'a  b'"],
  ])('quotes %j as %s', (text, expected) => {
    expect(psQuote(text)).toBe(expected);
  });
});

describe('stableRuleName', () => {
  it('is stable and distinct per flow', () => {
    expect(stableRuleName('console>agent|TCP|4498')).toBe(stableRuleName('console>agent|TCP|4498'));
    expect(stableRuleName('console>agent|TCP|4498')).not.toBe(
      stableRuleName('console>agent|TCP|4499'),
    );
    expect(stableRuleName('x')).toMatch(/^AMFP-[0-9a-f]{14}$/);
  });
});

describe.each(SCRIPTS)('%s script structure', (_name, render) => {
  it.each([
    ['sample', DEFAULT_NAMES],
    ['hostile', HOSTILE_NAMES],
  ])('is well formed for the %s plan (strings closed, brackets balanced)', (_case, names) => {
    const { errors } = lexPowerShell(render(report(names)));
    expect(errors).toEqual([]);
  });

  it('starts with a UTF-8 BOM (Windows PowerShell 5.1 reads BOM-less scripts as ANSI) and uses CRLF', () => {
    const text = render(report());
    expect(text.startsWith('\uFEFF#Requires -Version 5.1\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps hostile user text inside single-quoted literals only', () => {
    const text = render(report(HOSTILE_NAMES));
    const { tokens } = lexPowerShell(text);
    const markers = ['Remove-Item', 'Invoke-Evil', 'pwned', 'Line2', 'alert(1)', '@SUM', 'Heading'];
    let found = 0;
    for (const marker of markers) {
      for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
        found += 1;
        const token = tokens.find((t) => t.start <= at && at < t.end);
        expect(token, `${marker} at ${at} is outside any string or comment`).toBeDefined();
        if (token?.type === 'comment') {
          // Commented-out code: the line, uncommented, must hold the marker inside a literal.
          const line = token.value.replace(/^#\s?/, '');
          const inner = lexPowerShell(line);
          expect(inner.errors).toEqual([]);
          const offset = at - token.start - (token.value.length - line.length);
          const innerToken = inner.tokens.find((t) => t.start <= offset && offset < t.end);
          expect(innerToken?.type, `${marker} in a comment outside a literal`).toBe('single');
        } else {
          expect(token?.type).toBe('single');
        }
      }
    }
    expect(found).toBeGreaterThan(3);
  });
});

describe('firewall rules script', () => {
  const text = renderPowerShell(report());

  it('has the dry run, removal and profile switches', () => {
    expect(text).toContain('[CmdletBinding(SupportsShouldProcess = $true)]');
    expect(text).toContain('[switch] $Remove');
    expect(text).toContain("[string[]] $FirewallProfile = @('Domain')");
    expect(text).toMatch(/New-NetFirewallRule .*-WhatIf:\$WhatIfPreference/s);
    expect(text).toContain('Remove-NetFirewallRule -Name $name -WhatIf:$WhatIfPreference');
  });

  it('puts every rule in one group with a stable name and never allows Any', () => {
    expect(text).toContain(`$RuleGroup = '${FIREWALL_RULE_GROUP}'`);
    expect(text).toContain(`Name          = '${stableRuleName('console>agent|TCP|4498')}'`);
    expect(text).not.toMatch(/RemoteAddress\s*=\s*@\('Any'\)/i);
    expect(text).toContain("RemoteAddress = @('10.0.2.16/28', 'svm-nyc.corp.example.com')");
  });

  it('covers only the Windows hosts', () => {
    const keys = windowsHosts(report()).map((h) => h.key);
    expect(keys).toEqual(['agent-2', 'agent-1', 'console', 'cee-dev-3', 'dev-2']);
    expect(text).not.toContain("Key = 'dev-3'");
    expect(text).not.toContain("Key = 'siem'");
  });

  it('keys the hosts by the names typed in the plan, in $PlanHosts, the header and the switch', () => {
    expect(text).toContain(
      "    [pscustomobject]@{ Key = 'Agent-NYC'; Label = 'Agent NYC'; Address = @('agent-nyc.corp.example.com') }",
    );
    expect(text).toContain(
      [
        '# The Windows hosts of the plan: -HostKey takes the key (first column) or, when no key matches,',
        "# the host's name as typed in the plan (in quotes if it has spaces); any case.",
        "#   'Agent-LON'                 'Agent LON' (no address)",
        "#   'Agent-NYC'                 'Agent NYC' ('agent-nyc.corp.example.com')",
        "#   'AM-Console'                'AM Console' ('10.0.0.10')",
        "#   'CEE-server-of-Isilon-Lab'  'CEE server of Isilon Lab' ('cee01.corp.example.com')",
        "#   'FS01'                      'FS01' ('10.0.3.5')",
      ].join('\r\n'),
    );
    expect(text).toMatch(/^ {8}'Agent-NYC' \{\r$/m);
    expect(text).not.toMatch(/'(agent-1|agent-2|dev-2|cee-dev-3|console)'/);
  });

  it('-HostKey takes a key, else the name itself (any case: -eq; spaces squeezed)', () => {
    expect(text).toContain('$chosen = @($PlanHosts | Where-Object { $_.Key -eq $wanted })');
    expect(text).toContain(
      "$chosen = @($PlanHosts | Where-Object { (($_.Label -replace '\\s+', ' ').Trim()) -eq $wanted })",
    );
  });

  it('stays well formed with keys that need no quoting, whatever the names', () => {
    fc.assert(
      fc.property(nasty, nasty, nasty, (agent1, agent2, console) => {
        const names = { ...DEFAULT_NAMES, agent1, agent2, console };
        for (const [, render] of SCRIPTS) {
          const script = render(report(names));
          expect(lexPowerShell(script).errors).toEqual([]);
          const keys = [...script.matchAll(/\[pscustomobject\]@\{ Key = '([^']*)'/g)].map(
            (m) => m[1] ?? '',
          );
          expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length);
          for (const key of keys) expect(key).toMatch(/^[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}._-]*$/u);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('uses the same key for a host as the connectivity check', () => {
    const check = renderConnectivityCheck(report(HOSTILE_NAMES));
    const rules = renderPowerShell(report(HOSTILE_NAMES));
    const keys = (script: string) =>
      [...script.matchAll(/\[pscustomobject\]@\{ Key = '([^']*)'/g)].map((m) => m[1]);
    expect(keys(check).length).toBeGreaterThan(2);
    for (const key of keys(check)) expect(keys(rules)).toContain(key);
  });

  it('comments out a rule whose source address is missing, with a TODO', () => {
    const r = report();
    const plan = fixturePlan();
    const resolution = fixtureResolution();
    // Make the CEE server's address missing: rule 6 (CEE -> agent) loses its source address.
    const cee = resolution.rules[5]?.source.hosts[0];
    if (cee) cee.address = '';
    const script = renderPowerShell(
      buildReport({ plan, resolution, catalog: exportCatalog, permalink: r.meta.permalink }),
    );
    expect(script).toMatch(
      /# TODO: a source \(CEE Server\) has no address in the plan[^\r]*\r\n\s+# Set-AmfpRule @\{/,
    );
    expect(script).toContain(
      "#     RemoteAddress = @('TODO: address of CEE server of Isilon Lab')",
    );
  });
});

describe('connectivity check script', () => {
  const text = renderConnectivityCheck(report());

  it('tests TCP flows from their source host with Test-NetConnection', () => {
    expect(text).toContain('Test-NetConnection -ComputerName $Destination -Port $Port');
    expect(text).toContain(
      "Test-AmfpTcp -Flow 'Rule R01: Agent protocol to Activity Agent Server Agent NYC' -Destination 'agent-nyc.corp.example.com' -Port 4498",
    );
    expect(text).toContain("# Run on the Activity Monitor Console with host key 'AM-Console'.");
  });

  it('states plainly that UDP cannot be checked this way', () => {
    expect(text).toContain('# UDP cannot be checked this way: Test-NetConnection tests TCP only.');
    expect(text).toContain("-Reason 'UDP: Test-NetConnection tests TCP only'");
    expect(text).not.toMatch(/Test-AmfpTcp [^\r]*-Port 514/);
  });

  it('does not try to test a port range', () => {
    expect(text).not.toMatch(/^\s*Test-AmfpTcp [^\r]*-Port 49152/m);
  });

  it('tests a Microsoft cloud FQDN by its name, on the rule port', () => {
    expect(text).toMatch(
      /^\s*Test-AmfpTcp -Flow 'Rule R07: HTTPS to Microsoft cloud endpoints Microsoft Graph API' -Destination 'graph\.microsoft\.com' -Port 443\r$/m,
    );
  });

  it('lists a wildcard FQDN as not tested, and holds back an FQDN without its tenant or with an invalid one', () => {
    const resolution = fixtureResolution();
    const [login, graph, manage] = resolution.rules[6]?.destination.hosts ?? [];
    if (!login?.cloud || !graph?.cloud || !manage?.cloud) throw new Error('fixture changed');
    login.address = '*.blob.core.windows.net';
    login.cloud = { ...login.cloud, pattern: '*.blob.core.windows.net', wildcard: true };
    graph.address = '';
    graph.cloud = { ...graph.cloud, pattern: '{tenant}.sharepoint.com' };
    manage.address = '<tenant>.sharepoint.com';
    manage.invalid = { message: 'The Microsoft tenant (microsoftTenant): "a b" is not valid' };
    const script = renderConnectivityCheck(
      buildReport({
        plan: fixturePlan(),
        resolution,
        catalog: exportCatalog,
        permalink: FIXTURE_PERMALINK,
      }),
    );
    expect(script).toContain(
      "Skip-AmfpCheck -Flow 'Rule R07: HTTPS to Microsoft cloud endpoints Microsoft Entra ID sign-in' -Destination '*.blob.core.windows.net' -Ports '443' -Reason 'wildcard FQDN: test one real name under it'",
    );
    expect(script).toMatch(
      /# TODO: the destination needs the Microsoft tenant of the plan \(Devices step\)[^\r]*\r\n\s+# Test-AmfpTcp [^\r]*Microsoft Graph API' -Destination 'TODO: address of Microsoft Graph API' -Port 443/,
    );
    expect(script).toMatch(
      /# TODO: fix the plan first: The Microsoft tenant \(microsoftTenant\)[^\r]*\r\n\s+# Test-AmfpTcp [^\r]*'TODO: address of Office 365 Management Activity API' -Port 443/,
    );
    expect(script).not.toMatch(/^\s*Test-AmfpTcp [^\r]*(sharepoint|blob)/m);
  });
});

describe('firewall rules script: Microsoft cloud FQDNs', () => {
  const text = renderPowerShell(report());

  it('lists the FQDNs in a comment and says why they are not scripted', () => {
    expect(text).toContain(
      '# Microsoft cloud destinations (FQDNs) are not scripted: Windows Firewall cannot filter by FQDN',
    );
    expect(text).toContain(
      '# - login.microsoftonline.com (M365 endpoint set 56; service tag AzureActiveDirectory)',
    );
    expect(text).toContain('# - manage.office.com (service tag M365ManagementActivityApi)');
  });

  it('never puts an FQDN in a rule: only the inbound rules of the plan hosts are scripted', () => {
    const live = text.split('\r\n').filter((line) => !/^\s*#/.test(line));
    expect(live.join('\n')).not.toMatch(/microsoftonline|graph\.microsoft|manage\.office/);
    expect(text).not.toMatch(/Direction Outbound/);
  });

  it('a plan without cloud destinations says nothing of them', () => {
    const resolution = fixtureResolution();
    resolution.rules.splice(6, 1);
    const script = renderPowerShell(
      buildReport({
        plan: fixturePlan(),
        resolution,
        catalog: exportCatalog,
        permalink: FIXTURE_PERMALINK,
      }),
    );
    expect(script).not.toContain('FQDN');
  });
});

describe('firewall rules script: WMI through the Windows predefined rule group', () => {
  const wmiReport = (names: FixtureNames = DEFAULT_NAMES) =>
    buildReport({
      plan: wmiPlan(names),
      resolution: wmiResolution(names),
      catalog: wmiCatalog,
      permalink: FIXTURE_PERMALINK,
      generatedAt: FIXTURE_DATE,
    });
  const text = renderPowerShell(wmiReport());
  const lines = text.split('\r\n');

  it('marks the WMI rules with the group (from the catalog port item), keeping their ports as the fallback', () => {
    const r = wmiReport();
    const wmiRules = r.hosts.flatMap((h) => h.inbound.filter((x) => x.windowsRuleGroup));
    expect(wmiRules.map((x) => x.ruleId).sort()).toEqual(['R09', 'R09', 'R09', 'R10']);
    expect(wmiRules[0]?.windowsRuleGroup).toEqual(WMI_GROUP);
    expect(text).toMatch(
      /# Rule R10: Access Analyzer Console -> this host, TCP 135, 49152-65535 \(WMI \(MS-RPC\)\)\r\n\s+# Opened by the Windows rule group 'Windows Management Instrumentation \(WMI\)'\r\n\s+# for these sources \(see the header\); with -NoPredefinedGroups, by a rule of its own\.\r\n\s+Set-AmfpRule @\{/,
    );
    expect(text).toMatch(
      /LocalPort {5}= @\('135', '49152-65535'\)\r\n\s+RemoteAddress = @\('10\.0\.8\.8'\)\r\n\s+GroupId {7}= '@FirewallAPI\.dll,-34251'\r\n\s+GroupName {5}= 'Windows Management Instrumentation \(WMI\)'/,
    );
    // Other rules keep their own rules.
    expect(text).not.toMatch(/CEE Event Data[^}]*GroupId/);
  });

  it('enables the group (by its language-independent id) for the sources, in the chosen profiles', () => {
    expect(text).toContain(
      '$all = @(Get-NetFirewallRule -Group $group.Id -Direction Inbound -ErrorAction SilentlyContinue)',
    );
    expect(text).toContain(
      '$rules | Set-NetFirewallRule -Enabled True -RemoteAddress $remote -WhatIf:$WhatIfPreference',
    );
    expect(text).toContain('$remote = @(Resolve-AmfpAddress -Address $group.Address.ToArray())');
    expect(text).toContain(
      '$rules = @($all | Where-Object { ([int]$_.Profile -eq 0) -or (([int]$_.Profile -band $ProfileMask) -ne 0) })',
    );
    // Applied once, after every selected host collected its sources (two rules, one group).
    expect(lines.at(-2)).toBe('Complete-AmfpRuleGroup');
    expect(text).toContain('        Add-AmfpGroupSource -Rule $Rule');
  });

  it('explains the group and its fallback in the header, and offers -NoPredefinedGroups', () => {
    expect(text).toContain(
      "#   Get-NetFirewallRule -Group '@FirewallAPI.dll,-34251' -Direction Inbound |\r\n#     Set-NetFirewallRule -Enabled True -RemoteAddress <the sources>",
    );
    expect(text).toContain(
      "#   'Windows Management Instrumentation (WMI)': -DisplayGroup finds it",
    );
    expect(text).toContain(
      '# Fallback: -NoPredefinedGroups opens the ports with a rule of its own',
    );
    expect(text).toContain('    [switch] $NoPredefinedGroups\r\n)');
    expect(text).toContain('    if ($grouped -and -not $NoPredefinedGroups) {');
  });

  it('saves the group state before the first change and -Remove restores it (or says it did not change it)', () => {
    expect(text).toContain(
      '            $before | Export-Clixml -LiteralPath $state -WhatIf:$WhatIfPreference',
    );
    expect(text).toContain('        if (-not (Test-Path -LiteralPath $state)) {');
    expect(text).toContain(
      '                    Set-NetFirewallRule -Name $saved.Name -Enabled $saved.Enabled -RemoteAddress @($saved.RemoteAddress) -WhatIf:$WhatIfPreference',
    );
    expect(text).toContain('this script did not change it here');
    // -Remove collects the group too (to restore it), whatever the switch.
    expect(text).toContain('    if ($grouped -and ($Remove -or -not $NoPredefinedGroups)) {');
  });

  it('passes -WhatIf to every command that changes something', () => {
    const changing = lines.filter(
      (l) =>
        /^\s*[^#\s]/.test(l) &&
        /\b(New-NetFirewallRule|Set-NetFirewallRule|Remove-NetFirewallRule|Export-Clixml|New-Item|Remove-Item)\b/.test(
          l,
        ),
    );
    expect(changing.length).toBeGreaterThanOrEqual(7);
    for (const line of changing) {
      const statement = line.endsWith('`')
        ? lines.slice(lines.indexOf(line), lines.indexOf(line) + 3).join(' ')
        : line;
      expect(statement, line).toContain('-WhatIf:$WhatIfPreference');
    }
  });

  it('stays well formed and keeps hostile names in literals', () => {
    expect(lexPowerShell(text).errors).toEqual([]);
    expect(lexPowerShell(renderPowerShell(wmiReport(HOSTILE_NAMES))).errors).toEqual([]);
  });

  it('without a WMI flow, has none of it', () => {
    const plain = renderPowerShell(report());
    expect(plain).not.toContain('NoPredefinedGroups');
    expect(plain).not.toContain('Complete-AmfpRuleGroup');
    expect(plain).not.toContain('GroupId');
  });
});

describe('connectivity check: every Windows host that starts connections', () => {
  const aaReport = (edition: 'classic' | 'aa26') => {
    const plan = wmiPlan();
    plan.integrations.accessAnalyzer.edition = edition;
    return buildReport({
      plan,
      resolution: wmiResolution(),
      catalog: wmiCatalog,
      permalink: FIXTURE_PERMALINK,
      generatedAt: FIXTURE_DATE,
    });
  };

  it('tests the flows of the Access Analyzer (classic) console, a Windows server', () => {
    const text = renderConnectivityCheck(aaReport('classic'));
    expect(text).toContain(
      "    [pscustomobject]@{ Key = 'AA01'; Label = 'AA01'; Address = @('10.0.8.8') }",
    );
    expect(text).toMatch(
      /# Run on the Access Analyzer Console with host key 'AA01'\.\r\n {8}'AA01' \{\r\n\s+# Rule R10: TCP 135, 49152-65535 to Activity Agent Server \(WMI \(MS-RPC\)\)\r\n\s+Test-AmfpTcp -Flow 'Rule R10: WMI \(MS-RPC\) to Activity Agent Server Agent NYC' -Destination 'agent-nyc\.corp\.example\.com' -Port 135\r\n/,
    );
    expect(text).not.toMatch(/Host = 'AA01/);
  });

  it('lists a source whose operating system the plan does not know as not tested, with the reason', () => {
    const text = renderConnectivityCheck(aaReport('aa26'));
    expect(text).not.toContain("Key = 'AA01'");
    expect(text).toContain(
      "    [pscustomobject]@{ Host = 'AA01 (10.0.8.8)'; Flows = 1; Reason = 'the plan does not know its operating system; test from the host' }",
    );
    expect(text).toContain(
      "Write-Host ('Not tested here: {0} flow(s) from {1}: {2}' -f $source.Flows, $source.Host, $source.Reason)",
    );
  });

  it('says why each kind of other source is not tested', () => {
    const host = report().hosts.find((h) => h.label === 'Isilon Lab');
    if (!host) throw new Error('fixture changed');
    expect(notTestedReason(host)).toBe(
      'a NAS appliance or one of its interfaces: no PowerShell there; test from the device',
    );
    expect(notTestedReason({ ...host, os: 'linux', firewall: 'own' })).toMatch(
      /^a Linux host: Test-NetConnection needs Windows; test from the host/,
    );
    expect(notTestedReason({ ...host, os: 'other', firewall: 'own' })).toBe(
      'the plan does not know its operating system; test from the host',
    );
    expect(notTestedReason({ ...host, kind: 'fqdn', firewall: 'cloud' })).toBe(
      'a Microsoft cloud service, not a host of the plan',
    );
  });
});
