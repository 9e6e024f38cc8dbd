import type { Locator, Page } from '@playwright/test'
import { shoot } from './support/backoffice'
import { expect, test } from './support/fixtures'
import { goTo, moneyText, payCash, tile } from './support/register'
import { pins, signIn } from './support/session'

const sizes = [
  { width: 1366, height: 768, minLines: 8 },
  { width: 1024, height: 768, minLines: 8 },
  { width: 800, height: 600, minLines: 4 },
] as const

/** Nine plain products (no options), one line each. */
const nineSkus = [
  'COF-ESP',
  'COF-DBL',
  'COF-LAT',
  'COF-CLD',
  'TEA-EGR',
  'TEA-GRN',
  'TEA-CHA',
  'TEA-MAT',
  'DRK-OJ',
]

interface Box {
  name: string
  x: number
  y: number
  width: number
  height: number
}

/**
 * The cart's lines fully inside the cart's scrolling body, and every visible control of the cart
 * (clipped ones left out) with its box, measured in the page.
 */
async function measureCart(cart: Locator) {
  return cart.evaluate((section) => {
    const body = section.querySelector('.cart-body')!.getBoundingClientRect()
    const lines = [...section.querySelectorAll('[data-testid="cart-line"]')]
    const fullyVisible = lines.filter((line) => {
      const box = line.getBoundingClientRect()
      return box.top >= body.top - 0.5 && box.bottom <= body.bottom + 0.5
    }).length
    const controls = [...section.querySelectorAll('button, input, a[href], select, textarea')]
      .map((element) => {
        const box = element.getBoundingClientRect()
        const name =
          element.getAttribute('aria-label') ?? (element.textContent ?? '').trim().slice(0, 40)
        // A line scrolled out of the cart's body is clipped there, not drawn over the footer.
        const isClipped =
          element.closest('.cart-body') !== null &&
          (box.top < body.top - 0.5 || box.bottom > body.bottom + 0.5)
        return { name, x: box.x, y: box.y, width: box.width, height: box.height, isClipped }
      })
      .filter((box) => box.width > 0 && box.height > 0 && !box.isClipped)
    return {
      fullyVisible,
      controls,
      viewport: { width: window.innerWidth, height: window.innerHeight },
    }
  })
}

function overlaps(a: Box, b: Box): boolean {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0.5 && height > 0.5
}

async function expectNoOverlaps(cart: Locator, label: string) {
  const { controls, viewport } = await measureCart(cart)
  const inView = controls
  const clashes: string[] = []
  for (let i = 0; i < inView.length; i++)
    for (let j = i + 1; j < inView.length; j++)
      if (overlaps(inView[i]!, inView[j]!))
        clashes.push(`"${inView[i]!.name}" overlaps "${inView[j]!.name}"`)
  expect(clashes, label).toEqual([])
  // Nothing in the cart is cut off by the window, and every control is a 44 px touch target.
  for (const box of controls) {
    expect(box.x + box.width, `${label}: ${box.name} inside the window`).toBeLessThanOrEqual(
      viewport.width + 0.5,
    )
    expect(box.y + box.height, `${label}: ${box.name} inside the window`).toBeLessThanOrEqual(
      viewport.height + 0.5,
    )
    expect(Math.round(box.height), `${label}: ${box.name} height`).toBeGreaterThanOrEqual(44)
    expect(Math.round(box.width), `${label}: ${box.name} width`).toBeGreaterThanOrEqual(44)
  }
}

async function setLanguage(page: Page, language: 'en' | 'ar') {
  await page.evaluate(async (next) => {
    const current = (await window.pos.invoke('register:getConfig', undefined)) as {
      ok: true
      value: Record<string, unknown>
    }
    await window.pos.invoke('register:saveConfig', {
      config: { ...current.value, language: next },
    })
  }, language)
  await expect(page.locator('html')).toHaveAttribute('lang', language)
}

test('a dense cart: 9 lines, counted at three sizes in English and Arabic, nothing overlapping', async ({
  page,
  registers,
}) => {
  // Six sizes measured and photographed on a shared, busy machine.
  test.setTimeout(120_000)
  const register = await registers.start()
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(register.url)
  await signIn(page, pins.manager)
  const cart = page.getByRole('region', { name: 'Cart' })

  // The skip link is the page's first stop for Tab, and Enter on it lands in the cart.
  const firstFocusable = await page.evaluate(
    () =>
      document.querySelector<HTMLElement>(
        'a[href], button:not([disabled]), input, select, textarea',
      )?.textContent,
  )
  expect(firstFocusable).toBe('Skip to cart')
  const skip = page.getByRole('link', { name: 'Skip to cart' })
  await skip.focus()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(cart).toBeFocused()

  // No shift yet: Pay is off, and "Open a shift" goes where one is opened.
  await tile(page, 'COF-ESP').click()
  await expect(cart.getByRole('button', { name: 'Pay', exact: true })).toBeDisabled()
  await cart.getByRole('button', { name: 'Open a shift' }).click()
  await page.getByLabel('Opening float').fill('100.00')
  await page.getByRole('button', { name: 'Open shift' }).click()
  await expect(page.getByRole('button', { name: 'Close shift' })).toBeVisible()
  await goTo(page, 'Register')
  await expect(cart.getByRole('button', { name: /^Pay/ })).toBeEnabled()

  for (const sku of nineSkus.slice(1)) await tile(page, sku).click()
  await expect(cart.getByTestId('cart-line')).toHaveCount(9)
  // The live region says what changed, how many items and the total.
  await expect(page.getByTestId('cart-announcer')).toHaveText(
    /^Fresh Orange Juice added, 9 items, total \$\d+\.\d\d$/,
  )

  // By id: the region's name is translated too.
  const cartById = page.locator('#register-cart')
  for (const language of ['en', 'ar'] as const) {
    await setLanguage(page, language)
    for (const size of sizes) {
      await page.setViewportSize({ width: size.width, height: size.height })
      await cartById.locator('.cart-body').evaluate((body) => body.scrollTo(0, 0))
      const { fullyVisible } = await measureCart(cartById)
      const label = `${size.width}x${size.height} ${language}`
      expect(fullyVisible, `${label}: lines fully visible`).toBeGreaterThanOrEqual(size.minLines)
      await expectNoOverlaps(cartById, label)
      await shoot(page, `dense-cart-${size.width}x${size.height}-${language}`)
    }
  }
  await setLanguage(page, 'en')
})

test('a cashier edits a line by tapping it, adds extras without a dialog, picks by radio, and a big discount is approved at once', async ({
  page,
  registers,
}) => {
  const register = await registers.start()
  test.setTimeout(120_000)
  // The smallest screen: every dialog's primary action must still be in reach.
  await page.setViewportSize({ width: 800, height: 600 })
  await page.goto(register.url)
  await signIn(page, pins.cashier)
  await goTo(page, 'Shift')
  await page.getByLabel('Opening float').fill('100.00')
  await page.getByRole('button', { name: 'Open shift' }).click()
  await expect(page.getByRole('button', { name: 'Close shift' })).toBeVisible()
  await goTo(page, 'Register')
  const cart = page.getByRole('region', { name: 'Cart' })
  const line = (sku: string) => cart.locator(`[data-testid="cart-line"][data-sku="${sku}"]`)

  // Americano's extras are optional: one tap, straight into the cart.
  await tile(page, 'COF-AME').click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(line('COF-AME')).toHaveCount(1)
  // A right-click (a long press on a touch screen) asks for the extras first.
  await tile(page, 'COF-AME').click({ button: 'right' })
  const options = page.getByRole('dialog', { name: 'Choose options' })
  await options.getByRole('checkbox', { name: /Extra shot/ }).check()
  await options.getByRole('button', { name: /Add to sale/ }).click()
  await expect(line('COF-AME')).toHaveCount(2)
  await expect(line('COF-AME').nth(1)).toContainText('Extra shot')

  // Cappuccino has sizes: the dialog opens; Milk is choose-one, radios, whole milk preselected.
  await tile(page, 'COF-CAP').click()
  await expect(options).toBeVisible()
  const whole = options.getByRole('radio', { name: /Whole milk/ })
  const oat = options.getByRole('radio', { name: /Oat milk/ })
  await expect(whole).toBeChecked()
  await options.getByRole('radio', { name: /Large/ }).check()
  await oat.check()
  await expect(whole).not.toBeChecked()
  await options.getByRole('button', { name: /Add to sale/ }).click()
  await expect(line('COF-CAP')).toContainText('Oat milk')

  // Tap the latte line: quantity, note, then a discount over the cashier's 20% limit.
  await tile(page, 'COF-LAT').click()
  await line('COF-LAT').getByRole('button').click()
  const editor = page.getByRole('dialog', { name: 'Caffè Latte' })
  await editor.getByRole('button', { name: 'One more' }).click()
  await editor.getByRole('button', { name: 'One more' }).click()
  await editor.getByLabel('Note for the kitchen or receipt (optional)').fill('no foam')
  await editor.getByRole('button', { name: 'Add discount' }).click()
  const discount = page.getByRole('dialog', { name: 'Discount on Caffè Latte' })
  await discount.getByLabel('Discount (%)').fill('25')
  await discount.getByRole('button', { name: 'Apply discount' }).click()
  // Asked now, in words, not at Complete sale.
  const approval = page.getByRole('dialog', { name: 'Manager approval' })
  await expect(approval).toBeVisible()
  await expect(approval).toContainText('Discount over your limit: 25% on Caffè Latte')
  await expect(approval).not.toContainText('(discount)')
  await approval.getByLabel('Manager PIN').fill(pins.manager)
  await approval.getByRole('button', { name: 'Approve' }).click()
  await expect(approval).toBeHidden()
  await expect(editor.getByTestId('line-editor-discount')).toHaveText('25% off')
  await expect(editor.getByRole('button', { name: 'Done' })).toBeInViewport()
  await shoot(page, 'dense-cart-line-editor-800x600-en')
  await editor.getByRole('button', { name: 'Done' }).click()
  await expect(editor).toBeHidden()
  await expect(line('COF-LAT').getByTestId('cart-line-quantity')).toHaveText('3')
  await expect(line('COF-LAT').getByTestId('cart-line-discount')).toHaveText('−25%')
  await expect(line('COF-LAT').getByTestId('cart-line-note')).toBeVisible()
  // 3 × 4.75 = 14.25, a quarter off: 10.69 before tax.
  await expect(line('COF-LAT').getByTestId('cart-line-total')).toHaveText(moneyText(1069))
  // Enter on a focused line opens its editor too.
  await line('COF-LAT').getByRole('button').focus()
  await page.keyboard.press('Enter')
  await expect(editor.getByLabel('Quantity')).toHaveValue('3')
  await page.keyboard.press('Escape')

  // Complete sale asks nothing more: the approval came with the discount.
  const orderNumber = await payCash(page, '100')
  expect(orderNumber).toMatch(/^S01-E2E-\d{6}$/)
  await expect(page.getByRole('dialog', { name: 'Manager approval' })).toHaveCount(0)

  // Clearing an unpaid cart is the cashier's own call: no manager.
  await tile(page, 'COF-ESP').click()
  await cart.getByRole('button', { name: 'Clear', exact: true }).click()
  await page
    .getByRole('dialog', { name: 'Clear this sale?' })
    .getByRole('button', { name: 'Clear sale' })
    .click()
  await expect(cart.getByTestId('cart-line')).toHaveCount(0)
  await expect(page.getByRole('dialog')).toHaveCount(0)
})
