/** Deterministic zips: the same plan and date give the same bytes. */
import { unzipSync, zipSync } from 'fflate';

/**
 * A zip (the XLSX workbook, the Aerleon files) with every entry dated the report's date (ZIP stores local time to 2
 * seconds; the library stamps the clock's time): the same plan and date give the same bytes,
 * in the browser and on the command line. Entries keep their order; `edit` may mend an entry's bytes.
 */
export function stampZip(
  zip: Uint8Array,
  date: string,
  edit: (name: string, data: Uint8Array) => Uint8Array = (_name, data) => data,
): Uint8Array {
  // ZIP dates start in 1980; a report without a date gets that first day.
  const [y, m, d] = (date || '1980-01-01').split('-').map(Number);
  const mtime = new Date(y ?? 1980, (m ?? 1) - 1, d ?? 1);
  const entries = unzipSync(zip);
  return zipSync(
    Object.fromEntries(
      Object.entries(entries).map(([name, data]) => [name, [edit(name, data), { mtime }]] as const),
    ),
  );
}
