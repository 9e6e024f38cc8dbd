import type { Database } from '../db/connection'
import type { ProjectionFreshness } from '../db/projectionRepository'
import { projectStoreStep, selectFreshness, selectLaggingStores } from '../db/projectionRepository'
import type { RealtimeBus } from '../realtime/bus'

/**
 * The reporting projection kept from the record stream, after the push commits (not in it): woken
 * by the bus after each push (this instance's and, on PostgreSQL, the others' via NOTIFY) and by a
 * periodic sweep, it projects each lagging store's new order records in batches, one transaction
 * per batch. Several projectors (instances) on one database never work on a store at once: the
 * store's cursor row is locked by the step (the background skips a locked store), and a step
 * replaces an order's rows by what its record says now, so a record projected twice counts once.
 *
 * The background gives way to pushes: it starts once pushes have paused for `wakeDelayMs`, and
 * stops between steps while they keep coming, unless the oldest change has waited `maxDelayMs`.
 * A burst (a register draining a day offline) is then pushed at full speed and projected right
 * after, in larger steps. Each pass takes every change waiting when it starts, and a change that
 * comes during it waits anew: pushes that never pause get one pass every `maxDelayMs`, in large
 * steps, never one per push. A report never waits for it: `catchUp` projects its stores first.
 */

export interface ReportProjectorOptions {
  /** The periodic sweep over every store (ms); default 2000. */
  sweepMs?: number
  /** Order records per step (one transaction); default 500. */
  batch?: number
  /**
   * How long pushes must pause before the background projects (ms); default 500. Pushes that
   * arrive meanwhile are projected together: fewer, larger steps, none beside the pushes'.
   */
  wakeDelayMs?: number
  /** The longest a change waits for such a pause before it is projected anyway (ms); default 5000. */
  maxDelayMs?: number
  onError?: (error: unknown) => void
}

export interface ReportProjector {
  /** Projects the store soon (after a push committed). */
  wake(storeId: string): void
  /**
   * Brings these stores current before a report reads them, waiting for a projector that holds
   * one; at most `maxRecords` records in all, so a long backlog never holds a report up for long.
   * A store that cannot be projected now leaves the answer not current (the report still reads).
   */
  catchUp(storeIds: string[], maxRecords?: number): Promise<ProjectionFreshness>
  /** Projects every lagging store now (the sweep), until current. */
  drain(): Promise<void>
  /** Stops the background work (wake and sweep) once the step under way ends; `resume` restarts it. */
  pause(): Promise<void>
  /**
   * Restarts the background with a sweep, as the periodic one: what was pushed while paused (often
   * projected meanwhile by `drain` or `catchUp`) is found by it and waits from now, at most
   * `maxDelayMs`, not overdue at once beside the pushes that follow.
   */
  resume(): void
  close(): Promise<void>
}

const DEFAULT_CATCH_UP = 5_000

export function createReportProjector(
  db: Database,
  bus: RealtimeBus | null,
  options: ReportProjectorOptions = {},
): ReportProjector {
  const batch = options.batch ?? 500
  const onError = options.onError ?? (() => undefined)
  const dirty = new Set<string>()
  let isSweepDue = false
  let isPaused = false
  let isClosed = false
  let running: Promise<void> | null = null
  let scheduled: NodeJS.Timeout | null = null
  const wakeDelayMs = options.wakeDelayMs ?? 500
  const maxDelayMs = options.maxDelayMs ?? 5_000
  /**
   * When the last push was seen, and since when the oldest change no pass has taken yet has
   * waited (a pass takes every change waiting when it starts; null: none waits).
   */
  let lastPushAt = 0
  let waitingSince: number | null = null
  /** Since when the oldest change taken by the pass under way had waited. */
  let passSince = 0

  /** How long the background should still wait (0: project now). */
  function waitLeft(now = Date.now()): number {
    const quietAt = lastPushAt + wakeDelayMs
    const dueAt = (waitingSince ?? now) + maxDelayMs
    return Math.max(0, Math.min(quietAt, dueAt) - now)
  }

  /**
   * Projects one store until current, or until another projector holds it. A failure is logged
   * and ends this store's turn only: the other stores go on, and the next wake or sweep retries.
   */
  async function projectStore(
    storeId: string,
    wait: boolean,
    budget = Infinity,
    givesWay = false,
  ): Promise<number> {
    let projected = 0
    try {
      while (!isClosed && projected < budget) {
        if (givesWay && Date.now() < lastPushAt + wakeDelayMs) {
          // Pushes came in meanwhile: this store's turn comes when they pause, or when its
          // oldest change has waited maxDelayMs.
          dirty.add(storeId)
          waitingSince = Math.min(waitingSince ?? passSince, passSince)
          break
        }
        const step = await projectStoreStep(db, storeId, Math.min(batch, budget - projected), wait)
        if (!step) break
        projected += step.projected
        if (step.seq >= step.head) break
      }
    } catch (error) {
      onError(error)
    }
    return projected
  }

  async function work(): Promise<void> {
    while (!isClosed && !isPaused && (dirty.size > 0 || isSweepDue) && waitLeft() === 0) {
      // This pass takes every change waiting now; one that comes meanwhile waits anew. A pass
      // that is overdue (pushes never paused) does not give way: it brings its stores current.
      const now = Date.now()
      passSince = waitingSince ?? now
      waitingSince = null
      const isOverdue = now < lastPushAt + wakeDelayMs
      const stores = isSweepDue ? await selectLaggingStores(db) : []
      isSweepDue = false
      for (const id of dirty) stores.push(id)
      dirty.clear()
      for (const storeId of new Set(stores))
        await projectStore(storeId, false, Infinity, !isOverdue)
    }
  }

  function kick(): void {
    if (running || scheduled || isClosed || isPaused) return
    scheduled = setTimeout(() => {
      scheduled = null
      if (waitLeft() > 0) return kick()
      running = work()
        .catch(onError)
        .finally(() => {
          running = null
          // Woken while a store was being read, or gave way to pushes: go again.
          if (dirty.size > 0 || isSweepDue) kick()
        })
    }, waitLeft())
  }

  const unsubscribe = bus?.subscribe((message) => {
    if (message.type === 'poke') wake(message.storeId)
  })
  const sweep = setInterval(() => {
    isSweepDue = true
    waitingSince ??= Date.now()
    kick()
  }, options.sweepMs ?? 2000)
  sweep.unref()

  function wake(storeId: string): void {
    const now = Date.now()
    dirty.add(storeId)
    lastPushAt = now
    waitingSince ??= now
    kick()
  }

  return {
    wake,
    async catchUp(storeIds, maxRecords = DEFAULT_CATCH_UP) {
      let budget = maxRecords
      for (const storeId of await selectLaggingStores(db, storeIds)) {
        if (budget <= 0) break
        budget -= await projectStore(storeId, true, budget)
      }
      return selectFreshness(db, storeIds)
    },
    async drain() {
      for (const storeId of await selectLaggingStores(db)) await projectStore(storeId, true)
    },
    async pause() {
      isPaused = true
      await running
    },
    resume() {
      isPaused = false
      isSweepDue = true
      waitingSince = Date.now()
      kick()
    },
    async close() {
      isClosed = true
      clearInterval(sweep)
      if (scheduled) clearTimeout(scheduled)
      unsubscribe?.()
      await running
    },
  }
}
