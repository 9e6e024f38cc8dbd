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
