/** Small builders shared by the rule files (keeps the data readable). */
import type { Condition, PortItem, VendorRow } from '@/core/catalog/model';

export const port = (p: number): PortItem => ({ kind: 'port', port: p });
export const range = (from: number, to: number): PortItem => ({ kind: 'range', from, to });
export const rpcDynamic: PortItem = { kind: 'named', set: 'rpc-dynamic' };
export const wmi: PortItem = { kind: 'named', set: 'wmi' };
export const setting = (id: string): PortItem => ({ kind: 'setting', setting: id });

export const option = (id: string, values: readonly (string | boolean)[]): Condition => ({
  kind: 'option',
  option: id,
  in: values,
});
export const all = (...conditions: Condition[]): Condition => ({ kind: 'all', conditions });
export const any = (...conditions: Condition[]): Condition => ({ kind: 'any', conditions });

/** A row of the vendor page, verbatim as rendered (Markdown escapes such as \* removed). */
export const vendorRow = (
  table: string,
  direction: string,
  protocol: string,
  ports: string,
  description: string,
): VendorRow => ({ table, direction, protocol, ports, description });

/** Inferred notes naming Microsoft cloud endpoints. */
export const MS_ENDPOINTS = {
  login: 'login.microsoftonline.com (Entra ID sign-in)',
  graph: 'graph.microsoft.com (Microsoft Graph)',
  manage: 'manage.office.com (Office 365 Management API)',
  blob: '*.blob.core.windows.net (Azure Blob Storage, the "logs" storage account)',
  sharepoint: '<tenant>.sharepoint.com (SharePoint)',
} as const;

export function endpointsNote(...hosts: string[]): string {
  return `Inferred: endpoints behind "the tenant" are ${hosts.join(', ')}. If the agent uses a network proxy (agent properties, Network Proxy tab), open this flow to the proxy instead.`;
}
