import type {
  PurchaseOrderReply,
  ReceivePurchaseOrderBody,
} from '../../shared/backoffice/purchasing'
import { StockMovementData } from '../../shared/sync'
import type { AdminPrincipal } from '../auth/principal'
import { findLiveRecord, findRecord } from '../db/adminCatalogRepository'
import { HttpError } from '../http/errors'
import { notFound } from '../routes/adminScope'
import { writeAdminRecord } from '../routes/adminCatalog'
import type { RouteContext } from '../routes/context'
import { purchaseOrderView, writtenOf } from './purchaseOrders'
import { storedStatusOf } from './receiptProgress'

interface StoredLine {
  productId: string
  variantId?: string | null
  unitCostCents?: number
}

/**
 * A receipt recorded in the back office: one RECEIPT stock movement into the order's store, its
 * refId the order and each line's unit cost the order's, exactly what a register writes when it
 * receives by scanning. The caller picks the movement id, so the same receipt sent twice is
 * stored once; only an ORDERED order (partly received or not) takes a receipt.
 */
export async function receivePurchaseOrder(
  context: RouteContext,
  admin: AdminPrincipal,
  storeId: string,
  id: string,
  body: ReceivePurchaseOrderBody,
): Promise<PurchaseOrderReply> {
  const order = await findLiveRecord(context.db, storeId, 'purchaseOrder', id)
  if (!order) throw notFound('purchase order')
  const existing = await findRecord(context.db, storeId, 'stockMovement', body.movementId)
  if (existing) {
    const data = existing.data as { refId?: string } | null
    if (data?.refId !== id)
      throw new HttpError(409, 'MOVEMENT_ID_TAKEN', 'this movement id belongs to another record')
    return {
      purchaseOrder: await purchaseOrderView(context.db, storeId, id),
      isChanged: false,
      written: [],
    }
  }
  const orderData = order.data as { status: string; lines: StoredLine[] }
  const costs = new Map(
    orderData.lines.map((line) => [
      `${line.productId}\u0000${line.variantId ?? ''}`,
      line.unitCostCents ?? 0,
    ]),
  )
  const lines = body.lines.map((line, index) => {
    const unitCostCents = costs.get(`${line.productId}\u0000${line.variantId ?? ''}`)
    if (unitCostCents === undefined)
      throw new HttpError(422, 'NOT_ON_ORDER', 'a receipt line is not on this order', [
        { path: `lines.${index}.productId`, message: 'not on this order' },
      ])
    return {
      productId: line.productId,
      variantId: line.variantId ?? null,
      quantity: line.quantity,
      unitCostCents,
    }
  })
  const data = StockMovementData.parse({
    id: body.movementId,
    kind: 'RECEIPT',
    refId: id,
    note: body.note || null,
    createdAt: new Date().toISOString(),
    lines,
  })
  const saved = await writeAdminRecord(context, {
    storeId,
    admin,
    entity: 'stockMovement',
    id: body.movementId,
    data,
    baseVersion: 0,
    check: async (tx) => {
      const current = await findLiveRecord(tx, storeId, 'purchaseOrder', id)
      const status = current ? storedStatusOf((current.data as { status: string }).status) : null
      if (status !== 'ORDERED')
        throw new HttpError(
          409,
          'PURCHASE_ORDER_NOT_ORDERED',
          `only an ordered purchase order can be received; this one is ${(status ?? 'gone').toLowerCase()}`,
        )
    },
  })
  return {
    purchaseOrder: await purchaseOrderView(context.db, storeId, id),
    isChanged: saved.isChanged,
    written: writtenOf([saved]),
  }
}
