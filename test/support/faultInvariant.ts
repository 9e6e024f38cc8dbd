import { expect } from 'vitest'
import type { RegisterCore } from '../../src/main/core'
import { rowsOf } from '../../src/server/db/connection'
import { call } from './registerCore'

/** Plain SQL against the server's database (PGlite in-process, or a PostgreSQL pool). */
export type ServerQuery = (text: string, params?: unknown[]) => Promise<unknown>

/** The money of one order, as the register holds it and as the server stored it. */
interface OrderMoney {
  id: string
  orderNumber: string
  subtotalCents: number
  taxCents: number
  totalCents: number
  itemsCents: number
  paidCents: number
  lines: number
}

export interface InvariantInput {
  query: ServerQuery
  storeId: string
  registers: readonly RegisterCore[]
  /** Orders made unsendable on purpose: they stay dead on their register and never reach the server. */
  poisonIds?: ReadonlySet<string>
}

export interface InvariantReport {
  serverOrders: number
  perRegister: number[]
}

function localOrders(core: RegisterCore): OrderMoney[] {
  return core.database.sqlite
    .prepare(
      `select o.id, o.order_number as orderNumber, o.subtotal_cents as subtotalCents, o.tax_cents as taxCents, o.total_cents as totalCents,
         (select coalesce(sum(total_cents), 0) from order_items where order_id = o.id) as itemsCents,
         (select coalesce(sum(amount_cents), 0) from payments where order_id = o.id) as paidCents,
         (select count(*) from order_items where order_id = o.id) as lines
       from orders o where o.deleted_at is null`,
    )
    .all() as OrderMoney[]
}

/** Orders this register created: each has an outbox entry (pulled orders never do). */
function createdIds(core: RegisterCore): Set<string> {
  const rows = core.database.sqlite
    .prepare("select distinct entity_id as id from outbox where entity = 'order'")
    .all() as { id: string }[]
  return new Set(rows.map((row) => row.id))
}

async function serverOrders(query: ServerQuery, storeId: string) {
  const rows = rowsOf<{
    id: string
    seq: string | number
    origin: string | null
    deleted: boolean
    data: {
      order: Record<string, unknown>
      items: { totalCents: number }[]
      payments: { amountCents: number }[]
    }
  }>(
    await query(
      `select id, seq, origin_device_id as origin, deleted, data from sync_records where store_id = $1 and entity = 'order' order by seq`,
      [storeId],
    ),
  )
  return rows.map((row) => ({
    seq: Number(row.seq),
    origin: row.origin,
    deleted: row.deleted,
    money: {
      id: row.id,
      orderNumber: String(row.data.order.orderNumber),
      subtotalCents: Number(row.data.order.subtotalCents),
      taxCents: Number(row.data.order.taxCents),
      totalCents: Number(row.data.order.totalCents),
      itemsCents: row.data.items.reduce((sum, item) => sum + item.totalCents, 0),
      paidCents: row.data.payments.reduce((sum, payment) => sum + payment.amountCents, 0),
      lines: row.data.items.length,
    } satisfies OrderMoney,
  }))
}

const difference = (left: Iterable<string>, right: ReadonlySet<string>) =>
  [...left].filter((value) => !right.has(value)).sort()

/**
 * The sync invariant: after a final clean sync (every register pushes, then every register
 * pulls), the server holds exactly the orders the registers created, each once by id and by
 * order number, with the registers' totals to the cent; every outbox is drained with nothing
 * dead but the poison made on purpose; and every register holds every other register's orders.
 */
export async function expectSyncInvariant(input: InvariantInput): Promise<InvariantReport> {
  const poison = input.poisonIds ?? new Set<string>()
  for (let round = 0; round < 2; round++) {
    for (const core of input.registers) await call(core, 'sync:runNow')
  }

  const created = new Map<string, { register: number; money: OrderMoney }>()
  input.registers.forEach((core, register) => {
    const mine = createdIds(core)
    for (const money of localOrders(core))
      if (mine.has(money.id)) created.set(money.id, { register, money })
  })
  const expectedIds = new Set([...created.keys()].filter((id) => !poison.has(id)))

  const onServer = await serverOrders(input.query, input.storeId)
  const serverIds = new Set(onServer.map((row) => row.money.id))
  expect(onServer.length, 'one server row per order id').toBe(serverIds.size)
  expect(
    new Set(onServer.map((row) => row.money.orderNumber)).size,
    'order numbers are unique on the server',
  ).toBe(onServer.length)
  expect(
    difference(expectedIds, serverIds),
    'orders created on a register but missing on the server',
  ).toEqual([])
  expect(
    difference(serverIds, expectedIds),
    'orders on the server that no register created (or poison that got through)',
  ).toEqual([])
  expect(
    onServer.filter((row) => row.deleted).map((row) => row.money.id),
    'no order deleted',
  ).toEqual([])
  const seqs = onServer.map((row) => row.seq)
  expect(new Set(seqs).size, 'server sequences are unique').toBe(seqs.length)

  const mismatched = onServer.filter((row) => {
    const local = created.get(row.money.id)
    return (
      !local ||
      JSON.stringify(local.money) !== JSON.stringify(row.money) ||
      row.origin !== input.registers[local.register]!.device.deviceId
    )
  })
  expect(
    mismatched.map((row) => ({ server: row.money, register: created.get(row.money.id)?.money })),
    'server copies equal the creating register, to the cent',
  ).toEqual([])

  const byId = new Map(onServer.map((row) => [row.money.id, row.money]))
  const perRegister: number[] = []
  for (const [index, core] of input.registers.entries()) {
    const status = await call(core, 'sync:getStatus')
    const mine = createdIds(core)
    const poisonHere = [...mine].filter((id) => poison.has(id)).length
    expect(status.enrollment, `register ${index} still enrolled`).toBe('enrolled')
    expect(status.counts, `register ${index} outbox drained`).toMatchObject({
      pending: 0,
      inFlight: 0,
      failed: 0,
      dead: poisonHere,
    })
    const held = localOrders(core)
    const heldIds = new Set(held.map((money) => money.id))
    expect(
      difference(serverIds, heldIds),
      `register ${index} is missing orders of other registers`,
    ).toEqual([])
    expect(
      difference(heldIds, new Set([...serverIds, ...poison])),
      `register ${index} holds orders the server does not`,
    ).toEqual([])
    const wrong = held.filter(
      (money) => byId.has(money.id) && JSON.stringify(byId.get(money.id)) !== JSON.stringify(money),
    )
    expect(wrong, `register ${index} copies equal the server's, to the cent`).toEqual([])
    perRegister.push(held.length)
  }
  return { serverOrders: onServer.length, perRegister }
}
