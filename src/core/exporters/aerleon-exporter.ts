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

function ipOf(a: PolicyAddress): string {
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
}

export function aerleonFiles(report: Report): AerleonFiles {
  const policy = withoutUnsupported(networkPolicy(report), (a) =>
    a.kind === 'fqdn' || a.kind === 'wildcard-fqdn'
      ? 'a name (FQDN), and Aerleon networks hold addresses: add its addresses to the network'
      : undefined,
  );
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
  const zip = zipSync({
    [files.paths.policy]: strToU8(files.policy),
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
};
