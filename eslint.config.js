// @ts-check
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Files allowed to import `electron`: app lifecycle, window, ipcMain registration, preload. */
const electronFiles = ['src/main/index.ts', 'src/main/electron/**/*.ts', 'src/preload/**/*.ts']

const nodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'url'],
  message: 'src/shared and the renderer run everywhere: no Node built-ins here.',
}
const noElectron = {
  name: 'electron',
  message: 'Only the files in electronFiles (eslint.config.js) may import electron.',
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'drizzle/**',
      'test-results/**',
      'playwright-report/**',
      'data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: electronFiles,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/main/**', '**/server/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared depends on nothing else in src/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/main/**', '**/server/**', '**/preload/**'],
              message: 'The renderer reaches main only through window.pos.',
            },
          ],
        },
      ],
    },
  },
  {
    // Served verbatim to the browser by the web host.
    files: ['src/main/web/client/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'The server shares only src/shared with the register.',
            },
          ],
        },
      ],
    },
  },
)
