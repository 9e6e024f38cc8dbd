import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { resolveInstancePaths } from '../../src/main/electron/instancePaths'
import { decideUpdatePolicy } from '../../src/main/electron/updatePolicy'

const scratch = mkdtempSync(join(tmpdir(), 'auraflow-wiring-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const defaults = {
  defaultUserDataDir: '/home/cashier/.config/AuraFlow POS',
  cwd: scratch,
  platform: 'linux' as const,
}

describe('one Electron profile (and so one single-instance lock) per data directory', () => {
  it('keeps the OS app-data folder when AURAFLOW_DATA_DIR is not set', () => {
    for (const setting of [undefined, '', '   '])
      expect(resolveInstancePaths({ ...defaults, dataDirSetting: setting })).toEqual({
        dataDir: defaults.defaultUserDataDir,
        userDataDir: defaults.defaultUserDataDir,
        logFileName: 'main.log',
        isCustomDataDir: false,
      })
  })

  it('makes the data directory the profile, whatever the spelling of its path', () => {
    const viaRelative = resolveInstancePaths({ ...defaults, dataDirSetting: 'registers/r1' })
    expect(viaRelative.dataDir).toBe(join(scratch, 'registers', 'r1'))
    expect(viaRelative.userDataDir).toBe(viaRelative.dataDir)
    symlinkSync(join(scratch, 'registers', 'r1'), join(scratch, 'r1-link'))
    for (const spelling of [
      join(scratch, 'registers', 'r1') + '/',
      join(scratch, 'r1-link'),
      './registers/../registers/r1',
    ])
      expect(
        resolveInstancePaths({ ...defaults, dataDirSetting: spelling }).userDataDir,
        spelling,
      ).toBe(viaRelative.userDataDir)
  })

  it('gives two data directories two profiles, and on macOS two log files', () => {
    const r1 = resolveInstancePaths({
      ...defaults,
      platform: 'darwin',
      dataDirSetting: 'registers/a',
    })
    const r2 = resolveInstancePaths({
      ...defaults,
      platform: 'darwin',
      dataDirSetting: 'registers/b',
    })
    expect(r1.userDataDir).not.toBe(r2.userDataDir)
    expect(r1.logFileName).toMatch(/^main-[0-9a-f]{12}\.log$/)
    expect(r1.logFileName).not.toBe(r2.logFileName)
    expect(
      resolveInstancePaths({ ...defaults, platform: 'darwin', dataDirSetting: 'registers/a' })
        .logFileName,
    ).toBe(r1.logFileName)
  })
})

describe('update checks', () => {
  it('never run unpackaged or when switched off', () => {
    expect(decideUpdatePolicy({}, false)).toMatchObject({
      isEnabled: false,
      reason: 'not packaged',
    })
    expect(decideUpdatePolicy({ AURAFLOW_UPDATES: 'off' }, true)).toMatchObject({
      isEnabled: false,
    })
  })

  it("use the build's URL, or a store's own https server given at run time", () => {
    expect(decideUpdatePolicy({}, true)).toMatchObject({ isEnabled: true, feedUrlOverride: null })
    expect(
      decideUpdatePolicy({ AURAFLOW_UPDATE_URL: 'https://updates.store.example/pos' }, true),
    ).toMatchObject({
      isEnabled: true,
      feedUrlOverride: 'https://updates.store.example/pos',
    })
    expect(
      decideUpdatePolicy({ AURAFLOW_UPDATE_URL: 'http://127.0.0.1:8080/pos' }, true),
    ).toMatchObject({ isEnabled: true })
  })

  it('refuse a feed that is not a URL or would fetch code over plain http from another machine', () => {
    for (const url of [
      'not a url',
      'http://updates.store.example/pos',
      'ftp://updates.store.example/',
    ])
      expect(decideUpdatePolicy({ AURAFLOW_UPDATE_URL: url }, true), url).toMatchObject({
        isEnabled: false,
      })
  })
})
