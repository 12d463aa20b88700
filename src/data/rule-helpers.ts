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
