/**
 * "Download FortiOS CLI": the plan's rules as a FortiGate CLI script: `config firewall address`
 * (subnet, or fqdn for host names and cloud endpoints, wildcards included), `config firewall
 * addrgrp` (one group per side of each rule), `config firewall service custom` (tcp-445, ...) and
 * `config firewall policy` (one policy per plan rule, `edit 0`: the next free policy ID).
 *
 * Names: at most 79 characters (address, group and service names), ASCII letters, digits, `-`,
 * `_`, `.`; a policy's name at most 35 (`amfp-R01`). Text of the plan goes only into comments
 * (`set comment`, `set comments`), one line, in double quotes with `"` as `'` and `\` as `/` (no
 * escape needed), capped at FortiOS's lengths. Lines starting with `#` are comments. IPv6
 * addresses are refused with a TODO (they belong in `config firewall address6` and the
 * policy's srcaddr6/dstaddr6).
 */
import type { Report } from '@/core/report/model';

import type { Exporter } from './exporter';
import { exportFileName } from './file-name';
import type { ConfigAddress, FirewallConfig, ZonedPolicy } from './firewall-config';
import {
  coverageLines,
  firewallTitle,
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
  serviceName,
  withoutUnsupported,
} from './network-policy';

/** FortiOS address, address group and custom service names: 79 characters. */
export const FORTIOS_NAME_MAX = 79;
const ADDRESS_COMMENT_MAX = 255;
const POLICY_COMMENTS_MAX = 1023;

/** A quoted value: one line, no `"` or `\`, capped. */
export function fortiQuote(text: string, max = ADDRESS_COMMENT_MAX): string {
  return cliQuote(text, max);
}

const MASKS = (bits: number) => {
  const n = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
};

/** "config firewall address": one address object per address, named as `names` says; none: no lines. */
function addressObjectLines(
  addresses: readonly Pick<PolicyAddress, 'key' | 'kind' | 'value' | 'label'>[],
  names: ReadonlyMap<string, string>,
): string[] {
  if (addresses.length === 0) return [];
  return [
    'config firewall address',
    ...addresses.flatMap((a) => [
      `    edit "${names.get(a.key) ?? ''}"`,
      ...addressSets(a).map((l) => `        ${l}`),
      `        set comment ${fortiQuote(a.label)}`,
      '    next',
    ]),
    'end',
  ];
}

function addressSets(a: Pick<PolicyAddress, 'kind' | 'value'>): string[] {
  switch (a.kind) {
    case 'ipv4':
      return [`set subnet ${a.value} 255.255.255.255`];
    case 'cidr4': {
      const [ip, bits] = a.value.split('/');
      return [`set subnet ${ip ?? ''} ${MASKS(Number(bits))}`];
    }
    default:
      return ['set type fqdn', `set fqdn ${fortiQuote(a.value)}`];
  }
}

function comment(text: string): string {
  return `# ${oneLine(text)}`.trimEnd();
}

/** What this exporter does not write: IPv6 (config firewall address6). */
function unsupported(a: Pick<ConfigAddress, 'kind'>): string | undefined {
  return a.kind === 'ipv6' || a.kind === 'cidr6'
    ? 'an IPv6 address: add it with config firewall address6 and the policy srcaddr6/dstaddr6'
    : undefined;
}

/** FortiOS interface and zone names (system zone names: 35 characters). */
const INTERFACE_NAME_MAX = 35;

const range = (p: { from: number; to: number }) =>
  p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`;

/**
 * One firewall's section: address objects, one address group per address object of the rule
 * set, custom services and one policy per rule, from its ingress interface (srcintf) to its
 * egress interface (dstintf), named as the plan names them.
 */
export function fortiosFirewallLines(config: FirewallConfig, report: Report): string[] {
  const names = new ObjectNames(FORTIOS_NAME_MAX);
  for (const g of config.groups) names.reserve(g.name);
  for (const s of config.services) names.reserve(s.name);
  const addressNames = new Map(
    config.addresses.map((a, i) => [a.key, names.fromText(a.label, `host-${i + 1}`)]),
  );
  const intf = vendorNames(INTERFACE_NAME_MAX);
  const intfOf = (i: FirewallConfig['interfaces'][number]) => intf(i.name, 'port');
  const q = (name: string) => `"${name}"`;
  const lines: string[] = [
    comment(
      `==== Firewall ${firewallTitle({ name: config.name, kindId: config.kind })}: ${config.rules.length} polic${config.rules.length === 1 ? 'y' : 'ies'} ====`,
    ),
  ];
  if (config.interfaces.length > 0) {
    lines.push(comment('Interfaces of its policies (srcintf, dstintf):'));
    for (const i of config.interfaces) {
      lines.push(
        comment(
          `${intfOf(i)}: interface ${i.name}${i.zones.length > 0 ? ` (zone${i.zones.length === 1 ? '' : 's'} ${i.zones.join(', ')})` : ''}`,
        ),
      );
    }
  }
  if (config.rules.length === 0) lines.push(comment('No rule of this firewall can be written.'));
  lines.push(...addressObjectLines(config.addresses, addressNames));
  if (config.groups.length > 0) {
    lines.push('config firewall addrgrp');
    for (const g of config.groups) {
      lines.push(
        `    edit ${q(g.name)}`,
        `        set member ${g.members.map((a) => q(addressNames.get(a.key) ?? '')).join(' ')}`,
        `        set comment ${fortiQuote(`${g.roles.join(', ')} in zone ${g.zone}`)}`,
        '    next',
      );
    }
    lines.push('end');
  }
  if (config.services.length > 0) {
    lines.push('config firewall service custom');
    for (const s of config.services) {
      lines.push(
        `    edit ${q(s.name)}`,
        `        set ${s.transport.toLowerCase()}-portrange ${s.ports.map(range).join(' ')}`,
        '    next',
      );
    }
    lines.push('end');
  }
  if (config.rules.length > 0) {
    lines.push('config firewall policy');
    for (const r of config.rules) {
      lines.push(
        comment(`Rule ${r.name}: ${r.ruleIds.join(', ')}: ${r.services.join('; ')}`),
        ...r.todos.map(comment),
        '    edit 0',
        `        set name ${q(r.name)}`,
        `        set srcintf ${q(intfOf(r.ingress))}`,
        `        set dstintf ${q(intfOf(r.egress))}`,
        `        set srcaddr ${r.sources.map((g) => q(g.name)).join(' ')}`,
        `        set dstaddr ${r.destinations.map((g) => q(g.name)).join(' ')}`,
        '        set action accept',
        `        set schedule ${q('always')}`,
        `        set service ${q(r.service.name)}`,
        `        set comments ${fortiQuote(`${r.ruleIds.join(', ')}: ${r.services.join('; ')}; ${r.purposes.join(' ')}; plan ${report.meta.planName}; catalog ${report.meta.catalogVersion}; ${report.meta.docsRevision}`, POLICY_COMMENTS_MAX)}`,
        '    next',
      );
    }
    lines.push('end');
  }
  for (const b of config.blocked)
    lines.push(comment(`Rule ${b.name}: not written.`), comment(b.todo));
  return lines;
}

function renderFortiosZoned(report: Report, policy: ZonedPolicy): string {
  const lines: string[] = [
    ...provenanceLines(
      report,
      'FortiOS CLI for Netwrix Activity Monitor',
      coverageLines(policy, 'FortiOS', 'fortios'),
    ).map(comment),
    "# Run a firewall's section in that FortiGate's CLI (or as a script). srcintf and dstintf are",
    '# the interfaces as the plan names them. Running it twice adds the policies twice (edit 0).',
    ...planTodoLines(policy).map(comment),
  ];
  for (const config of policy.firewalls) lines.push(...fortiosFirewallLines(config, report));
  return `${lines.join('\n')}\n`;
}

export function renderFortios(report: Report): string {
  const zoned = zonedPolicy(report, 'fortios', unsupported);
  if (zoned) return renderFortiosZoned(report, zoned);
  const policy = withoutUnsupported(networkPolicy(report), unsupported);
  const names = new ObjectNames(FORTIOS_NAME_MAX);
  const groups = new Map(
    policy.rules.map((r) => [
      r.id,
      { src: names.reserve(`${r.id}-src`), dst: names.reserve(`${r.id}-dst`) },
    ]),
  );
  const addressNames = new Map(
    policy.addresses.map((a, i) => [a.key, names.fromText(a.label, `host-${i + 1}`)]),
  );
  const services = policyServices(policy.rules);
  const q = (name: string) => `"${name}"`;
  const lines: string[] = [
    ...provenanceLines(report, 'FortiOS CLI for Netwrix Activity Monitor').map(comment),
    '# Run it in the FortiGate CLI (or as a script). "inside" and "outside" stand for the',
    '# interfaces or zones of the policies: rename them to yours. Running it twice adds the',
    '# policies twice (edit 0 takes the next free ID).',
  ];
  if (policy.rules.length === 0) lines.push('# No rule of this plan can be written yet.');
  lines.push(...addressObjectLines(policy.addresses, addressNames));
  if (policy.rules.length > 0) {
    lines.push('config firewall addrgrp');
    for (const r of policy.rules) {
      const g = groups.get(r.id) ?? { src: '', dst: '' };
      for (const [name, list, side] of [
        [g.src, r.sources, 'sources'],
        [g.dst, r.destinations, 'destinations'],
      ] as const) {
        lines.push(
          `    edit ${q(name)}`,
          `        set member ${list.map((a) => q(addressNames.get(a.key) ?? '')).join(' ')}`,
          `        set comment ${fortiQuote(`${r.id} ${side} (${r.service})`)}`,
          '    next',
        );
      }
    }
    lines.push('end');
  }
  if (services.length > 0) {
    lines.push('config firewall service custom');
    for (const s of services) {
      const range = s.port.from === s.port.to ? `${s.port.from}` : `${s.port.from}-${s.port.to}`;
      lines.push(
        `    edit ${q(s.name)}`,
        `        set ${s.transport.toLowerCase()}-portrange ${range}`,
        '    next',
      );
    }
    lines.push('end');
  }
  if (policy.rules.length > 0) {
    lines.push('config firewall policy');
    for (const r of policy.rules) {
      const g = groups.get(r.id) ?? { src: '', dst: '' };
      lines.push(
        comment(`Rule ${r.id}: ${r.peerRole}, ${r.transport} ${r.portsText} (${r.service})`),
        ...r.todos.map(comment),
        '    edit 0',
        `        set name ${q(`amfp-${r.id}`.slice(0, 35))}`,
        `        set srcintf ${q(r.fromZone)}`,
        `        set dstintf ${q(r.toZone)}`,
        `        set srcaddr ${q(g.src)}`,
        `        set dstaddr ${q(g.dst)}`,
        '        set action accept',
        `        set schedule ${q('always')}`,
        `        set service ${r.ports.map((p) => q(serviceName(r.transport, p))).join(' ')}`,
        `        set comments ${fortiQuote(`${r.id}: ${r.service} (${r.transport} ${r.portsText}); ${r.peerRole}; plan ${report.meta.planName}; catalog ${report.meta.catalogVersion}; ${report.meta.docsRevision}`, POLICY_COMMENTS_MAX)}`,
        '    next',
      );
    }
    lines.push('end');
  }
  for (const b of policy.blocked) {
    lines.push(
      comment(`Rule ${b.ruleId}: ${b.peerRole} (${b.service}): not written.`),
      comment(b.todo),
    );
  }
  return `${lines.join('\n')}\n`;
}

export const fortiosExporter: Exporter = {
  id: 'fortios',
  label: 'Download FortiOS CLI',
  action: 'download',
  fileName: (report) => exportFileName(report.meta.planName, 'fortios.conf'),
  mimeType: 'text/plain;charset=utf-8',
  render: renderFortios,
  coverage: (plan) => vendorCoverage(plan, 'fortios'),
};
