/**
 * Step "bind ports": the ports of a rule application, from the catalog's port items and the
 * plan's values (read only through plan-values.ts). An invalid value leaves its item out and
 * becomes a problem of the rule; a proxied flow uses the proxy port.
 */
import type { Catalog, CatalogRule } from '@/core/catalog/model';
import type { PortRange } from '@/core/catalog/ports';
import { expandPortItems, mergePortRanges } from '@/core/catalog/ports';
import type { Device, Plan } from '@/core/plan/model';

import type { RuleProblem } from './model';
import type { InvalidValue, PlanValue } from './plan-values';
import { readPortSetting, readProxyPort } from './plan-values';

/** A problem from an invalid plan value. */
function problemOf(read: InvalidValue): RuleProblem {
  return { message: `${read.what}: ${read.error.replace(/\.$/, '')}` };
}

export interface RulePorts {
  ports: PortRange[];
  /** Port items that an invalid plan value left without a port, e.g. "Agent port". */
  unresolvedPorts: string[];
  problems: RuleProblem[];
  /** The value of a port setting for this application; null when the plan's value is invalid. */
  settingValue: (setting: string) => number | null;
}

export function rulePorts(
  rule: CatalogRule,
  plan: Plan,
  device: Device | undefined,
  catalog: Catalog,
  rpcRange: PlanValue<{ from: number; to: number }>,
  proxied: boolean,
): RulePorts {
  const problems: RuleProblem[] = [];
  const unresolvedPorts: string[] = [];
  const settingValues = new Map<string, number | null>();
  const settingValue = (setting: string): number | null => {
    const known = settingValues.get(setting);
    if (known !== undefined) return known;
    const read = readPortSetting(plan, device, setting, catalog);
    settingValues.set(setting, read.ok ? read.value : null);
    if (!read.ok) {
      problems.push(problemOf(read));
      unresolvedPorts.push(catalog.settings.find((s) => s.id === setting)?.name ?? setting);
    }
    return read.ok ? read.value : null;
  };
  if (proxied) {
    const proxyPort = readProxyPort(plan);
    if (proxyPort.ok) {
      return {
        ports: [{ from: proxyPort.value, to: proxyPort.value, label: 'proxy port' }],
        unresolvedPorts,
        problems,
        settingValue,
      };
    }
    return {
      ports: [],
      unresolvedPorts: ['proxy port'],
      problems: [problemOf(proxyPort)],
      settingValue,
    };
  }
  const usesRpc = rule.ports.some((item) => item.kind === 'named');
  if (usesRpc && !rpcRange.ok) {
    problems.push(problemOf(rpcRange));
    unresolvedPorts.push('dynamic RPC');
  }
  const items = rule.ports.filter(
    (item) =>
      !(item.kind === 'named' && !rpcRange.ok) &&
      !(item.kind === 'setting' && settingValue(item.setting) === null),
  );
  let ports = expandPortItems(items, {
    rpcRange: rpcRange.ok ? rpcRange.value : { from: 0, to: 0 },
    settingValue: (setting) => settingValue(setting) ?? 0,
    settings: catalog.settings,
  });
  // The RPC endpoint mapper (135) of a WMI set does not depend on the range.
  if (usesRpc && !rpcRange.ok) {
    for (const item of rule.ports) {
      if (item.kind === 'named' && item.set === 'wmi') {
        ports = mergePortRanges([...ports, { from: 135, to: 135, label: 'RPC endpoint mapper' }]);
      }
    }
  }
  return { ports, unresolvedPorts, problems, settingValue };
}
