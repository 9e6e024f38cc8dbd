import type { Page } from '@playwright/test'
import { shoot } from './support/backoffice'
import { expect, test } from './support/fixtures'
import { goTo, payCash, tile } from './support/register'
import { pins, readyToSell, signIn } from './support/session'
import {
  enrollThroughSettings,
  freePort,
  startSyncServer,
  type SyncServerProcess,
} from './support/syncServer'

// Well under 90 s on a quiet machine; the sync server alone took 50 s to start with six builds running.
test.describe.configure({ timeout: 240_000 })

const sizes = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
  { width: 800, height: 600 },
] as const

let server: SyncServerProcess | null = null
test.afterEach(async () => {
  await server?.stop()
  server = null
})

async function shootSizes(page: Page, name: string) {
  for (const size of sizes) {
    await page.setViewportSize(size)
    await shoot(page, `${name}-${size.width}x${size.height}`)
  }
  await page.setViewportSize(sizes[0])
}

/** Changes this register's config through the bridge, as the Settings screen does. */
async function editConfig(page: Page, change: Record<string, unknown>) {
  const result = await page.evaluate(async (edit) => {
    const current = await window.pos.invoke('register:getConfig', undefined)
    if (!current || typeof current !== 'object' || !('value' in current)) return current
    return window.pos.invoke('register:saveConfig', {
      config: { ...(current.value as object), ...edit },
    })
  }, change)
  expect(result).toMatchObject({ ok: true })
}

test('a ticket sold on register A appears on station B’s kitchen display; its timer runs, Bump clears it, Recall brings it back', async ({
  browser,
  registers,
}) => {
  server = await startSyncServer(`${registers.root}/server`, await freePort())
  // One after the other: two cold starts at once can pass the 30 s start limit on a busy machine.
  const registerA = await registers.start({ dir: 'A', registerCode: 'A' })
  const stationB = await registers.start({
    dir: 'B',
    registerCode: 'B',
    flags: ['--sync-interval-ms', '1000'],
  })
  const a = await browser.newPage({ viewport: sizes[0] })
  const b = await browser.newPage({ viewport: sizes[0] })
  await readyToSell(a, registerA.url)
  await enrollThroughSettings(a, server.url)
  await b.goto(stationB.url)
  await signIn(b, pins.manager)
  await enrollThroughSettings(b, server.url)
  // No printer: a kitchen display needs none.
  await editConfig(b, {
    mode: 'kitchen-station',
    hasKitchenDisplay: true,
    stationRegisterCodes: ['A'],
    printers: [],
  })
  await goTo(b, 'Station')
  await expect(b.getByRole('heading', { name: 'Kitchen display' })).toBeVisible()
  await expect(b.getByText('No orders waiting.')).toBeVisible()

  await goTo(a, 'Register')
  await tile(a, 'COF-LAT').click()
  await tile(a, 'BAK-CRO').click()
  const orderNumber = await payCash(a, '20')

  const ticket = b.getByTestId('kitchen-ticket').filter({ hasText: orderNumber })
  await expect(ticket).toBeVisible({ timeout: 10_000 })
  await expect(ticket).toContainText('Latte')
  await expect(ticket).toContainText('Register A')
  const timer = ticket.getByTestId('kitchen-timer')
  const first = await timer.textContent()
  await expect(timer).not.toHaveText(first ?? '', { timeout: 5_000 })
  await expect(ticket).toHaveAttribute('data-urgency', 'fresh')
  await shootSizes(b, 'kitchen-display-en')

  await ticket.getByRole('button', { name: `Bump order ${orderNumber} (done)` }).click()
  await expect(ticket).toHaveCount(0)
  await expect(b.getByText(`Order ${orderNumber} bumped.`)).toBeVisible()
  await b
    .getByRole('button', { name: `Recall order ${orderNumber}` })
    .first()
    .click()
  await expect(ticket).toBeVisible()

  // The keyboard: 1 bumps the first ticket, R recalls the last one bumped.
  await b.locator('body').press('1')
  await expect(ticket).toHaveCount(0)
  await b.locator('body').press('r')
  await expect(ticket).toBeVisible()

  // A bump survives another pull: Sync now brings the same order again.
  await ticket.getByRole('button', { name: /^Bump/ }).click()
  await expect(ticket).toHaveCount(0)
  await b.evaluate(() => window.pos.invoke('sync:runNow', undefined))
  await b.waitForTimeout(1500)
  await expect(ticket).toHaveCount(0)
  await b.locator('body').press('r')
  await expect(ticket).toBeVisible()

  await editConfig(b, { language: 'ar' })
  await expect(b.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(b.getByRole('heading', { name: 'شاشة المطبخ' })).toBeVisible()
  await expect(ticket).toBeVisible()
  await shootSizes(b, 'kitchen-display-ar')
})
