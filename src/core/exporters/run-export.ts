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
import { zonesForFirewall } from '@/core/report/zones';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import { planZoneModel } from '@/core/zones/plan-zones';

import { permalinkAt, planPermalink } from './export-permalink';
import type { RenderContext } from './exporter';
import { hostFileName } from './file-name';
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
   * The vendor configs then write that firewall, whatever its kind.
   */
  firewall?: { id: string; name: string };
}

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

/**
 * Makes one export. Throws an Error with a message for the user when the exporter or the host
 * is unknown (a host that no longer has rules).
 */
export async function runExport(
  request: ExportRequest,
  context: RenderContext = {},
): Promise<ExportResult> {
  const exporter = EXPORTERS.find((e) => e.id === request.exporterId);
  if (!exporter) throw new Error(`no export named "${request.exporterId}"`);
  const catalog = getCatalog();
  context.progress?.(0);
  const resolution = resolvePlan(request.plan, catalog);
  const full = buildReport({
    plan: request.plan,
    resolution,
    catalog,
    permalink: planPermalink(request.plan, catalog, (payload) =>
      permalinkAt(request.appUrl, payload),
    ),
    generatedAt: new Date(request.generatedAt),
    zones: planZoneModel(request.plan),
  });
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
