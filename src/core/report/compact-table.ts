/**
 * The compact rule table of "Copy table": what a ticket needs, one row per rule, six columns:
 * the rule's ID (R07, as in every sheet, the PDF and the scripts' "Rule R07" comments),
 * its source and destination (hosts with addresses, then the role), protocol, ports, and its
 * purpose in one line. Notes, references and conditions stay in the CSV, Markdown and PDF;
 * a rule that is not ready, or inferred, says so in its purpose.
 */
import type { ResolvedRule } from '@/core/resolve/model';
import { ruleProblems } from '@/core/resolve/model';

import type { RuleSheetRow } from './columns';

export const COMPACT_COLUMNS = ['Rule', 'From', 'To', 'Protocol', 'Port(s)', 'Purpose'] as const;

export type CompactColumn = (typeof COMPACT_COLUMNS)[number];
export type CompactRow = Record<CompactColumn, string>;

/** "Agent NYC (10.0.0.5); Agent LON (address missing) [Activity Agent Server]". */
function endpointCell(hosts: string, role: string): string {
  // Without hosts the sheet's cell already names the role: "(no CEE Server in the plan)".
  if (role === '' || hosts.startsWith('(no ')) return hosts;
  return `${hosts} [${role}]`;
}

function purposeCell(rule: ResolvedRule, row: RuleSheetRow): string {
  const problems = ruleProblems(rule);
  const what = [row.Service, row.Description].filter((t) => t !== '').join(': ');
  return [
    ...(problems.length > 0 ? [`NOT READY: ${problems.join('; ')}.`] : []),
    what,
    ...(rule.basis === 'inferred' ? ['(inferred: not stated in the vendor documentation)'] : []),
  ]
    .filter((t) => t !== '')
    .join(' ');
}

/** The compact row of a rule, from its rule sheet row (the same texts) and the rule's flags. */
export function compactRow(rule: ResolvedRule, row: RuleSheetRow): CompactRow {
  return {
    Rule: rule.id,
    From: endpointCell(row['Source host'], row.Source),
    To: endpointCell(row['Destination host'], row.Destination),
    Protocol: row.Protocol,
    'Port(s)': row.Ports,
    Purpose: purposeCell(rule, row),
  };
}
