import type { PulledPageWriter, SyncStateRepository } from '../store/syncRepositories'
import type { PullChangesResponse } from '../../shared/sync/protocol'
import { SyncRequestError, type SyncClient } from './syncClient'

/**
 * How a first sync (an empty cursor, a 410 RESET, or a cursor far behind the head) pulls: big
 * pages, several of them applied in one transaction, and the catalog search index built once at
 * the end instead of row by row.
 */
export interface BulkPullOptions {
  /** Records asked per page. */
  pageSize: number
  /** A pull further than this many records behind the server's head goes bulk. */
  behind: number
  /** Most records applied in one transaction; also what may wait in memory, fetched ahead. */
  transactionRows: number
}

export interface PullContext {
  syncState: SyncStateRepository
  pulled: PulledPageWriter
  client: SyncClient
  deviceId: string
  currency: string
  /** Records asked per page when catching up on a few changes. */
  pageSize: number
  bulk: BulkPullOptions
  accessToken(force?: boolean): Promise<string>
  now(): string
  /** After each committed transaction: counts only move forward. */
  onPage(progress: PullProgress): void
}

export interface PullProgress {
  /** Records applied (committed) so far in this pull. */
  pulledChanges: number
  pages: number
  headSeq: number | null
  /** How far from where this pull started to the server's head, 0-100; 100 once caught up. */
  percent: number | null
}

export interface PullSummary extends PullProgress {
  orderIds: string[]
  /** Whether the store's rules arrived or changed: approvals, tenders and idle lock read anew. */
  isStoreRulesChanged: boolean
  /** Products, categories and tax rates written by this pull. */
  catalogChanges: number
  resets: number
  /** Whether this pull ran as a first sync (big transactions, search index built once). */
  isBulk: boolean
}

async function fetchPage(context: PullContext, since: string | null, limit: number) {
  try {
    return await context.client.pull(await context.accessToken(), since, limit)
  } catch (error) {
    if (error instanceof SyncRequestError && error.kind === 'unauthorized') {
      return context.client.pull(await context.accessToken(true), since, limit)
    }
    throw error
  }
}

/** The sequence a page brings the cursor to, read from its changes (the token is opaque). */
const lastSeqOf = (page: PullChangesResponse): number | null => page.changes.at(-1)?.seq ?? null

/**
 * Fetches pages one request at a time, ahead of the applier: while one batch is written to disk
 * the next page is already being prepared and sent by the server. At most one request is in
 * flight, and it is sent only while the fetched pages waiting hold fewer than
 * `bulk.transactionRows` records (one page when not bulk), so memory stays bounded however far
 * behind the register is.
 */
class PageFeed {
  private readonly queue: PullChangesResponse[] = []
  private queuedRows = 0
  private failure: { error: unknown } | null = null
  private isDone = false
  private isStopped = false
  private bulkRequests = 0
  private wakeConsumer: (() => void) | null = null
  private wakeFetcher: (() => void) | null = null

  constructor(
    private readonly context: PullContext,
    private readonly mode: { isBulk: boolean },
    since: string | null,
  ) {
    void this.run(since)
  }

  private hasRoom(): boolean {
    if (this.queue.length === 0) return true
    return this.mode.isBulk && this.queuedRows < this.context.bulk.transactionRows
  }

  private async run(since: string | null): Promise<void> {
    let cursor = since
    try {
      for (;;) {
        while (!this.hasRoom() && !this.isStopped)
          await new Promise<void>((resolve) => (this.wakeFetcher = resolve))
        if (this.isStopped) return
        // Bulk pages start at the ordinary size and double: the first page, which nothing
        // overlaps, arrives sooner, and the pipeline is full by the third.
        const limit = this.mode.isBulk
          ? Math.min(this.context.bulk.pageSize, this.context.pageSize * 2 ** this.bulkRequests++)
          : this.context.pageSize
        const page = await fetchPage(this.context, cursor, limit)
        if (this.isStopped) return
        const lastSeq = lastSeqOf(page)
        if (
          !this.mode.isBulk &&
          lastSeq !== null &&
          page.headSeq - lastSeq > this.context.bulk.behind
        )
          this.mode.isBulk = true
        this.queue.push(page)
        this.queuedRows += page.changes.length
        this.wakeConsumer?.()
        if (!page.hasMore) break
        cursor = page.nextSyncToken
      }
      this.isDone = true
    } catch (error) {
      this.failure = { error }
    }
    this.wakeConsumer?.()
  }

  /**
   * The pages fetched so far, oldest first, as many as fit one transaction (at least one); empty
   * once the server said there is no more. Throws the fetch's error after the pages before it.
   */
  async take(maxRows: number): Promise<PullChangesResponse[]> {
    while (this.queue.length === 0) {
      if (this.failure) throw this.failure.error
      if (this.isDone) return []
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve))
      this.wakeConsumer = null
    }
    const taken: PullChangesResponse[] = []
    let rows = 0
    while (
      this.queue.length > 0 &&
      (taken.length === 0 || rows + this.queue[0]!.changes.length <= maxRows)
    ) {
      const page = this.queue.shift()!
      rows += page.changes.length
      taken.push(page)
    }
    this.queuedRows -= rows
    this.wakeFetcher?.()
    this.wakeFetcher = null
    return taken
  }

  stop(): void {
    this.isStopped = true
    this.wakeFetcher?.()
  }
}

/**
 * Pulls until the server says there is no more. Each transaction's pages and the cursor after
 * them are committed together, so an interrupted pull resumes where it stopped. A cursor older
 * than the server's retention (410 RESET) starts the scope again from the beginning.
 *
 * A first sync (or a pull more than `bulk.behind` records behind) asks bigger pages, applies as
 * many pages as have arrived (up to `bulk.transactionRows`) in one transaction, and lets the
 * catalog search index stand aside until one rebuild at the end; that rebuild also runs when the
 * pull stops early, and on the next open after a crash (catalogSearchIndex.ts).
 */
export async function runPullPhase(context: PullContext): Promise<PullSummary> {
  // A rebuild owed by an earlier bulk pull that could not finish it (the triggers stand aside
  // until it runs); nothing to do otherwise.
  context.pulled.rebuildSearch()
  let since = context.syncState.get()?.pullCursor ?? null
  const mode = { isBulk: since === null }
  const summary: PullSummary = {
    pulledChanges: 0,
    pages: 0,
    headSeq: null,
    percent: null,
    orderIds: [],
    isStoreRulesChanged: false,
    catalogChanges: 0,
    resets: 0,
    isBulk: mode.isBulk,
  }
  let startSeq: number | null = since === null ? 0 : null
  let feed = new PageFeed(context, mode, since)
  let hasDeferredSearch = false
  try {
    for (;;) {
      let pages: PullChangesResponse[]
      try {
        pages = await feed.take(mode.isBulk ? context.bulk.transactionRows : 1)
      } catch (error) {
        if (error instanceof SyncRequestError && error.kind === 'reset' && summary.resets === 0) {
          summary.resets++
          since = null
          startSeq = 0
          mode.isBulk = true
          context.syncState.update({ pullCursor: null }, context.now())
          feed = new PageFeed(context, mode, since)
          continue
        }
        throw error
      }
      if (pages.length === 0) return summary
      const last = pages.at(-1)!
      // The apply below holds the event loop: let the next page's request reach the server first,
      // so the server prepares it while this one is written.
      if (last.hasMore) await new Promise<void>((resolve) => setImmediate(resolve))
      const changes = pages.length === 1 ? pages[0]!.changes : pages.flatMap((page) => page.changes)
      const defersSearch = mode.isBulk
      const applied = context.pulled.apply(
        {
          changes,
          nextSyncToken: last.nextSyncToken,
          defersSearch,
          isInterim: defersSearch && last.hasMore,
        },
        { localDeviceId: context.deviceId, currency: context.currency, now: context.now() },
      )
      hasDeferredSearch ||= defersSearch
      summary.isBulk ||= mode.isBulk
      startSeq ??= (pages[0]!.changes[0]?.seq ?? 1) - 1
      summary.pulledChanges += changes.length
      summary.pages += pages.length
      summary.headSeq = last.headSeq
      summary.orderIds.push(...applied.orderIds)
      summary.isStoreRulesChanged ||= applied.isStoreRulesChanged
      summary.catalogChanges += applied.catalogChanges
      since = last.nextSyncToken
      const reached = lastSeqOf(last)
      const span = last.headSeq - startSeq
      const percent = !last.hasMore
        ? 100
        : reached === null || span <= 0
          ? (summary.percent ?? 0)
          : Math.min(99, Math.floor((100 * (reached - startSeq)) / span))
      summary.percent = Math.max(summary.percent ?? 0, percent)
      // The last transaction of a first sync is not done until its search index is.
      if (!last.hasMore && hasDeferredSearch) {
        context.pulled.rebuildSearch()
        hasDeferredSearch = false
      }
      context.onPage({
        pulledChanges: summary.pulledChanges,
        pages: summary.pages,
        headSeq: last.headSeq,
        percent: summary.percent,
      })
    }
  } finally {
    feed.stop()
    // Stopped part-way: the rows written so far become searchable and the next pull defers again.
    // A rebuild that cannot run now (the database closed under it) runs when it is next opened.
    if (hasDeferredSearch) {
      try {
        context.pulled.rebuildSearch()
      } catch {
        // catalog_search_deferred still holds its row: openRegisterDatabase rebuilds.
      }
    }
  }
}
