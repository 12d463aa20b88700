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

function addressSets(a: PolicyAddress): string[] {
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

export function renderFortios(report: Report): string {
  const policy = withoutUnsupported(networkPolicy(report), (a) =>
    a.kind === 'ipv6' || a.kind === 'cidr6'
      ? 'an IPv6 address: add it with config firewall address6 and the policy srcaddr6/dstaddr6'
      : undefined,
  );
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
  if (policy.addresses.length > 0) {
    lines.push('config firewall address');
    for (const a of policy.addresses) {
      lines.push(
        `    edit ${q(addressNames.get(a.key) ?? '')}`,
        ...addressSets(a).map((l) => `        ${l}`),
        `        set comment ${fortiQuote(a.label)}`,
        '    next',
      );
    }
    lines.push('end');
  }
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
};
