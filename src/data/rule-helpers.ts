/** Small builders shared by the rule files (keeps the data readable). */
import type { Condition, PortItem } from '@/core/catalog/model';

export const port = (p: number): PortItem => ({ kind: 'port', port: p });
export const rpcDynamic: PortItem = { kind: 'named', set: 'rpc-dynamic' };
export const wmi: PortItem = { kind: 'named', set: 'wmi' };
export const setting = (id: string): PortItem => ({ kind: 'setting', setting: id });

export const option = (id: string, values: readonly (string | boolean)[]): Condition => ({
  kind: 'option',
  option: id,
  in: values,
});
/** Every condition of the list holds. */
export const all = (conditions: readonly Condition[]): Condition => ({ kind: 'all', conditions });
/** At least one condition of the list holds. */
export const any = (conditions: readonly Condition[]): Condition => ({ kind: 'any', conditions });

/** Inferred notes naming Microsoft cloud endpoints. */
export const MS_ENDPOINTS = {
  login: 'login.microsoftonline.com (Entra ID sign-in)',
  graph: 'graph.microsoft.com (Microsoft Graph)',
  manage: 'manage.office.com (Office 365 Management API)',
  blob: '*.blob.core.windows.net (Azure Blob Storage, the "logs" storage account)',
  sharepoint: '<tenant>.sharepoint.com (SharePoint)',
} as const;

/** The note naming the Microsoft endpoints (a list of MS_ENDPOINTS) behind "the tenant". */
export function endpointsNote(hosts: readonly string[]): string {
  return `Inferred: endpoints behind "the tenant" are ${hosts.join(', ')}. If the agent uses a network proxy (agent properties, Network Proxy tab), open this flow to the proxy instead.`;
}
