/**
 * The rule sheet's columns, shared by the CSV, Markdown, PDF and "Copy table" exports.
 * "M365 endpoint set" and "Azure service tag": for Microsoft cloud destinations (FQDNs), the
 * Microsoft 365 endpoint set ID and the Azure service tag of each FQDN, where Microsoft
 * publishes them; empty for other destinations.
 */
export const RULE_SHEET_COLUMNS = [
  'Rule',
  'Environment',
  'Source',
  'Source host',
  'Destination',
  'Destination host',
  'M365 endpoint set',
  'Azure service tag',
  'Protocol',
  'Ports',
  'Service',
  'Description',
  'Condition',
  'Notes',
  'Reference',
] as const;

/**
 * The rule sheet's columns for a plan with network zones (issue 16): the zones of the source
 * hosts and of the destination hosts (core/report/zones.ts), each after its hosts. A plan
 * without zones keeps RULE_SHEET_COLUMNS, so its sheets stay as they were.
 */
export const ZONED_RULE_SHEET_COLUMNS = [
  'Rule',
  'Environment',
  'Source',
  'Source host',
  'Source zone',
  'Destination',
  'Destination host',
  'Destination zone',
  'M365 endpoint set',
  'Azure service tag',
  'Protocol',
  'Ports',
  'Service',
  'Description',
  'Condition',
  'Notes',
  'Reference',
] as const;

type BaseColumn = (typeof RULE_SHEET_COLUMNS)[number];
export type ZoneColumn = 'Source zone' | 'Destination zone';
export type RuleSheetColumn = (typeof ZONED_RULE_SHEET_COLUMNS)[number];
/** A rule's cells; the zone cells only in the report of a plan with zones. */
export type RuleSheetRow = Record<BaseColumn, string> & Partial<Record<ZoneColumn, string>>;

/** A cell of a rule row ('' for a column the row does not have). */
export function ruleSheetCell(row: RuleSheetRow, column: RuleSheetColumn): string {
  return row[column] ?? '';
}
