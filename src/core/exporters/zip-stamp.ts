/** Deterministic zips: the same plan and date give the same bytes. */
import { unzipSync, zipSync } from 'fflate';

/**
 * The date a zip entry of a report carries: its date at midnight, local time (ZIP stores local
 * time to 2 seconds and starts in 1980; a report without a date gets that first day).
 */
export function zipDate(date: string): Date {
  const [y, m, d] = (date || '1980-01-01').split('-').map(Number);
  return new Date(y ?? 1980, (m ?? 1) - 1, d ?? 1);
}

/**
 * A zip (the Aerleon files; the XLSX workbook's writer dates its entries itself) with every entry dated the report's date (ZIP stores local time to 2
 * seconds; the library stamps the clock's time): the same plan and date give the same bytes,
 * in the browser and on the command line. Entries keep their order; `edit` may mend an entry's bytes.
 */
export function stampZip(
  zip: Uint8Array,
  date: string,
  edit: (name: string, data: Uint8Array) => Uint8Array = (_name, data) => data,
): Uint8Array {
  const mtime = zipDate(date);
  const entries = unzipSync(zip);
  return zipSync(
    Object.fromEntries(
      Object.entries(entries).map(([name, data]) => [name, [edit(name, data), { mtime }]] as const),
    ),
  );
}
