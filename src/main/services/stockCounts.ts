import type { z } from 'zod'
import type { InvokeParsedInput } from '../../shared/ipc/contract'
import { PosError } from '../../shared/ipc/errors'
import type { OpenCount, StockMovementResult } from '../../shared/ipc/stockSchemas'
import { fromMilli, StockCountData, toMilli } from '../../shared/sync/inventoryEntities'
import type { Repositories, StandaloneRepositories } from '../store/repositories'
import { itemLabels } from './stockItemLabels'
import {
  refuseRepeats,
  replayed,
  storeMovement,
  unknownProducts,
  type StockServiceContext,
} from './stockService'

/*
 * Count sessions: what was counted so far is an OPEN stockCount record (synced, so it survives a
 * restart and the store's other registers see it); applying it writes one COUNT movement of
 * counted − expected and marks the record APPLIED, in one transaction.
 */

type SaveInput = InvokeParsedInput<'stock:countSave'>
type ApplyInput = InvokeParsedInput<'stock:countApply'>
type StockCount = z.infer<typeof StockCountData>

function storedCount(repositories: Repositories | StandaloneRepositories, id: string) {
  const document = repositories.stockDocuments.documentById('stockCount', id)
  if (!document) return null
  const parsed = StockCountData.safeParse(document.data)
  return parsed.success ? parsed.data : null
}

function refuseClosed(count: StockCount | null): void {
  if (count && count.status !== 'OPEN')
    throw new PosError(
      'CONFLICT',
      count.status === 'APPLIED'
        ? 'This count was already applied (here or on another register of the store).'
        : 'This count was cancelled.',
      'countId',
    )
}

/** Saves (or replaces) the lines counted so far as an OPEN count session. */
export function saveCount(
  context: StockServiceContext,
  input: SaveInput,
): { countId: string; status: 'OPEN' } {
  return context.store.transaction((repositories) => {
    context.authority.requireSignedIn()
    refuseRepeats(input.lines)
    unknownProducts(repositories, input.lines)
    const held = storedCount(repositories, input.countId)
    refuseClosed(held)
    const record = StockCountData.parse({
      ...held,
      id: input.countId,
      status: 'OPEN',
      note: input.note || (held?.note ?? null),
      createdAt: held?.createdAt ?? context.now().toISOString(),
      lines: input.lines.map((line) => ({
        productId: line.productId,
        variantId: line.variantId,
        counted: line.counted,
      })),
    })
    repositories.stockDocuments.saveDocument(
      'stockCount',
      record,
      context.deviceId(),
      context.now().toISOString(),
    )
    return { countId: input.countId, status: 'OPEN' as const }
  })
}

/** Open count sessions, newest first, each line with what is on hand now. */
export function openCounts(repositories: StandaloneRepositories): OpenCount[] {
  const counts = repositories.stockDocuments
    .listDocuments('stockCount')
    .flatMap((document) => {
      const parsed = StockCountData.safeParse(document.data)
      return parsed.success && parsed.data.status === 'OPEN' ? [parsed.data] : []
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const label = itemLabels(
    repositories,
    counts.flatMap((count) => count.lines),
  )
  return counts.map((count) => ({
    id: count.id,
    note: count.note ?? null,
    createdAt: count.createdAt,
    lines: count.lines.map((line) => ({
      ...label(line.productId, line.variantId),
      counted: line.counted,
      expected: fromMilli(repositories.stock.onHandMilli(line.productId, line.variantId ?? null)),
    })),
  }))
}

/**
 * A count: each line's movement is counted − expected, expected being on hand at this moment (in
 * the same transaction), so sales made while counting are neither lost nor counted twice. With a
 * countId, the count session is marked APPLIED with what was applied (created so if never saved).
 */
export function applyCount(context: StockServiceContext, input: ApplyInput): StockMovementResult {
  return context.store.transaction((repositories) => {
    const earlier = replayed(repositories, input.movementId)
    if (earlier) return earlier
    refuseRepeats(input.lines)
    unknownProducts(repositories, input.lines)
    const held = input.countId ? storedCount(repositories, input.countId) : null
    refuseClosed(held)
    const { actor, approvedBy } = context.authority.authorize('stockAdjust', input.approvalId)
    const now = context.now().toISOString()
    const result = storeMovement(context, repositories, {
      id: input.movementId,
      kind: 'COUNT',
      refId: input.countId ?? null,
      employeeId: actor.employeeId,
      approvedBy: approvedBy?.employeeId ?? null,
      createdAt: now,
      lines: input.lines.map((line) => {
        const expectedMilli = repositories.stock.onHandMilli(line.productId, line.variantId)
        return {
          productId: line.productId,
          variantId: line.variantId,
          quantity: fromMilli(toMilli(line.counted) - expectedMilli),
          expected: fromMilli(expectedMilli),
          counted: line.counted,
        }
      }),
    })
    if (input.countId) {
      const record = StockCountData.parse({
        ...held,
        id: input.countId,
        status: 'APPLIED',
        note: held?.note ?? null,
        createdAt: held?.createdAt ?? now,
        appliedAt: now,
        movementId: input.movementId,
        lines: result.lines.map((line) => ({
          productId: line.productId,
          variantId: line.variantId,
          counted: line.counted,
          expected: line.expected,
        })),
      })
      repositories.stockDocuments.saveDocument('stockCount', record, context.deviceId(), now)
    }
    return result
  })
}
