import type { Page } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { startFakePrinter, type FakePrinter } from '../test/support/fakePrinter'
import { expect, test } from './support/fixtures'
import { goTo, payCash, tile } from './support/register'
import { readyToSell, signIn, pins } from './support/session'
import {
  enrollThroughSettings,
  freePort,
  startSyncServer,
  type SyncServerProcess,
} from './support/syncServer'

test.describe.configure({ timeout: 120_000 })

/** Screenshots a reviewer looks at: kept under e2e-artifacts/ (and attached to the report). */
const artifacts = resolve(import.meta.dirname, '..', 'e2e-artifacts', 'screenshots')

let server: SyncServerProcess | null = null
let printer: FakePrinter | null = null
test.afterEach(async () => {
  await server?.stop()
  server = null
  await printer?.stop()
  printer = null
})

/** Saves this register's config through the bridge, as the Settings screen does. */
async function saveConfig(page: Page, config: Record<string, unknown>) {
  const result = await page.evaluate(
    (value) => window.pos.invoke('register:saveConfig', { config: value }),
    config,
  )
  expect(result).toMatchObject({ ok: true })
}

async function shoot(page: Page, name: string) {
  mkdirSync(artifacts, { recursive: true })
  await page.screenshot({ path: `${artifacts}/${name}.png`, fullPage: true })
  await test.info().attach(name, { path: `${artifacts}/${name}.png`, contentType: 'image/png' })
}

test('a sale on register A prints once on station S; a reprint prints again marked COPY', async ({
  browser,
  registers,
}) => {
  printer = await startFakePrinter()
  server = await startSyncServer(`${registers.root}/server`, await freePort())
  const a = await browser.newPage()
  const s = await browser.newPage()
  const registerA = await registers.start({ dir: 'A', registerCode: 'A' })
  const station = await registers.start({
    dir: 'S',
    registerCode: 'S',
    flags: ['--sync-interval-ms', '1000'],
  })
  await readyToSell(a, registerA.url)
  await enrollThroughSettings(a, server.url)
  await s.goto(station.url)
  await signIn(s, pins.manager)
  await enrollThroughSettings(s, server.url)
  await saveConfig(s, {
    mode: 'receipt-station',
    printers: [
      {
        id: randomUUID(),
        name: 'Front counter',
        kind: 'network',
        host: printer.host,
        port: printer.port,
        role: 'receipt',
        paperWidthMm: 80,
      },
    ],
    stationRegisterCodes: ['A'],
  })

  await goTo(a, 'Register')
  await tile(a, 'COF-LAT').click()
  const orderNumber = await payCash(a, '10')
  const [ticket] = await printer.waitForJobs(1, 30_000)
  expect(ticket!.includes(Buffer.from(orderNumber))).toBe(true)
  expect(ticket!.includes(Buffer.from('COPY'))).toBe(false)

  await goTo(s, 'Station')
  const job = s.locator(`[data-testid="station-job"][data-order-number="${orderNumber}"]`)
  await expect(job).toHaveCount(1)
  await expect(job).toHaveAttribute('data-status', 'printed')
  await shoot(s, 'station-en')
  // Another pull (Sync now) and a moment later: still one ticket.
  await goTo(s, 'Sync')
  await s.getByRole('button', { name: 'Sync now' }).click()
  await s.waitForTimeout(1500)
  expect(printer.jobs()).toHaveLength(1)

  await goTo(s, 'Station')
  await job.first().getByRole('button', { name: 'Reprint' }).click()
  const [, copy] = await printer.waitForJobs(2, 30_000)
  expect(copy!.includes(Buffer.from('COPY'))).toBe(true)
  expect(copy!.includes(Buffer.from(orderNumber))).toBe(true)
  expect(printer.jobs()).toHaveLength(2)
})

test('the manager console shows register A pending while the server is down and clears after', async ({
  page,
  registers,
}) => {
  const port = await freePort()
  server = await startSyncServer(`${registers.root}/server`, port)
  const register = await registers.start({
    dir: 'A',
    registerCode: 'A',
    flags: ['--sync-interval-ms', '1000'],
  })
  await readyToSell(page, register.url)
  await enrollThroughSettings(page, server.url)
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-state', 'synced')
  await goTo(page, 'Manager')
  const row = page.locator('[data-testid="health-row"][data-register-code="A"]')
  await expect(row.getByTestId('health-pending')).toHaveText('0')

  await server.stop()
  server = null
  await goTo(page, 'Register')
  for (const sku of ['COF-ESP', 'BAK-CRO']) {
    await tile(page, sku).click()
    await payCash(page, '20')
  }
  await goTo(page, 'Manager')
  await expect(row.getByTestId('health-pending')).toHaveText('2', { timeout: 15_000 })

  server = await startSyncServer(`${registers.root}/server`, port)
  await expect(row.getByTestId('health-pending')).toHaveText('0', { timeout: 30_000 })
  await expect(page.getByTestId('sales-today-count')).toContainText('2')
  await shoot(page, 'manager-console-en')
})

test('in Arabic the register renders right-to-left (screenshots kept)', async ({
  page,
  registers,
}) => {
  const register = await registers.start()
  await readyToSell(page, register.url)
  await tile(page, 'COF-LAT').click()
  await shoot(page, 'register-en')
  await saveConfig(page, { language: 'ar' })
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  // The cart sits on the start side of a right-to-left page: the left edge is now the far side.
  const cart = await page.locator('[data-testid="cart-line"]').first().boundingBox()
  const viewport = page.viewportSize()
  expect(cart && viewport && cart.x + cart.width / 2 < viewport.width / 2).toBe(true)
  await shoot(page, 'register-ar')
  // The navigation itself is in Arabic now.
  await page.getByRole('button', { name: 'المدير', exact: true }).click()
  await expect(page.locator('[data-testid="health-row"]')).toHaveCount(1)
  await shoot(page, 'manager-console-ar')
  // A receipt station needs its receipt printer (here one that is switched off).
  await saveConfig(page, {
    language: 'ar',
    mode: 'receipt-station',
    printers: [
      {
        id: randomUUID(),
        name: 'Front counter',
        kind: 'network',
        host: '127.0.0.1',
        port: 9,
        role: 'receipt',
        paperWidthMm: 80,
      },
    ],
  })
  await page.getByRole('button', { name: 'المحطة', exact: true }).click()
  await expect(page.getByTestId('station-subscription')).toBeVisible()
  await shoot(page, 'station-ar')
})
