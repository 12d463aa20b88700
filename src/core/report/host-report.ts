/**
 * One host's share of a report, for the per-host downloads of "By host": the host's section
 * (so a script writes that host's rules only) and the atomic flows that start or end at it (so
 * its sheet lists what its own firewall sees). The rest of the report (meta, draft stamp, plan
 * summary) is kept: a per-host file says which plan it comes from, and is stamped like the
 * whole plan's.
 */
import type { Report, ReportHost } from './model';
import { zonesForHost } from './zones';

/** The host of the report with this identity (hostIdentity), if any. */
export function reportHost(report: Report, identity: string): ReportHost | undefined {
  return report.hosts.find((h) => h.identity === identity);
}

/** The report narrowed to one host; undefined when the report has no such host. */
export function reportForHost(report: Report, identity: string): Report | undefined {
  const host = reportHost(report, identity);
  if (!host) return undefined;
  const ids = new Set([...host.inbound, ...host.outbound].map((r) => r.ruleId));
  const mine = (address: string) => address !== '' && host.addresses.includes(address);
  const onlyMine = (rules: readonly string[]) => rules.filter((id) => ids.has(id));
  const { omitted } = report.flows;
  return {
    ...report,
    hosts: [host],
    flows: {
      flows: report.flows.flows.filter(
        (f) => ids.has(f.ruleId) && (mine(f.sourceAddress) || mine(f.destinationAddress)),
      ),
      omitted: {
        notReadyRules: onlyMine(omitted.notReadyRules),
        hostsWithoutAddress: onlyMine(omitted.hostsWithoutAddress),
      },
    },
    ...(report.zones ? { zones: zonesForHost(report.zones, host.addresses) } : {}),
  };
}
