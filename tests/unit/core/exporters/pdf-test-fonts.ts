/** The PDF font loader of the Node tests: the TTF files of dejavu-fonts-ttf, read from disk. */
import { readFileSync } from 'node:fs';

import type { PdfFonts } from '@/core/exporters/exporter';

const FONT_DIR = 'node_modules/dejavu-fonts-ttf/ttf/';

export const FONT_FILES = {
  regular: `${FONT_DIR}DejaVuSans.ttf`,
  bold: `${FONT_DIR}DejaVuSans-Bold.ttf`,
} as const;

export function loadFontsFromDisk(): Promise<PdfFonts> {
  return Promise.resolve({
    regular: new Uint8Array(readFileSync(FONT_FILES.regular)),
    bold: new Uint8Array(readFileSync(FONT_FILES.bold)),
  });
}
