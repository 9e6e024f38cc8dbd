export interface SyncSchedulerOptions {
  /** One sync run; the scheduler never starts a second while one is going. */
  run(): Promise<void>
  /** Safety-net period (pokes and local commits trigger sooner). */
  intervalMs: number
  /** Wait after a local commit, so a burst of sales goes out as one push. */
  commitDebounceMs: number
}

export interface SyncScheduler {
  /** Runs once now and then every interval; returns the function that stops the timers and waits for the run. */
  start(): () => Promise<void>
  /**
   * Runs now, or, when a run is going, asks for exactly one more after it (however many triggers
   * arrive meanwhile). Resolves when the runs it joined are done.
   */
  trigger(): Promise<void>
  /** A local commit: runs after the debounce, each commit restarting it. Ignored when stopped. */
  afterCommit(): void
  readonly isStarted: boolean
}

/**
 * When sync runs: after a commit, on a poke or "Sync now" (through trigger), and on an interval.
 * A failed run (offline, server error) is not retried by the scheduler itself: the next trigger or
 * tick runs again, and each outbox entry keeps its own backoff.
 */
export function createSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  // A run records its own failures in the status; one that still throws from a timer (the database
  // closed under it at shutdown) must not become an unhandled rejection that ends the process.
  const runFromTimer = () => void trigger().catch(() => undefined)
  let current: Promise<void> | null = null
  let isRunRequested = false
  let isStarted = false
  let intervalTimer: NodeJS.Timeout | null = null
  let debounceTimer: NodeJS.Timeout | null = null

  function trigger(): Promise<void> {
    if (current) {
      isRunRequested = true
      return current
    }
    current = (async () => {
      do {
        isRunRequested = false
        await options.run()
      } while (isRunRequested)
    })().finally(() => {
      current = null
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
        if (debounceTimer) clearTimeout(debounceTimer)
        intervalTimer = null
        debounceTimer = null
        await current
      }
    },
    afterCommit() {
      if (!isStarted) return
      if (debounceTimer) clearTimeout(debounceTimer)
      debounceTimer = setTimeout(runFromTimer, options.commitDebounceMs)
      debounceTimer.unref()
    },
  }
}
