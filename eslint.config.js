// Lint rules, including the architecture's import boundaries:
//  - src/core imports nothing outside itself (pure domain, runs anywhere);
//  - src/renderer never imports Node-side code (src/server, src/cli, src/preview, node:*);
//  - only electron/ imports 'electron'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noElectron = { name: 'electron', message: "Hanya folder electron/ yang boleh mengimpor 'electron'." };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.native/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'better-sqlite3', message: 'core harus murni: tanpa basis data.' }],
          patterns: [
            { group: ['../../*', '!../../core/*'], message: 'core tidak boleh mengimpor di luar src/core.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'react', 'react-dom', 'exceljs'], message: 'core harus murni: tanpa I/O, Node, atau React.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['**/server/**', '**/cli/**', '**/preview/**', '**/renderer/**', 'node:*'], message: 'shared hanya berisi kontrak dan tipe.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'better-sqlite3', message: 'Renderer tidak boleh menyentuh basis data.' }],
          patterns: [
            { group: ['**/server/**', '**/cli/**', '**/preview/**', '**/electron/**', 'node:*', 'fs', 'path', 'child_process'], message: 'Renderer hanya boleh memakai src/shared dan lib/api.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-empty-pattern': 'off' },
  },
);
