import type { z } from 'zod'
import type { EnrollInput } from '../../shared/ipc/syncSchemas'
import { BULK_PULL_BEHIND, BULK_PULL_LIMIT, REGISTER_PULL_LIMIT } from '../../shared/sync/protocol'
import type { RegisterEvents } from '../events'
import type { DeviceIdentity } from '../store/identityRepository'
import type { DeadLetter, SyncRepositories } from '../store/syncRepositories'
import { defaultBackoff, type BackoffPolicy } from './backoff'
import { createEnrollment } from './enrollment'
import { createHeartbeatSender } from './heartbeatSender'
import { createRealtimeLink } from './realtimeLink'
import { createSyncScheduler } from './scheduler'
import { createStatusReporter, type RuntimeState, type StatusView } from './statusView'
import type { SyncClient } from './syncClient'
import type { BulkPullOptions } from './pullPhase'
import { createSyncRun } from './syncRun'

/** Records a first sync applies per transaction (bounds what it holds in memory, too). */
const BULK_TRANSACTION_ROWS = 20_000

export interface SyncWorkerOptions {
  repositories: SyncRepositories
  device: DeviceIdentity
  events: RegisterEvents
  fingerprint: string
  /** Safety-net sync period (pokes and local commits trigger sooner). */
  intervalMs?: number
  /** The most a local commit is ever held back before its push (default 250 ms). */
  commitDebounceMs?: number
  /**
   * A commit during a run or this soon after one is part of a burst and waits for the window to
   * close, so the burst goes out as one push; a commit to an idle outbox pushes at once (20 ms).
   */
  commitBurstWindowMs?: number
  pullPageSize?: number
  /** A first sync's page size, how far behind counts as one, and its transaction size. */
  bulkPull?: Partial<BulkPullOptions>
  /** Records per push this register prefers (the server's advertised maximum caps it). */
  pushBatchRecords?: number
  /** Push batches in flight at once. */
  pushLanes?: number
  isRealtimeEnabled?: boolean
  backoff?: BackoffPolicy
  requestTimeoutMs?: number
  /** Reported to the server with each heartbeat. */
  appVersion?: string
  /** A heartbeat repeating the last report waits at least this long (a changed one goes at once). */
  heartbeatIntervalMs?: number
  now?: () => Date
  random?: () => number
  log?: (message: string, error?: unknown) => void
}

export interface SyncWorker {
  /** Starts timers and the realtime socket; returns the function that stops them. */
  start(): () => Promise<void>
  /** Runs a sync now (or joins the one running and then runs once more) and returns the status after it. */
  runNow(): Promise<StatusView>
  notifyLocalCommit(): void
  enroll(input: z.output<typeof EnrollInput>): Promise<StatusView>
  status(): StatusView
  deadList(): DeadLetter[]
  retryDead(ids?: readonly number[]): StatusView
  /**
   * Calls the sync server with this register's access token (refreshed as a push would be, and
   * once more after a 401). Throws SyncRequestError; 'unauthorized' when not enrolled.
   */
  withServer<T>(request: (client: SyncClient, accessToken: string) => Promise<T>): Promise<T>
  readonly device: DeviceIdentity
}

/** Wires enrollment, the run, its scheduler, the realtime socket and heartbeats into one worker. */
export function createSyncWorker(options: SyncWorkerOptions): SyncWorker {
  const { repositories, events, fingerprint } = options
  const { outbox, syncState } = repositories
  const now = options.now ?? (() => new Date())
  const iso = () => now().toISOString()
  const log = options.log ?? ((message, error) => console.warn(message, error ?? ''))
  const runtime: RuntimeState = { state: 'idle', pull: null, isRealtimeConnected: false }

  outbox.requeueInFlight(iso())

  // Pokes name the store's head after the commit. The register remembers the head its last
  // complete pull reached; a poke at or below it (its own push echoed back, or a change a run
  // already pulled) needs no run. Both are per store and per server, so a new enrollment or a
  // reconnect (the server may have been restored) forgets them.
  let caughtUpSeq: number | null = null
  let pokedSeq = 0
  const isBehindPoke = () => caughtUpSeq === null || pokedSeq > caughtUpSeq
  const forgetHeads = () => {
    caughtUpSeq = null
    pokedSeq = 0
  }

  const reporter = createStatusReporter({ syncState, outbox, fingerprint, runtime, events })
  const enrollment = createEnrollment({
    syncState,
    identity: repositories.identity,
    device: options.device,
    fingerprint,
    now,
    requestTimeoutMs: options.requestTimeoutMs,
    onRevoked: () => void reporter.emit(),
  })
  const heartbeat = createHeartbeatSender({
    outbox,
    registerCode: () => enrollment.device.registerCode,
    appVersion: options.appVersion ?? 'unknown',
    intervalMs: options.heartbeatIntervalMs ?? 5_000,
    nowMs: () => now().getTime(),
    withServer: enrollment.withServer,
    log,
  })
  const scheduler = createSyncScheduler({
    run: createSyncRun({
      repositories,
      enrollment,
      heartbeat,
      events,
      runtime,
      emitStatus: () => void reporter.emit(),
      pullPageSize: options.pullPageSize ?? REGISTER_PULL_LIMIT,
      bulkPull: {
        pageSize: BULK_PULL_LIMIT,
        behind: BULK_PULL_BEHIND,
        transactionRows: BULK_TRANSACTION_ROWS,
        ...options.bulkPull,
      },
      push: { preferredBatchRecords: options.pushBatchRecords, lanes: options.pushLanes },
      backoff: options.backoff ?? defaultBackoff,
      random: options.random ?? Math.random,
      now,
      log,
      onCaughtUp: (headSeq) => {
        caughtUpSeq = headSeq
      },
    }),
    intervalMs: options.intervalMs ?? 30_000,
    commitDebounceMs: options.commitDebounceMs ?? 250,
    commitBurstWindowMs: options.commitBurstWindowMs,
  })
  const realtime = createRealtimeLink({
    isEnabled: options.isRealtimeEnabled !== false,
    enrolledServerUrl: enrollment.enrolledServerUrl,
    accessToken: enrollment.accessToken,
    onHello: () => {
      // A reconnect runs whatever the head says: pending sales may be waiting and the state shown
      // is offline until a run proves otherwise.
      forgetHeads()
      void scheduler.trigger()
    },
    onPoke: (headSeq) => {
      if (headSeq === undefined) {
        void scheduler.trigger()
        return
      }
      pokedSeq = Math.max(pokedSeq, headSeq)
      void scheduler.trigger(isBehindPoke)
    },
    runtime,
    emitStatus: () => void reporter.emit(),
    random: options.random,
  })

  return {
    get device() {
      return enrollment.device
    },
    start() {
      const stopRealtime = realtime.start()
      const stopScheduler = scheduler.start()
      return async () => {
        const stopped = stopScheduler()
        stopRealtime()
        await stopped
        await enrollment.close()
      }
    },
    async runNow() {
      await scheduler.trigger()
      return reporter.status()
    },
    notifyLocalCommit() {
      reporter.emit()
      scheduler.afterCommit()
    },
    async enroll(input) {
      await enrollment.enroll(input)
      forgetHeads()
      heartbeat.reset()
      realtime.reconnect()
      await scheduler.trigger()
      return reporter.status()
    },
    status: reporter.status,
    withServer: enrollment.withServer,
    deadList: () => outbox.listDead(),
    retryDead(ids) {
      outbox.retryDead(iso(), ids)
      const view = reporter.emit()
      if (scheduler.isStarted) void scheduler.trigger()
      return view
    },
  }
}
