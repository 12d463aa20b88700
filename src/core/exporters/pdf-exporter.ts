/**
 * "Download PDF": a change request on portrait A4 (or Letter). Page 1: what is asked (rules,
 * flows, hosts, basis, plan checks, source), the rules in five readable columns (Rule, From, To,
 * Protocol / port, Purpose; rows never split across pages, a rule with more hosts than a cell
 * holds going on in rows of its own, names and addresses never broken inside a word where a break
 * at . - / : fits) and an approval block to fill in. After a page
 * break, the appendix: provenance and permalink, each rule's notes, errata and references (once),
 * the plan summary, errata, plan checks and the rules by host. Every page has a footer with the
 * catalog version, the permalink and the page number, and, when the plan checks hold errors, a
 * "DRAFT — N plan errors" stamp at its top. A plan with network zones gets, after page 1, each
 * firewall's own change request (pdf-firewalls.ts).
 * jsPDF and jspdf-autotable are imported only when a PDF is asked for, so they stay out of the
 * first bundle. User text reaches the PDF only through text and table cells (PDF-1), after
 * toPdfText. The standard fonts print WinAnsi only: when the report holds other characters that
 * DejaVu Sans covers, context.loadFonts is called and the whole PDF uses that font, embedded
 * (subset by jsPDF); a report without such characters never loads it.
 */
import { hostRuleCells, hostRuleHeader } from '@/core/report/host-rule-cells';
import { addressText } from '@/core/report/host-text';
import type { Report, ReportHostRule, ReportRule } from '@/core/report/model';
import { ruleIdRanges } from '@/core/resolve/rule-ids';

import { FQDN_HOST_NOTE } from './export-gate';
import type { Exporter, PdfFonts, RenderContext } from './exporter';
import { exportFileName } from './file-name';
import { drawFirewallChangeRequests } from './pdf-firewalls';
import type { PdfFontKind } from './pdf-text';
import {
  findUnprintableFields,
  fitToWidth,
  needsEmbeddedFont,
  toPdfText,
  wrapToWidth,
} from './pdf-text';
import { stableRuleName } from './powershell-quote';

export type PdfPageSize = 'a4' | 'letter';

const MARGIN = 36;
const FOOTER_SPACE = 30;

/** The change request's rule table: few columns, readable type. */
const CHANGE_COLUMNS = ['Rule', 'From', 'To', 'Protocol / port', 'Purpose'] as const;
/** Font size (pt) of the change request's tables: readable when printed. */
const CHANGE_FONT = 9;
const CELL_PADDING = 3;
/**
 * Room the approval block needs: its heading, a header row and four rows of 22 pt to fill in
 * (129 pt as drawn, read back with pdftotext -bbox), and a margin.
 */
const APPROVAL_HEIGHT = 140;
/**
 * "Rules by host" names at most this many peers per rule; past it, the first ones and "and N
 * more (rule R05 lists all M)": the rule table lists every host, so a large plan's per-host
 * tables stay proportionate (a 50-agent, 500-device plan: 764 pages before, see performance.md).
 */
export const HOST_PEER_LIMIT = 6;
/**
 * Lines one host cell of the rule table holds at most (40 lines of 9 pt: 420 pt, less than the
 * room page 1 leaves under the summary, A4 or Letter). A rule with more hosts goes on in rows of
 * its own ("part 2 of 3"), each with the rule's ID, so no row is taller than a page: rows are
 * never split, every page of the table starts with a rule ID, and the table starts on page 1.
 */
export const RULE_CELL_LINES = 30;

/** Column widths (pt) of the rule table: ID and protocol narrow, the rest shared. */
function changeColumnWidths(contentWidth: number): [number, number, number, number, number] {
  const id = 34;
  const protocol = 74;
  const rest = contentWidth - id - protocol;
  return [id, rest * 0.3, rest * 0.3, protocol, rest * 0.4];
}

type Rgb = [number, number, number];
const HEAD_FILL: Rgb = [33, 84, 140];
const GREY: Rgb = [90, 90, 90];
const DRAFT_RED: Rgb = [170, 20, 20];
const DRAFT_FILL: Rgb = [253, 232, 232];
/** The draft stamp's band in the top margin (pt from the top of the page). */
const DRAFT_TOP = 12;
const DRAFT_HEIGHT = 16;

interface DocWithTable {
  lastAutoTable?: { finalY?: number };
}

const EMBEDDED_FONT = 'DejaVuSans';
/** DejaVu Sans runs wider and taller than Helvetica: this keeps the layout's look. */
const EMBEDDED_FONT_SCALE = 0.9;

/** Every text of the report except the plan it was built from (which the PDF does not print). */
function* reportTexts(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* reportTexts(item);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) if (key !== 'plan') yield* reportTexts(item);
  }
}

/** A font file as the binary string jsPDF's virtual file system takes. */
function binaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
}

export async function renderPdf(
  report: Report,
  pageSize: PdfPageSize = 'a4',
  context: RenderContext = {},
): Promise<Uint8Array> {
  const loadFonts = context.loadFonts;
  // Rough shares of the work: the rule table, the appendix's first parts, then host by host.
  const progress = (fraction: number) => context.progress?.(fraction);
  const embed = loadFonts !== undefined && needsEmbeddedFont(reportTexts(report));
  const [{ jsPDF }, { autoTable }, fonts] = await Promise.all([
    import('jspdf'),
    import('jspdf-autotable'),
    embed ? loadFonts() : Promise.resolve<PdfFonts | null>(null),
  ]);
  const kind: PdfFontKind = fonts ? 'embedded' : 'standard';
  const t = (text: string) => toPdfText(text, kind);
  const doc = new jsPDF({ orientation: 'portrait', unit: 'pt', format: pageSize, compress: true });
  let font = 'helvetica';
  let scale = 1;
  if (fonts) {
    doc.addFileToVFS('DejaVuSans.ttf', binaryString(fonts.regular));
    doc.addFileToVFS('DejaVuSans-Bold.ttf', binaryString(fonts.bold));
    doc.addFont('DejaVuSans.ttf', EMBEDDED_FONT, 'normal');
    doc.addFont('DejaVuSans-Bold.ttf', EMBEDDED_FONT, 'bold');
    font = EMBEDDED_FONT;
    scale = EMBEDDED_FONT_SCALE;
  }
  // Fixed metadata (PDF-1) and a deterministic date and file id.
  doc.setProperties({
    title: 'Firewall rules for Netwrix Activity Monitor',
    subject: 'Firewall rules',
    creator: 'Activity Monitor Firewall Planner',
  });
  doc.setCreationDate(new Date(report.meta.date ? `${report.meta.date}T00:00:00Z` : 0));
  doc.setFileId(
    stableRuleName(`${report.meta.permalink}|${report.meta.catalogVersion}`)
      .slice(5)
      .padEnd(32, '0')
      .toUpperCase(),
  );

  const pageWidth = doc.internal.pageSize.getWidth();
  const pageHeight = doc.internal.pageSize.getHeight();
  const contentWidth = pageWidth - 2 * MARGIN;
  const bottom = pageHeight - MARGIN - FOOTER_SPACE;
  let y = MARGIN;

  const ensureSpace = (needed: number) => {
    if (y + needed > bottom) {
      doc.addPage();
      y = MARGIN;
    }
  };
  const heading = (text: string, size: number) => {
    ensureSpace(size + 40);
    doc.setFont(font, 'bold');
    doc.setFontSize(size * scale);
    doc.setTextColor(0, 0, 0);
    const lines = wrapToWidth(t(text), contentWidth, (x) => doc.getTextWidth(x)).split('\n');
    doc.text(lines, MARGIN, y + size);
    y += size * 1.25 * lines.length + 6;
  };
  const paragraph = (text: string, size = 9, color: Rgb = [0, 0, 0]) => {
    doc.setFont(font, 'normal');
    doc.setFontSize(size * scale);
    doc.setTextColor(...color);
    for (const line of wrapToWidth(t(text), contentWidth, (x) => doc.getTextWidth(x)).split('\n')) {
      ensureSpace(size * 1.3);
      doc.text(line, MARGIN, y + size);
      y += size * 1.3;
    }
    y += 3;
  };
  const table = (
    head: readonly string[],
    body: readonly (readonly string[])[],
    columnWidths: Record<number, number> = {},
    fontSize = 8,
    keepRows = false,
    minCellHeight = 0,
  ) => {
    ensureSpace(40);
    autoTable(doc, {
      startY: y,
      // A row is never split across pages (rows taller than a page still break).
      rowPageBreak: keepRows ? 'avoid' : 'auto',
      margin: { top: MARGIN, bottom: MARGIN + FOOTER_SPACE, left: MARGIN, right: MARGIN },
      head: [head.map(t)],
      body: body.map((row) => row.map(t)),
      showHead: 'everyPage',
      theme: 'grid',
      styles: {
        font,
        fontSize: fontSize * scale,
        cellPadding: CELL_PADDING,
        overflow: 'linebreak',
        valign: 'top',
        minCellHeight,
      },
      headStyles: { fillColor: HEAD_FILL, textColor: 255, fontStyle: 'bold' },
      columnStyles: Object.fromEntries(
        Object.entries(columnWidths).map(([i, w]) => [i, { cellWidth: w }]),
      ),
    });
    y = ((doc as unknown as DocWithTable).lastAutoTable?.finalY ?? y) + 12;
  };

  const { meta, summary } = report;
  const ruleCount = report.rules.length;
  const flowCount = report.flows.flows.length;
  const inferred = report.rules.filter((r) => r.basis === 'inferred').length;
  const errors = report.checks.filter((c) => c.severity === 'error').length;
  const warnings = report.checks.filter((c) => c.severity === 'warning').length;
  const ownFirewall = report.hosts.filter((h) => h.kind === 'host' && h.os !== 'other');

  // Page 1: what is asked, for whom, the rules, and the approval block.
  heading('Firewall change request', 18);
  paragraph(`${meta.planName}: the flows Netwrix Activity Monitor ${meta.amVersion} needs`, 12);
  table(
    ['Item', 'Value'],
    [
      [
        'What',
        `Open ${ruleCount} rule${ruleCount === 1 ? '' : 's'} (${flowCount} flow${flowCount === 1 ? '' : 's'} from one address to one address and port) for Netwrix Activity Monitor ${meta.amVersion}.`,
      ],
      [
        'Where',
        `${report.hosts.length} host${report.hosts.length === 1 ? '' : 's'}; ${ownFirewall.length} with a firewall of their own (${ownFirewall.filter((h) => h.os === 'windows').length} Windows, ${ownFirewall.filter((h) => h.os === 'linux').length} Linux): scripts for them come with this plan.`,
      ],
      [
        'Basis',
        `${ruleCount - inferred} documented by the vendor; ${inferred} inferred (marked "Inferred" below; see the appendix).`,
      ],
      [
        'Plan checks',
        errors + warnings === 0
          ? 'No problems found.'
          : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}: listed in the appendix.`,
      ],
      [
        'Source',
        `Catalog ${meta.catalogVersion} (${meta.docsRevision})${meta.date ? `, made ${meta.date}` : ''}; the permalink in the appendix reopens this plan.`,
      ],
    ],
    { 0: 80 },
    CHANGE_FONT,
  );

  heading('Rules', 13);
  if (report.rules.length === 0) paragraph('No rules: the plan has nothing to connect yet.');
  else {
    const widths = changeColumnWidths(contentWidth);
    const cell = (text: string, column: number) =>
      wrapToWidth(t(text), (widths[column] ?? 0) - 2 * CELL_PADDING, (x) => {
        doc.setFont(font, 'normal');
        doc.setFontSize(CHANGE_FONT * scale);
        return doc.getTextWidth(x);
      });
    // A cloud endpoint is its FQDN: the role says what it is, the appendix names each one.
    const hostText = (h: ReportRule['from']['hosts'][number]) =>
      h.address
        ? `${h.fqdn ? '' : `${h.label}: `}${h.address}${h.invalid ? ' (INVALID)' : ''}`
        : `${h.label}: address missing`;
    /** The endpoint's cells, wrapped: its role and hosts in parts of RULE_CELL_LINES lines. */
    const endpointParts = (e: ReportRule['from'], column: number): string[] => {
      const parts: string[][] = [[cell(e.role, column)]];
      let lines = parts[0]?.[0]?.split('\n').length ?? 0;
      for (const host of e.hosts) {
        const text = cell(hostText(host), column);
        const height = text.split('\n').length;
        let part = parts[parts.length - 1] ?? [];
        if (lines + height > RULE_CELL_LINES && part.length > 1) {
          const more = cell(`${e.role}, continued`, column);
          part = [more];
          parts.push(part);
          lines = more.split('\n').length;
        }
        part.push(text);
        lines += height;
      }
      return parts.map((part) => part.join('\n'));
    };
    const purpose = (r: ReportRule) =>
      [
        r.description,
        ...(r.conditions.length > 0 ? [`When: ${r.conditions.join('; ')}`] : []),
        ...(r.basis === 'inferred' ? ['Inferred: not stated by the vendor.'] : []),
        ...(r.problems.length > 0 ? [`NOT READY: ${r.problems.join('; ')}`] : []),
      ].join('\n');
    const rows = report.rules.flatMap((r) => {
      const from = endpointParts(r.from, 1);
      const to = endpointParts(r.to, 2);
      const protocol = cell(`${r.protocol} ${r.portsText}\n${r.service}`, 3);
      const count = Math.max(from.length, to.length);
      if (count === 1) return [[r.id, from[0] ?? '', to[0] ?? '', protocol, cell(purpose(r), 4)]];
      // A side with fewer parts than the other: its later rows point back to the first.
      const side = (parts: string[], e: ReportRule['from'], k: number, column: number) =>
        parts[k] ?? cell(`${e.role}: as in part 1`, column);
      return Array.from({ length: count }, (_, k) => [
        r.id,
        side(from, r.from, k, 1),
        side(to, r.to, k, 2),
        protocol,
        cell(
          k === 0
            ? `${purpose(r)}\nPart 1 of ${count}: the hosts go on in the next rows.`
            : `Part ${k + 1} of ${count} of rule ${r.id}: more hosts, same ports.`,
          4,
        ),
      ]);
    });
    table(
      CHANGE_COLUMNS,
      rows,
      Object.fromEntries(widths.map((w, i) => [i, w])),
      CHANGE_FONT,
      true,
    );
  }

  // The approval block: kept whole, blank lines to fill in.
  ensureSpace(APPROVAL_HEIGHT);
  heading('Approval', 13);
  table(
    ['', 'Name', 'Signature', 'Date'],
    [['Requested by'], ['Approved by'], ['Implemented by'], ['Change number']].map((row) => [
      ...row,
      '',
      '',
      '',
    ]),
    { 0: 100, 2: 150, 3: 90 },
    CHANGE_FONT,
    true,
    22,
  );

  // A plan with network zones: each firewall's own change request (pdf-firewalls.ts).
  if (report.zones) {
    const newPage = () => {
      doc.addPage();
      y = MARGIN;
    };
    const draw = { contentWidth, newPage, heading, paragraph, table };
    drawFirewallChangeRequests(report.zones, meta.planName, draw);
  }

  // The appendix, after a page break: what a reviewer may want to check.
  doc.addPage();
  y = MARGIN;
  heading('Appendix', 16);
  progress(0.3);
  heading('A. Provenance', 12);
  paragraph(
    `Plan: ${meta.planName}. Activity Monitor ${meta.amVersion}. Catalog ${meta.catalogVersion}, built from ${meta.docsRevision}.${meta.date ? ` Made ${meta.date}.` : ''}`,
  );
  paragraph('Permalink (reopens this plan in the planner):', 9);
  paragraph(
    wrapToWidth(t(meta.permalink), contentWidth, (x) => doc.getTextWidth(x)),
    7,
    GREY,
  );

  heading('B. Rule details', 12);
  if (report.rules.length === 0) paragraph('No rules.');
  else {
    // Rules of one catalog rule for many devices carry the same details: printed once, with the
    // IDs of every rule they belong to, so a large plan's appendix stays proportionate.
    const groups = new Map<string, string[]>();
    for (const r of report.rules) {
      const details = [
        r.environments.join('; '),
        ...r.notes.map((n) => `Note: ${n}`),
        ...(r.errata.length > 0 ? [`Vendor doc corrected: ${r.errata.join(', ')}`] : []),
        ...r.references.map((ref) => `Reference: ${ref}`),
      ].join('\n');
      const ids = groups.get(details);
      if (ids) ids.push(r.id);
      else groups.set(details, [r.id]);
    }
    const idWidth = 58;
    const detailWidth = contentWidth - idWidth - 2 * CELL_PADDING;
    table(
      ['Rules', 'Environments, notes, corrections of the vendor doc, references'],
      [...groups].map(([details, ids]) => [
        ruleIdRanges(ids),
        wrapToWidth(t(details), detailWidth, (x) => {
          doc.setFont(font, 'normal');
          doc.setFontSize(8 * scale);
          return doc.getTextWidth(x);
        }),
      ]),
      { 0: idWidth },
      8,
      true,
    );
  }

  progress(0.4);
  heading('C. Plan summary', 12);
  table(
    ['Item', 'Value'],
    summary.topology.map((i) => [i.label, i.value]),
    { 0: 150 },
  );
  if (summary.devices.length > 0) {
    table(
      ['Device', 'Environment', 'Addresses', 'Agent', 'Options'],
      summary.devices.map((d) => [d.name, d.environment, d.addresses, d.agent, d.options]),
      // The agent's name on one line ("Agent server 12"), the options in what is left.
      { 0: 90, 1: 80, 2: 100, 3: 80 },
    );
  }
  table(
    ['Option', 'Value'],
    summary.options.map((i) => [i.label, i.value]),
    { 0: 150 },
  );

  if (report.errata.length > 0) {
    heading('D. Errata in the vendor documentation', 12);
    table(
      ['Erratum', 'Title', 'Reading'],
      report.errata.map((e) => [e.id, e.title, e.reading]),
      { 0: 45, 1: 150 },
    );
  }
  heading('E. Plan checks', 12);
  if (report.checks.length === 0) paragraph('No problems found.');
  else {
    table(
      ['Severity', 'Message', 'Field'],
      report.checks.map((c) => [c.severity, c.message, c.field]),
      { 0: 50, 2: 120 },
    );
  }

  progress(0.5);
  heading('F. Rules by host', 12);
  const hostHead = (peer: string) => hostRuleHeader(peer, 'Rule');
  const hostRows = (rules: readonly ReportHostRule[]) =>
    rules.map((rule) => hostRuleCells(rule, HOST_PEER_LIMIT));
  const hostWidths = { 0: 30, 1: 80, 2: 120, 3: 40, 4: 60, 5: 70 };
  for (const [index, host] of report.hosts.entries()) {
    progress(0.5 + (0.45 * index) / report.hosts.length);
    const address =
      host.kind === 'fqdn' ? addressText(host, true) : host.address || 'address missing';
    heading(`${host.label} (${address})`, 10);
    paragraph(`Roles: ${host.roleNames.join(', ')}${host.windows ? ' (Windows)' : ''}`, 8, GREY);
    if (host.kind === 'fqdn') paragraph(FQDN_HOST_NOTE, 8, GREY);
    // "Inbound on this host:" stays on the page of its table (the table needs 40 pt to start).
    if (host.inbound.length > 0) ensureSpace(9 * 1.3 + 3 + 40);
    paragraph(`Inbound on this host: ${host.inbound.length === 0 ? 'none' : ''}`, 9);
    if (host.inbound.length > 0) table(hostHead('From'), hostRows(host.inbound), hostWidths, 7.5);
    if (host.outbound.length > 0) ensureSpace(9 * 1.3 + 3 + 40);
    paragraph(`Outbound from this host: ${host.outbound.length === 0 ? 'none' : ''}`, 9);
    if (host.outbound.length > 0) table(hostHead('To'), hostRows(host.outbound), hostWidths, 7.5);
  }

  // Footer on every page: catalog version, permalink (shortened to fit), page number; and for a
  // plan whose checks hold errors, the draft stamp in the top margin of every page.
  const pages = doc.getNumberOfPages();
  const footerPrefix = t(
    `${meta.generator} · catalog ${meta.catalogVersion} (${meta.docsRevision}) · `,
  );
  const footerLink = t(meta.permalink);
  const footerLinks = new Map<number, string>();
  for (let page = 1; page <= pages; page += 1) {
    doc.setPage(page);
    if (report.draft) {
      doc.setFillColor(...DRAFT_FILL);
      doc.rect(MARGIN, DRAFT_TOP, contentWidth, DRAFT_HEIGHT, 'F');
      doc.setFont(font, 'bold');
      doc.setFontSize(9 * scale);
      doc.setTextColor(...DRAFT_RED);
      doc.text(t(report.draft.stamp), MARGIN + 6, DRAFT_TOP + DRAFT_HEIGHT - 5);
    }
    doc.setFont(font, 'normal');
    doc.setFontSize(7 * scale);
    doc.setTextColor(...GREY);
    const right = `Page ${page} of ${pages}`;
    const room = contentWidth - doc.getTextWidth(right) - 20 - doc.getTextWidth(footerPrefix);
    // The link shortened to the room left: found once per room (pages whose numbers have as
    // many digits share it), by halving, not character by character on every page.
    let link = footerLinks.get(room);
    if (link === undefined) {
      link = fitToWidth(footerLink, room, (x) => doc.getTextWidth(x));
      footerLinks.set(room, link);
    }
    const footerY = pageHeight - MARGIN;
    doc.text(footerPrefix + link, MARGIN, footerY);
    doc.text(right, pageWidth - MARGIN, footerY, { align: 'right' });
  }
  return new Uint8Array(doc.output('arraybuffer'));
}

export function createPdfExporter(pageSize: PdfPageSize = 'a4'): Exporter {
  return {
    id: pageSize === 'a4' ? 'pdf' : `pdf-${pageSize}`,
    label: pageSize === 'a4' ? 'Download PDF' : `Download PDF (${pageSize})`,
    action: 'download',
    fileName: (report) => exportFileName(report.meta.planName, 'firewall-rules.pdf'),
    mimeType: 'application/pdf',
    render: (report, context) => renderPdf(report, pageSize, context),
    warnings: (plan) => findUnprintableFields(plan),
  };
}

export const pdfExporter = createPdfExporter('a4');
