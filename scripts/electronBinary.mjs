// Where the Electron binary is, without asking the `electron` package: requiring it starts a
// download when the binary is missing, and that download is blocked on CI machines.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const packageDir = resolve(import.meta.dirname, '..', 'node_modules', 'electron')

/** @returns {{ path: string } | { missing: string }} */
export function findElectronBinary() {
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile))
    return { missing: 'node_modules/electron has no downloaded binary (path.txt absent)' }
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist')
  const binary = join(distDir, readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` }
}
