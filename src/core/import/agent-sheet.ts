/**
 * Agent servers pasted from a spreadsheet (Topology step): TSV or CSV text with a header row
 * (name, address), read into a preview of the agent servers it would add and every bad cell, by
 * row and column. Nothing is applied here: the store adds the preview's agents once the user
 * confirms (addAgents). The plan models an agent server as a name and an address only (no OS:
 * every agent server is a Windows server), so those are the columns.
 *
 * Like core/import/device-sheet.ts, this module and papaparse are loaded only when the dialog
 * opens (a test checks that nothing imports it but lazily).
 */
import Papa from 'papaparse';

import type { AgentServer, HostEntry, Plan } from '@/core/plan/model';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';
import { quoteInput } from '@/core/validate/quote';
import { validateAddress } from '@/core/validate/validate-address';

import type { SheetIssue } from './device-sheet';
import type { AgentColumn } from './sheet-columns';
import { AGENT_COLUMNS, MAX_AGENT_SHEET_CHARS } from './sheet-columns';

export type { SheetIssue } from './device-sheet';

export type { AgentColumn } from './sheet-columns';
export { AGENT_COLUMNS, MAX_AGENT_SHEET_CHARS } from './sheet-columns';

/** Other header words read as the same column. */
const COLUMN_ALIASES: Record<string, AgentColumn> = {
  'agent server': 'name',
  agent: 'name',
  server: 'name',
  host: 'address',
  'host name': 'address',
  hostname: 'address',
  ip: 'address',
  'ip address': 'address',
  addresses: 'address',
};

export interface AgentSheetRow {
  row: number;
  cells: string[];
  /** The agent server the row gives, or null while one of its cells is bad. */
  agent: HostEntry | null;
}

export interface AgentSheetPreview {
  header: string[];
  rows: AgentSheetRow[];
  /** The agent servers the good rows give, in row order. */
  agents: HostEntry[];
  issues: SheetIssue[];
  /**
   * The id of the plan's agent server the pasted ones replace: the untouched "Agent server 1"
   * of a new plan (no address, no device of its own), else null.
   */
  replaces: string | null;
}

function normalize(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

function delimiterOf(text: string): '\t' | ',' {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  return firstLine.includes('\t') ? '\t' : ',';
}

/** The untouched first agent server of a new plan, which pasted agent servers replace. */
export function placeholderAgent(plan: Pick<Plan, 'agents' | 'devices'>): AgentServer | null {
  const only = plan.agents.length === 1 ? plan.agents[0] : undefined;
  if (!only) return null;
  const untouched =
    only.name === 'Agent server 1' &&
    only.address.trim() === '' &&
    !plan.devices.some((d) => d.agentId === only.id);
  return untouched ? only : null;
}

/**
 * Reads pasted or opened sheet text against the plan (its agent servers' names) into a preview.
 * Never throws; any text gives a preview.
 */
export function readAgentSheet(
  text: string,
  plan: Pick<Plan, 'agents' | 'devices'>,
): AgentSheetPreview {
  const replaces = placeholderAgent(plan);
  const empty: AgentSheetPreview = {
    header: [],
    rows: [],
    agents: [],
    issues: [],
    replaces: null,
  };
  if (text.length > MAX_AGENT_SHEET_CHARS) {
    const message = `The text is too long (${text.length.toLocaleString('en')} characters); paste at most ${MAX_AGENT_SHEET_CHARS.toLocaleString('en')}.`;
    return { ...empty, issues: [{ row: 1, column: '', columnIndex: -1, message }] };
  }
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return empty;

  const issues: SheetIssue[] = [];
  const parsed = Papa.parse<string[]>(source, {
    delimiter: delimiterOf(source),
    skipEmptyLines: false,
  });
  const records = parsed.data.map((r) => (Array.isArray(r) ? r.map((c) => String(c)) : []));
  for (const error of parsed.errors) {
    const message =
      error.code === 'MissingQuotes'
        ? 'A quoted cell has no closing quote (") before the end of the text.'
        : `The text could not be read here (${error.message}).`;
    issues.push({ row: (error.row ?? 0) + 1, column: '', columnIndex: -1, message });
  }

  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return { ...empty, issues };
  const header = (records[headerIndex] ?? []).map((c) => c.trim());
  const headerRow = headerIndex + 1;
  const columnOf = new Map<AgentColumn, number>();
  header.forEach((typed, index) => {
    if (typed === '') {
      issues.push({
        row: headerRow,
        column: '',
        columnIndex: index,
        message: `Column ${index + 1} has no header; name it or remove it.`,
      });
      return;
    }
    const wanted = normalize(typed);
    const column =
      AGENT_COLUMNS.find((c) => c === wanted) ??
      (Object.hasOwn(COLUMN_ALIASES, wanted) ? COLUMN_ALIASES[wanted] : undefined);
    if (column === undefined) {
      issues.push({
        row: headerRow,
        column: typed,
        columnIndex: index,
        message: `${quoteInput(typed)} is not a column: use ${AGENT_COLUMNS.join(' and ')} (an agent server is a name and an address).`,
      });
    } else if (columnOf.has(column)) {
      issues.push({
        row: headerRow,
        column: typed,
        columnIndex: index,
        message: `The column ${quoteInput(typed)} appears twice; keep one.`,
      });
    } else columnOf.set(column, index);
  });
  for (const required of AGENT_COLUMNS) {
    if (!columnOf.has(required)) {
      issues.push({
        row: headerRow,
        column: required,
        columnIndex: -1,
        message: `The header has no “${required}” column (the header row names the columns: ${AGENT_COLUMNS.join(', ')}).`,
      });
    }
  }
  const headerOk = issues.length === 0;

  const names = new Map<string, 'plan' | number>(
    plan.agents.filter((a) => a.id !== replaces?.id).map((a) => [normalize(a.name), 'plan']),
  );
  const room = PLAN_LIMITS.agents - plan.agents.length + (replaces ? 1 : 0);
  const rows: AgentSheetRow[] = [];
  const agents: HostEntry[] = [];
  for (let index = headerIndex + 1; index < records.length; index += 1) {
    const cells = (records[index] ?? []).map((c) => c.trim());
    if (cells.every((c) => c === '')) continue;
    const row = index + 1;
    const rowIssues: SheetIssue[] = [];
    const bad = (columnIndex: number, message: string) =>
      rowIssues.push({ row, column: header[columnIndex] ?? '', columnIndex, message });
    const at = (column: AgentColumn) => columnOf.get(column) ?? -1;
    const cell = (column: AgentColumn) => cells[at(column)] ?? '';

    if (cells.length > header.length && cells.slice(header.length).some((c) => c !== '')) {
      bad(
        header.length,
        `The row has ${cells.length} cells but the header names ${header.length} columns.`,
      );
    }

    const name = cell('name');
    if (at('name') >= 0) {
      if (name === '') bad(at('name'), 'Enter the agent server’s name.');
      else if (name.length > PLAN_LIMITS.text) {
        bad(at('name'), `The name is longer than ${PLAN_LIMITS.text} characters.`);
      } else {
        const seen = names.get(normalize(name));
        if (seen === 'plan') {
          bad(at('name'), `${quoteInput(name)} is already an agent server of the plan.`);
        } else if (seen !== undefined) {
          bad(at('name'), `${quoteInput(name)} is also the name in row ${seen}.`);
        } else names.set(normalize(name), row);
      }
    }

    const address = cell('address');
    if (address !== '') {
      const error =
        address.length > PLAN_LIMITS.address
          ? `${quoteInput(address)} is longer than ${PLAN_LIMITS.address} characters`
          : validateAddress(address);
      if (error) bad(at('address'), error.endsWith('.') ? error : `${error}.`);
    }

    let agent: HostEntry | null = null;
    if (rowIssues.length === 0 && headerOk) {
      if (agents.length >= room) {
        bad(
          -1,
          `The plan holds at most ${PLAN_LIMITS.agents} agent servers; this row is one too many.`,
        );
      } else {
        agent = { name, address };
        agents.push(agent);
      }
    }
    issues.push(...rowIssues.sort((a, b) => a.columnIndex - b.columnIndex));
    rows.push({ row, cells, agent });
  }

  return {
    header,
    rows,
    agents,
    issues: issues.sort((a, b) => a.row - b.row),
    replaces: agents.length > 0 ? (replaces?.id ?? null) : null,
  };
}

/** A sheet (TSV by default) of agent servers: what readAgentSheet reads back to the same. */
export function writeAgentSheet(
  agents: readonly HostEntry[],
  delimiter: '\t' | ',' = '\t',
): string {
  return Papa.unparse([[...AGENT_COLUMNS], ...agents.map((a) => [a.name, a.address])], {
    delimiter,
    newline: '\n',
  });
}
