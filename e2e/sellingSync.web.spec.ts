import type { Page } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import type { PullChangesResponse } from '../src/shared/sync/protocol'
import type { WireRecord } from '../src/shared/sync/wireRecords'
import { expect, test } from './support/fixtures'
import { goTo, payCash, tile } from './support/register'
import { readyToSell } from './support/session'
import {
  e2eEnrollmentCode,
  enrollThroughSettings,
  freePort,
  startSyncServer,
  type SyncServerProcess,
} from './support/syncServer'

test.describe.configure({ timeout: 120_000 })

let server: SyncServerProcess | null = null
test.afterEach(async () => {
  await server?.stop()
  server = null
})

/** An order as registers push it and the server relays it. */
type WireOrder = WireRecord<'order'>

/** Everything the server holds for the store, read as a newly enrolled device would. */
async function serverRecords(serverUrl: string): Promise<{ entity: string; data: unknown }[]> {
  const enrolled = await fetch(`${serverUrl}/api/auth/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      enrollmentCode: e2eEnrollmentCode,
      deviceId: randomUUID(),
      name: 'e2e auditor',
      fingerprint: 'e2e-auditor',
    }),
  })
  expect(enrolled.status).toBe(200)
  const { accessToken } = (await enrolled.json()) as { accessToken: string }
  const records: { entity: string; data: unknown }[] = []
  let since = ''
  for (;;) {
    const reply = await fetch(
      `${serverUrl}/api/sync/pull-changes?limit=500${since ? `&since=${encodeURIComponent(since)}` : ''}`,
      { headers: { authorization: `Bearer ${accessToken}` } },
    )
    expect(reply.status).toBe(200)
    const page = (await reply.json()) as PullChangesResponse
    records.push(...page.changes)
    if (!page.hasMore) return records
    since = page.nextSyncToken
  }
}

async function serverOrders(serverUrl: string): Promise<WireOrder[]> {
  return (await serverRecords(serverUrl))
    .filter((record) => record.entity === 'order')
    .map((record) => record.data as WireOrder)
}

async function refundOne(page: Page, orderNumber: string, itemName: string): Promise<string> {
  await goTo(page, 'Orders')
  const find = page.getByLabel('Order number')
  await find.fill(orderNumber)
  await find.press('Enter')
  await page.getByRole('button', { name: 'Refund', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: `Refund order ${orderNumber}` })
  await dialog.getByLabel(`Refund quantity for ${itemName}`).fill('1')
  await dialog.getByLabel('Reason', { exact: true }).fill('Spilled')
  await dialog.getByRole('button', { name: 'Confirm refund' }).click()
  const recorded = page.getByTestId('refund-recorded')
  await expect(recorded).toBeVisible()
  return /S01-[A-Z0-9]+-\d+/.exec((await recorded.textContent()) ?? '')?.[0] ?? ''
}

test('a partial refund made offline reaches the server linked to its sale', async ({
  page,
  registers,
}) => {
  const port = await freePort()
  server = await startSyncServer(`${registers.root}/server`, port)
  const register = await registers.start({ flags: ['--sync-interval-ms', '1000'] })
  await readyToSell(page, register.url)
  await enrollThroughSettings(page, server.url)
  await tile(page, 'COF-LAT').click()
  await tile(page, 'COF-LAT').click()
  await tile(page, 'BAK-CRO').click()
  const saleNumber = await payCash(page, '50')
  const badge = page.getByTestId('sync-badge')
  await expect(badge).toHaveAttribute('data-state', 'synced')

  await server.stop()
  server = null
  const refundNumber = await refundOne(page, saleNumber, 'Caffè Latte')
  expect(refundNumber).not.toBe('')
  await expect(page.getByTestId('order-line-refunded')).toContainText('Refunded 1 of 2')
  await expect(badge).toHaveAttribute('data-state', /pending|offline/)

  server = await startSyncServer(`${registers.root}/server`, port)
  await expect(badge).toHaveAttribute('data-state', 'synced', { timeout: 30_000 })
  const held = await serverOrders(server.url)
  const sale = held.find((order) => order.order.orderNumber === saleNumber)
  const refund = held.find((order) => order.order.orderNumber === refundNumber)
  expect(sale?.order.kind ?? 'SALE').toBe('SALE')
  expect(refund?.order.kind).toBe('REFUND')
  expect(refund?.order.refundOfOrderId).toBe(sale?.order.id)
  const latte = sale?.items.find((item) => item.quantity === 2)
  expect(refund?.items).toHaveLength(1)
  expect(refund?.items[0]?.refundOfItemId).toBe(latte?.id)
  expect(refund?.items[0]?.totalCents).toBe(-Math.round((latte?.totalCents ?? 0) / 2))
})

test('a CSV import with two bad rows reports them by line and imports the rest', async ({
  page,
  registers,
}) => {
  const register = await registers.start()
  await readyToSell(page, register.url)
  await goTo(page, 'Catalog')
  const csv = [
    'sku,name,price,category,tax_rate,barcodes',
    'CSV-001,Oat cookie,2.25,Bakery,,4006381333931',
    'CSV-002,Broken price,3.5.0,Bakery,,',
    'CSV-003,Ginger shot,3.00,Tea & Cold Drinks,,',
    'CSV-004,Mystery,1.00,No such category,,',
    'CSV-005,Banana bread,3.75,Bakery,,',
  ].join('\n')
  await page.getByLabel('Import CSV file').setInputFiles({
    name: 'products.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  })
  await page.getByRole('button', { name: 'Import products' }).click()
  const report = page.getByTestId('import-report')
  await expect(report).toBeVisible()
  await expect(page.getByTestId('import-created')).toContainText('3')
  const rejected = page.getByRole('table', { name: 'Rejected rows' }).getByTestId('rejected-row')
  await expect(rejected).toHaveCount(2)
  await expect(rejected.nth(0)).toContainText('Line 3')
  await expect(rejected.nth(1)).toContainText('Line 5')

  // The imported products are on sale at once; a scan of the new barcode finds the cookie.
  await goTo(page, 'Register')
  const search = page.getByRole('searchbox', { name: 'Search products' })
  await search.fill('ginger')
  await expect(page.locator('[data-testid="product-tile"][data-sku="CSV-003"]')).toBeVisible()
  await search.fill('4006381333931')
  await search.press('Enter')
  await expect(
    page
      .getByRole('region', { name: 'Cart' })
      .locator('[data-testid="cart-line"][data-sku="CSV-001"]'),
  ).toHaveCount(1)
})

test('a whole day offline — open, sell, refund, close with a Z report — then syncs to the server', async ({
  page,
  registers,
}) => {
  const register = await registers.start()
  await readyToSell(page, register.url)
  await tile(page, 'COF-LAT').click()
  await tile(page, 'BAK-CRO').click()
  const first = await payCash(page, '50')
  await tile(page, 'KIT-BLT').click()
  const second = await payCash(page, '20')
  const refund = await refundOne(page, first, 'Butter Croissant')

  await goTo(page, 'Shift')
  await page.getByRole('button', { name: 'Close shift' }).click()
  // The expected cash arrives with the shift's preview, a moment after the form opens.
  const expectedCash = page.getByTestId('count-expected')
  await expect(expectedCash).toHaveAttribute('data-cents', /^[1-9][0-9]*$/)
  const expected = Number(await expectedCash.getAttribute('data-cents'))
  await page.getByTestId('count-100').fill(String(Math.floor(expected / 100)))
  await page.getByTestId('count-1').fill(String(expected % 100))
  await page.getByRole('button', { name: 'Confirm close' }).click()
  await expect(page.getByRole('region', { name: 'Z report' })).toBeVisible()
  const figure = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-cents'))
  const local = await page.evaluate(async () => {
    const list = (await window.pos.invoke('order:list', {})) as {
      value: { kind: string; totalCents: number }[]
    }
    return list.value
  })
  const sales = local.filter((order) => order.kind === 'SALE')
  const refunds = local.filter((order) => order.kind === 'REFUND')
  expect(sales).toHaveLength(2)
  expect(refunds).toHaveLength(1)
  const salesTotal = sales.reduce((sum, order) => sum + order.totalCents, 0)
  const refundsTotal = refunds.reduce((sum, order) => sum + order.totalCents, 0)
  expect(await figure('z-sales-total')).toBe(salesTotal)
  expect(await figure('z-refunds-total')).toBe(refundsTotal)
  expect(await figure('z-net-total')).toBe(salesTotal + refundsTotal)
  expect(await figure('z-cash-expected')).toBe(10_000 + salesTotal + refundsTotal)
  expect(await figure('z-cash-difference')).toBe(0)

  // The day reaches the server once the register is enrolled.
  server = await startSyncServer(`${registers.root}/server`, await freePort())
  await enrollThroughSettings(page, server.url)
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-state', 'synced', {
    timeout: 30_000,
  })
  const held = await serverRecords(server.url)
  const orderNumbers = held
    .filter((record) => record.entity === 'order')
    .map((record) => (record.data as WireOrder).order.orderNumber)
    .sort()
  expect(orderNumbers).toEqual([first, second, refund].sort())
  const shifts = held.filter((record) => record.entity === 'shift')
  expect(shifts.map((record) => (record.data as { status: string }).status)).toEqual(['CLOSED'])
  expect(held.some((record) => record.entity === 'auditEvent')).toBe(true)
})
