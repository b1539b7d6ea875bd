// ESLint enforces the layering of ../shared/design/architecture.md: who may import whom, and
// which heavy dependency has its single importer. Zero warnings are allowed (`--max-warnings=0`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = { group: ['node:*'], message: 'Node built-ins belong in electron/node or electron/main.' };
const electronPkg = {
  group: ['electron', 'electron/*'],
  message: 'Only electron/main and electron/preload import electron.',
};
const rendererDir = { group: ['**/renderer/**'], message: 'Nothing imports the renderer.' };
const mainDir = { group: ['**/electron/main/**', '**/main/**'], message: 'electron/main is the top of the graph.' };
const preloadDir = {
  group: ['**/electron/preload/**', '**/preload/**'],
  message: 'The preload is imported by nobody.',
};
const electronDirs = { group: ['**/electron/**'], message: 'This layer may not import electron/*.' };
const grayMatter = {
  group: ['gray-matter'],
  message: 'gray-matter has one importer, for the tests: electron/node/frontmatter/gray-matter-reference.ts.',
};
// The app never loads gray-matter (~50 ms of every start): only tests import its reference.
const grayMatterReference = {
  group: ['**/gray-matter-reference', '**/gray-matter-reference.*'],
  message: 'gray-matter-reference is for the tests: the app reads front matter with split.ts and parse.ts.',
};
const mdEditor = {
  group: ['@uiw/react-md-editor', '@uiw/react-md-editor/*'],
  message: '@uiw/react-md-editor has one importer: renderer/components/MarkdownPane.tsx.',
};
const unifiedLibs = {
  group: ['unified', 'remark-*', 'rehype-*'],
  message: 'The Markdown pipeline lives in shared/markdown only (one plugin list for preview and export).',
};
const reactLibs = { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'React belongs in renderer/.' };
// What electron/node may not import: the layers above it, and the renderer's own libraries.
const nodeLayer = [electronPkg, rendererDir, mainDir, preloadDir, mdEditor, unifiedLibs, reactLibs];
const nodeGlobals = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'].map(
  (name) => ({
    name,
    message: 'Node globals are not available in this runtime.',
  }),
);

export default defineConfig(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'release/**',
      '.tsbuild/**',
      'test-results/**',
      'playwright-report/**',
      'posts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'eslint.config.js', 'vite.config.ts', 'vitest.config.ts', 'playwright.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [nodeBuiltins, electronPkg, rendererDir, electronDirs, reactLibs, grayMatter, mdEditor] },
      ],
      'no-restricted-globals': ['error', ...nodeGlobals, 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [electronPkg, rendererDir, electronDirs, reactLibs, grayMatter, mdEditor] },
      ],
      'no-restricted-globals': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/markdown/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            electronPkg,
            rendererDir,
            electronDirs,
            reactLibs,
            grayMatter,
            mdEditor,
            unifiedLibs,
          ],
        },
      ],
    },
  },
  {
    files: ['electron/node/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', { patterns: nodeLayer }] },
  },
  {
    files: ['electron/node/**/*.ts'],
    ignores: ['electron/node/frontmatter/gray-matter-reference.ts', 'electron/node/frontmatter/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...nodeLayer, grayMatter] }] },
  },
  {
    // The app's own code, tests aside: also never the tests' gray-matter reference.
    files: ['electron/node/**/*.ts'],
    ignores: ['electron/node/frontmatter/gray-matter-reference.ts', 'electron/node/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...nodeLayer, grayMatter, grayMatterReference] }] },
  },
  {
    files: ['electron/main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [rendererDir, preloadDir, mdEditor, unifiedLibs, reactLibs, grayMatter, grayMatterReference] },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            rendererDir,
            mainDir,
            {
              group: ['**/electron/node/**', '**/node/**'],
              message: 'The preload imports only electron and shared/api.',
            },
            { group: ['**/shared/markdown/**'], message: 'The preload imports only shared/api.' },
            reactLibs,
            grayMatter,
            mdEditor,
            unifiedLibs,
          ],
        },
      ],
      'no-restricted-globals': ['error', ...nodeGlobals.filter((g) => g.name !== 'process')],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [nodeBuiltins, electronPkg, electronDirs, grayMatter, mdEditor, unifiedLibs] },
      ],
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
  {
    files: ['renderer/components/MarkdownPane.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [nodeBuiltins, electronPkg, electronDirs, grayMatter, unifiedLibs] },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts', 'playwright.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
