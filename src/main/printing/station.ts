import type { PrinterConfig, RegisterConfig } from '../../shared/store/registerConfig'
import type { PrintStore } from '../store/printStore'
import type { StationOrder } from '../store/stationRepository'

/** The reads and writes the station rules make. */
export type StationStore = Pick<
  PrintStore,
  | 'enqueueOriginals'
  | 'orderLineProductIds'
  | 'productsInCategories'
  | 'stationOrdersByIds'
  | 'stationOrdersSince'
  | 'stationSince'
>

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

/** Whether a kitchen ticket for this order would have a line on it (the category filter). */
function hasKitchenLines(store: StationStore, orderId: string, categoryIds: readonly string[]) {
  const lines = store.orderLineProductIds(orderId)
  if (categoryIds.length === 0) return lines.length > 0
  const productIds = lines.flatMap((productId) => (productId ? [productId] : []))
  return store.productsInCategories(productIds, categoryIds).size > 0
}

const printersFor = (config: RegisterConfig, role: PrinterConfig['role']) =>
  config.printers.filter((printer) => printer.role === role)

/**
 * A sale or refund just committed on this register: its receipt on each receipt printer when
 * auto-print is on (a sale's only while the remembered receipt choice is print), and for a sale a kitchen ticket on each kitchen printer (if it has lines for
 * the kitchen). Returns the printers that got a new job.
 */
export function enqueueForLocalOrder(
  store: StationStore,
  config: RegisterConfig,
  order: { id: string; kind: 'SALE' | 'REFUND' },
  now: string,
): string[] {
  if (config.mode !== 'register') return []
  const wanted: { kind: JobKind; orderId: string; printerId: string }[] = []
  // A sale's receipt prints at once only where customers last chose print; otherwise it waits
  // for the cashier's choice on the confirmation (receipt:choose).
  if (config.autoPrintReceipt && (order.kind === 'REFUND' || config.receiptChoice === 'print'))
    for (const printer of printersFor(config, 'receipt'))
      wanted.push({ kind: 'receipt', orderId: order.id, printerId: printer.id })
  const kitchen = printersFor(config, 'kitchen')
  if (
    order.kind === 'SALE' &&
    kitchen.length > 0 &&
    hasKitchenLines(store, order.id, config.stationCategoryIds)
  )
    for (const printer of kitchen)
      wanted.push({ kind: 'kitchen', orderId: order.id, printerId: printer.id })
  return store.enqueueOriginals(wanted, now)
}

/**
 * The orders a station serves among some orders (oldest first): each order from a subscribed
 * register (never its own), made in the last 12 hours; a kitchen station keeps sales with lines
 * in its categories. Printers play no part: a kitchen display serves them without one.
 */
export function stationServedOrders(
  store: StationStore,
  config: RegisterConfig,
  found: StationOrder[],
  context: { now: Date; storeCode: string; ownRegisterCode?: string | undefined },
): StationOrder[] {
  if (config.mode === 'register' || found.length === 0) return []
  const isKitchen = config.mode === 'kitchen-station'
  const codes = new Set(config.stationRegisterCodes.map((code) => code.toUpperCase()))
  const own = context.ownRegisterCode?.toUpperCase()
  const oldest = new Date(context.now.getTime() - stationWindowMs).toISOString()
  const sorted = [...found].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  )
  return sorted.filter((order) => {
    if (order.createdAt < oldest) return false
    if (codes.size > 0 || own) {
      const code = registerCodeOf(order.orderNumber, context.storeCode)?.toUpperCase()
      if (own && code === own) return false
      if (codes.size > 0 && (!code || !codes.has(code))) return false
    }
    if (!isKitchen) return true
    return order.kind === 'SALE' && hasKitchenLines(store, order.id, config.stationCategoryIds)
  })
}

/** The jobs a station owes for some orders: one per served order and printer of its role. */
function stationJobs(
  store: StationStore,
  config: RegisterConfig,
  found: StationOrder[],
  context: { now: Date; storeCode: string; ownRegisterCode?: string | undefined },
): { kind: JobKind; orderId: string; printerId: string }[] {
  if (config.mode === 'register' || found.length === 0) return []
  const kind: JobKind = config.mode === 'kitchen-station' ? 'kitchen' : 'receipt'
  const targets = printersFor(config, kind)
  if (targets.length === 0) return []
  return stationServedOrders(store, config, found, context).flatMap((order) =>
    targets.map((printer) => ({ kind, orderId: order.id, printerId: printer.id })),
  )
}

/**
 * The local orders a station would have served since its subscription took effect (the last
 * settings save), within the 12-hour window, leaving out its own. What a catch-up looks at.
 */
export function stationCatchUpOrders(
  store: StationStore,
  config: RegisterConfig,
  context: { now: Date; storeCode: string; registerCode: string },
): StationOrder[] {
  if (config.mode === 'register') return []
  const since = store.stationSince()
  if (since === null) return []
  const windowStart = new Date(context.now.getTime() - stationWindowMs).toISOString()
  const from = since > windowStart ? since : windowStart
  return stationServedOrders(store, config, store.stationOrdersSince(from), {
    ...context,
    ownRegisterCode: context.registerCode,
  })
}

/**
 * Orders pulled from other registers, on a station (see stationJobs for which). The unique index
 * makes a replayed pull or a restart harmless. Returns the printers that got a new job.
 */
export function enqueueForSyncedOrders(
  store: StationStore,
  config: RegisterConfig,
  orderIds: readonly string[],
  context: { now: Date; storeCode: string },
): string[] {
  if (config.mode === 'register' || orderIds.length === 0) return []
  const found = store.stationOrdersByIds(orderIds)
  return store.enqueueOriginals(
    stationJobs(store, config, found, context),
    context.now.toISOString(),
  )
}

/**
 * A station's catch-up: the register stopped after a pull committed orders but before their jobs
 * were queued ('order:synced' never reached the print service). Queues the original job of every
 * local order the station would have printed, made since its subscription took effect and in the
 * 12-hour window (a range on orders_created_idx), exactly once through the unique index. The
 * register's own orders are left out, as a pull never brings them. Returns the printers that got
 * a new job.
 */
export function catchUpStation(
  store: StationStore,
  config: RegisterConfig,
  context: { now: Date; storeCode: string; registerCode: string },
): string[] {
  const found = stationCatchUpOrders(store, config, context)
  return store.enqueueOriginals(
    stationJobs(store, config, found, { ...context, ownRegisterCode: context.registerCode }),
    context.now.toISOString(),
  )
}
