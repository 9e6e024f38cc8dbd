import { expect, type Page } from '@playwright/test'

/** PINs of the demo staff every new register is seeded with. */
export const pins = { manager: '1234', cashier: '1111', cashier2: '2222', admin: '9999' } as const

/** Signs in on the lock screen by typing the PIN, as a cashier does at the counter. */
export async function signIn(page: Page, pin: string): Promise<void> {
  const field = page.getByLabel('PIN', { exact: true })
  await expect(field).toBeVisible()
  await field.fill(pin)
  await field.press('Enter')
  await expect(field).toBeHidden()
}

export async function goTo(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click()
}

/** Opens this register's shift with a float (in major units, e.g. '100.00'), back to the register. */
export async function openShift(page: Page, float = '100.00'): Promise<void> {
  await goTo(page, 'Shift')
  await page.getByLabel('Opening float').fill(float)
  await page.getByRole('button', { name: 'Open shift' }).click()
  await expect(page.getByRole('button', { name: 'Close shift' })).toBeVisible()
  await goTo(page, 'Register')
}

/** Opens a register page signed in as the manager with an open shift: ready to sell. */
export async function readyToSell(page: Page, url: string, pin: string = pins.manager) {
  await page.goto(url)
  await signIn(page, pin)
  await openShift(page)
  await expect(page.getByRole('searchbox', { name: 'Search products' })).toBeVisible()
}
