import { randomUUID } from 'node:crypto'
import { expect, test } from './support/fixtures'
import {
  card,
  cents,
  createStore,
  csrfOf,
  downloadCsv,
  issueEnrollmentCode,
  nav,
  owner,
  reportShows,
  setUpOwner,
  shoot,
  signInBackoffice,
  signOutBackoffice,
  startBackofficeServer,
  startCable,
  storeIdsByCode,
  type BackofficeServer,
  type Cable,
} from './support/backoffice'
import {
  centsOf,
  closeShiftCountedExactly,
  goTo,
  payCash,
  payCashThenCard,
  refundOne,
  tile,
} from './support/register'
import { enrolledRegister } from './support/enrolled'

/*
 * Issue 14's business paths through the real back office (served by the sync server at /) and
 * real web-host registers: the owner's day from a new store to the CSV that matches the Z report,
 * a store manager's scope, a price edited while a register is offline, the report in Arabic.
 */

test.describe.configure({ timeout: 180_000 })
// The report's "today" is the browser's day; the stores keep their business days in this zone too.
const zone = 'Asia/Dubai'
test.use({ timezoneId: zone })

let server: BackofficeServer | null = null
let cable: Cable | null = null
// Runs before the registers fixture removes the folder the server keeps its data in.
test.afterEach(async () => {
  await cable?.close()
  cable = null
  await server?.stop()
  server = null
})

test('the owner opens a store and enrolls a register; its day in the CSV equals its Z report to the cent', async ({
  browser,
  page,
  registers,
}) => {
  server = await startBackofficeServer(`${registers.root}/server`)
  await setUpOwner(page, server, zone)
  await signOutBackoffice(page)
  await signInBackoffice(page, owner.email, owner.password)
  const mall = await createStore(page, { code: 'MALL', name: 'City Mall', timeZone: zone })
  const code = await issueEnrollmentCode(page, mall)
  const till = await enrolledRegister(browser, registers, 'M1', server.url, code, zone)
  await nav(page, 'Registers')
  await page.getByLabel('Store', { exact: true }).selectOption({ label: mall })
  await expect(page.getByTestId('register-row')).toHaveCount(1)

  // Two lattes and a croissant, 10% off the order, paid $5 cash and the rest by card.
  await tile(till, 'COF-LAT').click()
  await tile(till, 'COF-LAT').click()
  await tile(till, 'BAK-CRO').click()
  await till.getByRole('button', { name: 'Order discount' }).click()
  const discount = till.getByRole('dialog', { name: 'Order discount' })
  await discount.getByLabel('Discount (%)').fill('10')
  await discount.getByRole('button', { name: 'Apply discount' }).click()
  await expect(discount).toBeHidden()
  await payCashThenCard(till, '5.00')
  // Two espressos in cash; one comes back.
  await tile(till, 'COF-ESP').click()
  await tile(till, 'COF-ESP').click()
  const espressos = await payCash(till, '20')
  await refundOne(till, espressos, 'Espresso')
  await closeShiftCountedExactly(till)
  const z = {
    gross: await centsOf(till, 'z-sales-gross'),
    discounts: await centsOf(till, 'z-sales-discounts'),
    net: await centsOf(till, 'z-sales-net'),
    tax: await centsOf(till, 'z-sales-tax'),
    refundsTotal: await centsOf(till, 'z-refunds-total'),
    refundsTax: await centsOf(till, 'z-refunds-tax'),
    netTotal: await centsOf(till, 'z-net-total'),
    cash: await centsOf(till, 'z-method-cash'),
    cashSales: await centsOf(till, 'z-method-cash-sales'),
    cashRefunds: await centsOf(till, 'z-method-cash-refunds'),
    card: await centsOf(till, 'z-method-card'),
  }
  await expect(till.getByTestId('z-sales-count')).toHaveText('2')
  await expect(till.getByTestId('z-refunds-count')).toHaveText('1')
  expect(z.discounts).toBeGreaterThan(0)
  expect(z.refundsTotal).toBeLessThan(0)
  expect(z.card).toBeGreaterThan(0)

  // The owner sees the day on the Reports page within seconds, for today and that store.
  await nav(page, 'Reports')
  await reportShows(page, mall, '2')
  await expect(card(page, 'Refunds')).not.toHaveText('$0.00')
  await shoot(page, 'backoffice-report-owner-day')

  // Figures keyed "figure|unit": "Refunds" is both a count and an amount.
  const summary = new Map(
    (await downloadCsv(page, 'Summary (CSV)')).map(([figure, unit, value]) => [
      `${figure}|${unit}`,
      `${value}`,
    ]),
  )
  const amount = (figure: string) => cents(summary.get(`${figure}|amount`) ?? 'missing')
  // A refund is tax excluded in the report's "Refunds"; the Z report lists its total and its tax.
  const refundsExTax = z.refundsTotal - z.refundsTax
  expect({
    sales: summary.get('Sales|count'),
    refunds: summary.get('Refunds|count'),
    gross: amount('Gross sales'),
    discounts: amount('Discounts'),
    refundsAmount: amount('Refunds'),
    net: amount('Net sales'),
    tax: amount('Tax'),
    total: amount('Total'),
    cash: amount('Tender Cash'),
    card: amount('Tender Card'),
  }).toEqual({
    sales: '2',
    refunds: '1',
    gross: z.gross,
    discounts: z.discounts,
    refundsAmount: refundsExTax,
    net: z.net + refundsExTax,
    tax: z.tax + z.refundsTax,
    total: z.netTotal,
    cash: z.cash,
    card: z.card,
  })
  const [header, ...methods] = await downloadCsv(page, 'Payment methods (CSV)')
  expect(header).toEqual(['method', 'label', 'payments', 'sales', 'refunds', 'net'])
  const cashRow = methods.find((row) => row[0] === 'cash')!
  expect(cashRow.slice(3).map(cents)).toEqual([z.cashSales, z.cashRefunds, z.cash])
  const totalRow = methods.find((row) => row[0] === 'total')!
  expect(cents(totalRow[5]!)).toBe(z.netTotal)
})

test('a store manager of MAIN sees only MAIN; MALL’s pages and routes are refused', async ({
  browser,
  page,
  registers,
}) => {
  server = await startBackofficeServer(`${registers.root}/server`)
  const url = server.url
  await setUpOwner(page, server, zone)
  const mall = await createStore(page, { code: 'MALL', name: 'City Mall', timeZone: zone })
  const mainTill = await enrolledRegister(
    browser,
    registers,
    'A1',
    url,
    await issueEnrollmentCode(page, 'MAIN — Main Street'),
    zone,
  )
  const mallTill = await enrolledRegister(
    browser,
    registers,
    'B1',
    url,
    await issueEnrollmentCode(page, mall),
    zone,
  )
  await tile(mallTill, 'KIT-BLT').click()
  await payCash(mallTill, '20')
  await expect(mallTill.getByTestId('sync-badge')).toHaveAttribute('data-state', 'synced')
  await expect(mainTill.getByTestId('sync-badge')).toHaveAttribute('data-state', 'synced')
  const ids = await storeIdsByCode(page, url)
  await nav(page, 'Users')
  await page.getByRole('button', { name: 'New user' }).click()
  const dialog = page.getByRole('dialog', { name: 'New user' })
  await dialog.getByLabel('Email').fill('manager@example.com')
  await dialog.getByLabel('Password').fill('a long manager password')
  await dialog.getByLabel('Role').selectOption('store_manager')
  await dialog.getByRole('checkbox', { name: 'MAIN — Main Street' }).check()
  await dialog.getByRole('button', { name: 'Create user' }).click()
  await expect(dialog).toBeHidden()
  await signOutBackoffice(page)

  await signInBackoffice(page, 'manager@example.com', 'a long manager password')
  await expect(page.getByTestId('store-row')).toHaveCount(1)
  await expect(page.getByTestId('store-row')).toContainText('MAIN')
  await nav(page, 'Registers')
  const picker = page.getByLabel('Store', { exact: true })
  await expect(picker.locator('option')).toHaveText(['MAIN — Main Street'])
  await expect(page.getByTestId('register-row')).toHaveCount(1)
  // A link to MALL's registers opens MAIN's: the page never names MALL's register.
  await page.goto(`${url}/registers?store=${ids.MALL}`)
  await expect(page.getByRole('heading', { level: 2, name: 'MAIN — Main Street' })).toBeVisible()
  await expect(page.getByText('City Mall')).toHaveCount(0)
  await nav(page, 'Sync health')
  await expect(page.getByTestId('health-store')).toHaveCount(1)
  await expect(page.getByTestId('health-store')).toContainText('MAIN — Main Street')
  await nav(page, 'Reports')
  // One store in scope: no store picker, and MALL's sale is not in the figures.
  await expect(page.getByRole('group', { name: /Stores/ })).toHaveCount(0)
  await expect(card(page, 'Sales')).toHaveText('0')
  await shoot(page, 'backoffice-report-store-manager')

  const csrf = await csrfOf(page, url)
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv'))
  const refused = [
    await page.request.get(`${url}/api/admin/stores/${ids.MALL}`),
    await page.request.get(`${url}/api/admin/registers?storeId=${ids.MALL}`),
    await page.request.get(`${url}/api/admin/products?storeId=${ids.MALL}`),
    await page.request.get(
      `${url}/api/admin/reports/summary?from=${today}&to=${today}&storeIds=${ids.MALL}`,
    ),
    await page.request.get(
      `${url}/api/admin/reports/sales?from=${today}&to=${today}&groupBy=item&format=csv&storeIds=${ids.MALL}`,
    ),
    await page.request.post(`${url}/api/admin/enrollment-codes`, {
      headers: { 'x-csrf-token': csrf },
      data: { storeId: ids.MALL, uses: 1 },
    }),
    await page.request.put(`${url}/api/admin/products/${randomUUID()}?storeId=${ids.MALL}`, {
      headers: { 'x-csrf-token': csrf },
      data: { name: 'Planted', sku: 'PLANT-1', priceCents: 100, baseVersion: 0 },
    }),
  ]
  for (const reply of refused) {
    expect([403, 404], `${reply.url()} answered ${reply.status()}`).toContain(reply.status())
    expect(await reply.text()).not.toContain('City Mall')
  }
  // The same session still reads its own store.
  const own = await page.request.get(
    `${url}/api/admin/reports/summary?from=${today}&to=${today}&storeIds=${ids.MAIN}`,
  )
  expect(own.status()).toBe(200)
})

test('a price edited while a register is offline: old price offline, new price after its next sync', async ({
  browser,
  page,
  registers,
}) => {
  server = await startBackofficeServer(`${registers.root}/server`)
  await setUpOwner(page, server, zone)
  const main = 'MAIN — Main Street'
  cable = await startCable(server.url)
  const till = await enrolledRegister(
    browser,
    registers,
    'A1',
    cable.url,
    await issueEnrollmentCode(page, main),
    zone,
  )

  await nav(page, 'Products')
  await page.getByRole('button', { name: 'Add product' }).click()
  const form = page.getByRole('dialog', { name: 'New product' })
  await form.getByLabel('Name').fill('Mint tea')
  await form.getByLabel('SKU').fill('TEA-MINT')
  await form.getByLabel('Price (USD)').fill('2.00')
  await form.getByLabel('Price (USD)').press('Enter')
  await expect(form).toBeHidden()
  const search = till.getByRole('searchbox', { name: 'Search products' })
  // Searched before it arrives: the register's next pull brings it into the results on screen.
  await search.fill('Mint')
  await expect(tile(till, 'TEA-MINT')).toContainText('$2.00', { timeout: 20_000 })

  // The cable is pulled; the owner raises the price meanwhile; the register sells at the old one.
  await cable.unplug()
  await expect(till.getByTestId('sync-badge')).toHaveAttribute('data-state', /offline|pending/, {
    timeout: 20_000,
  })
  await page
    .getByTestId('product-row')
    .filter({ hasText: 'Mint tea' })
    .getByRole('button', { name: 'Edit Mint tea' })
    .click()
  const edit = page.getByRole('dialog', { name: 'Edit product' })
  await edit.getByLabel('Price (USD)').fill('2.75')
  await edit.getByLabel('Price (USD)').press('Enter')
  await expect(edit).toBeHidden()
  await tile(till, 'TEA-MINT').click()
  const offlineSale = await payCash(till, '10')

  await cable.plug()
  await expect(till.getByTestId('sync-badge')).toHaveAttribute('data-state', 'synced', {
    timeout: 30_000,
  })
  // The same results on screen, not searched again, show the new price after the pull.
  await expect(search).toHaveValue('Mint')
  await expect(tile(till, 'TEA-MINT')).toContainText('$2.75', { timeout: 20_000 })
  await tile(till, 'TEA-MINT').click()
  const onlineSale = await payCash(till, '10')

  const sold = await till.evaluate(async () => {
    const list = (await window.pos.invoke('order:list', {})) as {
      value: { id: string; orderNumber: string }[]
    }
    const prices: Record<string, number[]> = {}
    for (const order of list.value) {
      const detail = (await window.pos.invoke('order:get', { id: order.id })) as {
        value: { items: { sku: string; unitPriceCents: number }[] }
      }
      prices[order.orderNumber] = detail.value.items
        .filter((item) => item.sku === 'TEA-MINT')
        .map((item) => item.unitPriceCents)
    }
    return prices
  })
  expect(sold[offlineSale]).toEqual([200])
  expect(sold[onlineSale]).toEqual([275])
  await goTo(till, 'Orders')
  await expect(till.getByTestId('order-row').filter({ hasText: offlineSale })).toHaveCount(1)

  // The back office's report has both: 2 units, $2.00 + $2.75 before tax.
  await nav(page, 'Reports')
  await reportShows(page, null, '2')
  const mint = page.getByRole('table', { name: 'Sales by item' }).getByRole('row', {
    name: /Mint tea/,
  })
  await expect(mint).toContainText('$4.75')
})

test('the owner reads the report in English and in Arabic (right to left)', async ({
  browser,
  page,
  registers,
}) => {
  server = await startBackofficeServer(`${registers.root}/server`)
  await setUpOwner(page, server, zone)
  const till = await enrolledRegister(
    browser,
    registers,
    'A1',
    server.url,
    await issueEnrollmentCode(page, 'MAIN — Main Street'),
    zone,
  )
  await tile(till, 'COF-LAT').click()
  await tile(till, 'BAK-CRO').click()
  await payCash(till, '20')

  await nav(page, 'Reports')
  await reportShows(page, null, '1')
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  const methods = (name: string) => page.getByRole('table', { name })
  await expect(methods('Payment methods').getByRole('row', { name: /^Cash/ })).toHaveCount(1)
  await shoot(page, 'backoffice-report-en')

  await page.getByLabel('Language').selectOption('ar')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  await expect(page.getByRole('heading', { level: 1, name: 'التقارير' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'الملخص' })).toContainText('صافي المبيعات')
  await expect(page.getByRole('link', { name: 'الملخص (CSV)' })).toBeVisible()
  const items = page.getByRole('table', { name: 'المبيعات حسب الصنف' })
  await expect(items.getByRole('row').last()).toContainText('المجموع الكلي')
  // The built-in tender is named in Arabic too; the English name is nowhere in the table.
  await expect(methods('طرق الدفع').getByRole('row', { name: /^نقدًا/ })).toHaveCount(1)
  await expect(methods('طرق الدفع')).not.toContainText('Cash')
  // The nav starts on the right in Arabic.
  const navBox = await page.getByRole('navigation').boundingBox()
  const brand = await page.locator('.bo-brand').boundingBox()
  expect(brand!.x).toBeGreaterThan(navBox!.x)
  await shoot(page, 'backoffice-report-ar')
})
