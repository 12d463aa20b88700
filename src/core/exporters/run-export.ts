/**
 * One export of a plan, from the plan alone: resolve it, build the report (narrowed to one host
 * for a host's own download), render it with the chosen exporter. Pure: the browser runs it in a
 * Web Worker (src/lib/export-worker.ts), so that no export holds the page's main thread, and the
 * same function gives the same bytes anywhere for the same plan, date and permalink.
 */
import { getCatalog } from '@/core/catalog/catalog';
import type { Plan } from '@/core/plan/model';
import { buildReport } from '@/core/report/build-report';
import { reportForHost } from '@/core/report/host-report';
import type { Report } from '@/core/report/model';
import { zonesForFirewall } from '@/core/report/zones';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import { planZoneModel } from '@/core/zones/plan-zones';

import { permalinkAt, planPermalink } from './export-permalink';
import type { RenderContext } from './exporter';
import { hostFileName } from './file-name';
import {
  FIREWALL_SHEET_MIME,
  firewallSheetFileName,
  renderFirewallCsv,
  reportFirewall,
} from './firewall-csv';
import { EXPORTERS } from './registry';

export interface ExportRequest {
  /** An exporter id of the registry. */
  exporterId: string;
  plan: Plan;
  /**
   * The planner's address (origin and path) the plan's permalink starts with
   * (export-permalink.ts: a note replaces the link when the plan is too large for one).
   */
  appUrl: string;
  /** The date the export carries (ISO 8601). */
  generatedAt: string;
  /** One host's download: its identity in the resolution (hostIdentity) and its name. */
  host?: { identity: string; label: string };
  /**
   * One network firewall's download ("By firewall"): its id in the plan's network and its name.
   * With the exporter id FIREWALL_SHEET_ID, its sheet (firewall-csv.ts, not a registry format);
   * with a vendor config's, that config written for this firewall, whatever its kind.
   */
  firewall?: { id: string; name: string };
}

/** The exporter id of a firewall's sheet (ExportRequest.firewall). */
export const FIREWALL_SHEET_ID = 'firewall-csv';

export interface ExportResult {
  fileName: string;
  mimeType: string;
  action: 'download' | 'copy';
  output: string | Uint8Array;
  /** Copy actions: the same content as an HTML table. */
  html?: string;
  /** Rows of the report (what a copy action reports). */
  rows: number;
  /** The draft stamp of a plan with errors. */
  draftStamp?: string;
}

function fullReport(request: ExportRequest): Report {
  const catalog = getCatalog();
  return buildReport({
    plan: request.plan,
    resolution: resolvePlan(request.plan, catalog),
    catalog,
    permalink: planPermalink(request.plan, catalog, (payload) =>
      permalinkAt(request.appUrl, payload),
    ),
    generatedAt: new Date(request.generatedAt),
    zones: planZoneModel(request.plan),
  });
}

/** One firewall's sheet; an Error for the user when the plan has no such firewall any more. */
function firewallSheet(
  request: ExportRequest,
  target: { id: string; name: string },
  context: RenderContext,
): ExportResult {
  context.progress?.(0);
  const report = fullReport(request);
  const firewall = reportFirewall(report, target.id);
  if (!firewall) {
    throw new Error(`the plan's network has no firewall "${target.name}" any more`);
  }
  const output = renderFirewallCsv(report, firewall);
  context.progress?.(1);
  return {
    fileName: firewallSheetFileName(report, firewall),
    mimeType: FIREWALL_SHEET_MIME,
    action: 'download',
    output,
    rows: firewall.rules.length,
    ...(report.draft ? { draftStamp: report.draft.stamp } : {}),
  };
}

/**
 * Makes one export. Throws an Error with a message for the user when the exporter or the host
 * is unknown (a host that no longer has rules).
 */
export async function runExport(
  request: ExportRequest,
  context: RenderContext = {},
): Promise<ExportResult> {
  if (request.firewall && request.exporterId === FIREWALL_SHEET_ID) {
    return firewallSheet(request, request.firewall, context);
  }
  const exporter = EXPORTERS.find((e) => e.id === request.exporterId);
  if (!exporter) throw new Error(`no export named "${request.exporterId}"`);
  context.progress?.(0);
  const full = fullReport(request);
  const report = request.host ? reportForHost(full, request.host.identity) : full;
  if (!report) throw new Error('this host has no rules in the plan any more');
  if (request.firewall) {
    const zones = report.zones && zonesForFirewall(report.zones, request.firewall.id);
    if (!zones) throw new Error('this firewall is no longer in the plan’s network');
    report.zones = zones;
  }
  const output = await exporter.render(report, context);
  const fileName = exporter.fileName(report);
  context.progress?.(1);
  return {
    fileName: request.host
      ? hostFileName(fileName, request.host.label)
      : request.firewall
        ? hostFileName(fileName, request.firewall.name)
        : fileName,
    mimeType: exporter.mimeType,
    action: exporter.action,
    output,
    ...(exporter.html ? { html: exporter.html(report) } : {}),
    rows: report.rows.length,
    ...(report.draft ? { draftStamp: report.draft.stamp } : {}),
  };
}
