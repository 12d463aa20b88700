/**
 * An export format. Every exporter renders the same Report; the registry
 * (registry.ts) drives the buttons, so a new format is one module, one registry line
 * and one golden test.
 */
import type { Report } from '@/core/report/model';

export interface Exporter {
  id: string;
  /** The button's name, e.g. "Download CSV". */
  label: string;
  /** download: save as a file; copy: put the text on the clipboard. */
  action: 'download' | 'copy';
  fileName: (report: Report) => string;
  mimeType: string;
  render: (report: Report) => string | Uint8Array | Promise<Uint8Array>;
  /** Fields this format cannot show faithfully (shown as a warning beside the button). */
  warnings?: (report: Report) => string[];
}
