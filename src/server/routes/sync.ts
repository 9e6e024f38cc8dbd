import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  BatchPushRequest,
  HeartbeatRequest,
  MAX_BATCH_RECORDS,
  DEFAULT_PULL_LIMIT,
  PullChangesQuery,
  ResolveConflictRequest,
} from '../../shared/sync'
import type {
  BatchPushResponse,
  ConflictListResponse,
  EntityName,
  HeartbeatResponse,
  SyncError,
  ResolveConflictResponse,
  StatsResponse,
} from '../../shared/sync'
import {
  assertSameDevice,
  authenticate,
  requireDevice,
  storeInScope,
  verifyDeviceToken,
} from '../auth/principal'
import {
  HttpError,
  findUnstorableValue,
  issuesOf,
  parseOrThrow,
  refuseUnstorableValues,
  validationError,
} from '../http/errors'
import type { Issue } from '../http/errors'
import { encodeSyncToken, parseSince } from '../sync/cursor'
import { findConflictEntity, listConflicts } from '../sync/conflicts'
import { pullChangesJson, recordDeviceCursor } from '../sync/pull'
import type { PushItem } from '../sync/push'
import { baseResult } from '../sync/plan'
import { toServerRecord } from '../sync/records'
import { entityRegistry } from '../sync/registry'
import { recordHeartbeat } from '../sync/heartbeat'
import { resolveConflict } from '../sync/resolve'
import { storeStats } from '../sync/stats'
import type { RouteContext } from './context'
import { runPush } from './runPush'

const StoreQuery = z.strictObject({ storeId: z.string().optional() })
const ConflictListQuery = z.strictObject({
  storeId: z.string().optional(),
  status: z.enum(['open', 'resolved']).optional(),
})

export function tooManyRecords(count: number, max: number = MAX_BATCH_RECORDS): HttpError {
  return new HttpError(
    413,
    'BATCH_TOO_LARGE',
    `a push carries at most ${max} records (an order with its items and payments is one); got ${count}`,
  )
}

/** One change of a push: the item to apply, or why it is refused on its own. */
interface PushEntry {
  item: PushItem
  refusal: SyncError | null
}

/**
 * Validates every change's data against its entity's schema; any failure rejects the whole body.
 * A value nothing can store (NUL, a lone surrogate, a number that overflowed to Infinity) inside
 * one change's data refuses that change alone, so the rest of the push still applies.
 */
function parsePushBody(
  body: unknown,
  maxRecords: number,
): { deviceId: string; entries: PushEntry[] } {
  const changes = (body as { changes?: unknown } | null)?.changes
  if (Array.isArray(changes) && changes.length > maxRecords)
    throw tooManyRecords(changes.length, maxRecords)
  const refusals = new Map<number, SyncError>()
  if (Array.isArray(changes)) {
    changes.forEach((change: unknown, index) => {
      if (change === null || typeof change !== 'object' || !('data' in change)) return
      const issue = findUnstorableValue(change.data)
      if (issue)
        refusals.set(index, {
          code: 'INVALID_VALUE',
          message: `data${issue.path === '(root)' ? '' : `.${issue.path}`}: ${issue.message}`,
          retryable: false,
        })
    })
    refuseUnstorableValues(
      { ...(body as object), changes: changes.map((change: unknown) => withoutData(change)) },
      'push',
    )
  } else {
    refuseUnstorableValues(body, 'push')
  }
  const request = parseOrThrow(BatchPushRequest, body, 'push')
  const issues: Issue[] = []
  const entries = request.changes.map((change, index): PushEntry => {
    const refusal = refusals.get(index) ?? null
    let data: unknown = null
    if (refusal) {
      // Answered on its own below.
    } else if (change.op === 'upsert') {
      const parsed = entityRegistry[change.entity].schema.safeParse(change.data)
      if (parsed.success) data = parsed.data
      else issues.push(...issuesOf(parsed.error, ['changes', index, 'data']))
    } else if (change.data !== undefined) {
      issues.push({ path: `changes.${index}.data`, message: 'a delete carries no data' })
    }
    return {
      item: {
        mutationId: change.mutationId,
        entity: change.entity,
        id: change.id,
        deleted: change.op === 'delete',
        data,
        baseVersion: change.baseVersion,
        clientVersion: null,
      },
      refusal,
    }
  })
  if (issues.length > 0) throw validationError(issues, 'push')
  return { deviceId: request.deviceId, entries }
}

function withoutData(change: unknown): unknown {
  if (change === null || typeof change !== 'object' || Array.isArray(change)) return change
  const { data: _data, ...rest } = change as Record<string, unknown>
  return rest
}

export function registerSyncRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, bus } = context

  app.post(
    '/api/sync/batch-push',
    { config: { hasRecordData: true } },
    async (request): Promise<BatchPushResponse> => {
      const device = await verifyDeviceToken(signer, request)
      const { deviceId, entries } = parsePushBody(request.body, context.config.maxPushRecords)
      assertSameDevice(device, deviceId)
      const toApply = entries.filter((entry) => !entry.refusal).map((entry) => entry.item)
      const outcome = await runPush(context, device, toApply, request.log)
      let next = 0
      const results = entries.map(({ item, refusal }) =>
        refusal ? baseResult(item, null, 'rejected', refusal) : outcome.results[next++]!,
      )
      return {
        results,
        headSeq: outcome.headSeq,
        maxBatchRecords: context.config.maxPushRecords,
      }
    },
  )

  // The body is built as text: the changes come serialised from the database (pullChangesJson), so
  // record data is never parsed and re-stringified here. Its shape is PullChangesResponse.
  app.get('/api/sync/pull-changes', async (request, reply) => {
    const device = requireDevice(await authenticate(db, signer, request))
    const query = parseOrThrow(PullChangesQuery, request.query, 'query')
    const since = parseSince(query.since, device.storeId, false)
    if (since.kind === 'invalid') throw new HttpError(400, 'INVALID_TOKEN', since.reason)
    const page = await pullChangesJson(db, {
      storeId: device.storeId,
      since,
      limit: query.limit ?? DEFAULT_PULL_LIMIT,
    })
    if (page.kind === 'reset')
      throw new HttpError(410, 'RESET', `${page.reason}: resync this store from an empty cursor`)
    await recordDeviceCursor(db, device.deviceId, page.nextSeq)
    const nextSyncToken = JSON.stringify(encodeSyncToken(device.storeId, page.nextSeq))
    return reply
      .type('application/json; charset=utf-8')
      .send(
        `{"changes":${page.changesJson},"nextSyncToken":${nextSyncToken},` +
          `"hasMore":${page.hasMore},"headSeq":${page.headSeq}}`,
      )
  })

  app.post('/api/sync/resolve-conflict', async (request): Promise<ResolveConflictResponse> => {
    const principal = await authenticate(db, signer, request)
    refuseUnstorableValues(request.body, 'resolution')
    const body = parseOrThrow(ResolveConflictRequest, request.body, 'resolution')
    const storeId = await storeInScope(
      db,
      principal,
      parseOrThrow(StoreQuery, request.query, 'query').storeId,
    )
    const pendingEntity = await findConflictEntity(db, storeId, body.conflictId)
    if (pendingEntity === undefined) throw new HttpError(404, 'NOT_FOUND', 'conflict not found')
    let mergedData: unknown = null
    if (body.resolution === 'merge') {
      mergedData = parseOrThrow(
        entityRegistry[pendingEntity as EntityName].schema,
        body.mergedData,
        'mergedData',
      )
    }
    const resolvedBy =
      principal.kind === 'device' ? principal.deviceId : `admin:${principal.adminId}`
    const outcome = await resolveConflict(db, {
      storeId,
      conflictId: body.conflictId,
      resolution: body.resolution,
      mergedData,
      resolvedBy,
    })
    switch (outcome.kind) {
      case 'not-found':
        throw new HttpError(404, 'NOT_FOUND', 'conflict not found')
      case 'already-resolved':
        throw new HttpError(409, 'ALREADY_RESOLVED', 'conflict already resolved')
      case 'rejected':
        throw new HttpError(422, outcome.error.code, outcome.error.message)
      case 'resolved':
        if (outcome.isChanged) bus.publish({ type: 'poke', storeId, headSeq: outcome.headSeq })
        return {
          success: true,
          conflictId: outcome.conflict.id,
          resolution: outcome.conflict.resolution,
          record: outcome.record ? toServerRecord(outcome.record) : null,
        }
    }
  })

  app.get('/api/sync/conflicts', async (request): Promise<ConflictListResponse> => {
    const principal = await authenticate(db, signer, request)
    const query = parseOrThrow(ConflictListQuery, request.query, 'query')
    const storeId = await storeInScope(db, principal, query.storeId)
    const rows = await listConflicts(db, storeId, query.status ?? 'open')
    return {
      conflicts: rows.map(({ conflict, serverData, serverDeleted }) => ({
        conflictId: conflict.id,
        entity: conflict.entity,
        id: conflict.recordId,
        deviceId: conflict.deviceId,
        baseVersion: conflict.baseVersion,
        serverVersion: conflict.serverVersion,
        clientData: conflict.clientData,
        clientDeleted: conflict.clientDeleted,
        serverData: serverData ?? null,
        serverDeleted: serverDeleted ?? false,
        status: conflict.status,
        resolution: conflict.resolution,
        createdAt: conflict.createdAt.toISOString(),
      })),
    }
  })

  app.post('/api/sync/heartbeat', async (request): Promise<HeartbeatResponse> => {
    // Reads the device row (not just the token), so a revoked register stops reporting at once.
    const device = requireDevice(await authenticate(db, signer, request))
    refuseUnstorableValues(request.body, 'heartbeat')
    const report = parseOrThrow(HeartbeatRequest, request.body, 'heartbeat')
    const reportedAt = await recordHeartbeat(db, device.deviceId, report)
    return { reportedAt: reportedAt.toISOString() }
  })

  app.get('/api/sync/stats', async (request): Promise<StatsResponse> => {
    const principal = await authenticate(db, signer, request)
    const storeId = await storeInScope(
      db,
      principal,
      parseOrThrow(StoreQuery, request.query, 'query').storeId,
    )
    const stats = await storeStats(db, storeId)
    if (!stats) throw new HttpError(404, 'NOT_FOUND', 'store not found')
    return stats
  })
}
