import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src', import.meta.url));

/**
 * The built app's Content-Security-Policy, as a meta tag so it holds on any static host.
 * Scripts only from the app's own origin (no inline, no eval); Emotion (MUI) injects
 * <style> elements, which needs 'unsafe-inline' for styles on a host without nonces.
 * Not applied to the dev server, whose HMR needs inline scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  // Relative asset URLs: dist/ works on any static host, under any sub-path.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  resolve: { alias: { '@': src } },
  build: {
    target: 'es2022',
    // The budget script (npm run budget) is the real size alarm.
    chunkSizeWarningLimit: 600,
  },
  test: {
    // Tests pass on a busy 2-core machine: no test may fail for being slow (property tests spawn
    // bash, LibreOffice and jsPDF); speed is measured by scripts, not by timeouts.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/support/setup.ts'],
        },
      },
    ],
  },
});
