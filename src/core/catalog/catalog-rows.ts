/**
 * The catalog as a flat list for the Port reference page and the catalog CSV:
 * one view per rule (names resolved, ports formatted with the default plan values),
 * search and version filtering, and the rule-sheet rows.
 */
import { DEFAULT_RPC_RANGE } from '@/core/plan/model';
import type { RuleSheetRow } from '@/core/report/columns';
import type { HostText } from '@/core/report/host-text';
import { endpointSetOf, fqdnIdText, hostsText, serviceTagOf } from '@/core/report/host-text';
import { patternText } from '@/core/resolve/cloud-hosts';

import type {
  AmVersion,
  Catalog,
  CatalogRule,
  Environment,
  EnvironmentGroup,
  Erratum,
} from './model';
import { ENVIRONMENT_GROUP_LABELS } from './model';
import type { PortRange } from './ports';
import { expandPortItems, formatPortRanges } from './ports';
import type { VersionedCitation } from './version-citations';
import { CITED_AM_VERSION, citationForVersion, ruleCitation } from './version-citations';

export interface CatalogRuleView {
  rule: CatalogRule;
  environment: Environment;
  sourceName: string;
  destinationName: string;
  /** Ports with the default plan values, e.g. "135, 139, 49152-65535". */
  portRanges: PortRange[];
  portsText: string;
  errata: Erratum[];
  /** The rule that replaces this documented row, when the vendor reading is corrected. */
  supersededBy?: CatalogRule;
  /** Versions the rule applies to (the rule's own, else the environment's). */
  versions: readonly AmVersion[];
  /** The FQDNs a cloud rule names (ruleCloudHosts); [] for other rules. */
  cloud: HostText[];
  /** Lower-case text the search box matches. */
  searchText: string;
}

export interface CatalogGroupView {
  group: EnvironmentGroup;
  label: string;
  environments: { environment: Environment; rules: CatalogRuleView[] }[];
}

const GROUP_ORDER = Object.keys(ENVIRONMENT_GROUP_LABELS) as EnvironmentGroup[];

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase();
}

/** One view per rule, ordered by environment group, environment, then catalog order. */
export function catalogRuleViews(catalog: Catalog): CatalogRuleView[] {
  const roleName = (id: string) => catalog.roles.find((r) => r.id === id)?.name ?? id;
  const settingDefault = (id: string) => catalog.settings.find((s) => s.id === id)?.default ?? 0;
  const views: CatalogRuleView[] = [];
  const environments = [...catalog.environments].sort(
    (a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group),
  );
  for (const environment of environments) {
    for (const rule of catalog.rules.filter((r) => r.environment === environment.id)) {
      const portRanges = expandPortItems(rule.ports, {
        rpcRange: DEFAULT_RPC_RANGE,
        settingValue: settingDefault,
        settings: catalog.settings,
      });
      const errata = (rule.errata ?? []).flatMap((id) => {
        const e = catalog.errata.find((x) => x.id === id);
        return e ? [e] : [];
      });
      const supersededBy = rule.supersededBy
        ? catalog.rules.find((r) => r.id === rule.supersededBy)
        : undefined;
      const sourceName = roleName(rule.source);
      const destinationName = roleName(rule.destination);
      const portsText = formatPortRanges(portRanges);
      const cloud = ruleCloudHosts(rule, catalog);
      const searchText = normalize(
        [
          environment.name,
          ...environment.aliases,
          ENVIRONMENT_GROUP_LABELS[environment.group],
          rule.id,
          sourceName,
          destinationName,
          rule.transport,
          portsText,
          rule.service,
          rule.description,
          rule.condition?.text ?? '',
          rule.basis,
          ...(rule.notes ?? []),
          ...(rule.vendorRow ? Object.values(rule.vendorRow) : []),
          ...errata.flatMap((e) => [e.id, e.title]),
          ...cloud.flatMap((h) => [h.label, h.address]),
        ].join(' \n '),
      );
      views.push({
        rule,
        environment,
        sourceName,
        destinationName,
        portRanges,
        portsText,
        errata,
        ...(supersededBy ? { supersededBy } : {}),
        versions: rule.versions ?? environment.versions,
        cloud,
        searchText,
      });
    }
  }
  return views;
}

export type VersionFilter = AmVersion | 'all';

/** A term matches at the start of a word: "ad" finds "Azure AD" but not "read". */
function wordStart(term: string): RegExp {
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');
}

/**
 * Search: every whitespace-separated term must match. A term of digits matches a rule whose
 * ports (default values) contain that port, e.g. "49152" matches 49152-65535; other terms match,
 * at the start of a word, environment names and aliases, roles, protocol, service, description, condition and notes.
 */
export function filterRuleViews(
  views: readonly CatalogRuleView[],
  query: string,
  version: VersionFilter = 'all',
): CatalogRuleView[] {
  const terms = normalize(query).trim().split(' ').filter(Boolean);
  return views.filter((view) => {
    if (version !== 'all' && !view.versions.includes(version)) return false;
    return terms.every((term) => {
      if (/^\d{1,5}$/.test(term)) {
        const port = Number(term);
        return view.portRanges.some((r) => r.from <= port && port <= r.to);
      }
      return wordStart(term).test(view.searchText);
    });
  });
}

/** Groups views by environment group and environment, in display order. */
export function groupRuleViews(views: readonly CatalogRuleView[]): CatalogGroupView[] {
  const groups: CatalogGroupView[] = [];
  for (const view of views) {
    let group = groups.find((g) => g.group === view.environment.group);
    if (!group) {
      group = {
        group: view.environment.group,
        label: ENVIRONMENT_GROUP_LABELS[view.environment.group],
        environments: [],
      };
      groups.push(group);
    }
    let env = group.environments.find((e) => e.environment.id === view.environment.id);
    if (!env) {
      env = { environment: view.environment, rules: [] };
      group.environments.push(env);
    }
    env.rules.push(view);
  }
  return groups;
}

export { citationProduct } from './version-citations';

/**
 * The vendor link of a rule on the Port reference: for one version, the page of that version
 * (ruleCitation: the 10.0 page, labelled, where that version has none); for all versions, the
 * 10.0 page the catalog cites.
 */
export function referenceCitation(
  catalog: Catalog,
  rule: CatalogRule,
  version: VersionFilter,
): VersionedCitation {
  return version === 'all'
    ? citationForVersion(catalog, rule.citation, CITED_AM_VERSION)
    : ruleCitation(catalog, rule, version);
}

export const INFERRED_NOTE = 'Inferred: not stated as a port by the vendor docs.';

/** "Not applied" text for a documented row whose reading is corrected. */
export function supersededText(view: CatalogRuleView): string {
  if (!view.supersededBy) return '';
  const by = view.supersededBy;
  const ids = view.errata.map((e) => e.id).join(', ');
  return `Vendor reading (corrected${ids ? ` by ${ids}` : ''}): not applied; rule ${by.id} applies instead.`;
}

/** Notes column: inferred marker, superseded marker, errata readings, then the rule's notes. */
export function ruleNotes(view: CatalogRuleView): string[] {
  return [
    ...(view.rule.basis === 'inferred' ? [INFERRED_NOTE] : []),
    ...(view.supersededBy ? [supersededText(view)] : []),
    ...view.errata.map((e) => `${e.id} ${e.title}: ${e.reading}`),
    ...(view.rule.notes ?? []),
  ];
}

/** The FQDN endpoints a catalog rule names, as the sheets write hosts; [] for other rules. */
export function ruleCloudHosts(rule: CatalogRule, catalog: Catalog): HostText[] {
  if (!Array.isArray(rule.cloudEndpoints)) return [];
  return rule.cloudEndpoints.flatMap((id) => {
    const endpoint = catalog.cloudEndpoints.find((e) => e.id === id);
    if (!endpoint) return [];
    return [
      {
        label: endpoint.name,
        address: patternText(endpoint.fqdn),
        fqdn: {
          pattern: endpoint.fqdn,
          wildcard: endpoint.fqdn.startsWith('*.'),
          ...(endpoint.m365EndpointSet !== undefined
            ? { m365EndpointSet: endpoint.m365EndpointSet }
            : {}),
          ...(endpoint.serviceTag !== undefined ? { serviceTag: endpoint.serviceTag } : {}),
        },
      },
    ];
  });
}

/** What a "forwarded" cloud rule reaches, in words. */
export const FORWARDED_TEXT = "the FQDNs of the plan's cloud rules it carries";

/**
 * The whole catalog as rule-sheet rows. Hosts are empty (the catalog has roles, not hosts),
 * except the FQDNs of the cloud rules, which the catalog knows; the Rule column holds the catalog
 * rule id, as cited in docs/catalog.md.
 */
export function catalogSheetRows(catalog: Catalog): RuleSheetRow[] {
  return catalogRuleViews(catalog).map((view) => {
    const { cloud } = view;
    return {
      Rule: view.rule.id,
      Environment: view.environment.name,
      Source: view.sourceName,
      'Source host': '',
      Destination: view.destinationName,
      'Destination host':
        view.rule.cloudEndpoints === 'forwarded' ? `(${FORWARDED_TEXT})` : hostsText(cloud),
      'M365 endpoint set': fqdnIdText(cloud, endpointSetOf),
      'Azure service tag': fqdnIdText(cloud, serviceTagOf),
      Protocol: view.rule.transport,
      Ports: view.portsText,
      Service: view.rule.service,
      Description: view.rule.description,
      Condition: view.rule.condition?.text ?? '',
      Notes: ruleNotes(view).join(' | '),
      Reference: view.rule.citation.url,
    };
  });
}

export function catalogCsvFileName(catalog: Catalog): string {
  return `am-firewall-catalog-${catalog.version.replace(/[^\w.-]/g, '_')}.csv`;
}

/**
 * Environments with no rules of their own (Windows file servers, domain controllers, Linux):
 * the core console -> agent rule covers them. Shown on the reference page when the search
 * (text terms only) and version filter match.
 */
export function environmentsWithoutRules(
  catalog: Catalog,
  query: string,
  version: VersionFilter = 'all',
): Environment[] {
  const terms = normalize(query).trim().split(' ').filter(Boolean);
  return catalog.environments.filter((env) => {
    if (catalog.rules.some((r) => r.environment === env.id)) return false;
    if (version !== 'all' && !env.versions.includes(version)) return false;
    const text = normalize(
      [env.name, ...env.aliases, ENVIRONMENT_GROUP_LABELS[env.group], env.summary].join(' \n '),
    );
    return terms.every((t) => !/^\d{1,5}$/.test(t) && wordStart(t).test(text));
  });
}
