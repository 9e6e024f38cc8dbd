import type { SyncOutboxRepository } from '../store/syncRepositories'
import { heartbeatReport } from './heartbeat'
import { SyncRequestError, type SyncClient } from './syncClient'

/** Health reports are a courtesy: a slow server must not hold the sync run up for long. */
const heartbeatTimeoutMs = 3_000

export interface HeartbeatSenderOptions {
  outbox: Pick<SyncOutboxRepository, 'counts' | 'oldestUnsyncedAt' | 'listDead'>
  registerCode(): string
  appVersion: string
  /** A heartbeat repeating the last report waits at least this long (a changed one goes at once). */
  intervalMs: number
  nowMs(): number
  withServer<T>(request: (client: SyncClient, accessToken: string) => Promise<T>): Promise<T>
  log(message: string, error?: unknown): void
}

export interface HeartbeatSender {
  /**
   * Tells the server this register's pending and dead counts after a good run, so every manager
   * console sees them. An unchanged report is repeated only after an interval; a failure is only
   * logged: the run already did its work.
   */
  send(): Promise<void>
  /** Forgets the last report (after enrolling, the server has never heard from this register). */
  reset(): void
}

export function createHeartbeatSender(options: HeartbeatSenderOptions): HeartbeatSender {
  let last: { report: string; atMs: number } | null = null
  return {
    async send() {
      const report = heartbeatReport(options.outbox, options.registerCode(), options.appVersion)
      const key = JSON.stringify(report)
      const nowMs = options.nowMs()
      if (last?.report === key && nowMs - last.atMs < options.intervalMs) return
      try {
        await options.withServer((client, token) =>
          client.heartbeat(token, report, heartbeatTimeoutMs),
        )
        last = { report: key, atMs: nowMs }
      } catch (error) {
        if (!(error instanceof SyncRequestError)) options.log('sync heartbeat failed', error)
      }
    },
    reset() {
      last = null
    },
  }
}
