import { expect, type Page } from '@playwright/test'
import { createServer } from 'node:net'
import { spawnTsx, stopChild, waitForLine } from './webRegister'

export const e2eEnrollmentCode = 'E2E-ENROLL-2026'

/** A free port on loopback, so the server can be restarted on the same address. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

export interface SyncServerProcess {
  url: string
  output: string[]
  stop(): Promise<void>
}

/** `npm run server` as its own process: PGlite on disk under `dataDir`, a known enrollment code. */
export async function startSyncServer(dataDir: string, port: number): Promise<SyncServerProcess> {
  const child = spawnTsx(['src/server/cli.ts'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    AURAFLOW_SERVER_DATA: dataDir,
    AURAFLOW_ENROLLMENT_CODE: e2eEnrollmentCode,
    LOG_LEVEL: 'warn',
  })
  const output: string[] = []
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  // PGlite compiles and migrates a fresh database first: over 30 s on a busy two-core machine.
  const url = await waitForLine(child, output, /listening on (http:\/\/\S+)/, 'sync server', 90_000)
  return { url, output, stop: () => stopChild(child) }
}

/** The manager's path: Settings, server address, code, Enroll; back on the register. */
export async function enrollThroughSettings(
  page: Page,
  serverUrl: string,
  code: string = e2eEnrollmentCode,
): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Settings' })
    .click()
  await page.getByLabel('Server address').fill(serverUrl)
  await page.getByLabel('Enrollment code').fill(code)
  await page.getByRole('button', { name: 'Enroll register' }).click()
  await expect(page.getByTestId('enrollment-status')).toContainText(serverUrl)
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Register' })
    .click()
}
