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
const workerFiles = ['src/features/*/worker.ts', 'src/sw/**/*.ts', 'src/env-worker.d.ts'];
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
    // The <script> blocks of .astro files are linted as virtual files that no tsconfig contains.
    files: ['**/*.astro/*.js', '**/*.astro/*.ts'],
    ...tseslint.configs.disableTypeChecked,
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
