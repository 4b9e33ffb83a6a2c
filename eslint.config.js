// One gate: type-checked rules, zero warnings. The engine stays pure: no UI, storage or DOM.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'location',
  'fetch',
  'HTMLElement',
];

const PURE_ENGINE = {
  group: [
    'react',
    'react-*',
    'react/*',
    'phaser',
    'phaser/*',
    'dexie',
    'dexie-*',
    'zustand',
    'zustand/*',
    'i18next',
    'react-i18next',
  ],
  message: 'src/engine is pure TypeScript: no UI, rendering or storage imports (see DESIGN.md).',
};
const LEAVES_ENGINE = 'src/engine imports only from itself (and xstate, zod).';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'scratch/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [PURE_ENGINE, { group: ['../*'], message: LEAVES_ENGINE }] }],
      'no-restricted-globals': [
        'error',
        ...DOM_GLOBALS.map((name) => ({ name, message: 'src/engine must not touch the DOM or browser storage.' })),
      ],
    },
  },
  {
    // One folder deeper (test support): still inside the engine, never above it.
    files: ['src/engine/*/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [PURE_ENGINE, { group: ['../../*'], message: LEAVES_ENGINE }] }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // CommonJS on purpose (src/game/phaser-lean.cjs builds Phaser from its CommonJS sources).
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
