/**
 * "Download Cisco ASA config": the plan's rules as Cisco ASA configuration: `object network`
 * per address (host, subnet, or `fqdn v4` for host names and cloud endpoints), `object-group
 * network` per side of each rule, `object-group service <name> tcp|udp` per rule, and one
 * extended access list per source zone (`amfp-inside-in`), one `permit` entry per rule with
 * `remark` lines naming it. The `access-group` lines that bind the lists to interfaces are left
 * commented: binding replaces the interface's current list.
 *
 * Names: at most 64 characters, ASCII letters, digits, `-`, `_`, `.` (no spaces: nothing to
 * quote). Text of the plan goes only into `description` (200 characters) and `remark` (100
 * characters a line) lines, one line each; `!` lines are comments. Wildcard FQDNs are refused
 * with a TODO (ASA FQDN objects take one name).
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
import type { PolicyAddress, Zone } from './network-policy';
import {
  cap,
  networkPolicy,
  ObjectNames,
  oneLine,
  provenanceLines,
  withoutUnsupported,
  ZONES,
} from './network-policy';

/** ASA object and object-group names: 64 characters. */
export const ASA_NAME_MAX = 64;
const DESCRIPTION_MAX = 200;
const REMARK_MAX = 100;

/** Description text: one line, capped. */
export function asaText(text: string, max = DESCRIPTION_MAX): string {
  return cap(oneLine(text), max);
}

/** Remark lines of at most 100 characters each (the text cut at spaces where it can). */
export function remarks(acl: string, text: string): string[] {
  const words = oneLine(text).split(' ');
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line === '' ? word : `${line} ${word}`;
    if (next.length <= REMARK_MAX) {
      line = next;
      continue;
    }
    if (line !== '') out.push(line);
    line = word;
    while (line.length > REMARK_MAX) {
      out.push(line.slice(0, REMARK_MAX));
      line = line.slice(REMARK_MAX);
    }
  }
  if (line !== '') out.push(line);
  return out.map((r) => `access-list ${acl} remark ${r}`);
}

const MASK = (bits: number) => {
  const n = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
};

function objectLine(a: Pick<PolicyAddress, 'kind' | 'value'>): string {
  switch (a.kind) {
    case 'ipv4':
    case 'ipv6':
      return ` host ${a.value}`;
    case 'cidr4': {
      const [ip, bits] = a.value.split('/');
      return ` subnet ${ip ?? ''} ${MASK(Number(bits))}`;
    }
    case 'cidr6':
      return ` subnet ${a.value}`;
    default:
      return ` fqdn v4 ${a.value}`;
  }
}

function comment(text: string): string {
  return `! ${oneLine(text)}`.trimEnd();
}

export const aclName = (zone: Zone) => `amfp-${zone}-in`;

/** What the ASA cannot express: a wildcard FQDN. */
function unsupported(a: Pick<ConfigAddress, 'kind'>): string | undefined {
  return a.kind === 'wildcard-fqdn'
    ? 'ASA FQDN objects take one name, not a wildcard: allow it on a proxy'
    : undefined;
}

/**
 * One firewall's section: network objects, one network object-group per address object of the
 * rule set, one service object-group per service object, and one extended access list per
 * ingress interface (`amfp-<interface>-in`), one `permit` entry per source group and
 * destination group of each rule. Its `access-group` lines stay commented (binding replaces the
 * interface's current list).
 */
export function asaFirewallLines(config: FirewallConfig, report: Report): string[] {
  const names = new ObjectNames(ASA_NAME_MAX);
  for (const g of config.groups) names.reserve(g.name);
  for (const s of config.services) names.reserve(s.name);
  const nameif = vendorNames(ASA_NAME_MAX);
  const ifOf = (i: FirewallConfig['interfaces'][number]) => nameif(i.name, 'interface');
  const acls = new Map(config.interfaces.map((i) => [i.name, names.reserve(`amfp-${ifOf(i)}-in`)]));
  const addressNames = new Map(
    config.addresses.map((a, i) => [a.key, names.fromText(a.label, `host-${i + 1}`)]),
  );
  const lines: string[] = [
    comment(
      `==== Firewall ${firewallTitle({ name: config.name, kindId: config.kind })}: ${config.rules.length} rule${config.rules.length === 1 ? '' : 's'} ====`,
    ),
  ];
  if (config.rules.length === 0) lines.push(comment('No rule of this firewall can be written.'));
  for (const a of config.addresses) {
    const description = asaText(a.label);
    lines.push(
      `object network ${addressNames.get(a.key) ?? ''}`,
      objectLine(a),
      ...(description === '' ? [] : [` description ${description}`]),
    );
  }
  for (const g of config.groups) {
    lines.push(
      `object-group network ${g.name}`,
      ` description ${asaText(`${g.roles.join(', ')} in zone ${g.zone}`)}`,
      ...g.members.map((a) => ` network-object object ${addressNames.get(a.key) ?? ''}`),
    );
  }
  for (const s of config.services) {
    lines.push(
      `object-group service ${s.name} ${s.transport.toLowerCase()}`,
      ...s.ports.map((p) =>
        p.from === p.to ? ` port-object eq ${p.from}` : ` port-object range ${p.from} ${p.to}`,
      ),
    );
  }
  for (const i of config.interfaces) {
    const rules = config.rules.filter((r) => r.ingress.name === i.name);
    if (rules.length === 0) continue;
    const acl = acls.get(i.name) ?? '';
    lines.push(
      comment(
        `Interface ${i.name}${i.zones.length > 0 ? ` (zone${i.zones.length === 1 ? '' : 's'} ${i.zones.join(', ')})` : ''}: traffic entering it`,
      ),
    );
    for (const r of rules) {
      lines.push(
        ...remarks(
          acl,
          `${r.name}: ${r.ruleIds.join(', ')}: ${r.services.join('; ')}; to ${r.egress.name}; plan ${report.meta.planName}; catalog ${report.meta.catalogVersion}`,
        ),
        ...r.todos.map(comment),
      );
      for (const src of r.sources) {
        for (const dst of r.destinations) {
          lines.push(
            `access-list ${acl} extended permit ${r.service.transport.toLowerCase()} object-group ${src.name} object-group ${dst.name} object-group ${r.service.name}`,
          );
        }
      }
    }
    lines.push(comment(`access-group ${acl} in interface ${ifOf(i)}`));
  }
  for (const b of config.blocked)
    lines.push(comment(`Rule ${b.name}: not written.`), comment(b.todo));
  return lines;
}

function renderAsaZoned(report: Report, policy: ZonedPolicy): string {
  const lines: string[] = [
    ...provenanceLines(
      report,
      'Cisco ASA configuration for Netwrix Activity Monitor',
      coverageLines(policy, 'Cisco ASA', 'asa'),
    ).map(comment),
    "! Paste a firewall's section in configuration mode on that ASA (lines starting with ! are",
    '! comments). FQDN objects need a DNS server on the ASA (dns domain-lookup). The access-group',
    "! lines are commented: binding a list replaces the interface's current one; add the entries",
    '! to that list instead, or bind it once you have checked.',
    ...planTodoLines(policy).map(comment),
  ];
  for (const config of policy.firewalls) lines.push(...asaFirewallLines(config, report));
  return `${lines.join('\n')}\n`;
}

export function renderAsa(report: Report): string {
  const zoned = zonedPolicy(report, 'asa', unsupported);
  if (zoned) return renderAsaZoned(report, zoned);
  const policy = withoutUnsupported(networkPolicy(report), unsupported);
  const names = new ObjectNames(ASA_NAME_MAX);
  const groups = new Map(
    policy.rules.map((r) => [
      r.id,
      {
        src: names.reserve(`${r.id}-src`),
        dst: names.reserve(`${r.id}-dst`),
        svc: names.reserve(`${r.id}-svc`),
      },
    ]),
  );
  for (const zone of ZONES) names.reserve(aclName(zone));
  const addressNames = new Map(
    policy.addresses.map((a, i) => [a.key, names.fromText(a.label, `host-${i + 1}`)]),
  );
  const lines: string[] = [
    ...provenanceLines(report, 'Cisco ASA configuration for Netwrix Activity Monitor').map(comment),
    '! Paste it in configuration mode (lines starting with ! are comments). FQDN objects need a',
    '! DNS server on the ASA (dns domain-lookup). Hosts behind one interface talk without the ASA:',
    '! these lists matter where the hosts sit behind different interfaces.',
  ];
  if (policy.rules.length === 0) lines.push('! No rule of this plan can be written yet.');
  for (const a of policy.addresses) {
    const description = asaText(a.label);
    lines.push(
      `object network ${addressNames.get(a.key) ?? ''}`,
      objectLine(a),
      // An empty description is not a command: a host without a name gets none.
      ...(description === '' ? [] : [` description ${description}`]),
    );
  }
  for (const r of policy.rules) {
    const g = groups.get(r.id) ?? { src: '', dst: '', svc: '' };
    for (const [name, list, side] of [
      [g.src, r.sources, 'sources'],
      [g.dst, r.destinations, 'destinations'],
    ] as const) {
      lines.push(
        `object-group network ${name}`,
        ` description ${asaText(`${r.id} ${side} (${r.service})`)}`,
        ...list.map((a) => ` network-object object ${addressNames.get(a.key) ?? ''}`),
      );
    }
    lines.push(
      `object-group service ${g.svc} ${r.transport.toLowerCase()}`,
      ` description ${asaText(`${r.id}: ${r.service}`)}`,
      ...r.ports.map((p) =>
        p.from === p.to ? ` port-object eq ${p.from}` : ` port-object range ${p.from} ${p.to}`,
      ),
    );
  }
  for (const zone of ZONES) {
    const rules = policy.rules.filter((r) => r.fromZone === zone);
    if (rules.length === 0) continue;
    const acl = aclName(zone);
    for (const r of rules) {
      const g = groups.get(r.id) ?? { src: '', dst: '', svc: '' };
      lines.push(
        ...remarks(
          acl,
          `${r.id}: ${r.service} (${r.transport} ${r.portsText}); ${r.peerRole}; plan ${report.meta.planName}; catalog ${report.meta.catalogVersion}`,
        ),
        ...r.todos.map(comment),
        `access-list ${acl} extended permit ${r.transport.toLowerCase()} object-group ${g.src} object-group ${g.dst} object-group ${g.svc}`,
      );
    }
    lines.push(comment(`access-group ${acl} in interface ${zone}`));
  }
  for (const b of policy.blocked) {
    lines.push(
      comment(`Rule ${b.ruleId}: ${b.peerRole} (${b.service}): not written.`),
      comment(b.todo),
    );
  }
  return `${lines.join('\n')}\n`;
}

export const asaExporter: Exporter = {
  id: 'asa',
  label: 'Download Cisco ASA config',
  action: 'download',
  fileName: (report) => exportFileName(report.meta.planName, 'cisco-asa.txt'),
  mimeType: 'text/plain;charset=utf-8',
  render: renderAsa,
  coverage: (plan) => vendorCoverage(plan, 'asa'),
};
