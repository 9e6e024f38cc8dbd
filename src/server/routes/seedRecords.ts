import {
  OrderEnvelope,
  SeedSyncableOrder,
  SeedSyncableTransaction,
  TransactionData,
  envelopeToSeedOrder,
  seedFieldsToWire,
  seedOrderToEnvelope,
  wireFieldsToSeed,
} from '../../shared/sync'
import type { ChangeResult, SeedSyncResponse } from '../../shared/sync'
import { sha256Hex } from '../auth/tokens'
import { findUnstorableValue, issuesOf } from '../http/errors'
import type { Issue } from '../http/errors'
import { recordHash } from '../sync/hash'
import type { PushItem } from '../sync/push'
import type { RecordRow } from '../sync/records'

export type SeedEntity = 'order' | 'transaction'

/** One seed record of a request: ready to push, or refused on its own with the reason. */
export type SeedEntry =
  | { kind: 'push'; item: PushItem; clientVersion: number }
  | { kind: 'refused'; response: SeedSyncResponse }

const describe = (issues: Issue[]) =>
  issues
    .slice(0, 3)
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ')

/** A record refused before it reached the store: not retryable, nothing written. */
export function refusedResponse(localId: string, message: string): SeedSyncResponse {
  return {
    success: false,
    serverId: null,
    syncedAt: Date.now(),
    message,
    conflicts: null,
    localId,
    status: 'rejected',
    syncVersion: null,
    serverHash: null,
  }
}

/**
 * Converts one seed wrapper (decimals, epoch-millisecond or ISO timestamps) to a push item, or
 * refuses it alone: a bad record never costs the valid records beside it (DESIGN §3 rule 4).
 */
export function seedEntry(entity: SeedEntity, raw: unknown): SeedEntry {
  const rawLocalId = (raw as { localId?: unknown } | null)?.localId
  const localId = typeof rawLocalId === 'string' ? rawLocalId : ''
  const refuse = (message: string): SeedEntry => ({
    kind: 'refused',
    response: refusedResponse(localId, `invalid ${entity}: ${message}`),
  })
  const unstorable = findUnstorableValue(raw)
  if (unstorable) return refuse(describe([unstorable]))
  const wrapper = (entity === 'order' ? SeedSyncableOrder : SeedSyncableTransaction).safeParse(raw)
  if (!wrapper.success) return refuse(describe(issuesOf(wrapper.error)))
  let converted: unknown
  try {
    converted =
      entity === 'order'
        ? seedOrderToEnvelope((wrapper.data as SeedSyncableOrder).order)
        : seedFieldsToWire((wrapper.data as SeedSyncableTransaction).transaction)
  } catch (error) {
    return refuse(`${entity}.${(error as Error).message}`)
  }
  const parsed = (entity === 'order' ? OrderEnvelope : TransactionData).safeParse(converted)
  if (!parsed.success) return refuse(describe(issuesOf(parsed.error, [entity])))
  const { localId: id, syncVersion, syncStatus } = wrapper.data
  const deleted = syncStatus === 'DELETED'
  const data = deleted ? null : parsed.data
  // The seed carries no mutation id: one (record, version, content) is one mutation.
  const mutationId = `seed:${sha256Hex(`${entity}\u0000${id}\u0000${syncVersion}\u0000${recordHash(data)}\u0000${deleted}`)}`
  return {
    kind: 'push',
    item: { mutationId, entity, id, deleted, data, baseVersion: 0, clientVersion: syncVersion },
    clientVersion: syncVersion,
  }
}

/** A stored record as the seed's SyncableOrder/SyncableTransaction wrapper (timestamps in ms). */
export function toSeedWrapper(row: RecordRow): Record<string, unknown> {
  const meta = {
    localId: row.id,
    syncStatus: row.deleted ? 'DELETED' : 'SYNCED',
    syncVersion: row.version,
    deviceId: row.originDeviceId,
    serverHash: row.hash,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
  }
  if (row.entity === 'order')
    return { order: row.data ? envelopeToSeedOrder(row.data as OrderEnvelope) : null, ...meta }
  return {
    transaction: row.data ? wireFieldsToSeed(row.data as Record<string, unknown>) : null,
    ...meta,
  }
}

/**
 * A push result as the seed's SyncResponse. `serverId` is the record's localId (the one id
 * vocabulary); a replay of a stored mutation is `duplicate`, "already in sync"; a version the
 * server keeps, and a completed sale's lines it keeps, are SERVER_WINS conflicts with `serverData`.
 */
export function toSeedResponse(
  result: ChangeResult,
  isReplay: boolean,
  clientVersion: number,
): SeedSyncResponse {
  const status = isReplay && result.status === 'applied' ? 'duplicate' : result.status
  const isSuccess = status === 'applied' || status === 'duplicate'
  const response: SeedSyncResponse = {
    success: isSuccess,
    serverId: result.id,
    syncedAt: Date.now(),
    message: result.error?.message ?? (status === 'duplicate' ? 'already in sync' : null),
    conflicts: null,
    localId: result.id,
    status,
    syncVersion: result.serverVersion,
    serverHash: result.serverHash,
  }
  if (status === 'conflict') {
    response.message = `${result.error?.message ?? 'the server has a newer version'} (SERVER_WINS)`
    response.conflicts = [
      {
        localId: result.id,
        clientVersion,
        serverVersion: result.serverVersion ?? 0,
        serverHash: result.serverHash ?? '',
        reason: result.error?.code ?? 'VERSION_CONFLICT',
      },
    ]
    const server = result.serverRecord
    if (server) {
      response.serverData = toSeedWrapper({
        storeId: '',
        entity: server.entity,
        id: server.id,
        version: server.version,
        seq: server.seq,
        hash: server.hash,
        data: server.data,
        deleted: server.deleted,
        originDeviceId: server.deviceId,
        lastDeviceId: server.deviceId,
        createdAt: new Date(server.updatedAt),
        updatedAt: new Date(server.updatedAt),
      })
    }
  }
  return response
}
