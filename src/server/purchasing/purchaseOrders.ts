import type {
  CreatePurchaseOrderBody,
  PurchaseOrderLineInput,
  PurchaseOrderReply,
  PurchaseOrderView,
  WrittenRecords,
  UpdatePurchaseOrderBody,
} from '../../shared/backoffice/purchasing'
import { PurchaseOrderData } from '../../shared/sync'
import type { AdminPrincipal } from '../auth/principal'
import { findLiveRecord, listLiveRecords } from '../db/adminCatalogRepository'
import type { Executor } from '../db/connection'
import { selectLiveRecordsByIds, selectReceiptMovements } from '../db/purchasingRepository'
import { HttpError } from '../http/errors'
import { notFound } from '../routes/adminScope'
import { writeAdminRecord } from '../routes/adminCatalog'
import type { RouteContext } from '../routes/context'
import type { RecordRow } from '../sync/records'
import type { ProductLabel, ReceiptLine } from './receiptProgress'
import { receiptProgress, storedStatusOf } from './receiptProgress'

/**
 * Purchase orders of one store: reading them with what was received, and the writes the back
 * office (and the stock pages' suggested order) make. Every write is a server-originated change
 * of the synced record, refused with 409 when the editor's version is stale.
 */

interface StoredOrder {
  supplierId: string
  status: string
  reference?: string | null
  expectedAt?: string | null
  note?: string | null
  createdAt: string
  lines: {
    productId: string
    variantId?: string | null
    quantity: number
    unitCostCents?: number
  }[]
}

/** The records a batch of admin writes changed, as the write replies list them. */
export const writtenOf = (
  saved: { record: { entity: string; id: string; version: number }; isChanged: boolean }[],
): WrittenRecords =>
  saved
    .filter((item) => item.isChanged)
    .map(({ record }) => ({ entity: record.entity, id: record.id, version: record.version }))

const dataOf = (row: RecordRow) => row.data as StoredOrder
const record = (row: RecordRow) => row.data as Record<string, unknown>

/** The orders as the back office shows them: lines with ordered/received/outstanding, totals. */
export async function purchaseOrderViews(
  db: Executor,
  storeId: string,
  rows: RecordRow[],
): Promise<PurchaseOrderView[]> {
  const orders = rows.filter((row) => row.data !== null)
  const movements = await selectReceiptMovements(
    db,
    storeId,
    orders.map((row) => row.id),
  )
  const receipts = new Map<string, ReceiptLine[]>()
  for (const movement of movements) {
    const lines = (movement.data as { lines?: ReceiptLine[] }).lines ?? []
    receipts.set(movement.refId, [...(receipts.get(movement.refId) ?? []), ...lines])
  }
  const productIds = orders.flatMap((row) => dataOf(row).lines.map((line) => line.productId))
  for (const lines of receipts.values()) productIds.push(...lines.map((line) => line.productId))
  const products = await selectLiveRecordsByIds(db, storeId, 'product', productIds)
  const labels = new Map<string, ProductLabel>(
    products.map((row) => [
      row.id,
      {
        name: String(record(row).name ?? ''),
        sku: typeof record(row).sku === 'string' ? (record(row).sku as string) : null,
      },
    ]),
  )
  const suppliers = await selectLiveRecordsByIds(
    db,
    storeId,
    'supplier',
    orders.map((row) => dataOf(row).supplierId),
  )
  const supplierNames = new Map(suppliers.map((row) => [row.id, String(record(row).name ?? '')]))
  return orders.map((row) => {
    const data = dataOf(row)
    const progress = receiptProgress(data, receipts.get(row.id) ?? [], labels)
    return {
      id: row.id,
      version: row.version,
      storeId,
      supplierId: data.supplierId,
      supplierName: supplierNames.get(data.supplierId) ?? null,
      status: progress.status,
      reference: data.reference ?? null,
      expectedAt: data.expectedAt ?? null,
      note: data.note ?? null,
      createdAt: data.createdAt,
      lines: progress.lines,
      totalCents: progress.totalCents,
      receivedCents: progress.receivedCents,
    }
  })
}

export async function purchaseOrderView(
  db: Executor,
  storeId: string,
  id: string,
): Promise<PurchaseOrderView> {
  const row = await findLiveRecord(db, storeId, 'purchaseOrder', id)
  if (!row) throw notFound('purchase order')
  const [view] = await purchaseOrderViews(db, storeId, [row])
  if (!view) throw notFound('purchase order')
  return view
}

/**
 * The order's lines as stored: the supplier must be one of the store's, every product too, and a
 * line without a unit cost takes the supplier's cost of that product (0 when it has none).
 */
async function orderLines(
  db: Executor,
  storeId: string,
  supplierId: string,
  lines: PurchaseOrderLineInput[],
) {
  if (!(await findLiveRecord(db, storeId, 'supplier', supplierId)))
    throw new HttpError(422, 'UNKNOWN_SUPPLIER', 'this store has no such supplier', [
      { path: 'supplierId', message: 'not a supplier of this store' },
    ])
  const products = await selectLiveRecordsByIds(
    db,
    storeId,
    'product',
    lines.map((line) => line.productId),
  )
  const known = new Set(products.map((row) => row.id))
  const missing = lines.findIndex((line) => !known.has(line.productId))
  if (missing >= 0)
    throw new HttpError(422, 'UNKNOWN_PRODUCT', 'a line names a product this store does not have', [
      { path: `lines.${missing}.productId`, message: 'not a product of this store' },
    ])
  const costs = await supplierCosts(db, storeId, supplierId)
  return lines.map((line) => ({
    productId: line.productId,
    variantId: line.variantId ?? null,
    quantity: line.quantity,
    unitCostCents:
      line.unitCostCents ?? costs.get(`${line.productId}\u0000${line.variantId ?? ''}`) ?? 0,
  }))
}

/** The supplier's cost per product and variant (`productId\0variantId`). */
export async function supplierCosts(
  db: Executor,
  storeId: string,
  supplierId: string,
): Promise<Map<string, number>> {
  const rows = await listLiveRecords(db, storeId, 'supplierProduct')
  const costs = new Map<string, number>()
  for (const row of rows) {
    const data = record(row)
    if (data.supplierId !== supplierId) continue
    costs.set(
      `${String(data.productId)}\u0000${(data.variantId as string | null) ?? ''}`,
      Number(data.costCents),
    )
  }
  return costs
}

/**
 * A new DRAFT purchase order in a store the caller may act in (checked by the caller): the route
 * behind the back office's form, and what a suggested order from low stock calls to become an
 * order. The id may be given so a retry cannot make a second order (it gets 409).
 */
export async function createDraftPurchaseOrder(
  context: RouteContext,
  admin: AdminPrincipal,
  storeId: string,
  body: CreatePurchaseOrderBody,
): Promise<PurchaseOrderReply> {
  const id = body.id ?? crypto.randomUUID()
  const supplier = await findLiveRecord(context.db, storeId, 'supplier', body.supplierId)
  if (supplier && (supplier.data as { isActive?: boolean }).isActive === false)
    throw new HttpError(422, 'SUPPLIER_INACTIVE', 'this supplier is deactivated', [
      { path: 'supplierId', message: 'reactivate the supplier to order from it' },
    ])
  const lines = await orderLines(context.db, storeId, body.supplierId, body.lines)
  const data = PurchaseOrderData.parse({
    id,
    supplierId: body.supplierId,
    status: 'DRAFT',
    reference: body.reference || null,
    expectedAt: body.expectedAt ?? null,
    note: body.note || null,
    createdAt: new Date().toISOString(),
    lines,
  })
  const saved = await writeAdminRecord(context, {
    storeId,
    admin,
    entity: 'purchaseOrder',
    id,
    data,
    baseVersion: 0,
  })
  return {
    purchaseOrder: await purchaseOrderView(context.db, storeId, id),
    isChanged: saved.isChanged,
    written: writtenOf([saved]),
  }
}

const notDraft = (status: string) =>
  new HttpError(
    409,
    'PURCHASE_ORDER_NOT_DRAFT',
    `only a draft order can be edited; this one is ${status.toLowerCase()}`,
  )

/** The whole draft again (supplier, reference, date, note, lines); refused once ordered. */
export async function updateDraftPurchaseOrder(
  context: RouteContext,
  admin: AdminPrincipal,
  storeId: string,
  id: string,
  body: UpdatePurchaseOrderBody,
) {
  const row = await findLiveRecord(context.db, storeId, 'purchaseOrder', id)
  if (!row) throw notFound('purchase order')
  const stored = dataOf(row)
  const lines = await orderLines(context.db, storeId, body.supplierId, body.lines)
  const data = PurchaseOrderData.parse({
    ...stored,
    supplierId: body.supplierId,
    reference: body.reference || null,
    expectedAt: body.expectedAt ?? null,
    note: body.note || null,
    lines,
  })
  return transition(context, admin, storeId, row, body.baseVersion, data, (status) => {
    if (status !== 'DRAFT') throw notDraft(status)
  })
}

/** DRAFT → ORDERED (with at least one line), or DRAFT/ORDERED → CANCELLED. */
export async function changePurchaseOrderStatus(
  context: RouteContext,
  admin: AdminPrincipal,
  storeId: string,
  id: string,
  baseVersion: number,
  to: 'ORDERED' | 'CANCELLED',
) {
  const row = await findLiveRecord(context.db, storeId, 'purchaseOrder', id)
  if (!row) throw notFound('purchase order')
  const stored = dataOf(row)
  return transition(
    context,
    admin,
    storeId,
    row,
    baseVersion,
    { ...stored, status: to },
    (status, lines) => {
      if (to === 'ORDERED' && status !== 'DRAFT')
        throw new HttpError(
          409,
          'PURCHASE_ORDER_NOT_DRAFT',
          `only a draft can be marked ordered; this one is ${status.toLowerCase()}`,
        )
      if (to === 'ORDERED' && lines === 0)
        throw new HttpError(422, 'PURCHASE_ORDER_EMPTY', 'an order needs at least one line', [
          { path: 'lines', message: 'add a product first' },
        ])
      if (to === 'CANCELLED' && status === 'CANCELLED')
        throw new HttpError(409, 'PURCHASE_ORDER_CANCELLED', 'this order is already cancelled')
    },
  )
}

/**
 * A write that depends on the order's state: the state is read again under the store's lock, so
 * two managers acting at once cannot both pass the check; a stale version is 409 first.
 */
async function transition(
  context: RouteContext,
  admin: AdminPrincipal,
  storeId: string,
  row: RecordRow,
  baseVersion: number,
  data: unknown,
  allow: (status: 'DRAFT' | 'ORDERED' | 'CANCELLED', lines: number) => void,
) {
  if (row.version !== baseVersion)
    throw new HttpError(
      409,
      'VERSION_CONFLICT',
      `this purchaseOrder changed since it was loaded (now version ${row.version}); reload and save again`,
    )
  const saved = await writeAdminRecord(context, {
    storeId,
    admin,
    entity: 'purchaseOrder',
    id: row.id,
    data: PurchaseOrderData.parse(data),
    baseVersion,
    check: async (tx) => {
      const current = await findLiveRecord(tx, storeId, 'purchaseOrder', row.id)
      if (!current) throw notFound('purchase order')
      allow(storedStatusOf(dataOf(current).status), dataOf(current).lines.length)
    },
  })
  return {
    purchaseOrder: await purchaseOrderView(context.db, storeId, row.id),
    isChanged: saved.isChanged,
    written: writtenOf([saved]),
  }
}
