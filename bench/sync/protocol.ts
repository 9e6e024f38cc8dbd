import type { Durability } from '../durability'

/**
 * Messages between the bench (which hosts the sync server) and a register process. Each register
 * runs in its own Node process, as on a real till, so its SQLite work never shares an event loop
 * with the server or with another register.
 */

export interface RegisterSyncSettings {
  intervalMs: number
  commitDebounceMs: number
  pullPageSize: number
  /** A first sync's pages and transactions (the worker's defaults when absent). */
  bulkPull?: { pageSize?: number; behind?: number; transactionRows?: number }
  isRealtimeEnabled: boolean
  /** Records per push the register prefers (the server's advertised maximum caps it). */
  pushBatchRecords?: number
  /** Push batches in flight at once. */
  pushLanes?: number
}

export type RegisterCommand =
  | { type: 'open'; dataDir: string; registerCode: string; sync: RegisterSyncSettings }
  | { type: 'seedBacklog'; orders: number }
  | { type: 'enroll'; serverUrl: string; enrollmentCode: string }
  /** Closes the register and opens the same folder again with these sync settings. */
  | { type: 'reopen'; sync: RegisterSyncSettings }
  /** An enrolled register syncs now (push what is due, then pull); replies like `enroll`. */
  | { type: 'drain' }
  | { type: 'startBackground' }
  | { type: 'sell' }
  | { type: 'close' }

/** One sync status change as the register saw it; `atMs` is on the shared monotonic clock. */
export interface StatusSample {
  atMs: number
  state: string
  synced: number
  pending: number
  pulledChanges: number | null
}

/** One HTTP exchange seen through undici's diagnostics channels (request created → body read). */
export interface HttpSample {
  path: string
  startMs: number
  headersMs: number
  endMs: number
}

export interface OpenResult {
  deviceId: string
  /** The register's SQLite as its store opened it (journal_mode, synchronous). */
  durability: Durability
  /** Resident memory with the register open and idle: the baseline for a peak. */
  rssBytes: number
}

export interface SeedResult {
  orders: number
  seconds: number
}

export interface EnrollResult {
  startMs: number
  endMs: number
  statuses: StatusSample[]
  http: HttpSample[]
  /** Local rows after the run, by table. */
  tables: Record<string, number>
  peakRssBytes: number
  /** CPU time (user + system) the register process spent on the enrollment and its pull. */
  cpuSeconds: number
  lastError: string | null
}

export interface SaleResult {
  orderId: string
  soldAtMs: number
}

export interface CloseResult {
  http: HttpSample[]
  peakRssBytes: number
}

export type RegisterMessage =
  | { type: 'reply'; id: number; isOk: true; value: unknown }
  | { type: 'reply'; id: number; isOk: false; error: string }
  | { type: 'orderSynced'; orderIds: string[]; atMs: number }

export interface RegisterRequest {
  id: number
  command: RegisterCommand
}

/** Milliseconds on CLOCK_MONOTONIC: the same clock in every process of this machine. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6
}
