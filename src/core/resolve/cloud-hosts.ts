/**
 * The hosts of the Microsoft cloud: a rule to a role of kind "cloud" reaches the FQDN endpoints
 * it names (CatalogRule.cloudEndpoints). Each endpoint becomes one host, the same object for the
 * same FQDN, so flows to the same FQDNs merge. An FQDN with "{tenant}" is filled with the name of
 * the tenant the device uses (deviceTenant); while the plan gives none it is a placeholder, and
 * a tenant it cannot be filled from marks the host invalid (never a live rule).
 */
import type { Catalog, CloudEndpoint } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';
import { deviceTenant } from '@/core/plan/plan-hosts';
import { validateHostName } from '@/core/validate/host-name';
import { quoteInput } from '@/core/validate/quote';

import type { ResolvedHost } from './model';

/** The placeholder of the tenant in a catalog FQDN. */
export const TENANT_PLACEHOLDER = '{tenant}';

const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const NAME_ONLY = new RegExp(`^(${LABEL})$`);
const INITIAL_DOMAIN = new RegExp(`^(${LABEL})\\.onmicrosoft\\.com$`);

/**
 * The name of a tenant, as in contoso.sharepoint.com: "contoso" for "contoso" and for
 * "contoso.onmicrosoft.com" (its initial domain). null for a tenant ID, another domain, or a
 * text that is not a valid name: the SharePoint host name cannot be derived from those.
 */
export function tenantName(tenant: string): string | null {
  const text = tenant.trim().toLowerCase();
  if (text === '' || TENANT_ID.test(text) || validateHostName(text) !== null) return null;
  return NAME_ONLY.exec(text)?.[1] ?? INITIAL_DOMAIN.exec(text)?.[1] ?? null;
}

/** Whether a catalog FQDN needs the tenant's name. */
export function needsTenant(endpoint: CloudEndpoint): boolean {
  return endpoint.fqdn.includes(TENANT_PLACEHOLDER);
}

/** The FQDN as shown while the tenant is unknown: "<tenant>.sharepoint.com". */
export function patternText(fqdn: string): string {
  return fqdn.replace(TENANT_PLACEHOLDER, '<tenant>');
}

/** Why the tenant cannot fill an FQDN, in words; null when it can (or is empty). */
export function tenantProblem(tenant: string, field: string): string | null {
  const text = tenant.trim();
  if (text === '' || tenantName(text) !== null) return null;
  const error = validateHostName(text);
  if (error) return `The Microsoft tenant (${field}): ${error.replace(/\.$/, '')}`;
  return `The SharePoint host name cannot be derived from the tenant ${quoteInput(text)} (${field}): enter the tenant's name (contoso) or its initial domain (contoso.onmicrosoft.com)`;
}

export interface CloudHosts {
  /** The hosts of the endpoints of one rule application (a device's, or the plan's tenant). */
  hostsOf: (endpoints: readonly string[], deviceIndex: number | undefined) => ResolvedHost[];
}

export function cloudHosts(plan: Plan, catalog: Catalog): CloudHosts {
  const byId = new Map(catalog.cloudEndpoints.map((e) => [e.id, e]));
  const made = new Map<string, ResolvedHost>();

  const hostOf = (endpoint: CloudEndpoint, deviceIndex: number | undefined): ResolvedHost => {
    const tenant =
      deviceIndex === undefined
        ? { tenant: plan.microsoftTenant, field: 'microsoftTenant' }
        : deviceTenant(plan, deviceIndex);
    let address = endpoint.fqdn;
    let key = endpoint.fqdn;
    let problem: string | null = null;
    if (needsTenant(endpoint)) {
      const name = tenantName(tenant.tenant);
      if (name !== null) {
        address = endpoint.fqdn.replace(TENANT_PLACEHOLDER, name);
        key = address;
      } else {
        problem = tenantProblem(tenant.tenant, tenant.field);
        address = problem === null ? '' : patternText(endpoint.fqdn);
        key = `${endpoint.id}@${tenant.field}`;
      }
    }
    key = key.toLowerCase();
    const known = made.get(key);
    if (known) return known;
    const host: ResolvedHost = {
      label: endpoint.name,
      address,
      ref: { kind: 'cloud', endpoint: endpoint.id, key },
      ...(problem ? { invalid: { message: problem } } : {}),
      cloud: {
        pattern: endpoint.fqdn,
        wildcard: endpoint.fqdn.startsWith('*.'),
        ...(endpoint.m365EndpointSet !== undefined
          ? { m365EndpointSet: endpoint.m365EndpointSet }
          : {}),
        ...(endpoint.serviceTag !== undefined ? { serviceTag: endpoint.serviceTag } : {}),
        basis: endpoint.basis,
        sources: [
          ...endpoint.sources.map((s) => ({ title: s.title, url: s.url })),
          { title: `Netwrix: ${endpoint.citation.section}`, url: endpoint.citation.url },
        ],
      },
    };
    made.set(key, host);
    return host;
  };

  return {
    hostsOf: (endpoints, deviceIndex) =>
      endpoints.flatMap((id) => {
        const endpoint = byId.get(id);
        return endpoint ? [hostOf(endpoint, deviceIndex)] : [];
      }),
  };
}
