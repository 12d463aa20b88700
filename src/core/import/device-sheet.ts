/**
 * Devices pasted from a spreadsheet: TSV or CSV text with a header row (name, type, addresses,
 * agent, optional tenant and one optional column per catalog device option), read into a
 * preview of the devices it would add and every bad cell, by row and column. Nothing is applied
 * here: the store adds the preview's devices once the user confirms (addDevices).
 *
 * Types match the catalog's device environments by id, name or alias; agents match the plan's
 * agent servers by name (both case-insensitively). An agent the plan does not have is a bad cell:
 * agent servers are added on the Topology step, so a typo never creates a server.
 */
import Papa from 'papaparse';

import type { Catalog, CatalogOption, Environment, OptionValue } from '@/core/catalog/model';
import type { Device, Plan } from '@/core/plan/model';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';
import { validateHostName } from '@/core/validate/host-name';
import { validatePortInRange } from '@/core/validate/port';
import { quoteInput } from '@/core/validate/quote';
import { validateAddress } from '@/core/validate/validate-address';
import { splitAddressText } from '@/core/wizard/address-text';
import { deviceEnvironments, isDeviceGroup } from '@/core/wizard/devices';

import type { SheetColumn } from './sheet-columns';
import { MAX_SHEET_CHARS, REQUIRED_COLUMNS, SHEET_COLUMNS } from './sheet-columns';

export type { SheetColumn } from './sheet-columns';
export { MAX_SHEET_CHARS, REQUIRED_COLUMNS, SHEET_COLUMNS } from './sheet-columns';

/** A device the sheet would add (its id is given when it is added). */
export type NewDevice = Omit<Device, 'id'>;

export interface SheetIssue {
  /** Row as the spreadsheet numbers it: the header is row 1, the first device row 2. */
  row: number;
  /** The column's header as typed (or the column's name when it is missing); '' for the row. */
  column: string;
  /** Index of the cell in its row, or -1 when the issue is not about one cell. */
  columnIndex: number;
  message: string;
}

export interface SheetRow {
  row: number;
  cells: string[];
  /** The device the row gives, or null while one of its cells is bad. */
  device: NewDevice | null;
}

export interface SheetPreview {
  /** The header row as typed (empty when there is no text). */
  header: string[];
  rows: SheetRow[];
  /** The devices the good rows give, in row order. */
  devices: NewDevice[];
  /** Every problem, in row then column order. */
  issues: SheetIssue[];
}

type ColumnKind =
  { kind: 'field'; field: SheetColumn } | { kind: 'option'; options: CatalogOption[] };

function normalize(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The delimiter of the text: a tab when the first line has one (a spreadsheet's copy), else a comma. */
export function sheetDelimiter(text: string): '\t' | ',' {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  return firstLine.includes('\t') ? '\t' : ',';
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidates closest to `text` (a prefix or a few typos away), for "did you mean". */
function closest<T>(text: string, candidates: readonly T[], keys: (c: T) => string[]): T[] {
  const wanted = normalize(text).slice(0, 80);
  if (wanted.length < 2) return [];
  const scored = candidates.map((candidate) => ({
    candidate,
    score: Math.min(
      ...keys(candidate)
        .map(normalize)
        .map((key) => (key.startsWith(wanted) ? 0.5 : levenshtein(wanted, key.slice(0, 80)))),
    ),
  }));
  const best = Math.min(...scored.map((s) => s.score));
  if (best > Math.max(2, Math.floor(wanted.length / 3))) return [];
  return scored.filter((s) => s.score === best).map((s) => s.candidate);
}

/** "A", "A or B", "A, B or C" (at most three). */
function either(names: string[]): string {
  const shown = names.slice(0, 3);
  return shown.length <= 1
    ? (shown[0] ?? '')
    : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

function environmentKeys(e: Environment): string[] {
  return [e.id, e.name, ...e.aliases];
}

/** The environment a type cell names: by id, then name, then alias (case-insensitively). */
function findType(catalog: Catalog, text: string): Environment | undefined {
  const wanted = normalize(text);
  const devices = catalog.environments.filter((e) => isDeviceGroup(e.group));
  return (
    devices.find((e) => normalize(e.id) === wanted) ??
    devices.find((e) => normalize(e.name) === wanted) ??
    devices.find((e) => e.aliases.some((a) => normalize(a) === wanted))
  );
}

/** What each header cell is: one of the sheet's columns, a device option, or unknown (null). */
function readHeader(catalog: Catalog, header: string[]): (ColumnKind | null)[] {
  return header.map((cell) => {
    const wanted = normalize(cell);
    const field = SHEET_COLUMNS.find((c) => c === wanted);
    if (field) return { kind: 'field', field };
    const byId = catalog.options.filter((o) => normalize(o.id) === wanted);
    const options =
      byId.length > 0 ? byId : catalog.options.filter((o) => normalize(o.label) === wanted);
    return options.length > 0 ? { kind: 'option', options } : null;
  });
}

const TRUE_WORDS = new Set(['yes', 'true', 'on', '1', 'y']);
const FALSE_WORDS = new Set(['no', 'false', 'off', '0', 'n']);

/** A cell's value for an option, or the message saying why it cannot be one. */
function readOptionCell(
  plan: Plan,
  catalog: Catalog,
  option: CatalogOption,
  text: string,
): { ok: true; value: OptionValue } | { ok: false; message: string } {
  switch (option.type) {
    case 'boolean': {
      const word = normalize(text);
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, message: `${quoteInput(text)} is not yes or no` };
    }
    case 'choice': {
      const choices = option.choices ?? [];
      const wanted = normalize(text);
      const choice =
        choices.find((c) => normalize(c.value) === wanted) ??
        choices.find((c) => normalize(c.label) === wanted);
      if (choice) return { ok: true, value: choice.value };
      const names = choices.map((c) => `“${c.value}” (${c.label})`).join(', ');
      return { ok: false, message: `${quoteInput(text)} is not one of ${names}` };
    }
    case 'port': {
      const setting = catalog.settings.find((s) => s.id === String(option.default));
      const error = validatePortInRange(text, setting?.min ?? 1, setting?.max ?? 65535);
      return error ? { ok: false, message: error } : { ok: true, value: String(Number(text)) };
    }
    case 'address': {
      if (text.length > PLAN_LIMITS.text) {
        return { ok: false, message: `at most ${PLAN_LIMITS.text} characters` };
      }
      const error = validateAddress(text);
      return error ? { ok: false, message: error } : { ok: true, value: text };
    }
    case 'cee-server': {
      // A CEE server of the plan, by its name (or id), as the Topology step lists them.
      const wanted = normalize(text);
      const cee =
        plan.ceeServers.find((c) => normalize(c.name) === wanted) ??
        plan.ceeServers.find((c) => normalize(c.id) === wanted);
      if (cee) return { ok: true, value: cee.id };
      const names = plan.ceeServers.map((c) => quoteInput(c.name)).join(', ');
      return {
        ok: false,
        message: `${quoteInput(text)} is not a CEE server of the plan (${names || 'add one on the Topology step first'})`,
      };
    }
  }
}

/**
 * Reads pasted or opened sheet text against the plan (its version, agent servers and device
 * names) into a preview. Never throws; any text gives a preview.
 */
export function readDeviceSheet(text: string, plan: Plan, catalog: Catalog): SheetPreview {
  const empty: SheetPreview = { header: [], rows: [], devices: [], issues: [] };
  const issues: SheetIssue[] = [];
  if (text.length > MAX_SHEET_CHARS) {
    return {
      ...empty,
      issues: [
        {
          row: 1,
          column: '',
          columnIndex: -1,
          message: `The text is too long (${text.length.toLocaleString('en')} characters); paste at most ${MAX_SHEET_CHARS.toLocaleString('en')}.`,
        },
      ],
    };
  }
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return empty;

  const parsed = Papa.parse<string[]>(source, {
    delimiter: sheetDelimiter(source),
    skipEmptyLines: false,
  });
  const records = parsed.data.map((r) => (Array.isArray(r) ? r.map((c) => String(c)) : []));
  for (const error of parsed.errors) {
    const row = (error.row ?? 0) + 1;
    const message =
      error.code === 'MissingQuotes'
        ? 'A quoted cell has no closing quote (") before the end of the text.'
        : `The text could not be read here (${error.message}).`;
    issues.push({ row, column: '', columnIndex: -1, message });
  }

  // The header is the first row with any text; rows are numbered as the spreadsheet numbers them.
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return { ...empty, issues };
  const header = (records[headerIndex] ?? []).map((c) => c.trim());
  const headerRow = headerIndex + 1;
  const kinds = readHeader(catalog, header);

  const columnOf = new Map<SheetColumn, number>();
  const optionColumns = new Map<string, number>();
  kinds.forEach((kind, index) => {
    const typed = header[index] ?? '';
    if (typed === '') {
      issues.push({
        row: headerRow,
        column: '',
        columnIndex: index,
        message: `Column ${index + 1} has no header; name it or remove it.`,
      });
      return;
    }
    if (kind === null) {
      issues.push({
        row: headerRow,
        column: typed,
        columnIndex: index,
        message: `${quoteInput(typed)} is not a column: use ${SHEET_COLUMNS.join(', ')} or a device option (its name or label, e.g. ${quoteInput(catalog.options[0]?.label ?? '')}).`,
      });
      return;
    }
    const keys = kind.kind === 'field' ? [kind.field] : kind.options.map((o) => o.id);
    const taken = keys.some((k) =>
      kind.kind === 'field' ? columnOf.has(k as SheetColumn) : optionColumns.has(k),
    );
    if (taken) {
      issues.push({
        row: headerRow,
        column: typed,
        columnIndex: index,
        message: `The column ${quoteInput(typed)} appears twice; keep one.`,
      });
      return;
    }
    if (kind.kind === 'field') columnOf.set(kind.field, index);
    else for (const o of kind.options) optionColumns.set(o.id, index);
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!columnOf.has(required)) {
      issues.push({
        row: headerRow,
        column: required,
        columnIndex: -1,
        message: `The header has no “${required}” column (the header row names the columns: ${REQUIRED_COLUMNS.join(', ')}).`,
      });
    }
  }

  const available = new Set(deviceEnvironments(catalog, plan.amVersion).map((e) => e.id));
  const deviceTypes = catalog.environments.filter((e) => isDeviceGroup(e.group));
  const names = new Map<string, 'plan' | number>(
    plan.devices.map((d) => [normalize(d.name), 'plan']),
  );
  const room = PLAN_LIMITS.devices - plan.devices.length;
  const rows: SheetRow[] = [];
  const devices: NewDevice[] = [];
  const headerOk = issues.length === 0;

  for (let index = headerIndex + 1; index < records.length; index += 1) {
    const cells = (records[index] ?? []).map((c) => c.trim());
    if (cells.every((c) => c === '')) continue;
    const row = index + 1;
    const rowIssues: SheetIssue[] = [];
    const bad = (columnIndex: number, message: string) =>
      rowIssues.push({ row, column: header[columnIndex] ?? '', columnIndex, message });
    const cell = (column: SheetColumn) => {
      const at = columnOf.get(column);
      return at === undefined ? '' : (cells[at] ?? '');
    };
    const at = (column: SheetColumn) => columnOf.get(column) ?? -1;

    if (cells.length > header.length && cells.slice(header.length).some((c) => c !== '')) {
      bad(
        header.length,
        `The row has ${cells.length} cells but the header names ${header.length} columns.`,
      );
    }

    // Name
    const name = cell('name');
    if (name === '') bad(at('name'), 'Enter the device’s name.');
    else if (name.length > PLAN_LIMITS.text)
      bad(at('name'), `The name is longer than ${PLAN_LIMITS.text} characters.`);
    else {
      const seen = names.get(normalize(name));
      if (seen === 'plan') bad(at('name'), `${quoteInput(name)} is already a device of the plan.`);
      else if (seen !== undefined)
        bad(at('name'), `${quoteInput(name)} is also the name in row ${seen}.`);
      else names.set(normalize(name), row);
    }

    // Type
    const typeText = cell('type');
    let environment: Environment | undefined;
    if (typeText === '') bad(at('type'), 'Enter the platform (e.g. a name from the Devices step).');
    else {
      environment = findType(catalog, typeText);
      if (!environment) {
        const near = closest(
          typeText,
          deviceTypes.filter((e) => available.has(e.id)),
          environmentKeys,
        );
        bad(
          at('type'),
          `${quoteInput(typeText)} is not a platform${near.length > 0 ? `; did you mean ${either(near.map((e) => e.name))}?` : '.'}`,
        );
      } else if (!available.has(environment.id)) {
        bad(
          at('type'),
          `${environment.name} is not available in Activity Monitor ${plan.amVersion}.`,
        );
        environment = undefined;
      }
    }

    // Addresses (or, for a cloud service, none: it reaches the plan's tenant)
    const addressText = cell('addresses');
    const addresses = splitAddressText(addressText);
    if (environment?.addressKind === 'tenant' && addresses.length > 0) {
      bad(
        at('addresses'),
        `${environment.name} is a Microsoft cloud service: it has no addresses (leave the cell empty; a tenant of its own goes in a “tenant” column).`,
      );
    } else if (environment) {
      if (addresses.length > PLAN_LIMITS.addressesPerDevice) {
        bad(
          at('addresses'),
          `${addresses.length} addresses; a device has at most ${PLAN_LIMITS.addressesPerDevice}.`,
        );
      } else {
        for (const address of addresses) {
          const error =
            address.length > PLAN_LIMITS.address
              ? `${quoteInput(address)} is longer than ${PLAN_LIMITS.address} characters`
              : validateAddress(address, { allowCidr: environment.allowsCidr });
          if (error) {
            bad(at('addresses'), error.endsWith('.') ? error : `${error}.`);
            break;
          }
        }
      }
    }

    // Tenant (cloud services of another tenant only)
    const tenant = cell('tenant');
    if (tenant !== '' && environment) {
      if (environment.addressKind !== 'tenant') {
        bad(at('tenant'), `${environment.name} has no tenant; leave the cell empty.`);
      } else {
        const error =
          tenant.length > PLAN_LIMITS.text ? 'The tenant is too long.' : validateHostName(tenant);
        if (error) bad(at('tenant'), error.endsWith('.') ? error : `${error}.`);
      }
    }

    // Agent
    const agentText = cell('agent');
    let agentId = '';
    if (agentText === '') {
      if (environment?.agentMode === 'proxy') {
        bad(at('agent'), 'Enter the agent server that monitors the device.');
      } else agentId = plan.agents[0]?.id ?? '';
    } else {
      const matches = plan.agents.filter((a) => normalize(a.name) === normalize(agentText));
      if (matches.length === 1) agentId = matches[0]!.id;
      else if (matches.length > 1) {
        bad(
          at('agent'),
          `${matches.length} agent servers are named ${quoteInput(agentText)}; rename them on the Topology step.`,
        );
      } else {
        const near = closest(agentText, plan.agents, (a) => [a.name]);
        bad(
          at('agent'),
          `The plan has no agent server named ${quoteInput(agentText)}${near.length > 0 ? `; did you mean ${either(near.map((a) => quoteInput(a.name)))}?` : ''} (agent servers are added on the Topology step).`,
        );
      }
    }

    // Options
    const options: Record<string, OptionValue> = {};
    const optionCells = new Set(optionColumns.values());
    for (const columnIndex of optionCells) {
      const text = cells[columnIndex] ?? '';
      if (text === '' || !environment) continue;
      const kind = kinds[columnIndex];
      if (kind?.kind !== 'option') continue;
      const option = kind.options.find((o) => environment.options.includes(o.id));
      if (!option) {
        bad(
          columnIndex,
          `${environment.name} has no option ${quoteInput(header[columnIndex] ?? '')}; leave the cell empty.`,
        );
        continue;
      }
      const read = readOptionCell(plan, catalog, option, text);
      if (read.ok) options[option.id] = read.value;
      else bad(columnIndex, read.message.endsWith('.') ? read.message : `${read.message}.`);
    }

    let device: NewDevice | null = null;
    if (rowIssues.length === 0 && headerOk && environment) {
      if (devices.length >= room) {
        bad(-1, `The plan holds at most ${PLAN_LIMITS.devices} devices; this row is one too many.`);
      } else {
        device = {
          environment: environment.id,
          name,
          addresses: environment.addressKind === 'tenant' ? [] : addresses,
          tenant: environment.addressKind === 'tenant' ? tenant : '',
          agentId,
          options,
        };
        devices.push(device);
      }
    }
    issues.push(...rowIssues.sort((a, b) => a.columnIndex - b.columnIndex));
    rows.push({ row, cells, device });
  }

  return { header, rows, devices, issues: issues.sort((a, b) => a.row - b.row) };
}

/** A cell's text for an option value (what readDeviceSheet reads back to the same value). */
function optionCellText(option: CatalogOption | undefined, value: OptionValue): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (option?.type === 'boolean')
    return value === 'true' ? 'yes' : value === 'false' ? 'no' : value;
  return value;
}

/**
 * A sheet (TSV by default) of devices of the plan: the columns readDeviceSheet reads, one row per
 * device; types by environment name, agents by name, option columns by option id.
 */
export function writeDeviceSheet(
  devices: readonly NewDevice[],
  plan: Pick<Plan, 'agents'>,
  catalog: Catalog,
  delimiter: '\t' | ',' = '\t',
): string {
  const optionIds = catalog.options
    .map((o) => o.id)
    .filter((id) => devices.some((d) => d.options[id] !== undefined));
  const header = [...SHEET_COLUMNS, ...optionIds];
  const rows = devices.map((d) => [
    d.name,
    catalog.environments.find((e) => e.id === d.environment)?.name ?? d.environment,
    d.addresses.join('; '),
    plan.agents.find((a) => a.id === d.agentId)?.name ?? '',
    d.tenant,
    ...optionIds.map((id) => {
      const value = d.options[id];
      return value === undefined
        ? ''
        : optionCellText(
            catalog.options.find((o) => o.id === id),
            value,
          );
    }),
  ]);
  return Papa.unparse([header, ...rows], { delimiter, newline: '\n' });
}
