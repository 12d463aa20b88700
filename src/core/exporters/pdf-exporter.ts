/**
 * "Download PDF": landscape A4 (or Letter) with the title, plan summary, the rule table (its
 * header repeated on each page), notes, errata, plan checks and a section per host; every page
 * has a footer with the catalog version, the permalink and the page number, and, when the plan
 * checks hold errors, a "DRAFT — N plan errors" stamp at its top.
 * jsPDF and jspdf-autotable are imported only when a PDF is asked for, so they stay out of the
 * first bundle. User text reaches the PDF only through text and table cells (PDF-1), after
 * toPdfText. The standard fonts print WinAnsi only: when the report holds other characters that
 * DejaVu Sans covers, context.loadFonts is called and the whole PDF uses that font, embedded
 * (subset by jsPDF); a report without such characters never loads it.
 */
import { hostRuleCells, hostRuleHeader } from '@/core/report/host-rule-cells';
import { addressText } from '@/core/report/host-text';
import type { Report, ReportHostRule } from '@/core/report/model';

import { FQDN_HOST_NOTE } from './export-gate';
import type { Exporter, PdfFonts, RenderContext } from './exporter';
import { exportFileName } from './file-name';
import type { PdfFontKind } from './pdf-text';
import { findUnprintableFields, needsEmbeddedFont, toPdfText } from './pdf-text';
import { stableRuleName } from './powershell-quote';

export type PdfPageSize = 'a4' | 'letter';

const MARGIN = 36;
const FOOTER_SPACE = 30;

/** Column widths (pt) of the rule table on landscape pages; Reference takes the rest. */
const RULE_COLUMN_WIDTHS: Record<string, number> = {
  '#': 16,
  Environment: 48,
  Source: 44,
  'Source host': 60,
  Destination: 44,
  'Destination host': 68,
  'M365 endpoint set': 42,
  'Azure service tag': 48,
  Protocol: 34,
  Ports: 38,
  Service: 42,
  Description: 58,
  Condition: 42,
  Notes: 90,
};

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
  const embed = loadFonts !== undefined && needsEmbeddedFont(reportTexts(report));
  const [{ jsPDF }, { autoTable }, fonts] = await Promise.all([
    import('jspdf'),
    import('jspdf-autotable'),
    embed ? loadFonts() : Promise.resolve<PdfFonts | null>(null),
  ]);
  const kind: PdfFontKind = fonts ? 'embedded' : 'standard';
  const t = (text: string) => toPdfText(text, kind);
  const doc = new jsPDF({ orientation: 'landscape', unit: 'pt', format: pageSize, compress: true });
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
    const lines = doc.splitTextToSize(t(text), contentWidth) as string[];
    doc.text(lines, MARGIN, y + size);
    y += size * 1.25 * lines.length + 6;
  };
  const paragraph = (text: string, size = 9, color: Rgb = [0, 0, 0]) => {
    doc.setFont(font, 'normal');
    doc.setFontSize(size * scale);
    doc.setTextColor(...color);
    for (const line of doc.splitTextToSize(t(text), contentWidth) as string[]) {
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
  ) => {
    ensureSpace(40);
    autoTable(doc, {
      startY: y,
      margin: { top: MARGIN, bottom: MARGIN + FOOTER_SPACE, left: MARGIN, right: MARGIN },
      head: [head.map(t)],
      body: body.map((row) => row.map(t)),
      showHead: 'everyPage',
      theme: 'grid',
      styles: {
        font,
        fontSize: fontSize * scale,
        cellPadding: 2.5,
        overflow: 'linebreak',
        valign: 'top',
      },
      headStyles: { fillColor: HEAD_FILL, textColor: 255, fontStyle: 'bold' },
      columnStyles: Object.fromEntries(
        Object.entries(columnWidths).map(([i, w]) => [i, { cellWidth: w }]),
      ),
    });
    y = ((doc as unknown as DocWithTable).lastAutoTable?.finalY ?? y) + 12;
  };

  const { meta, summary } = report;
  heading(report.title, 18);
  paragraph(
    `Plan: ${meta.planName}    Activity Monitor ${meta.amVersion}    Catalog ${meta.catalogVersion} (${meta.docsRevision})` +
      (meta.date ? `    Date ${meta.date}` : ''),
    10,
  );
  paragraph(`Permalink (reopens this plan in the planner): ${meta.permalink}`, 7, GREY);

  heading('Plan summary', 13);
  table(
    ['Item', 'Value'],
    summary.topology.map((i) => [i.label, i.value]),
    { 0: 170 },
  );
  if (summary.devices.length > 0) {
    table(
      ['Device', 'Environment', 'Addresses', 'Agent', 'Options'],
      summary.devices.map((d) => [d.name, d.environment, d.addresses, d.agent, d.options]),
    );
  }
  table(
    ['Option', 'Value'],
    summary.options.map((i) => [i.label, i.value]),
    { 0: 170 },
  );

  heading('Rules by flow', 13);
  if (report.rows.length === 0) paragraph('No rules: the plan has nothing to connect yet.');
  else {
    const head = ['#', ...report.columns];
    const used = Object.values(RULE_COLUMN_WIDTHS).reduce((a, b) => a + b, 0);
    const widths = Object.fromEntries(
      head.map((c, i) => [i, RULE_COLUMN_WIDTHS[c] ?? Math.max(60, contentWidth - used)]),
    );
    table(
      head,
      report.rows.map((row, i) => [String(i + 1), ...report.columns.map((c) => row[c])]),
      widths,
      6.5,
    );
  }

  if (report.notes.length > 0) {
    heading('Notes', 13);
    for (const note of report.notes) paragraph(`- ${note}`);
  }
  if (report.errata.length > 0) {
    heading('Errata in the vendor documentation', 13);
    table(
      ['Erratum', 'Title', 'Reading'],
      report.errata.map((e) => [e.id, e.title, e.reading]),
      { 0: 50, 1: 220 },
    );
  }
  heading('Plan checks', 13);
  if (report.checks.length === 0) paragraph('No problems found.');
  else {
    table(
      ['Severity', 'Message', 'Field'],
      report.checks.map((c) => [c.severity, c.message, c.field]),
      { 0: 60, 2: 150 },
    );
  }

  heading('Rules by host', 13);
  const hostHead = (peer: string) => hostRuleHeader(peer, '#');
  const hostRows = (rules: readonly ReportHostRule[]) => rules.map(hostRuleCells);
  const hostWidths = { 0: 20, 1: 110, 2: 190, 3: 45, 4: 80, 5: 90 };
  for (const host of report.hosts) {
    const address =
      host.kind === 'fqdn' ? addressText(host, true) : host.address || 'address missing';
    heading(`${host.label} (${address})`, 11);
    paragraph(`Roles: ${host.roleNames.join(', ')}${host.windows ? ' (Windows)' : ''}`, 8, GREY);
    if (host.kind === 'fqdn') paragraph(FQDN_HOST_NOTE, 8, GREY);
    paragraph(`Inbound on this host: ${host.inbound.length === 0 ? 'none' : ''}`, 9);
    if (host.inbound.length > 0) table(hostHead('From'), hostRows(host.inbound), hostWidths);
    paragraph(`Outbound from this host: ${host.outbound.length === 0 ? 'none' : ''}`, 9);
    if (host.outbound.length > 0) table(hostHead('To'), hostRows(host.outbound), hostWidths);
  }

  // Footer on every page: catalog version, permalink (shortened to fit), page number; and for a
  // plan whose checks hold errors, the draft stamp in the top margin of every page.
  const pages = doc.getNumberOfPages();
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
    const prefix = `${meta.generator} · catalog ${meta.catalogVersion} (${meta.docsRevision}) · `;
    const room = contentWidth - doc.getTextWidth(right) - 20 - doc.getTextWidth(t(prefix));
    let link = t(meta.permalink);
    if (doc.getTextWidth(link) > room) {
      while (link.length > 0 && doc.getTextWidth(`${link}...`) > room) link = link.slice(0, -1);
      link = `${link}...`;
    }
    const footerY = pageHeight - MARGIN;
    doc.text(t(prefix) + link, MARGIN, footerY);
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
