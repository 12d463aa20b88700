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

function objectLine(a: PolicyAddress): string {
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

export function renderAsa(report: Report): string {
  const policy = withoutUnsupported(networkPolicy(report), (a) =>
    a.kind === 'wildcard-fqdn'
      ? 'ASA FQDN objects take one name, not a wildcard: allow it on a proxy'
      : undefined,
  );
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
};
