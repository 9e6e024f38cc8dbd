import { resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { findElectronBinary } from '../scripts/electronBinary.mjs'
import { payCash } from './support/register'
import { openShift, pins, signIn } from './support/session'
import { makeDataDir } from './support/webRegister'

const binary = findElectronBinary()
if ('missing' in binary) {
  // Printed so a skipped run says why in the CI log, not just "1 skipped".
  console.warn(`[electron] launch spec skipped: Electron binary not installed (${binary.missing}).`)
}
const mainEntry = resolve(import.meta.dirname, '..', 'out', 'main', 'index.js')

test.describe('Electron app', () => {
  test.skip(
    'missing' in binary,
    `Electron binary not installed (${'missing' in binary ? binary.missing : ''}); the same renderer and core are covered by the web e2e suite`,
  )

  test('launches hardened, sells, and keeps the sale across a relaunch', async () => {
    if (!('path' in binary)) return
    const data = makeDataDir()
    try {
      const launch = () =>
        electron.launch({
          executablePath: binary.path,
          args: [mainEntry],
          env: { ...process.env, AURAFLOW_DATA_DIR: data.dir, AURAFLOW_REGISTER_CODE: 'EL' },
        })
      let app = await launch()
      let page = await app.firstWindow()
      await signIn(page, pins.manager)
      await openShift(page)
      await expect(page.getByRole('searchbox', { name: 'Search products' })).toBeVisible()
      // Sandboxed, context-isolated, no Node: the page sees only window.pos.
      expect(
        await page.evaluate(() => [
          typeof (globalThis as { require?: unknown }).require,
          typeof (globalThis as { process?: unknown }).process,
          Object.keys(window.pos).sort(),
        ]),
      ).toEqual(['undefined', 'undefined', ['invoke', 'on']])
      expect(await page.evaluate(() => window.open('https://example.com'))).toBeNull()
      const before = page.url()
      await page
        .evaluate(() => (window.location.href = 'https://example.com'))
        .catch(() => undefined)
      expect(page.url()).toBe(before)

      await page.locator('[data-testid="product-tile"][data-sku="COF-ESP"]').click()
      expect(await payCash(page, '5')).toBe('S01-EL-000001')
      await app.close()

      app = await launch()
      page = await app.firstWindow()
      await signIn(page, pins.manager)
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: 'Orders' })
        .click()
      await expect(page.getByTestId('order-row').filter({ hasText: 'S01-EL-000001' })).toHaveCount(
        1,
      )
      await app.close()
    } finally {
      data.remove()
    }
  })
})
