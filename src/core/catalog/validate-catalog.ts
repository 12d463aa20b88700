/**
 * The one validator for the catalog (valibot): structure, then referential integrity.
 * A test runs it on the bundled catalog; a broken catalog yields readable messages such as
 * "rules[3] (ctera-x): unknown source role "ctera-portl"".
 */
import * as v from 'valibot';

import type {
  Catalog,
  CatalogRule,
  Citation,
  Condition,
  Environment,
  PortItem,
  Role,
} from './model';
import {
  AGENT_SERVICES,
  AM_VERSIONS,
  DEPLOYMENT_FEATURES,
  OLDER_AM_VERSIONS,
  PLAN_HOST_SLOTS,
} from './model';
import { CITED_AM_VERSION, isVersionedPage, ruleVersions } from './version-citations';

const kebabId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-kebab id'));
const camelId = v.pipe(v.string(), v.regex(/^[a-z][a-zA-Z0-9]*$/, 'a camelCase id'));
const erratumId = v.pipe(v.string(), v.regex(/^E[1-9][0-9]*$/, 'an erratum id like E15'));
const text = v.pipe(v.string(), v.trim(), v.nonEmpty('a non-empty text'));
const portNumber = v.pipe(
  v.number(),
  v.integer('an integer port'),
  v.minValue(1, 'a port from 1 to 65535'),
  v.maxValue(65535, 'a port from 1 to 65535'),
);
/** A (short) git commit: 7 to 40 lower-case hex digits. */
const revision = v.pipe(
  v.string(),
  v.regex(/^[0-9a-f]{7,40}$/, 'a commit id of 7 to 40 lower-case hex digits'),
);
const docsPath = v.pipe(
  v.string(),
  v.regex(/^docs\/[a-z0-9]+\/[0-9.]+\/[\w./-]+\.md$/, 'a docs/… .md path'),
);
const versions = v.pipe(v.array(v.picklist(AM_VERSIONS)), v.minLength(1, 'at least one version'));

const citationSchema = v.pipe(
  v.strictObject({
    repo: v.literal('netwrix/docs'),
    path: docsPath,
    version: text,
    section: text,
    anchor: v.union([v.literal(''), v.pipe(v.string(), v.regex(/^#[a-z0-9-]+$/, 'an #anchor'))]),
    url: v.pipe(
      v.string(),
      v.regex(/^https:\/\/docs\.netwrix\.com\/docs\/[\w./#-]+$/, 'a docs.netwrix.com URL'),
    ),
    revision: v.optional(revision),
  }),
  v.check((c) => c.url.endsWith(c.anchor), 'the citation URL ends with its anchor'),
);

const portItemSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('port'), port: portNumber }),
  v.pipe(
    v.strictObject({ kind: v.literal('range'), from: portNumber, to: portNumber }),
    v.check((r) => r.from <= r.to, 'a port range with from <= to'),
  ),
  v.strictObject({
    kind: v.literal('named'),
    set: v.picklist(['rpc-dynamic', 'wmi']),
    windowsRuleGroup: v.optional(
      v.strictObject({
        displayGroup: text,
        // A resource string: "@<module>,-<id>" (FirewallAPI.dll, %systemroot%\system32\x.exe, ...).
        group: v.pipe(
          v.string(),
          v.regex(
            /^@[\w%\\.-]+\.(dll|exe),-\d+$/i,
            'a resource string like @FirewallAPI.dll,-34251',
          ),
        ),
      }),
    ),
  }),
  v.strictObject({ kind: v.literal('setting'), setting: camelId }),
]);

const conditionSchema: v.GenericSchema<Condition> = v.variant('kind', [
  v.strictObject({
    kind: v.literal('option'),
    option: camelId,
    in: v.pipe(v.array(v.union([v.string(), v.boolean()])), v.minLength(1, 'at least one value')),
  }),
  v.strictObject({
    kind: v.literal('integration'),
    integration: v.picklist([
      'accessAnalyzer',
      'accessAnalyzerApi',
      'siem',
      'threatManager',
      'threatPrevention',
    ]),
    edition: v.optional(text),
  }),
  v.strictObject({ kind: v.literal('deployment'), feature: v.picklist(DEPLOYMENT_FEATURES) }),
  v.strictObject({
    kind: v.literal('agentService'),
    service: v.picklist(AGENT_SERVICES),
    edition: v.optional(text),
  }),
  v.strictObject({
    kind: v.literal('all'),
    conditions: v.pipe(
      v.array(v.lazy(() => conditionSchema)),
      v.minLength(1, 'at least one condition'),
    ),
  }),
  v.strictObject({
    kind: v.literal('any'),
    conditions: v.pipe(
      v.array(v.lazy(() => conditionSchema)),
      v.minLength(1, 'at least one condition'),
    ),
  }),
]);

const environmentSchema = v.strictObject({
  id: kebabId,
  name: text,
  aliases: v.array(text),
  group: v.picklist(['core', 'agent-host', 'nas', 'microsoft-cloud', 'database', 'integration']),
  versions,
  endpointRole: kebabId,
  addressKind: v.picklist(['hosts', 'tenant']),
  agentMode: v.picklist(['proxy', 'local']),
  allowsCidr: v.boolean(),
  options: v.array(camelId),
  hostOs: v.optional(v.picklist(['windows', 'linux'])),
  inUseWhen: v.optional(conditionSchema),
  summary: text,
  citation: citationSchema,
});

const roleSchema = v.strictObject({
  id: kebabId,
  name: text,
  kind: v.picklist([
    'plan-host',
    'device-option-host',
    'agent',
    'windows-agent',
    'device',
    'cloud',
  ]),
  planHost: v.optional(v.picklist(PLAN_HOST_SLOTS)),
  option: v.optional(camelId),
  when: v.optional(conditionSchema),
  otherwise: v.optional(kebabId),
  hostLabel: v.optional(text),
  hostOs: v.optional(v.picklist(['windows', 'linux'])),
  viaProxy: v.optional(kebabId),
  monitors: v.optional(v.pipe(v.array(kebabId), v.minLength(1, 'at least one environment'))),
});

const vendorRowSchema = v.strictObject({
  table: text,
  direction: text,
  protocol: text,
  ports: text,
  description: text,
});

const ruleSchema = v.strictObject({
  id: kebabId,
  environment: kebabId,
  source: kebabId,
  destination: kebabId,
  transport: v.picklist(['TCP', 'UDP']),
  ports: v.pipe(v.array(portItemSchema), v.minLength(1, 'at least one port')),
  service: text,
  description: text,
  condition: v.optional(v.strictObject({ text, when: conditionSchema })),
  basis: v.picklist(['documented', 'inferred']),
  vendorRow: v.optional(vendorRowSchema),
  errata: v.optional(v.array(erratumId)),
  supersededBy: v.optional(kebabId),
  cloudEndpoints: v.optional(
    v.union([
      v.literal('forwarded'),
      v.pipe(v.array(kebabId), v.minLength(1, 'at least one endpoint')),
    ]),
  ),
  notes: v.optional(v.array(text)),
  versions: v.optional(versions),
  citation: citationSchema,
});

/**
 * An FQDN of a cloud endpoint: DNS labels, the first of which may be "*" (a wildcard) or hold
 * "{tenant}" (the tenant's name, filled from the plan).
 */
const fqdn = v.pipe(
  v.string(),
  v.regex(
    /^(?:\*|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?|\{tenant\}(?:-[a-z0-9]+)?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/,
    'a lower-case FQDN ("*." or "{tenant}" allowed in the first label)',
  ),
);

const externalSourceSchema = v.strictObject({
  title: text,
  url: v.pipe(v.string(), v.regex(/^https:\/\/[\w.-]+\/[\w./#?=&%-]*$/, 'an https URL')),
  readAt: v.optional(text),
});

const cloudEndpointSchema = v.strictObject({
  id: kebabId,
  fqdn,
  name: text,
  basis: v.picklist(['documented', 'inferred']),
  need: text,
  citation: citationSchema,
  m365EndpointSet: v.optional(
    v.pipe(v.number(), v.integer('an integer set ID'), v.minValue(1, 'a set ID from 1')),
  ),
  serviceTag: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9.]*$/, 'a service tag like AzureCloud')),
  ),
  sources: v.pipe(v.array(externalSourceSchema), v.minLength(1, 'at least one source')),
  notes: v.optional(v.array(text)),
});

const settingSchema = v.pipe(
  v.strictObject({
    id: camelId,
    name: text,
    default: portNumber,
    min: portNumber,
    max: portNumber,
    scope: v.picklist(['global', 'device']),
    integration: v.optional(v.literal('siem')),
    agentService: v.optional(v.picklist(['smtp', 'syslog'])),
    pinned: v.optional(v.literal(true)),
    where: text,
    citation: citationSchema,
  }),
  v.check((s) => s.min <= s.default && s.default <= s.max, 'a default within min..max'),
);

const optionSchema = v.strictObject({
  id: camelId,
  label: text,
  help: text,
  type: v.picklist(['choice', 'boolean', 'address', 'port', 'cee-server']),
  choices: v.optional(
    v.pipe(v.array(v.strictObject({ value: text, label: text })), v.minLength(2)),
  ),
  default: v.union([v.string(), v.boolean()]),
  linuxRequires: v.optional(
    v.strictObject({
      option: camelId,
      in: v.pipe(v.array(v.union([v.string(), v.boolean()])), v.minLength(1)),
    }),
  ),
  shownWhen: v.optional(
    v.strictObject({
      option: camelId,
      in: v.pipe(v.array(v.union([v.string(), v.boolean()])), v.minLength(1)),
    }),
  ),
});

const erratumSchema = v.strictObject({
  id: erratumId,
  title: text,
  says: text,
  reading: text,
  evidence: text,
  sources: v.pipe(v.array(citationSchema), v.minLength(1, 'at least one source')),
});

const olderPageSchema = v.union([
  v.strictObject({ absent: text }),
  v.strictObject({
    path: docsPath,
    revision,
    linkedFrom: v.optional(docsPath),
    renamedSections: v.optional(v.record(text, text)),
    missingSections: v.optional(v.pipe(v.array(text), v.minLength(1, 'at least one section'))),
  }),
]);

/** One row per cited page: exactly the older versions, each a page or explicitly absent. */
const versionPagesSchema = v.array(
  v.strictObject({
    page: docsPath,
    '7.1': olderPageSchema,
    '8.0': olderPageSchema,
    '9.0': olderPageSchema,
  }),
);

export const catalogSchema = v.pipe(
  v.strictObject({
    version: v.pipe(v.string(), v.regex(/^\d{4}\.\d{1,2}\.\d+$/, 'a version like 2026.11.1')),
    docsRevision: v.strictObject({
      repo: v.literal('netwrix/docs'),
      commit: revision,
      path: docsPath,
    }),
    environments: v.array(environmentSchema),
    roles: v.array(roleSchema),
    rules: v.array(ruleSchema),
    settings: v.array(settingSchema),
    options: v.array(optionSchema),
    errata: v.array(erratumSchema),
    versionPages: v.optional(versionPagesSchema),
    cloudEndpoints: v.array(cloudEndpointSchema),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const message of catalogIntegrityIssues(dataset.value)) addIssue({ message });
  }),
);

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

function portKey(item: PortItem): string {
  switch (item.kind) {
    case 'port':
      return `p${item.port}`;
    case 'range':
      return `r${item.from}-${item.to}`;
    case 'named':
      return `n${item.set}`;
    case 'setting':
      return `s${item.setting}`;
  }
}

function conditionKey(c: Condition | undefined): string {
  if (!c) return '-';
  switch (c.kind) {
    case 'option':
      return `o:${c.option}=${[...c.in].map(String).sort().join('|')}`;
    case 'integration':
      return `i:${c.integration}:${c.edition ?? ''}`;
    case 'deployment':
      return `d:${c.feature}`;
    case 'agentService':
      return `s:${c.service}:${c.edition ?? ''}`;
    case 'all':
    case 'any':
      return `${c.kind}(${c.conditions.map(conditionKey).sort().join(',')})`;
  }
}

/** Identity of a rule's flow: two rules with the same key are duplicates. */
export function ruleFlowKey(rule: CatalogRule): string {
  const ports = rule.ports.map(portKey).sort().join(',');
  const endpoints =
    rule.cloudEndpoints === undefined
      ? '-'
      : typeof rule.cloudEndpoints === 'string'
        ? rule.cloudEndpoints
        : [...rule.cloudEndpoints].sort().join(',');
  return [
    rule.environment,
    rule.source,
    rule.destination,
    rule.transport,
    ports,
    conditionKey(rule.condition?.when),
    endpoints,
  ].join(' ');
}

const EDITIONS: Partial<Record<string, readonly string[]>> = {
  accessAnalyzer: ['classic', 'aa26'],
  siem: ['UDP', 'TCP'],
};

/** The values an agent service's `edition` may take (the syslog alerts' transport). */
const SERVICE_EDITIONS: Partial<Record<string, readonly string[]>> = {
  syslog: ['UDP', 'TCP', 'TLS'],
};

/** Referential and semantic checks on a structurally valid catalog. Empty when all is well. */
export function catalogIntegrityIssues(catalog: Catalog): string[] {
  const issues: string[] = [];
  const collections = {
    environments: catalog.environments,
    roles: catalog.roles,
    rules: catalog.rules,
    settings: catalog.settings,
    options: catalog.options,
    errata: catalog.errata,
    cloudEndpoints: catalog.cloudEndpoints,
  };
  for (const [name, items] of Object.entries(collections)) {
    for (const id of duplicates(items.map((i) => i.id))) {
      issues.push(`${name}: duplicate id "${id}"`);
    }
  }

  const envs = new Map(catalog.environments.map((e) => [e.id, e]));
  const roles = new Map(catalog.roles.map((r) => [r.id, r]));
  const settings = new Map(catalog.settings.map((s) => [s.id, s]));
  const options = new Map(catalog.options.map((o) => [o.id, o]));
  const errata = new Set(catalog.errata.map((e) => e.id));
  const rules = new Map(catalog.rules.map((r) => [r.id, r]));
  const endpoints = new Set(catalog.cloudEndpoints.map((e) => e.id));
  const usedEndpoints = new Set<string>();

  catalog.environments.forEach((env, i) => {
    const at = `environments[${i}] (${env.id})`;
    const endpointRole = roles.get(env.endpointRole);
    if (!endpointRole) issues.push(`${at}: unknown endpoint role "${env.endpointRole}"`);
    else if (endpointRole.kind === 'cloud')
      issues.push(`${at}: endpoint role "${env.endpointRole}" is the cloud, not a device role`);
    for (const o of env.options) if (!options.has(o)) issues.push(`${at}: unknown option "${o}"`);
    if ((env.agentMode === 'local') !== (env.hostOs !== undefined))
      issues.push(
        `${at}: names its hosts' operating system (hostOs) if and only if its agent runs locally`,
      );
    if ((env.group === 'integration') !== (env.inUseWhen !== undefined))
      issues.push(
        `${at}: says when a plan uses it (inUseWhen) if and only if it is an integration`,
      );
    else if (env.inUseWhen && env.inUseWhen.kind !== 'integration')
      issues.push(`${at}: inUseWhen must be an integration condition`);
  });

  catalog.roles.forEach((role, i) => {
    const at = `roles[${i}] (${role.id})`;
    if ((role.kind === 'plan-host') !== (role.planHost !== undefined))
      issues.push(
        `${at}: names its place in the plan (planHost) if and only if it is a plan-host role`,
      );
    if (role.kind === 'device-option-host') {
      const opt = role.option ? options.get(role.option) : undefined;
      if (!opt || (opt.type !== 'address' && opt.type !== 'cee-server'))
        issues.push(`${at}: needs an address option, got "${role.option ?? ''}"`);
      if ((role.when === undefined) !== (role.otherwise === undefined))
        issues.push(`${at}: names "when" and "otherwise" together`);
      if (role.otherwise !== undefined) {
        const other = roles.get(role.otherwise);
        if (!other) issues.push(`${at}: otherwise names unknown role "${role.otherwise}"`);
        else if (other.kind === 'device-option-host')
          issues.push(`${at}: otherwise names another helper role "${role.otherwise}"`);
      }
    } else if (
      role.option !== undefined ||
      role.when !== undefined ||
      role.otherwise !== undefined ||
      role.hostLabel !== undefined
    ) {
      issues.push(
        `${at}: only device-option-host roles name an option, when, otherwise or hostLabel`,
      );
    }
    if (role.monitors !== undefined) {
      if (role.kind !== 'agent' && role.kind !== 'windows-agent')
        issues.push(`${at}: only agent and windows-agent roles name the environments they monitor`);
      for (const id of duplicates(role.monitors))
        issues.push(`${at}: monitors names environment "${id}" twice`);
      for (const id of role.monitors) {
        const env = envs.get(id);
        if (!env) issues.push(`${at}: monitors names unknown environment "${id}"`);
        else if (env.group === 'core' || env.group === 'integration')
          issues.push(`${at}: monitors names "${id}", which is not a device environment`);
      }
    }
  });

  for (const [i, role] of catalog.roles.entries()) {
    if (role.when?.kind === 'option' && !options.has(role.when.option))
      issues.push(`roles[${i}] (${role.id}): when names unknown option "${role.when.option}"`);
  }
  for (const [i, role] of catalog.roles.entries()) {
    if (role.viaProxy !== undefined && roles.get(role.viaProxy)?.kind !== 'plan-host')
      issues.push(
        `roles[${i}] (${role.id}): viaProxy must name a plan-host role, got "${role.viaProxy}"`,
      );
  }

  catalog.settings.forEach((setting, i) => {
    const at = `settings[${i}] (${setting.id})`;
    if (setting.integration !== undefined && setting.agentService !== undefined)
      issues.push(`${at}: is kept with an integration or with an agent service, not both`);
    if (
      (setting.integration !== undefined || setting.agentService !== undefined) &&
      setting.scope !== 'global'
    )
      issues.push(`${at}: a port kept with an integration or an agent service is global`);
  });

  catalog.options.forEach((opt, i) => {
    const at = `options[${i}] (${opt.id})`;
    const values = opt.choices?.map((c) => c.value) ?? [];
    if (opt.type === 'choice' && !values.includes(String(opt.default))) {
      issues.push(`${at}: default "${String(opt.default)}" is not one of its choices`);
    }
    if (opt.type !== 'choice' && opt.choices)
      issues.push(`${at}: only choice options have choices`);
    if (opt.type === 'boolean' && typeof opt.default !== 'boolean')
      issues.push(`${at}: default must be a boolean`);
    if ((opt.type === 'cee-server') !== (opt.linuxRequires !== undefined))
      issues.push(`${at}: names linuxRequires if and only if it is a cee-server option`);
    if (opt.linuxRequires && !options.has(opt.linuxRequires.option))
      issues.push(`${at}: linuxRequires names unknown option "${opt.linuxRequires.option}"`);
    if (opt.shownWhen && !options.has(opt.shownWhen.option))
      issues.push(`${at}: shownWhen names unknown option "${opt.shownWhen.option}"`);
    if (opt.type === 'port' && (typeof opt.default !== 'string' || !settings.has(opt.default))) {
      issues.push(`${at}: default must name a port setting, got "${String(opt.default)}"`);
    }
  });

  const checkCondition = (at: string, envOptions: readonly string[], c: Condition): void => {
    switch (c.kind) {
      case 'option': {
        const opt = options.get(c.option);
        if (!opt) {
          issues.push(`${at}: condition names unknown option "${c.option}"`);
          return;
        }
        if (!envOptions.includes(c.option)) {
          issues.push(`${at}: condition option "${c.option}" is not an option of the environment`);
        }
        for (const value of c.in) {
          const ok =
            opt.type === 'boolean'
              ? typeof value === 'boolean'
              : opt.type === 'choice'
                ? (opt.choices ?? []).some((ch) => ch.value === value)
                : typeof value === 'string';
          if (!ok)
            issues.push(
              `${at}: value ${JSON.stringify(value)} is not valid for option "${c.option}"`,
            );
        }
        return;
      }
      case 'integration': {
        const editions = EDITIONS[c.integration];
        if (c.edition !== undefined && !editions?.includes(c.edition)) {
          issues.push(
            `${at}: edition "${c.edition}" is not valid for integration "${c.integration}"`,
          );
        }
        return;
      }
      case 'deployment':
        return;
      case 'agentService': {
        const editions = SERVICE_EDITIONS[c.service];
        if (c.edition !== undefined && !editions?.includes(c.edition)) {
          issues.push(
            `${at}: edition "${c.edition}" is not valid for agent service "${c.service}"`,
          );
        }
        return;
      }
      case 'all':
      case 'any':
        for (const inner of c.conditions) checkCondition(at, envOptions, inner);
    }
  };

  const referencedErrata = new Set<string>();
  const flowKeys = new Map<string, string>();
  catalog.rules.forEach((rule, i) => {
    const at = `rules[${i}] (${rule.id})`;
    const env = envs.get(rule.environment);
    if (!env) issues.push(`${at}: unknown environment "${rule.environment}"`);
    if (!roles.has(rule.source)) issues.push(`${at}: unknown source role "${rule.source}"`);
    if (!roles.has(rule.destination))
      issues.push(`${at}: unknown destination role "${rule.destination}"`);
    if (rule.source === rule.destination)
      issues.push(`${at}: source and destination are the same role`);
    issues.push(...cloudEndpointIssues(at, rule, roles, endpoints, env));
    if (Array.isArray(rule.cloudEndpoints))
      for (const e of rule.cloudEndpoints) usedEndpoints.add(e);
    for (const item of rule.ports) {
      if (item.kind !== 'setting') continue;
      const s = settings.get(item.setting);
      if (!s) {
        issues.push(`${at}: unknown port setting "${item.setting}"`);
      } else if (s.scope === 'device' && env) {
        const hasOption = env.options.some(
          (o) => options.get(o)?.type === 'port' && options.get(o)?.default === s.id,
        );
        if (!hasOption)
          issues.push(
            `${at}: device setting "${s.id}" has no port option in environment "${env.id}"`,
          );
      }
    }
    // One story: a rule the PowerShell script opens with a Windows predefined rule group says so
    // in its notes (the review, the sheets and the PDF print them).
    for (const item of rule.ports) {
      if (item.kind !== 'named' || !item.windowsRuleGroup) continue;
      const name = item.windowsRuleGroup.displayGroup;
      if (!(rule.notes ?? []).some((n) => n.includes(`"${name}"`)))
        issues.push(`${at}: its notes must name the Windows rule group "${name}" it opens`);
    }
    if (rule.condition) checkCondition(at, env?.options ?? [], rule.condition.when);
    for (const e of rule.errata ?? []) {
      referencedErrata.add(e);
      if (!errata.has(e)) issues.push(`${at}: unknown erratum "${e}"`);
    }
    if (rule.supersededBy !== undefined) {
      const target = rules.get(rule.supersededBy);
      if (!target) issues.push(`${at}: supersededBy names unknown rule "${rule.supersededBy}"`);
      else if (target.id === rule.id) issues.push(`${at}: a rule cannot supersede itself`);
      else if (target.supersededBy !== undefined)
        issues.push(`${at}: supersededBy target "${target.id}" is itself superseded`);
      else if (target.environment !== rule.environment)
        issues.push(`${at}: supersededBy target is in another environment`);
    }
    if (rule.vendorRow && rule.basis !== 'documented')
      issues.push(`${at}: a vendor row must have basis "documented"`);
    if (
      rule.vendorRow &&
      rule.citation.path === catalog.docsRevision.path &&
      rule.citation.revision !== catalog.docsRevision.commit
    )
      issues.push(
        `${at}: a vendor row is cited at revision ${rule.citation.revision ?? '(none)'}, not at the catalog's docs revision ${catalog.docsRevision.commit}`,
      );
    if (env && rule.versions) {
      for (const ver of rule.versions) {
        if (!env.versions.includes(ver))
          issues.push(`${at}: version ${ver} is not a version of "${env.id}"`);
      }
    }
    const key = ruleFlowKey(rule);
    const twin = flowKeys.get(key);
    if (twin)
      issues.push(
        `${at}: identical to rule "${twin}" (same environment, roles, transport, ports and condition)`,
      );
    else flowKeys.set(key, rule.id);
  });

  for (const e of catalog.errata) {
    if (!referencedErrata.has(e.id)) issues.push(`errata: "${e.id}" is not referenced by any rule`);
  }
  for (const e of catalog.cloudEndpoints) {
    if (!usedEndpoints.has(e.id))
      issues.push(`cloudEndpoints: "${e.id}" is not reached by any rule`);
  }
  issues.push(...versionPageIssues(catalog));
  return issues;
}

/** Every citation of the catalog, with where it is. */
function catalogCitations(catalog: Catalog): [string, Citation][] {
  return [
    ...catalog.environments.map((e, i): [string, Citation] => [
      `environments[${i}] (${e.id})`,
      e.citation,
    ]),
    ...catalog.rules.map((r, i): [string, Citation] => [`rules[${i}] (${r.id})`, r.citation]),
    ...catalog.settings.map((s, i): [string, Citation] => [`settings[${i}] (${s.id})`, s.citation]),
    ...catalog.errata.flatMap((e, i) =>
      e.sources.map((c, j): [string, Citation] => [`errata[${i}] (${e.id}).sources[${j}]`, c]),
    ),
  ];
}

/**
 * The per-version page table (docs/catalog.md, "Per-version links"): well-formed paths in the
 * folder of their version, a row for every cited Activity Monitor 10.0 page (and at most one per
 * page), every version either a page or explicitly absent, and sections that are cited sections.
 * A vendor row must not apply to a version whose page lacks its section.
 */
function versionPageIssues(catalog: Catalog): string[] {
  const issues: string[] = [];
  const cited = new Map<string, Set<string>>();
  for (const [, c] of catalogCitations(catalog)) {
    if (!isVersionedPage(c)) continue;
    const sections = cited.get(c.path) ?? new Set<string>();
    if (c.anchor) sections.add(c.section);
    cited.set(c.path, sections);
  }
  if (cited.size > 0 && !catalog.versionPages) {
    return [
      `versionPages: missing; the catalog cites ${cited.size} Activity Monitor ${CITED_AM_VERSION} pages`,
    ];
  }
  const rows = catalog.versionPages ?? [];
  for (const page of duplicates(rows.map((r) => r.page)))
    issues.push(`versionPages: page "${page}" has two rows`);
  rows.forEach((row, i) => {
    const at = `versionPages[${i}] (${row.page})`;
    if (!row.page.startsWith(`docs/activitymonitor/${CITED_AM_VERSION}/`))
      issues.push(`${at}: not an Activity Monitor ${CITED_AM_VERSION} page`);
    // A row may cover a page no citation uses yet (every page of src/data/citations.ts has one).
    const sections = cited.get(row.page) ?? new Set<string>();
    for (const version of OLDER_AM_VERSIONS) {
      const entry = row[version];
      if ('absent' in entry) continue;
      const folder = `docs/activitymonitor/${version}/`;
      if (!entry.path.startsWith(folder))
        issues.push(`${at}: the ${version} path "${entry.path}" is not under ${folder}`);
      if (entry.linkedFrom !== undefined && !entry.linkedFrom.startsWith(folder))
        issues.push(
          `${at}: the ${version} page is linked from "${entry.linkedFrom}", not a ${version} page`,
        );
      const named = [...Object.keys(entry.renamedSections ?? {}), ...(entry.missingSections ?? [])];
      for (const section of named) {
        if (!sections.has(section))
          issues.push(
            `${at}: ${version} names section "${section}", which no citation of the page has`,
          );
      }
      for (const section of duplicates(named))
        issues.push(`${at}: ${version} names section "${section}" twice`);
    }
  });
  const covered = new Set(rows.map((r) => r.page));
  for (const page of cited.keys()) {
    if (!covered.has(page)) issues.push(`versionPages: no row for the cited page ${page}`);
  }
  const byPage = new Map(rows.map((r) => [r.page, r]));
  catalog.rules.forEach((rule, i) => {
    const row = byPage.get(rule.citation.path);
    if (!rule.vendorRow || !row || !rule.citation.anchor) return;
    for (const version of ruleVersions(catalog, rule)) {
      if (version === CITED_AM_VERSION) continue;
      const entry = row[version];
      if (!('absent' in entry) && !entry.missingSections?.includes(rule.citation.section)) continue;
      issues.push(
        `rules[${i}] (${rule.id}): a vendor row of version ${version}, whose page has no section "${rule.citation.section}"`,
      );
    }
  });
  return issues;
}

/**
 * A rule to the cloud names its endpoints (and only such a rule does); the cloud is never a
 * source; "forwarded" belongs to a plan-wide rule from the role the cloud traffic goes through.
 */
function cloudEndpointIssues(
  at: string,
  rule: CatalogRule,
  roles: ReadonlyMap<string, Role>,
  endpoints: ReadonlySet<string>,
  env: Environment | undefined,
): string[] {
  const issues: string[] = [];
  const destination = roles.get(rule.destination);
  if (roles.get(rule.source)?.kind === 'cloud')
    issues.push(`${at}: the cloud role "${rule.source}" cannot open connections`);
  if (!destination) return issues;
  const toCloud = destination.kind === 'cloud';
  if (toCloud !== (rule.cloudEndpoints !== undefined)) {
    issues.push(`${at}: names its cloud endpoints if and only if its destination is a cloud role`);
    return issues;
  }
  if (rule.cloudEndpoints === 'forwarded') {
    if (destination.viaProxy !== rule.source)
      issues.push(
        `${at}: "forwarded" endpoints need the source to be the role the cloud is reached through ("${destination.viaProxy ?? ''}")`,
      );
    if (env && env.group !== 'core' && env.group !== 'integration')
      issues.push(`${at}: "forwarded" endpoints belong to a plan-wide rule`);
  } else if (rule.cloudEndpoints) {
    for (const id of duplicates(rule.cloudEndpoints))
      issues.push(`${at}: names cloud endpoint "${id}" twice`);
    for (const id of rule.cloudEndpoints)
      if (!endpoints.has(id)) issues.push(`${at}: unknown cloud endpoint "${id}"`);
  }
  return issues;
}

export type CatalogValidation =
  { success: true; catalog: Catalog } | { success: false; issues: string[] };

/** Validates an untrusted catalog object; issues read "path: message". */
export function validateCatalog(input: unknown): CatalogValidation {
  const result = v.safeParse(catalogSchema, input);
  if (result.success) return { success: true, catalog: result.output };
  return {
    success: false,
    issues: result.issues.map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  };
}
