/**
 * Evaluating catalog conditions against a plan (and a device for device rules).
 */
import type { Catalog, Condition, OptionValue } from '@/core/catalog/model';
import type { Device, Plan } from '@/core/plan/model';

import { optionValue } from './option-values';

function sameValue(a: OptionValue, b: OptionValue): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    const asBool = (v: OptionValue): boolean | string =>
      v === 'true' ? true : v === 'false' ? false : v;
    return asBool(a) === asBool(b);
  }
  return a === b;
}

/**
 * Whether a condition holds. Option conditions read the device's value (default when missing;
 * without a device, the option's default).
 */
export function evaluateCondition(
  condition: Condition,
  plan: Plan,
  device: Device | undefined,
  catalog: Catalog,
): boolean {
  switch (condition.kind) {
    case 'option': {
      const value = optionValue(device, condition.option, catalog);
      return condition.in.some((v) => sameValue(v, value));
    }
    case 'integration': {
      const { accessAnalyzer, siem, threatManager } = plan.integrations;
      switch (condition.integration) {
        case 'accessAnalyzer':
          return (
            accessAnalyzer.enabled &&
            (condition.edition === undefined || accessAnalyzer.edition === condition.edition)
          );
        case 'accessAnalyzerApi':
          return (
            accessAnalyzer.enabled &&
            accessAnalyzer.edition === 'classic' &&
            accessAnalyzer.useApiServer
          );
        case 'siem':
          return (
            siem.enabled &&
            (condition.edition === undefined || siem.transport === condition.edition)
          );
        case 'threatManager':
          return threatManager.enabled;
      }
      return false;
    }
    case 'deployment': {
      const { pushInstall, proxy, archive } = plan.deployment;
      switch (condition.feature) {
        case 'pushInstall':
          return pushInstall;
        case 'proxy':
          return proxy.enabled;
        case 'archive':
          return archive.enabled;
      }
      return false;
    }
    case 'all':
      return condition.conditions.every((c) => evaluateCondition(c, plan, device, catalog));
    case 'any':
      return condition.conditions.some((c) => evaluateCondition(c, plan, device, catalog));
  }
}
