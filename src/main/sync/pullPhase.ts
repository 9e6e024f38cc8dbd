import type { PulledPageWriter, SyncStateRepository } from '../store/syncRepositories'
import type { PullChangesResponse } from '../../shared/sync/protocol'
import { SyncRequestError, type SyncClient } from './syncClient'

export interface PullContext {
  syncState: SyncStateRepository
  pulled: PulledPageWriter
  client: SyncClient
  deviceId: string
  currency: string
  pageSize: number
  accessToken(force?: boolean): Promise<string>
  now(): string
  onPage(progress: PullProgress): void
}

export interface PullProgress {
  pulledChanges: number
  pages: number
  headSeq: number | null
}

export interface PullSummary extends PullProgress {
  orderIds: string[]
  resets: number
}

async function fetchPage(context: PullContext, since: string | null) {
  try {
    return await context.client.pull(await context.accessToken(), since, context.pageSize)
  } catch (error) {
    if (error instanceof SyncRequestError && error.kind === 'unauthorized') {
      return context.client.pull(await context.accessToken(true), since, context.pageSize)
    }
    throw error
  }
}

/**
 * Pulls pages until the server says there is no more. Each page and its cursor are committed
 * together, so an interrupted pull resumes where it stopped. A cursor older than the server's
 * retention (410 RESET) starts the scope again from the beginning.
 */
export async function runPullPhase(context: PullContext): Promise<PullSummary> {
  const summary: PullSummary = {
    pulledChanges: 0,
    pages: 0,
    headSeq: null,
    orderIds: [],
    resets: 0,
  }
  let since = context.syncState.get()?.pullCursor ?? null
  let next: Promise<PullChangesResponse> | null = null
  try {
    for (;;) {
      let page: PullChangesResponse
      try {
        page = await (next ?? fetchPage(context, since))
      } catch (error) {
        next = null
        if (error instanceof SyncRequestError && error.kind === 'reset' && summary.resets === 0) {
          summary.resets++
          since = null
          context.syncState.update({ pullCursor: null }, context.now())
          continue
        }
        throw error
      }
      // The next page's cursor is known now: fetch it while this one is written to disk.
      next = page.hasMore ? fetchPage(context, page.nextSyncToken) : null
      const applied = context.pulled.apply(
        { changes: page.changes, nextSyncToken: page.nextSyncToken },
        { localDeviceId: context.deviceId, currency: context.currency, now: context.now() },
      )
      summary.pulledChanges += page.changes.length
      summary.pages++
      summary.headSeq = page.headSeq
      summary.orderIds.push(...applied.orderIds)
      since = page.nextSyncToken
      context.onPage({
        pulledChanges: summary.pulledChanges,
        pages: summary.pages,
        headSeq: page.headSeq,
      })
      if (!page.hasMore) return summary
    }
  } finally {
    // A prefetch left behind by a failed apply must not surface as an unhandled rejection.
    next?.catch(() => undefined)
  }
}
