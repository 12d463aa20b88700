import { describe, expect, it } from 'vitest';

import type { CatalogRule } from '@/core/catalog/model';
import { windowsRuleGroupOf } from '@/core/report/host-sections';
import type { ResolvedRule } from '@/core/resolve/model';

import { wmiCatalog, wmiResolution, WMI_GROUP } from '../../../fixtures/wmi-fixture';

const rules = wmiResolution().rules;
const byKey = (key: string): ResolvedRule => {
  const rule = rules.find((r) => r.key === key);
  if (!rule) throw new Error(`no rule ${key}`);
  return rule;
};
const wmi = byKey('console>agent|TCP|135,49152-65535');
const cee = byKey('cee>agent-1|TCP|135,49152-65535');

describe('windowsRuleGroupOf: the Windows predefined rule group of a resolved rule, from the catalog', () => {
  it('is the group of the named port set when every reason opens only that set', () => {
    expect(windowsRuleGroupOf(wmi, wmiCatalog)).toEqual(WMI_GROUP);
    const both = {
      ...wmi,
      reasons: [...wmi.reasons, ...byKey('access-analyzer>agent-1|TCP|135,49152-65535').reasons],
    };
    expect(windowsRuleGroupOf(both, wmiCatalog)).toEqual(WMI_GROUP);
  });

  it('is undefined for the same ports opened without a group (135 + the dynamic RPC range by hand)', () => {
    expect(windowsRuleGroupOf(cee, wmiCatalog)).toBeUndefined();
  });

  it('is undefined for a merged flow whose other reason opens other ports, or an unknown catalog rule', () => {
    const merged = { ...wmi, reasons: [...wmi.reasons, ...cee.reasons] };
    const rpcByHand: CatalogRule = {
      ...(wmiCatalog.rules[0] as CatalogRule),
      id: 'isilon-cee-agent',
      ports: [
        { kind: 'port', port: 135 },
        { kind: 'named', set: 'rpc-dynamic' },
      ],
    };
    expect(windowsRuleGroupOf(merged, { rules: [...wmiCatalog.rules, rpcByHand] })).toBeUndefined();
    expect(windowsRuleGroupOf(merged, wmiCatalog)).toBeUndefined();
    const otherGroup: CatalogRule = {
      ...(wmiCatalog.rules[1] as CatalogRule),
      ports: [
        {
          kind: 'named',
          set: 'wmi',
          windowsRuleGroup: { displayGroup: 'Other', group: '@FirewallAPI.dll,-1' },
        },
      ],
    };
    const aa = byKey('access-analyzer>agent-1|TCP|135,49152-65535');
    expect(
      windowsRuleGroupOf(
        { ...wmi, reasons: [...wmi.reasons, ...aa.reasons] },
        { rules: [wmiCatalog.rules[0] as CatalogRule, otherGroup] },
      ),
    ).toBeUndefined();
  });
});
