import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm'
import type { RegisterExecutor } from './database'
import { orderItems, orders, products, registerSettings } from './schema'

/** What a station needs of an order to decide whether it prints it. */
export type StationOrder = Pick<
  typeof orders.$inferSelect,
  'id' | 'kind' | 'orderNumber' | 'createdAt'
>

const stationOrderColumns = {
  id: orders.id,
  kind: orders.kind,
  orderNumber: orders.orderNumber,
  createdAt: orders.createdAt,
}

/** The product ids of an order's lines that belong to the given categories. */
export function productsInCategories(
  db: RegisterExecutor,
  productIds: readonly string[],
  categoryIds: readonly string[],
): Set<string> {
  if (productIds.length === 0 || categoryIds.length === 0) return new Set()
  const rows = db
    .select({ id: products.id, categoryId: products.categoryId })
    .from(products)
    .where(inArray(products.id, [...new Set(productIds)]))
    .all()
  const wanted = new Set(categoryIds)
  return new Set(
    rows.filter((row) => row.categoryId && wanted.has(row.categoryId)).map((row) => row.id),
  )
}

/** The product of each line of an order (null for a line whose product is unknown). */
export function orderLineProductIds(db: RegisterExecutor, orderId: string): (string | null)[] {
  return db
    .select({ productId: orderItems.productId })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .all()
    .map((line) => line.productId)
}

/** The orders among these ids that are on this register. */
export function stationOrdersByIds(
  db: RegisterExecutor,
  orderIds: readonly string[],
): StationOrder[] {
  return db
    .select(stationOrderColumns)
    .from(orders)
    .where(inArray(orders.id, [...new Set(orderIds)]))
    .all()
}

/** Live orders made at or after `from`, oldest first (a range on orders_created_idx). */
export function stationOrdersSince(db: RegisterExecutor, from: string): StationOrder[] {
  return db
    .select(stationOrderColumns)
    .from(orders)
    .where(and(gte(orders.createdAt, from), isNull(orders.deletedAt)))
    .orderBy(asc(orders.createdAt), asc(orders.id))
    .all()
}

/**
 * When this register's station subscription took effect: the time of the last settings save.
 *
 * Why the save time: the schema has nowhere to keep a separate "station since" (RegisterConfig is
 * strict, and audit events are pulled from every register, so reading them back is neither cheap
 * nor unambiguous). The save time moves on every save, not only on a change of mode or
 * subscription, which can only make a catch-up skip orders older than a save: never print
 * history. It cannot make it skip an order a crash left unqueued, because every start catches up
 * before anyone can save settings. Null when settings were never saved (a plain register).
 */
export function stationSince(db: RegisterExecutor): string | null {
  return (
    db
      .select({ updatedAt: registerSettings.updatedAt })
      .from(registerSettings)
      .where(eq(registerSettings.id, 1))
      .get()?.updatedAt ?? null
  )
}
