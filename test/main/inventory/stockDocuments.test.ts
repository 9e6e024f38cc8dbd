import { v4 as uuidv4 } from 'uuid'
import { describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { applyPulledPage } from '../../../src/main/store/pullApplier'
import type { EntityName, PulledChange } from '../../../src/shared/sync'
import { call, callError, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { catalogBySku, rows, sell } from '../services/salesSupport'

/**
 * The Stock screen's documents on one register (a real SQLite file): receiving a pulled purchase
 * order (progress derived from RECEIPT movements, off-order lines refused), count sessions saved
 * and applied, a product's history, and transfers sent and received between two stores.
 */

const tempDir = useTempDirs('auraflow-stock-documents-')
const now = '2026-12-02T10:00:00.000Z'
const cash = [{ method: 'cash' as const, amountCents: 1_000_000 }]
const storeA = '0d7e8f10-0000-4000-8000-00000000000a'
const storeB = '0d7e8f10-0000-4000-8000-00000000000b'

async function openCore(
  storeId: string | null = storeA,
  signIn: 'manager' | 'cashier' = 'manager',
) {
  const core = openTestCore(tempDir(), { signIn })
  const plain = [...(await catalogBySku(core)).values()].filter(
    (p) => p.isActive && p.variants.length === 0 && p.modifierGroups.length === 0,
  )
  const [first, second, third] = plain as [(typeof plain)[0], (typeof plain)[0], (typeof plain)[0]]
  for (const product of [first, second])
    core.database.sqlite.prepare('UPDATE products SET track_stock = 1 WHERE id = ?').run(product.id)
  if (storeId) {
    core.database.sqlite
      .prepare('INSERT INTO sync_state (id, store_id, updated_at) VALUES (1, ?, ?)')
      .run(storeId, now)
    core.database.sqlite
      .prepare('INSERT INTO local_values (key, value, updated_at) VALUES (?, ?, ?)')
      .run(
        'transferDestinations',
        JSON.stringify({
          stores: [{ storeId: storeId === storeA ? storeB : storeA, name: 'Other store' }],
          fetchedAt: now,
        }),
        now,
      )
  }
  return { core, first, second, third }
}

let seq = 0
function pull(
  core: RegisterCore,
  entity: EntityName,
  data: { id: string; [key: string]: unknown },
) {
  seq++
  const change: PulledChange = {
    entity,
    id: data.id,
    op: 'upsert',
    version: 1,
    seq,
    hash: `hash-${seq}`,
    deviceId: 'back-office',
    updatedAt: now,
    data,
  }
  applyPulledPage(
    core.database.db,
    { changes: [change], nextSyncToken: `token-${seq}` },
    { localDeviceId: core.device.deviceId, currency: 'USD', now },
  )
}

const level = async (core: RegisterCore, productId: string) =>
  (await call(core, 'stock:levels', { productIds: [productId] }))[0]?.onHand ?? 0

describe('stock documents on the register', () => {
  it('receives a purchase order partially, then over, with progress from the receipts', async () => {
    const { core, first, second, third } = await openCore()
    const supplierId = uuidv4()
    const orderId = uuidv4()
    pull(core, 'supplier', { id: supplierId, name: 'Bean Co' })
    pull(core, 'purchaseOrder', {
      id: orderId,
      supplierId,
      status: 'ORDERED',
      reference: 'PO-7',
      createdAt: now,
      lines: [
        { productId: first.id, variantId: null, quantity: 10, unitCostCents: 250 },
        { productId: second.id, variantId: null, quantity: 4, unitCostCents: 90 },
      ],
    })
    pull(core, 'purchaseOrder', {
      id: uuidv4(),
      supplierId,
      status: 'DRAFT',
      createdAt: now,
      lines: [{ productId: first.id, quantity: 1 }],
    })
    const [order] = await call(core, 'stock:purchaseOrders', {})
    expect(order).toMatchObject({
      id: orderId,
      reference: 'PO-7',
      supplierName: 'Bean Co',
      status: 'ORDERED',
      progress: 'ORDERED',
    })
    expect(order!.lines[0]).toMatchObject({ name: first.name, sku: first.sku, ordered: 10 })
    expect(await call(core, 'stock:purchaseOrders', {})).toHaveLength(1)

    const movementId = uuidv4()
    const receipt = {
      movementId,
      purchaseOrderId: orderId,
      lines: [{ productId: first.id, variantId: null, quantity: 6 }],
    }
    const partial = await call(core, 'stock:receive', receipt)
    expect(partial).toMatchObject({ isNew: true, progress: 'PARTIALLY_RECEIVED' })
    expect(partial.lines[0]).toMatchObject({ quantity: 6, onHand: 6 })
    // The same submit again moves nothing.
    expect(await call(core, 'stock:receive', receipt)).toMatchObject({
      isNew: false,
      progress: 'PARTIALLY_RECEIVED',
    })
    expect(await level(core, first.id)).toBe(6)
    const stored = rows<{ kind: string; ref_id: string; lines: string }>(
      core,
      "select kind, ref_id, lines from stock_movements where kind = 'RECEIPT'",
    )
    expect(stored).toHaveLength(1)
    expect(stored[0]!.ref_id).toBe(orderId)
    expect(JSON.parse(stored[0]!.lines)).toEqual([
      { productId: first.id, variantId: null, quantity: 6, unitCostCents: 250 },
    ])
    // A product not on the order is refused, naming its line; nothing is written.
    expect(
      await callError(core, 'stock:receive', {
        movementId: uuidv4(),
        purchaseOrderId: orderId,
        lines: [
          { productId: second.id, variantId: null, quantity: 1 },
          { productId: third.id, variantId: null, quantity: 1 },
        ],
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', path: 'lines.1.productId' })
    expect(await level(core, second.id)).toBe(0)

    const rest = await call(core, 'stock:receive', {
      movementId: uuidv4(),
      purchaseOrderId: orderId,
      lines: [
        { productId: first.id, variantId: null, quantity: 5 },
        { productId: second.id, variantId: null, quantity: 4 },
      ],
      note: 'one extra bag',
    })
    expect(rest.progress).toBe('RECEIVED')
    expect(await call(core, 'stock:purchaseOrders', {})).toEqual([])
    const [received] = await call(core, 'stock:purchaseOrders', { includeReceived: true })
    expect(received!.lines.map((line) => [line.ordered, line.received])).toEqual([
      [10, 11],
      [4, 4],
    ])
    // The order record itself is never written by the register.
    expect(rows(core, "select 1 from outbox where entity = 'purchaseOrder'")).toHaveLength(0)
    core.close()
  })

  it('refuses receiving against a draft, an unknown order, or while signed out', async () => {
    const { core, first } = await openCore()
    const draftId = uuidv4()
    pull(core, 'purchaseOrder', {
      id: draftId,
      supplierId: uuidv4(),
      status: 'CANCELLED',
      createdAt: now,
      lines: [{ productId: first.id, quantity: 1 }],
    })
    const line = [{ productId: first.id, variantId: null, quantity: 1 }]
    expect(
      await callError(core, 'stock:receive', {
        movementId: uuidv4(),
        purchaseOrderId: draftId,
        lines: line,
      }),
    ).toMatchObject({ code: 'CONFLICT' })
    expect(
      await callError(core, 'stock:receive', {
        movementId: uuidv4(),
        purchaseOrderId: uuidv4(),
        lines: line,
      }),
    ).toMatchObject({ code: 'NOT_FOUND' })
    await call(core, 'session:signOut', undefined)
    expect(
      await callError(core, 'stock:receive', {
        movementId: uuidv4(),
        purchaseOrderId: draftId,
        lines: line,
      }),
    ).toMatchObject({ code: 'SIGN_IN_REQUIRED' })
    expect(rows(core, 'select 1 from stock_movements')).toHaveLength(0)
    core.close()
  })

  it('saves a count session, lists it against on hand now, and applying closes it', async () => {
    const { core, first, second } = await openCore()
    const countId = uuidv4()
    await call(core, 'stock:adjust', {
      movementId: uuidv4(),
      reason: 'CORRECTION',
      lines: [{ productId: first.id, variantId: null, quantity: 8 }],
    })
    expect(
      await call(core, 'stock:countSave', {
        countId,
        lines: [{ productId: first.id, variantId: null, counted: 5 }],
        note: 'aisle 2',
      }),
    ).toEqual({ countId, status: 'OPEN' })
    await call(core, 'stock:countSave', {
      countId,
      lines: [
        { productId: first.id, variantId: null, counted: 6 },
        { productId: second.id, variantId: null, counted: 2 },
      ],
    })
    await sell(core, [{ productId: first.id, quantity: 1 }], cash)
    const [open] = await call(core, 'stock:counts', {})
    expect(open).toMatchObject({ id: countId, note: 'aisle 2' })
    expect(open!.lines.map((line) => [line.name, line.counted, line.expected])).toEqual([
      [first.name, 6, 7],
      [second.name, 2, 0],
    ])
    const saved = rows<{ data: string; sync_status: string }>(
      core,
      'select data, sync_status from stock_counts',
    )
    expect(JSON.parse(saved[0]!.data)).toMatchObject({ status: 'OPEN' })
    expect(rows(core, "select 1 from outbox where entity = 'stockCount'")).toHaveLength(2)

    const applied = await call(core, 'stock:countApply', {
      movementId: uuidv4(),
      countId,
      lines: open!.lines.map((line) => ({
        productId: line.productId,
        variantId: line.variantId,
        counted: line.counted,
      })),
    })
    expect(applied.lines.map((line) => line.onHand)).toEqual([6, 2])
    expect(await call(core, 'stock:counts', {})).toEqual([])
    const closed = JSON.parse(
      rows<{ data: string }>(core, 'select data from stock_counts')[0]!.data,
    )
    expect(closed).toMatchObject({ status: 'APPLIED', appliedAt: expect.any(String) })
    expect(closed.lines[0]).toMatchObject({ counted: 6, expected: 7 })
    // An applied count cannot be saved or applied again under a new movement.
    expect(await callError(core, 'stock:countSave', { countId, lines: [] })).toMatchObject({
      code: 'CONFLICT',
    })
    expect(
      await callError(core, 'stock:countApply', {
        movementId: uuidv4(),
        countId,
        lines: [{ productId: first.id, variantId: null, counted: 1 }],
      }),
    ).toMatchObject({ code: 'CONFLICT' })
    expect(await level(core, first.id)).toBe(6)
    core.close()
  })

  it('lists a product’s movements newest first with who made them, and on hand now', async () => {
    const { core, first, second } = await openCore()
    await call(core, 'stock:adjust', {
      movementId: uuidv4(),
      reason: 'DAMAGE',
      lines: [
        { productId: first.id, variantId: null, quantity: -2 },
        { productId: second.id, variantId: null, quantity: 3 },
      ],
    })
    const sale = await sell(core, [{ productId: first.id, quantity: 1 }], cash)
    const history = await call(core, 'stock:history', { productId: first.id })
    expect(history.onHand).toBe(-3)
    expect(history.movements.map((entry) => [entry.kind, entry.quantity])).toEqual([
      ['SALE', -1],
      ['ADJUSTMENT', -2],
    ])
    expect(history.movements[0]).toMatchObject({
      refId: sale.order.id,
      employeeName: 'Maya (manager)',
    })
    expect(history.movements[1]).toMatchObject({ reason: 'DAMAGE' })
    expect(
      (await call(core, 'stock:history', { productId: first.id, limit: 1 })).movements,
    ).toHaveLength(1)
    expect((await call(core, 'stock:history', { productId: second.id })).movements).toHaveLength(1)
    core.close()
  })

  it('sends a transfer as a record and a TRANSFER_OUT movement; the other store receives it in parts', async () => {
    const a = await openCore(storeA)
    const transferId = uuidv4()
    const send = {
      transferId,
      movementId: uuidv4(),
      toStoreId: storeB,
      lines: [{ productId: a.first.id, variantId: null, quantity: 5 }],
      note: 'weekend',
    }
    const sent = await call(a.core, 'stock:transferSend', send)
    expect(sent.lines[0]).toMatchObject({ quantity: -5, onHand: -5 })
    expect(await call(a.core, 'stock:transferSend', send)).toMatchObject({ isNew: false })
    expect(await level(a.core, a.first.id)).toBe(-5)
    const record = JSON.parse(
      rows<{ data: string }>(a.core, 'select data from stock_transfers')[0]!.data,
    )
    expect(record).toMatchObject({ fromStoreId: storeA, toStoreId: storeB, status: 'SENT' })
    expect(
      rows<{ entity: string }>(a.core, 'select entity from outbox order by id').map(
        (r) => r.entity,
      ),
    ).toEqual(['stockTransfer', 'stockMovement'])
    const { outgoing } = await call(a.core, 'stock:transfers', {})
    expect(outgoing[0]).toMatchObject({ id: transferId, toStoreName: 'Other store' })
    // Not one of the tenant's stores, or its own store: refused, nothing written.
    for (const toStoreId of [uuidv4(), storeA])
      expect(
        await callError(a.core, 'stock:transferSend', {
          ...send,
          transferId: uuidv4(),
          movementId: uuidv4(),
          toStoreId,
        }),
      ).toMatchObject({ code: 'VALIDATION_FAILED', path: 'toStoreId' })
    // Nothing of a refused send was written: still one transfer, one movement, two outbox rows.
    expect(rows(a.core, 'select 1 from stock_transfers')).toHaveLength(1)
    expect(rows(a.core, 'select 1 from stock_movements')).toHaveLength(1)
    expect(rows(a.core, 'select 1 from outbox')).toHaveLength(2)
    // A's register cannot receive its own outgoing transfer.
    expect(
      await callError(a.core, 'stock:transferReceive', {
        transferId,
        movementId: uuidv4(),
        lines: [{ productId: a.first.id, variantId: null, quantity: 1 }],
      }),
    ).toMatchObject({ code: 'FORBIDDEN' })
    a.core.close()

    // Store B's register pulls the relayed record and receives it in two parts.
    const b = await openCore(storeB)
    pull(b.core, 'stockTransfer', record)
    const { incoming } = await call(b.core, 'stock:transfers', {})
    expect(incoming[0]).toMatchObject({ id: transferId, fromStoreName: 'Other store' })
    expect(incoming[0]!.lines[0]).toMatchObject({ sent: 5, received: 0 })
    const receive = (quantity: number, productId = a.first.id) =>
      call(b.core, 'stock:transferReceive', {
        transferId,
        movementId: uuidv4(),
        lines: [{ productId, variantId: null, quantity }],
      })
    expect((await receive(2)).lines[0]!.onHand).toBe(2)
    expect(
      await callError(b.core, 'stock:transferReceive', {
        transferId,
        movementId: uuidv4(),
        lines: [{ productId: a.second.id, variantId: null, quantity: 1 }],
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', path: 'lines.0.productId' })
    await receive(3)
    const after = (await call(b.core, 'stock:transfers', {})).incoming[0]!
    expect(after).toMatchObject({ isFullyReceived: true })
    expect(after.lines[0]).toMatchObject({ sent: 5, received: 5 })
    expect(await level(b.core, a.first.id)).toBe(5)
    b.core.close()
  })

  it('sends nothing while the register has no store or does not know the other stores', async () => {
    const { core, first } = await openCore(null)
    const send = {
      transferId: uuidv4(),
      movementId: uuidv4(),
      toStoreId: storeB,
      lines: [{ productId: first.id, variantId: null, quantity: 1 }],
    }
    expect(await callError(core, 'stock:transferSend', send)).toMatchObject({
      code: 'NOT_SUPPORTED',
    })
    expect(await call(core, 'stock:transfers', {})).toEqual({ incoming: [], outgoing: [] })
    // Offline and never told the stores: an empty list, said so.
    expect(await call(core, 'stock:transferDestinations', {})).toEqual({
      stores: [],
      isCached: false,
      fetchedAt: null,
    })
    core.close()
  })
})
