import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  AdminConflictQuery,
  AdminResolveBody,
  OFFLINE_AFTER_MS,
  SyncHealthQuery,
  healthVerdict,
} from '../../shared/backoffice/syncHealth'
import type {
  AdminConflict,
  AdminConflictListReply,
  AdminResolveReply,
  StoreHealth,
  SyncHealthReply,
} from '../../shared/backoffice/syncHealth'
import type { EntityName } from '../../shared/sync'
import type { AdminPrincipal } from '../auth/principal'
import { adminCoversStore } from '../auth/principal'
import { selectStoreDetails, type StoreDetailRow } from '../db/backofficeRepository'
import type { Database } from '../db/connection'
import type { syncConflicts } from '../db/schema'
import {
  findConflictStoreId,
  selectConnectedDeviceIds,
  selectDeviceNames,
} from '../db/syncHealthRepository'
import { HttpError, parseOrThrow, refuseUnstorableValues } from '../http/errors'
import { findConflictEntity, listConflicts } from '../sync/conflicts'
import { toServerRecord } from '../sync/records'
import { entityRegistry } from '../sync/registry'
import { resolveConflict } from '../sync/resolve'
import { storeStats } from '../sync/stats'
import { notFound, requireAdmin, requireStoreInScope, scopeFilterFor } from './adminScope'
import type { RouteContext } from './context'

const ConflictParams = z.strictObject({ id: z.uuid() })

type ConflictRow = typeof syncConflicts.$inferSelect

/** The stores a request covers: one named store (404 outside the scope) or the whole scope. */
async function storesOf(
  db: Database,
  admin: AdminPrincipal,
  query: { storeId?: string | undefined; tenantId?: string | undefined },
): Promise<StoreDetailRow[]> {
  const { storeId } = query
  const filter = scopeFilterFor(admin, query.tenantId)
  if (storeId) await requireStoreInScope(db, admin, storeId)
  return selectStoreDetails(db, storeId ? { storeId } : filter)
}

function conflictView(
  conflict: ConflictRow,
  server: { data: unknown; deleted: boolean },
  store: Pick<StoreDetailRow, 'id' | 'code' | 'name'>,
  deviceNames: Map<string, string>,
): AdminConflict {
  return {
    conflictId: conflict.id,
    entity: conflict.entity,
    id: conflict.recordId,
    deviceId: conflict.deviceId,
    baseVersion: conflict.baseVersion,
    serverVersion: conflict.serverVersion,
    clientData: conflict.clientData,
    clientDeleted: conflict.clientDeleted,
    serverData: server.data ?? null,
    serverDeleted: server.deleted,
    status: conflict.status,
    resolution: conflict.resolution,
    createdAt: conflict.createdAt.toISOString(),
    storeId: store.id,
    storeCode: store.code,
    storeName: store.name,
    deviceName: deviceNames.get(conflict.deviceId) ?? null,
    resolvedBy: conflict.resolvedBy,
    resolvedAt: conflict.resolvedAt?.toISOString() ?? null,
  }
}

/**
 * Sync health of every register in the stores an admin may see, and the conflicts queue, settled
 * through the same resolve path the register's manager console uses (recorded as the admin). A
 * store or conflict outside the caller's scope answers 404.
 */
export function registerAdminSyncHealthRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config, bus } = context
  const rateLimit = {
    max: config.backofficeRateLimit.max,
    timeWindow: config.backofficeRateLimit.windowMs,
  }

  app.get('/api/admin/sync-health', { config: { rateLimit } }, async (request) => {
    const admin = await requireAdmin(db, signer, request)
    const query = parseOrThrow(SyncHealthQuery, request.query, 'query')
    const storeRows = await storesOf(db, admin, query)
    const connected = await selectConnectedDeviceIds(
      db,
      storeRows.map((store) => store.id),
    )
    const checkedAt = new Date()
    const stores: StoreHealth[] = []
    for (const store of storeRows) {
      const stats = await storeStats(db, store.id)
      if (!stats) continue
      stores.push({
        storeId: store.id,
        code: store.code,
        name: store.name,
        headSeq: stats.headSeq,
        openConflicts: stats.openConflicts,
        registers: stats.devices.map((device) => {
          // A connection row left open by a crashed instance stops counting once its register
          // goes quiet: a live register is seen every few seconds (heartbeats, pulls).
          const isConnected =
            connected.has(device.deviceId) &&
            device.lastSeenAt !== null &&
            checkedAt.getTime() - Date.parse(device.lastSeenAt) <= OFFLINE_AFTER_MS
          return {
            ...device,
            isConnected,
            verdict: healthVerdict({ ...device, isConnected }, checkedAt.getTime()),
          }
        }),
      })
    }
    const reply: SyncHealthReply = { checkedAt: checkedAt.toISOString(), stores }
    return reply
  })

  app.get('/api/admin/conflicts', { config: { rateLimit } }, async (request) => {
    const admin = await requireAdmin(db, signer, request)
    const query = parseOrThrow(AdminConflictQuery, request.query, 'query')
    const storeRows = await storesOf(db, admin, query)
    const deviceNames = await selectDeviceNames(
      db,
      storeRows.map((store) => store.id),
    )
    const conflicts: AdminConflict[] = []
    for (const store of storeRows) {
      const rows = await listConflicts(db, store.id, query.status)
      for (const row of rows)
        conflicts.push(
          conflictView(
            row.conflict,
            { data: row.serverData, deleted: row.serverDeleted ?? false },
            store,
            deviceNames,
          ),
        )
    }
    conflicts.sort((left, right) => right.createdAt.localeCompare(left.createdAt))
    const reply: AdminConflictListReply = { conflicts }
    return reply
  })

  app.post('/api/admin/conflicts/:id/resolve', { config: { rateLimit } }, async (request) => {
    const admin = await requireAdmin(db, signer, request)
    const { id } = parseOrThrow(ConflictParams, request.params, 'path')
    const storeId = await findConflictStoreId(db, id)
    if (!storeId || !(await adminCoversStore(db, admin, storeId))) throw notFound('conflict')
    refuseUnstorableValues(request.body, 'resolution')
    const body = parseOrThrow(AdminResolveBody, request.body, 'resolution')
    const entity = await findConflictEntity(db, storeId, id)
    if (entity === undefined) throw notFound('conflict')
    // Merged data is checked like a pushed change: the entity's own schema, field by field.
    const mergedData =
      body.resolution === 'merge'
        ? parseOrThrow(entityRegistry[entity as EntityName].schema, body.data, 'data')
        : null
    const outcome = await resolveConflict(db, {
      storeId,
      conflictId: id,
      resolution: body.resolution === 'take-device' ? 'take-client' : body.resolution,
      mergedData,
      resolvedBy: `admin:${admin.adminId}`,
    })
    switch (outcome.kind) {
      case 'not-found':
        throw notFound('conflict')
      case 'already-resolved':
        throw new HttpError(409, 'ALREADY_RESOLVED', 'conflict already resolved')
      case 'rejected':
        throw new HttpError(422, outcome.error.code, outcome.error.message)
      case 'resolved': {
        // Registers pull the settled record at once, as after a push.
        if (outcome.isChanged) bus.publish({ type: 'poke', storeId, headSeq: outcome.headSeq })
        const [store] = await selectStoreDetails(db, { storeId })
        if (!store) throw notFound('store')
        const reply: AdminResolveReply = {
          conflict: conflictView(
            outcome.conflict,
            { data: outcome.record?.data ?? null, deleted: outcome.record?.deleted ?? false },
            store,
            await selectDeviceNames(db, [storeId]),
          ),
          record: outcome.record ? toServerRecord(outcome.record) : null,
        }
        return reply
      }
    }
  })
}
