import { and, eq } from 'drizzle-orm'
import { v4 as uuidv4 } from 'uuid'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { hashPassword } from '../../../src/server/auth/passwords'
import { adminUsers, stores, syncRecords } from '../../../src/server/db/schema'
import type { RunningServer } from '../../../src/server/main'
import { call, openTestCore, type TestCoreOptions } from '../../support/registerCore'
import { createTestStore, startTestSyncServer } from '../../support/syncServer'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('auraflow-day-')
let server: RunningServer
const open: RegisterCore[] = []

beforeAll(async () => {
  server = await startTestSyncServer()
})
afterAll(async () => {
  await server?.stop()
})
afterEach(() => {
  for (const core of open.splice(0)) core.close()
})

const quiet = {
  isRealtimeEnabled: false,
  intervalMs: 3_600_000,
  backoff: { baseMs: 10, capMs: 50 },
}

async function enrolled(code: string, registerCode: string, options: TestCoreOptions = {}) {
  const core = openTestCore(tempDir(), {
    registerCode,
    fingerprint: `machine-${registerCode}`,
    ...options,
    sync: { ...quiet, ...options.sync },
  })
  open.push(core)
  const status = await call(core, 'sync:enroll', { serverUrl: server.url, enrollmentCode: code })
  expect(status.enrollment).toBe('enrolled')
  return core
}

async function syncClean(core: RegisterCore) {
  const status = await call(core, 'sync:runNow')
  expect(status, JSON.stringify(status)).toMatchObject({
    state: 'idle',
    counts: { pending: 0, inFlight: 0, failed: 0, dead: 0 },
    lastError: null,
  })
}

const rows = (core: RegisterCore, query: string, ...params: unknown[]) =>
  core.database.sqlite.prepare(query).all(...params) as Record<string, unknown>[]

async function serverRecords(storeId: string, entity: string) {
  return server.database.db
    .select()
    .from(syncRecords)
    .where(and(eq(syncRecords.storeId, storeId), eq(syncRecords.entity, entity)))
}

/** A day on register A through its own channels: customer, shift, cash out, sale, refund, drawer. */
async function sellingDay(a: RegisterCore) {
  const customer = await call(a, 'customer:create', {
    name: 'Ada Lovelace',
    phone: '+44 20 7946 0000',
  })
  const shift = await call(a, 'shift:open', { openingCashCents: 100_00 })
  const movement = await call(a, 'shift:recordCashMovement', {
    kind: 'OUT',
    amountCents: 5_00,
    reason: 'Milk from the corner shop',
  })
  const catalog = await call(a, 'catalog:list')
  const withChoices = catalog.products.find(
    (product) => product.variants.length > 0 && product.modifierGroups.length > 0,
  )!
  const plain = catalog.products.find(
    (product) => product.variants.length === 0 && product.modifierGroups.length === 0,
  )!
  const group = withChoices.modifierGroups[0]!
  const sale = (
    await call(a, 'sale:complete', {
      clientRequestId: uuidv4(),
      customerId: customer.id,
      lines: [
        {
          productId: withChoices.id,
          quantity: 2,
          variantId: withChoices.variants[0]!.id,
          modifierOptionIds: group.options.slice(0, Math.max(1, group.minSelect)).map((o) => o.id),
          note: 'extra hot',
        },
        { productId: plain.id, quantity: 1, modifierOptionIds: [] },
      ],
      payments: [
        { method: 'card', amountCents: 5_00, referenceNumber: 'AUTH-77' },
        { method: 'cash', amountCents: 100_00 },
      ],
    })
  ).order
  const refund = await call(a, 'refund:create', {
    clientRequestId: uuidv4(),
    orderId: sale.id,
    lines: [{ orderItemId: sale.items[0]!.id, quantity: 1 }],
    refundTo: 'cash',
    reason: 'spilled',
  })
  const drawer = await call(a, 'drawer:open', { reason: 'change for the float' })
  return { customer, shift, movement, sale, refund, drawer }
}

describe('a selling day synced between two registers and the server', () => {
  it('brings the sale, its refund, the customer, the shift, cash and audit to B and the server', async () => {
    const { storeId, code } = await createTestStore(server)
    const a = await enrolled(code, 'A')
    const b = await enrolled(code, 'B')
    const day = await sellingDay(a)
    await syncClean(a)
    await syncClean(b)

    const saleOnB = await call(b, 'order:get', { id: day.sale.id })
    expect(saleOnB).toMatchObject({
      kind: 'SALE',
      customerId: day.customer.id,
      shiftId: day.shift.id,
      totalCents: day.sale.totalCents,
      lateForShift: false,
    })
    expect(saleOnB.items[0]).toMatchObject({
      variantName: day.sale.items[0]!.variantName,
      modifiers: day.sale.items[0]!.modifiers,
      note: 'extra hot',
    })
    expect(saleOnB.payments.map((payment) => [payment.method, payment.label])).toEqual(
      day.sale.payments.map((payment) => [payment.method, payment.label]),
    )
    const refundOnB = await call(b, 'order:get', { id: day.refund.id })
    expect(refundOnB).toMatchObject({
      kind: 'REFUND',
      refundOfOrderId: day.sale.id,
      refundReason: 'spilled',
      totalCents: day.refund.totalCents,
    })
    expect(refundOnB.items.map((item) => item.refundOfItemId)).toEqual([day.sale.items[0]!.id])
    expect(rows(b, 'select name, phone from customers where id = ?', day.customer.id)).toEqual([
      { name: 'Ada Lovelace', phone: '+44 20 7946 0000' },
    ])
    expect(
      rows(b, 'select status, opening_cash_cents as cents from shifts where id = ?', day.shift.id),
    ).toEqual([{ status: 'OPEN', cents: 100_00 }])
    expect(
      rows(
        b,
        'select kind, amount_cents as cents, reason from cash_movements where shift_id = ?',
        day.shift.id,
      ),
    ).toEqual([{ kind: 'OUT', cents: 5_00, reason: 'Milk from the corner shop' }])
    const auditOnA = rows(a, 'select id, action from audit_events order by id')
    expect(auditOnA.map((event) => event.id)).toContain(day.drawer.auditEventId)
    expect(rows(b, 'select id, action from audit_events order by id')).toEqual(auditOnA)

    // The server holds the same records, the refund linked to its sale.
    const orders = await serverRecords(storeId, 'order')
    expect(orders.map((record) => record.id).sort()).toEqual([day.sale.id, day.refund.id].sort())
    expect(orders.find((record) => record.id === day.refund.id)?.data).toMatchObject({
      order: { kind: 'REFUND', refundOfOrderId: day.sale.id },
      items: [{ refundOfItemId: day.sale.items[0]!.id }],
    })
    expect((await serverRecords(storeId, 'customer')).map((record) => record.id)).toEqual([
      day.customer.id,
    ])
    expect((await serverRecords(storeId, 'cashMovement')).map((record) => record.id)).toEqual([
      day.movement.id,
    ])
    expect((await serverRecords(storeId, 'auditEvent')).map((record) => record.id).sort()).toEqual(
      auditOnA.map((event) => event.id),
    )

    // Closing the shift is an edit of a record the server already has: it applies, and B sees it.
    await call(a, 'shift:close', { counts: [{ denominationCents: 100_00, count: 1 }] })
    await syncClean(a)
    await syncClean(b)
    const [shiftOnServer] = await serverRecords(storeId, 'shift')
    expect(shiftOnServer).toMatchObject({ version: 2, data: { status: 'CLOSED' } })
    expect(
      rows(
        b,
        'select status, z_report is not null as hasReport from shifts where id = ?',
        day.shift.id,
      ),
    ).toEqual([{ status: 'CLOSED', hasReport: 1 }])
  })

  it('puts an order that arrives after its shift was closed here in the late bucket', async () => {
    const { code } = await createTestStore(server)
    const a = await enrolled(code, 'A')
    const b = await enrolled(code, 'B')
    const shift = await call(a, 'shift:open', { openingCashCents: 50_00 })
    const sell = async () => {
      const product = (await call(a, 'catalog:list')).products.find(
        (candidate) => candidate.variants.length === 0 && candidate.modifierGroups.length === 0,
      )!
      return (
        await call(a, 'sale:complete', {
          clientRequestId: uuidv4(),
          lines: [{ productId: product.id, quantity: 1, modifierOptionIds: [] }],
          payments: [{ method: 'cash', amountCents: 50_00 }],
        })
      ).order
    }
    const onTime = await sell()
    await syncClean(a)
    await syncClean(b)
    // B's copy of the shift is closed (as when the close reached B first); A's next sale for it
    // arrives afterwards.
    b.database.sqlite.prepare("update shifts set status = 'CLOSED' where id = ?").run(shift.id)
    const late = await sell()
    await syncClean(a)
    await syncClean(b)
    expect(
      rows(
        b,
        'select id, late_for_shift as late from orders where shift_id = ? order by order_number',
        shift.id,
      ),
    ).toEqual([
      { id: onTime.id, late: 0 },
      { id: late.id, late: 1 },
    ])
    expect((await call(b, 'order:get', { id: late.id })).lateForShift).toBe(true)
    // A never flags its own sales.
    expect((await call(a, 'order:get', { id: late.id })).lateForShift).toBe(false)
  })

  it('brings a product edited in the back office to a register', async () => {
    const { storeId, code } = await createTestStore(server)
    const b = await enrolled(code, 'B')
    const [store] = await server.database.db.select().from(stores).where(eq(stores.id, storeId))
    const email = `manager-${uuidv4()}@example.test`
    await server.database.db.insert(adminUsers).values({
      email,
      passwordHash: await hashPassword('correct horse battery'),
      role: 'store_manager',
      tenantId: store!.tenantId,
      storeId,
    })
    const login = await fetch(`${server.url}/api/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery' }),
    })
    const { accessToken } = (await login.json()) as { accessToken: string }
    const before = (await call(b, 'catalog:list')).products.find(
      (product) => product.variants.length === 0,
    )!
    const saved = await fetch(`${server.url}/api/admin/products/${before.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        sku: before.sku,
        name: 'Back-office special',
        priceCents: before.priceCents + 1_00,
        categoryId: before.categoryId,
        taxRateId: before.taxRateId,
        barcodes: ['9780201379624'],
      }),
    })
    expect(saved.status, await saved.clone().text()).toBe(200)
    await syncClean(b)
    const after = (await call(b, 'catalog:list')).products.find(
      (product) => product.id === before.id,
    )
    expect(after).toMatchObject({
      name: 'Back-office special',
      priceCents: before.priceCents + 1_00,
    })
    expect(
      rows(b, 'select product_id from product_barcodes where barcode = ?', '9780201379624'),
    ).toEqual([{ product_id: before.id }])
  })
})
