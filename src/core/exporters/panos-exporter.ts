/**
 * "Download PAN-OS set commands": the plan's rules as Palo Alto PAN-OS configuration-mode `set`
 * commands: address objects (ip-netmask, or fqdn for host names and cloud endpoints), one static
 * address-group per side of each rule, service objects (tcp-445, udp-514, ...), and one security
 * rule per plan rule (from/to zone, application any, action allow), named by its rule ID.
 *
 * Names: at most 63 characters, ASCII letters, digits, `-`, `_`, `.` (network-policy.ts
 * ObjectNames). Text of the plan goes only into descriptions, one line, in double quotes with `"`
 * as `'` and `\` as `/` (PAN-OS's CLI has no escape inside quotes), capped at PAN-OS's lengths.
 * Lines starting with `#` are comments for the reader (provenance, TODOs): paste the `set` lines
 * (e.g. `grep '^set '`). Wildcard FQDNs are refused with a TODO (PAN-OS FQDN objects take one
 * name).
 */
import type { Report } from '@/core/report/model';

import type { Exporter } from './exporter';
import { exportFileName } from './file-name';
import type { ConfigAddress, FirewallConfig, ZonedPolicy } from './firewall-config';
import {
  coverageLines,
  firewallTitle,
  interfaceZone,
  planTodoLines,
  vendorNames,
  vendorCoverage,
  zonedPolicy,
} from './firewall-config';
import type { PolicyAddress } from './network-policy';
import {
  cliQuote,
  networkPolicy,
  ObjectNames,
  oneLine,
  policyServices,
  provenanceLines,
  withoutUnsupported,
} from './network-policy';

/** PAN-OS object names: 63 characters. */
export const PANOS_NAME_MAX = 63;
const DESCRIPTION_MAX = 1023;
const OBJECT_DESCRIPTION_MAX = 255;

/** A description value: one line, no `"` or `\`, capped, in double quotes. */
export function panosQuote(text: string, max = DESCRIPTION_MAX): string {
  return cliQuote(text, max);
}

function comment(text: string): string {
  return `# ${oneLine(text)}`.trimEnd();
}

function addressValue(a: Pick<PolicyAddress, 'kind' | 'value'>): string {
  switch (a.kind) {
    case 'ipv4':
      return `ip-netmask ${a.value}/32`;
    case 'ipv6':
      return `ip-netmask ${a.value}/128`;
    case 'cidr4':
    case 'cidr6':
      return `ip-netmask ${a.value}`;
    default:
      return `fqdn ${a.value}`;
  }
}

/** What PAN-OS cannot express: a wildcard FQDN. */
function unsupported(a: Pick<ConfigAddress, 'kind'>): string | undefined {
  return a.kind === 'wildcard-fqdn'
    ? 'PAN-OS FQDN objects take one name, not a wildcard: allow it with a URL category or an EDL'
    : undefined;
}

const ports = (p: { from: number; to: number }) =>
  p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`;

/**
 * One firewall's section: its security zones (one per interface its rules use: the interface's
 * zone, or the interface's name when several zones are behind it), address objects, one
 * address group per address object of the rule set, service objects and security rules.
 */
export function panosFirewallLines(config: FirewallConfig, report: Report): string[] {
  const names = new ObjectNames(PANOS_NAME_MAX);
  for (const g of config.groups) names.reserve(g.name);
  for (const s of config.services) names.reserve(s.name);
  const addressNames = new Map(
    config.addresses.map((a, i) => [a.key, names.fromText(a.label, `host-${i + 1}`)]),
  );
  const zoneName = vendorNames(PANOS_NAME_MAX);
  const zoneOf = (i: FirewallConfig['interfaces'][number]) => zoneName(interfaceZone(i), 'zone');
  const lines: string[] = [
    '',
    comment(
      `==== Firewall ${firewallTitle({ name: config.name, kindId: config.kind })}: ${config.rules.length} rule${config.rules.length === 1 ? '' : 's'} ====`,
    ),
  ];
  if (config.interfaces.length > 0) {
    lines.push(
      comment('Security zones of its rules (bind each to its interface if not done yet):'),
    );
    for (const i of config.interfaces) {
      lines.push(
        comment(
          `zone ${zoneOf(i)}: interface ${i.name}${i.zones.length > 0 ? ` (plan zone${i.zones.length === 1 ? '' : 's'} ${i.zones.join(', ')})` : ''}`,
        ),
      );
    }
  }
  if (config.rules.length === 0) lines.push(comment('No rule of this firewall can be written.'));
  if (config.addresses.length > 0) lines.push(comment('Address objects'));
  for (const a of config.addresses) {
    const name = addressNames.get(a.key) ?? '';
    lines.push(`set address ${name} ${addressValue(a)}`);
    if (oneLine(a.label) !== '') {
      lines.push(`set address ${name} description ${panosQuote(a.label, OBJECT_DESCRIPTION_MAX)}`);
    }
  }
  if (config.groups.length > 0)
    lines.push(comment("Address groups: the rule set's address objects, per role and zone"));
  for (const g of config.groups) {
    lines.push(
      `set address-group ${g.name} static [ ${g.members.map((a) => addressNames.get(a.key) ?? '').join(' ')} ]`,
      `set address-group ${g.name} description ${panosQuote(`${g.roles.join(', ')} in zone ${g.zone}`, OBJECT_DESCRIPTION_MAX)}`,
    );
  }
  if (config.services.length > 0) lines.push(comment('Service objects'));
  for (const s of config.services) {
    lines.push(
      `set service ${s.name} protocol ${s.transport.toLowerCase()} port ${s.ports.map(ports).join(',')}`,
    );
  }
  for (const r of config.rules) {
    const base = `set rulebase security rules ${r.name}`;
    lines.push(
      comment(`Rule ${r.name}: ${r.ruleIds.join(', ')}: ${r.services.join('; ')}`),
      ...r.todos.map(comment),
      `${base} from ${zoneOf(r.ingress)}`,
      `${base} to ${zoneOf(r.egress)}`,
      `${base} source [ ${r.sources.map((g) => g.name).join(' ')} ]`,
      `${base} destination [ ${r.destinations.map((g) => g.name).join(' ')} ]`,
      `${base} application any`,
      `${base} service ${r.service.name}`,
      `${base} action allow`,
      `${base} description ${panosQuote(`${r.ruleIds.join(', ')}: ${r.services.join('; ')}; ${r.purposes.join(' ')}; plan ${report.meta.planName}; catalog ${report.meta.catalogVersion}`)}`,
    );
  }
  for (const b of config.blocked)
    lines.push(comment(`Rule ${b.name}: not written.`), comment(b.todo));
  return lines;
}

function renderPanosZoned(report: Report, policy: ZonedPolicy): string {
  const lines: string[] = [
    ...provenanceLines(
      report,
      'PAN-OS set commands for Netwrix Activity Monitor',
      coverageLines(policy, 'PAN-OS', 'panos'),
    ).map(comment),
    "# Paste the set lines of a firewall's section in configuration mode on that firewall (lines",
    '# starting with # are comments), then commit. The zones are the security zones of its interfaces.',
    ...planTodoLines(policy).map(comment),
  ];
  for (const config of policy.firewalls) lines.push(...panosFirewallLines(config, report));
  return `${lines.join('\n')}\n`;
}

export function renderPanos(report: Report): string {
  const zoned = zonedPolicy(report, 'panos', unsupported);
  if (zoned) return renderPanosZoned(report, zoned);
  const policy = withoutUnsupported(networkPolicy(report), unsupported);
  const names = new ObjectNames(PANOS_NAME_MAX);
  const ruleNames = new Map(policy.rules.map((r) => [r.id, names.reserve(`amfp-${r.id}`)]));
  const groupNames = new Map(
    policy.rules.map((r) => [
      r.id,
      { src: names.reserve(`${r.id}-src`), dst: names.reserve(`${r.id}-dst`) },
    ]),
  );
  const addressNames = new Map(
    policy.addresses.map((a, i) => [a.key, names.fromText(a.label, `host-${i + 1}`)]),
  );
  const services = policyServices(policy.rules);

  const lines: string[] = [
    ...provenanceLines(report, 'PAN-OS set commands for Netwrix Activity Monitor').map(comment),
    '# Paste the set lines in configuration mode (lines starting with # are comments), then commit.',
    '# The zones "inside" and "outside" must exist (or rename them below).',
    '',
  ];
  if (policy.rules.length === 0) lines.push('# No rule of this plan can be written yet.');
  if (policy.addresses.length > 0) lines.push('# Address objects');
  for (const a of policy.addresses) {
    const name = addressNames.get(a.key) ?? '';
    lines.push(`set address ${name} ${addressValue(a)}`);
    if (oneLine(a.label) !== '') {
      lines.push(`set address ${name} description ${panosQuote(a.label, OBJECT_DESCRIPTION_MAX)}`);
    }
  }
  if (services.length > 0) lines.push('', '# Service objects');
  for (const s of services) {
    const port = s.port.from === s.port.to ? `${s.port.from}` : `${s.port.from}-${s.port.to}`;
    lines.push(`set service ${s.name} protocol ${s.transport.toLowerCase()} port ${port}`);
  }
  for (const rule of policy.rules) {
    const name = ruleNames.get(rule.id) ?? '';
    const groups = groupNames.get(rule.id) ?? { src: '', dst: '' };
    const base = `set rulebase security rules ${name}`;
    const members = (list: readonly PolicyAddress[]) =>
      list.map((a) => addressNames.get(a.key) ?? '').join(' ');
    lines.push(
      '',
      comment(
        `Rule ${rule.id}: ${rule.peerRole}, ${rule.transport} ${rule.portsText} (${rule.service})`,
      ),
      ...rule.todos.map(comment),
      `set address-group ${groups.src} static [ ${members(rule.sources)} ]`,
      `set address-group ${groups.dst} static [ ${members(rule.destinations)} ]`,
      `${base} from ${rule.fromZone}`,
      `${base} to ${rule.toZone}`,
      `${base} source ${groups.src}`,
      `${base} destination ${groups.dst}`,
      `${base} application any`,
      `${base} service [ ${rule.ports.map((p) => policyServices([{ ...rule, ports: [p] }])[0]?.name ?? '').join(' ')} ]`,
      `${base} action allow`,
      `${base} description ${panosQuote(`${rule.id}: ${rule.service} (${rule.transport} ${rule.portsText}); ${rule.peerRole}; plan ${report.meta.planName}; catalog ${report.meta.catalogVersion}`)}`,
    );
  }
  for (const b of policy.blocked) {
    lines.push(
      '',
      comment(`Rule ${b.ruleId}: ${b.peerRole} (${b.service}): not written.`),
      comment(b.todo),
    );
  }
  return `${lines.join('\n')}\n`;
}

export const panosExporter: Exporter = {
  id: 'panos',
  label: 'Download PAN-OS set commands',
  action: 'download',
  fileName: (report) => exportFileName(report.meta.planName, 'panos-set-commands.txt'),
  mimeType: 'text/plain;charset=utf-8',
  render: renderPanos,
  coverage: (plan) => vendorCoverage(plan, 'panos'),
};
