/**
 * "Download Aerleon policy": the plan's rules for policy-as-code pipelines, as the three files
 * Aerleon reads, in one zip laid out as an Aerleon base directory:
 *
 *   policies/pol/<plan>.yaml        filters (one per zone pair), one term per plan rule
 *   def/<plan>-networks.yaml        networks: <TOKEN>: values: [{ ip, comment }]
 *   def/<plan>-services.yaml        services: <TOKEN>: [{ port, protocol }]
 *
 * so `aerleon --base_directory policies --definitions_directory def` (or the Python API)
 * generates any platform Aerleon supports. The header's target is Palo Alto
 * (`paloalto: from-zone inside to-zone inside`); add the targets of your platforms. Tokens are
 * per rule (`AMFP_<PLAN>_R01_SRC`, `_DST`, `_PORTS`), upper case ASCII; text of the plan goes
 * only into comments, as JSON-quoted YAML strings (one line). Aerleon's networks hold
 * addresses, not names: host names and cloud FQDNs are refused with a TODO comment. Zip entries
 * are dated the report's date, so the same plan and date give the same bytes.
 */
import { strToU8, zipSync } from 'fflate';

import type { Report } from '@/core/report/model';

import type { Exporter } from './exporter';
import { exportFileName, planSlug } from './file-name';
import type { ConfigAddress, ZonedPolicy } from './firewall-config';
import {
  coverageLines,
  firewallTitle,
  interfaceZone,
  planTodoLines,
  vendorNames,
  vendorCoverage,
  zonedPolicy,
} from './firewall-config';
import type { PolicyAddress, PolicyRule } from './network-policy';
import { networkPolicy, oneLine, provenanceLines, withoutUnsupported } from './network-policy';
import { stampZip } from './zip-stamp';

/** A YAML string: JSON's double-quoted form (YAML 1.2 reads it as the same string). */
export function yamlString(text: string): string {
  return JSON.stringify(oneLine(text));
}

function token(report: Report, rule: PolicyRule, part: string): string {
  const plan = planSlug(report.meta.planName).toUpperCase().replace(/-/g, '_');
  return `AMFP_${plan}_${rule.id.replace(/-/g, '_')}_${part}`;
}

function ipOf(a: Pick<PolicyAddress, 'kind' | 'value'>): string {
  if (a.kind === 'ipv4') return `${a.value}/32`;
  if (a.kind === 'ipv6') return `${a.value}/128`;
  return a.value;
}

function comments(lines: readonly string[], indent = ''): string[] {
  return lines.map((l) => `${indent}# ${oneLine(l)}`.trimEnd());
}

export interface AerleonFiles {
  policy: string;
  networks: string;
  services: string;
  /** The three paths in the zip. */
  paths: { policy: string; networks: string; services: string };
  /** A plan with zones: one policy file per firewall (then `policy` holds the first, or none). */
  policies?: { path: string; text: string }[];
}

/** What Aerleon networks cannot hold: names. */
function unsupported(a: Pick<ConfigAddress, 'kind'>): string | undefined {
  return a.kind === 'fqdn' || a.kind === 'wildcard-fqdn'
    ? 'a name (FQDN), and Aerleon networks hold addresses: add its addresses to the network'
    : undefined;
}

/** Upper-case ASCII tokens, distinct for distinct names. */
function tokenNamer(report: Report): (name: string) => string {
  const plan = planSlug(report.meta.planName).toUpperCase().replace(/-/g, '_');
  const made = new Map<string, string>();
  const taken = new Set<string>();
  return (name) => {
    const known = made.get(name);
    if (known !== undefined) return known;
    const base = `AMFP_${plan}_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
    let token = base;
    for (let n = 2; taken.has(token); n += 1) token = `${base}_${n}`;
    taken.add(token);
    made.set(name, token);
    return token;
  };
}

/**
 * A plan with zones: one policy file per firewall (`policies/pol/<plan>-<firewall>.yaml`), one
 * filter per pair of interfaces its rules cross, one term per rule; the networks are the rule
 * sets' address objects (one token each), the services their service objects. The header's
 * targets: Palo Alto with the interfaces' zones (`from-zone`, `to-zone`), and for a Cisco ASA
 * firewall the access list of the ingress interface (`ciscoasa: amfp-<interface>-in`).
 */
function aerleonZonedFiles(report: Report, policy: ZonedPolicy): AerleonFiles {
  const slug = planSlug(report.meta.planName);
  const header = comments(
    provenanceLines(
      report,
      'Aerleon policy for Netwrix Activity Monitor',
      coverageLines(policy, 'Aerleon', null),
    ),
  );
  const token = tokenNamer(report);
  const networks = new Map<string, string[]>();
  const services = new Map<string, string[]>();
  const fileNames = vendorNames(60);
  const policies: { path: string; text: string }[] = [];
  for (const config of policy.firewalls) {
    for (const g of config.groups) {
      const t = token(g.name);
      if (networks.has(t)) continue;
      networks.set(t, [
        `  ${t}:`,
        '    values:',
        ...g.members.flatMap((a) => [
          `      - ip: ${ipOf(a)}`,
          `        comment: ${yamlString(`${a.label}; ${g.name}`)}`,
        ]),
      ]);
    }
    for (const s of config.services) {
      const t = token(s.name);
      if (services.has(t)) continue;
      services.set(t, [
        `  ${t}:`,
        ...s.ports.flatMap((p) => [
          `    - port: ${p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`}`,
          `      protocol: ${s.transport.toLowerCase()}`,
        ]),
      ]);
    }
    const zone = vendorNames(63);
    const zoneOf = (i: (typeof config.interfaces)[number]) => zone(interfaceZone(i), 'zone');
    const nameif = vendorNames(64);
    const filters: string[] = [
      ...comments([
        `Firewall ${firewallTitle({ name: config.name, kindId: config.kind })}: only the flows that cross it.`,
      ]),
      'filters:',
    ];
    const pairs = [...new Set(config.rules.map((r) => `${r.ingress.name}\u0000${r.egress.name}`))];
    for (const pair of pairs) {
      const rules = config.rules.filter((r) => `${r.ingress.name}\u0000${r.egress.name}` === pair);
      const first = rules[0];
      if (!first) continue;
      filters.push(
        '  - header:',
        '      targets:',
        `        paloalto: from-zone ${zoneOf(first.ingress)} to-zone ${zoneOf(first.egress)}`,
        ...(config.kind === 'asa'
          ? [`        ciscoasa: amfp-${nameif(first.ingress.name, 'interface')}-in`]
          : []),
        `      comment: ${yamlString(`Netwrix Activity Monitor, plan ${report.meta.planName}; firewall ${config.name}: ${first.ingress.name} to ${first.egress.name}; catalog ${report.meta.catalogVersion}; ${report.meta.docsRevision}`)}`,
        '    terms:',
      );
      for (const r of rules) {
        filters.push(
          ...comments(r.todos, '      '),
          `      - name: ${r.name.toLowerCase()}`,
          `        comment: ${yamlString(`${r.name}: ${r.ruleIds.join(', ')}: ${r.services.join('; ')}`)}`,
          `        source-address: ${r.sources.map((g) => token(g.name)).join(' ')}`,
          `        destination-address: ${r.destinations.map((g) => token(g.name)).join(' ')}`,
          `        destination-port: ${token(r.service.name)}`,
          `        protocol: ${r.service.transport.toLowerCase()}`,
          '        action: accept',
        );
      }
    }
    if (pairs.length === 0) {
      filters.splice(
        filters.length - 1,
        1,
        'filters: []',
        '# No rule of this firewall can be written.',
      );
    }
    const blocked = config.blocked.flatMap((b) =>
      comments([`Rule ${b.name}: not written.`, b.todo]),
    );
    policies.push({
      path: `policies/pol/${slug}-${fileNames(config.name, 'firewall').toLowerCase()}.yaml`,
      text: `${[...header, ...comments(planTodoLines(policy)), ...filters, ...blocked].join('\n')}\n`,
    });
  }
  const join = (lines: readonly string[]) => `${lines.join('\n')}\n`;
  const first = policies[0];
  return {
    policy: first?.text ?? join([...header, ...comments(planTodoLines(policy))]),
    networks: join([
      ...header,
      ...(networks.size === 0 ? ['networks: {}'] : ['networks:', ...[...networks.values()].flat()]),
    ]),
    services: join([
      ...header,
      ...(services.size === 0 ? ['services: {}'] : ['services:', ...[...services.values()].flat()]),
    ]),
    paths: {
      policy: first?.path ?? `policies/pol/${slug}.yaml`,
      networks: `def/${slug}-networks.yaml`,
      services: `def/${slug}-services.yaml`,
    },
    policies,
  };
}

export function aerleonFiles(report: Report): AerleonFiles {
  const zoned = zonedPolicy(report, null, unsupported);
  if (zoned) return aerleonZonedFiles(report, zoned);
  const policy = withoutUnsupported(networkPolicy(report), unsupported);
  const slug = planSlug(report.meta.planName);
  const header = comments(provenanceLines(report, 'Aerleon policy for Netwrix Activity Monitor'));

  const networks = ['networks:'];
  const services = ['services:'];
  for (const r of policy.rules) {
    for (const [part, list] of [
      ['SRC', r.sources],
      ['DST', r.destinations],
    ] as const) {
      networks.push(`  ${token(report, r, part)}:`, '    values:');
      for (const a of list) {
        networks.push(`      - ip: ${ipOf(a)}`, `        comment: ${yamlString(a.label)}`);
      }
    }
    services.push(`  ${token(report, r, 'PORTS')}:`);
    for (const p of r.ports) {
      const port = p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`;
      services.push(`    - port: ${port}`, `      protocol: ${r.transport.toLowerCase()}`);
    }
  }
  if (policy.rules.length === 0) {
    networks[0] = 'networks: {}';
    services[0] = 'services: {}';
  }

  const filters: string[] = ['filters:'];
  const pairs = [...new Set(policy.rules.map((r) => `${r.fromZone} ${r.toZone}`))];
  for (const pair of pairs) {
    const [from, to] = pair.split(' ');
    filters.push(
      '  - header:',
      '      targets:',
      `        paloalto: from-zone ${from} to-zone ${to}`,
      `      comment: ${yamlString(`Netwrix Activity Monitor, plan ${report.meta.planName}; catalog ${report.meta.catalogVersion}; ${report.meta.docsRevision}`)}`,
      '    terms:',
    );
    for (const r of policy.rules.filter((x) => `${x.fromZone} ${x.toZone}` === pair)) {
      filters.push(
        ...comments(r.todos, '      '),
        `      - name: amfp-${r.id.toLowerCase()}`,
        `        comment: ${yamlString(`${r.id}: ${r.service} (${r.transport} ${r.portsText}); ${r.peerRole}`)}`,
        `        source-address: ${token(report, r, 'SRC')}`,
        `        destination-address: ${token(report, r, 'DST')}`,
        `        destination-port: ${token(report, r, 'PORTS')}`,
        `        protocol: ${r.transport.toLowerCase()}`,
        '        action: accept',
      );
    }
  }
  if (pairs.length === 0)
    filters.splice(0, 1, 'filters: []', '# No rule of this plan can be written yet.');
  const blocked = policy.blocked.flatMap((b) =>
    comments([`Rule ${b.ruleId}: ${b.peerRole} (${b.service}): not written.`, b.todo]),
  );
  const join = (lines: readonly string[]) => `${lines.join('\n')}\n`;
  return {
    policy: join([...header, ...filters, ...blocked]),
    networks: join([...header, ...networks]),
    services: join([...header, ...services]),
    paths: {
      policy: `policies/pol/${slug}.yaml`,
      networks: `def/${slug}-networks.yaml`,
      services: `def/${slug}-services.yaml`,
    },
  };
}

export function renderAerleon(report: Report): Uint8Array {
  const files = aerleonFiles(report);
  const policies = files.policies ?? [{ path: files.paths.policy, text: files.policy }];
  const zip = zipSync({
    ...Object.fromEntries(
      (policies.length > 0 ? policies : [{ path: files.paths.policy, text: files.policy }]).map(
        (p) => [p.path, strToU8(p.text)],
      ),
    ),
    [files.paths.networks]: strToU8(files.networks),
    [files.paths.services]: strToU8(files.services),
  });
  return stampZip(zip, report.meta.date);
}

export const aerleonExporter: Exporter = {
  id: 'aerleon',
  label: 'Download Aerleon policy (zip)',
  action: 'download',
  fileName: (report) => exportFileName(report.meta.planName, 'aerleon.zip'),
  mimeType: 'application/zip',
  render: renderAerleon,
  coverage: (plan) => vendorCoverage(plan, null),
};
