import type { Page } from '@playwright/test'
import { expect, test, type Registers } from './support/fixtures'
import { moneyText, openPayment } from './support/register'
import { pins, readyToSell, signIn } from './support/session'

async function openRegister(page: Page, registers: Registers) {
  const register = await registers.start()
  await readyToSell(page, register.url)
  return register
}

test('a cashier rings up three products, takes cash, and finds the sale in Orders after a restart', async ({
  page,
  registers,
}) => {
  const register = await openRegister(page, registers)

  await page.locator('[data-testid="product-tile"][data-sku="COF-LAT"]').click()
  await page.locator('[data-testid="product-tile"][data-sku="COF-LAT"]').click()
  await page.getByRole('tab', { name: 'Bakery' }).click()
  await page.locator('[data-testid="product-tile"][data-sku="BAK-CRO"]').click()
  const search = page.getByRole('searchbox', { name: 'Search products' })
  await search.fill('GRO-BEA')
  await expect(page.locator('[data-testid="product-tile"][data-sku="GRO-BEA"]')).toBeVisible()
  await search.press('Enter')

  const cart = page.getByRole('region', { name: 'Cart' })
  await expect(cart.getByTestId('cart-line')).toHaveCount(3)
  await expect(
    cart.locator(
      '[data-testid="cart-line"][data-sku="COF-LAT"] [data-testid="cart-line-quantity"]',
    ),
  ).toHaveText('2')
  // Latte 2 x 4.75 + Croissant 3.25 at 8.25% (0.78 + 0.27) and beans 14.95 at 2.25% (0.34).
  await expect(page.getByTestId('cart-subtotal')).toHaveText(moneyText(2770))
  await expect(page.getByTestId('cart-tax')).toHaveText(moneyText(139))
  await expect(page.getByTestId('cart-total')).toHaveText(moneyText(2909))

  const dialog = await openPayment(page)
  await dialog.getByLabel('Amount tendered').fill('50')
  await expect(dialog.getByTestId('change-due')).toHaveText(moneyText(2091))
  await dialog.getByRole('button', { name: 'Complete sale' }).click()

  await expect(dialog).toBeHidden()
  const orderNumber = (await page.getByTestId('last-order-number').textContent())?.trim() ?? ''
  expect(orderNumber).toBe('S01-E2E-000001')
  await expect(page.getByTestId('last-change')).toHaveText(moneyText(2091))
  await expect(cart.getByTestId('cart-line')).toHaveCount(0)

  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('button', { name: 'Orders' }).click()
  const row = page.getByTestId('order-row').filter({ hasText: orderNumber })
  await expect(row).toHaveCount(1)
  await row.click()
  const detail = page.getByTestId('order-detail')
  await expect(detail.getByTestId('order-detail-line')).toHaveCount(3)
  await expect(detail.getByTestId('order-detail-total')).toHaveText(moneyText(2909))
  await expect(detail.getByTestId('order-detail-payment')).toContainText(moneyText(5000))

  // Restart the register on the same data folder: the sale is still there.
  await register.stop()
  const restarted = await registers.start()
  await page.goto(restarted.url)
  // A restart signs everyone out.
  await signIn(page, pins.manager)
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Orders' })
    .click()
  await expect(page.getByTestId('order-row').filter({ hasText: orderNumber })).toHaveCount(1)
  await expect(page.getByTestId('order-row')).toHaveCount(1)
})

test('a malformed sale from the page gets a typed error and stores nothing', async ({
  page,
  registers,
}) => {
  await openRegister(page, registers)
  const result = await page.evaluate(() =>
    window.pos.invoke('sale:complete', {
      clientRequestId: crypto.randomUUID(),
      lines: [{ productId: crypto.randomUUID(), quantity: -3, modifierOptionIds: [] }],
      payments: [{ method: 'cash', amountCents: 100 }],
    }),
  )
  expect(result).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION_FAILED', path: 'lines.0.quantity' },
  })
  const unknown = await page.evaluate(() => window.pos.invoke('order:deleteAll', {}))
  expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  const orders = await page.evaluate(() => window.pos.invoke('order:list', {}))
  expect(orders).toEqual({ ok: true, value: [] })
  // The page has no Node: the bridge is the only way out.
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
    'undefined',
  )
})

test('the register works from the keyboard: / to search, Enter to add, Esc to cancel, Enter to pay', async ({
  page,
  registers,
}) => {
  await openRegister(page, registers)
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('/')
  const search = page.getByRole('searchbox', { name: 'Search products' })
  await expect(search).toBeFocused()
  await page.keyboard.type('espresso')
  await expect(page.getByTestId('product-tile').first()).toBeVisible()
  await page.keyboard.press('Enter')
  const cart = page.getByRole('region', { name: 'Cart' })
  await expect(cart.getByTestId('cart-line')).toHaveCount(1)
  await expect(search).toHaveValue('')
  await expect(search).toBeFocused()

  // A barcode scanner types digits and Enter.
  await page.keyboard.type('2000000101019')
  await page.keyboard.press('Enter')
  await expect(cart.locator('[data-testid="cart-line"][data-sku="DRK-LEM"]')).toHaveCount(1)

  const dialog = await openPayment(page)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(cart.getByTestId('cart-line')).toHaveCount(2)

  await page.keyboard.press('F4')
  await dialog.getByLabel('Amount tendered').fill('20')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('last-order-number')).toHaveText('S01-E2E-000001')
})

test('an underpaid sale cannot be completed and the cart survives', async ({ page, registers }) => {
  await openRegister(page, registers)
  await page.locator('[data-testid="product-tile"][data-sku="KIT-CAE"]').click()
  const dialog = await openPayment(page)
  await dialog.getByLabel('Amount tendered').fill('5')
  await expect(dialog.getByRole('button', { name: 'Complete sale' })).toBeDisabled()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('region', { name: 'Cart' }).getByTestId('cart-line')).toHaveCount(1)
})
