/**
 * The cells of a per-host rule table ("Rules by host"), shared by the Markdown and PDF exports.
 */
import { hostsText } from './host-text';
import type { ReportHostRule } from './model';

/**
 * The peers of a host rule: "label (address)", "label (address missing)" or none; an FQDN with
 * its marks, Microsoft 365 endpoint set and Azure service tag.
 */
export function peersText(rule: ReportHostRule): string {
  if (rule.peers.length === 0) return '(none in the plan)';
  return hostsText(rule.peers, true);
}

/** Header of a host rule table; `peer` is "From" (inbound) or "To" (outbound). */
export function hostRuleHeader(peer: string, numberLabel: string): string[] {
  return [numberLabel, peer, `${peer} host`, 'Protocol', 'Ports', 'Service', 'Description'];
}

export function hostRuleCells(rule: ReportHostRule): string[] {
  return [
    rule.ruleId,
    rule.peerRole,
    peersText(rule),
    rule.transport,
    rule.portsText,
    rule.service,
    rule.problems.length > 0
      ? `${rule.description} NOT READY: ${rule.problems.join('; ')}.`
      : rule.description,
  ];
}
