/**
 * Pure helpers of the review step: filtering, sorting, counting, host grouping and the
 * mapping from a plan field path to the wizard step that edits it. No React here, so the
 * unit tests run it in Node.
 */
import type { HostFirewall } from '@/core/report/host-kind';
import type { ReportZoneView } from '@/core/report/zones';
import { reportZoneView } from '@/core/report/zones';
import { buildHostViews } from '@/core/resolve/host-views';
import { compareHosts } from '@/core/resolve/hosts';
import type {
  CheckSeverity,
  HostView,
  PlanCheck,
  ResolvedEndpoint,
  ResolvedHost,
  Resolution,
  ResolvedRule,
} from '@/core/resolve/model';
import type { StepId } from '@/core/wizard/steps';
import { stepHoldingField } from '@/core/wizard/steps';
import type { ZoneModel } from '@/core/zones/model';
import { isZoneModelEmpty } from '@/core/zones/model';

/**
 * The step whose form holds a plan field, from its path: each step of STEPS names the fields it
 * holds (src/core/wizard/steps.ts, stepHoldingField).
 */
export function stepForField(field: string): StepId {
  return stepHoldingField(field);
}

/** Router state handed to the step that holds the field ("Go to field"). */
export interface FocusFieldState {
  focusField: string;
}

export const SEVERITY_ORDER: readonly CheckSeverity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABELS: Record<CheckSeverity, string> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Notes',
};

/** Checks grouped by severity, errors first; empty groups are left out. */
export function groupChecks(
  checks: readonly PlanCheck[],
): { severity: CheckSeverity; checks: PlanCheck[] }[] {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    checks: checks.filter((c) => c.severity === severity),
  })).filter((g) => g.checks.length > 0);
}

/** Environment names of a rule's reasons, de-duplicated, in order. */
export function environmentNames(rule: ResolvedRule): string[] {
  return [...new Set(rule.reasons.map((r) => r.environmentName))];
}

/** "Agent server 1 (10.0.0.5)"; the label alone when the address is missing. */
export function hostText(host: ResolvedHost): string {
  return host.address ? `${host.label} (${host.address})` : host.label;
}

/** Text of an endpoint for sorting and plain output: role name, then its hosts. */
export function endpointText(endpoint: ResolvedEndpoint): string {
  return [endpoint.roleName, ...endpoint.hosts.map(hostText)].join(' ');
}

/** Whether any host of the endpoint lacks an address (or it has no host at all). */
export function endpointMissesAddress(endpoint: ResolvedEndpoint): boolean {
  return endpoint.hosts.length === 0 || endpoint.hosts.some((h) => !h.address);
}

/**
 * Each rule's search text, built once per rule list (the resolution's rules are replaced, never
 * changed): the planner builds it while idle before the review opens (warm-review.ts).
 */
const SEARCH_TEXTS = new WeakMap<readonly ResolvedRule[], ReadonlyMap<ResolvedRule, string>>();

export function searchTextsOf(rules: readonly ResolvedRule[]): ReadonlyMap<ResolvedRule, string> {
  let texts = SEARCH_TEXTS.get(rules);
  if (!texts) {
    texts = new Map(rules.map((r) => [r, ruleSearchText(r)]));
    SEARCH_TEXTS.set(rules, texts);
  }
  return texts;
}

/** Lower-case text a filter term is matched against. */
export function ruleSearchText(rule: ResolvedRule): string {
  const parts: string[] = [
    rule.id,
    endpointText(rule.source),
    endpointText(rule.destination),
    rule.transport,
    rule.portsText,
    ...rule.ports.map((p) => p.label),
    rule.service,
    rule.description,
    rule.basis,
    ...rule.errata,
    ...rule.notes,
    // A cloud destination is found by its service tag too (and its pattern: "{tenant}...").
    ...rule.destination.hosts.flatMap((h) =>
      h.cloud ? [h.cloud.pattern, h.cloud.serviceTag ?? ''] : [],
    ),
  ];
  for (const reason of rule.reasons) {
    parts.push(reason.environmentName, reason.environmentId, reason.ruleId);
    if (reason.deviceName) parts.push(reason.deviceName);
    if (reason.condition) parts.push(reason.condition);
  }
  return parts.join('\n').toLowerCase();
}

/** Splits a filter into lower-case terms ("quoted phrases" stay whole); every term must match. */
export function filterTerms(query: string): string[] {
  const terms: string[] = [];
  for (const m of query.toLowerCase().matchAll(/"([^"]*)"?|(\S+)/g)) {
    const term = (m[1] ?? m[2] ?? '').trim();
    if (term) terms.push(term);
  }
  return terms;
}

function termMatches(rule: ResolvedRule, text: string, term: string): boolean {
  if (text.includes(term)) return true;
  if (/^\d{1,5}$/.test(term)) {
    const port = Number(term);
    return rule.ports.some((p) => p.from <= port && port <= p.to);
  }
  return false;
}

/**
 * Rules that match every term of the query. A term matches any text of the rule (hosts,
 * addresses, protocol, service, environment, device, rule id ...); a number also matches a
 * rule whose port ranges contain it ("50000" matches 49152-65535).
 * `textOf` lets callers pass a memoised search text.
 */
export function filterRules(
  rules: readonly ResolvedRule[],
  query: string,
  textOf: (rule: ResolvedRule) => string = ruleSearchText,
): ResolvedRule[] {
  const terms = filterTerms(query);
  if (terms.length === 0) return [...rules];
  return rules.filter((rule) => {
    const text = textOf(rule);
    return terms.every((term) => termMatches(rule, text, term));
  });
}

export type SortKey =
  'id' | 'source' | 'destination' | 'protocol' | 'ports' | 'service' | 'environment';
export type SortDirection = 'asc' | 'desc';

export interface RuleSort {
  key: SortKey;
  direction: SortDirection;
}

/** Column titles, in column order. */
export const SORT_LABELS: Record<SortKey, string> = {
  id: 'Rule',
  source: 'Source',
  destination: 'Destination',
  protocol: 'Protocol',
  ports: 'Ports',
  service: 'Service',
  environment: 'Environment',
};

/** Clicking a column header: a new column sorts ascending, the same one flips direction. */
export function nextSort(prev: RuleSort | null, key: SortKey): RuleSort {
  return prev?.key === key
    ? { key, direction: prev.direction === 'asc' ? 'desc' : 'asc' }
    : { key, direction: 'asc' };
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function comparePorts(a: ResolvedRule, b: ResolvedRule): number {
  const n = Math.min(a.ports.length, b.ports.length);
  for (let i = 0; i < n; i += 1) {
    const pa = a.ports[i];
    const pb = b.ports[i];
    if (!pa || !pb) break;
    if (pa.from !== pb.from) return pa.from - pb.from;
    if (pa.to !== pb.to) return pa.to - pb.to;
  }
  return a.ports.length - b.ports.length;
}

function compareBy(key: SortKey, a: ResolvedRule, b: ResolvedRule): number {
  switch (key) {
    case 'id':
      return collator.compare(a.id, b.id);
    case 'source':
      return collator.compare(endpointText(a.source), endpointText(b.source));
    case 'destination':
      return collator.compare(endpointText(a.destination), endpointText(b.destination));
    case 'protocol':
      return collator.compare(a.transport, b.transport);
    case 'ports':
      return comparePorts(a, b);
    case 'service':
      return collator.compare(a.service, b.service);
    case 'environment':
      return collator.compare(environmentNames(a).join(', '), environmentNames(b).join(', '));
  }
}

/**
 * A sorted copy. Ties keep the resolver's order (the sort is stable), so the output is
 * deterministic; descending reverses the key, not the ties.
 */
export function sortRules(
  rules: readonly ResolvedRule[],
  key: SortKey,
  direction: SortDirection,
): ResolvedRule[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rules].sort((a, b) => sign * compareBy(key, a, b));
}

/** Number of distinct hosts the rules name (the hosts of the per-host view). */
export function countHosts(rules: readonly ResolvedRule[]): number {
  return buildHostViews({ rules: [...rules], checks: [] }).length;
}

export interface ReviewSummary {
  rules: number;
  inferred: number;
  hosts: number;
  errors: number;
  warnings: number;
  infos: number;
}

const ZONE_VIEWS = new WeakMap<
  ZoneModel,
  WeakMap<readonly ResolvedRule[], ReportZoneView | null>
>();

/**
 * The plan's zones analysed for the review (report/zones.ts), once per zone model and rule list
 * (see searchTextsOf); null without zones.
 */
export function zoneViewOf(
  model: ZoneModel,
  rules: readonly ResolvedRule[],
): ReportZoneView | null {
  let byRules = ZONE_VIEWS.get(model);
  if (!byRules) {
    byRules = new WeakMap();
    ZONE_VIEWS.set(model, byRules);
  }
  let view = byRules.get(rules);
  if (view === undefined) {
    view = isZoneModelEmpty(model) ? null : reportZoneView(model, rules);
    byRules.set(rules, view);
  }
  return view;
}

const SUMMARIES = new WeakMap<Resolution, ReviewSummary>();

/** `summarize` of a resolution, once per resolution (see searchTextsOf). */
export function summaryOf(resolution: Resolution): ReviewSummary {
  let summary = SUMMARIES.get(resolution);
  if (!summary) {
    summary = summarize(resolution.rules, resolution.checks);
    SUMMARIES.set(resolution, summary);
  }
  return summary;
}

export function summarize(
  rules: readonly ResolvedRule[],
  checks: readonly PlanCheck[],
): ReviewSummary {
  return {
    rules: rules.length,
    inferred: rules.filter((r) => r.basis === 'inferred').length,
    hosts: countHosts(rules),
    errors: checks.filter((c) => c.severity === 'error').length,
    warnings: checks.filter((c) => c.severity === 'warning').length,
    infos: checks.filter((c) => c.severity === 'info').length,
  };
}

/** "1 rule", "3 rules". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** One line: "12 rules (3 inferred) between 7 hosts; 1 error, 2 warnings." */
export function summaryText(s: ReviewSummary): string {
  const inferred = s.inferred > 0 ? ` (${s.inferred} inferred)` : '';
  const counts = [
    s.errors > 0 ? plural(s.errors, 'error') : '',
    s.warnings > 0 ? plural(s.warnings, 'warning') : '',
    s.infos > 0 ? plural(s.infos, 'note') : '',
  ].filter((t) => t !== '');
  const checks = counts.length === 0 ? 'no plan checks' : counts.join(', ');
  return `${plural(s.rules, 'rule')}${inferred} between ${plural(s.hosts, 'host')}; ${checks}.`;
}

/** Styles that hide text visually but keep it for screen readers. */
export const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  padding: 0,
  margin: '-1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/** Lets MUI's TablePagination wrap on narrow screens instead of overflowing. */
/** The groups of "By host": servers with a firewall of their own first, then the rest. */
export type HostGroupId = 'own-firewall' | 'no-host-firewall';

export interface HostGroup {
  id: HostGroupId;
  views: HostView[];
}

/**
 * Host views in their groups (hosts with a firewall of their own, then appliances and cloud
 * endpoints), each group sorted by name then address; empty groups are left out.
 */
export function groupHostViews(
  views: readonly HostView[],
  firewallOf: (view: HostView) => HostFirewall,
): HostGroup[] {
  const own: HostView[] = [];
  const rest: HostView[] = [];
  for (const view of views) (firewallOf(view) === 'own' ? own : rest).push(view);
  const byName = (a: HostView, b: HostView) => compareHosts(a.host, b.host);
  return [
    { id: 'own-firewall' as const, views: own.sort(byName) },
    { id: 'no-host-firewall' as const, views: rest.sort(byName) },
  ].filter((g) => g.views.length > 0);
}

export const PAGINATION_SX = {
  '& .MuiTablePagination-toolbar': { flexWrap: 'wrap', justifyContent: 'flex-end', px: 0 },
  '& .MuiTablePagination-spacer': { display: { xs: 'none', sm: 'block' } },
} as const;
