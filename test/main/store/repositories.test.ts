import { v4 as uuidv4 } from 'uuid'
import { describe, expect, it } from 'vitest'
import { completeSale } from '../../../src/main/services/saleService'
import { call, openTestCore, tableCounts } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs()

describe('the repository bundle', () => {
  it('commits a unit of work whole or not at all: a failure after the audit keeps no event', () => {
    const core = openTestCore(tempDir())
    const before = tableCounts(core)
    const actor = core.authority.current()
    expect(() =>
      core.store.transaction((repositories) => {
        core.authority.audit(repositories.audit, { action: 'sale.voided', actor })
        throw new Error('power cut')
      }),
    ).toThrow('power cut')
    expect(tableCounts(core)).toMatchObject({
      audit_events: before.audit_events,
      outbox: before.outbox,
    })

    const id = core.store.transaction((repositories) =>
      core.authority.audit(repositories.audit, { action: 'sale.voided', actor }),
    )
    expect(core.store.audit.listAuditEvents(10).map((event) => event.id)).toContain(id)
    expect(tableCounts(core).outbox).toBe(before.outbox! + 1)
    core.close()
  })

  it("writes a sale's afterCommit audit in the sale's own transaction", async () => {
    const core = openTestCore(tempDir())
    const catalog = await call(core, 'catalog:list')
    const product = catalog.products.find((candidate) => candidate.priceCents > 0)!
    const draft = {
      clientRequestId: uuidv4(),
      lines: [{ productId: product.id, quantity: 1, modifierOptionIds: [] }],
      payments: [{ method: 'cash' as const, amountCents: product.priceCents * 2 }],
    }
    const now = new Date().toISOString()
    const before = tableCounts(core)
    expect(() =>
      completeSale(core.store, core.device, draft, now, {
        afterCommit: (repositories, orderId) => {
          core.authority.audit(repositories.audit, {
            action: 'test.sold',
            actor: null,
            subjectId: orderId,
          })
          throw new Error('disk full')
        },
      }),
    ).toThrow('disk full')
    expect(tableCounts(core)).toMatchObject({
      orders: before.orders,
      audit_events: before.audit_events,
      outbox: before.outbox,
    })

    const { orderId } = completeSale(core.store, core.device, draft, now, {
      afterCommit: (repositories, stored) => {
        core.authority.audit(repositories.audit, {
          action: 'test.sold',
          actor: null,
          subjectId: stored,
        })
      },
    })
    const events = core.store.audit.listAuditEvents(10)
    expect(events.find((event) => event.action === 'test.sold')).toMatchObject({
      subjectId: orderId,
    })
    // The order, its outbox entry, the event and the event's outbox entry.
    expect(tableCounts(core)).toMatchObject({
      orders: before.orders! + 1,
      audit_events: before.audit_events! + 1,
      outbox: before.outbox! + 2,
    })
    core.close()
  })
})
