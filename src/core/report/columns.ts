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

export type RuleSheetColumn = (typeof RULE_SHEET_COLUMNS)[number];
export type RuleSheetRow = Record<RuleSheetColumn, string>;
