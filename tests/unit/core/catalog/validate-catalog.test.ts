import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { Catalog, CatalogRule } from '@/core/catalog/model';
import { ruleFlowKey, validateCatalog } from '@/core/catalog/validate-catalog';

/** A deep, mutable copy of the real catalog to break on purpose. */
function copy(): Catalog & { rules: CatalogRule[] } {
  return structuredClone(getCatalog()) as Catalog & { rules: CatalogRule[] };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
function rule(c: Catalog, id: string): Mutable<CatalogRule> {
  const found = c.rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found as Mutable<CatalogRule>;
}

describe('validateCatalog (VAL-1: the bundled catalog)', () => {
  it('accepts the bundled catalog without issues', () => {
    const result = validateCatalog(getCatalog());
    expect(result.success ? [] : result.issues).toEqual([]);
  });

  it('has the agreed catalog version', () => {
    expect(getCatalog().version).toBe('2026.11.8');
  });

  it('keeps the seed rule and the agent port setting', () => {
    const c = getCatalog();
    expect(c.rules.find((r) => r.id === 'core-console-agent')).toBeDefined();
    expect(c.settings.find((s) => s.id === 'agentPort')?.default).toBe(4498);
  });
});

const BROKEN: [string, (c: Catalog & { rules: CatalogRule[] }) => void, RegExp][] = [
  [
    'a rule opened by a Windows rule group whose notes do not name the group',
    (c) => {
      rule(c, 'aa-agent-wmi').notes = ['Windows agent hosts only (E31).'];
    },
    /aa-agent-wmi\): its notes must name the Windows rule group "Windows Management Instrumentation \(WMI\)" it opens/,
  ],
  [
    'a Windows rule group id that is not a resource string',
    (c) => {
      rule(c, 'aa-agent-wmi').ports = [
        {
          kind: 'named',
          set: 'wmi',
          windowsRuleGroup: {
            displayGroup: 'Windows Management Instrumentation (WMI)',
            group: 'WMI',
          },
        },
      ];
    },
    /a resource string like @FirewallAPI\.dll,-34251/,
  ],
  [
    'duplicate rule id',
    (c) => {
      rule(c, 'ctera-agent-portal-https').id = 'core-console-agent';
    },
    /rules: duplicate id "core-console-agent"/,
  ],
  [
    'duplicate environment id',
    (c) => {
      (c.environments[1] as { id: string }).id = 'am-core';
    },
    /environments: duplicate id "am-core"/,
  ],
  [
    'duplicate role id',
    (c) => {
      (c.roles[1] as { id: string }).id = 'am-console';
    },
    /roles: duplicate id "am-console"/,
  ],
  [
    'duplicate setting id',
    (c) => {
      (c.settings[1] as { id: string }).id = 'agentPort';
    },
    /settings: duplicate id "agentPort"/,
  ],
  [
    'duplicate option id',
    (c) => {
      (c.options[1] as { id: string }).id = 'ontapiProtocol';
    },
    /options: duplicate id "ontapiProtocol"/,
  ],
  [
    'duplicate erratum id',
    (c) => {
      (c.errata[1] as { id: string }).id = 'E1';
    },
    /errata: duplicate id "E1"/,
  ],
  [
    'port 0',
    (c) => {
      rule(c, 'nasuni-agent-api').ports = [{ kind: 'port', port: 0 }];
    },
    /rules\.\d+\.ports\.0\.port: a port from 1 to 65535/,
  ],
  [
    'port 65536',
    (c) => {
      rule(c, 'nasuni-agent-api').ports = [{ kind: 'port', port: 65536 }];
    },
    /a port from 1 to 65535/,
  ],
  [
    'reversed range',
    (c) => {
      rule(c, 'nasuni-agent-api').ports = [{ kind: 'range', from: 5000, to: 4000 }];
    },
    /a port range with from <= to/,
  ],
  [
    'rule without citation',
    (c) => {
      delete (rule(c, 'nasuni-agent-api') as Partial<CatalogRule>).citation;
    },
    /rules\.\d+\.citation/,
  ],
  [
    'citation URL not on docs.netwrix.com',
    (c) => {
      rule(c, 'nasuni-agent-api').citation = {
        ...rule(c, 'nasuni-agent-api').citation,
        url: 'https://example.com/x',
      };
    },
    /a docs\.netwrix\.com URL/,
  ],
  [
    'unknown environment',
    (c) => {
      rule(c, 'nasuni-agent-api').environment = 'nasunii';
    },
    /\(nasuni-agent-api\): unknown environment "nasunii"/,
  ],
  [
    'unknown source role',
    (c) => {
      rule(c, 'nasuni-agent-api').source = 'agnet';
    },
    /\(nasuni-agent-api\): unknown source role "agnet"/,
  ],
  [
    'unknown destination role',
    (c) => {
      rule(c, 'nasuni-agent-api').destination = 'nasuni';
    },
    /\(nasuni-agent-api\): unknown destination role "nasuni"/,
  ],
  [
    'unknown port setting',
    (c) => {
      rule(c, 'nasuni-agent-api').ports = [{ kind: 'setting', setting: 'nasuniPort' }];
    },
    /unknown port setting "nasuniPort"/,
  ],
  [
    'unknown option in a condition',
    (c) => {
      rule(c, 'netapp-cmode-agent-ontapi-http').condition = {
        text: 'x',
        when: { kind: 'option', option: 'ontapProtocol', in: ['http'] },
      };
    },
    /condition names unknown option "ontapProtocol"/,
  ],
  [
    'invalid choice value in a condition',
    (c) => {
      rule(c, 'netapp-cmode-agent-ontapi-http').condition = {
        text: 'x',
        when: { kind: 'option', option: 'ontapiProtocol', in: ['ftp'] },
      };
    },
    /value "ftp" is not valid for option "ontapiProtocol"/,
  ],
  [
    'an agent service transport the product does not have',
    (c) => {
      rule(c, 'agent-services-agent-syslog-udp').condition = {
        text: 'x',
        when: { kind: 'agentService', service: 'syslog', edition: 'QUIC' },
      };
    },
    /edition "QUIC" is not valid for agent service "syslog"/,
  ],
  [
    'an unknown agent service',
    (c) => {
      rule(c, 'agent-services-agent-dns-udp').condition = {
        text: 'x',
        when: { kind: 'agentService', service: 'ntp' as 'dns' },
      };
    },
    /service/,
  ],
  [
    'a port kept both with an integration and with an agent service',
    (c) => {
      const smtp = c.settings.find((s) => s.id === 'smtpPort') as { integration?: 'siem' };
      smtp.integration = 'siem';
    },
    /settings\[\d+\] \(smtpPort\): is kept with an integration or with an agent service, not both/,
  ],
  [
    'a plan-host role naming an unknown place',
    (c) => {
      (c.roles.find((r) => r.id === 'dns-server') as { planHost: string }).planHost = 'ntpServers';
    },
    /planHost/,
  ],
  [
    'unknown erratum',
    (c) => {
      rule(c, 'nasuni-agent-api').errata = ['E99'];
    },
    /unknown erratum "E99"/,
  ],
  [
    'unknown supersededBy',
    (c) => {
      rule(c, 'sql-server-documented-row').supersededBy = 'sql-server-agent-tsd';
    },
    /supersededBy names unknown rule "sql-server-agent-tsd"/,
  ],
  [
    'unknown endpoint role of an environment',
    (c) => {
      (c.environments[1] as { endpointRole: string }).endpointRole = 'nowhere';
    },
    /unknown endpoint role "nowhere"/,
  ],
  [
    'unknown environment option',
    (c) => {
      (c.environments[1] as unknown as { options: string[] }).options = ['nope'];
    },
    /unknown option "nope"/,
  ],
  [
    'two identical rules',
    (c) => {
      c.rules.push({ ...rule(c, 'nasuni-agent-api'), id: 'nasuni-agent-api-copy' });
    },
    /\(nasuni-agent-api-copy\): identical to rule "nasuni-agent-api"/,
  ],
  [
    'inferred vendor row',
    (c) => {
      rule(c, 'nasuni-agent-api').basis = 'inferred';
    },
    /a vendor row must have basis "documented"/,
  ],
  [
    'setting default out of its range',
    (c) => {
      (c.settings.find((s) => s.id === 'fpolicyPort') as { default: number }).default = 80;
    },
    /a default within min\.\.max/,
  ],
  [
    'monitors on a role that is not an agent role',
    (c) => {
      (c.roles.find((r) => r.id === 'am-console') as { monitors?: string[] }).monitors = ['linux'];
    },
    /roles\[0\] \(am-console\): only agent and windows-agent roles name the environments they monitor/,
  ],
  [
    'monitors naming an unknown environment',
    (c) => {
      (c.roles.find((r) => r.id === 'activity-agent-server') as { monitors?: string[] }).monitors =
        ['linx'];
    },
    /\(activity-agent-server\): monitors names unknown environment "linx"/,
  ],
  [
    'monitors naming a plan-wide environment',
    (c) => {
      (c.roles.find((r) => r.id === 'activity-agent-server') as { monitors?: string[] }).monitors =
        ['siem-output'];
    },
    /\(activity-agent-server\): monitors names "siem-output", which is not a device environment/,
  ],
  [
    'monitors naming an environment twice',
    (c) => {
      (c.roles.find((r) => r.id === 'activity-agent-server') as { monitors?: string[] }).monitors =
        ['linux', 'linux'];
    },
    /\(activity-agent-server\): monitors names environment "linux" twice/,
  ],
  [
    'empty monitors list',
    (c) => {
      (c.roles.find((r) => r.id === 'activity-agent-server') as { monitors?: string[] }).monitors =
        [];
    },
    /at least one environment/,
  ],
  [
    'a cloud rule without its endpoints',
    (c) => {
      delete rule(c, 'entra-id-agent-cloud').cloudEndpoints;
    },
    /\(entra-id-agent-cloud\): names its cloud endpoints if and only if its destination is a cloud role/,
  ],
  [
    'endpoints on a rule to a host',
    (c) => {
      rule(c, 'nasuni-agent-api').cloudEndpoints = ['entra-sign-in'];
    },
    /\(nasuni-agent-api\): names its cloud endpoints if and only if/,
  ],
  [
    'an unknown cloud endpoint',
    (c) => {
      rule(c, 'entra-id-agent-cloud').cloudEndpoints = ['entra-sign-in', 'entra-sign-on'];
    },
    /\(entra-id-agent-cloud\): unknown cloud endpoint "entra-sign-on"/,
  ],
  [
    'a cloud endpoint named twice',
    (c) => {
      rule(c, 'entra-id-agent-cloud').cloudEndpoints = ['entra-sign-in', 'entra-sign-in'];
    },
    /names cloud endpoint "entra-sign-in" twice/,
  ],
  [
    'a cloud endpoint no rule reaches',
    (c) => {
      rule(c, 'azure-files-agent-management').cloudEndpoints = ['entra-sign-in'];
    },
    /cloudEndpoints: "azure-resource-manager" is not reached by any rule/,
  ],
  [
    '"forwarded" endpoints on a device rule',
    (c) => {
      rule(c, 'entra-id-agent-cloud').cloudEndpoints = 'forwarded';
    },
    /\(entra-id-agent-cloud\): "forwarded" endpoints need the source to be the role the cloud is reached through \("network-proxy"\)/,
  ],
  [
    'the cloud as a source',
    (c) => {
      rule(c, 'nasuni-agent-api').source = 'ms-cloud';
    },
    /the cloud role "ms-cloud" cannot open connections/,
  ],
  [
    'the cloud as the endpoint role of an environment',
    (c) => {
      (c.environments.find((e) => e.id === 'entra-id') as { endpointRole: string }).endpointRole =
        'ms-cloud';
    },
    /\(entra-id\): endpoint role "ms-cloud" is the cloud, not a device role/,
  ],
  [
    'an FQDN with upper-case letters',
    (c) => {
      (c.cloudEndpoints[0] as { fqdn: string }).fqdn = 'Login.microsoftonline.com';
    },
    /cloudEndpoints\.0\.fqdn: a lower-case FQDN/,
  ],
  [
    'a wildcard in the middle of an FQDN',
    (c) => {
      (c.cloudEndpoints[0] as { fqdn: string }).fqdn = 'login.*.com';
    },
    /cloudEndpoints\.0\.fqdn: a lower-case FQDN/,
  ],
  [
    'a cloud endpoint without a source',
    (c) => {
      (c.cloudEndpoints[0] as unknown as { sources: unknown[] }).sources = [];
    },
    /cloudEndpoints\.0\.sources: at least one source/,
  ],
  [
    'a duplicate cloud endpoint id',
    (c) => {
      (c.cloudEndpoints[1] as { id: string }).id = 'entra-sign-in';
    },
    /cloudEndpoints: duplicate id "entra-sign-in"/,
  ],
  [
    'unknown field (typo)',
    (c) => {
      (rule(c, 'nasuni-agent-api') as unknown as Record<string, unknown>).destinaton = 'x';
    },
    /destinaton/,
  ],
];

const REVISIONS: [string, string][] = [
  ['too short', 'a8b312'],
  ['too long', 'a'.repeat(41)],
  ['upper-case', 'A8B312C3'],
  ['not hex', 'a8b312g3'],
  ['with the repo', 'netwrix/docs@a8b312c3'],
  ['empty', ''],
];

describe('validateCatalog (VAL-3: provenance)', () => {
  it('records the docs revision of the ports page, and cites every vendor row at it', () => {
    const c = getCatalog();
    expect(c.docsRevision).toEqual({
      repo: 'netwrix/docs',
      commit: 'a8b312c3',
      path: 'docs/activitymonitor/10.0/requirements/activityagent/activityagentports.md',
    });
    for (const r of c.rules.filter((x) => x.vendorRow))
      expect(r.citation.revision, r.id).toBe('a8b312c3');
  });

  it.each(REVISIONS)('rejects a %s catalog docs revision', (_name, commit) => {
    const c = copy();
    (c.docsRevision as { commit: string }).commit = commit;
    const result = validateCatalog(c);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.issues.join('\n')).toMatch(
        /^docsRevision\.commit: a commit id of 7 to 40 lower-case hex digits$/m,
      );
  });

  it.each(REVISIONS)('rejects a %s citation revision', (_name, revision) => {
    const c = copy();
    const r = rule(c, 'nasuni-agent-api');
    r.citation = { ...r.citation, revision };
    const result = validateCatalog(c);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.issues.join('\n')).toMatch(
        /citation\.revision: a commit id of 7 to 40 lower-case hex digits/,
      );
  });

  it.each([
    ['7', 'a8b312c'],
    ['40', 'a8b312c3246b4fb8da94f9b506ebb8fa99dcc352'],
  ])('accepts a revision of %s hex digits', (_n, revision) => {
    const c = copy();
    const r = rule(c, 'deploy-proxy-cloud-https');
    r.citation = { ...r.citation, revision };
    (c.docsRevision as { commit: string }).commit = revision;
    for (const vr of c.rules.filter((x) => x.vendorRow))
      (vr as Mutable<CatalogRule>).citation = { ...vr.citation, revision };
    const result = validateCatalog(c);
    expect(result.success ? [] : result.issues).toEqual([]);
  });

  it('rejects a vendor row cited at another revision than the docs revision', () => {
    const c = copy();
    const r = rule(c, 'nasuni-agent-api');
    r.citation = { ...r.citation, revision: 'c0a002f5' };
    const result = validateCatalog(c);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.issues.join('\n')).toMatch(
        /nasuni-agent-api\): a vendor row is cited at revision c0a002f5, not at the catalog's docs revision a8b312c3/,
      );
  });
});

describe('validateCatalog (VAL-2: broken copies fail with a clear message)', () => {
  it.each(BROKEN)('rejects %s', (_name, breakIt, message) => {
    const c = copy();
    breakIt(c);
    const result = validateCatalog(c);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.join('\n')).toMatch(message);
  });
});

describe('validateCatalog (cloud endpoints)', () => {
  it('every cloud rule names endpoints the catalog has; the proxy rule forwards', () => {
    const c = getCatalog();
    const cloudRules = c.rules.filter((r) => r.destination === 'ms-cloud');
    expect(cloudRules.map((r) => [r.id, r.cloudEndpoints])).toEqual([
      ['deploy-proxy-cloud-https', 'forwarded'],
      ['exchange-online-agent-cloud', ['entra-sign-in', 'microsoft-graph', 'o365-management-api']],
      ['entra-id-agent-cloud', ['entra-sign-in', 'microsoft-graph']],
      ['azure-files-agent-cloud', ['entra-sign-in', 'microsoft-graph', 'azure-blob-storage']],
      ['azure-files-agent-management', ['azure-resource-manager']],
      [
        'sharepoint-online-agent-cloud',
        ['entra-sign-in', 'microsoft-graph', 'o365-management-api'],
      ],
      [
        'm365-copilot-agent-cloud',
        ['entra-sign-in', 'microsoft-graph', 'sharepoint-tenant', 'o365-management-api'],
      ],
    ]);
  });

  it('two rules that differ only in their endpoints are not duplicates', () => {
    const c = copy();
    const twin = { ...rule(c, 'azure-files-agent-cloud'), id: 'azure-files-twin' };
    twin.cloudEndpoints = ['entra-sign-in'];
    c.rules.push(twin);
    const result = validateCatalog(c);
    expect(result.success ? [] : result.issues).toEqual([]);
  });
});

describe('ruleFlowKey', () => {
  it('ignores port order and condition value order', () => {
    const c = copy();
    const a = rule(c, 'netapp-7mode-agent-rpc');
    const b = { ...a, ports: [...a.ports].reverse() };
    expect(ruleFlowKey(b)).toBe(ruleFlowKey(a));
    expect(ruleFlowKey({ ...a, transport: 'UDP' })).not.toBe(ruleFlowKey(a));
  });
});
