import type { RegisterDb } from './database'

/**
 * Sales of a time range for the manager console, from every register's orders this register holds.
 * Aggregates run in SQLite over the range of orders_created_idx, so a day stays fast however many
 * orders came before it. Refund orders carry negative money and positive quantities; voided orders
 * do not count. Bounds are ISO-8601 UTC strings, as orders.created_at is stored.
 */

export interface SalesRange {
  fromIso: string
  toIso: string
}

export interface SalesTotals {
  saleCount: number
  saleCents: number
  refundCount: number
  refundCents: number
}

export interface MinuteBucket {
  /** "YYYY-MM-DDTHH:MM" in UTC; the caller maps it to its own local hour. */
  minute: string
  saleCount: number
  totalCents: number
}

export interface MethodTotal {
  label: string
  kind: string
  totalCents: number
}

export interface ProductTotal {
  name: string
  quantity: number
  totalCents: number
}

const counted = `o.created_at >= :fromIso AND o.created_at < :toIso
  AND o.status <> 'VOIDED' AND o.deleted_at IS NULL`

export function salesTotals(db: RegisterDb, range: SalesRange): SalesTotals {
  const row = db.$client
    .prepare(
      `SELECT
         coalesce(sum(o.kind = 'SALE'), 0) AS saleCount,
         coalesce(sum(CASE WHEN o.kind = 'SALE' THEN o.total_cents END), 0) AS saleCents,
         coalesce(sum(o.kind = 'REFUND'), 0) AS refundCount,
         coalesce(sum(CASE WHEN o.kind = 'REFUND' THEN o.total_cents END), 0) AS refundCents
       FROM orders o WHERE ${counted}`,
    )
    .get(range) as SalesTotals
  return row
}

/** Per minute, so any time zone (even a :30 or :45 offset) can regroup them by its own hours. */
export function salesByMinute(db: RegisterDb, range: SalesRange): MinuteBucket[] {
  return db.$client
    .prepare(
      `SELECT substr(o.created_at, 1, 16) AS minute,
         sum(o.kind = 'SALE') AS saleCount,
         sum(o.total_cents) AS totalCents
       FROM orders o WHERE ${counted}
       GROUP BY substr(o.created_at, 1, 16) ORDER BY minute`,
    )
    .all(range) as MinuteBucket[]
}

/** Money by tender as named on the receipt; refunds paid back count negative. */
export function salesByMethod(db: RegisterDb, range: SalesRange): MethodTotal[] {
  return db.$client
    .prepare(
      `SELECT coalesce(p.label, p.method) AS label, p.method AS kind,
         sum(p.amount_cents) AS totalCents
       FROM orders o JOIN payments p ON p.order_id = o.id
       WHERE ${counted} AND p.deleted_at IS NULL
       GROUP BY coalesce(p.label, p.method), p.method
       ORDER BY totalCents DESC, label`,
    )
    .all(range) as MethodTotal[]
}

/**
 * Best sellers by quantity sold less quantity refunded in the range, named as on the latest line
 * sold (a product renamed during the day shows its new name).
 */
export function topProducts(db: RegisterDb, range: SalesRange, limit: number): ProductTotal[] {
  return db.$client
    .prepare(
      `SELECT name, quantity, totalCents FROM (
         SELECT i.name AS name,
           max(o.created_at) AS latest,
           sum(CASE WHEN o.kind = 'SALE' THEN i.quantity ELSE -i.quantity END) AS quantity,
           sum(i.total_cents) AS totalCents
         FROM orders o JOIN order_items i ON i.order_id = o.id
         WHERE ${counted} AND i.deleted_at IS NULL
         GROUP BY coalesce(i.product_id, i.sku))
       WHERE quantity > 0
       ORDER BY quantity DESC, totalCents DESC, name
       LIMIT :limit`,
    )
    .all({ ...range, limit }) as ProductTotal[]
}
