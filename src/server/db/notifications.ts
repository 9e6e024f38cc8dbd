import pg from 'pg'

export interface NotificationChannel {
  /** Sends a payload to every listener of the channel, this one included. */
  notify(payload: string): Promise<void>
  close(): Promise<void>
}

/**
 * PostgreSQL LISTEN/NOTIFY on one channel. The LISTEN runs on a dedicated connection (a pooled
 * one would lose the subscription when released); NOTIFY goes through a small pool.
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
  return {
    async notify(payload) {
      await notifier.query('SELECT pg_notify($1, $2)', [channel, payload])
    },
    async close() {
      await listener.end().catch(onError)
      await notifier.end().catch(onError)
    },
  }
}
