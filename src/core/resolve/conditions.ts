/**
 * Evaluating catalog conditions against a plan (and a device for device rules).
 */
import { findOption } from '@/core/catalog/catalog';
import type { Catalog, Condition, OptionValue } from '@/core/catalog/model';
import type { Device, Plan } from '@/core/plan/model';

import type { RuleProblem } from './model';
import { optionDefault, readOption } from './plan-values';

function sameValue(a: OptionValue, b: OptionValue): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    const asBool = (v: OptionValue): boolean | string =>
      v === 'true' ? true : v === 'false' ? false : v;
    return asBool(a) === asBool(b);
  }
  return a === b;
}

/**
 * Whether a condition holds: true, false, or unknown when it reads an option whose value in the
 * plan is invalid (then `problems` receives why). The resolver keeps a rule whose condition is
 * unknown, with the problem, so that it is shown and never written as a live rule.
 */
export function evaluateCondition(
  condition: Condition,
  plan: Plan,
  device: Device | undefined,
  catalog: Catalog,
  problems: RuleProblem[] = [],
): boolean | 'unknown' {
  switch (condition.kind) {
    case 'option': {
      let value: OptionValue;
      if (device) {
        const read = readOption(plan, device, condition.option, catalog);
        if (!read.ok) {
          problems.push({ message: `${read.what}: ${read.error}` });
          return 'unknown';
        }
        value = read.value;
      } else {
        const option = findOption(catalog, condition.option);
        value = option ? optionDefault(catalog, option) : '';
      }
      return condition.in.some((v) => sameValue(v, value));
    }
    case 'integration': {
      const { accessAnalyzer, siem, threatManager, threatPrevention } = plan.integrations;
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
        case 'threatPrevention':
          return threatPrevention.enabled;
      }
      return false;
    }
    case 'agentService': {
      const { dns, domainControllers, smtp, syslog } = plan.agentServices;
      switch (condition.service) {
        case 'dns':
          return dns.enabled;
        case 'domainControllers':
          return domainControllers.enabled;
        case 'smtp':
          return smtp.enabled;
        case 'syslog':
          return (
            syslog.enabled &&
            (condition.edition === undefined || syslog.transport === condition.edition)
          );
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
    case 'all': {
      const results = condition.conditions.map((c) =>
        evaluateCondition(c, plan, device, catalog, problems),
      );
      if (results.includes(false)) return false;
      return results.includes('unknown') ? 'unknown' : true;
    }
    case 'any': {
      const results = condition.conditions.map((c) =>
        evaluateCondition(c, plan, device, catalog, problems),
      );
      if (results.includes(true)) return true;
      return results.includes('unknown') ? 'unknown' : false;
    }
  }
}
