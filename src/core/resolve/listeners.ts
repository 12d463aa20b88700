/**
 * The ports the agent hosts listen on, found while resolving (for the port-conflict checks):
 * each configurable or fixed port of a rule whose destination is an agent host.
 */
import type { Catalog, CatalogRule, Environment } from '@/core/catalog/model';

import type { PlanDevice } from './devices';
import type { ResolvedHost } from './model';
import type { Listener } from './plan-checks';

export function listenersOf(
  application: { rule: CatalogRule; environment: Environment; device?: PlanDevice },
  destination: readonly ResolvedHost[],
  agentIdentities: ReadonlySet<string>,
  identityOf: (host: ResolvedHost) => string,
  settingValue: (setting: string) => number | null,
  catalog: Catalog,
): Listener[] {
  const { rule, environment, device: pd } = application;
  const device = pd?.device;
  const out: Listener[] = [];
  for (const host of destination) {
    const hostId = identityOf(host);
    if (!agentIdentities.has(hostId)) continue;
    for (const item of rule.ports) {
      if (item.kind === 'setting') {
        const setting = catalog.settings.find((s) => s.id === item.setting);
        const deviceScope = setting?.scope === 'device' && pd !== undefined;
        const port = settingValue(item.setting);
        // An invalid port is a plan check of its own; it listens nowhere yet.
        if (port === null) continue;
        out.push({
          hostIdentity: hostId,
          hostLabel: host.label,
          port,
          listener: `setting:${item.setting}`,
          settingId: item.setting,
          what: `the ${setting?.name ?? item.setting}${device ? ` of device "${device.name}"` : ''}`,
          field: deviceScope
            ? `devices.${pd.index}.options.${item.setting}`
            : `settings.ports.${item.setting}`,
          deviceScope,
        });
      } else if (item.kind === 'port') {
        out.push({
          hostIdentity: hostId,
          hostLabel: host.label,
          port: item.port,
          listener: `fixed:${item.port}`,
          what: `${rule.description || rule.service} (${environment.name}${device ? `, device "${device.name}"` : ''})`,
          field: pd ? `devices.${pd.index}.agentId` : '',
          deviceScope: false,
        });
      }
    }
  }
  return out;
}
