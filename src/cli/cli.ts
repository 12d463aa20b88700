/**
 * The command line: the planner's exports, plan checks and catalog without a browser. Built on
 * src/core alone (ESLint: src/cli imports only src/core and src/data); the Node specifics (files,
 * streams, the clock, the PDF font files) come in through CliIo from ./bin.ts, so the same code
 * runs in tests. Documented in README.md, "Command line"; the exit codes are EXIT below.
 *
 * An export is made exactly as the browser's button makes it (export-buttons.tsx): the same
 * report (buildReport with the plan's permalink and the date), the same exporter of the
 * registry, the same file name; so the bytes equal the browser's download for the same plan
 * and date (tests/unit/cli/cli-browser-parity.test.ts).
 */
import { parseArgs } from 'node:util';

import { getCatalog } from '@/core/catalog/catalog';
import { catalogCsvFileName } from '@/core/catalog/catalog-rows';
import type { Catalog } from '@/core/catalog/model';
import { formatDocsRevision } from '@/core/catalog/provenance';
import { renderCatalogCsv } from '@/core/exporters/catalog-csv';
import { permalinkAt, planPermalink } from '@/core/exporters/export-permalink';
import type { Exporter, PdfFonts } from '@/core/exporters/exporter';
import { hostFileName } from '@/core/exporters/file-name';
import {
  parsePlanFile,
  PLAN_FILE_MAX_BYTES,
  planFileName,
  planFileStamp,
  serializePlanFile,
} from '@/core/exporters/plan-file';
import { EXPORTERS } from '@/core/exporters/registry';
import { scriptHostKeys } from '@/core/exporters/script-host-keys';
import { stripControls } from '@/core/exporters/text-safety';
import type { Plan } from '@/core/plan/model';
import { buildReport } from '@/core/report/build-report';
import { buildHostFacts } from '@/core/report/host-kind';
import { reportForHost } from '@/core/report/host-report';
import type { Report, ReportHost } from '@/core/report/model';
import type { ReportFirewall } from '@/core/report/zones';
import { zonesForFirewall } from '@/core/report/zones';
import type { Resolution } from '@/core/resolve/model';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import { quoteInput } from '@/core/validate/quote';
import { planZoneModel } from '@/core/zones/plan-zones';

export const CLI_NAME = 'am-firewall-planner';

/** The exit codes (README.md, "Command line"). */
export const EXIT = {
  ok: 0,
  /** `check`: the plan checks hold errors. */
  planErrors: 1,
  /** Unknown command, option, format or host; a missing argument. */
  usage: 2,
  /** The plan file cannot be read (missing, a directory, no permission, too large). */
  unreadable: 3,
  /** Not a plan file: bad JSON, not a plan, an invalid plan. */
  invalidPlan: 4,
  /** A plan file of a newer plan format (made with a newer planner): refused. */
  newerPlan: 5,
  /** The format does not apply to this plan or host (a firewalld script without a Linux host). */
  unavailable: 6,
  /** The output cannot be written. */
  unwritable: 7,
  /** A fault of the planner itself (please report it). */
  internal: 70,
} as const;

/** The plan file's own format, beside the registry's exporters. */
export const PLAN_FILE_FORMAT_ID = 'plan-file';

/** What the command line needs from Node (bin.ts) or from a test. */
export interface CliIo {
  /** The file's bytes; throws a Node error (with `code`) when it cannot. */
  readFile: (path: string) => Uint8Array;
  /** The file's size in bytes; throws like readFile. */
  fileSize: (path: string) => number;
  writeFile: (path: string, data: string | Uint8Array) => void;
  stdout: (data: string | Uint8Array) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  now: () => Date;
  /** The PDF's DejaVu fonts (the same files the browser fetches). */
  loadFonts: () => Promise<PdfFonts>;
  version: string;
}

class CliError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Text from a plan or file on a terminal: no control character (no escape sequence) gets through. */
function safe(text: string): string {
  return stripControls(text, { keep: '\n', replacement: ' ' });
}

function formatIds(): string[] {
  return [...EXPORTERS.map((e) => e.id), PLAN_FILE_FORMAT_ID];
}

function helpText(version: string): string {
  const formats = EXPORTERS.map((e) => `    ${e.id.padEnd(20)} ${e.label}`);
  return [
    `${CLI_NAME} ${version}: the Activity Monitor Firewall Planner on the command line.`,
    '',
    'Usage:',
    `  ${CLI_NAME} export PLAN.json --format FORMAT [--host NAME | --firewall NAME] [-o FILE] [--date YYYY-MM-DD] [--app-url URL]`,
    `  ${CLI_NAME} check PLAN.json [--json]`,
    `  ${CLI_NAME} catalog --format csv [-o FILE]`,
    `  ${CLI_NAME} --help | --version`,
    '',
    "export: writes one export of the plan, the same bytes as the browser's download.",
    '  --format FORMAT   one of:',
    ...formats,
    `    ${PLAN_FILE_FORMAT_ID.padEnd(20)} Save plan (the plan file)`,
    '  --host NAME       only this host (its name, its script key or its address)',
    '  --firewall NAME   only this network firewall (its name or id), in a vendor format',
    "  -o FILE           where to write ('-': standard output); default: the browser's file",
    '                    name, in the current directory',
    '  --date YYYY-MM-DD the date stamped on the export (default: SOURCE_DATE_EPOCH, else today)',
    "  --app-url URL     the planner's address, for the permalink (default: none; the link is",
    "                    then '#/open/...', to append to the planner's address)",
    'check: prints the plan checks; exit 1 when any is an error. --json: as JSON.',
    'catalog: the Port reference as CSV (--format csv).',
    '',
    `Exit codes: ${EXIT.ok} ok, ${EXIT.planErrors} plan errors (check), ${EXIT.usage} usage, ${EXIT.unreadable} file unreadable,`,
    `  ${EXIT.invalidPlan} not a valid plan, ${EXIT.newerPlan} plan from a newer planner, ${EXIT.unavailable} format not for this plan,`,
    `  ${EXIT.unwritable} output not writable, ${EXIT.internal} internal error.`,
    '',
  ].join('\n');
}

function nodeErrorText(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return typeof code === 'string' ? code : 'it cannot be read';
  }
}

interface LoadedPlan {
  plan: Plan;
  warnings: string[];
}

function loadPlan(path: string, io: CliIo, catalog: Catalog): LoadedPlan {
  let bytes: Uint8Array;
  try {
    if (io.fileSize(path) > PLAN_FILE_MAX_BYTES) {
      throw new CliError(
        EXIT.unreadable,
        `Cannot read the plan file ${quoteInput(path)}: it is larger than ${PLAN_FILE_MAX_BYTES / 1024 / 1024} MB, too large for a plan file.`,
      );
    }
    bytes = io.readFile(path);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(
      EXIT.unreadable,
      `Cannot read the plan file ${quoteInput(path)}: ${nodeErrorText(e)}.`,
    );
  }
  // As the browser reads a file (File.text()): UTF-8, a bad sequence as U+FFFD.
  const result = parsePlanFile(new TextDecoder().decode(bytes), catalog.version);
  if (!result.ok) {
    throw new CliError(
      result.newer ? EXIT.newerPlan : EXIT.invalidPlan,
      [`The plan file ${quoteInput(path)} cannot be opened:`, ...result.errors.map((e) => `  ${e}`)]
        .map(safe)
        .join('\n'),
    );
  }
  return { plan: result.plan, warnings: result.warnings };
}

/** "2026-12-01" from --date, SOURCE_DATE_EPOCH or the clock. */
function exportDate(option: string | undefined, io: CliIo): Date {
  if (option !== undefined) {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(option) ? new Date(`${option}T00:00:00Z`) : null;
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== option) {
      throw new CliError(EXIT.usage, `--date ${quoteInput(option)} is not a date (YYYY-MM-DD).`);
    }
    return date;
  }
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch)) {
      throw new CliError(
        EXIT.usage,
        `SOURCE_DATE_EPOCH ${quoteInput(epoch)} is not a number of seconds since 1970.`,
      );
    }
    return new Date(Number(epoch) * 1000);
  }
  return io.now();
}

function hostNameKey(text: string): string {
  return safe(text).normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function hostList(report: Report): string {
  const keys = scriptHostKeys(report);
  const lines = report.hosts.map((h) => {
    const key = keys.get(h.key);
    const address = h.address === '' ? 'no address' : h.address;
    return `  ${quoteInput(h.label)}${key ? ` (key ${key})` : ''}, ${quoteInput(address)}`;
  });
  return lines.join('\n');
}

/** The vendor configs --firewall applies to (exporter ids of the registry). */
const VENDOR_FORMATS: readonly string[] = ['panos', 'fortios', 'asa', 'aerleon'];

/** The network firewall named by --firewall: its id, or its name (any case). */
function findFirewall(report: Report, name: string): ReportFirewall {
  const firewalls = report.zones?.firewalls ?? [];
  if (firewalls.length === 0) {
    throw new CliError(
      EXIT.usage,
      `--firewall ${quoteInput(name)}: the plan has no network firewalls (add them on the planner's Network step). Leave --firewall out for the whole plan.`,
    );
  }
  const byId = firewalls.filter((f) => f.id === name);
  const byName = firewalls.filter((f) => f.name.trim().toLowerCase() === name.trim().toLowerCase());
  const found = byId.length === 1 ? byId : byName;
  const [only] = found;
  if (found.length === 1 && only) return only;
  const what =
    found.length === 0 ? 'No firewall of the plan is' : 'Several firewalls of the plan are';
  const list = firewalls.map((f) => `  ${safe(f.id)}  ${safe(f.name)} (${f.kind})`).join('\n');
  throw new CliError(
    EXIT.usage,
    `${what} named ${quoteInput(name)}. The firewalls (id, name):\n${list}`,
  );
}

/** The host named by --host: its script key, its name (any case) or its address. */
function findHost(report: Report, name: string): ReportHost {
  const want = hostNameKey(name);
  const keys = scriptHostKeys(report);
  const byKey = report.hosts.filter((h) => keys.get(h.key)?.toLowerCase() === want);
  const byName = report.hosts.filter((h) => hostNameKey(h.label) === want);
  const byAddress = report.hosts.filter((h) => h.address !== '' && hostNameKey(h.address) === want);
  const found = [byKey, byName, byAddress].find((list) => list.length > 0) ?? [];
  if (found.length === 1 && found[0]) return found[0];
  const what = found.length === 0 ? 'No host of the plan is' : 'Several hosts of the plan are';
  throw new CliError(
    EXIT.usage,
    `${what} named ${quoteInput(name)}. The hosts of the plan:\n${hostList(report)}`,
  );
}

function findExporter(format: string | undefined): Exporter | typeof PLAN_FILE_FORMAT_ID {
  if (format === undefined || format === '') {
    throw new CliError(EXIT.usage, `export needs --format, one of: ${formatIds().join(', ')}.`);
  }
  if (format === PLAN_FILE_FORMAT_ID) return PLAN_FILE_FORMAT_ID;
  const exporter = EXPORTERS.find((e) => e.id === format);
  if (!exporter) {
    throw new CliError(
      EXIT.usage,
      `Unknown format ${quoteInput(format)}: use one of ${formatIds().join(', ')}.`,
    );
  }
  return exporter;
}

function writeOutput(
  io: CliIo,
  output: string | undefined,
  defaultName: string,
  data: string | Uint8Array,
): void {
  if (output === '-') {
    io.stdout(data);
    return;
  }
  const path = output ?? defaultName;
  try {
    io.writeFile(path, data);
  } catch (e) {
    throw new CliError(EXIT.unwritable, `Cannot write ${quoteInput(path)}: ${nodeErrorText(e)}.`);
  }
  io.stderr(`Wrote ${quoteInput(path)}.\n`);
}

function positional(args: readonly string[], command: string): string {
  if (args.length === 0)
    throw new CliError(EXIT.usage, `${command} needs a plan file: ${command} PLAN.json`);
  if (args.length > 1) {
    throw new CliError(
      EXIT.usage,
      `${command} takes one plan file; got also ${quoteInput(args.slice(1).join(' '))}.`,
    );
  }
  return args[0] ?? '';
}

function warn(io: CliIo, warnings: readonly string[]): void {
  for (const w of warnings) io.stderr(`Note: ${safe(w)}\n`);
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f' },
      host: { type: 'string' },
      firewall: { type: 'string' },
      output: { type: 'string', short: 'o' },
      date: { type: 'string' },
      'app-url': { type: 'string' },
    },
  });
  const path = positional(positionals, 'export');
  const exporter = findExporter(values.format);
  const date = exportDate(values.date, io);
  const catalog = getCatalog();
  const { plan, warnings } = loadPlan(path, io, catalog);
  warn(io, warnings);
  if (values.firewall !== undefined) {
    const id = exporter === PLAN_FILE_FORMAT_ID ? exporter : exporter.id;
    if (!VENDOR_FORMATS.includes(id)) {
      throw new CliError(
        EXIT.usage,
        `--firewall applies to the vendor configs (${VENDOR_FORMATS.join(', ')}), not to ${id}.`,
      );
    }
    if (values.host !== undefined) {
      throw new CliError(EXIT.usage, '--host and --firewall do not go together: choose one.');
    }
  }

  if (exporter === PLAN_FILE_FORMAT_ID) {
    if (values.host !== undefined) {
      throw new CliError(EXIT.usage, 'The plan file holds the whole plan: --host does not apply.');
    }
    writeOutput(
      io,
      values.output,
      planFileName(plan),
      serializePlanFile(plan, planFileStamp(catalog)),
    );
    return EXIT.ok;
  }

  const resolution: Resolution = resolvePlan(plan, catalog);
  const appUrl = values['app-url'] ?? '';
  const report = buildReport({
    plan,
    resolution,
    catalog,
    permalink: planPermalink(plan, catalog, (payload) => permalinkAt(appUrl, payload)),
    generatedAt: date,
    zones: planZoneModel(plan),
  });
  let target = report;
  let fileName = exporter.fileName(report);
  if (values.firewall !== undefined) {
    const firewall = findFirewall(report, values.firewall);
    const zones = report.zones && zonesForFirewall(report.zones, firewall.id);
    if (!zones) throw new CliError(EXIT.usage, `No firewall ${quoteInput(values.firewall)}.`);
    target = { ...report, zones };
    fileName = hostFileName(exporter.fileName(report), firewall.name);
  } else if (values.host !== undefined) {
    const host = findHost(report, values.host);
    const mine = reportForHost(report, host.identity);
    if (!mine) throw new CliError(EXIT.usage, `The host ${quoteInput(values.host)} has no rules.`);
    const reason = exporter.unavailable?.([{ ...host, outbound: host.outbound.length > 0 }]);
    if (reason !== undefined) {
      throw new CliError(
        EXIT.unavailable,
        `${exporter.id} does not apply to the host ${quoteInput(host.label)}: ${reason}`,
      );
    }
    target = mine;
    fileName = hostFileName(exporter.fileName(mine), host.label);
  } else {
    const reason = exporter.unavailable?.(buildHostFacts(resolution, plan, catalog));
    if (reason !== undefined) {
      throw new CliError(EXIT.unavailable, `${exporter.id} does not apply to this plan: ${reason}`);
    }
  }
  if (report.draft)
    warn(io, [`The plan checks hold errors: the export is stamped "${report.draft.stamp}".`]);
  const data = await exporter.render(target, { loadFonts: io.loadFonts });
  writeOutput(io, values.output, fileName, data);
  return EXIT.ok;
}

function checkCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' } },
  });
  const path = positional(positionals, 'check');
  const catalog = getCatalog();
  const { plan, warnings } = loadPlan(path, io, catalog);
  const { checks } = resolvePlan(plan, catalog);
  const errors = checks.filter((c) => c.severity === 'error').length;
  const warningCount = checks.filter((c) => c.severity === 'warning').length;
  if (values.json) {
    const out = {
      plan: plan.name,
      catalogVersion: catalog.version,
      docsRevision: formatDocsRevision(catalog.docsRevision),
      errors,
      warnings: warningCount,
      checks: checks.map((c) => ({
        severity: c.severity,
        code: c.code,
        field: c.field,
        message: c.message,
      })),
      fileNotes: warnings,
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    warn(io, warnings);
    const lines = [
      `Plan ${quoteInput(plan.name)}: ${errors} error(s), ${warningCount} warning(s), ${checks.length - errors - warningCount} note(s) (catalog ${catalog.version}).`,
      ...checks.map((c) => `${c.severity.padEnd(7)} ${safe(c.field || '-')}: ${safe(c.message)}`),
    ];
    io.stdout(`${lines.join('\n')}\n`);
  }
  return errors > 0 ? EXIT.planErrors : EXIT.ok;
}

function catalogCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
    },
  });
  if (positionals.length > 0) {
    throw new CliError(
      EXIT.usage,
      `catalog takes no file; got ${quoteInput(positionals.join(' '))}.`,
    );
  }
  if (values.format !== 'csv') {
    throw new CliError(
      EXIT.usage,
      values.format === undefined
        ? 'catalog needs --format csv.'
        : `Unknown catalog format ${quoteInput(values.format)}: use csv.`,
    );
  }
  const catalog = getCatalog();
  writeOutput(io, values.output, catalogCsvFileName(catalog), renderCatalogCsv(catalog));
  return EXIT.ok;
}

/** Runs the command line; resolves to the exit code. Never throws. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(helpText(io.version));
        return command === undefined ? EXIT.usage : EXIT.ok;
      case '--version':
      case '-V':
        io.stdout(
          `${CLI_NAME} ${io.version} (catalog ${getCatalog().version}, ${formatDocsRevision(getCatalog().docsRevision)})\n`,
        );
        return EXIT.ok;
      case 'export':
        return await exportCommand(rest, io);
      case 'check':
        return checkCommand(rest, io);
      case 'catalog':
        return catalogCommand(rest, io);
      default:
        throw new CliError(
          EXIT.usage,
          `Unknown command ${quoteInput(command)}: use export, check or catalog (see --help).`,
        );
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`${CLI_NAME}: ${e.message}\n`);
      return e.code;
    }
    // parseArgs: an unknown option, a missing value (Node's own, clear messages).
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${CLI_NAME}: ${safe((e as Error).message)} (see --help)\n`);
      return EXIT.usage;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(
      `${CLI_NAME}: internal error: ${safe(message).slice(0, 300)}. This is a fault of the planner: please report it with the plan file.\n`,
    );
    if (io.env.AMFP_DEBUG && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT.internal;
  }
}
