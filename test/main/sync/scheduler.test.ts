import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSyncScheduler } from '../../../src/main/sync/scheduler'

/** A run the test finishes by hand, so it can trigger while one is going. */
function controllableRuns() {
  const pending: (() => void)[] = []
  let started = 0
  return {
    run: () => {
      started++
      return new Promise<void>((resolve) => pending.push(resolve))
    },
    get started() {
      return started
    },
    finishOne() {
      pending.shift()?.()
    },
  }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('sync scheduler', () => {
  it('runs one at a time: any number of triggers during a run ask for exactly one more', async () => {
    const runs = controllableRuns()
    const scheduler = createSyncScheduler({
      run: runs.run,
      intervalMs: 30_000,
      commitDebounceMs: 250,
    })
    const first = scheduler.trigger()
    const joined = [scheduler.trigger(), scheduler.trigger(), scheduler.trigger()]
    expect(runs.started).toBe(1)

    runs.finishOne()
    await vi.advanceTimersByTimeAsync(0)
    expect(runs.started).toBe(2)
    runs.finishOne()
    await Promise.all([first, ...joined])
    expect(runs.started).toBe(2)

    // Idle again: the next trigger starts a fresh run at once.
    const later = scheduler.trigger()
    expect(runs.started).toBe(3)
    runs.finishOne()
    await later
  })

  it('runs at start and on every interval tick, and stop() ends the timers and waits for the run', async () => {
    const runs = controllableRuns()
    const scheduler = createSyncScheduler({
      run: runs.run,
      intervalMs: 30_000,
      commitDebounceMs: 250,
    })
    const stop = scheduler.start()
    expect(scheduler.isStarted).toBe(true)
    expect(runs.started).toBe(1)
    runs.finishOne()
    await vi.advanceTimersByTimeAsync(30_000)
    expect(runs.started).toBe(2)

    let isStopped = false
    const stopping = stop().then(() => (isStopped = true))
    expect(scheduler.isStarted).toBe(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(isStopped).toBe(false)
    runs.finishOne()
    await stopping
    await vi.advanceTimersByTimeAsync(5 * 30_000)
    expect(runs.started).toBe(2)
  })

  it('runs once 250 ms after the last of a burst of commits, and ignores commits when stopped', async () => {
    const runs = controllableRuns()
    const scheduler = createSyncScheduler({
      run: runs.run,
      intervalMs: 3_600_000,
      commitDebounceMs: 250,
    })
    scheduler.afterCommit()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(runs.started).toBe(0)

    const stop = scheduler.start()
    runs.finishOne()
    await vi.advanceTimersByTimeAsync(0)
    expect(runs.started).toBe(1)
    for (let sale = 0; sale < 5; sale++) {
      scheduler.afterCommit()
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(runs.started).toBe(1)
    await vi.advanceTimersByTimeAsync(150)
    expect(runs.started).toBe(2)
    runs.finishOne()

    scheduler.afterCommit()
    await stop()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(runs.started).toBe(2)
  })

  it('keeps its schedule while offline: each tick tries again, with no extra runs in between', async () => {
    let attempts = 0
    const scheduler = createSyncScheduler({
      // An offline run records its outcome and resolves; it never throws into the scheduler.
      run: async () => {
        attempts++
      },
      intervalMs: 30_000,
      commitDebounceMs: 250,
    })
    const stop = scheduler.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(attempts).toBe(1)
    await vi.advanceTimersByTimeAsync(29_999)
    expect(attempts).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(attempts).toBe(2)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(attempts).toBe(4)
    await stop()
  })
})
