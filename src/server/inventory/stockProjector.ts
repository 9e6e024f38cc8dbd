import type { Database } from '../db/connection'
import type { RealtimeBus } from '../realtime/bus'
import { projectStockStep, selectStockLaggingStores } from '../db/stockRepository'

/**
 * Keeps stock on hand (stock_on_hand) from the record stream, after the push commits: woken by
 * the bus after each push (a debounce gathers a burst into larger steps) and by a periodic sweep,
 * it projects each lagging store's new stock movements, one transaction per step. Several
 * projectors on one database never work on a store at once (the cursor row is the lock). A read
 * of on hand calls `catchUp` first, so it always includes every movement pushed before it.
 *
 * Why not in the push transaction: the reports' row triggers cost the push +36 % (issue 14's
 * bench), and a stock movement is append-only, so folding it in later is exact and cheap.
 */

export interface StockProjectorOptions {
  sweepMs?: number
  /** Movements per step (one transaction); default 1000. */
  batch?: number
  /** How long after a push the projector runs (ms), so a burst is one step; default 250. */
  wakeDelayMs?: number
  onError?: (error: unknown) => void
}

export interface StockProjector {
  wake(storeId: string): void
  /** Brings these stores current (waiting for a projector that holds one). */
  catchUp(storeIds: string[]): Promise<void>
  close(): Promise<void>
}

export function createStockProjector(
  db: Database,
  bus: RealtimeBus | null,
  options: StockProjectorOptions = {},
): StockProjector {
  const batch = options.batch ?? 1000
  const onError = options.onError ?? (() => undefined)
  const dirty = new Set<string>()
  let isSweepDue = false
  let isClosed = false
  let running: Promise<void> | null = null
  let scheduled: NodeJS.Timeout | null = null

  async function projectStore(storeId: string, wait: boolean): Promise<void> {
    while (!isClosed) {
      const step = await projectStockStep(db, storeId, batch, wait)
      if (!step || step.seq >= step.head) return
    }
  }

  async function work(): Promise<void> {
    while (!isClosed && (dirty.size > 0 || isSweepDue)) {
      const stores = isSweepDue ? await selectStockLaggingStores(db) : []
      isSweepDue = false
      for (const id of dirty) stores.push(id)
      dirty.clear()
      for (const storeId of new Set(stores)) {
        // One store's failure ends its turn only; the next wake or sweep retries it.
        await projectStore(storeId, false).catch(onError)
      }
    }
  }

  function kick(): void {
    if (running || scheduled || isClosed) return
    scheduled = setTimeout(() => {
      scheduled = null
      running = work()
        .catch(onError)
        .finally(() => {
          running = null
          if (dirty.size > 0 || isSweepDue) kick()
        })
    }, options.wakeDelayMs ?? 250)
  }

  function wake(storeId: string): void {
    dirty.add(storeId)
    kick()
  }

  const unsubscribe = bus?.subscribe((message) => {
    if (message.type === 'poke') wake(message.storeId)
  })
  const sweep = setInterval(() => {
    isSweepDue = true
    kick()
  }, options.sweepMs ?? 5000)
  sweep.unref()

  return {
    wake,
    async catchUp(storeIds) {
      for (const storeId of await selectStockLaggingStores(db, storeIds))
        await projectStore(storeId, true)
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
