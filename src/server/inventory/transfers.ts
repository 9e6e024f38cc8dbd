import type { TransferView } from '../../shared/backoffice/stockTransfers'
import { fromMilli, toMilli } from '../../shared/sync/inventoryEntities'
import type { Executor } from '../db/connection'
import type { LiveRecord } from '../db/stockOfficeRepository'
import { selectStoresById, selectTransferReceipts } from '../db/stockOfficeRepository'
import type { StockItem } from './stockLevels'
import { itemKey } from './stockLevels'

/**
 * Transfers as the back office shows them: sent per line from the transfer record, received per
 * line derived from the receiving store's TRANSFER_IN movements whose refId is the transfer
 * (the sender's own TRANSFER_IN back, on a cancel, is not a receipt).
 */

export interface TransferLineData {
  productId: string
  variantId?: string | null
  quantity: number
  unitCostCents?: number
}

export interface TransferData {
  id: string
  fromStoreId: string
  toStoreId: string
  status: 'SENT' | 'RECEIVED' | 'CANCELLED'
  createdAt: string
  lines: TransferLineData[]
}

export async function transferViews(
  db: Executor,
  viewerStoreId: string,
  records: readonly LiveRecord[],
  items: Map<string, StockItem>,
): Promise<TransferView[]> {
  const transfers = records.map((record) => record.data as unknown as TransferData)
  const storeIds = [
    ...new Set(transfers.flatMap((transfer) => [transfer.fromStoreId, transfer.toStoreId])),
  ]
  const [stores, receipts] = await Promise.all([
    selectStoresById(db, storeIds),
    selectTransferReceipts(
      db,
      [...new Set(transfers.map((transfer) => transfer.toStoreId))],
      transfers.map((transfer) => transfer.id),
    ),
  ])
  const names = new Map(stores.map((store) => [store.id, store.name]))
  const received = new Map<string, number>()
  for (const row of receipts) {
    const transfer = transfers.find((one) => one.id === row.transferId)
    if (transfer && transfer.toStoreId === row.storeId)
      received.set(`${row.transferId}\u0000${row.key}`, row.milli)
  }
  return transfers.map((transfer) => {
    const lines = transfer.lines.map((line) => {
      const key = itemKey(line.productId, line.variantId)
      const arrived = received.get(`${transfer.id}\u0000${key}`) ?? 0
      return {
        productId: line.productId,
        variantId: line.variantId ?? null,
        name: items.get(key)?.name ?? line.productId,
        sent: line.quantity,
        received: fromMilli(arrived),
        unitCostCents: line.unitCostCents ?? null,
      }
    })
    return {
      id: transfer.id,
      fromStoreId: transfer.fromStoreId,
      fromStoreName: names.get(transfer.fromStoreId) ?? transfer.fromStoreId,
      toStoreId: transfer.toStoreId,
      toStoreName: names.get(transfer.toStoreId) ?? transfer.toStoreId,
      direction: transfer.toStoreId === viewerStoreId ? 'incoming' : 'outgoing',
      status: transfer.status,
      createdAt: transfer.createdAt,
      isOutstanding:
        transfer.status === 'SENT' &&
        lines.some((line) => toMilli(line.received) < toMilli(line.sent)),
      lines,
    }
  })
}
