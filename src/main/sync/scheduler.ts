export interface SyncSchedulerOptions {
  /** One sync run; the scheduler never starts a second while one is going. */
  run(): Promise<void>
  /** Safety-net period (pokes and local commits trigger sooner). */
  intervalMs: number
  /** The most the scheduler ever holds a local commit back before its run (the burst window is capped by it). */
  commitDebounceMs: number
  /**
   * A commit this soon after the last run ended, or during a run, is part of a burst: it waits
   * until this long after that run so the burst goes out as one push. A commit to an idle outbox
   * runs at once. Default 20 ms.
   */
  commitBurstWindowMs?: number
  /** Monotonic clock, ms (tests use fake timers). */
  nowMs?: () => number
}

export interface SyncScheduler {
  /** Runs once now and then every interval; returns the function that stops the timers and waits for the run. */
  start(): () => Promise<void>
  /**
   * Runs now, or, when a run is going, asks for exactly one more after it (however many triggers
   * arrive meanwhile). With `isNeeded`, the run happens only if it still says so when the run
   * would start: a poke the run in progress already covered asks for nothing. Resolves when the
   * runs it joined are done.
   */
  trigger(isNeeded?: () => boolean): Promise<void>
  /**
   * A local commit: runs at once when the outbox was idle; in a burst (a run going or one that
   * ended within the burst window) it joins one run at most a window after the last. Ignored
   * when stopped.
   */
  afterCommit(): void
  readonly isStarted: boolean
}

export const defaultCommitBurstWindowMs = 20

/**
 * When sync runs: after a commit, on a poke or "Sync now" (through trigger), and on an interval.
 * A failed run (offline, server error) is not retried by the scheduler itself: the next trigger or
 * tick runs again, and each outbox entry keeps its own backoff.
 */
export function createSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const nowMs = options.nowMs ?? (() => performance.now())
  const burstWindowMs = Math.max(
    0,
    Math.min(options.commitBurstWindowMs ?? defaultCommitBurstWindowMs, options.commitDebounceMs),
  )
  // A run records its own failures in the status; one that still throws from a timer (the database
  // closed under it at shutdown) must not become an unhandled rejection that ends the process.
  const runFromTimer = () => void trigger().catch(() => undefined)
  let current: Promise<void> | null = null
  let isRunRequested = false
  /** Conditional requests made during the run in progress (one function per kind of request). */
  const conditions = new Set<() => boolean>()
  let isCommitWaiting = false
  let lastRunEndedAtMs: number | null = null
  let isStarted = false
  let intervalTimer: NodeJS.Timeout | null = null
  let commitTimer: NodeJS.Timeout | null = null

  function clearCommitTimer() {
    if (commitTimer) clearTimeout(commitTimer)
    commitTimer = null
  }

  /** Commits wait for the end of the burst window that started when the last run ended. */
  function scheduleCommitRun() {
    if (commitTimer || !isStarted) return
    const sinceRunMs = lastRunEndedAtMs === null ? Infinity : nowMs() - lastRunEndedAtMs
    const delayMs = Math.min(burstWindowMs, Math.max(0, burstWindowMs - sinceRunMs))
    if (delayMs <= 0) {
      runFromTimer()
      return
    }
    commitTimer = setTimeout(() => {
      commitTimer = null
      runFromTimer()
    }, delayMs)
    commitTimer.unref()
  }

  function isFollowUpNeeded() {
    if (isRunRequested) return true
    for (const isNeeded of conditions) if (isNeeded()) return true
    return false
  }

  function trigger(isNeeded?: () => boolean): Promise<void> {
    if (current) {
      if (isNeeded) conditions.add(isNeeded)
      else isRunRequested = true
      return current
    }
    if (isNeeded && !isNeeded()) return Promise.resolve()
    current = (async () => {
      do {
        isRunRequested = false
        conditions.clear()
        // This run pushes every commit made so far: none of them needs a run of its own.
        isCommitWaiting = false
        clearCommitTimer()
        try {
          await options.run()
        } finally {
          lastRunEndedAtMs = nowMs()
        }
      } while (isFollowUpNeeded())
    })().finally(() => {
      current = null
      conditions.clear()
      if (isCommitWaiting) {
        isCommitWaiting = false
        scheduleCommitRun()
      }
    })
    return current
  }

  return {
    get isStarted() {
      return isStarted
    },
    trigger,
    start() {
      isStarted = true
      intervalTimer = setInterval(runFromTimer, options.intervalMs)
      intervalTimer.unref()
      runFromTimer()
      return async () => {
        isStarted = false
        if (intervalTimer) clearInterval(intervalTimer)
        intervalTimer = null
        clearCommitTimer()
        isCommitWaiting = false
        await current
      }
    },
    afterCommit() {
      if (!isStarted) return
      if (current) isCommitWaiting = true
      else scheduleCommitRun()
    },
  }
}
