import { expect, type Page } from '@playwright/test'

export function moneyText(cents: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100)
}

export function tile(page: Page, sku: string) {
  return page.locator(`[data-testid="product-tile"][data-sku="${sku}"]`)
}

/** Opens the payment dialog (the Pay button, F4). */
export async function openPayment(page: Page) {
  await page.getByRole('button', { name: /^Pay/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Payment' })
  await expect(dialog).toBeVisible()
  return dialog
}

/** Pays the whole cart in cash with `tendered` (major units) and returns the order number shown. */
export async function payCash(page: Page, tendered: string): Promise<string> {
  const dialog = await openPayment(page)
  await dialog.getByLabel('Amount tendered').fill(tendered)
  await dialog.getByRole('button', { name: 'Complete sale' }).click()
  await expect(dialog).toBeHidden()
  return ((await page.getByTestId('last-order-number').textContent()) ?? '').trim()
}

/**
 * A scanner is a keyboard that types a whole code and Enter within a few milliseconds. The keys are
 * sent inside the page, to whatever has focus, at that speed: Playwright's key-by-key input is one
 * round trip per key, which on a busy machine spreads a code out to a person's typing speed.
 */
export async function scan(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    const target = document.activeElement ?? document.body
    for (const key of [...text, 'Enter'])
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
  }, code)
}

export async function goTo(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click()
}

/** Cents of a figure the page marks with data-cents (the Z report's figures). */
export async function centsOf(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).getAttribute('data-cents')
  expect(text).toMatch(/^-?\d+$/)
  return Number(text)
}

/** Pays `cash` (major units) in cash and the rest by card; returns the order number shown. */
export async function payCashThenCard(page: Page, cash: string): Promise<string> {
  const dialog = await openPayment(page)
  await dialog.getByLabel('Amount tendered').fill(cash)
  await dialog.getByRole('button', { name: 'Add Cash payment' }).click()
  await dialog.getByRole('radio', { name: 'Card' }).check()
  await dialog.getByRole('button', { name: 'Card approved' }).click()
  await expect(dialog.getByTestId('tender-payment')).toHaveCount(2)
  await dialog.getByRole('button', { name: 'Complete sale' }).click()
  await expect(dialog).toBeHidden()
  return ((await page.getByTestId('last-order-number').textContent()) ?? '').trim()
}

/** Refunds one unit of `itemName` from an order (Orders, find, Refund); returns the refund's number. */
export async function refundOne(page: Page, orderNumber: string, itemName: string) {
  await goTo(page, 'Orders')
  const find = page.getByLabel('Order number')
  await find.fill(orderNumber)
  await find.press('Enter')
  await page.getByRole('button', { name: 'Refund', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: `Refund order ${orderNumber}` })
  await dialog.getByLabel(`Refund quantity for ${itemName}`).fill('1')
  await dialog.getByLabel('Reason', { exact: true }).fill('Spilled')
  await dialog.getByRole('button', { name: 'Confirm refund' }).click()
  await expect(page.getByTestId('refund-recorded')).toBeVisible()
}

/** Closes the shift with the drawer counted exactly as expected; the Z report is then on screen. */
export async function closeShiftCountedExactly(page: Page): Promise<void> {
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
}
