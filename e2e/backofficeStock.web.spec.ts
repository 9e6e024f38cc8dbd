import { parse } from 'csv-parse/sync'
import { readFile } from 'node:fs/promises'
import { expect, test } from './support/fixtures'
import { randomUUID } from 'node:crypto'
import { CSRF_HEADER } from '../src/shared/backoffice/api'
import {
  csrfOf,
  nav,
  setUpOwner,
  shoot,
  startBackofficeServer,
  storeIdsByCode,
  type BackofficeServer,
} from './support/backoffice'

/*
 * Issue 15's stock in the back office, in Chromium against the real server: a stock-level CSV is
 * previewed (a bad SKU refuses the whole file), then applied as one count; the Stock page, the
 * product's history (running balance) and the valuation CSV agree; the page reads in Arabic.
 */

test.describe.configure({ timeout: 180_000 })
const zone = 'Asia/Dubai'
test.use({ timezoneId: zone })

let server: BackofficeServer | null = null
test.afterEach(async () => {
  await server?.stop()
  server = null
})

test('sets stock levels from a CSV, and the stock page, history and valuation CSV agree', async ({
  page,
  registers,
}) => {
  server = await startBackofficeServer(`${registers.root}/server`)
  await setUpOwner(page, server, zone)
  // A product that tracks stock, saved as the Products page saves it (the register brings the
  // demo catalog; this server has none yet).
  const { MAIN } = await storeIdsByCode(page, server.url)
  const saved = await page.request.put(
    `${server.url}/api/admin/products/${randomUUID()}?storeId=${MAIN}`,
    {
      headers: { [CSRF_HEADER]: await csrfOf(page, server.url) },
      data: { sku: 'COF-ESP', name: 'Espresso', priceCents: 300, trackStock: true, baseVersion: 0 },
    },
  )
  expect(saved.status(), await saved.text()).toBe(200)
  await nav(page, 'Stock')
  await expect(page.getByRole('heading', { level: 1, name: 'Stock' })).toBeVisible()
  await expect(page.getByTestId('valuation-note')).toContainText('weighted average')

  const file = page.getByLabel('CSV file')
  await file.setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('sku,on_hand\nCOF-ESP,12\nNO-SUCH-SKU,1\n'),
  })
  await page.getByRole('button', { name: 'Preview' }).click()
  await expect(page.getByRole('alert')).toContainText('1 rows cannot be imported')
  await expect(page.getByRole('button', { name: /^Apply/ })).toHaveCount(0)

  await file.setInputFiles({
    name: 'good.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('sku,on_hand\nCOF-ESP,12.5\n'),
  })
  await page.getByRole('button', { name: 'Preview' }).click()
  await expect(page.getByTestId('stock-import-row')).toContainText('12.5')
  await page.getByRole('button', { name: 'Apply 1 rows' }).click()
  await expect(page.getByRole('status')).toContainText('Stock levels set: 1 rows.')
  const espresso = page.getByTestId('stock-row').filter({ hasText: 'COF-ESP' })
  await expect(espresso).toContainText('12.5')
  await shoot(page, 'backoffice-stock-en')

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Valuation and stock levels (CSV)' }).click(),
  ])
  const csv: string[][] = parse(await readFile(await download.path(), 'utf8'), { bom: true })
  const header = csv[0]!
  const line = csv.find((row) => row[0] === 'COF-ESP')!
  expect(line[header.indexOf('on_hand')]).toBe('12.5')
  expect(csv.at(-1)![1]).toBe('Total')

  await espresso.getByRole('link').click()
  const history = page.getByTestId('history-row')
  await expect(history).toHaveCount(1)
  await expect(history.first()).toContainText('Count')
  await expect(history.first()).toContainText('12.5')
  await expect(history.first()).toContainText('Back office')
  await expect(page.getByTestId('history-on-hand')).toHaveText('On hand now: 12.5')

  await page.getByLabel('Language').selectOption('ar')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(history.first()).toContainText('جرد')
  await shoot(page, 'backoffice-stock-history-ar')
})
