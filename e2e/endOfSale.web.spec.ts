import type { Page } from '@playwright/test'
import { startSmtpSink, type SmtpSink } from '../test/support/smtpSink'
import { shoot } from './support/backoffice'
import { expect, test } from './support/fixtures'
import { moneyText, openPayment, tile } from './support/register'
import { goTo, readyToSell } from './support/session'

const sizes = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
  { width: 800, height: 600 },
] as const

let sink: SmtpSink
test.beforeEach(async () => {
  sink = await startSmtpSink()
})
test.afterEach(async () => {
  await sink.stop()
})

/** Screenshots the end-of-sale screen at each size; the change and New sale stay in view. */
async function shootSizes(page: Page, language: 'en' | 'ar') {
  for (const size of sizes) {
    await page.setViewportSize(size)
    await expect(page.getByTestId('last-change')).toBeInViewport()
    await expect(page.getByTestId('new-sale')).toBeInViewport()
    await expect(page.getByTestId('receipt-choice-none')).toBeInViewport()
    await shoot(page, `end-of-sale-${size.width}x${size.height}-${language}`)
  }
  await page.setViewportSize(sizes[0])
}

/** Pays the whole cart in cash with the keyboard only: F4, Enter (exact), Enter (complete). */
async function payExactByKeyboard(page: Page) {
  await page.keyboard.press('F4')
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('sale-confirmation')).toBeVisible()
}

test('the end of a sale: split payments and change, an e-mailed receipt the SMTP sink receives, New sale, and the receipt choice remembered', async ({
  page,
  registers,
}) => {
  // Three sales and six screenshots on a shared two-core machine.
  test.setTimeout(150_000)
  const register = await registers.start()
  await page.setViewportSize(sizes[0])
  await readyToSell(page, register.url)

  // A manager points the register at the SMTP server (here: the sink in this test process).
  await goTo(page, 'Settings')
  await page.getByTestId('settings-nav-email').click()
  const email = page.getByTestId('email-settings')
  await email.getByLabel('SMTP server').fill('127.0.0.1')
  await email.getByLabel('Port').fill(String(sink.port))
  await email.getByLabel('Security').selectOption('none')
  await email.getByLabel('From address').fill('receipts@corner.example')
  await email.getByRole('button', { name: 'Save e-mail settings' }).click()
  await expect(page.getByTestId('email-settings-status')).toHaveText('E-mail settings saved.')
  await goTo(page, 'Register')
  // A receipt printer that is switched off: the printer banner shows, the change must not go.
  await page.evaluate(async () => {
    const config = (await window.pos.invoke('register:getConfig', undefined)) as {
      value: Record<string, unknown>
    }
    const printer = {
      id: crypto.randomUUID(),
      name: 'Front',
      kind: 'network',
      host: '127.0.0.1',
      port: 9,
      role: 'receipt',
    }
    await window.pos.invoke('register:saveConfig', {
      config: { ...config.value, printers: [printer] },
    })
  })

  // Latte 4.75 + Croissant 3.25 = 8.00 + 0.66 tax = 8.66: 5.00 on the card, 20.00 in cash.
  await tile(page, 'COF-LAT').click()
  await page.getByRole('tab', { name: 'Bakery' }).click()
  await tile(page, 'BAK-CRO').click()
  await expect(page.getByTestId('cart-total')).toHaveText(moneyText(866))
  const dialog = await openPayment(page)
  await dialog.getByRole('radio', { name: 'Card' }).check()
  await dialog.getByLabel('Amount', { exact: true }).fill('5')
  await dialog.getByRole('button', { name: 'Card approved' }).click()
  await dialog.getByRole('radio', { name: 'Cash' }).check()
  await dialog.getByLabel('Amount tendered').fill('20')
  await dialog.getByRole('button', { name: 'Complete sale' }).click()
  await expect(dialog).toBeHidden()

  const confirmation = page.getByTestId('sale-confirmation')
  const orderNumber = ((await page.getByTestId('last-order-number').textContent()) ?? '').trim()
  expect(orderNumber).toBe('S01-E2E-000001')
  const payments = confirmation.getByTestId('sale-payment')
  await expect(payments).toHaveCount(2)
  await expect(payments.filter({ hasText: 'Card' })).toContainText(moneyText(500))
  await expect(payments.filter({ hasText: 'Cash' })).toContainText(moneyText(2000))
  await expect(page.getByTestId('last-change')).toHaveText(moneyText(1634))
  await expect(page.getByTestId('sale-total')).toHaveText(moneyText(866))
  // The order number stays on one line.
  const numberBox = await page.getByTestId('last-order-number').boundingBox()
  expect(numberBox!.height).toBeLessThan(40)
  // Print is the register's first choice, selected and focused: one Enter would confirm it.
  await expect(page.getByTestId('receipt-choice-print')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('receipt-choice-print')).toBeFocused()
  await expect(page.getByTestId('print-banner')).toBeVisible()
  await shootSizes(page, 'en')

  // The customer wants it by e-mail: a bad address is refused on the spot, a good one goes.
  await page.getByTestId('receipt-choice-email').click()
  const address = confirmation.getByLabel('Customer e-mail')
  await expect(address).toBeFocused()
  await address.fill('ana@')
  await address.press('Enter')
  await expect(confirmation.getByRole('alert')).toHaveText(
    'Enter an e-mail address like name@example.com.',
  )
  await address.fill('ana@example.com')
  await address.press('Enter')
  const [mail] = await sink.waitForMessages(1)
  expect(mail!.to).toEqual(['ana@example.com'])
  expect(mail!.body).toContain(orderNumber)
  expect(mail!.body).toContain(moneyText(866))
  expect(mail!.body).toContain('Latte')
  expect(mail!.body).toContain('Croissant')
  await expect(page.getByTestId('receipt-choice-status')).toHaveText(
    'E-mail sent to ana@example.com.',
  )
  await expect(page.getByTestId('new-sale')).toBeFocused()

  // New sale clears the screen for the next customer.
  await page.getByTestId('new-sale').click()
  await expect(confirmation).toBeHidden()
  await expect(page.getByRole('searchbox', { name: 'Search products' })).toBeFocused()

  // The next sale preselects E-mail, with the address field ready; No receipt, then Enter.
  await tile(page, 'BAK-CRO').click()
  await payExactByKeyboard(page)
  await expect(page.getByTestId('receipt-choice-email')).toHaveAttribute('aria-pressed', 'true')
  await expect(confirmation.getByLabel('Customer e-mail')).toBeFocused()
  await page.getByTestId('receipt-choice-none').click()
  await expect(page.getByTestId('receipt-choice-status')).toHaveText('No receipt.')
  await expect(page.getByTestId('new-sale')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(confirmation).toBeHidden()

  // Orders shows how the e-mail went and sends it again on request.
  await goTo(page, 'Orders')
  await page.getByTestId('order-row').filter({ hasText: orderNumber }).click()
  const status = page.getByTestId('receipt-email-status')
  await expect(status).toHaveText('Last e-mail: E-mail sent to ana@example.com.')
  await page.getByRole('button', { name: 'E-mail receipt' }).click()
  const sendTo = page.getByLabel('Send to')
  await expect(sendTo).toHaveValue('ana@example.com')
  await sendTo.fill('ben@example.com')
  await sendTo.press('Enter')
  const resent = await sink.waitForMessages(2)
  expect(resent[1]!.to).toEqual(['ben@example.com'])
  await expect(status).toHaveText('Last e-mail: E-mail sent to ben@example.com.')
  await goTo(page, 'Register')

  // In Arabic: the remembered No receipt is focused; one Enter confirms it, one more starts anew.
  await page.evaluate(async () => {
    const config = (await window.pos.invoke('register:getConfig', undefined)) as {
      ok: boolean
      value: Record<string, unknown>
    }
    await window.pos.invoke('register:saveConfig', {
      config: { ...config.value, language: 'ar' },
    })
  })
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await tile(page, 'BAK-CRO').click()
  await payExactByKeyboard(page)
  await expect(page.getByTestId('receipt-choice-none')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('receipt-choice-none')).toBeFocused()
  await shootSizes(page, 'ar')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('new-sale')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(confirmation).toBeHidden()
  // Two e-mails in all: nothing was sent twice.
  expect(sink.messages).toHaveLength(2)
})
