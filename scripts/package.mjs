// `node scripts/package.mjs [--linux|--win|--mac] [electron-builder flags…]`: installers from
// electron-builder.yml. electron-builder needs the Electron binary (and downloads its packaging
// tools); where the binary is not installed — CI machines here — this says so and exits 0, and
// test/packaging/builderConfig.test.ts still validates the configuration and what it packs.
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { findElectronBinary } from './electronBinary.mjs'

const projectRoot = resolve(import.meta.dirname, '..')
const bin = (name) => join(projectRoot, 'node_modules', '.bin', name)
const passThrough = process.argv.slice(2)

const found = findElectronBinary()
if ('missing' in found) {
  console.log(
    `Packaging skipped: the Electron binary is not installed (${found.missing}).\n` +
      'electron-builder needs it to build installers. On a machine where `npm ci` could download\n' +
      'Electron, run `node scripts/package.mjs` again; the configuration itself is checked by\n' +
      '`npx vitest run test/packaging`.',
  )
  process.exit(0)
}

if (!process.env.AURAFLOW_UPDATE_URL) {
  // electron-builder refuses an undefined ${env.…} macro; a placeholder keeps a local build possible
  // and can never resolve (.invalid), so such a build only updates if given AURAFLOW_UPDATE_URL.
  process.env.AURAFLOW_UPDATE_URL = 'https://updates.auraflow.invalid/pos'
  console.warn(
    'AURAFLOW_UPDATE_URL is not set: baking the placeholder https://updates.auraflow.invalid/pos into\n' +
      "app-update.yml. Set it to the store's update server (https://…/pos) for a real release.",
  )
}

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: projectRoot, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const hostFlags = { linux: ['--linux', '-l'], win32: ['--win', '-w'], darwin: ['--mac', '-m'] }[
  process.platform
]
const platformFlags = ['--linux', '-l', '--win', '-w', '--mac', '-m']
const requested = passThrough.filter((arg) => platformFlags.includes(arg))
const isHostOnly = requested.every((flag) => hostFlags?.includes(flag))
const electronDist =
  process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(projectRoot, 'node_modules', 'electron', 'dist')
const args = [
  ...(requested.length === 0 && hostFlags ? [hostFlags[0]] : []),
  // The installed Electron is the host's: reuse it for the host's installers instead of
  // downloading it again; other platforms' Electron is downloaded by electron-builder.
  ...(isHostOnly ? [`-c.electronDist=${electronDist}`] : []),
  '--publish',
  'never',
  ...passThrough,
]
console.log(`electron-builder ${args.join(' ')}`)
const packaged = spawnSync(bin('electron-builder'), args, { cwd: projectRoot, stdio: 'inherit' })
process.exit(packaged.status ?? 1)
