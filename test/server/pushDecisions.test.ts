import fc from 'fast-check'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { rowsOf } from '../../src/server/db/connection'
import { planRecord } from '../../src/server/sync/plan'
import type { PushContext, PushItem } from '../../src/server/sync/push'
import { pushRecords } from '../../src/server/sync/push'
import type { RecordRow } from '../../src/server/sync/records'
import { entityRegistry } from '../../src/server/sync/registry'
import type { ChangeResult, ConflictPolicy, EntityName } from '../../src/shared/sync'
import { mutationId, orderEnvelope, product } from './support/harness'
import { snapshot, targets, usePushTarget } from './support/pushTargets'

/*
 * The push function decides in SQL what the JS planner (plan.ts, registry.ts) decides for a change
 * made on the server: both must agree on every record, on both databases.
 */

/**
 * The reference: the JS planner (plan.ts, which server-side edits still use) applied item by item
 * to an in-memory store, the way the push worked before it moved into the database.
 */
class ReferenceStore {
  records = new Map<string, RecordRow>()
  ledger = new Map<string, ChangeResult>()
  headSeq = 0

  push(context: PushContext, items: PushItem[]): ChangeResult[] {
    return items.map((item) => {
      const stored = this.ledger.get(item.mutationId)
      if (stored) return stored
      const key = `${item.entity}/${item.id}`
      const plan = planRecord(context, item, this.records.get(key) ?? null, this.headSeq + 1)
      if (plan.after) {
        this.records.set(key, plan.after)
        this.headSeq = plan.after.seq
      }
      this.ledger.set(item.mutationId, plan.result)
      return plan.result
    })
  }
}

/** A result without what is random or a clock reading (the conflict id, the row's updatedAt). */
function comparable(result: ChangeResult): unknown {
  const { conflictId, serverRecord, ...rest } = result
  return {
    ...rest,
    ...(conflictId ? { conflictId: 'stored' } : {}),
    ...(serverRecord ? { serverRecord: { ...serverRecord, updatedAt: 'at' } } : {}),
  }
}

const orderData = fc
  .record({
    status: fc.constantFrom(
      'OPEN',
      'COMPLETED',
      'paid',
      'PARTIALLY_REFUNDED',
      'REFUNDED',
      'VOIDED',
    ),
    isRefund: fc.boolean(),
    unitPriceCents: fc.constantFrom(250, 1),
  })
  .map(({ status, isRefund, unitPriceCents }) => {
    const base = orderEnvelope('o')
    return {
      ...base,
      order: { ...base.order, status, ...(isRefund ? { kind: 'REFUND' } : {}) },
      items: base.items.map((line) => ({ ...line, unitPriceCents })),
    }
  })
const dataOf: Record<string, (id: string) => fc.Arbitrary<unknown>> = {
  order: () => orderData,
  product: (id) =>
    fc.record({ id: fc.constantFrom(id, id, id, 'other'), name: fc.constantFrom('Tea', 'Coffee') }),
  shift: (id) =>
    fc.record({
      id: fc.constant(id),
      status: fc.constantFrom('OPEN', 'CLOSED'),
      openingCashCents: fc.constantFrom(0, 5),
    }),
  cashMovement: (id) => fc.record({ id: fc.constant(id), amountCents: fc.constantFrom(1, 2) }),
  customer: (id) => fc.record({ id: fc.constant(id), name: fc.constantFrom('Ann', 'Bo') }),
}
const pushItem = fc
  .record({
    entity: fc.constantFrom<EntityName>('order', 'product', 'shift', 'cashMovement', 'customer'),
    id: fc.constantFrom('a', 'b'),
    isDeleted: fc.integer({ min: 0, max: 5 }).map((roll) => roll === 0),
    baseVersion: fc.integer({ min: 0, max: 2 }),
    // Mostly a register's push; now and then a seed client's (clientVersion set).
    clientVersion: fc.oneof(
      { arbitrary: fc.constant(null), weight: 3 },
      { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 1 },
    ),
    reuse: fc.oneof(
      { arbitrary: fc.constant(null), weight: 9 },
      { arbitrary: fc.nat(), weight: 1 },
    ),
  })
  .chain((shape) => dataOf[shape.entity]!(shape.id).map((data) => ({ ...shape, data })))
const pushScript = fc.record({
  policies: fc.record({
    product: fc.constantFrom<ConflictPolicy>('manual', 'server-wins', 'client-wins'),
    customer: fc.constantFrom<ConflictPolicy>('last-write-wins', 'manual', 'server-wins'),
  }),
  batches: fc.array(fc.array(pushItem, { minLength: 1, maxLength: 6 }), {
    minLength: 1,
    maxLength: 5,
  }),
})

for (const target of targets) {
  describe.skipIf(!target.isAvailable)(`push decisions on ${target.name}`, () => {
    const { db, setUp } = usePushTarget(target)

    it('decides every record exactly as the JS planner does', async () => {
      await fc.assert(
        fc.asyncProperty(pushScript, async ({ policies, batches }) => {
          const { store, context: base } = await setUp()
          const context = { ...base, policies }
          const reference = new ReferenceStore()
          const mutationIds: string[] = []
          for (const shapes of batches) {
            const items = shapes.map((shape): PushItem => {
              // Now and then a mutation id already sent (a replay), else a fresh one.
              const reused = shape.reuse === null ? undefined : mutationIds[shape.reuse % 8]
              const id = reused ?? mutationId()
              mutationIds.push(id)
              return {
                mutationId: id,
                entity: shape.entity,
                id: shape.id,
                deleted: shape.isDeleted,
                data: shape.isDeleted ? null : shape.data,
                baseVersion: shape.baseVersion,
                clientVersion: shape.clientVersion,
              }
            })
            const outcome = await pushRecords(db(), context, items)
            expect(outcome.results.map(comparable)).toEqual(
              reference.push(context, items).map(comparable),
            )
            expect(outcome.headSeq).toBe(reference.headSeq)
          }
          const stored = await snapshot(db(), store.storeId)
          const project = (row: RecordRow) => ({
            entity: row.entity,
            id: row.id,
            version: row.version,
            seq: row.seq,
            hash: row.hash,
            deleted: row.deleted,
            data: row.data ?? null,
          })
          expect(stored.records.map(project)).toEqual(
            [...reference.records.values()].sort((a, b) => a.seq - b.seq).map(project),
          )
          expect(stored.headSeq).toBe(reference.headSeq)
        }),
        { numRuns: 80 },
      )
    })

    it('applies the entity rules exactly as the registry declares them', async () => {
      const envelope = (overrides: Record<string, unknown>, kind?: string, line = 250) => {
        const base = orderEnvelope('o-1')
        return {
          ...base,
          order: { ...base.order, ...overrides, ...(kind ? { kind } : {}) },
          items: base.items.map((item) => ({ ...item, unitPriceCents: line })),
        }
      }
      const statuses = [
        undefined,
        'COMPLETED',
        'paid',
        'PARTIALLY_REFUNDED',
        'REFUNDED',
        'VOIDED',
        'OPEN',
        'Voided',
      ]
      const orders: unknown[] = []
      for (const status of statuses)
        for (const kind of [undefined, 'REFUND'])
          for (const line of [250, 1])
            orders.push(envelope({ status, updatedAt: `${line}` }, kind, line))
      const shifts = [
        { id: 's', status: 'OPEN' },
        { id: 's', status: 'CLOSED' },
        { id: 's', status: 'CLOSED', countedCents: 5 },
      ]
      const cases: [EntityName, unknown[]][] = [
        ['order', orders],
        ['shift', shifts],
        [
          'cashMovement',
          [
            { id: 'c', amountCents: 1 },
            { id: 'c', amountCents: 2 },
          ],
        ],
        ['auditEvent', [{ id: 'a', action: 'x' }]],
        [
          'stockMovement',
          [
            { id: 'm', kind: 'SALE', lines: [{ productId: 'p', variantId: null, quantity: -1 }] },
            { id: 'm', kind: 'SALE', lines: [{ productId: 'p', variantId: null, quantity: -2 }] },
          ],
        ],
        ['product', [product('p', 'Tea')]],
      ]
      let checked = 0
      for (const [entity, values] of cases) {
        const states = [
          ...values.map((data) => ({ data, deleted: false })),
          { data: null, deleted: true },
        ]
        for (const server of states)
          for (const incoming of states) {
            const expected = entityRegistry[entity].checkTransition?.(server, incoming) ?? null
            const [row] = rowsOf<{ error: unknown }>(
              await db().execute(
                sql`SELECT af_transition_error(${entity}, ${JSON.stringify(server.data)}::jsonb, ${server.deleted}, ${JSON.stringify(incoming.data)}::jsonb, ${incoming.deleted}) AS error`,
              ),
            )
            expect(row!.error, `${entity} ${JSON.stringify([server, incoming])}`).toEqual(expected)
            checked += 1
          }
      }
      expect(checked).toBeGreaterThan(1000)
    })
  })
}
