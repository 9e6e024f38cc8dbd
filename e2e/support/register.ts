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

/** A scanner is a keyboard that types a code fast and ends with Enter. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 5 })
  await page.keyboard.press('Enter')
}

export async function goTo(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click()
}
