import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { findElectronBinary } from '../scripts/electronBinary.mjs'
import { makeDataDir } from './support/webRegister'

/**
 * The Electron-only guards: one register per data directory, navigation and windows refused by
 * the main process, logs in the platform's place. Skipped where the Electron binary is missing.
 */
const binary = findElectronBinary()
const mainEntry = resolve(import.meta.dirname, '..', 'out', 'main', 'index.js')

test.describe('Electron hardening', () => {
  test.skip(
    'missing' in binary,
    `Electron binary not installed (${'missing' in binary ? binary.missing : ''})`,
  )

  test('one register per data directory: a second start on it quits, another directory runs', async () => {
    if (!('path' in binary)) return
    const first = makeDataDir()
    const second = makeDataDir()
    const launch = (dir: string, code: string) =>
      electron.launch({
        executablePath: binary.path,
        args: [mainEntry],
        env: { ...process.env, AURAFLOW_DATA_DIR: dir, AURAFLOW_REGISTER_CODE: code },
      })
    const a = await launch(first.dir, 'A')
    try {
      const pageA = await a.firstWindow()
      await expect(pageA.getByLabel('PIN', { exact: true })).toBeVisible()

      // Same folder: the newcomer hands over to the running register and exits 0.
      const duplicate = spawn(binary.path, [mainEntry], {
        env: { ...process.env, AURAFLOW_DATA_DIR: first.dir, AURAFLOW_REGISTER_CODE: 'A' },
        stdio: 'ignore',
      })
      const exitCode = await new Promise<number | null>((done) =>
        duplicate.once('exit', (code) => done(code)),
      )
      expect(exitCode).toBe(0)
      await expect(pageA.getByLabel('PIN', { exact: true })).toBeVisible()

      // Another folder on the same machine: a second register runs beside the first.
      const b = await launch(second.dir, 'B')
      try {
        const pageB = await b.firstWindow()
        await expect(pageB.getByLabel('PIN', { exact: true })).toBeVisible()
      } finally {
        await b.close()
      }
      // Logs land in the platform's log folder, which on Linux and Windows is inside the profile.
      if (process.platform !== 'darwin')
        expect(existsSync(join(first.dir, 'logs', 'main.log'))).toBe(true)
    } finally {
      await a.close()
      first.remove()
      second.remove()
    }
  })

  test('the window cannot navigate away, open windows, or frame other pages into navigating', async () => {
    if (!('path' in binary)) return
    const data = makeDataDir()
    const app = await electron.launch({
      executablePath: binary.path,
      args: [mainEntry],
      env: { ...process.env, AURAFLOW_DATA_DIR: data.dir, AURAFLOW_REGISTER_CODE: 'SEC' },
    })
    try {
      const page = await app.firstWindow()
      await expect(page.getByLabel('PIN', { exact: true })).toBeVisible()
      const before = page.url()
      expect(await page.evaluate(() => window.open('https://example.com'))).toBeNull()
      expect(await page.evaluate(() => window.open('file:///etc/passwd'))).toBeNull()
      await page.evaluate(() => (window.location.href = 'file:///etc/hosts')).catch(() => undefined)
      await page
        .evaluate(() => (window.location.href = 'https://example.com'))
        .catch(() => undefined)
      expect(page.url()).toBe(before)
      expect(app.windows()).toHaveLength(1)
      expect(
        await page.evaluate(() => [
          typeof (globalThis as { require?: unknown }).require,
          typeof (globalThis as { process?: unknown }).process,
        ]),
      ).toEqual(['undefined', 'undefined'])
    } finally {
      await app.close()
      data.remove()
    }
  })
})
