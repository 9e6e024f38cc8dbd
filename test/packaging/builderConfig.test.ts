import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, matchesGlob, resolve } from 'node:path'
import type { Configuration } from 'electron-builder'
import { load } from 'js-yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findElectronBinary } from '../../scripts/electronBinary.mjs'
import { openRegisterCore } from '../../src/main/core'

const projectRoot = resolve(import.meta.dirname, '..', '..')
const require = createRequire(import.meta.url)
const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  main: string
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const config = load(readFileSync(join(projectRoot, 'electron-builder.yml'), 'utf8'), {
  filename: 'electron-builder.yml',
}) as Configuration

/** `electron-vite build` into a temp folder: the project's out/ may be in use by other tests. */
let outDir = ''
let scratch = ''
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'auraflow-pack-'))
  outDir = join(scratch, 'out')
  execFileSync(
    join(projectRoot, 'node_modules', '.bin', 'electron-vite'),
    ['build', '--outDir', outDir, '--logLevel', 'error'],
    { cwd: projectRoot, stdio: 'pipe' },
  )
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** The files electron-builder would read for a pattern, with out/ pointing at the fresh build. */
function filesFor(pattern: string): string[] {
  if (pattern.startsWith('out/'))
    return globSync(pattern.slice('out/'.length), { cwd: outDir }).map((file) => `out/${file}`)
  return globSync(pattern, { cwd: projectRoot })
}

const filePatterns = (config.files ?? []) as string[]
const includes = filePatterns.filter((pattern) => !pattern.startsWith('!'))
const excludes = filePatterns.filter((pattern) => pattern.startsWith('!')).map((p) => p.slice(1))
const isExcluded = (file: string) => excludes.some((pattern) => matchesGlob(file, pattern))
const excludedPackages = excludes
  .map((pattern) => /^node_modules\/((?:@[^/]+\/)?[^/*]+)\/\*\*$/.exec(pattern)?.[1])
  .filter((name): name is string => !!name)

/** Bare package names a built bundle imports or requires (node: built-ins and electron excluded). */
function importedPackages(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  const specifiers = [
    ...source.matchAll(/^import\s+(?:[^'"]+\s+from\s+)?["']([^"']+)["']/gm),
    ...source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => match[1]!)
  const packages = specifiers
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    )
    .filter((name) => name !== 'electron')
  return [...new Set(packages)].sort()
}

/** Every package a set of packages pulls in at run time, following Node's resolution from each. */
function dependencyClosure(roots: string[]): Set<string> {
  const seen = new Set<string>()
  const visit = (name: string, fromDir: string) => {
    let dir = fromDir
    let manifest = join(dir, 'node_modules', name, 'package.json')
    while (!existsSync(manifest) && dir !== projectRoot) {
      dir = resolve(dir, '..')
      manifest = join(dir, 'node_modules', name, 'package.json')
    }
    if (!existsSync(manifest)) return
    const key = `${name}@${manifest}`
    if (seen.has(key)) return
    seen.add(key)
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
      dependencies?: Record<string, string>
      optionalDependencies?: Record<string, string>
    }
    const packageDir = resolve(manifest, '..')
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }))
      visit(dep, packageDir)
  }
  for (const root of roots) visit(root, projectRoot)
  return new Set([...seen].map((key) => key.slice(0, key.indexOf('@', 1))))
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema", async () => {
    // electron-builder's validator, the one `electron-builder` runs before packing anything,
    // resolved from electron-builder itself so it is the version that would pack.
    const fromBuilder = createRequire(require.resolve('electron-builder/package.json'))
    const fromLib = createRequire(fromBuilder.resolve('app-builder-lib/package.json'))
    const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: Configuration, logger: unknown): Promise<void>
    }
    const { DebugLogger } = fromLib('builder-util') as { DebugLogger: new (on: boolean) => unknown }
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    // A misspelt key must fail the same check, or the check proves nothing.
    await expect(
      validateConfiguration(
        { ...config, linux: { ...config.linux, tagret: 'deb' } } as Configuration,
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/linux/)
  })

  it('builds AppImage and deb, NSIS, and dmg, and publishes to a generic server set at build time', () => {
    const targets = (platform: 'linux' | 'win' | 'mac') => config[platform]?.target as string[]
    expect(targets('linux')).toEqual(expect.arrayContaining(['AppImage', 'deb']))
    expect(targets('win')).toEqual(expect.arrayContaining(['nsis']))
    expect(targets('mac')).toEqual(expect.arrayContaining(['dmg', 'zip']))
    expect(config.appId).toMatch(/^[a-z0-9.]+$/)
    expect(config.publish).toEqual([
      expect.objectContaining({ provider: 'generic', url: '${env.AURAFLOW_UPDATE_URL}' }),
    ])
    expect(packageJson.dependencies['electron-updater']).toBeDefined()
  })

  it('packs a build that has everything the app loads', () => {
    for (const pattern of includes)
      expect(filesFor(pattern), `files: ${pattern}`).not.toHaveLength(0)
    const packed = includes.flatMap(filesFor).filter((file) => !isExcluded(file))
    // package.json's main, the preload the window loads, and the renderer page it shows.
    for (const required of [
      packageJson.main.replace(/^\.\//, ''),
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'package.json',
    ])
      expect(packed, `${required} is packed`).toContain(required)
    expect(packed.filter((file) => file.endsWith('.map'))).toEqual([])
    // Every script and stylesheet the page references is in the build.
    const html = readFileSync(join(outDir, 'renderer', 'index.html'), 'utf8')
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((match) => match[1]!)
    expect(assets.length).toBeGreaterThan(0)
    for (const asset of assets) expect(packed).toContain(`out/renderer/${asset}`)
  })

  it('ships every production dependency the bundles import and excludes none they need', () => {
    const mainImports = importedPackages(join(outDir, 'main', 'index.js'))
    expect(mainImports).toEqual(
      expect.arrayContaining(['better-sqlite3', 'electron-updater', 'pino']),
    )
    for (const name of mainImports)
      expect(
        packageJson.dependencies[name],
        `${name} must be a dependency to be packed`,
      ).toBeDefined()
    // A sandboxed preload can require nothing but electron.
    expect(importedPackages(join(outDir, 'preload', 'index.cjs'))).toEqual([])
    const needed = dependencyClosure(mainImports)
    expect(excludedPackages.length).toBeGreaterThan(0)
    for (const name of excludedPackages)
      expect(needed.has(name), `${name} is excluded but needed`).toBe(false)
  })

  it('unpacks better-sqlite3 with a prebuilt binary for every target platform', () => {
    const unpack = config.asarUnpack as string[]
    for (const target of ['linux-x64', 'win32-x64', 'darwin-x64', 'darwin-arm64']) {
      const binary = `node_modules/better-sqlite3/prebuilds/${target}.node`
      expect(existsSync(join(projectRoot, binary)), binary).toBe(true)
      expect(
        unpack.some((pattern) => matchesGlob(binary, pattern)),
        `${binary} unpacked`,
      ).toBe(true)
      expect(isExcluded(binary), `${binary} not excluded`).toBe(false)
    }
    expect(isExcluded('node_modules/better-sqlite3/lib/index.js')).toBe(false)
    expect(config.npmRebuild).toBe(false)
  })

  it('ships the migrations where the packaged main reads them, and they open a register', () => {
    const resources = config.extraResources as { from: string; to: string }[]
    const migrations = resources.find((resource) => resource.from === 'drizzle/register')
    expect(migrations?.to).toBe('drizzle/register')
    // The packaged main looks in process.resourcesPath/drizzle/register.
    expect(readFileSync(join(outDir, 'main', 'index.js'), 'utf8')).toMatch(
      /join\(process\.resourcesPath, "drizzle", "register"\)/,
    )
    // Lay the resources out as the installer does and open a register from them.
    const resourcesPath = join(scratch, 'resources')
    cpSync(join(projectRoot, migrations!.from), join(resourcesPath, migrations!.to), {
      recursive: true,
    })
    const core = openRegisterCore({
      dataDir: join(scratch, 'data'),
      host: 'web',
      appVersion: '0.0.0-pack',
      migrationsFolder: join(resourcesPath, 'drizzle', 'register'),
      logError: () => {},
    })
    try {
      const applied = core.database.sqlite
        .prepare('select count(*) as n from __drizzle_migrations')
        .get() as { n: number }
      const journal = JSON.parse(
        readFileSync(join(resourcesPath, 'drizzle', 'register', 'meta', '_journal.json'), 'utf8'),
      ) as { entries: unknown[] }
      expect(applied.n).toBe(journal.entries.length)
    } finally {
      core.close()
    }
  })

  it('scripts/package.mjs skips with the reason where the Electron binary is missing', (context) => {
    if ('path' in findElectronBinary()) context.skip()
    const run = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'package.mjs')], {
      cwd: projectRoot,
      encoding: 'utf8',
    })
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/Packaging skipped: the Electron binary is not installed/)
  })
})
