import type { Page } from '@playwright/test'
import { ean13CheckDigit } from '../src/shared/domain/barcode'
import { expect, test } from './support/fixtures'
import { goTo, moneyText, openPayment, payCash, scan, tile } from './support/register'
import { pins, readyToSell } from './support/session'

/** Cents of a figure the page marks with data-cents. */
async function cents(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-cents'))
}

/** A weight label as the deli scale prints it: prefix 21, item 00042, grams, check digit. */
function weightLabel(grams: number): string {
  const body = `2100042${String(grams).padStart(5, '0')}`
  return `${body}${ean13CheckDigit(body)}`
}

test('a scanned item and a weighed item are paid split cash + card and the receipt number shows', async ({
  page,
  registers,
}) => {
  const register = await registers.start()
  await readyToSell(page, register.url)
  // The scanner types into whatever has focus; nothing is focused here.
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await scan(page, '2000000101019')
  await scan(page, weightLabel(452))
  const cart = page.getByRole('region', { name: 'Cart' })
  await expect(cart.locator('[data-testid="cart-line"][data-sku="DRK-LEM"]')).toHaveCount(1)
  const bananas = cart.locator('[data-testid="cart-line"][data-sku="GRO-BKG"]')
  await expect(bananas).toContainText('0.452 kg')
  // 2.95 + 8.25% tax (0.24) and 0.452 kg × 1.99 = 0.90 + 2.25% (0.02): 4.11.
  await expect(page.getByTestId('cart-total')).toHaveText(moneyText(411))

  const dialog = await openPayment(page)
  await dialog.getByLabel('Amount tendered').fill('2.00')
  await dialog.getByRole('button', { name: 'Add Cash payment' }).click()
  await dialog.getByRole('radio', { name: 'Card' }).check()
  await dialog.getByLabel('Approval code (optional)').fill('A1B2C3')
  await dialog.getByRole('button', { name: 'Card approved' }).click()
  await expect(dialog.getByTestId('tender-payment')).toHaveCount(2)
  await dialog.getByRole('button', { name: 'Complete sale' }).click()
  await expect(page.getByTestId('last-order-number')).toHaveText('S01-E2E-000001')

  const detail = await page.evaluate(async () => {
    const [order] = ((await window.pos.invoke('order:list', {})) as { value: { id: string }[] })
      .value
    return (await window.pos.invoke('order:get', { id: order!.id })) as {
      value: {
        totalCents: number
        payments: { method: string; amountCents: number; referenceNumber: string | null }[]
      }
    }
  })
  expect(detail.value.totalCents).toBe(411)
  expect(
    detail.value.payments.map((payment) => [
      payment.method,
      payment.amountCents,
      payment.referenceNumber,
    ]),
  ).toEqual([
    ['cash', 200, null],
    ['card', 211, 'A1B2C3'],
  ])
})

test('a shift with three sales closes short and its Z report equals the sales to the cent', async ({
  page,
  registers,
}) => {
  const register = await registers.start()
  await readyToSell(page, register.url)
  for (const skus of [['COF-LAT', 'BAK-CRO'], ['KIT-BLT'], ['COF-ESP', 'COF-ESP', 'KIT-QUI']]) {
    for (const sku of skus) await tile(page, sku).click()
    await payCash(page, '50')
  }
  const sold = await page.evaluate(async () => {
    const list = (await window.pos.invoke('order:list', {})) as { value: { totalCents: number }[] }
    return list.value.map((order) => order.totalCents)
  })
  expect(sold).toHaveLength(3)
  const salesTotal = sold.reduce((sum, total) => sum + total, 0)

  await goTo(page, 'Shift')
  await page.getByRole('button', { name: 'Close shift' }).click()
  // The expected cash arrives with the shift's preview, a moment after the form opens.
  const expected = 10_000 + salesTotal
  await expect(page.getByTestId('count-expected')).toHaveAttribute('data-cents', String(expected))
  // Count the float and the sales in $1 bills and quarters, one quarter short.
  const dollars = Math.floor(expected / 100)
  const quarters = Math.floor((expected % 100) / 25) - 1
  await page.getByTestId('count-100').fill(String(dollars))
  await page.getByTestId('count-25').fill(String(quarters))
  const counted = dollars * 100 + quarters * 25
  await expect(page.getByTestId('count-counted')).toHaveAttribute('data-cents', String(counted))
  await page.getByRole('button', { name: 'Confirm close' }).click()

  const report = page.getByRole('region', { name: 'Z report' })
  await expect(report).toBeVisible()
  await expect(page.getByTestId('z-sales-count')).toHaveText('3')
  expect(await cents(page, 'z-sales-total')).toBe(salesTotal)
  expect(await cents(page, 'z-method-cash')).toBe(salesTotal)
  expect(await cents(page, 'z-cash-opening')).toBe(10_000)
  expect(await cents(page, 'z-cash-expected')).toBe(expected)
  expect(await cents(page, 'z-cash-counted')).toBe(counted)
  expect(await cents(page, 'z-cash-difference')).toBe(counted - expected)
  await expect(page.getByTestId('z-cash-difference-kind')).toHaveText('Short')
  // The tax by rate adds up to the sales' tax.
  const orders = await page.evaluate(async () => {
    const list = (await window.pos.invoke('order:list', {})) as { value: { id: string }[] }
    return Promise.all(
      list.value.map(
        async (order) =>
          (
            (await window.pos.invoke('order:get', { id: order.id })) as {
              value: { taxCents: number }
            }
          ).value.taxCents,
      ),
    )
  })
  expect(await cents(page, 'z-sales-tax')).toBe(orders.reduce((sum, tax) => sum + tax, 0))
})

test('a cashier is refused a cash-out until a manager PIN approves it', async ({
  page,
  registers,
}) => {
  const register = await registers.start()
  await readyToSell(page, register.url, pins.cashier)
  await goTo(page, 'Shift')
  await page.getByRole('button', { name: 'Cash out' }).click()
  const movement = page.getByRole('dialog', { name: /Cash out/ })
  await movement.getByLabel('Amount').fill('5.00')
  await movement.getByLabel('Reason').fill('Change run')
  await movement.getByRole('button', { name: 'Record' }).click()

  const approval = page.getByRole('dialog', { name: 'Manager approval' })
  await expect(approval).toBeVisible()
  // A cashier's own PIN does not approve.
  await approval.getByLabel('Manager PIN').fill(pins.cashier)
  await approval.getByRole('button', { name: 'Approve' }).click()
  await expect(approval.getByRole('alert')).toBeVisible()
  await approval.getByLabel('Manager PIN').fill(pins.manager)
  await approval.getByRole('button', { name: 'Approve' }).click()
  await expect(approval).toBeHidden()
  await expect(page.getByTestId('z-movements-out')).toHaveAttribute('data-cents', '500')
})
