/**
 * "Download Markdown": GFM tables grouped by flow and by host, under a header with the plan
 * name, catalog version, date and permalink. Every piece of text is escaped (markdown-escape.ts);
 * the only links are those written here on purpose: the permalink and the vendor pages. A plan
 * whose checks hold errors gets a "DRAFT — N plan errors" banner under the title. A plan with
 * network zones (issue 16) gets "Source zone" and "Destination zone" columns in "Rules by flow" and
 * a "Rules by firewall" section: the zones, then per firewall its rules, address objects and
 * service objects, then the zone checks.
 */
import { ruleSheetCell } from '@/core/report/columns';
import { interfaceText, NO_FIREWALL_RULES } from '@/core/report/firewall-cells';
import { hostRuleCells, hostRuleHeader } from '@/core/report/host-rule-cells';
import { addressText } from '@/core/report/host-text';
import type { Report, ReportHost, ReportHostRule } from '@/core/report/model';
import type { ReportFirewall, ReportZones } from '@/core/report/zones';

import { FQDN_HOST_NOTE } from './export-gate';
import type { Exporter } from './exporter';
import { exportFileName } from './file-name';
import type { MarkdownSource } from './markdown-escape';
import { escapeMarkdownText as text, markdownTable, markdownUrl } from './markdown-escape';

/** The docs revision ("netwrix/docs@a8b312c3") as a code span; escaped text if it could break one. */
function revision(value: string): string {
  return /^[\w./@-]+$/.test(value) ? `\`${value}\`` : text(value);
}

/**
 * The Reference column: the vendor pages behind a rule (catalog links, space-separated). A link to
 * a page of another version than the plan's is followed by its label in parentheses, as text.
 */
function referenceLinks(references: string): MarkdownSource {
  return { markdown: references.split(' ').filter(Boolean).map(markdownUrl).join(' ') };
}

function hostRulesTable(rules: readonly ReportHostRule[], peerHeader: string): string {
  if (rules.length === 0) return '_None._';
  return markdownTable(
    hostRuleHeader(peerHeader, 'Rule'),
    rules.map((rule) => hostRuleCells(rule)),
  );
}

function hostSection(host: ReportHost): string[] {
  const address = host.address ? host.address : 'address missing';
  return [
    `### ${text(host.label)} (${text(host.kind === 'fqdn' ? addressText(host, true) : address)})`,
    '',
    `Roles: ${text(host.roleNames.join(', '))}${host.windows ? ' (Windows)' : ''}`,
    '',
    ...(host.kind === 'fqdn' ? [text(FQDN_HOST_NOTE), ''] : []),
    `#### Inbound on ${text(host.label)}`,
    '',
    hostRulesTable(host.inbound, 'From'),
    '',
    `#### Outbound from ${text(host.label)}`,
    '',
    hostRulesTable(host.outbound, 'To'),
    '',
  ];
}

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

function firewallSection(firewall: ReportFirewall): string[] {
  const rules =
    firewall.rules.length === 0
      ? `_${text(NO_FIREWALL_RULES)}._`
      : markdownTable(
          ['Rule', 'Ingress', 'Source', 'Egress', 'Destination', 'Service', 'Reasons'],
          firewall.rules.map((r) => [
            r.name,
            interfaceText(r.ingress),
            r.sources.join(', '),
            interfaceText(r.egress),
            r.destinations.join(', '),
            `${r.service} (${r.protocol} ${r.ports})`,
            [r.ruleIds.join(', '), r.services.join('; '), r.purposes.join('; ')].join(': '),
          ]),
        );
  return [
    `### ${text(firewall.name)} (${text(firewall.kind)})`,
    '',
    rules,
    '',
    ...(firewall.addressObjects.length > 0
      ? [
          `#### Address objects of ${text(firewall.name)}`,
          '',
          markdownTable(
            ['Object', 'Zone', 'Roles', 'Addresses'],
            firewall.addressObjects.map((o) => [
              o.name,
              o.zone,
              o.roles.join(', '),
              o.addresses.join(', '),
            ]),
          ),
          '',
        ]
      : []),
    ...(firewall.serviceObjects.length > 0
      ? [
          `#### Service objects of ${text(firewall.name)}`,
          '',
          markdownTable(
            ['Object', 'Protocol', 'Ports'],
            firewall.serviceObjects.map((o) => [o.name, o.protocol, o.ports]),
          ),
          '',
        ]
      : []),
  ];
}

/** "Rules by firewall": the zones, each firewall's rule set and objects, the zone checks. */
function zonesSection(zones: ReportZones): string[] {
  return [
    '## Rules by firewall',
    '',
    '### Zones',
    '',
    markdownTable(
      ['Zone', 'CIDR blocks'],
      zones.zones.map((z) => [z.name, z.cidrs.join(', ') || 'Microsoft cloud FQDNs']),
    ),
    '',
    ...(zones.firewalls.length === 0 ? ['_No firewalls._', ''] : []),
    ...zones.firewalls.flatMap(firewallSection),
    '### Zone checks',
    '',
    ...(zones.checks.length === 0
      ? ['_No problems found._']
      : zones.checks.map((c) => `- **${SEVERITY[c.severity]}:** ${text(c.message)}`)),
    '',
  ];
}

export function renderMarkdown(report: Report): string {
  const { meta, summary } = report;
  const out: string[] = [
    `# ${text(report.title)}`,
    '',
    ...(report.draft ? [`> **${text(report.draft.stamp)}** (see "Plan checks").`, ''] : []),
    `- **Plan:** ${text(meta.planName)}`,
    `- **Activity Monitor version:** ${text(meta.amVersion)}`,
    `- **Catalog version:** ${text(meta.catalogVersion)}`,
    `- **Docs revision:** ${revision(meta.docsRevision)}`,
    ...(meta.date ? [`- **Date:** ${text(meta.date)}`] : []),
    `- **Permalink:** ${markdownUrl(meta.permalink)}`,
    '',
    '## Plan summary',
    '',
    '### Topology',
    '',
    markdownTable(
      ['Item', 'Value'],
      summary.topology.map((i) => [i.label, i.value]),
    ),
    '',
    '### Devices',
    '',
    summary.devices.length === 0
      ? '_No devices._'
      : markdownTable(
          ['Device', 'Environment', 'Addresses', 'Agent', 'Options'],
          summary.devices.map((d) => [d.name, d.environment, d.addresses, d.agent, d.options]),
        ),
    '',
    '### Options',
    '',
    markdownTable(
      ['Option', 'Value'],
      summary.options.map((i) => [i.label, i.value]),
    ),
    '',
    '## Rules by flow',
    '',
    report.rows.length === 0
      ? '_No rules: the plan has nothing to connect yet._'
      : markdownTable(
          [...report.columns],
          report.rows.map((row) =>
            report.columns.map((c) =>
              c === 'Reference' ? referenceLinks(row[c]) : ruleSheetCell(row, c),
            ),
          ),
        ),
    '',
    '## Rules by host',
    '',
    ...(report.hosts.length === 0 ? ['_No hosts._', ''] : report.hosts.flatMap(hostSection)),
    ...(report.zones ? zonesSection(report.zones) : []),
  ];
  if (report.notes.length > 0) {
    out.push('## Notes', '', ...report.notes.map((n) => `- ${text(n)}`), '');
  }
  if (report.errata.length > 0) {
    out.push(
      '## Errata in the vendor documentation',
      '',
      ...report.errata.map(
        (e) => `- **${text(e.id)}** ${text(e.title)}${e.reading ? `: ${text(e.reading)}` : ''}`,
      ),
      '',
    );
  }
  out.push('## Plan checks', '');
  if (report.checks.length === 0) out.push('_No problems found._', '');
  else {
    out.push(...report.checks.map((c) => `- **${SEVERITY[c.severity]}:** ${text(c.message)}`), '');
  }
  out.push(
    '---',
    '',
    `Generated by ${text(meta.generator)} with catalog ${text(meta.catalogVersion)} (${revision(meta.docsRevision)}). ` +
      `Reopen this plan: ${markdownUrl(meta.permalink)}`,
    '',
  );
  return out.join('\n');
}

export const markdownExporter: Exporter = {
  id: 'markdown',
  label: 'Download Markdown',
  action: 'download',
  fileName: (report) => exportFileName(report.meta.planName, 'firewall-rules.md'),
  mimeType: 'text/markdown;charset=utf-8',
  render: renderMarkdown,
};
