import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { StockStoreQuery } from '../../shared/backoffice/stockOffice'
import { CreateTransferBody } from '../../shared/backoffice/stockTransfers'
import type { TransferListReply, TransferReply } from '../../shared/backoffice/stockTransfers'
import {
  StockMovementData,
  StockTransferData,
  fromMilli,
  toMilli,
} from '../../shared/sync/inventoryEntities'
import type { Executor } from '../db/connection'
import {
  selectLiveData,
  selectLiveRecord,
  selectStoresById,
  selectTransferReceipts,
} from '../db/stockOfficeRepository'
import type { LiveRecord } from '../db/stockOfficeRepository'
import { HttpError, parseOrThrow } from '../http/errors'
import { loadAverageCosts } from '../inventory/averageCost'
import { itemKey, loadStockItems } from '../inventory/stockLevels'
import type { TransferData } from '../inventory/transfers'
import { transferViews } from '../inventory/transfers'
import type { AdminWrite } from './adminCatalog'
import { writeAdminRecords } from './adminCatalog'
import { notFound, requireAdmin, requireStoreInScope } from './adminScope'
import type { RouteContext } from './context'

const TransferParams = z.strictObject({ id: z.string().min(1).max(128) })

const conflict = (code: string, message: string) => new HttpError(409, code, message)

/** Received so far per line key (thousandths), read inside the write's transaction when given. */
async function receivedOf(db: Executor, transfer: TransferData): Promise<Map<string, number>> {
  const rows = await selectTransferReceipts(db, [transfer.toStoreId], [transfer.id])
  return new Map(rows.map((row) => [row.key, row.milli]))
}

/**
 * Transfers between two stores of one tenant, both in the caller's scope: the stockTransfer
 * record is written with the same id and data into both stores (the relay of a register-sent
 * transfer then finds the receiver's copy unchanged) with the sender's TRANSFER_OUT, in one
 * transaction. Receiving writes a TRANSFER_IN at the receiver; cancelling an unreceived transfer
 * writes a TRANSFER_IN back at the sender (note "cancelled").
 */
export function registerAdminStockTransferRoutes(
  app: FastifyInstance,
  context: RouteContext,
): void {
  const { db, signer, config } = context
  const rateLimit = {
    max: config.backofficeRateLimit.max,
    timeWindow: config.backofficeRateLimit.windowMs,
  }

  async function storeScope(request: FastifyRequest) {
    const admin = await requireAdmin(db, signer, request)
    const query = parseOrThrow(StockStoreQuery, request.query ?? {}, 'query')
    const storeId = query.storeId.toLowerCase()
    await requireStoreInScope(db, admin, storeId)
    return { admin, storeId }
  }

  async function viewOf(storeId: string, record: LiveRecord): Promise<TransferReply> {
    const items = await loadStockItems(db, storeId)
    const [transfer] = await transferViews(db, storeId, [record], items)
    return { transfer: transfer! }
  }

  async function loadTransfer(storeId: string, id: string) {
    const record = await selectLiveRecord(db, storeId, 'stockTransfer', id)
    if (!record) throw notFound('transfer')
    return { record, transfer: record.data as unknown as TransferData }
  }

  /** The status change of both copies, each from the version just read. */
  async function statusWrites(
    admin: AdminWrite['admin'],
    transfer: TransferData,
    status: TransferData['status'],
  ): Promise<AdminWrite[]> {
    const writes: AdminWrite[] = []
    for (const storeId of [transfer.fromStoreId, transfer.toStoreId]) {
      const copy = await selectLiveRecord(db, storeId, 'stockTransfer', transfer.id)
      if (!copy) continue
      writes.push({
        storeId,
        admin,
        entity: 'stockTransfer',
        id: transfer.id,
        data: { ...copy.data, status },
        baseVersion: copy.version,
      })
    }
    return writes
  }

  app.get('/api/admin/stock/transfers', { config: { rateLimit } }, async (request) => {
    const { storeId } = await storeScope(request)
    const [records, items] = await Promise.all([
      selectLiveData(db, storeId, 'stockTransfer'),
      loadStockItems(db, storeId),
    ])
    const transfers = await transferViews(db, storeId, records, items)
    transfers.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
    const reply: TransferListReply = { storeId, transfers }
    return reply
  })

  app.post('/api/admin/stock/transfers', { config: { rateLimit } }, async (request) => {
    const admin = await requireAdmin(db, signer, request)
    const body = parseOrThrow(CreateTransferBody, request.body ?? {}, 'transfer')
    const fromStoreId = body.fromStoreId.toLowerCase()
    const toStoreId = body.toStoreId.toLowerCase()
    await requireStoreInScope(db, admin, fromStoreId)
    await requireStoreInScope(db, admin, toStoreId)
    if (fromStoreId === toStoreId)
      throw new HttpError(422, 'SAME_STORE', 'a transfer goes to another store', [
        { path: 'toStoreId', message: 'must differ from the sending store' },
      ])
    const stores = await selectStoresById(db, [fromStoreId, toStoreId])
    if (new Set(stores.map((store) => store.tenantId)).size !== 1)
      throw new HttpError(422, 'OTHER_TENANT', 'both stores must belong to one business')
    const [items, costs] = await Promise.all([
      loadStockItems(db, fromStoreId),
      loadAverageCosts(db, [fromStoreId]),
    ])
    const seen = new Set<string>()
    body.lines.forEach((line, index) => {
      const key = itemKey(line.productId, line.variantId)
      if (!items.has(key))
        throw new HttpError(422, 'UNKNOWN_PRODUCT', 'the sending store has no such product', [
          { path: `lines.${index}.productId`, message: 'no such product or variant' },
        ])
      if (seen.has(key))
        throw new HttpError(422, 'DUPLICATE_LINE', 'a product is on two lines', [
          { path: `lines.${index}`, message: 'already on an earlier line' },
        ])
      seen.add(key)
    })
    const id = randomUUID()
    const createdAt = new Date().toISOString()
    const lines = body.lines.map((line) => {
      const cost = costs.get(fromStoreId)?.get(line.productId)
      return {
        productId: line.productId,
        variantId: line.variantId ?? null,
        quantity: line.quantity,
        ...(cost ? { unitCostCents: cost.cents } : {}),
      }
    })
    const data = StockTransferData.parse({
      id,
      fromStoreId,
      toStoreId,
      status: 'SENT',
      createdAt,
      lines,
    })
    const movementId = randomUUID()
    const movement = StockMovementData.parse({
      id: movementId,
      kind: 'TRANSFER_OUT',
      refId: id,
      employeeId: null,
      createdAt,
      lines: lines.map((line) => ({ ...line, quantity: fromMilli(-toMilli(line.quantity)) })),
    })
    const [sent] = await writeAdminRecords(context, [
      { storeId: fromStoreId, admin, entity: 'stockTransfer', id, data, baseVersion: 0 },
      { storeId: toStoreId, admin, entity: 'stockTransfer', id, data, baseVersion: 0 },
      {
        storeId: fromStoreId,
        admin,
        entity: 'stockMovement',
        id: movementId,
        data: movement,
        baseVersion: 0,
      },
    ])
    return viewOf(fromStoreId, {
      id,
      version: sent!.record.version,
      data: data as unknown as Record<string, unknown>,
    })
  })

  app.post('/api/admin/stock/transfers/:id/receive', { config: { rateLimit } }, async (request) => {
    const { admin, storeId } = await storeScope(request)
    const { id } = parseOrThrow(TransferParams, request.params, 'path')
    const { transfer } = await loadTransfer(storeId, id)
    if (transfer.toStoreId !== storeId)
      throw conflict('NOT_INCOMING', 'only the receiving store receives a transfer')
    if (transfer.status !== 'SENT')
      throw conflict('NOT_OUTSTANDING', `this transfer is ${transfer.status.toLowerCase()}`)
    const received = await receivedOf(db, transfer)
    const outstanding = transfer.lines.flatMap((line) => {
      const key = itemKey(line.productId, line.variantId)
      const milli = toMilli(line.quantity) - (received.get(key) ?? 0)
      return milli > 0
        ? [
            {
              productId: line.productId,
              variantId: line.variantId ?? null,
              quantity: fromMilli(milli),
              ...(line.unitCostCents !== undefined ? { unitCostCents: line.unitCostCents } : {}),
            },
          ]
        : []
    })
    if (outstanding.length === 0)
      throw conflict('NOTHING_OUTSTANDING', 'everything sent has arrived already')
    const movementId = randomUUID()
    const movement = StockMovementData.parse({
      id: movementId,
      kind: 'TRANSFER_IN',
      refId: transfer.id,
      employeeId: null,
      createdAt: new Date().toISOString(),
      lines: outstanding,
    })
    const expected = JSON.stringify([...received].sort())
    await writeAdminRecords(context, [
      {
        storeId,
        admin,
        entity: 'stockMovement',
        id: movementId,
        data: movement,
        baseVersion: 0,
        // Under the stores' locks: a register receiving the same transfer meanwhile wins.
        check: async (tx) => {
          const now = JSON.stringify([...(await receivedOf(tx, transfer))].sort())
          if (now !== expected)
            throw conflict('RECEIVED_MEANWHILE', 'part of this transfer arrived meanwhile; reload')
        },
      },
      ...(await statusWrites(admin, transfer, 'RECEIVED')),
    ])
    return viewOf(storeId, (await loadTransfer(storeId, id)).record)
  })

  app.post('/api/admin/stock/transfers/:id/cancel', { config: { rateLimit } }, async (request) => {
    const { admin, storeId } = await storeScope(request)
    const { id } = parseOrThrow(TransferParams, request.params, 'path')
    const { transfer } = await loadTransfer(storeId, id)
    if (transfer.fromStoreId !== storeId)
      throw conflict('NOT_OUTGOING', 'only the sending store cancels a transfer')
    await requireStoreInScope(db, admin, transfer.toStoreId)
    if (transfer.status !== 'SENT')
      throw conflict('NOT_OUTSTANDING', `this transfer is ${transfer.status.toLowerCase()}`)
    const nothingArrived = async (tx: Executor) => {
      if ([...(await receivedOf(tx, transfer)).values()].some((milli) => milli !== 0))
        throw conflict(
          'ALREADY_RECEIVED',
          'part of this transfer has arrived; it cannot be cancelled',
        )
    }
    await nothingArrived(db)
    const movementId = randomUUID()
    const movement = StockMovementData.parse({
      id: movementId,
      kind: 'TRANSFER_IN',
      refId: transfer.id,
      employeeId: null,
      note: 'cancelled',
      createdAt: new Date().toISOString(),
      lines: transfer.lines.map((line) => ({
        productId: line.productId,
        variantId: line.variantId ?? null,
        quantity: line.quantity,
      })),
    })
    await writeAdminRecords(context, [
      {
        storeId,
        admin,
        entity: 'stockMovement',
        id: movementId,
        data: movement,
        baseVersion: 0,
        check: nothingArrived,
      },
      ...(await statusWrites(admin, transfer, 'CANCELLED')),
    ])
    return viewOf(storeId, (await loadTransfer(storeId, id)).record)
  })
}
