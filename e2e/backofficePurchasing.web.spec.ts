import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { CSRF_HEADER } from '../src/shared/backoffice/api'
import {
  csrfOf,
  nav,
  setUpOwner,
  shoot,
  startBackofficeServer,
  storeIdsByCode,
  type BackofficeServer,
} from './support/backoffice'
import { expect, test } from './support/fixtures'

/*
 * Issue 15's purchasing in a real browser against `npm run server`: a supplier with a cost, a
 * purchase order drafted at that cost, ordered, partly received, downloaded as a PDF, refused
 * e-mail without mail settings (said in words), and an invoice that matches what was received to
 * the cent; the same page in Arabic, right to left, with no serious axe violation.
 */

test.describe.configure({ timeout: 180_000 })

let server: BackofficeServer | null = null
test.afterEach(async () => {
  await server?.stop()
  server = null
})

test('the owner orders from a supplier, receives part of it, and matches the invoice', async ({
  page,
  registers,
}) => {
  server = await startBackofficeServer(`${registers.root}/server`)
  await setUpOwner(page, server, 'Asia/Dubai')
  const { MAIN: storeId } = await storeIdsByCode(page, server.url)
  const productId = randomUUID()
  const saved = await page.request.put(
    `${server.url}/api/admin/products/${productId}?storeId=${storeId}`,
    {
      headers: { [CSRF_HEADER]: await csrfOf(page, server.url) },
      data: { sku: 'BEAN-1', name: 'House beans', priceCents: 1500, trackStock: true },
    },
  )
  expect(saved.status()).toBe(200)

  await nav(page, 'Suppliers')
  await page.getByRole('button', { name: 'Add supplier' }).click()
  const supplierForm = page.getByRole('dialog', { name: 'New supplier' })
  await supplierForm.getByLabel('Name').fill('Bean Roasters')
  await supplierForm.getByLabel('E-mail').fill('sales@beans.example')
  await supplierForm.getByLabel('Lead time (days)').fill('3')
  await supplierForm.getByRole('button', { name: 'Save' }).click()
  const supplierRow = page.getByTestId('supplier-row').filter({ hasText: 'Bean Roasters' })
  await expect(supplierRow).toContainText('3 days')
  await supplierRow.getByRole('button', { name: 'Products and costs of Bean Roasters' }).click()
  const costs = page.getByRole('dialog', { name: 'What Bean Roasters sells' })
  await costs.getByLabel('Cost (USD)').fill('8.50')
  await costs.getByLabel('Supplier SKU').fill('BR-HOUSE')
  await costs.getByRole('button', { name: 'Add product' }).click()
  await expect(costs.getByTestId('supplier-cost-row')).toContainText('$8.50')
  await costs.getByRole('button', { name: 'Close' }).click()

  await nav(page, 'Purchase orders')
  await page.getByRole('button', { name: 'New purchase order' }).click()
  const editor = page.getByRole('dialog', { name: 'New purchase order' })
  await editor.getByLabel('Reference').fill('PO-1')
  await editor.getByRole('button', { name: 'Add line' }).click()
  await editor.getByLabel('Quantity').fill('10')
  await editor.getByRole('button', { name: 'Save' }).click()
  const detail = page.getByRole('dialog', { name: 'Purchase order PO-1' })
  await expect(detail.getByTestId('order-status')).toHaveText('Draft')
  // The blank unit cost took the supplier's cost.
  await expect(detail.getByTestId('order-total')).toHaveText('$85.00')
  await detail.getByRole('button', { name: 'Mark ordered' }).click()
  await expect(detail.getByTestId('order-status')).toHaveText('Ordered')

  await detail.getByRole('button', { name: 'Receive', exact: true }).click()
  const receiveNow = detail.getByLabel('Receive now: House beans')
  await expect(receiveNow).toHaveValue('10')
  await receiveNow.fill('4')
  await detail.getByRole('button', { name: 'Record receipt' }).click()
  await expect(detail.getByTestId('order-status')).toHaveText('Partly received')
  await expect(detail.getByTestId('order-detail-line')).toHaveText('House beans1046$8.50$85.00')
  await expect(detail.getByTestId('order-received')).toHaveText('$34.00')

  const downloading = page.waitForEvent('download')
  await detail.getByRole('link', { name: 'Download PDF' }).click()
  const pdf = await readFile((await (await downloading).path())!)
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdf.toString('latin1')).toContain('(Bean Roasters)')

  await detail.getByRole('button', { name: 'E-mail to supplier' }).click()
  await expect(detail.getByRole('alert')).toContainText('no mail settings')
  expect(await seriousViolations(page)).toEqual([])
  await shoot(page, 'backoffice-en-purchase-order')
  await detail.getByRole('button', { name: 'Close' }).click()

  await nav(page, 'Supplier invoices')
  await page.getByRole('button', { name: 'Record invoice' }).click()
  const invoiceForm = page.getByRole('dialog', { name: 'New supplier invoice' })
  await invoiceForm.getByLabel('Invoice number').fill('INV-1')
  await invoiceForm.getByLabel('PO-1').check()
  await invoiceForm.getByLabel('Invoice total (USD)').fill('34.01')
  await invoiceForm.getByRole('button', { name: 'Save' }).click()
  const invoice = page.getByTestId('supplier-invoice-row').filter({ hasText: 'INV-1' })
  await expect(invoice).toContainText('Open')
  await expect(invoice).toContainText('$0.01')
  await invoice.getByRole('button', { name: 'Edit invoice INV-1' }).click()
  await page
    .getByRole('dialog', { name: 'Edit supplier invoice' })
    .getByLabel('Invoice total (USD)')
    .fill('34.00')
  await page
    .getByRole('dialog', { name: 'Edit supplier invoice' })
    .getByRole('button', { name: 'Save' })
    .click()
  await expect(invoice).toContainText('Matched')

  await page.getByLabel('Language').selectOption('ar')
  await expect(page.getByRole('heading', { level: 1, name: 'فواتير الموردين' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(invoice).toContainText('مطابقة')
  expect(await seriousViolations(page)).toEqual([])
  await shoot(page, 'backoffice-ar-supplier-invoices')
})

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help}`)
}
