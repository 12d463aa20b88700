/**
 * The cells of a per-host rule table ("Rules by host"), shared by the Markdown and PDF exports.
 */
import { hostsText } from './host-text';
import type { ReportHostRule } from './model';

/**
 * The peers of a host rule: "label (address)", "label (address missing)" or none; an FQDN with
 * its marks, Microsoft 365 endpoint set and Azure service tag.
 */
export function peersText(rule: ReportHostRule, peerLimit = Infinity): string {
  if (rule.peers.length === 0) return '(none in the plan)';
  if (rule.peers.length <= peerLimit) return hostsText(rule.peers, true);
  const shown = Math.max(1, peerLimit - 1);
  const more = rule.peers.length - shown;
  return `${hostsText(rule.peers.slice(0, shown), true)}; and ${more} more (rule ${rule.ruleId} lists all ${rule.peers.length})`;
}

/** Header of a host rule table; `peer` is "From" (inbound) or "To" (outbound). */
export function hostRuleHeader(peer: string, numberLabel: string): string[] {
  return [numberLabel, peer, `${peer} host`, 'Protocol', 'Ports', 'Service', 'Description'];
}

/**
 * The cells of one host rule. `peerLimit` (the PDF's "Rules by host"): a rule with more peers
 * names the first ones and says how many more, pointing to the rule, which lists them all; the
 * per-host tables of a large plan then stay proportionate instead of repeating the rule sheet.
 */
export function hostRuleCells(rule: ReportHostRule, peerLimit = Infinity): string[] {
  return [
    rule.ruleId,
    rule.peerRole,
    peersText(rule, peerLimit),
    rule.transport,
    rule.portsText,
    rule.service,
    rule.problems.length > 0
      ? `${rule.description} NOT READY: ${rule.problems.join('; ')}.`
      : rule.description,
  ];
}
