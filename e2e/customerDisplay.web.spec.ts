import type { Page } from '@playwright/test'
import { shoot } from './support/backoffice'
import { expect, test } from './support/fixtures'
import { moneyText, payCash, tile } from './support/register'
import { readyToSell } from './support/session'

test.describe.configure({ timeout: 120_000 })

const sizes = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
  { width: 800, height: 600 },
] as const

/** The customer display's link, printed where the register was started. */
function displayUrlOf(output: string[]): string {
  const line = output.find((text) => text.includes('Customer display: '))
  const url = /Customer display: (http:\/\/\S+)/.exec(line ?? '')?.[1]
  if (!url) throw new Error(`no customer display link in:\n${output.join('\n')}`)
  return url
}

/** "$12.34" → 1234 (the display's English money). */
function centsOf(text: string): number {
  return Math.round(Number(text.replace(/[^\d.]/g, '')) * 100)
}

async function shootSizes(page: Page, name: string) {
  for (const size of sizes) {
    await page.setViewportSize(size)
    await shoot(page, `${name}-${size.width}x${size.height}`)
  }
}

async function setDisplayLanguage(register: Page, language: 'en' | 'ar' | null) {
  const result = await register.evaluate(async (customerDisplayLanguage) => {
    const current = await window.pos.invoke('register:getConfig', undefined)
    if (!current || typeof current !== 'object' || !('value' in current)) return current
    return window.pos.invoke('register:saveConfig', {
      config: { ...(current.value as object), customerDisplayLanguage },
    })
  }, language)
  expect(result).toMatchObject({ ok: true })
}

test('the customer display follows a sale: lines, totals, change due and a thank-you, in Arabic when set', async ({
  browser,
  registers,
}) => {
  const register = await registers.start({ dir: 'A', registerCode: 'A' })
  const till = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  await readyToSell(till, register.url)

  // Its own browser context: the display key alone, none of the cashier's session.
  const displayContext = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  const display = await displayContext.newPage()
  await display.goto(displayUrlOf(register.output))
  await expect(display.locator('main[data-phase="idle"]')).toBeVisible()
  // The display's key does not open the register.
  expect((await display.request.get(new URL('/', register.url).href)).status()).toBe(401)

  await tile(till, 'COF-LAT').click()
  await tile(till, 'BAK-CRO').click()
  await tile(till, 'BAK-CRO').click()
  const lines = display.getByTestId('display-line')
  await expect(lines).toHaveCount(2)
  await expect(lines.first()).toContainText('Latte')
  await expect(lines.nth(1)).toContainText('2 ×')
  const total = display.getByTestId('display-total')
  await expect(total).toHaveText(/\$\d+\.\d\d/)
  const totalCents = centsOf((await total.textContent()) ?? '')
  await expect(till.getByTestId('cart-total')).toHaveText(moneyText(totalCents))
  await shootSizes(display, 'customer-display-cart-en')

  await payCash(till, '20')
  await expect(display.locator('main[data-phase="paid"]')).toBeVisible()
  await expect(display.getByRole('heading', { name: 'Thank you!' })).toBeVisible()
  await expect(display.getByTestId('display-tendered')).toHaveText(moneyText(2000))
  await expect(display.getByTestId('display-change')).toHaveText(moneyText(2000 - totalCents))
  await shootSizes(display, 'customer-display-paid-en')

  // The customer's language is a register setting, apart from the cashier's.
  await setDisplayLanguage(till, 'ar')
  await expect(display.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(display.getByRole('heading', { name: 'شكرًا لك!' })).toBeVisible()
  await expect(till.locator('html')).toHaveAttribute('dir', 'ltr')
  await tile(till, 'COF-LAT').click()
  await expect(display.getByTestId('display-line')).toHaveCount(1)
  await expect(display.getByRole('heading', { name: /طلبك/ })).toBeVisible()
  await shootSizes(display, 'customer-display-cart-ar')
  await payCash(till, '10')
  await expect(display.locator('main[data-phase="paid"]')).toBeVisible()
  await expect(display.getByText('الباقي لك')).toBeVisible()
  await shootSizes(display, 'customer-display-paid-ar')
  await displayContext.close()
})
