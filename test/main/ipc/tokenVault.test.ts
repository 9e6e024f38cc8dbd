import { existsSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { tokenFile, type RegisterCore } from '../../../src/main/core'
import { createFileTokenVault } from '../../../src/main/secrets/tokenVault'
import type { RunningServer } from '../../../src/server/main'
import { call, openTestCore } from '../../support/registerCore'
import { createTestStore, startTestSyncServer } from '../../support/syncServer'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('auraflow-tokens-')
let server: RunningServer
const open: RegisterCore[] = []

beforeAll(async () => {
  server = await startTestSyncServer()
})
afterAll(async () => {
  await server?.stop()
})
afterEach(() => {
  for (const core of open.splice(0)) core.close()
})

const quiet = { isRealtimeEnabled: false, intervalMs: 3_600_000 }

function register(dataDir: string): RegisterCore {
  const core = openTestCore(dataDir, { fingerprint: 'machine-a', sync: quiet })
  open.push(core)
  return core
}

function close(core: RegisterCore) {
  open.splice(open.indexOf(core), 1)
  core.close()
}

/** Every byte of the register's database files: the tokens must be in none of them. */
function databaseBytes(dataDir: string): string {
  return ['register.db', 'register.db-wal']
    .map((name) => join(dataDir, name))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString('latin1'))
    .join('')
}

const modeOf = (file: string) => statSync(file).mode & 0o777

describe('sync tokens', () => {
  it('are kept out of register.db, in an owner-only file, and read back after a restart', async () => {
    const dataDir = tempDir()
    const { code } = await createTestStore(server)
    const core = register(dataDir)
    await call(core, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
    const vaultFile = join(dataDir, tokenFile)
    const tokens = JSON.parse(readFileSync(vaultFile, 'utf8')) as Record<string, string>
    expect(tokens.refreshToken).toMatch(/\S{20}/)
    expect(tokens.accessToken).toMatch(/\S{20}/)
    if (process.platform !== 'win32') expect(modeOf(vaultFile)).toBe(0o600)
    close(core)

    const bytes = databaseBytes(dataDir)
    expect(bytes).not.toContain(tokens.refreshToken)
    expect(bytes).not.toContain(tokens.accessToken)

    const again = register(dataDir)
    expect(await call(again, 'sync:runNow')).toMatchObject({
      enrollment: 'enrolled',
      state: 'idle',
      lastError: null,
    })
  })

  it('move out of a register.db an older version wrote them into, and the file is made owner-only', async () => {
    const dataDir = tempDir()
    const { code } = await createTestStore(server)
    const core = register(dataDir)
    await call(core, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
    const vaultFile = join(dataDir, tokenFile)
    const tokens = JSON.parse(readFileSync(vaultFile, 'utf8')) as Record<string, string>
    close(core)

    // As an older version left it: tokens in the sync_state row, no vault file.
    writeFileSync(vaultFile, '{}')
    chmodSync(vaultFile, 0o644)
    const sqlite = new Database(join(dataDir, 'register.db'))
    sqlite
      .prepare('update sync_state set access_token = ?, refresh_token = ? where id = 1')
      .run(tokens.accessToken, tokens.refreshToken)
    sqlite.close()
    expect(databaseBytes(dataDir)).toContain(tokens.refreshToken)

    const upgraded = register(dataDir)
    if (process.platform !== 'win32') expect(modeOf(vaultFile)).toBe(0o600)
    expect(createFileTokenVault(vaultFile).read()).toEqual({
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
    })
    expect((await call(upgraded, 'sync:runNow')).lastError).toBeNull()
    close(upgraded)
    expect(databaseBytes(dataDir)).not.toContain(tokens.refreshToken!)
  })
})
