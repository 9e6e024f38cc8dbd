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

/** The register's SQL: only src/main/store writes queries (STYLE.md rule 18). */
const registerSql = {
  group: ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3', '**/store/schema'],
  message: 'SQL lives in src/main/store: add or call a repository function there.',
}
/** The database handle itself: services take repositories, not the database (rule 18). */
const registerDatabase = {
  group: ['**/store/database'],
  message: 'Services take repositories, not the database: only src/main/store and core.ts open it.',
}
const registerStoreFiles = ['src/main/store/**/*.ts']
/**
 * Files outside src/main/store that may hold the database handle: core.ts alone, which opens the
 * database and binds the repositories (store/repositories.ts) that services and handlers take.
 */
const passesDatabaseHandle = ['src/main/core.ts']

/** The server's database drivers: src/server/db owns the connection, src/server/sync the queries. */
const serverSql = {
  group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/pglite', '@electric-sql/pglite/*'],
  message: 'Server SQL lives in src/server/db and src/server/sync.',
}
const serverOnly = {
  group: ['**/main/**', '**/renderer/**', '**/preload/**'],
  message: 'The server shares only src/shared with the register.',
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
    files: ['src/main/**/*.ts'],
    ignores: [...registerStoreFiles, ...passesDatabaseHandle],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [registerSql, registerDatabase] },
      ],
    },
  },
  {
    files: passesDatabaseHandle,
    ignores: registerStoreFiles,
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [registerSql] }],
    },
  },
  {
    // May import electron; still no SQL and no database handle.
    files: electronFiles,
    ignores: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [registerSql, registerDatabase] }],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
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
    // The back office: a browser app that talks to the server only over HTTP (src/shared/backoffice).
    files: ['src/backoffice/**/*.{ts,tsx}'],
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
              message: 'The back office reaches the server only through its HTTP API.',
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
    ignores: ['src/server/db/**/*.ts', 'src/server/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [serverOnly, serverSql] },
      ],
    },
  },
  {
    files: ['src/server/db/**/*.ts', 'src/server/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [serverOnly] }],
    },
  },
)
