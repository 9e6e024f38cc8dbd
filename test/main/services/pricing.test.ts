import { describe, expect, it } from 'vitest'
import { computeOrderTotals } from '../../../src/shared/domain'
import { call, callError, openTestCore, tableCounts } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { catalogBySku, choiceId, embeddedEan13, rows, sell } from './salesSupport'

const tempDir = useTempDirs()

describe('pricing a sale from the catalog', () => {
  it('prices a variant with modifiers and keeps what was chosen on the receipt', async () => {
    const core = openTestCore(tempDir())
    const cappuccino = (await catalogBySku(core)).get('COF-CAP')!
    const receipt = await sell(
      core,
      [
        {
          productId: cappuccino.id,
          quantity: 2,
          variantId: choiceId(cappuccino, 'Large'),
          modifierOptionIds: [choiceId(cappuccino, 'Extra shot'), choiceId(cappuccino, 'Oat milk')],
          note: 'extra hot',
        },
      ],
      [{ method: 'cash', amountCents: 2000 }],
    )
    // Large 5.50 + oat 0.60 + shot 0.90 = 7.00 a cup; 14.00 + 8.25 % (1.155 -> 1.16) = 15.16.
    expect(receipt.order.items[0]).toMatchObject({
      unitPriceCents: 700,
      quantity: 2,
      totalCents: 1516,
      variantName: 'Large',
      note: 'extra hot',
      modifiers: [
        { groupName: 'Milk', name: 'Oat milk', priceCents: 60 },
        { groupName: 'Extras', name: 'Extra shot', priceCents: 90 },
      ],
    })
    expect(receipt.changeCents).toBe(484)
    core.close()
  })

  it('refuses a required modifier left out, too many, and options of another product', async () => {
    const core = openTestCore(tempDir())
    const catalog = await catalogBySku(core)
    const cappuccino = catalog.get('COF-CAP')!
    const mocha = catalog.get('COF-MOC')!
    const attempt = (modifierOptionIds: string[]) =>
      callError(core, 'sale:complete', {
        clientRequestId: crypto.randomUUID(),
        lines: [
          { productId: catalog.get('COF-ESP')!.id, quantity: 1 },
          { productId: cappuccino.id, quantity: 1, modifierOptionIds },
        ],
        payments: [{ method: 'cash', amountCents: 5000 }],
      })
    expect(await attempt([])).toMatchObject({
      code: 'MODIFIERS_INVALID',
      path: 'lines.1.modifierOptionIds',
      message: expect.stringContaining('at least 1 from "Milk"'),
    })
    expect(
      await attempt([choiceId(cappuccino, 'Whole milk'), choiceId(cappuccino, 'Oat milk')]),
    ).toMatchObject({ code: 'MODIFIERS_INVALID', message: expect.stringContaining('at most 1') })
    expect(await attempt([choiceId(mocha, 'Whole milk')])).toMatchObject({
      code: 'MODIFIERS_INVALID',
      path: 'lines.1.modifierOptionIds',
    })
    expect(tableCounts(core)).toMatchObject({ orders: 0, outbox: 0 })
    core.close()
  })

  it('prices weighed goods from the label and a price-embedded label at its printed price', async () => {
    const core = openTestCore(tempDir())
    const catalog = await catalogBySku(core)
    const bananas = catalog.get('GRO-BKG')!
    const deli = catalog.get('KIT-DLI')!
    const receipt = await sell(
      core,
      [
        { productId: bananas.id, quantity: 1, scannedBarcode: embeddedEan13('2100042', 1250) },
        { productId: deli.id, quantity: 1, scannedBarcode: embeddedEan13('2200017', 735) },
      ],
      [{ method: 'cash', amountCents: 2000 }],
    )
    // 1.250 kg at 1.99/kg = 2.4875 -> 2.49 (+2.25 % = 0.06); the deli label says 7.35 (+0.61).
    expect(
      receipt.order.items.map((item) => [item.unitPriceCents, item.weightGrams, item.totalCents]),
    ).toEqual([
      [249, 1250, 255],
      [735, null, 796],
    ])
    core.close()
  })

  it('refuses a label that is not the product’s, a weighed line of 2, and weighed goods without a label', async () => {
    const core = openTestCore(tempDir())
    const catalog = await catalogBySku(core)
    const bananas = catalog.get('GRO-BKG')!
    const attempt = (line: Record<string, unknown>) =>
      callError(core, 'sale:complete', {
        clientRequestId: crypto.randomUUID(),
        lines: [{ productId: bananas.id, quantity: 1, ...line }],
        payments: [{ method: 'cash', amountCents: 5000 }],
      })
    expect(await attempt({ scannedBarcode: embeddedEan13('2100043', 500) })).toMatchObject({
      code: 'VALIDATION_FAILED',
      path: 'lines.0.scannedBarcode',
    })
    expect(
      await attempt({ scannedBarcode: embeddedEan13('2100042', 500), quantity: 2 }),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      path: 'lines.0.quantity',
    })
    expect(await attempt({})).toMatchObject({
      code: 'VALIDATION_FAILED',
      path: 'lines.0.scannedBarcode',
    })
    core.close()
  })

  it('applies line and order discounts exactly as the shared totals engine does', async () => {
    const core = openTestCore(tempDir())
    const catalog = await catalogBySku(core)
    const latte = catalog.get('COF-LAT')!
    const croissant = catalog.get('BAK-CRO')!
    const receipt = await sell(
      core,
      [
        { productId: latte.id, quantity: 2, discount: { type: 'percent', percent: 10 } },
        { productId: croissant.id, quantity: 1 },
      ],
      [{ method: 'cash', amountCents: 2000 }],
      { orderDiscount: { type: 'amount', amountCents: 100 } },
    )
    const { pricingRules } = await call(core, 'app:getInfo')
    const expected = computeOrderTotals(
      {
        lines: [
          { unitPriceCents: 475, quantity: 2, taxRateBasisPoints: 825, discountCents: 95 },
          { unitPriceCents: 325, quantity: 1, taxRateBasisPoints: 825 },
        ],
        orderDiscountCents: 100,
      },
      pricingRules,
    )
    expect(receipt.order).toMatchObject({
      subtotalCents: expected.subtotalCents,
      discountCents: expected.discountCents,
      taxCents: expected.taxCents,
      totalCents: expected.totalCents,
    })
    expect(receipt.order.items.map((item) => item.totalCents)).toEqual(
      expected.lines.map((line) => line.totalCents),
    )
    expect(receipt.order.items.map((item) => item.discountCents)).toEqual(
      expected.lines.map((line) => line.lineDiscountCents + line.orderDiscountShareCents),
    )
    core.close()
  })

  it('refuses a discount larger than what it applies to', async () => {
    const core = openTestCore(tempDir())
    const latte = (await catalogBySku(core)).get('COF-LAT')!
    const error = await callError(core, 'sale:complete', {
      clientRequestId: crypto.randomUUID(),
      lines: [{ productId: latte.id, quantity: 1, discount: { type: 'amount', amountCents: 476 } }],
      payments: [{ method: 'cash', amountCents: 1000 }],
    })
    expect(error).toMatchObject({ code: 'DISCOUNT_INVALID', path: 'lines.0.discount' })
    core.close()
  })

  it('refuses a cashier a discount above the limit until a manager approves it, and logs it', async () => {
    const core = openTestCore(tempDir(), { signIn: 'cashier' })
    const latte = (await catalogBySku(core)).get('COF-LAT')!
    const draft = {
      clientRequestId: crypto.randomUUID(),
      lines: [{ productId: latte.id, quantity: 1 }],
      orderDiscount: { type: 'percent' as const, percent: 50 },
      payments: [{ method: 'cash' as const, amountCents: 1000 }],
    }
    expect(await callError(core, 'sale:complete', draft)).toMatchObject({
      code: 'APPROVAL_REQUIRED',
    })
    expect(tableCounts(core)).toMatchObject({ orders: 0, audit_events: 0 })
    // Within the limit needs no one.
    await sell(
      core,
      [{ productId: latte.id, quantity: 1, discount: { type: 'percent', percent: 20 } }],
      [{ method: 'cash', amountCents: 1000 }],
    )

    const { approvalId } = core.authority.approve('1234', 'discount')
    const receipt = await call(core, 'sale:complete', { ...draft, approvalId })
    expect(receipt.order).toMatchObject({ discountCents: 238, employeeName: 'Sam (cashier)' })
    const audits = rows<{ action: string; subject_id: string; approved_by: string | null }>(
      core,
      'select action, subject_id, approved_by from audit_events',
    )
    expect(audits).toEqual([
      {
        action: 'sale.discountApproved',
        subject_id: receipt.order.id,
        approved_by: expect.any(String),
      },
    ])
    // A replay returns the sale without asking for (or using up) another approval.
    const again = await call(core, 'sale:complete', { ...draft, approvalId })
    expect(again.order.id).toBe(receipt.order.id)
    core.close()
  })

  it('stores the customer, note, employee and shift, and refuses an unknown customer', async () => {
    const core = openTestCore(tempDir())
    const latte = (await catalogBySku(core)).get('COF-LAT')!
    const customer = await call(core, 'customer:create', { name: 'Ada Lovelace' })
    const receipt = await sell(
      core,
      [{ productId: latte.id, quantity: 1 }],
      [{ method: 'cash', amountCents: 600 }],
      {
        customerId: customer.id,
        note: 'table 4',
      },
    )
    expect(receipt.order).toMatchObject({
      customerId: customer.id,
      customerName: 'Ada Lovelace',
      note: 'table 4',
      employeeName: 'Maya (manager)',
      shiftId: null,
      kind: 'SALE',
      refunds: [],
    })
    expect(
      await callError(core, 'sale:complete', {
        clientRequestId: crypto.randomUUID(),
        lines: [{ productId: latte.id, quantity: 1 }],
        payments: [{ method: 'cash', amountCents: 600 }],
        customerId: crypto.randomUUID(),
      }),
    ).toMatchObject({ code: 'NOT_FOUND', path: 'customerId' })
    core.close()
  })
})
