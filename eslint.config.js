// @ts-check
import { readdirSync } from 'node:fs';

import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FRAMEWORK_IMPORTS = [
  {
    group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
    message: 'src/core is pure TypeScript: no React.',
  },
  { group: ['@mui/*'], message: 'src/core is pure TypeScript: no MUI.' },
  { group: ['zustand', 'zustand/*'], message: 'src/core is pure TypeScript: no zustand.' },
  {
    group: ['react-router', 'react-router/*', 'react-router-dom'],
    message: 'src/core is pure TypeScript: no router.',
  },
  {
    group: ['@/state/*', '@/features/*', '@/components/*', '@/lib/*', '@/app/*'],
    message: 'src/core must not import outer layers.',
  },
];

const BROWSER_GLOBALS = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'location',
  'history',
].map((name) => ({
  name,
  message: `src/core runs in Node: no ${name}. Browser APIs live in src/lib.`,
}));

const MUI_ICON_BARREL = {
  name: '@mui/icons-material',
  message: "Import icons by path: import X from '@mui/icons-material/X'.",
};

const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'e2e-results',
      'playwright-report',
      'test-results',
      'coverage',
      '.lighthouse',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [MUI_ICON_BARREL],
          patterns: [{ group: ['@mui/*/*/*'], message: 'No deep MUI imports.' }],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      // No string reaches the DOM as HTML: React text only.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No HTML from strings: render text with React.',
        },
        {
          selector:
            "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/], CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/][callee.object.name='document'], CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'No HTML from strings: build DOM nodes or render text with React.',
        },
      ],
    },
  },
  // Core: pure TypeScript, runs in Node.
  {
    files: ['src/core/**/*.ts', 'src/data/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', { paths: [MUI_ICON_BARREL], patterns: FRAMEWORK_IMPORTS }],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },
  // Only src/lib touches browser storage, URL and clipboard.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/lib/**', 'src/core/**', 'src/data/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: 'Use the helpers in src/lib.' },
        { name: 'sessionStorage', message: 'Use the helpers in src/lib.' },
        { name: 'location', message: 'Use the router or src/lib.' },
        { name: 'window', message: 'Window APIs live in src/lib (e.g. src/lib/window-events.ts).' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'navigator', property: 'clipboard', message: 'Use src/lib/clipboard.' },
        { object: 'window', property: 'localStorage', message: 'Use the helpers in src/lib.' },
        { object: 'window', property: 'location', message: 'Use the router or src/lib.' },
      ],
    },
  },
  // Shared UI is presentational: props in, callbacks out; no store, router, browser APIs,
  // feature or app code (core types and pure functions are fine).
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [MUI_ICON_BARREL],
          patterns: [
            { group: ['@mui/*/*/*'], message: 'No deep MUI imports.' },
            {
              group: [
                '@/state',
                '@/state/*',
                '@/features',
                '@/features/*',
                '@/app',
                '@/app/*',
                '@/lib',
                '@/lib/*',
                '../state/*',
                '../features/*',
                '../app/*',
                '../lib/*',
                'zustand',
                'zustand/*',
                'react-router',
                'react-router/*',
              ],
              message:
                'src/components is presentational: take values and callbacks as props; the wiring (store, router, browser APIs) stays in the feature.',
            },
          ],
        },
      ],
    },
  },
  // Features do not import each other.
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [MUI_ICON_BARREL],
          patterns: [
            { group: ['@mui/*/*/*'], message: 'No deep MUI imports.' },
            {
              group: FEATURES.filter((f) => f !== feature).flatMap((f) => [
                `@/features/${f}`,
                `@/features/${f}/*`,
                `../${f}/*`,
                `../../${f}/*`,
              ]),
              message:
                'Features do not import each other: share through src/components, src/state or src/core.',
            },
            { group: ['@/app/*'], message: 'Nothing imports src/app.' },
          ],
        },
      ],
    },
  })),
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs,js}', '*.config.{ts,js}'],
    rules: { 'react-refresh/only-export-components': 'off' },
  },
);
