// ESLint, flat config. Type-aware: each file is linted against the tsconfig that type-checks it
// (tsconfig.json for the site, tsconfig.worker.json for workers, tsconfig.node.json for tests,
// scripts and configs), so the rules see the same types as `npm run check`.
// Formatting is Prettier's job (.prettierrc); eslint-config-prettier switches off the rules that
// would disagree with it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import astro from 'eslint-plugin-astro';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

const root = import.meta.dirname;

// Which project type-checks which files: the same split as the three tsconfigs.
const workerFiles = ['src/features/*/worker.ts', 'src/features/*/*/worker.ts', 'src/sw/**/*.ts', 'src/env-worker.d.ts'];
const nodeFiles = ['tests/**/*.{ts,mjs,js}', 'scripts/**/*.{ts,mjs,js}', 'integrations/**/*.{ts,mjs,js}', '*.config.{ts,mjs,js}'];

export default defineConfig(
  {
    ignores: ['dist/**', '.astro/**', '.tmp/**', 'node_modules/**', 'public/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  svelte.configs['flat/recommended'],
  astro.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: {
        project: './tsconfig.json',
        tsconfigRootDir: root,
        extraFileExtensions: ['.svelte', '.astro'],
      },
      globals: { ...globals.browser },
    },
  },
  {
    files: workerFiles,
    languageOptions: {
      parserOptions: { project: './tsconfig.worker.json' },
      globals: { ...globals.worker, ...globals.serviceworker },
    },
  },
  {
    files: nodeFiles,
    languageOptions: {
      parserOptions: { project: './tsconfig.node.json' },
      globals: { ...globals.node },
    },
  },
  {
    // Svelte components and rune modules: the svelte parser, with TypeScript inside.
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, svelteConfig: (await import('./svelte.config.js')).default },
    },
  },
  {
    files: ['**/*.astro'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser },
    },
  },
  {
    rules: {
      // Counts and sizes are interpolated into messages everywhere; numbers print predictably.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Exception: the code writes both `{ … }[]` and `Array<{ … }>`; neither style is the rule.
      '@typescript-eslint/array-type': 'off',
      // tsconfig's noPropertyAccessFromIndexSignature requires env['X'] for index signatures.
      '@typescript-eslint/dot-notation': ['error', { allowIndexSignaturePropertyAccess: true }],
      // `onclick={() => save()}` and `() => void run()` are the house style for handlers.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Same convention as tsc's noUnused*: a leading underscore marks a name left unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // '' from the browser's hints means "not given", like null: `x ? x : null` is meant.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // Exception: with noUncheckedIndexedAccess, `a[i]!` is how the byte parsers mark an index
      // they have just bounds-checked (tests do the same after a lookup that must succeed).
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The <script> blocks of .astro files are linted as virtual files that no tsconfig contains.
    files: ['**/*.astro/*.js', '**/*.astro/*.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Plain JavaScript (scripts, integrations, configs) is parsed but not type-checked (no checkJs):
    // its values are all `any`, so the type-aware rules would only report that.
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Exception: astro-eslint-parser gives the JSX an .astro file maps over the `error` type.
    files: ['**/*.astro'],
    rules: { '@typescript-eslint/no-unsafe-return': 'off' },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Exception: vitest's asymmetric matchers (expect.any, expect.stringMatching…) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      // Test doubles implement async interfaces (Cache, CacheStorage) with synchronous bodies.
      '@typescript-eslint/require-await': 'off',
      // exiftool's JSON values arrive as `unknown` and are read with String(v) once null is ruled out.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // Import cycles.
    files: ['**/*.{ts,mjs,js,svelte}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.svelte.ts', '.mjs', '.js', '.svelte', '.astro', '.json'] })],
      'import-x/extensions': ['.ts', '.mjs', '.js', '.svelte'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mjs', '.js'], 'svelte-eslint-parser': ['.svelte'] },
    },
    rules: {
      'import-x/no-cycle': 'error',
    },
  },
  prettier,
  svelte.configs['flat/prettier'],
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
);
