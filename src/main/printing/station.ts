import { eq, inArray } from 'drizzle-orm'
import type { PrinterConfig, RegisterConfig } from '../../shared/store/registerConfig'
import type { RegisterDb, RegisterExecutor } from '../store/database'
import { orderItems, orders, products } from '../store/schema'
import { enqueueOriginal } from './printQueue'

/**
 * A station prints only orders made in the last 12 hours. A station enrolled (or switched to
 * station mode) late pulls the store's whole history; printing yesterday's tickets would bury
 * the kitchen in paper. Anything older can still be reprinted by hand from Orders.
 */
export const stationWindowMs = 12 * 60 * 60_000

type JobKind = 'receipt' | 'kitchen'

/**
 * The register code inside an order number `<store code>-<register code>-<sequence>`. Store
 * codes may contain dashes, so the known store code is stripped first.
 */
export function registerCodeOf(orderNumber: string, storeCode: string): string | null {
  const end = orderNumber.lastIndexOf('-')
  if (end <= 0) return null
  const head = orderNumber.slice(0, end)
  if (storeCode && head.startsWith(`${storeCode}-`)) return head.slice(storeCode.length + 1) || null
  const start = head.lastIndexOf('-')
  return start < 0 ? null : head.slice(start + 1) || null
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

/** Whether a kitchen ticket for this order would have a line on it (the category filter). */
function hasKitchenLines(db: RegisterExecutor, orderId: string, categoryIds: readonly string[]) {
  const lines = db
    .select({ productId: orderItems.productId })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .all()
  if (categoryIds.length === 0) return lines.length > 0
  const productIds = lines.flatMap((line) => (line.productId ? [line.productId] : []))
  return productsInCategories(db, productIds, categoryIds).size > 0
}

const printersFor = (config: RegisterConfig, role: PrinterConfig['role']) =>
  config.printers.filter((printer) => printer.role === role)

function enqueueAll(
  db: RegisterDb,
  wanted: { kind: JobKind; orderId: string; printerId: string }[],
  now: string,
): string[] {
  if (wanted.length === 0) return []
  return db.transaction((tx) =>
    wanted.flatMap((job) => (enqueueOriginal(tx, job, now) ? [job.printerId] : [])),
  )
}

/**
 * A sale or refund just committed on this register: its receipt on each receipt printer when
 * auto-print is on, and for a sale a kitchen ticket on each kitchen printer (if it has lines for
 * the kitchen). Returns the printers that got a new job.
 */
export function enqueueForLocalOrder(
  db: RegisterDb,
  config: RegisterConfig,
  order: { id: string; kind: 'SALE' | 'REFUND' },
  now: string,
): string[] {
  if (config.mode !== 'register') return []
  const wanted: { kind: JobKind; orderId: string; printerId: string }[] = []
  if (config.autoPrintReceipt)
    for (const printer of printersFor(config, 'receipt'))
      wanted.push({ kind: 'receipt', orderId: order.id, printerId: printer.id })
  const kitchen = printersFor(config, 'kitchen')
  if (
    order.kind === 'SALE' &&
    kitchen.length > 0 &&
    hasKitchenLines(db, order.id, config.stationCategoryIds)
  )
    for (const printer of kitchen)
      wanted.push({ kind: 'kitchen', orderId: order.id, printerId: printer.id })
  return enqueueAll(db, wanted, now)
}

/**
 * Orders pulled from other registers, on a station: each order from a subscribed register, made
 * in the last 12 hours, gets its receipt (receipt station) or kitchen ticket (kitchen station,
 * sales with lines in the chosen categories) once per printer. The unique index makes a replayed
 * pull or a restart harmless. Returns the printers that got a new job.
 */
export function enqueueForSyncedOrders(
  db: RegisterDb,
  config: RegisterConfig,
  orderIds: readonly string[],
  context: { now: Date; storeCode: string },
): string[] {
  if (config.mode === 'register' || orderIds.length === 0) return []
  const kind: JobKind = config.mode === 'kitchen-station' ? 'kitchen' : 'receipt'
  const targets = printersFor(config, kind)
  if (targets.length === 0) return []
  const codes = new Set(config.stationRegisterCodes.map((code) => code.toUpperCase()))
  const oldest = new Date(context.now.getTime() - stationWindowMs).toISOString()
  const found = db
    .select({
      id: orders.id,
      kind: orders.kind,
      orderNumber: orders.orderNumber,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .where(inArray(orders.id, [...new Set(orderIds)]))
    .all()
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
  const wanted: { kind: JobKind; orderId: string; printerId: string }[] = []
  for (const order of found) {
    if (order.createdAt < oldest) continue
    if (codes.size > 0) {
      const code = registerCodeOf(order.orderNumber, context.storeCode)
      if (!code || !codes.has(code.toUpperCase())) continue
    }
    if (kind === 'kitchen') {
      if (order.kind !== 'SALE') continue
      if (!hasKitchenLines(db, order.id, config.stationCategoryIds)) continue
    }
    for (const printer of targets) wanted.push({ kind, orderId: order.id, printerId: printer.id })
  }
  return enqueueAll(db, wanted, context.now.toISOString())
}
