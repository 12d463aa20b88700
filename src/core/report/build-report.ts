/**
 * plan + resolution + catalog -> the one Report every exporter renders.
 * Pure and deterministic: the date is passed in, never read from the clock.
 */
import type { Catalog, CatalogOption, OptionValue } from '@/core/catalog/model';
import { formatDocsRevision } from '@/core/catalog/provenance';
import type { Device, HostEntry, Plan } from '@/core/plan/model';
import { deviceTenant } from '@/core/plan/plan-hosts';
import type { PlanCheck, ResolvedEndpoint, ResolvedRule, Resolution } from '@/core/resolve/model';
import { ruleProblems } from '@/core/resolve/model';
import type { PlanValue } from '@/core/resolve/plan-values';
import {
  readOption,
  readPortSetting,
  readProxyPort,
  readRpcRange,
  readSiemPort,
} from '@/core/resolve/plan-values';

import type { RuleSheetRow } from './columns';
import { RULE_SHEET_COLUMNS } from './columns';
import { compactRow } from './compact-table';
import { buildHostSections } from './host-sections';
import type { Report, ReportDevice, ReportDraft, ReportErratum, SummaryItem } from './model';
import { GENERATOR_NAME } from './model';

export interface BuildReportInput {
  plan: Plan;
  resolution: Resolution;
  catalog: Catalog;
  permalink: string;
  /** The date stamped on the report; omitted: no date. */
  generatedAt?: Date;
}

const MISSING = 'address missing';

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

function formatDate(date: Date | undefined): string {
  if (!date || Number.isNaN(date.getTime())) return '';
  return date.toISOString().slice(0, 10);
}

function hostText(entry: HostEntry): string {
  return entry.address ? `${entry.name} (${entry.address})` : `${entry.name} (${MISSING})`;
}

export function formatEndpointHosts(endpoint: ResolvedEndpoint): string {
  if (endpoint.hosts.length === 0) return `(no ${endpoint.roleName} in the plan)`;
  return endpoint.hosts
    .map((h) =>
      h.address
        ? `${h.label} (${h.address}${h.invalid ? ', INVALID' : ''})`
        : `${h.label} (${MISSING})`,
    )
    .join('; ');
}

function ruleRow(rule: ResolvedRule, catalog: Catalog): RuleSheetRow {
  const conditions = unique(
    rule.reasons.map((r) =>
      r.condition ? (r.deviceName ? `${r.deviceName}: ${r.condition}` : r.condition) : '',
    ),
  );
  const errata = rule.errata.map((id) => {
    const erratum = catalog.errata.find((e) => e.id === id);
    return erratum ? `${id} (${erratum.title})` : id;
  });
  const problems = ruleProblems(rule);
  const notes = [
    ...(problems.length > 0
      ? [`NOT READY (no script opens it until fixed): ${problems.join('; ')}.`]
      : []),
    ...(rule.basis === 'inferred' ? ['Inferred: not stated in the vendor documentation.'] : []),
    ...rule.notes,
    ...(errata.length > 0 ? [`Errata: ${errata.join(', ')}.`] : []),
  ];
  return {
    Environment: unique(rule.reasons.map((r) => r.environmentName)).join('; '),
    Source: rule.source.roleName,
    'Source host': formatEndpointHosts(rule.source),
    Destination: rule.destination.roleName,
    'Destination host': formatEndpointHosts(rule.destination),
    Protocol: rule.transport,
    Ports: rule.portsText,
    Service: rule.service,
    Description: rule.description,
    Condition: conditions.join('; '),
    Notes: notes.join(' '),
    Reference: unique(rule.reasons.map((r) => r.reference)).join(' '),
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
  const { accessAnalyzer, siem, threatManager } = plan.integrations;
  const items: SummaryItem[] = [
    { label: 'Activity Monitor version', value: plan.amVersion },
    { label: 'Activity Monitor Console', value: hostText(plan.console) },
    {
      label: `Agent servers (${plan.agents.length})`,
      value: plan.agents.map(hostText).join('; ') || '(none)',
    },
    { label: 'Devices', value: String(plan.devices.length) },
  ];
  if (accessAnalyzer.enabled) {
    const edition = accessAnalyzer.edition === 'classic' ? 'classic' : 'Access Analyzer 26';
    const api = accessAnalyzer.edition === 'classic' && accessAnalyzer.useApiServer;
    items.push({
      label: 'Access Analyzer',
      value: `${hostText(accessAnalyzer)}; ${edition}${api ? ', reads through the API server' : ''}`,
    });
  }
  if (siem.enabled) {
    items.push({
      label: 'Syslog / SIEM',
      value: `${hostText(siem)}; ${siem.transport} ${valueText(readSiemPort(plan), siem.port, String)}`,
    });
  }
  if (threatManager.enabled) {
    items.push({ label: 'Threat Manager', value: hostText(threatManager) });
  }
  const { pushInstall, proxy, archive } = plan.deployment;
  if (pushInstall) {
    items.push({ label: 'Agent deployment', value: 'from the console (push install)' });
  }
  if (proxy.enabled) {
    items.push({
      label: 'Network proxy',
      value: `${hostText(proxy)}; port ${valueText(readProxyPort(plan), proxy.port, String)}`,
    });
  }
  if (archive.enabled) {
    items.push({ label: 'Log archive share', value: hostText(archive) });
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
    // The SIEM port lives in plan.integrations.siem (shown with the SIEM in the topology).
    if (setting.scope !== 'global' || setting.integration) continue;
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
  const sheet = rules.map((rule, i) => {
    const row = ruleRow(rule, catalog);
    return { row, compact: compactRow(rule, i + 1, row) };
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
    columns: RULE_SHEET_COLUMNS,
    rows: sheet.map((s) => s.row),
    compactRows: sheet.map((s) => s.compact),
    hosts: buildHostSections(resolution, plan, catalog),
    notes: unique(rules.flatMap((r) => r.notes)),
    errata: collectErrata(rules, catalog),
    checks: resolution.checks.map((c) => ({ ...c })),
    draft: draftOf(resolution.checks),
    plan,
  };
}
