import { z } from 'zod'
import { listenToChannel } from '../db/notifications'

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
  const channel = await listenToChannel(
    url,
    CHANNEL,
    (payload) => {
      try {
        const parsed = Envelope.safeParse(JSON.parse(payload))
        if (parsed.success && parsed.data.from !== instanceId) local.publish(parsed.data.message)
      } catch (error) {
        onError(error)
      }
    },
    onError,
  )
  return {
    publish(message) {
      local.publish(message)
      channel.notify(JSON.stringify({ from: instanceId, message })).catch(onError)
    },
    subscribe: local.subscribe,
    async close() {
      await local.close()
      await channel.close()
    },
  }
}
