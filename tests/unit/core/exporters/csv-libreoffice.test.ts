/**
 * CSV-2: the hostile golden CSV opens in LibreOffice Calc with every cell as text and no
 * formula. Runs where LibreOffice is installed (apt-get install libreoffice-calc-nogui);
 * skipped, and said so, elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

describe.skipIf(!SOFFICE)('CSV-2 in LibreOffice Calc', () => {
  it.each(['hostile-rules', 'hostile-rules-import'])(
    'imports %s.csv as text: no formula cell, the apostrophe kept',
    (golden) => {
      const dir = mkdtempSync(join(tmpdir(), 'csv-lo-'));
      const csv = join(dir, `${golden}.csv`);
      copyFileSync(new URL(`../../../golden/${golden}.csv`, import.meta.url), csv);
      execFileSync(
        SOFFICE as string,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--infilter=CSV:44,34,76,1,,0,false,true,false,false,false',
          '--convert-to',
          'xlsx',
          '--outdir',
          dir,
          csv,
        ],
        { timeout: 120_000, stdio: 'ignore' },
      );
      const files = unzipSync(readFileSync(join(dir, `${golden}.xlsx`)));
      const text = (name: string) => new TextDecoder().decode(files[name] ?? new Uint8Array());
      const sheet = text('xl/worksheets/sheet1.xml');
      expect(sheet).toContain('<row');
      expect(sheet).not.toMatch(/<f[ >]/);
      expect(text('xl/sharedStrings.xml')).toContain('&apos;=HYPERLINK(');
    },
    150_000,
  );
});
