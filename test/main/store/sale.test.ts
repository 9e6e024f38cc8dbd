import { v4 as uuidv4 } from 'uuid'
import { describe, expect, it } from 'vitest'
import { completeSale } from '../../../src/main/services/saleService'
import type { RegisterCore } from '../../../src/main/core'
import { call, callError, openTestCore, tableCounts } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs()

async function productsBySku(core: RegisterCore) {
  const catalog = await call(core, 'catalog:list')
  return new Map(catalog.products.map((product) => [product.sku, product]))
}

async function sell(
  core: RegisterCore,
  lines: { sku: string; quantity: number }[],
  cashCents: number,
  clientRequestId = uuidv4(),
) {
  const bySku = await productsBySku(core)
  return call(core, 'sale:complete', {
    clientRequestId,
    lines: lines.map((line) => ({ productId: bySku.get(line.sku)!.id, quantity: line.quantity })),
    payments: [{ method: 'cash', amountCents: cashCents }],
  })
}

describe('completing a sale', () => {
  it('stores order, items, payment and one outbox entry, priced by the register', async () => {
    const core = openTestCore(tempDir(), { registerCode: 'R7' })
    // Latte 4.75 x2 + Croissant 3.25 = 12.75 net; 8.25% per line: 0.78 + 0.27 = 1.05 -> 13.80
    const receipt = await sell(
      core,
      [
        { sku: 'COF-LAT', quantity: 2 },
        { sku: 'BAK-CRO', quantity: 1 },
      ],
      2000,
    )
    expect(receipt.order).toMatchObject({
      subtotalCents: 1275,
      taxCents: 105,
      totalCents: 1380,
      itemCount: 3,
      status: 'COMPLETED',
      syncStatus: 'PENDING',
    })
    expect(receipt.changeCents).toBe(620)
    expect(receipt.order.orderNumber).toBe('S01-R7-000001')
    expect(receipt.order.items.map((item) => [item.sku, item.quantity, item.totalCents])).toEqual([
      ['COF-LAT', 2, 1028],
      ['BAK-CRO', 1, 352],
    ])
    expect(receipt.order.payments).toEqual([
      expect.objectContaining({
        method: 'cash',
        tenderedCents: 2000,
        changeCents: 620,
        amountCents: 1380,
      }),
    ])
    expect(tableCounts(core)).toMatchObject({ orders: 1, order_items: 2, payments: 1, outbox: 1 })
    const outbox = core.database.sqlite.prepare('select entity, entity_id, state from outbox').get()
    expect(outbox).toEqual({ entity: 'order', entity_id: receipt.order.id, state: 'pending' })
    core.close()
  })

  it('numbers orders per device without gaps and keeps numbering across restarts', async () => {
    const dir = tempDir()
    const core = openTestCore(dir, { registerCode: 'A1' })
    const first = await sell(core, [{ sku: 'COF-ESP', quantity: 1 }], 500)
    const second = await sell(core, [{ sku: 'COF-ESP', quantity: 1 }], 500)
    core.close()
    const reopened = openTestCore(dir, { registerCode: 'A1' })
    const third = await sell(reopened, [{ sku: 'COF-ESP', quantity: 1 }], 500)
    expect([first, second, third].map((receipt) => receipt.order.orderNumber)).toEqual([
      'S01-A1-000001',
      'S01-A1-000002',
      'S01-A1-000003',
    ])
    reopened.close()
  })

  it('stores a double-submitted sale once and returns the same order', async () => {
    const core = openTestCore(tempDir())
    const requestId = uuidv4()
    const first = await sell(core, [{ sku: 'COF-CLD', quantity: 1 }], 1000, requestId)
    const again = await sell(core, [{ sku: 'COF-CLD', quantity: 1 }], 1000, requestId)
    expect(again.order.id).toBe(first.order.id)
    expect(tableCounts(core)).toMatchObject({ orders: 1, order_items: 1, payments: 1, outbox: 1 })
    core.close()
  })

  it('leaves nothing behind when the sale fails half-way through its transaction', async () => {
    const core = openTestCore(tempDir())
    const bySku = await productsBySku(core)
    const draft = {
      clientRequestId: uuidv4(),
      lines: [{ productId: bySku.get('KIT-BLT')!.id, quantity: 1, modifierOptionIds: [] }],
      payments: [{ method: 'cash' as const, amountCents: 1000 }],
    }
    expect(() =>
      completeSale(core.store, core.device, draft, new Date().toISOString(), {
        afterItemsInserted: () => {
          throw new Error('disk unplugged')
        },
      }),
    ).toThrow('disk unplugged')
    expect(tableCounts(core)).toMatchObject({ orders: 0, order_items: 0, payments: 0, outbox: 0 })
    // The order sequence rolled back too: the next sale is still number 1.
    const next = await call(core, 'sale:complete', draft)
    expect(next.order.orderNumber).toMatch(/-000001$/)
    core.close()
  })

  it('refuses an underpaid sale and writes nothing', async () => {
    const core = openTestCore(tempDir())
    const bySku = await productsBySku(core)
    const error = await callError(core, 'sale:complete', {
      clientRequestId: uuidv4(),
      lines: [{ productId: bySku.get('KIT-CAE')!.id, quantity: 1 }],
      payments: [{ method: 'cash', amountCents: 1000 }],
    })
    expect(error).toMatchObject({ code: 'PAYMENT_INSUFFICIENT', path: 'payments' })
    expect(tableCounts(core)).toMatchObject({ orders: 0, order_items: 0, payments: 0, outbox: 0 })
    core.close()
  })

  it('refuses a product that is not for sale', async () => {
    const core = openTestCore(tempDir())
    const error = await callError(core, 'sale:complete', {
      clientRequestId: uuidv4(),
      lines: [{ productId: uuidv4(), quantity: 1 }],
      payments: [{ method: 'cash', amountCents: 1000 }],
    })
    expect(error).toMatchObject({ code: 'PRODUCT_UNAVAILABLE', path: 'lines.0.productId' })
    expect(tableCounts(core).orders).toBe(0)
    core.close()
  })

  it('keeps the sold name and price when the catalog changes later', async () => {
    const core = openTestCore(tempDir())
    const receipt = await sell(core, [{ sku: 'BAK-CIN', quantity: 1 }], 500)
    core.database.sqlite
      .prepare("update products set price_cents = 999, name = 'Renamed' where sku = 'BAK-CIN'")
      .run()
    const order = await call(core, 'order:get', { id: receipt.order.id })
    expect(order.items[0]).toMatchObject({ name: 'Cinnamon Roll', unitPriceCents: 395 })
    core.close()
  })

  it('is on disk when the call returns: a new connection sees it', async () => {
    const dir = tempDir()
    const core = openTestCore(dir)
    const receipt = await sell(core, [{ sku: 'GRO-BEA', quantity: 1 }], 2000)
    const other = openTestCore(dir)
    expect((await call(other, 'order:list', { limit: 5 })).map((order) => order.id)).toEqual([
      receipt.order.id,
    ])
    other.close()
    core.close()
  })
})

describe('orders', () => {
  it('lists newest first and pages back with beforeId', async () => {
    let tick = Date.parse('2026-11-21T10:00:00Z')
    const clockCore = openTestCore(tempDir(), { now: () => new Date((tick += 1000)) })
    const numbers: string[] = []
    for (let index = 0; index < 5; index++)
      numbers.push(
        (await sell(clockCore, [{ sku: 'COF-ESP', quantity: 1 }], 500)).order.orderNumber,
      )
    const firstPage = await call(clockCore, 'order:list', { limit: 2 })
    expect(firstPage.map((order) => order.orderNumber)).toEqual([numbers[4], numbers[3]])
    const nextPage = await call(clockCore, 'order:list', { limit: 2, beforeId: firstPage[1]!.id })
    expect(nextPage.map((order) => order.orderNumber)).toEqual([numbers[2], numbers[1]])
    expect(await callError(clockCore, 'order:get', { id: uuidv4() })).toMatchObject({
      code: 'NOT_FOUND',
    })
    clockCore.close()
  })
})
