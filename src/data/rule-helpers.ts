/** Small builders shared by the rule files (keeps the data readable). */
import type { Condition, PortItem, WindowsRuleGroup } from '@/core/catalog/model';

export const port = (p: number): PortItem => ({ kind: 'port', port: p });
export const rpcDynamic: PortItem = { kind: 'named', set: 'rpc-dynamic' };

/**
 * Windows Firewall's predefined rule group for WMI. Microsoft names it "Windows Management
 * Instrumentation (WMI)" ("Connecting to WMI Remotely", learn.microsoft.com/windows/win32/wmisdk/
 * connecting-to-wmi-remotely-starting-with-vista: `netsh advfirewall firewall set rule
 * group="windows management instrumentation (wmi)" new enable=yes`); its inbound rules are
 * WMI-RPCSS-In-TCP (TCP 135, RPCSS), WMI-WINMGMT-In-TCP (the dynamic RPC ports of winmgmt) and
 * WMI-ASYNC-In-TCP (unsecapp.exe), each in a Domain and a Private/Public variant. Each rule holds
 * the group as the resource string @FirewallAPI.dll,-34251 (EmbedCtxt of the rules Windows
 * ships), which does not change with the language of Windows, unlike the display name.
 */
export const WMI_RULE_GROUP: WindowsRuleGroup = {
  displayGroup: 'Windows Management Instrumentation (WMI)',
  group: '@FirewallAPI.dll,-34251',
};
export const wmi: PortItem = { kind: 'named', set: 'wmi', windowsRuleGroup: WMI_RULE_GROUP };

/** The note of every rule that opens WMI: what the PowerShell script does, and its fallback. */
export const WMI_RULE_GROUP_NOTE = `On Windows, enable the predefined inbound rule group "${WMI_RULE_GROUP.displayGroup}" for these sources only, rather than opening TCP 135 and the dynamic RPC range by hand: the PowerShell script does so (and -Remove puts the group back as it was); opening 135 and the range with a rule of its own is the fallback (-NoPredefinedGroups).`;
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
