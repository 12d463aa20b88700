/**
 * plan + resolution + catalog -> the one Report every exporter renders.
 * Pure and deterministic: the date is passed in, never read from the clock.
 */
import type { Catalog, CatalogOption, OptionValue } from '@/core/catalog/model';
import { formatDocsRevision } from '@/core/catalog/provenance';
import type { Device, HostEntry, Plan } from '@/core/plan/model';
import { deviceTenant } from '@/core/plan/plan-hosts';
import type {
  PlanCheck,
  ResolvedEndpoint,
  ResolvedHost,
  ResolvedRule,
  Resolution,
} from '@/core/resolve/model';
import { ruleProblems } from '@/core/resolve/model';
import type { PlanValue } from '@/core/resolve/plan-values';
import {
  keptElsewhere,
  readAgentServicePort,
  readOption,
  readPortSetting,
  readProxyPort,
  readRpcRange,
  readSiemPort,
} from '@/core/resolve/plan-values';
import type { ZoneModel } from '@/core/zones/model';
import { isZoneModelEmpty } from '@/core/zones/model';

import type { RuleSheetRow } from './columns';
import { RULE_SHEET_COLUMNS, ZONED_RULE_SHEET_COLUMNS } from './columns';
import { compactRow } from './compact-table';
import { atomicFlows } from './flows';
import { buildHostSections, reportFqdn } from './host-sections';
import type { HostText } from './host-text';
import { endpointSetOf, fqdnIdText, hostsText, serviceTagOf } from './host-text';
import type {
  Report,
  ReportDevice,
  ReportDraft,
  ReportEndpoint,
  ReportErratum,
  ReportRule,
  SummaryItem,
} from './model';
import { GENERATOR_NAME } from './model';
import { ruleConditions, ruleEnvironments, ruleReferences, unique } from './rule-text';
import type { ReportZoneView } from './zones';
import { reportZoneView, zonedFlows } from './zones';

export interface BuildReportInput {
  plan: Plan;
  resolution: Resolution;
  catalog: Catalog;
  permalink: string;
  /** The date stamped on the report; omitted: no date. */
  generatedAt?: Date;
  /**
   * The plan's network zones (core/zones/plan-zones.ts `planZoneModel`); omitted or empty: no
   * zone columns and no per-firewall section, the report as without zones.
   */
  zones?: ZoneModel;
}

const MISSING = 'address missing';

function formatDate(date: Date | undefined): string {
  if (!date || Number.isNaN(date.getTime())) return '';
  return date.toISOString().slice(0, 10);
}

function entryText(entry: HostEntry): string {
  return entry.address ? `${entry.name} (${entry.address})` : `${entry.name} (${MISSING})`;
}

/** A resolved host as the sheets write it (host-text.ts). */
function hostText(host: ResolvedHost): HostText {
  const fqdn = reportFqdn(host);
  return {
    label: host.label,
    address: host.address,
    ...(host.invalid ? { invalid: host.invalid.message } : {}),
    ...(fqdn ? { fqdn } : {}),
  };
}

export function formatEndpointHosts(endpoint: ResolvedEndpoint): string {
  if (endpoint.hosts.length === 0) return `(no ${endpoint.roleName} in the plan)`;
  return hostsText(endpoint.hosts.map(hostText));
}

function reportEndpoint(endpoint: ResolvedEndpoint): ReportEndpoint {
  return {
    role: endpoint.roleName,
    hosts: endpoint.hosts.map((h) => ({
      label: h.label,
      address: h.address,
      ...(h.invalid ? { invalid: h.invalid.message } : {}),
      ...(h.cloud ? { fqdn: true as const } : {}),
    })),
  };
}

function errataTexts(rule: ResolvedRule, catalog: Catalog): string[] {
  return rule.errata.map((id) => {
    const erratum = catalog.errata.find((e) => e.id === id);
    return erratum ? `${id} (${erratum.title})` : id;
  });
}

/** The vendor links of the rule, then the Microsoft pages its cloud destinations come from. */
function referencesOf(rule: ResolvedRule): string[] {
  const cloudSources = rule.destination.hosts.flatMap((h) => h.cloud?.sources ?? []);
  return unique([...ruleReferences(rule), ...cloudSources.map((source) => source.url)]);
}

function reportRule(rule: ResolvedRule, catalog: Catalog): ReportRule {
  return {
    id: rule.id,
    from: reportEndpoint(rule.source),
    to: reportEndpoint(rule.destination),
    protocol: rule.transport,
    portsText: rule.portsText,
    service: rule.service,
    description: rule.description,
    basis: rule.basis,
    problems: ruleProblems(rule),
    conditions: ruleConditions(rule),
    notes: [...rule.notes],
    errata: errataTexts(rule, catalog),
    references: referencesOf(rule),
    environments: ruleEnvironments(rule),
  };
}

function ruleRow(rule: ResolvedRule, catalog: Catalog, zones: ReportZoneView | null): RuleSheetRow {
  const conditions = ruleConditions(rule);
  const errata = errataTexts(rule, catalog);
  const problems = ruleProblems(rule);
  const notes = [
    ...(problems.length > 0
      ? [`NOT READY (no script opens it until fixed): ${problems.join('; ')}.`]
      : []),
    ...(rule.basis === 'inferred' ? ['Inferred: not stated in the vendor documentation.'] : []),
    ...rule.notes,
    ...(errata.length > 0 ? [`Errata: ${errata.join(', ')}.`] : []),
  ];
  const destinations = rule.destination.hosts.map(hostText);
  return {
    Rule: rule.id,
    Environment: ruleEnvironments(rule).join('; '),
    Source: rule.source.roleName,
    'Source host': formatEndpointHosts(rule.source),
    ...(zones ? { 'Source zone': zones.endpointZones(rule.source) } : {}),
    Destination: rule.destination.roleName,
    'Destination host': formatEndpointHosts(rule.destination),
    ...(zones ? { 'Destination zone': zones.endpointZones(rule.destination) } : {}),
    'M365 endpoint set': fqdnIdText(destinations, endpointSetOf),
    'Azure service tag': fqdnIdText(destinations, serviceTagOf),
    Protocol: rule.transport,
    Ports: rule.portsText,
    Service: rule.service,
    Description: rule.description,
    Condition: conditions.join('; '),
    Notes: notes.join(' '),
    Reference: referencesOf(rule).join(' '),
  };
}

function optionValueText(option: CatalogOption, value: OptionValue): string {
  if (option.type === 'boolean') return value === true ? 'yes' : 'no';
  if (option.type === 'choice') {
    return option.choices?.find((c) => c.value === value)?.label ?? String(value);
  }
  return String(value) || '(not set)';
}

/** A value as the sheets show it: "9999 (default)", "4600", or the text typed "(invalid)". */
function valueText<T>(read: PlanValue<T>, raw: unknown, text: (value: T) => string): string {
  if (!read.ok) return `“${String(raw)}” (invalid)`;
  return read.isDefault ? `${text(read.value)} (default)` : text(read.value);
}

function deviceOptions(plan: Plan, device: Device, catalog: Catalog): string {
  const environment = catalog.environments.find((e) => e.id === device.environment);
  if (!environment) return '';
  return environment.options
    .map((id) => {
      const option = catalog.options.find((o) => o.id === id);
      if (!option) return '';
      const read = readOption(plan, device, id, catalog);
      const text =
        option.type === 'port'
          ? valueText(read, device.options[id], String)
          : read.ok
            ? optionValueText(option, read.value)
            : `“${String(device.options[id])}” (invalid)`;
      return `${option.label}: ${text}`;
    })
    .filter((t) => t !== '')
    .join('; ');
}

function summarizeDevices(plan: Plan, catalog: Catalog): ReportDevice[] {
  return plan.devices.map((device, index) => {
    const environment = catalog.environments.find((e) => e.id === device.environment);
    const tenant = environment?.addressKind === 'tenant';
    const addresses = tenant
      ? unique([deviceTenant(plan, index).tenant])
      : unique(device.addresses);
    const agent =
      environment?.agentMode === 'local'
        ? 'local agent'
        : (plan.agents.find((a) => a.id === device.agentId)?.name ?? '(none)');
    return {
      name: device.name,
      environment: environment?.name ?? device.environment,
      addresses: addresses.length > 0 ? addresses.join('; ') : '(missing)',
      agent,
      options: deviceOptions(plan, device, catalog),
    };
  });
}

function summarizeTopology(plan: Plan): SummaryItem[] {
  const { accessAnalyzer, siem, threatManager, threatPrevention } = plan.integrations;
  const items: SummaryItem[] = [
    { label: 'Activity Monitor version', value: plan.amVersion },
    { label: 'Activity Monitor Console', value: entryText(plan.console) },
    ...(plan.additionalConsoles.length > 0
      ? [
          {
            label: `Additional consoles (${plan.additionalConsoles.length})`,
            value: plan.additionalConsoles.map(entryText).join('; '),
          },
        ]
      : []),
    {
      label: `Agent servers (${plan.agents.length})`,
      value: plan.agents.map(entryText).join('; ') || '(none)',
    },
    { label: 'Devices', value: String(plan.devices.length) },
  ];
  if (accessAnalyzer.enabled) {
    const edition = accessAnalyzer.edition === 'classic' ? 'classic' : 'Access Analyzer 26';
    const api = accessAnalyzer.edition === 'classic' && accessAnalyzer.useApiServer;
    items.push({
      label: 'Access Analyzer',
      value: `${entryText(accessAnalyzer)}; ${edition}${api ? ', reads through the API server' : ''}`,
    });
  }
  if (siem.enabled) {
    items.push({
      label: 'Syslog / SIEM',
      value: `${entryText(siem)}; ${siem.transport} ${valueText(readSiemPort(plan), siem.port, String)}`,
    });
  }
  if (threatManager.enabled) {
    items.push({ label: 'Threat Manager', value: entryText(threatManager) });
  }
  if (threatPrevention.enabled) {
    items.push({
      label: 'Threat Prevention Enterprise Manager',
      value: entryText(threatPrevention),
    });
  }
  const { pushInstall, proxy, archive } = plan.deployment;
  if (pushInstall) {
    items.push({ label: 'Agent deployment', value: 'from the console (push install)' });
  }
  if (proxy.enabled) {
    items.push({
      label: 'Network proxy',
      value: `${entryText(proxy)}; port ${valueText(readProxyPort(plan), proxy.port, String)}`,
    });
  }
  if (archive.enabled) {
    items.push({ label: 'Log archive share', value: entryText(archive) });
  }
  const { dns, domainControllers, smtp, syslog } = plan.agentServices;
  const listText = (addresses: readonly string[]): string =>
    addresses.filter((a) => a.trim() !== '').join('; ') || MISSING;
  if (dns.enabled) items.push({ label: 'Agent DNS servers', value: listText(dns.addresses) });
  if (domainControllers.enabled) {
    items.push({
      label: 'Agent domain controllers',
      value: listText(domainControllers.addresses),
    });
  }
  if (smtp.enabled) {
    items.push({
      label: 'Inactivity alerts by e-mail (SMTP)',
      value: `${entryText(smtp)}; port ${valueText(readAgentServicePort(plan, 'smtp'), smtp.port, String)}`,
    });
  }
  if (syslog.enabled) {
    items.push({
      label: 'Inactivity alerts by syslog',
      value: `${entryText(syslog)}; ${syslog.transport} ${valueText(readAgentServicePort(plan, 'syslog'), syslog.port, String)}`,
    });
  }
  return items;
}

function summarizeOptions(plan: Plan, catalog: Catalog): SummaryItem[] {
  const { rpcRange, ports, showInferred } = plan.settings;
  const rpc = readRpcRange(plan);
  const items: SummaryItem[] = [
    {
      label: 'Dynamic RPC range',
      value: rpc.ok
        ? `${rpc.value.from}-${rpc.value.to}`
        : `“${String(rpcRange.from)}-${String(rpcRange.to)}” (invalid)`,
    },
  ];
  for (const setting of catalog.settings) {
    // The SIEM port lives in plan.integrations.siem (shown with the SIEM in the topology), the
    // SMTP and syslog alert ports in plan.agentServices (shown with them below).
    if (setting.scope !== 'global' || keptElsewhere(setting)) continue;
    items.push({
      label: setting.name,
      value: valueText(
        readPortSetting(plan, undefined, setting.id, catalog),
        ports[setting.id],
        String,
      ),
    });
  }
  for (const id of Object.keys(ports).sort()) {
    if (!catalog.settings.some((s) => s.id === id)) {
      items.push({ label: id, value: String(ports[id]) });
    }
  }
  items.push({
    label: 'Inferred rules',
    value: showInferred ? 'shown (marked inferred)' : 'hidden',
  });
  return items;
}

function collectErrata(rules: readonly ResolvedRule[], catalog: Catalog): ReportErratum[] {
  const ids = unique(rules.flatMap((r) => r.errata));
  const number = (id: string) => Number(id.replace(/\D/g, '')) || 0;
  return ids
    .sort((a, b) => number(a) - number(b) || a.localeCompare(b))
    .map((id) => {
      const erratum = catalog.errata.find((e) => e.id === id);
      return {
        id,
        title: erratum?.title ?? 'Erratum not in this catalog',
        reading: erratum?.reading ?? '',
      };
    });
}

/** The draft stamp of a plan whose checks hold errors; null when they hold none. */
export function draftOf(checks: readonly PlanCheck[]): ReportDraft | null {
  const errors = checks.filter((c) => c.severity === 'error').length;
  if (errors === 0) return null;
  const count = errors === 1 ? '1 plan error: fix it' : `${errors} plan errors: fix them`;
  return { errors, stamp: `DRAFT \u2014 ${count} before filing` };
}

export function buildReport(input: BuildReportInput): Report {
  const { plan, resolution, catalog, permalink, generatedAt } = input;
  const rules = resolution.rules;
  const hosts = buildHostSections(resolution, plan, catalog);
  // The zones' analysis runs once, here, for every part of the report that reads it.
  const zones =
    input.zones && !isZoneModelEmpty(input.zones) ? reportZoneView(input.zones, rules) : null;
  const sheet = rules.map((rule) => {
    const row = ruleRow(rule, catalog, zones);
    return { row, compact: compactRow(rule, row) };
  });
  return {
    title: `Firewall rules: ${plan.name}`,
    meta: {
      planName: plan.name,
      catalogVersion: catalog.version,
      docsRevision: formatDocsRevision(catalog.docsRevision),
      amVersion: plan.amVersion,
      permalink,
      date: formatDate(generatedAt),
      generator: GENERATOR_NAME,
    },
    summary: {
      topology: summarizeTopology(plan),
      devices: summarizeDevices(plan, catalog),
      options: summarizeOptions(plan, catalog),
    },
    columns: zones ? ZONED_RULE_SHEET_COLUMNS : RULE_SHEET_COLUMNS,
    rows: sheet.map((s) => s.row),
    compactRows: sheet.map((s) => s.compact),
    rules: rules.map((rule) => reportRule(rule, catalog)),
    hosts,
    flows: zones ? zonedFlowsOf(resolution, zones) : atomicFlows(resolution),
    notes: unique(rules.flatMap((r) => r.notes)),
    errata: collectErrata(rules, catalog),
    checks: resolution.checks.map((c) => ({ ...c })),
    draft: draftOf(resolution.checks),
    plan,
    ...(zones ? { zones: zones.zones } : {}),
  };
}

function zonedFlowsOf(resolution: Resolution, zones: ReportZoneView): Report['flows'] {
  const flows = atomicFlows(resolution);
  return { ...flows, flows: zonedFlows(flows.flows, zones) };
}
