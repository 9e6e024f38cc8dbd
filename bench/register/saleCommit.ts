import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid'
import { openRegisterCore } from '../../src/main/core'
import { openRegisterDatabase } from '../../src/main/store/database'
import { listProducts } from '../../src/main/store/catalogRepository'
import { getStoreOptions } from '../../src/main/store/identityRepository'
import { commitSale } from '../../src/main/store/saleRepository'
import { shifts } from '../../src/main/store/schema'
import { pricedSale, pricedSaleWithModifiers } from '../fixtures/pricedSale'
import { completeSale } from '../../src/main/services/saleService'
import { elapsedMs, summarize, type LatencySummary } from '../stats'

export interface SaleCommitResult {
  sales: number
  raw: LatencySummary
  store: LatencySummary
  service: LatencySummary
  /** commitSale of the same sale with 2 modifiers per line and split card/cash payments. */
  storeModifiers: LatencySummary
  /** The sale service pricing 2 modifiers per line (variant-free coffees) paid card + cash. */
  serviceModifiers: LatencySummary
  /** store p99 / raw p99: the target is at most 2. */
  storeToRawP99: number
  serviceToRawP99: number
  serviceModifiersToRawP99: number
}

/**
 * One sale = 1 order + 5 items + 1 payment + 1 outbox row, committed with synchronous=FULL.
 * The ways of writing it are interleaved sale by sale so they share the same disk weather. The
 * "modifiers" cases store 5 lines with 2 modifiers each and 2 payments (card + cash).
 */
export function benchSaleCommit(
  sales = Number(process.env.BENCH_SALES ?? 2000),
  warmup = 200,
): SaleCommitResult {
  const dir = mkdtempSync(join(tmpdir(), 'auraflow-bench-'))
  try {
    const core = openRegisterCore({
      dataDir: join(dir, 'store'),
      host: 'web',
      appVersion: 'bench',
      registerCode: 'B1',
    })
    const db = core.database.db
    const sellable = listProducts(db)
    // Plain products (no required choice, not weighed), and coffees with a milk and an extras group.
    const products = sellable
      .filter((product) => product.modifierGroups.length === 0 && product.pricingUnit === 'each')
      .slice(0, 5)
    const coffees = sellable.filter((product) => product.modifierGroups.length === 2)
    if (products.length < 5 || coffees.length === 0) throw new Error('Demo catalog changed.')
    const now = () => new Date().toISOString()
    // A signed-in cashier at an open shift, as at a real till.
    core.authority.signIn('1111')
    const openedAt = now()
    db.insert(shifts)
      .values({
        id: uuidv7(),
        deviceId: core.device.deviceId,
        updatedAt: openedAt,
        registerCode: core.device.registerCode,
        openedBy: core.authority.current()!.employeeId,
        openedAt,
        openingCashCents: 10_000,
        status: 'OPEN',
      })
      .run()
    const saleOptions = { authority: core.authority, storeOptions: getStoreOptions(db) }

    // The same migrated schema, indexes and pragmas as the store, written with hand-prepared SQL.
    const rawDatabase = openRegisterDatabase(join(dir, 'raw.db'))
    const raw = rawDatabase.sqlite
    const insertOrder = raw.prepare(
      `insert into orders (id, device_id, sync_version, sync_status, updated_at, order_number, client_request_id, status, currency,
        item_count, subtotal_cents, discount_cents, tax_cents, total_cents, cash_rounding_cents, created_at)
       values (?, ?, 1, 'PENDING', ?, ?, ?, 'COMPLETED', 'USD', 5, 2300, 0, 200, 2500, 0, ?)`,
    )
    const insertItem = raw.prepare(
      `insert into order_items (id, device_id, sync_version, sync_status, updated_at, order_id, line_number, product_id, sku, name,
        unit_price_cents, quantity, tax_rate_basis_points, discount_cents, net_cents, tax_cents, total_cents)
       values (?, ?, 1, 'PENDING', ?, ?, ?, ?, ?, ?, ?, 1, ?, 0, ?, 40, ?)`,
    )
    const insertPayment = raw.prepare(
      `insert into payments (id, device_id, sync_version, sync_status, updated_at, order_id, method, amount_cents, tendered_cents,
        change_cents, reference_number, status, created_at)
       values (?, ?, 1, 'PENDING', ?, ?, 'cash', 2500, 2500, 0, null, 'COMPLETED', ?)`,
    )
    const insertOutbox = raw.prepare(
      `insert into outbox (mutation_id, entity, entity_id, operation, state, created_at, updated_at) values (?, 'order', ?, 'upsert', 'pending', ?, ?)`,
    )
    const deviceId = core.device.deviceId
    let rawSeq = 0
    const rawSale = raw.transaction(() => {
      const orderId = uuidv7()
      const at = now()
      insertOrder.run(orderId, deviceId, at, `RAW-${++rawSeq}`, uuidv4(), at)
      products.forEach((product, index) =>
        insertItem.run(
          uuidv7(),
          deviceId,
          at,
          orderId,
          index + 1,
          product.id,
          product.sku,
          product.name,
          product.priceCents,
          product.taxRateBasisPoints,
          product.priceCents,
          product.priceCents + 40,
        ),
      )
      insertPayment.run(uuidv7(), deviceId, at, orderId, at)
      insertOutbox.run(uuidv7(), orderId, at, at)
    })

    const draft = () => ({
      clientRequestId: uuidv4(),
      lines: products.map((product) => ({
        productId: product.id,
        quantity: 1,
        modifierOptionIds: [],
      })),
      payments: [{ method: 'cash' as const, amountCents: 100_00 }],
    })
    const withModifiers = () => ({
      clientRequestId: uuidv4(),
      lines: Array.from({ length: 5 }, (_, index) => {
        const coffee = coffees[index % coffees.length]!
        const [milk, extras] = coffee.modifierGroups
        return {
          productId: coffee.id,
          quantity: 1,
          modifierOptionIds: [milk!.options.at(-1)!.id, extras!.options[0]!.id],
        }
      }),
      payments: [
        { method: 'card' as const, amountCents: 10_00, referenceNumber: 'AUTH-000000' },
        { method: 'cash' as const, amountCents: 100_00 },
      ],
    })

    const samples = {
      raw: [] as number[],
      store: [] as number[],
      service: [] as number[],
      storeModifiers: [] as number[],
      serviceModifiers: [] as number[],
    }
    for (let index = 0; index < warmup + sales; index++) {
      const isMeasured = index >= warmup
      let start = process.hrtime.bigint()
      rawSale()
      if (isMeasured) samples.raw.push(elapsedMs(start))
      const sale = pricedSale(core.device, products)
      start = process.hrtime.bigint()
      commitSale(db, sale)
      if (isMeasured) samples.store.push(elapsedMs(start))
      const request = draft()
      start = process.hrtime.bigint()
      completeSale(core.store, core.device, request, now(), saleOptions)
      if (isMeasured) samples.service.push(elapsedMs(start))
      const richSale = pricedSaleWithModifiers(core.device, products)
      start = process.hrtime.bigint()
      commitSale(db, richSale)
      if (isMeasured) samples.storeModifiers.push(elapsedMs(start))
      const richRequest = withModifiers()
      start = process.hrtime.bigint()
      completeSale(core.store, core.device, richRequest, now(), saleOptions)
      if (isMeasured) samples.serviceModifiers.push(elapsedMs(start))
    }
    rawDatabase.close()
    core.close()
    const result = {
      raw: summarize(samples.raw),
      store: summarize(samples.store),
      service: summarize(samples.service),
      storeModifiers: summarize(samples.storeModifiers),
      serviceModifiers: summarize(samples.serviceModifiers),
    }
    return {
      sales,
      ...result,
      storeToRawP99: Math.round((result.store.p99Ms / result.raw.p99Ms) * 100) / 100,
      serviceToRawP99: Math.round((result.service.p99Ms / result.raw.p99Ms) * 100) / 100,
      serviceModifiersToRawP99:
        Math.round((result.serviceModifiers.p99Ms / result.raw.p99Ms) * 100) / 100,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
