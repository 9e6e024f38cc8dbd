import WebSocket from 'ws'
import { ServerSocketMessage } from '../../shared/sync/protocol'
import { backoffDelayMs } from './backoff'

export interface RealtimeOptions {
  serverUrl: string
  accessToken(): Promise<string>
  /** The socket just connected: the store's head then (anything may have changed while away). */
  onHello(headSeq: number): void
  /** A commit happened on the server for this store; its head after it, when the server says. */
  onPoke(headSeq: number | undefined): void
  onConnectionChange(isConnected: boolean): void
  /** The server closed the socket saying the device is revoked or the token is bad. */
  onUnauthorized(): void
  random?: () => number
}

/**
 * Keeps one WebSocket to /api/sync/ws open, reconnecting with jittered backoff. Pokes are hints:
 * the worker pulls by cursor either way, so a missed poke only delays, never loses, a change.
 */
export function startRealtime(options: RealtimeOptions): () => void {
  let socket: WebSocket | null = null
  let retryTimer: NodeJS.Timeout | null = null
  let attempt = 0
  let isStopped = false
  const url = new URL('/api/sync/ws', options.serverUrl)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'

  const scheduleReconnect = () => {
    if (isStopped || retryTimer) return
    const delay = backoffDelayMs(attempt++, { baseMs: 500, capMs: 30_000 }, options.random)
    retryTimer = setTimeout(() => {
      retryTimer = null
      void connect()
    }, delay)
    retryTimer.unref()
  }

  async function connect() {
    if (isStopped) return
    let token: string
    try {
      token = await options.accessToken()
    } catch {
      scheduleReconnect()
      return
    }
    if (isStopped) return
    const current = new WebSocket(url, {
      headers: { authorization: `Bearer ${token}` },
      handshakeTimeout: 10_000,
    })
    socket = current
    current.on('open', () => {
      if (isStopped) return
      attempt = 0
      options.onConnectionChange(true)
    })
    current.on('message', (data) => {
      if (isStopped) return
      let parsed
      try {
        parsed = ServerSocketMessage.safeParse(JSON.parse(data.toString()))
      } catch {
        return
      }
      if (!parsed.success) return
      switch (parsed.data.type) {
        case 'hello':
          options.onHello(parsed.data.headSeq)
          break
        case 'poke':
          options.onPoke(parsed.data.headSeq)
          break
        default: {
          const exhaustive: never = parsed.data
          void exhaustive
        }
      }
    })
    current.on('unexpected-response', (_request, response) => {
      if (response.statusCode === 401 && !isStopped) options.onUnauthorized()
      current.terminate()
    })
    current.on('error', () => {
      // 'close' follows and schedules the reconnect.
    })
    current.on('close', (code) => {
      if (socket === current) socket = null
      // After stop() nothing may call back: the register may be closing its database.
      if (isStopped) return
      options.onConnectionChange(false)
      if (code === 4401) options.onUnauthorized()
      scheduleReconnect()
    })
  }

  void connect()
  return () => {
    isStopped = true
    if (retryTimer) clearTimeout(retryTimer)
    socket?.terminate()
    socket = null
  }
}
