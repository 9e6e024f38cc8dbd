import { and, asc, desc, eq, gte, inArray, isNotNull, isNull } from 'drizzle-orm'
import type { KitchenTicket } from '../../shared/ipc/displaySchemas'
import { PosError } from '../../shared/ipc/errors'
import type { RegisterExecutor } from './database'
import { kitchenTickets, orderItems, orders, products } from './schema'
import { parseJson } from './rows/syncRow'

/** How many bumped tickets Recall offers, last bumped first. */
export const recentlyBumpedLimit = 12

type TicketRow = typeof kitchenTickets.$inferSelect

/**
 * Opens a ticket for each order not yet on this station, arriving now. An order already there
 * (a replayed pull, a restart's catch-up) keeps its row as it is, bumped or not. Returns the
 * orders that got a new ticket.
 */
export function addKitchenTickets(
  db: RegisterExecutor,
  orderIds: readonly string[],
  now: string,
): string[] {
  if (orderIds.length === 0) return []
  const added = db
    .insert(kitchenTickets)
    .values([...new Set(orderIds)].map((orderId) => ({ orderId, arrivedAt: now, bumpedAt: null })))
    .onConflictDoNothing()
    .returning({ orderId: kitchenTickets.orderId })
    .all()
  return added.map((row) => row.orderId)
}

function ticketRow(db: RegisterExecutor, orderId: string): TicketRow {
  const row = db.select().from(kitchenTickets).where(eq(kitchenTickets.orderId, orderId)).get()
  if (!row) throw new PosError('NOT_FOUND', 'That order is not on this kitchen display.', 'orderId')
  return row
}

/** Marks a ticket done. Bumping a bumped ticket leaves its first bump time. */
export function bumpKitchenTicket(db: RegisterExecutor, orderId: string, now: string): TicketRow {
  ticketRow(db, orderId)
  db.update(kitchenTickets)
    .set({ bumpedAt: now })
    .where(and(eq(kitchenTickets.orderId, orderId), isNull(kitchenTickets.bumpedAt)))
    .run()
  return ticketRow(db, orderId)
}

/** Puts a bumped ticket back on the screen; its timer still runs from its arrival. */
export function recallKitchenTicket(db: RegisterExecutor, orderId: string): TicketRow {
  ticketRow(db, orderId)
  db.update(kitchenTickets).set({ bumpedAt: null }).where(eq(kitchenTickets.orderId, orderId)).run()
  return ticketRow(db, orderId)
}

interface ModifierSnapshot {
  name?: unknown
}

/**
 * Tickets with their lines routed to this station: a line shows when its product is in one of
 * `categoryIds` (every line when empty). A ticket left with no line (its categories were
 * changed since) is not shown.
 */
export function listKitchenTickets(
  db: RegisterExecutor,
  options: {
    categoryIds: readonly string[]
    state: 'open' | 'bumped' | 'any'
    /** One order's ticket only. */
    orderId?: string | undefined
    /** Tickets that arrived at or after this time only. */
    since: string
    limit: number
  },
): Omit<KitchenTicket, 'registerCode'>[] {
  const rows = db
    .select({
      orderId: kitchenTickets.orderId,
      arrivedAt: kitchenTickets.arrivedAt,
      bumpedAt: kitchenTickets.bumpedAt,
      orderNumber: orders.orderNumber,
      orderedAt: orders.createdAt,
      note: orders.note,
    })
    .from(kitchenTickets)
    .innerJoin(orders, eq(orders.id, kitchenTickets.orderId))
    .where(
      and(
        options.state === 'open' ? isNull(kitchenTickets.bumpedAt) : undefined,
        options.state === 'bumped' ? isNotNull(kitchenTickets.bumpedAt) : undefined,
        options.orderId ? eq(kitchenTickets.orderId, options.orderId) : undefined,
        gte(kitchenTickets.arrivedAt, options.since),
        isNull(orders.deletedAt),
      ),
    )
    .orderBy(
      options.state === 'bumped' ? desc(kitchenTickets.bumpedAt) : asc(kitchenTickets.arrivedAt),
      asc(orders.createdAt),
    )
    .limit(options.limit)
    .all()
  if (rows.length === 0) return []
  const lines = db
    .select({
      orderId: orderItems.orderId,
      lineNumber: orderItems.lineNumber,
      name: orderItems.name,
      variantName: orderItems.variantName,
      quantity: orderItems.quantity,
      modifiers: orderItems.modifiers,
      note: orderItems.note,
      categoryId: products.categoryId,
    })
    .from(orderItems)
    .leftJoin(products, eq(products.id, orderItems.productId))
    .where(
      inArray(
        orderItems.orderId,
        rows.map((row) => row.orderId),
      ),
    )
    .orderBy(asc(orderItems.orderId), asc(orderItems.lineNumber))
    .all()
  const wanted = new Set(options.categoryIds)
  const byOrder = new Map<string, KitchenTicket['lines']>()
  for (const line of lines) {
    if (wanted.size > 0 && !(line.categoryId && wanted.has(line.categoryId))) continue
    const list = byOrder.get(line.orderId) ?? []
    list.push({
      lineNumber: line.lineNumber,
      name: line.name,
      variantName: line.variantName,
      quantity: line.quantity,
      options: parseJson<ModifierSnapshot[]>(line.modifiers, []).flatMap((modifier) =>
        typeof modifier.name === 'string' ? [modifier.name] : [],
      ),
      note: line.note,
    })
    byOrder.set(line.orderId, list)
  }
  return rows.flatMap((row) => {
    const ticketLines = byOrder.get(row.orderId)
    return ticketLines ? [{ ...row, lines: ticketLines }] : []
  })
}

/** The kitchen display's reads and writes, bound to one database (what the service takes). */
export function kitchenTicketStore(db: RegisterExecutor) {
  return {
    addKitchenTickets: (orderIds: readonly string[], now: string) =>
      addKitchenTickets(db, orderIds, now),
    bumpKitchenTicket: (orderId: string, now: string) => bumpKitchenTicket(db, orderId, now),
    recallKitchenTicket: (orderId: string) => recallKitchenTicket(db, orderId),
    listKitchenTickets: (options: Parameters<typeof listKitchenTickets>[1]) =>
      listKitchenTickets(db, options),
  }
}
export type KitchenTicketStore = ReturnType<typeof kitchenTicketStore>
