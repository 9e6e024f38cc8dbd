import pg from 'pg'
import { z } from 'zod'

/** What one instance tells the others (and its own sockets) after a commit or a revoke. */
export const BusMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('poke'), storeId: z.string(), headSeq: z.number().int() }),
  z.object({ type: z.literal('revoke'), deviceId: z.string() }),
])
export type BusMessage = z.infer<typeof BusMessage>

export interface RealtimeBus {
  publish(message: BusMessage): void
  subscribe(listener: (message: BusMessage) => void): () => void
  close(): Promise<void>
}

/** One process: delivery in memory. */
export function createLocalBus(): RealtimeBus {
  const listeners = new Set<(message: BusMessage) => void>()
  return {
    publish(message) {
      for (const listener of listeners) listener(message)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close() {
      listeners.clear()
    },
  }
}

const CHANNEL = 'auraflow_sync'
const Envelope = z.object({ from: z.string(), message: BusMessage })

/**
 * Several instances on one PostgreSQL: local delivery at once, and NOTIFY for the others, which
 * LISTEN on a dedicated connection (a pooled one would lose the subscription when released).
 */
export async function createPostgresBus(
  url: string,
  instanceId: string,
  onError: (error: unknown) => void,
): Promise<RealtimeBus> {
  const local = createLocalBus()
  const listener = new pg.Client({ connectionString: url })
  const notifier = new pg.Pool({ connectionString: url, max: 2 })
  notifier.on('error', onError)
  listener.on('error', onError)
  await listener.connect()
  listener.on('notification', (notification) => {
    if (notification.channel !== CHANNEL || !notification.payload) return
    try {
      const parsed = Envelope.safeParse(JSON.parse(notification.payload))
      if (parsed.success && parsed.data.from !== instanceId) local.publish(parsed.data.message)
    } catch (error) {
      onError(error)
    }
  })
  await listener.query(`LISTEN ${CHANNEL}`)
  return {
    publish(message) {
      local.publish(message)
      notifier
        .query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ from: instanceId, message })])
        .catch(onError)
    },
    subscribe: local.subscribe,
    async close() {
      await local.close()
      await listener.end().catch(onError)
      await notifier.end().catch(onError)
    },
  }
}
