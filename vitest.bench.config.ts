/**
 * `npm run bench`: resolver and export medians for small, medium and large plans (tests/bench).
 * A benchmark that prints a table, not a timed test.
 */
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@': src } },
  test: {
    include: ['tests/bench/**/*.bench-run.ts'],
    environment: 'node',
    disableConsoleIntercept: true,
    testTimeout: 120_000,
  },
});
