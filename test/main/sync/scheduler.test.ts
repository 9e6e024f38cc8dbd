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

/**
 * An outbox the run drains: each run claims what was committed before it started and pushes it
 * when it ends, as the push phase does; commits made during a run wait for the next.
 */
function simulatedOutbox(runMs: number) {
  let pending: { sale: number; atMs: number }[] = []
  const pushed: number[] = []
  const waitsMs: number[] = []
  let runs = 0
  return {
    commit(sale: number) {
      pending.push({ sale, atMs: Date.now() })
    },
    run: async () => {
      runs++
      const claimed = pending
      pending = []
      for (const entry of claimed) waitsMs.push(Date.now() - entry.atMs)
      await new Promise((resolve) => setTimeout(resolve, runMs))
      pushed.push(...claimed.map((entry) => entry.sale))
    },
    get runs() {
      return runs
    },
    get pending() {
      return pending.map((entry) => entry.sale)
    },
    pushed,
    waitsMs,
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

  it('pushes a commit to an idle outbox at once, and ignores commits when stopped', async () => {
    const runs = controllableRuns()
    const scheduler = createSyncScheduler({
      run: runs.run,
      intervalMs: 3_600_000,
      commitDebounceMs: 250,
      nowMs: () => Date.now(),
    })
    scheduler.afterCommit()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(runs.started).toBe(0)

    const stop = scheduler.start()
    runs.finishOne()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(runs.started).toBe(1)
    // No run going and none for a second: the sale goes out now, not after a debounce.
    scheduler.afterCommit()
    expect(runs.started).toBe(2)
    runs.finishOne()
    await vi.advanceTimersByTimeAsync(1_000)

    scheduler.afterCommit()
    expect(runs.started).toBe(3)
    runs.finishOne()
    await stop()
    scheduler.afterCommit()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(runs.started).toBe(3)
  })

  it('holds a commit right after a run until the burst window closes, never past the debounce', async () => {
    const runs = controllableRuns()
    const scheduler = createSyncScheduler({
      run: runs.run,
      intervalMs: 3_600_000,
      commitDebounceMs: 250,
      commitBurstWindowMs: 20,
      nowMs: () => Date.now(),
    })
    const stop = scheduler.start()
    runs.finishOne()
    await vi.advanceTimersByTimeAsync(5)
    scheduler.afterCommit()
    scheduler.afterCommit()
    await vi.advanceTimersByTimeAsync(14)
    expect(runs.started).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(runs.started).toBe(2)
    runs.finishOne()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(runs.started).toBe(2)

    // A window longer than the debounce is cut down to it.
    const capped = createSyncScheduler({
      run: runs.run,
      intervalMs: 3_600_000,
      commitDebounceMs: 50,
      commitBurstWindowMs: 10_000,
      nowMs: () => Date.now(),
    })
    const stopCapped = capped.start()
    runs.finishOne()
    await vi.advanceTimersByTimeAsync(0)
    capped.afterCommit()
    await vi.advanceTimersByTimeAsync(49)
    expect(runs.started).toBe(3)
    await vi.advanceTimersByTimeAsync(1)
    expect(runs.started).toBe(4)
    runs.finishOne()
    await Promise.all([stop(), stopCapped()])
  })

  it('sends a synchronous burst of 100 commits in two runs, the last commit included', async () => {
    const outbox = simulatedOutbox(8)
    const scheduler = createSyncScheduler({
      run: outbox.run,
      intervalMs: 3_600_000,
      commitDebounceMs: 250,
      nowMs: () => Date.now(),
    })
    const stop = scheduler.start()
    await vi.advanceTimersByTimeAsync(1_000)
    const before = outbox.runs
    for (let sale = 0; sale < 100; sale++) {
      outbox.commit(sale)
      scheduler.afterCommit()
    }
    await vi.advanceTimersByTimeAsync(1_000)
    // The first commit starts a run at once; the other 99 wait for one run after it.
    expect(outbox.runs - before).toBe(2)
    expect(outbox.pushed).toEqual(Array.from({ length: 100 }, (_, sale) => sale))
    expect(outbox.pending).toEqual([])
    await stop()
  })

  it('coalesces a steady stream of commits into a bounded number of runs and loses none', async () => {
    const outbox = simulatedOutbox(8)
    const scheduler = createSyncScheduler({
      run: outbox.run,
      intervalMs: 3_600_000,
      commitDebounceMs: 250,
      commitBurstWindowMs: 20,
      nowMs: () => Date.now(),
    })
    const stop = scheduler.start()
    await vi.advanceTimersByTimeAsync(1_000)
    const before = outbox.runs
    // 100 commits, one every 3 ms (300 ms), against runs of 8 ms.
    for (let sale = 0; sale < 100; sale++) {
      outbox.commit(sale)
      scheduler.afterCommit()
      await vi.advanceTimersByTimeAsync(3)
    }
    await vi.advanceTimersByTimeAsync(1_000)
    const runs = outbox.runs - before
    // One run per run-plus-window (28 ms) at most, plus the first: far fewer than 100.
    expect(runs).toBeGreaterThan(1)
    expect(runs).toBeLessThanOrEqual(Math.ceil(300 / 28) + 1)
    expect(outbox.pushed).toEqual(Array.from({ length: 100 }, (_, sale) => sale))
    // No commit waited longer than a run in progress plus the window.
    expect(Math.max(...outbox.waitsMs)).toBeLessThanOrEqual(8 + 20)
    await stop()
  })

  it('skips a conditional trigger that is no longer needed, before or after a run', async () => {
    const runs = controllableRuns()
    const scheduler = createSyncScheduler({
      run: runs.run,
      intervalMs: 3_600_000,
      commitDebounceMs: 250,
      nowMs: () => Date.now(),
    })
    let isBehind = false
    const needed = () => isBehind
    await scheduler.trigger(needed)
    expect(runs.started).toBe(0)

    // Asked during a run, checked when it ends: the run caught up, so nothing more.
    isBehind = true
    const first = scheduler.trigger(needed)
    expect(runs.started).toBe(1)
    void scheduler.trigger(needed)
    isBehind = false
    runs.finishOne()
    await first
    expect(runs.started).toBe(1)

    // Still behind when the run ends: exactly one more.
    isBehind = true
    const second = scheduler.trigger(needed)
    void scheduler.trigger(needed)
    runs.finishOne()
    await vi.advanceTimersByTimeAsync(0)
    expect(runs.started).toBe(3)
    isBehind = false
    runs.finishOne()
    await second
    expect(runs.started).toBe(3)
  })

  it('lets a triggered run carry a commit that was waiting for its window, with no extra run', async () => {
    const runs = controllableRuns()
    const scheduler = createSyncScheduler({
      run: runs.run,
      intervalMs: 3_600_000,
      commitDebounceMs: 250,
      commitBurstWindowMs: 20,
      nowMs: () => Date.now(),
    })
    const stop = scheduler.start()
    runs.finishOne()
    await vi.advanceTimersByTimeAsync(1)
    scheduler.afterCommit()
    const poked = scheduler.trigger()
    expect(runs.started).toBe(2)
    runs.finishOne()
    await poked
    await vi.advanceTimersByTimeAsync(1_000)
    expect(runs.started).toBe(2)
    await stop()
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
