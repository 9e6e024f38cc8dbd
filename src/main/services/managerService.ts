import type { z } from 'zod'
import { PosError } from '../../shared/ipc/errors'
import type {
  ConflictView,
  RegisterHealth,
  ResolveConflictInput,
  SalesToday,
  StoreHealth,
} from '../../shared/ipc/managerSchemas'
import type { RegisterStore } from '../store/repositories'
import type { StatsDevice, StatsResponse, StoredConflict } from '../../shared/sync/health'
import { outboxHealth } from '../sync/heartbeat'
import { SyncRequestError } from '../sync/syncClient'
import type { SyncWorker } from '../sync/syncWorker'
import type { Actor, Authority } from './authority'

type StoreHealthView = z.infer<typeof StoreHealth>
type RegisterHealthView = z.infer<typeof RegisterHealth>
type ConflictViewItem = z.infer<typeof ConflictView>
type SalesTodayView = z.infer<typeof SalesToday>

/** A manager's screen asks often; a server that does not answer in this time counts as down. */
const serverTimeoutMs = 3_000
const topProductCount = 5

export const conflictResolvedAction = 'conflict.resolved'

export interface ManagerServiceOptions {
  store: RegisterStore
  sync: SyncWorker
  authority: Authority
  now: () => Date
}

export interface ManagerService {
  health(): Promise<StoreHealthView>
  conflicts(): Promise<ConflictViewItem[]>
  resolveConflict(input: z.infer<typeof ResolveConflictInput>): Promise<ConflictViewItem[]>
  salesToday(): SalesTodayView
}

function requireManager(authority: Authority): Actor {
  const actor = authority.requireSignedIn()
  if (actor.role === 'cashier')
    throw new PosError('FORBIDDEN', 'Only a manager can open the manager console.')
  return actor
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** A server failure as the manager should read it. */
function serverError(error: unknown, doing: string): PosError {
  if (!(error instanceof SyncRequestError)) throw error
  if (error.kind === 'unreachable')
    return new PosError(
      'SYNC_UNREACHABLE',
      `The sync server cannot be reached, so ${doing} is not possible now. Try again when this register is back online.`,
    )
  return new PosError('SYNC_REFUSED', `The sync server refused: ${error.message}`)
}

/** "Espresso" for a product, "S01-A-000012" for an order: what a manager recognises. */
function conflictLabel(store: RegisterStore, conflict: StoredConflict): string {
  for (const data of [conflict.serverData, conflict.clientData]) {
    if (!data || typeof data !== 'object') continue
    const record = data as { name?: unknown; order?: { orderNumber?: unknown } }
    if (typeof record.order?.orderNumber === 'string') return record.order.orderNumber
    if (typeof record.name === 'string' && record.name) return record.name
  }
  return store.records.recordLabel(conflict.entity, conflict.id)
}

/** Local midnight to the next local midnight of the register's clock, as ISO UTC bounds. */
function localDay(now: Date): { date: string; fromIso: string; toIso: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate())
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1)
  const pad = (value: number) => String(value).padStart(2, '0')
  return {
    date: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`,
    fromIso: start.toISOString(),
    toIso: end.toISOString(),
  }
}

export function createManagerService(options: ManagerServiceOptions): ManagerService {
  const { store, sync, authority } = options
  // The last good answer from the server, shown (marked stale) while it cannot be reached.
  let cachedStats: { stats: StatsResponse; fetchedAt: string } | null = null

  const isEnrolled = () => sync.status().enrollment === 'enrolled'

  async function fetchStats(): Promise<StatsResponse> {
    const stats = await sync.withServer((client, token) => client.stats(token, serverTimeoutMs))
    cachedStats = { stats, fetchedAt: options.now().toISOString() }
    return stats
  }

  /** This register from its own outbox, with the server's view of it where there is one. */
  function thisRegister(server: StatsDevice | undefined): RegisterHealthView {
    const local = outboxHealth(store.syncOutbox)
    const device = sync.device
    return {
      deviceId: device.deviceId,
      name: server?.name ?? `Register ${device.registerCode}`,
      registerCode: device.registerCode,
      isThisRegister: true,
      isRevoked: server?.isRevoked ?? sync.status().enrollment === 'revoked',
      lastSeenAt: server?.lastSeenAt ?? null,
      pending: local.pending,
      oldestPendingAt: local.oldestPendingAt,
      cursorLag: server?.cursorLag ?? 0,
      deadRecords: local.deadRecords,
      deadReasons: local.deadReasons,
      openConflicts: server?.openConflicts ?? 0,
      reportedAt: options.now().toISOString(),
    }
  }

  function otherRegister(device: StatsDevice): RegisterHealthView {
    return {
      deviceId: device.deviceId,
      name: device.name,
      registerCode: device.registerCode,
      isThisRegister: false,
      isRevoked: device.isRevoked,
      lastSeenAt: device.lastSeenAt,
      // Never reported (reportedAt null): shown as nothing known to be waiting.
      pending: device.pending ?? 0,
      oldestPendingAt: device.oldestPendingAt,
      cursorLag: device.cursorLag,
      deadRecords: device.deadRecords ?? 0,
      deadReasons: device.deadReasons,
      openConflicts: device.openConflicts,
      reportedAt: device.reportedAt,
    }
  }

  function registersOf(stats: StatsResponse | null): RegisterHealthView[] {
    const ownId = sync.device.deviceId
    const devices = stats?.devices ?? []
    const own = devices.find((device) => device.deviceId === ownId)
    const rows = devices.map((device) =>
      device.deviceId === ownId ? thisRegister(device) : otherRegister(device),
    )
    return own ? rows : [thisRegister(undefined), ...rows]
  }

  async function listConflicts(): Promise<ConflictViewItem[]> {
    if (!isEnrolled()) return []
    const [listed, stats] = await Promise.all([
      sync.withServer((client, token) => client.conflicts(token, serverTimeoutMs)),
      // Only for device names: an old list of names is good enough.
      fetchStats().catch(() => cachedStats?.stats ?? null),
    ]).catch((error: unknown) => {
      throw serverError(error, 'listing conflicts')
    })
    const names = new Map(stats?.devices.map((device) => [device.deviceId, device.name]))
    return listed.conflicts.map((conflict) => ({
      id: conflict.conflictId,
      entity: conflict.entity,
      recordId: conflict.id,
      label: conflictLabel(store, conflict),
      deviceName: names.get(conflict.deviceId) ?? null,
      serverVersion: conflict.serverVersion,
      serverData: conflict.serverDeleted ? null : conflict.serverData,
      deviceData: conflict.clientDeleted ? null : conflict.clientData,
      createdAt: conflict.createdAt,
    }))
  }

  return {
    async health() {
      requireManager(authority)
      if (!isEnrolled())
        return {
          serverReachable: false,
          enrolled: false,
          fetchedAt: null,
          error: null,
          headSeq: null,
          registers: registersOf(null),
        }
      try {
        const stats = await fetchStats()
        return {
          serverReachable: true,
          enrolled: true,
          fetchedAt: cachedStats?.fetchedAt ?? null,
          error: null,
          headSeq: stats.headSeq,
          registers: registersOf(stats),
        }
      } catch (error) {
        if (!(error instanceof SyncRequestError)) throw error
        return {
          serverReachable: false,
          enrolled: true,
          fetchedAt: cachedStats?.fetchedAt ?? null,
          error: messageOf(error),
          headSeq: cachedStats?.stats.headSeq ?? null,
          registers: registersOf(cachedStats?.stats ?? null),
        }
      }
    },

    async conflicts() {
      requireManager(authority)
      return listConflicts()
    },

    async resolveConflict(input) {
      const actor = requireManager(authority)
      if (!isEnrolled())
        throw new PosError(
          'SYNC_REFUSED',
          'This register is not enrolled with a sync server, so it has no conflicts to resolve.',
        )
      try {
        await sync.withServer((client, token) =>
          client.resolveConflict(
            token,
            {
              conflictId: input.conflictId,
              resolution: input.resolution,
              ...(input.resolution === 'merge' ? { mergedData: input.mergedData } : {}),
            },
            serverTimeoutMs,
          ),
        )
      } catch (error) {
        if (error instanceof SyncRequestError && error.kind === 'refused') {
          if (error.status === 404)
            throw new PosError('NOT_FOUND', 'That conflict is no longer there.', 'conflictId')
          if (error.status === 409)
            throw new PosError('CONFLICT', 'Someone already resolved that conflict.', 'conflictId')
          if (error.status === 400 || error.status === 422)
            throw new PosError(
              'VALIDATION_FAILED',
              `The server did not accept that version: ${error.message}`,
              input.resolution === 'merge' ? 'mergedData' : 'conflictId',
            )
        }
        throw serverError(error, 'resolving the conflict')
      }
      store.transaction((repositories) => {
        authority.audit(repositories.audit, {
          action: conflictResolvedAction,
          actor,
          subjectId: input.conflictId,
          details: { resolution: input.resolution },
        })
      })
      sync.notifyLocalCommit()
      return listConflicts()
    },

    salesToday() {
      requireManager(authority)
      const now = options.now()
      const { date, fromIso, toIso } = localDay(now)
      const range = { fromIso, toIso }
      const totals = store.salesReport.salesTotals(range)
      const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, totalCents: 0, count: 0 }))
      for (const bucket of store.salesReport.salesByMinute(range)) {
        const slot = byHour[new Date(`${bucket.minute}:00.000Z`).getHours()]
        if (!slot) continue
        slot.totalCents += bucket.totalCents
        slot.count += bucket.saleCount
      }
      return {
        date,
        currency: store.settings.getStoreSettings().currency,
        totalCents: totals.saleCents + totals.refundCents,
        orderCount: totals.saleCount,
        byHour,
        byMethod: store.salesReport.salesByMethod(range),
        topProducts: store.salesReport.topProducts(range, topProductCount),
      }
    },
  }
}
