import type { RegisterEvents } from '../events'
import type { SyncRepositories } from '../store/syncRepositories'
import type { BackoffPolicy } from './backoff'
import type { Enrollment } from './enrollment'
import type { HeartbeatSender } from './heartbeatSender'
import { runPullPhase, type BulkPullOptions } from './pullPhase'
import { runPushPhase } from './pushPhase'
import type { RuntimeState } from './statusView'
import { SyncRequestError } from './syncClient'

export interface SyncRunOptions {
  repositories: SyncRepositories
  enrollment: Enrollment
  heartbeat: HeartbeatSender
  events: RegisterEvents
  /** Shared with the status view: the run sets state and pull progress. */
  runtime: RuntimeState
  emitStatus(): void
  pullPageSize: number
  bulkPull: BulkPullOptions
  /** Push batch size this register prefers and batches in flight (pushPhase.ts has the defaults). */
  push?: { preferredBatchRecords?: number; lanes?: number }
  backoff: BackoffPolicy
  random(): number
  now(): Date
  log(message: string, error?: unknown): void
  /** A pull ran to the end: the register now holds every change up to this head sequence. */
  onCaughtUp(headSeq: number): void
}

/**
 * One sync run: push what is due (nothing due costs no request), pull from the cursor until
 * caught up, then report health. A failure ends the run
 * and is recorded as its outcome: offline when the server could not be reached, error otherwise.
 */
export function createSyncRun(options: SyncRunOptions): () => Promise<void> {
  const { repositories, enrollment, runtime, emitStatus } = options
  const { syncState } = repositories
  const iso = () => options.now().toISOString()

  return async function runOnce(): Promise<void> {
    const serverUrl = enrollment.enrolledServerUrl()
    if (!serverUrl) return
    const client = enrollment.clientFor(serverUrl)
    const deviceId = enrollment.device.deviceId
    const currency = repositories.identity.currency()
    const accessToken = enrollment.accessToken
    runtime.state = 'syncing'
    emitStatus()
    try {
      const push = await runPushPhase({
        outbox: repositories.outbox,
        records: repositories.records,
        pulled: repositories.pulled,
        client,
        deviceId,
        currency,
        accessToken,
        now: iso,
        nowMs: () => options.now().getTime(),
        backoff: options.backoff,
        random: options.random,
        onProgress: emitStatus,
        ...options.push,
      })
      if (push.failure) throw push.failure
      const pull = await runPullPhase({
        syncState,
        pulled: repositories.pulled,
        client,
        deviceId,
        currency,
        pageSize: options.pullPageSize,
        bulk: options.bulkPull,
        accessToken,
        now: iso,
        onPage: (progress) => {
          runtime.pull = progress
          emitStatus()
        },
      })
      if (pull.headSeq !== null) options.onCaughtUp(pull.headSeq)
      if (pull.orderIds.length > 0) options.events.emit('order:synced', { orderIds: pull.orderIds })
      if (pull.isStoreRulesChanged) options.events.emit('settings:changed', {})
      // The grid and the catalog screen read again: a price edited elsewhere shows at once.
      if (pull.catalogChanges > 0)
        options.events.emit('catalog:changed', { count: pull.catalogChanges })
      syncState.update({ lastSuccessAt: iso(), lastError: null, lastErrorAt: null }, iso())
      await options.heartbeat.send()
      runtime.state = 'idle'
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      runtime.state =
        error instanceof SyncRequestError && error.kind === 'unreachable' ? 'offline' : 'error'
      if (!(error instanceof SyncRequestError)) options.log('sync run failed', error)
      syncState.update({ lastError: message, lastErrorAt: iso() }, iso())
    } finally {
      runtime.pull = null
      emitStatus()
    }
  }
}
