import type { z } from 'zod'
import type { InvokeParsedInput } from '../../shared/ipc/contract'
import { PosError } from '../../shared/ipc/errors'
import type {
  PurchaseOrderProgress,
  ReceivingOrder,
  StockReceiveResult,
} from '../../shared/ipc/stockSchemas'
import { fromMilli, PurchaseOrderData, SupplierData } from '../../shared/sync/inventoryEntities'
import type { Repositories, StandaloneRepositories } from '../store/repositories'
import { itemKey } from '../store/stockDocumentRepository'
import { itemLabels } from './stockItemLabels'
import { refuseRepeats, replayed, storeMovement, type StockServiceContext } from './stockService'

/*
 * Receiving purchase orders on the register. The order is the back office's record and is never
 * written here: what arrived is the RECEIPT movements whose refId is the order's id (this
 * register's and those pulled from the store's other registers), and the order's progress is
 * derived from them, so two registers receiving the same order offline both count.
 */

type ReceiveInput = InvokeParsedInput<'stock:receive'>
type PurchaseOrder = z.infer<typeof PurchaseOrderData>
type AnyRepositories = Repositories | StandaloneRepositories

/** Stored statuses a register receives against: placed by the back office, not drafts or cancelled. */
const receivableStatuses = new Set(['ORDERED', 'PARTIALLY_RECEIVED', 'RECEIVED'])

interface OrderedItem {
  productId: string
  variantId: string | null
  orderedMilli: number
  unitCostCents: number | null
}

/** The order's lines by product and variant (a product listed twice is ordered once, summed). */
function orderedItems(order: PurchaseOrder): Map<string, OrderedItem> {
  const items = new Map<string, OrderedItem>()
  for (const line of order.lines) {
    const key = itemKey(line.productId, line.variantId)
    const held = items.get(key)
    if (held) held.orderedMilli += Math.round(line.quantity * 1000)
    else
      items.set(key, {
        productId: line.productId,
        variantId: line.variantId ?? null,
        orderedMilli: Math.round(line.quantity * 1000),
        unitCostCents: line.unitCostCents ?? null,
      })
  }
  return items
}

/** Nothing received yet, some lines short, or every line received in full (or over). */
export function progressOf(
  items: Map<string, OrderedItem>,
  received: Map<string, number> | undefined,
): PurchaseOrderProgress {
  let isAnyReceived = false
  let isAllReceived = true
  for (const [key, item] of items) {
    const milli = received?.get(key) ?? 0
    if (milli > 0) isAnyReceived = true
    if (milli < item.orderedMilli) isAllReceived = false
  }
  if (isAnyReceived && isAllReceived) return 'RECEIVED'
  return isAnyReceived ? 'PARTIALLY_RECEIVED' : 'ORDERED'
}

function storedOrder(repositories: AnyRepositories, id: string): PurchaseOrder | null {
  const document = repositories.stockDocuments.documentById('purchaseOrder', id)
  if (!document) return null
  const parsed = PurchaseOrderData.safeParse(document.data)
  return parsed.success ? parsed.data : null
}

function supplierNames(repositories: AnyRepositories): Map<string, string> {
  const names = new Map<string, string>()
  for (const document of repositories.stockDocuments.listDocuments('supplier')) {
    const parsed = SupplierData.safeParse(document.data)
    if (parsed.success) names.set(parsed.data.id, parsed.data.name)
  }
  return names
}

/**
 * The store's purchase orders to receive, by expected date: placed ones (not drafts or
 * cancelled); those received in full only when asked.
 */
export function purchaseOrdersToReceive(
  repositories: StandaloneRepositories,
  includeReceived: boolean,
): ReceivingOrder[] {
  const orders = repositories.stockDocuments.listDocuments('purchaseOrder').flatMap((document) => {
    const parsed = PurchaseOrderData.safeParse(document.data)
    return parsed.success && receivableStatuses.has(parsed.data.status) ? [parsed.data] : []
  })
  const received = repositories.stockDocuments.movedByRef(
    'RECEIPT',
    orders.map((order) => order.id),
  )
  const suppliers = supplierNames(repositories)
  const label = itemLabels(
    repositories,
    orders.flatMap((order) => order.lines),
  )
  const views = orders.map((order): ReceivingOrder => {
    const items = orderedItems(order)
    const receivedOf = received.get(order.id)
    return {
      id: order.id,
      reference: order.reference ?? null,
      supplierName: suppliers.get(order.supplierId) ?? null,
      expectedAt: order.expectedAt ?? null,
      status: order.status as ReceivingOrder['status'],
      progress: progressOf(items, receivedOf),
      createdAt: order.createdAt,
      lines: [...items].map(([key, item]) => ({
        ...label(item.productId, item.variantId),
        ordered: fromMilli(item.orderedMilli),
        received: fromMilli(receivedOf?.get(key) ?? 0),
        unitCostCents: item.unitCostCents,
      })),
    }
  })
  return views
    .filter(
      (view) => includeReceived || (view.status !== 'RECEIVED' && view.progress !== 'RECEIVED'),
    )
    .sort(
      (a, b) =>
        (a.expectedAt ?? '\uffff').localeCompare(b.expectedAt ?? '\uffff') ||
        a.createdAt.localeCompare(b.createdAt),
    )
}

function progressNow(repositories: AnyRepositories, order: PurchaseOrder): PurchaseOrderProgress {
  const received = repositories.stockDocuments.movedByRef('RECEIPT', [order.id]).get(order.id)
  return progressOf(orderedItems(order), received)
}

/**
 * Receives lines of a purchase order as ONE RECEIPT movement at the order's unit costs. Partial
 * and over-receipts are fine; a product not on the order is refused, naming its line.
 */
export function receivePurchaseOrder(
  context: StockServiceContext,
  input: ReceiveInput,
): StockReceiveResult {
  return context.store.transaction((repositories) => {
    const order = storedOrder(repositories, input.purchaseOrderId)
    const earlier = replayed(repositories, input.movementId)
    if (earlier)
      return { ...earlier, progress: order ? progressNow(repositories, order) : 'ORDERED' }
    const actor = context.authority.requireSignedIn()
    if (!order)
      throw new PosError(
        'NOT_FOUND',
        'That purchase order is not on this register.',
        'purchaseOrderId',
      )
    if (!receivableStatuses.has(order.status))
      throw new PosError(
        'CONFLICT',
        order.status === 'CANCELLED'
          ? 'This purchase order was cancelled: nothing can be received against it.'
          : 'This purchase order is still a draft: it can be received once it is ordered.',
        'purchaseOrderId',
      )
    refuseRepeats(input.lines)
    const items = orderedItems(order)
    const label = itemLabels(repositories, input.lines)
    const lines = input.lines.map((line, index) => {
      const item = items.get(itemKey(line.productId, line.variantId))
      if (!item)
        throw new PosError(
          'VALIDATION_FAILED',
          `${label(line.productId, line.variantId).name} is not on this purchase order.`,
          `lines.${index}.productId`,
        )
      return {
        productId: line.productId,
        variantId: line.variantId,
        quantity: line.quantity,
        ...(item.unitCostCents === null ? {} : { unitCostCents: item.unitCostCents }),
      }
    })
    const result = storeMovement(context, repositories, {
      id: input.movementId,
      kind: 'RECEIPT',
      refId: order.id,
      employeeId: actor.employeeId,
      note: input.note || null,
      createdAt: context.now().toISOString(),
      lines,
    })
    return { ...result, progress: progressNow(repositories, order) }
  })
}
