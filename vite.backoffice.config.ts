import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * The back office: a plain web app the sync server serves at `/` from out/backoffice, so it is
 * built by Vite itself rather than electron-vite (no main or preload process behind it).
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/backoffice'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/backoffice'),
    emptyOutDir: true,
    // The server's CSP has no 'unsafe-inline': no inlined module preload polyfill or assets.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    // `npx vite -c vite.backoffice.config.ts` against a local `npm run server`.
    proxy: { '/api': 'http://127.0.0.1:3030' },
  },
})
