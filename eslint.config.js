// @ts-check
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * An import of src/<name>, for each name: by the '@/' alias or by a relative path that climbs
 * out of the importing layer ('../state/store', '../../lib/storage').
 */
function layers(names, message, extra = {}) {
  return { regex: `^(?:@/|(?:\\.\\./)+)(?:${names.join('|')})(?:/|$)`, message, ...extra };
}

const REACT = { group: ['react', 'react/*', 'react-dom', 'react-dom/*'] };
const MUI = { group: ['@mui/*'] };
const ZUSTAND = { group: ['zustand', 'zustand/*'] };
const ROUTER = { group: ['react-router', 'react-router/*', 'react-router-dom'] };
const MUI_DEEP = { group: ['@mui/*/*/*'], message: 'No deep MUI imports.' };

const FRAMEWORK_IMPORTS = [
  { ...REACT, message: 'src/core is pure TypeScript: no React.' },
  { ...MUI, message: 'src/core is pure TypeScript: no MUI.' },
  { ...ZUSTAND, message: 'src/core is pure TypeScript: no zustand.' },
  { ...ROUTER, message: 'src/core is pure TypeScript: no router.' },
  layers(
    ['state', 'features', 'components', 'lib', 'app', 'config'],
    'src/core must not import outer layers.',
  ),
];

const DATA_OUTSIDE_CATALOG = layers(
  ['data'],
  'The catalog data is read only through src/core/catalog (getCatalog).',
);

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

/**
 * A config block holding the whole no-restricted-imports of its files (a later block's options
 * replace an earlier block's, so each layer lists everything: the icon barrel and deep MUI too).
 */
function restrictImports(files, patterns, { ignores = [], paths = [] } = {}) {
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [MUI_ICON_BARREL, ...paths], patterns: [MUI_DEEP, ...patterns] },
      ],
    },
  };
}

/**
 * The import order the code follows: node built-ins, npm packages, '@/' aliases, then relative
 * paths (parents, then siblings), a blank line between groups, each group alphabetised (a type
 * import before the value import of the same module).
 */
const IMPORT_ORDER = {
  groups: ['builtin', 'external', 'internal', 'parent', ['sibling', 'index']],
  'newlines-between': 'always',
  alphabetize: { order: 'asc', orderImportKind: 'asc', caseInsensitive: false },
};

const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'dist-cli',
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
      'no-restricted-imports': ['error', { paths: [MUI_ICON_BARREL], patterns: [MUI_DEEP] }],
    },
  },
  // Imports: no cycles anywhere (a cycle through a type-only import is fine: it is erased).
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/internal-regex': '^@/',
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
          tsconfig: { configFile: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) },
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/order': ['error', IMPORT_ORDER],
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
  // Core: pure TypeScript, runs in Node. The command line too.
  {
    files: ['src/core/**/*.ts', 'src/data/**/*.ts', 'src/cli/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },
  // Only src/lib touches browser storage, URL and clipboard.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/lib/**', 'src/core/**', 'src/data/**', 'src/cli/**'],
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
  // The layer table of docs/architecture.md, one block per layer (a file is in exactly one).
  restrictImports(['src/core/**/*.ts'], [...FRAMEWORK_IMPORTS, DATA_OUTSIDE_CATALOG], {
    ignores: ['src/core/catalog/**'],
  }),
  restrictImports(['src/core/catalog/**/*.ts'], FRAMEWORK_IMPORTS),
  restrictImports(
    ['src/data/**/*.ts'],
    [
      {
        regex: '^(?!\\./|@/core/catalog/model$)',
        message: 'src/data imports only other data files and core/catalog/model types.',
      },
    ],
    {
      paths: [
        {
          name: '@/core/catalog/model',
          allowTypeImports: true,
          message: 'src/data imports only types from core/catalog/model (import type).',
        },
      ],
    },
  ),
  // The command line: src/core and src/data (and Node), nothing of the app.
  restrictImports(
    ['src/cli/**/*.ts'],
    [
      {
        ...REACT,
        message: 'src/cli imports only src/core and src/data (and Node): no React.',
      },
      { ...MUI, message: 'src/cli imports only src/core and src/data (and Node): no MUI.' },
      {
        ...ZUSTAND,
        message: 'src/cli imports only src/core and src/data (and Node): no zustand.',
      },
      {
        ...ROUTER,
        message: 'src/cli imports only src/core and src/data (and Node): no router.',
      },
      layers(
        ['state', 'features', 'components', 'lib', 'app', 'config'],
        'src/cli imports only src/core and src/data (and Node).',
      ),
    ],
  ),
  restrictImports(
    ['src/state/**/*.{ts,tsx}'],
    [
      layers(
        ['features', 'app', 'components', 'config', 'data'],
        'src/state may import core, lib, zustand and react (hooks over the store) only.',
      ),
      { ...MUI, message: 'src/state may import core, lib, zustand and react only: no MUI.' },
      { ...ROUTER, message: 'src/state may import core, lib, zustand and react only: no router.' },
    ],
  ),
  restrictImports(
    ['src/lib/**/*.{ts,tsx}'],
    [
      layers(
        ['state', 'features', 'app', 'components', 'config', 'data'],
        'src/lib may import core only.',
      ),
      { ...REACT, message: 'src/lib may import core only: no React.' },
      { ...MUI, message: 'src/lib may import core only: no MUI.' },
      { ...ZUSTAND, message: 'src/lib may import core only: no zustand.' },
      { ...ROUTER, message: 'src/lib may import core only: no router.' },
    ],
  ),
  restrictImports(
    ['src/components/**/*.{ts,tsx}'],
    [
      layers(
        ['state', 'features', 'app', 'lib', 'config', 'data'],
        'src/components may import react, MUI and core (types and pure functions) only.',
      ),
      {
        ...ZUSTAND,
        message: 'src/components may import react, MUI and core only: no zustand.',
      },
      {
        ...ROUTER,
        message: 'src/components may import react, MUI and core only: no router.',
      },
    ],
  ),
  // Features do not import each other.
  ...FEATURES.map((feature) => {
    const others = FEATURES.filter((f) => f !== feature);
    return restrictImports(
      [`src/features/${feature}/**/*.{ts,tsx}`],
      [
        {
          regex: `^(?:@/features/|(?:\\.\\./)+(?:features/)?)(?:${others.join('|')})(?:/|$)`,
          message:
            'Features do not import each other: share through src/components, src/state or src/core.',
        },
        layers(['app'], 'Nothing imports src/app.'),
        layers(['data'], 'The catalog data is read only through src/core/catalog (getCatalog).'),
        { ...ZUSTAND, message: 'The one zustand store lives in src/state: use its hooks.' },
      ],
    );
  }),
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs,js}', '*.config.{ts,js}'],
    rules: { 'react-refresh/only-export-components': 'off' },
  },
);
