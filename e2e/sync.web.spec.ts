import type { Browser, Page } from '@playwright/test'
import { expect, test, type Registers } from './support/fixtures'
import {
  enrollThroughSettings,
  freePort,
  startSyncServer,
  type SyncServerProcess,
} from './support/syncServer'
import { payCash, tile } from './support/register'
import { readyToSell } from './support/session'

test.describe.configure({ timeout: 120_000 })

let server: SyncServerProcess | null = null

// Runs before the registers fixture removes the folder the server keeps its data in.
test.afterEach(async () => {
  await server?.stop()
  server = null
})

async function openRegister(
  browser: Browser,
  registers: Registers,
  registerCode: string,
  flags: string[] = [],
): Promise<Page> {
  const register = await registers.start({ dir: registerCode, registerCode, flags })
  const page = await browser.newPage()
  await readyToSell(page, register.url)
  return page
}

async function sellOne(page: Page, sku: string): Promise<string> {
  await tile(page, sku).click()
  return payCash(page, '100')
}

async function ordersShown(page: Page): Promise<string[]> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Orders' })
    .click()
  const rows = page.getByTestId('order-row')
  return (await rows.allTextContents())
    .map((text) => /S01-[A-Z0-9]+-\d+/.exec(text)?.[0] ?? text)
    .sort()
}

test('a sale on register A shows in register B within seconds, without pressing anything', async ({
  browser,
  registers,
}) => {
  server = await startSyncServer(`${registers.root}/server`, await freePort())
  const a = await openRegister(browser, registers, 'A')
  const b = await openRegister(browser, registers, 'B')
  await enrollThroughSettings(a, server.url)
  await enrollThroughSettings(b, server.url)
  await expect(a.getByTestId('sync-badge')).toHaveAttribute('data-state', 'synced')

  const orderNumber = await sellOne(a, 'COF-LAT')
  await b.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Orders' }).click()
  await expect(b.getByTestId('order-row').filter({ hasText: orderNumber })).toHaveCount(1, {
    timeout: 5_000,
  })
  await expect(a.getByTestId('sync-badge')).toHaveAttribute('data-state', 'synced')
})

test('with the server down, A sells five (badge shows 5 pending); after a restart B has exactly those five', async ({
  browser,
  registers,
}) => {
  const port = await freePort()
  server = await startSyncServer(`${registers.root}/server`, port)
  const fast = ['--sync-interval-ms', '1000']
  const a = await openRegister(browser, registers, 'A', fast)
  const b = await openRegister(browser, registers, 'B', fast)
  await enrollThroughSettings(a, server.url)
  await enrollThroughSettings(b, server.url)
  // Opening the shift queued records of its own; let them reach the server first.
  await expect(a.getByTestId('sync-badge')).toHaveAttribute('data-state', 'synced')

  await server.stop()
  server = null
  const sold: string[] = []
  for (const sku of ['COF-ESP', 'COF-LAT', 'BAK-CRO', 'KIT-SOU', 'SNK-CHP'])
    sold.push(await sellOne(a, sku))
  const badge = a.getByTestId('sync-badge')
  await expect(badge).toContainText('5 pending')
  await expect(badge).toHaveAttribute('data-state', /pending|offline/)

  server = await startSyncServer(`${registers.root}/server`, port)
  await expect(badge).toHaveAttribute('data-state', 'synced', { timeout: 30_000 })
  await expect.poll(() => ordersShown(b), { timeout: 30_000 }).toEqual(sold.sort())
})

test('"Sync now" on B pulls at once', async ({ browser, registers }) => {
  server = await startSyncServer(`${registers.root}/server`, await freePort())
  const a = await openRegister(browser, registers, 'A')
  // B neither listens for pokes nor syncs on a timer: only the button can bring the sale in.
  const b = await openRegister(browser, registers, 'B', [
    '--no-realtime',
    '--sync-interval-ms',
    '3600000',
  ])
  await enrollThroughSettings(a, server.url)
  await enrollThroughSettings(b, server.url)

  const orderNumber = await sellOne(a, 'GRO-HON')
  await expect(a.getByTestId('sync-badge')).toHaveAttribute('data-state', 'synced')
  expect(await ordersShown(b)).not.toContain(orderNumber)

  await b.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sync' }).click()
  await b.getByRole('button', { name: 'Sync now' }).click()
  await expect.poll(() => ordersShown(b), { timeout: 5_000 }).toContain(orderNumber)
})
