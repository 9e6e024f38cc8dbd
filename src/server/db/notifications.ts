import pg from 'pg'

export interface NotificationChannel {
  /** Sends a payload to every listener of the channel, this one included. */
  notify(payload: string): Promise<void>
  close(): Promise<void>
}

/**
 * PostgreSQL LISTEN/NOTIFY on one channel. The LISTEN runs on a dedicated connection (a pooled
 * one would lose the subscription when released). NOTIFY is a transaction of its own, and on a
 * durable database each commit waits for a WAL flush: one per push would double the commits of a
 * busy server. So payloads are sent at once when none is on its way, and those that arrive
 * meanwhile go together in the next statement (one commit, delivered in order).
 */
export async function listenToChannel(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  onError: (error: unknown) => void,
): Promise<NotificationChannel> {
  const listener = new pg.Client({ connectionString: url })
  const notifier = new pg.Pool({ connectionString: url, max: 2 })
  notifier.on('error', onError)
  listener.on('error', onError)
  await listener.connect()
  listener.on('notification', (notification) => {
    if (notification.channel !== channel || !notification.payload) return
    onPayload(notification.payload)
  })
  await listener.query(`LISTEN ${channel}`)
  const queued: { payload: string; settle(error?: unknown): void }[] = []
  let flushing: Promise<void> | null = null
  const flush = async () => {
    while (queued.length > 0) {
      const batch = queued.splice(0, 500)
      const error = await notifier
        .query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
          channel,
          batch.map((entry) => entry.payload),
        ])
        .then(
          () => undefined,
          (failure: unknown) => failure ?? new Error('NOTIFY failed'),
        )
      for (const entry of batch) entry.settle(error)
    }
    flushing = null
  }
  return {
    notify(payload) {
      return new Promise<void>((resolve, reject) => {
        queued.push({ payload, settle: (error) => (error ? reject(error) : resolve()) })
        flushing ??= flush()
      })
    },
    async close() {
      await listener.end().catch(onError)
      await notifier.end().catch(onError)
    },
  }
}
