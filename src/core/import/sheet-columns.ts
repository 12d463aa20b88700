/**
 * The columns of a device sheet (core/import/device-sheet.ts), apart from its reader so that the
 * Devices step can name them without loading the reader and its CSV library.
 */

/** The sheet's own columns (the options' columns come from the catalog). */
export const SHEET_COLUMNS = ['name', 'type', 'addresses', 'agent', 'tenant'] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];
/** Columns the header must have. */
export const REQUIRED_COLUMNS: readonly SheetColumn[] = ['name', 'type', 'addresses', 'agent'];

/** The most text the reader takes (about 2,000 rows of long lines). */
export const MAX_SHEET_CHARS = 1_000_000;

/** The columns of an agent server sheet (core/import/agent-sheet.ts), all required. */
export const AGENT_COLUMNS = ['name', 'address'] as const;
export type AgentColumn = (typeof AGENT_COLUMNS)[number];

/** The most text the agent server sheet reader takes. */
export const MAX_AGENT_SHEET_CHARS = 200_000;
