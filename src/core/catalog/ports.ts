/**
 * Port values: expanding catalog port items with a plan's values, merging and formatting.
 */
import type { NamedPortSet, PortItem, PortSetting, SettingId } from './model';

export interface PortRange {
  from: number;
  to: number;
  /** e.g. "dynamic RPC", "agent port"; empty for plain ports and ranges. */
  label: string;
}

export interface PortContext {
  rpcRange: { from: number; to: number };
  /** The value of a configurable port (plan value, else the setting's default). */
  settingValue: (setting: SettingId) => number;
  /** Setting names for labels; optional. */
  settings?: readonly PortSetting[];
}

export const NAMED_PORT_SET_LABELS: Record<NamedPortSet, string> = {
  'rpc-dynamic': 'dynamic RPC',
  wmi: 'WMI (predefined group)',
};

export function expandPortItems(items: readonly PortItem[], ctx: PortContext): PortRange[] {
  const out: PortRange[] = [];
  for (const item of items) {
    switch (item.kind) {
      case 'port':
        out.push({ from: item.port, to: item.port, label: '' });
        break;
      case 'range':
        out.push({ from: item.from, to: item.to, label: '' });
        break;
      case 'named':
        if (item.set === 'wmi') out.push({ from: 135, to: 135, label: 'RPC endpoint mapper' });
        out.push({ from: ctx.rpcRange.from, to: ctx.rpcRange.to, label: 'dynamic RPC' });
        break;
      case 'setting': {
        const value = ctx.settingValue(item.setting);
        const name = ctx.settings?.find((s) => s.id === item.setting)?.name ?? '';
        out.push({ from: value, to: value, label: name });
        break;
      }
    }
  }
  return mergePortRanges(out);
}

/** Sorts and merges overlapping or adjacent ranges; labels of merged pieces are joined. */
export function mergePortRanges(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: PortRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.from <= last.to + 1) {
      last.to = Math.max(last.to, r.to);
      if (r.label && !last.label.split(', ').includes(r.label)) {
        last.label = last.label ? `${last.label}, ${r.label}` : r.label;
      }
    } else {
      merged.push({ ...r });
    }
  }
  return merged;
}

/** "135, 139, 49152-65535" */
export function formatPortRanges(ranges: readonly PortRange[]): string {
  return ranges.map((r) => (r.from === r.to ? String(r.from) : `${r.from}-${r.to}`)).join(', ');
}

/** A stable key for a set of ranges (for merging identical flows). */
export function portRangesKey(ranges: readonly PortRange[]): string {
  return ranges.map((r) => `${r.from}-${r.to}`).join(',');
}
