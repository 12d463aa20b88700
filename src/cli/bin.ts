/**
 * The command line's entry point (package.json "bin": dist-cli/am-firewall-planner.mjs, bundled
 * from this file by `npm run build:cli`, which `npm ci` runs as the prepare script). It lends
 * ./cli.ts the Node specifics: files, standard streams, the clock and the PDF font files.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { version } from '../../package.json';

import type { CliIo } from './cli';
import { runCli } from './cli';

const require = createRequire(import.meta.url);

/** The DejaVu fonts the browser fetches, read from the same npm package. */
function font(name: string): Uint8Array {
  return new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`)));
}

const io: CliIo = {
  readFile: (path) => new Uint8Array(readFileSync(path)),
  fileSize: (path) => statSync(path).size,
  writeFile: (path, data) => writeFileSync(path, data),
  stdout: (data) => {
    process.stdout.write(data);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  env: process.env,
  now: () => new Date(),
  loadFonts: () =>
    Promise.resolve({ regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') }),
  version,
};

process.exitCode = await runCli(process.argv.slice(2), io);
