import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { goTo, scan } from './support/register'
import { pins, signIn } from './support/session'

test.describe.configure({ timeout: 180_000 })

/** Still Water 500ml in the demo catalog: in-store EAN-13 for item 10102. */
const water = { sku: 'DRK-WAT', name: 'Still Water 500ml', barcode: '2000000101026' }

interface CatalogProduct {
  id: string
  sku: string
  name: string
  priceCents: number
  categoryId: string | null
  taxRateId: string
  barcodes: string[]
  variants: unknown[]
  modifierGroups: unknown[]
  pricingUnit: string
  isActive: boolean
}

/**
 * As the manager, through the register's own bridge: Still Water tracks stock and has 5 on hand
 * (a correction), so a count has something to compare with. Returns the product's id.
 */
async function stockFiveWaters(page: Page): Promise<string> {
  return page.evaluate(async (sku) => {
    const listed = (await window.pos.invoke('catalog:listAll', undefined)) as {
      ok: boolean
      value: CatalogProduct[]
    }
    const product = listed.value.find((entry) => entry.sku === sku)
    if (!product) throw new Error(`no ${sku} in the demo catalog`)
    const saved = await window.pos.invoke('catalog:saveProduct', {
      id: product.id,
      sku: product.sku,
      name: product.name,
      priceCents: product.priceCents,
      categoryId: product.categoryId,
      taxRateId: product.taxRateId,
      barcodes: product.barcodes,
      variants: product.variants,
      modifierGroups: product.modifierGroups,
      pricingUnit: product.pricingUnit,
      isActive: product.isActive,
      trackStock: true,
    })
    if (!(saved as { ok: boolean }).ok) throw new Error(JSON.stringify(saved))
    const adjusted = await window.pos.invoke('stock:adjust', {
      movementId: crypto.randomUUID(),
      reason: 'CORRECTION',
      lines: [{ productId: product.id, variantId: null, quantity: 5 }],
    })
    if (!(adjusted as { ok: boolean }).ok) throw new Error(JSON.stringify(adjusted))
    return product.id
  }, water.sku)
}

async function onHandOf(page: Page, productId: string): Promise<number | undefined> {
  return page.evaluate(async (id) => {
    const reply = (await window.pos.invoke('stock:levels', { productIds: [id] })) as {
      value: { variantId: string | null; onHand: number }[]
    }
    return reply.value.find((level) => level.variantId === null)?.onHand
  }, productId)
}

test('a cashier counts by scanning on the Stock screen and a manager approves the count', async ({
  page,
  registers,
}) => {
  const register = await registers.start()
  await page.goto(register.url)
  await signIn(page, pins.manager)
  const waterId = await stockFiveWaters(page)
  expect(await onHandOf(page, waterId)).toBe(5)

  // The cashier counts: approval for stock is on in a new store.
  await page.getByRole('button', { name: 'Lock', exact: true }).click()
  await signIn(page, pins.cashier)
  await goTo(page, 'Stock')
  await expect(page.getByRole('tab', { name: 'Count', selected: true })).toBeVisible()
  await page.getByRole('button', { name: 'Start a count' }).click()
  const picker = page.getByRole('searchbox', { name: 'Scan or search a product to count' })
  await expect(picker).toBeFocused()

  for (let scanned = 0; scanned < 3; scanned += 1) await scan(page, water.barcode)
  const line = page.locator(`[data-testid="count-line"][data-sku="${water.sku}"]`)
  await expect(page.getByLabel(`Counted for ${water.name}`)).toHaveValue('3')
  await expect(line.getByTestId('count-expected')).toHaveText('5')
  await expect(line).toHaveAttribute('data-difference', '-2')
  await expect(line.getByTestId('count-difference')).toContainText('fewer than expected')

  // A count in progress, differences marked, has no serious accessibility violation.
  const axe = await new AxeBuilder({ page }).include('[data-testid="count-section"]').analyze()
  expect(
    axe.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`),
  ).toEqual([])

  // A code the catalog does not know is said so, and counts nothing.
  await scan(page, '9999999999994')
  await expect(page.getByTestId('count-section').getByTestId('stock-scan-notice')).toContainText(
    'Barcode 9999999999994 is not in the catalog.',
  )
  await expect(page.getByTestId('count-line')).toHaveCount(1)

  await page.getByRole('button', { name: 'Apply count' }).click()
  const approval = page.getByRole('dialog', { name: 'Manager approval' })
  await expect(approval.getByTestId('approval-action')).toHaveText('Adjust stock or apply a count')
  await approval.getByLabel('Manager PIN').fill(pins.manager)
  await approval.getByRole('button', { name: 'Approve' }).click()
  await expect(approval).toBeHidden()

  const result = page.getByTestId('movement-result')
  await expect(result.getByRole('heading', { name: 'Count applied' })).toBeVisible()
  await expect(result.getByTestId('result-change')).toHaveText('-2')
  await expect(result.getByTestId('result-on-hand')).toHaveText('3')
  expect(await onHandOf(page, waterId)).toBe(3)

  // The product's history shows the count, who counted, and on hand now.
  await result.getByRole('button', { name: 'Done' }).click()
  await page.getByRole('button', { name: 'Start a count' }).click()
  await scan(page, water.barcode)
  await page.getByRole('button', { name: `Stock history of ${water.name}` }).click()
  const history = page.getByRole('dialog', { name: `Stock history: ${water.name}` })
  await expect(history.getByTestId('history-on-hand')).toHaveText('On hand now: 3')
  await expect(history.getByRole('row', { name: /Count/ })).toContainText('-2')
  await expect(history.getByRole('row', { name: /Adjustment · Correction/ })).toContainText('+5')
})
