import type { z } from 'zod'
import type { InvokeParsedInput } from '../../shared/ipc/contract'
import { PosError } from '../../shared/ipc/errors'
import type { StockMovementResult, TransferView } from '../../shared/ipc/stockSchemas'
import { fromMilli, StockTransferData, toMilli } from '../../shared/sync/inventoryEntities'
import type { Repositories, StandaloneRepositories } from '../store/repositories'
import { itemKey } from '../store/stockDocumentRepository'
import { itemLabels } from './stockItemLabels'
import {
  refuseRepeats,
  replayed,
  storeMovement,
  unknownProducts,
  type StockServiceContext,
} from './stockService'
import { keptDestinations } from './transferDestinations'

/*
 * Stock sent between two stores of a tenant. The sending register writes the stockTransfer record
 * (SENT, from this store) and ONE TRANSFER_OUT movement together; the server relays the record to
 * the receiving store (src/server/inventory/transferRelay.ts), whose registers receive it as
 * TRANSFER_IN movements with refId = the transfer's id, partially if need be. The record is never
 * edited by a register after it is sent: what arrived is the movements, summed.
 */

type SendInput = InvokeParsedInput<'stock:transferSend'>
type ReceiveInput = InvokeParsedInput<'stock:transferReceive'>
type Transfer = z.infer<typeof StockTransferData>
type AnyRepositories = Repositories | StandaloneRepositories

function thisStore(context: StockServiceContext): string {
  const storeId = context.storeId()
  if (!storeId)
    throw new PosError(
      'NOT_SUPPORTED',
      'This register is not linked to a store yet: enroll it with the sync server first.',
    )
  return storeId
}

function storedTransfer(repositories: AnyRepositories, id: string): Transfer | null {
  const document = repositories.stockDocuments.documentById('stockTransfer', id)
  if (!document) return null
  const parsed = StockTransferData.safeParse(document.data)
  return parsed.success ? parsed.data : null
}

/** Sends stock to another store: the SENT record and the TRANSFER_OUT movement, one transaction. */
export function sendTransfer(context: StockServiceContext, input: SendInput): StockMovementResult {
  const fromStoreId = thisStore(context)
  return context.store.transaction((repositories) => {
    const earlier = replayed(repositories, input.movementId)
    if (earlier) return earlier
    const actor = context.authority.requireSignedIn()
    if (input.toStoreId === fromStoreId)
      throw new PosError('VALIDATION_FAILED', 'Stock cannot be sent to its own store.', 'toStoreId')
    const known = keptDestinations(repositories)
    if (!known?.stores.some((store) => store.storeId === input.toStoreId))
      throw new PosError(
        'VALIDATION_FAILED',
        known
          ? 'That store is not one of this business’s other stores.'
          : 'This register does not know the other stores yet: connect it to the sync server once.',
        'toStoreId',
      )
    if (repositories.stockDocuments.documentById('stockTransfer', input.transferId))
      throw new PosError('CONFLICT', 'This transfer was already sent.', 'transferId')
    refuseRepeats(input.lines)
    unknownProducts(repositories, input.lines)
    const now = context.now().toISOString()
    const transfer = StockTransferData.parse({
      id: input.transferId,
      fromStoreId,
      toStoreId: input.toStoreId,
      status: 'SENT',
      createdAt: now,
      note: input.note || null,
      sentBy: actor.employeeId,
      lines: input.lines.map((line) => ({
        productId: line.productId,
        variantId: line.variantId,
        quantity: line.quantity,
      })),
    })
    repositories.stockDocuments.saveDocument('stockTransfer', transfer, context.deviceId(), now)
    return storeMovement(context, repositories, {
      id: input.movementId,
      kind: 'TRANSFER_OUT',
      refId: transfer.id,
      employeeId: actor.employeeId,
      note: input.note || null,
      createdAt: now,
      lines: input.lines.map((line) => ({
        productId: line.productId,
        variantId: line.variantId,
        quantity: -line.quantity,
      })),
    })
  })
}

/** The transfer's lines by product and variant (a product listed twice is sent once, summed). */
function sentItems(transfer: Transfer) {
  const items = new Map<string, { productId: string; variantId: string | null; milli: number }>()
  for (const line of transfer.lines) {
    const key = itemKey(line.productId, line.variantId)
    const held = items.get(key)
    if (held) held.milli += toMilli(line.quantity)
    else
      items.set(key, {
        productId: line.productId,
        variantId: line.variantId ?? null,
        milli: toMilli(line.quantity),
      })
  }
  return items
}

/** Transfers to and from this store, newest first, cancelled ones left out. */
export function listTransfers(
  context: Pick<StockServiceContext, 'storeId'>,
  repositories: StandaloneRepositories,
): { incoming: TransferView[]; outgoing: TransferView[] } {
  const storeId = context.storeId()
  if (!storeId) return { incoming: [], outgoing: [] }
  const transfers = repositories.stockDocuments
    .listDocuments('stockTransfer')
    .flatMap((document) => {
      const parsed = StockTransferData.safeParse(document.data)
      return parsed.success && parsed.data.status !== 'CANCELLED' ? [parsed.data] : []
    })
    .filter((transfer) => transfer.toStoreId === storeId || transfer.fromStoreId === storeId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const received = repositories.stockDocuments.movedByRef(
    'TRANSFER_IN',
    transfers.map((transfer) => transfer.id),
  )
  const names = new Map(
    (keptDestinations(repositories)?.stores ?? []).map((store) => [store.storeId, store.name]),
  )
  names.set(storeId, repositories.settings.getStoreSettings().storeName)
  const label = itemLabels(
    repositories,
    transfers.flatMap((transfer) => transfer.lines),
  )
  const views = transfers.map((transfer): TransferView => {
    const receivedOf = received.get(transfer.id)
    const lines = [...sentItems(transfer)].map(([key, item]) => ({
      ...label(item.productId, item.variantId),
      sent: fromMilli(item.milli),
      received: fromMilli(receivedOf?.get(key) ?? 0),
    }))
    return {
      id: transfer.id,
      fromStoreId: transfer.fromStoreId,
      fromStoreName: names.get(transfer.fromStoreId) ?? null,
      toStoreId: transfer.toStoreId,
      toStoreName: names.get(transfer.toStoreId) ?? null,
      status: transfer.status,
      isFullyReceived: lines.every((line) => line.received >= line.sent),
      createdAt: transfer.createdAt,
      note: typeof transfer.note === 'string' ? transfer.note : null,
      lines,
    }
  })
  return {
    incoming: views.filter((view) => view.toStoreId === storeId),
    outgoing: views.filter((view) => view.fromStoreId === storeId && view.toStoreId !== storeId),
  }
}

/** Receives lines of a transfer addressed to this store: ONE TRANSFER_IN movement. */
export function receiveTransfer(
  context: StockServiceContext,
  input: ReceiveInput,
): StockMovementResult {
  const storeId = thisStore(context)
  return context.store.transaction((repositories) => {
    const earlier = replayed(repositories, input.movementId)
    if (earlier) return earlier
    const actor = context.authority.requireSignedIn()
    const transfer = storedTransfer(repositories, input.transferId)
    if (!transfer)
      throw new PosError('NOT_FOUND', 'That transfer is not on this register.', 'transferId')
    if (transfer.toStoreId !== storeId)
      throw new PosError(
        'FORBIDDEN',
        'That transfer is addressed to another store: only that store can receive it.',
        'transferId',
      )
    if (transfer.status === 'CANCELLED')
      throw new PosError('CONFLICT', 'This transfer was cancelled.', 'transferId')
    refuseRepeats(input.lines)
    const items = sentItems(transfer)
    const label = itemLabels(repositories, input.lines)
    input.lines.forEach((line, index) => {
      if (!items.has(itemKey(line.productId, line.variantId)))
        throw new PosError(
          'VALIDATION_FAILED',
          `${label(line.productId, line.variantId).name} is not on this transfer.`,
          `lines.${index}.productId`,
        )
    })
    return storeMovement(context, repositories, {
      id: input.movementId,
      kind: 'TRANSFER_IN',
      refId: transfer.id,
      employeeId: actor.employeeId,
      createdAt: context.now().toISOString(),
      lines: input.lines.map((line) => ({
        productId: line.productId,
        variantId: line.variantId,
        quantity: line.quantity,
      })),
    })
  })
}
