import type { SupplierInvoiceView } from '../../shared/backoffice/purchasing'
import type { Executor } from '../db/connection'
import { selectLiveRecordsByIds } from '../db/purchasingRepository'
import type { RecordRow } from '../sync/records'
import { purchaseOrderViews } from './purchaseOrders'

interface StoredInvoice {
  supplierId: string
  invoiceNumber: string
  purchaseOrderIds?: string[]
  totalCents: number
  issuedAt?: string | null
  dueAt?: string | null
  status?: string
}

/**
 * Invoices with their match: the value received on the orders they cover (Σ received quantity ×
 * the order's unit cost, to the cent, read from the receipts now) against the invoice total. An
 * open invoice that equals it reads MATCHED; PAID and CANCELLED stay as the manager set them.
 */
export async function supplierInvoiceViews(
  db: Executor,
  storeId: string,
  rows: RecordRow[],
): Promise<SupplierInvoiceView[]> {
  const invoices = rows.filter((row) => row.data !== null)
  const orderIds = invoices.flatMap((row) => (row.data as StoredInvoice).purchaseOrderIds ?? [])
  const orders = await purchaseOrderViews(
    db,
    storeId,
    await selectLiveRecordsByIds(db, storeId, 'purchaseOrder', orderIds),
  )
  const receivedByOrder = new Map(orders.map((order) => [order.id, order.receivedCents]))
  const suppliers = await selectLiveRecordsByIds(
    db,
    storeId,
    'supplier',
    invoices.map((row) => (row.data as StoredInvoice).supplierId),
  )
  const names = new Map(
    suppliers.map((row) => [row.id, String((row.data as { name?: string }).name ?? '')]),
  )
  return invoices.map((row) => {
    const data = row.data as StoredInvoice
    const purchaseOrderIds = data.purchaseOrderIds ?? []
    const receivedCents = purchaseOrderIds.reduce(
      (sum, id) => sum + (receivedByOrder.get(id) ?? 0),
      0,
    )
    const differenceCents = data.totalCents - receivedCents
    const isMatched = purchaseOrderIds.length > 0 && differenceCents === 0
    const stored = data.status ?? 'OPEN'
    const status =
      stored === 'PAID' || stored === 'CANCELLED' ? stored : isMatched ? 'MATCHED' : 'OPEN'
    return {
      id: row.id,
      version: row.version,
      supplierId: data.supplierId,
      supplierName: names.get(data.supplierId) ?? null,
      invoiceNumber: data.invoiceNumber,
      purchaseOrderIds,
      totalCents: data.totalCents,
      issuedAt: data.issuedAt ?? null,
      dueAt: data.dueAt ?? null,
      receivedCents,
      differenceCents,
      isMatched,
      status,
    }
  })
}
