/**
 * The PDF's embedded font, DejaVu Sans regular and bold (package dejavu-fonts-ttf; Bitstream Vera
 * license, DejaVu changes public domain), fetched from the app's own origin. Vite emits the TTF
 * files as separate assets; import this module dynamically so that neither they nor their URLs
 * are part of the first load or of the PDF chunk.
 */
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';

import type { PdfFonts } from '@/core/exporters/exporter';

async function fetchFont(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the PDF font did not load (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

let loading: Promise<PdfFonts> | undefined;

/** Both font files, fetched once per session (again after a failure). */
export function loadPdfFonts(): Promise<PdfFonts> {
  if (!loading) {
    loading = Promise.all([fetchFont(regularUrl), fetchFont(boldUrl)]).then(([regular, bold]) => ({
      regular,
      bold,
    }));
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
