/**
 * Step "merge flows": rule applications with the same source hosts, destination hosts,
 * transport and ports (and the same problems) become one flow, with every reason kept. The
 * output order does not depend on the order of the input.
 */
import type { CatalogRule, ErratumId, Role } from '@/core/catalog/model';
import type { PortRange } from '@/core/catalog/ports';
import { formatPortRanges, mergePortRanges, portRangesKey } from '@/core/catalog/ports';

import type { ResolvedHost, ResolvedRule, RuleProblem, RuleReason } from './model';
import { ROLE_SEPARATOR } from './model';

/** A merged rule before it is numbered (./rule-ids.ts). */
export type MergedRule = Omit<ResolvedRule, 'id'>;

export interface FlowEntry {
  reason: RuleReason;
  sortKey: string;
  sourceRole: Role;
  destinationRole: Role;
  service: string;
  description: string;
  notes: readonly string[];
  errata: readonly ErratumId[];
  ports: PortRange[];
  /** Port items that an invalid plan value left without a port, e.g. "Agent port". */
  unresolvedPorts: string[];
  problems: RuleProblem[];
}

interface Flow {
  key: string;
  source: ResolvedHost[];
  destination: ResolvedHost[];
  transport: CatalogRule['transport'];
  entries: FlowEntry[];
}

const SEP = '\u0000';

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function erratumOrder(a: string, b: string): number {
  const na = Number(/\d+/.exec(a)?.[0] ?? NaN);
  const nb = Number(/\d+/.exec(b)?.[0] ?? NaN);
  if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb;
  return compareStrings(a, b);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** The sort key of an entry inside its flow: environment, device, rule. */
export function entrySortKey(parts: readonly string[]): string {
  return parts.join(SEP);
}

export interface FlowMerger {
  add: (
    endpoints: {
      source: ResolvedHost[];
      destination: ResolvedHost[];
      transport: CatalogRule['transport'];
    },
    entry: FlowEntry,
  ) => void;
  /** The merged, sorted rules. */
  rules: () => MergedRule[];
}

export function flowMerger(identityOf: (host: ResolvedHost) => string): FlowMerger {
  const flows = new Map<string, Flow>();
  const endpointKey = (hosts: ResolvedHost[]): string => hosts.map(identityOf).join(',');
  return {
    add: ({ source, destination, transport }, entry) => {
      const problemKey = entry.problems.map((p) => p.message).join(SEP);
      const key = `${endpointKey(source)}>${endpointKey(destination)}|${transport}|${portRangesKey(entry.ports)}${problemKey ? `|!${problemKey}` : ''}`;
      const flow = flows.get(key);
      if (flow) flow.entries.push(entry);
      else flows.set(key, { key, source, destination, transport, entries: [entry] });
    },
    rules: () => sortRules([...flows.values()].map(finishFlow)),
  };
}

function endpoint(role: Role, roleNames: string[], hosts: ResolvedHost[]): ResolvedRule['source'] {
  return { role: role.id, roleNames, roleName: roleNames.join(ROLE_SEPARATOR), hosts };
}

function finishFlow(flow: Flow): MergedRule {
  const entries = [...flow.entries].sort((a, b) => compareStrings(a.sortKey, b.sortKey));
  const seen = new Set<string>();
  const kept = entries.filter((e) => {
    const id = `${e.reason.ruleId}${SEP}${e.reason.deviceId ?? ''}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const [first] = kept;
  if (!first) throw new Error('unreachable: a flow has at least one entry');
  const ports = mergePortRanges(kept.flatMap((e) => e.ports));
  const unresolved = unique(kept.flatMap((e) => e.unresolvedPorts)).map((n) => `${n} (invalid)`);
  const problems = [
    ...new Map(kept.flatMap((e) => e.problems).map((p) => [p.message, p])).values(),
  ];
  return {
    key: flow.key,
    source: endpoint(first.sourceRole, unique(kept.map((e) => e.sourceRole.name)), flow.source),
    destination: endpoint(
      first.destinationRole,
      unique(kept.map((e) => e.destinationRole.name)),
      flow.destination,
    ),
    transport: flow.transport,
    ports: ports.map((p) => ({ from: p.from, to: p.to, label: p.label })),
    portsText: [formatPortRanges(ports), ...unresolved].filter((t) => t !== '').join(', '),
    service: unique(kept.map((e) => e.service).filter((s) => s !== '')).join(' / '),
    description: unique(kept.map((e) => e.description).filter((s) => s !== '')).join('; '),
    basis: kept.some((e) => e.reason.basis === 'documented') ? 'documented' : 'inferred',
    reasons: kept.map((e) => e.reason),
    notes: unique(kept.flatMap((e) => e.notes)),
    errata: unique(kept.flatMap((e) => e.errata)).sort(erratumOrder),
    ...(problems.length > 0 ? { problems } : {}),
  };
}

function endpointSortText(hosts: readonly ResolvedHost[], roleName: string): string {
  const [first] = hosts;
  if (!first) return roleName.toLowerCase();
  return `${(first.label || roleName).toLowerCase()}${SEP}${first.address.toLowerCase()}`;
}

/** Source, then destination, then transport, then first port; the key breaks ties. */
function sortRules(rules: MergedRule[]): MergedRule[] {
  const keyed = rules.map((rule) => ({
    rule,
    source: endpointSortText(rule.source.hosts, rule.source.roleName),
    destination: endpointSortText(rule.destination.hosts, rule.destination.roleName),
  }));
  keyed.sort(
    (a, b) =>
      compareStrings(a.source, b.source) ||
      compareStrings(a.destination, b.destination) ||
      compareStrings(a.rule.transport, b.rule.transport) ||
      (a.rule.ports[0]?.from ?? 0) - (b.rule.ports[0]?.from ?? 0) ||
      compareStrings(a.rule.key, b.rule.key),
  );
  return keyed.map((k) => k.rule);
}
