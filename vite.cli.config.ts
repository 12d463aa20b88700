/**
 * The command line's bundle: src/cli/bin.ts -> dist-cli/am-firewall-planner.mjs, one ES module
 * for Node 20 (`npm run build:cli`; `npm ci` runs it as the prepare script, so a fresh clone has
 * it). The npm packages stay external (imported from node_modules at run time: jspdf, fflate,
 * valibot); the planner's own TypeScript (src/cli, src/core, src/data) is bundled, with its '@/'
 * alias.
 */
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

const src = fileURLToPath(new URL('./src', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@': src } },
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/cli/bin.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      output: {
        entryFileNames: 'am-firewall-planner.mjs',
        chunkFileNames: '[name].mjs',
        banner: '#!/usr/bin/env node',
      },
    },
  },
});
