import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Network data must never become markup: the UI renders text only.
const NO_MARKUP = [
  { property: 'innerHTML', message: 'Render network data as text.' },
  { property: 'outerHTML', message: 'Render network data as text.' },
  { property: 'insertAdjacentHTML', message: 'Render network data as text.' },
];

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', '.cache', 'demo-output', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-properties': ['error', ...NO_MARKUP],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render network data as text.',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // `import { type A } from 'm'` keeps `import 'm'` after compilation, and with it all of m's
      // code in the bundle: types alone are imported with `import type`.
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly' },
    },
  },
  {
    files: ['tests/**/*.{js,mjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        chrome: 'readonly',
        document: 'readonly',
        window: 'readonly',
        navigator: 'readonly',
        Buffer: 'readonly',
        // Functions evaluated inside the extension's worker or the page.
        indexedDB: 'readonly',
        DOMException: 'readonly',
        globalThis: 'readonly',
      },
    },
  },
  {
    // puppeteer helpers that fail on Firefox ESR 140 (see tests/e2e-firefox/harness.mjs).
    files: ['tests/e2e-firefox/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...NO_MARKUP,
        ...['waitForFunction', 'locator'].map((property) => ({
          property,
          message: 'Firefox 140 runs it under the page CSP: see waitInPage in harness.mjs.',
        })),
        {
          property: 'setViewport',
          message: 'Firefox 140 lacks a command it sends: use setViewport (harness.mjs).',
        },
      ],
    },
  },
);
