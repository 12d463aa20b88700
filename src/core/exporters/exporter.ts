/**
 * An export format. Every exporter renders the same Report; the registry
 * (registry.ts) drives the buttons, so a new format is one module, one registry line
 * and one golden test.
 */
import type { Plan } from '@/core/plan/model';
import type { HostFacts } from '@/core/report/host-kind';
import type { Report } from '@/core/report/model';

/** The PDF's embedded font, DejaVu Sans (TTF bytes). */
export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** What the app lends an exporter at render time (core never touches the network itself). */
export interface RenderContext {
  /**
   * Loads the PDF font. The PDF exporter calls it only when the report holds characters its
   * standard fonts lack; without it those characters print as '?'.
   */
  loadFonts?: () => Promise<PdfFonts>;
  /**
   * Told how far the export is, from 0 to 1 (the PDF calls it as it lays out its parts), so that
   * a long export can show its progress.
   */
  progress?: (fraction: number) => void;
}

export interface Exporter {
  id: string;
  /** The button's name, e.g. "Download CSV". */
  label: string;
  /** download: save as a file; copy: put the text on the clipboard. */
  action: 'download' | 'copy';
  fileName: (report: Report) => string;
  mimeType: string;
  render: (report: Report, context?: RenderContext) => string | Uint8Array | Promise<Uint8Array>;
  /**
   * For a copy action: the same content as HTML (text/html beside the text/plain of render),
   * for spreadsheets and rich-text editors. Built as a string of escaped text, never parsed here.
   */
  html?: (report: Report) => string;
  /**
   * Fields of the plan this format cannot show faithfully (shown as a warning beside the
   * button). It reads the plan only, so the review need not build a report to show it.
   */
  warnings?: (plan: Plan) => string[];
  /**
   * Why this format does not apply to the plan (a firewalld script for a plan without a Linux
   * host), or undefined when it does. It reads the plan's hosts (buildHostFacts), not a report;
   * the button is then disabled with the reason shown beside it.
   */
  unavailable?: (hosts: readonly HostFacts[]) => string | undefined;
  /**
   * What the file covers, when that depends on the plan (a vendor config of a plan with network
   * firewalls: which firewalls), shown beside the button; undefined: nothing to say. Reads the
   * plan only.
   */
  coverage?: (plan: Plan) => string | undefined;
}
