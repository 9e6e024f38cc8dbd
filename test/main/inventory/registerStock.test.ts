import { v4 as uuidv4 } from 'uuid'
import { describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { applyPulledPage } from '../../../src/main/store/pullApplier'
import type { PulledChange } from '../../../src/shared/sync'
import { call, callError, openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import { catalogBySku, rows, sell } from '../services/salesSupport'

/**
 * Stock on one register (a real SQLite file): a sale of tracked products is one movement and
 * moves on hand in its transaction; pulled movements count once however often they arrive;
 * adjustments and counts need their approval; tiles carry on hand and the low-stock flag.
 */

const tempDir = useTempDirs('auraflow-register-stock-')
const now = '2026-12-02T10:00:00.000Z'
const cash = [{ method: 'cash' as const, amountCents: 1_000_000 }]

async function coreWithTracked(signIn: 'manager' | 'cashier' = 'manager') {
  const core = openTestCore(tempDir(), { signIn })
  const plain = [...(await catalogBySku(core)).values()].filter(
    (p) => p.isActive && p.variants.length === 0 && p.modifierGroups.length === 0,
  )
  const [tracked, other] = plain as [(typeof plain)[0], (typeof plain)[0]]
  core.database.sqlite.prepare('UPDATE products SET track_stock = 1 WHERE id = ?').run(tracked.id)
  return { core, tracked, other }
}

const onHand = async (core: RegisterCore, productId: string) =>
  (await call(core, 'stock:levels', { productIds: [productId] }))[0]

let seq = 0
function movementChange(
  id: string,
  productId: string,
  quantity: number,
  version = 1,
  op: 'upsert' | 'delete' = 'upsert',
): PulledChange {
  seq++
  return {
    entity: 'stockMovement',
    id,
    op,
    version,
    seq,
    hash: `hash-${id}-${version}`,
    deviceId: 'another-register',
    updatedAt: now,
    data:
      op === 'delete'
        ? null
        : {
            id,
            kind: 'SALE',
            refId: 'order-elsewhere',
            createdAt: now,
            lines: [{ productId, variantId: null, quantity }],
          },
  }
}

function pull(core: RegisterCore, changes: PulledChange[]) {
  return applyPulledPage(
    core.database.db,
    { changes, nextSyncToken: `token-${seq}` },
    { localDeviceId: core.device.deviceId, currency: 'USD', now },
  )
}

describe('register stock', () => {
  it('writes one SALE movement per sale for its tracked lines only, and a REFUND movement back', async () => {
    const { core, tracked, other } = await coreWithTracked()
    const receipt = await sell(
      core,
      [
        { productId: tracked.id, quantity: 2 },
        { productId: other.id, quantity: 1 },
        { productId: tracked.id, quantity: 1, note: 'second line' },
      ],
      cash,
    )
    const movements = rows<{ kind: string; ref_id: string; lines: string }>(
      core,
      'select kind, ref_id, lines from stock_movements',
    )
    expect(movements).toHaveLength(1)
    expect(movements[0]).toMatchObject({ kind: 'SALE', ref_id: receipt.order.id })
    expect(JSON.parse(movements[0]!.lines)).toEqual([
      { productId: tracked.id, variantId: null, quantity: -3 },
    ])
    const outbox = rows<{ entity: string }>(core, 'select entity from outbox order by id')
    expect(outbox.map((row) => row.entity)).toEqual(['order', 'stockMovement'])
    expect(await onHand(core, tracked.id)).toMatchObject({ onHand: -3, isNegative: true })
    expect(await call(core, 'stock:levels', { productIds: [other.id] })).toEqual([])

    const line = receipt.order.items.find((item) => item.productId === tracked.id)!
    await call(core, 'refund:create', {
      clientRequestId: uuidv4(),
      orderId: receipt.order.id,
      lines: [{ orderItemId: line.id, quantity: 2 }],
      refundTo: 'cash',
      reason: 'changed mind',
    })
    expect(rows(core, "select 1 from stock_movements where kind = 'REFUND'")).toHaveLength(1)
    expect((await onHand(core, tracked.id))!.onHand).toBe(-1)
    // An untracked sale writes no movement at all.
    await sell(core, [{ productId: other.id, quantity: 4 }], cash)
    expect(rows(core, 'select 1 from stock_movements')).toHaveLength(2)
    core.close()
  })

  it('counts a pulled movement once, whether replayed, re-versioned or deleted twice', async () => {
    const { core, tracked } = await coreWithTracked()
    const id = uuidv4()
    pull(core, [movementChange(id, tracked.id, -1.25)])
    pull(core, [movementChange(id, tracked.id, -1.25)])
    // The same movement at another version (not the one held): still counted once.
    pull(core, [movementChange(id, tracked.id, -1.25, 2)])
    expect((await onHand(core, tracked.id))!.onHand).toBe(-1.25)
    const deleted = movementChange(id, tracked.id, 0, 3, 'delete')
    pull(core, [deleted])
    pull(core, [{ ...deleted, version: 4, hash: 'again' }])
    expect((await onHand(core, tracked.id))!.onHand).toBe(0)
    core.close()
  })

  it('adjusts with a reason and applies a count as counted − expected, once per movement id', async () => {
    const { core, tracked } = await coreWithTracked()
    const movementId = uuidv4()
    const adjust = {
      movementId,
      reason: 'CORRECTION' as const,
      lines: [{ productId: tracked.id, variantId: null, quantity: 10.5 }],
    }
    expect(await call(core, 'stock:adjust', adjust)).toMatchObject({ isNew: true })
    expect(await call(core, 'stock:adjust', adjust)).toMatchObject({ isNew: false })
    expect((await onHand(core, tracked.id))!.onHand).toBe(10.5)
    await sell(core, [{ productId: tracked.id, quantity: 3 }], cash)
    const count = await call(core, 'stock:countApply', {
      movementId: uuidv4(),
      lines: [{ productId: tracked.id, variantId: null, counted: 6 }],
    })
    expect(count.lines[0]).toMatchObject({ expected: 7.5, counted: 6, quantity: -1.5, onHand: 6 })
    const stored = rows<{ kind: string; employee_id: string }>(
      core,
      "select kind, employee_id from stock_movements where kind = 'COUNT'",
    )
    expect(stored[0]!.employee_id).toBeTruthy()
    expect(
      await callError(core, 'stock:adjust', {
        ...adjust,
        movementId: uuidv4(),
        lines: [{ productId: uuidv4(), variantId: null, quantity: 1 }],
      }),
    ).toMatchObject({ code: 'NOT_FOUND' })
    expect(
      await callError(core, 'stock:adjust', {
        ...adjust,
        movementId: uuidv4(),
        lines: [{ productId: tracked.id, variantId: null, quantity: 0.0001 }],
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' })
    core.close()
  })

  it('asks a manager to approve a cashier’s adjustment', async () => {
    const { core, tracked } = await coreWithTracked('cashier')
    const input = {
      movementId: uuidv4(),
      reason: 'THEFT' as const,
      lines: [{ productId: tracked.id, variantId: null, quantity: -1 }],
    }
    expect(await callError(core, 'stock:adjust', input)).toMatchObject({
      code: 'APPROVAL_REQUIRED',
    })
    expect(rows(core, 'select 1 from stock_movements')).toHaveLength(0)
    const approval = await call(core, 'session:approve', { pin: '1234', action: 'stockAdjust' })
    const result = await call(core, 'stock:adjust', { ...input, approvalId: approval.approvalId })
    expect(result.lines[0]!.onHand).toBe(-1)
    expect(
      rows<{ approved_by: string }>(core, 'select approved_by from stock_movements')[0],
    ).toMatchObject({ approved_by: expect.any(String) })
    core.close()
  })

  it('puts on hand and the low-stock flag on the tiles of tracked products', async () => {
    const { core, tracked, other } = await coreWithTracked()
    await call(core, 'stock:adjust', {
      movementId: uuidv4(),
      reason: 'CORRECTION',
      lines: [{ productId: tracked.id, variantId: null, quantity: 4 }],
    })
    pull(core, [
      {
        entity: 'reorderRule',
        id: 'rule-1',
        op: 'upsert',
        version: 1,
        seq: ++seq,
        hash: 'rule',
        deviceId: null,
        updatedAt: now,
        data: { id: 'rule-1', productId: tracked.id, reorderPoint: 5, reorderQuantity: 12 },
      },
    ])
    const tiles = (await call(core, 'catalog:list')).products
    expect(tiles.find((p) => p.id === tracked.id)).toMatchObject({ onHand: 4, isLowStock: true })
    expect(tiles.find((p) => p.id === other.id)).not.toHaveProperty('onHand')
    expect(await onHand(core, tracked.id)).toMatchObject({ reorderPoint: 5, isLowStock: true })
    core.close()
  })
})
