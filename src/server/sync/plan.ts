import type { ChangeResult, ConflictPolicy, EntityName, SyncError } from '../../shared/sync'
import { decide } from './decide'
import { recordHash } from './hash'
import type { RecordRow } from './records'
import { toServerRecord } from './records'
import { entityRegistry } from './registry'

/** One record to apply, already validated against its entity schema. */
export interface PushItem {
  mutationId: string
  entity: EntityName
  id: string
  deleted: boolean
  data: unknown
  baseVersion: number
  /** Set by the seed endpoints: the seed's version rule applies instead of the policy. */
  clientVersion: number | null
}

export interface PushContext {
  storeId: string
  deviceId: string
  policies: Partial<Record<EntityName, ConflictPolicy>>
}

export interface RecordWrite {
  storeId: string
  entity: string
  id: string
  version: number
  seq: number
  hash: string
  data: unknown
  deleted: boolean
  writerId: string
  isNew: boolean
}

export interface ConflictWrite {
  id: string
  entity: string
  recordId: string
  baseVersion: number
  serverVersion: number
  clientData: unknown
  clientDeleted: boolean
}

/** What applying one record means, decided in memory before anything is written. */
export interface PlannedRecord {
  result: ChangeResult
  write: RecordWrite | null
  conflict: ConflictWrite | null
  /** The record as it will be after this write, for later records of the same batch. */
  after: RecordRow | null
}

export function baseResult(
  item: PushItem,
  current: Pick<RecordRow, 'version' | 'seq' | 'hash'> | null,
  status: ChangeResult['status'],
  error?: SyncError,
): ChangeResult {
  return {
    mutationId: item.mutationId,
    entity: item.entity,
    id: item.id,
    status,
    serverVersion: current?.version ?? null,
    serverSeq: current?.seq ?? null,
    serverHash: current?.hash ?? null,
    ...(error ? { error } : {}),
  }
}

const rejected = (item: PushItem, current: RecordRow | null, error: SyncError): PlannedRecord => ({
  result: baseResult(item, current, 'rejected', error),
  write: null,
  conflict: null,
  after: null,
})

/** The hash a record is stored under: of its data, or of null for a delete. */
export const itemHash = (item: PushItem): string => recordHash(item.deleted ? null : item.data)

/** A record whose data carries an id other than the record's own is refused before any decision. */
export function dataIdError(item: PushItem): SyncError | null {
  const declaration = entityRegistry[item.entity]
  const data = item.deleted ? null : item.data
  const dataId = declaration.dataId && data !== null ? declaration.dataId(data) : undefined
  if (dataId === undefined || dataId === item.id) return null
  return {
    code: 'ID_MISMATCH',
    message: `data.id ${dataId} differs from record id ${item.id}`,
    retryable: false,
  }
}

/** The store's configured policy for an entity, else the entity's own. */
export const policyOf = (context: PushContext, entity: EntityName): ConflictPolicy =>
  context.policies[entity] ?? entityRegistry[entity].policy

/**
 * DESIGN §3 rules 2, 5 and the entity's own rules, for one record against the server's current row:
 * a change made on the server (serverWrite.ts). A push decides the same inside the database
 * (af_push_batch in drizzle/server/0004_push_batch_function.sql).
 * `hash` is `itemHash(item)`, which a caller may compute ahead (outside its transaction).
 */
export function planRecord(
  context: PushContext,
  item: PushItem,
  current: RecordRow | null,
  nextSeq: number,
  hash = itemHash(item),
): PlannedRecord {
  const declaration = entityRegistry[item.entity]
  const data = item.deleted ? null : item.data
  const idError = dataIdError(item)
  if (idError) return rejected(item, current, idError)
  const policy = policyOf(context, item.entity)
  const decision = decide(
    current,
    {
      hash,
      deleted: item.deleted,
      baseVersion: item.baseVersion,
      clientVersion: item.clientVersion,
    },
    policy,
  )
  switch (decision.kind) {
    case 'duplicate':
      return {
        result: baseResult(item, current, 'duplicate'),
        write: null,
        conflict: null,
        after: null,
      }
    case 'conflict': {
      if (!current) throw new Error('conflict without a server record')
      const result: ChangeResult = {
        ...baseResult(item, current, 'conflict'),
        resolution: item.clientVersion !== null ? 'server-wins' : policy,
        serverRecord: toServerRecord(current),
      }
      if (!decision.stored) return { result, write: null, conflict: null, after: null }
      const conflict: ConflictWrite = {
        id: crypto.randomUUID(),
        entity: item.entity,
        recordId: item.id,
        baseVersion: item.baseVersion,
        serverVersion: current.version,
        clientData: data,
        clientDeleted: item.deleted,
      }
      return { result: { ...result, conflictId: conflict.id }, write: null, conflict, after: null }
    }
    case 'write': {
      const transitionError =
        current && declaration.checkTransition
          ? declaration.checkTransition(
              { data: current.data, deleted: current.deleted },
              { data, deleted: item.deleted },
            )
          : null
      if (transitionError && item.clientVersion !== null && current) {
        // A seed client knows success, conflict or failure, and retries a failure forever: a rule
        // that keeps the server's row is answered as the seed's SERVER_WINS conflict instead.
        return {
          result: {
            ...baseResult(item, current, 'conflict', transitionError),
            resolution: 'server-wins',
            serverRecord: toServerRecord(current),
          },
          write: null,
          conflict: null,
          after: null,
        }
      }
      if (transitionError) return rejected(item, current, transitionError)
      const write: RecordWrite = {
        storeId: context.storeId,
        entity: item.entity,
        id: item.id,
        version: decision.version,
        seq: nextSeq,
        hash,
        data,
        deleted: item.deleted,
        writerId: context.deviceId,
        isNew: current === null,
      }
      const now = new Date()
      const after: RecordRow = {
        storeId: context.storeId,
        entity: item.entity,
        id: item.id,
        version: write.version,
        seq: write.seq,
        hash,
        data,
        deleted: item.deleted,
        originDeviceId: current?.originDeviceId ?? context.deviceId,
        lastDeviceId: context.deviceId,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
      }
      return {
        result: {
          ...baseResult(item, after, 'applied'),
          ...(decision.resolution ? { resolution: decision.resolution } : {}),
        },
        write,
        conflict: null,
        after,
      }
    }
  }
}
