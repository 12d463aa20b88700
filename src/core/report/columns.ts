/** The rule sheet's columns, shared by the CSV, Markdown, PDF and "Copy table" exports. */
export const RULE_SHEET_COLUMNS = [
  'Rule',
  'Environment',
  'Source',
  'Source host',
  'Destination',
  'Destination host',
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
