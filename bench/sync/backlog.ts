import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PREFERRED_PUSH_RECORDS, PUSH_LANES } from '../../src/main/sync/pushPhase'
import { rowsOf } from '../../src/server/db/connection'
import type { Durability } from '../durability'
import { compare, summarize, type Compared, type LatencySummary, type Reference } from '../stats'
import type { BenchServer, DatabaseKind } from './benchServer'
import type { EnrollResult, OpenResult, RegisterSyncSettings, SeedResult } from './protocol'
import { measureRawIngest, round, type RawIngestResult } from './rawIngest'
import { spawnRegister, type RegisterHandle } from './registerHandle'
import type { SyncBenchOptions } from './options'

export interface BacklogResult {
  database: DatabaseKind
  /** `PostgreSQL`, `PGlite`, or `PostgreSQL fsync=off` for the extra row. */
  label: string
  /** Server database and register SQLite, as each reported its settings. */
  durability: { server: Durability; register: Durability }
  /** Records per push the register asked for, and batches it kept in flight. */
  batchRecords: number
  lanes: number
  /** Largest push the server saw: the negotiated size (the first push of a run sends 50). */
  largestPush: number
  orders: number
  seedSeconds: number
  /** First sync run start → last order acknowledged. */
  drainSeconds: number
  ordersPerSecond: number
  batches: number
  /** Register's full cycle per batch: claim + read + HTTP + settle + status. */
  perBatch: LatencySummary
  /** Where a batch's time goes, means in ms. */
  perBatchPhasesMs: {
    localBeforeSend: number
    http: number
    serverHandler: number
    wireAndParse: number
    localAfterReply: number
  }
  serverHandler: LatencySummary
  /** batch-push round trip as the register's HTTP client saw it. */
  http: LatencySummary
  /** The same run then pulls its own orders back (every pull returns the store's changes). */
  pullBackSeconds: number
  pulledBack: number
  enrollToIdleSeconds: number
  serverOrders: number
  raw: RawIngestResult | null
  /** Backlog orders/s over raw ingest orders/s; the target is at least 0.5. */
  ratioToRaw: number
  /** orders/s against the raw 50-row INSERT ceiling measured in the same run. */
  compared: Compared
  lastError: string | null
  /** Grid only: which pass over the cells this drain was. */
  round?: number
}

export interface BacklogRun {
  /** Pending orders (default: the options' backlogOrders). */
  orders?: number
  /** Records per push the register prefers (default: its own, pushPhase.ts). */
  batchRecords?: number
  /** Push batches in flight (default: the register's own). */
  lanes?: number
  /**
   * The ceiling to compare with, measured earlier in this run; without one the raw ingest of the
   * very rows just pushed is measured after the drain.
   */
  reference?: Reference
}

/** The raw ingest ceiling as a reference for orders/s. */
export function rawReference(raw: RawIngestResult): Reference {
  return {
    name: `raw ${raw.batchSize}-row INSERT, 1 tx/batch`,
    value: raw.ordersPerSecond,
    unit: 'orders/s',
  }
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : round(values.reduce((sum, value) => sum + value, 0) / values.length)

/** One register process with its own folder and store, kept across grid cells. */
export interface BacklogSession {
  register: RegisterHandle
  dir: string
  storeId: string
  code: string
  opened: OpenResult
  isEnrolled: boolean
  /** Outbox entries the register had synced, and orders the store held, before this drain. */
  syncedBefore: number
  ordersBefore: number
}

function syncSettings(options: SyncBenchOptions, settings: BacklogRun): RegisterSyncSettings {
  return {
    intervalMs: 3_600_000,
    commitDebounceMs: options.commitDebounceMs,
    pullPageSize: 500,
    isRealtimeEnabled: false,
    ...(settings.batchRecords ? { pushBatchRecords: settings.batchRecords } : {}),
    ...(settings.lanes ? { pushLanes: settings.lanes } : {}),
  }
}

/** A register in its own process and folder, with a store of its own on the server (not enrolled yet). */
export async function openBacklogSession(
  server: BenchServer,
  options: SyncBenchOptions,
  settings: BacklogRun = {},
): Promise<BacklogSession> {
  const dir = mkdtempSync(join(tmpdir(), 'auraflow-bench-sync-'))
  const register = spawnRegister(`backlog-${server.kind}`, options.cpuProfileDir)
  try {
    const { storeId, code } = await server.createStore()
    const opened = await register.call<OpenResult>({
      type: 'open',
      dataDir: join(dir, 'register'),
      registerCode: 'B1',
      sync: syncSettings(options, settings),
    })
    return {
      register,
      dir,
      storeId,
      code,
      opened,
      isEnrolled: false,
      syncedBefore: 0,
      ordersBefore: 0,
    }
  } catch (error) {
    await closeBacklogSession({ register, dir })
    throw error
  }
}

export async function closeBacklogSession(
  session: Pick<BacklogSession, 'register' | 'dir'>,
): Promise<void> {
  await session.register.close().catch(() => undefined)
  rmSync(session.dir, { recursive: true, force: true })
}

/** A register with N pending orders enrolls to a server (run it first, on an empty database) and drains its outbox. */
export async function benchBacklog(
  server: BenchServer,
  options: SyncBenchOptions,
  settings: BacklogRun = {},
): Promise<BacklogResult> {
  const session = await openBacklogSession(server, options, settings)
  try {
    return await drainBacklog(session, server, options, settings)
  } finally {
    await closeBacklogSession(session)
  }
}

/**
 * Seeds N pending orders on the session's register, then drains them: the first time by enrolling,
 * later by a sync run after reopening the register with this cell's settings (a new sync client,
 * so each drain negotiates its batch size from 50 again, as a restarted register does).
 */
export async function drainBacklog(
  session: BacklogSession,
  server: BenchServer,
  options: SyncBenchOptions,
  settings: BacklogRun = {},
): Promise<BacklogResult> {
  const database = server.kind
  const orders = settings.orders ?? options.backlogOrders
  const { register, storeId, code, opened } = session
  if (session.isEnrolled)
    await register.call<OpenResult>({ type: 'reopen', sync: syncSettings(options, settings) })
  const seed = await register.call<SeedResult>({ type: 'seedBacklog', orders })
  server.takeSamples()
  const run = session.isEnrolled
    ? await register.call<EnrollResult>({ type: 'drain' })
    : await register.call<EnrollResult>({
        type: 'enroll',
        serverUrl: server.url,
        enrollmentCode: code,
      })
  session.isEnrolled = true
  const serverSamples = server
    .takeSamples()
    .filter((sample) => sample.path === '/api/sync/batch-push')

  const startMs = run.statuses.find((status) => status.state === 'syncing')?.atMs ?? run.startMs
  // A status is emitted after each settled batch; the first with nothing left ends the drain.
  const batchEnds: number[] = []
  let lastSynced = session.syncedBefore
  for (const status of run.statuses) {
    if (status.synced > lastSynced) {
      batchEnds.push(status.atMs)
      lastSynced = status.synced
    }
  }
  const drained = run.statuses.find(
    (status) => status.synced >= session.syncedBefore + orders && status.pending === 0,
  )
  session.syncedBefore = Math.max(
    session.syncedBefore,
    ...run.statuses.map((status) => status.synced),
  )
  const drainEndMs = drained?.atMs ?? run.endMs
  const pulls = run.statuses.filter((status) => status.pulledChanges !== null)
  const pushes = run.http.filter((sample) => sample.path === '/api/sync/batch-push')
  const cycles = batchEnds.map(
    (end, index) => end - (index === 0 ? startMs : batchEnds[index - 1]!),
  )
  const phases = pushes.slice(0, batchEnds.length).map((http, index) => {
    const previousEnd = index === 0 ? startMs : batchEnds[index - 1]!
    const handler = serverSamples[index]
      ? serverSamples[index]!.endMs - serverSamples[index]!.startMs
      : 0
    return {
      before: http.startMs - previousEnd,
      http: http.endMs - http.startMs,
      handler,
      after: batchEnds[index]! - http.endMs,
    }
  })
  const counted = rowsOf<{ count: string | number }>(
    await server.database.query(
      `SELECT count(*) AS count FROM sync_records WHERE store_id = $1 AND entity = 'order'`,
      [storeId],
    ),
  )

  const ordersBefore = session.ordersBefore
  session.ordersBefore = Number(counted[0]?.count ?? 0)
  const raw = settings.reference ? null : await measureRawIngest(server.database, storeId, 50)
  const reference = settings.reference ?? rawReference(raw!)
  const drainSeconds = (drainEndMs - startMs) / 1000
  const ordersPerSecond = Math.round(orders / drainSeconds)
  const compared = compare(ordersPerSecond, reference)
  return {
    database,
    label: server.label,
    durability: { server: server.durability, register: opened.durability },
    batchRecords: settings.batchRecords ?? PREFERRED_PUSH_RECORDS,
    lanes: settings.lanes ?? PUSH_LANES,
    largestPush: Math.max(0, ...serverSamples.map((sample) => sample.records ?? 0)),
    orders,
    seedSeconds: round(seed.seconds),
    drainSeconds: round(drainSeconds),
    ordersPerSecond,
    batches: batchEnds.length,
    perBatch: summarize(cycles),
    perBatchPhasesMs: {
      localBeforeSend: mean(phases.map((phase) => phase.before)),
      http: mean(phases.map((phase) => phase.http)),
      serverHandler: mean(phases.map((phase) => phase.handler)),
      wireAndParse: mean(phases.map((phase) => phase.http - phase.handler)),
      localAfterReply: mean(phases.map((phase) => phase.after)),
    },
    serverHandler: summarize(serverSamples.map((sample) => sample.endMs - sample.startMs)),
    http: summarize(phases.map((phase) => phase.http)),
    pullBackSeconds: pulls.length > 0 ? round((pulls.at(-1)!.atMs - drainEndMs) / 1000) : 0,
    pulledBack: pulls.at(-1)?.pulledChanges ?? 0,
    enrollToIdleSeconds: round((run.endMs - run.startMs) / 1000),
    serverOrders: Number(counted[0]?.count ?? 0) - ordersBefore,
    raw,
    ratioToRaw: compared.ratio ?? 0,
    compared,
    lastError: run.lastError,
  }
}
