import { startRealtime } from './realtime'
import type { RuntimeState } from './statusView'

export interface RealtimeLinkOptions {
  isEnabled: boolean
  /** Where the socket goes; null while this register is not enrolled. */
  enrolledServerUrl(): string | null
  accessToken(force?: boolean): Promise<string>
  /** The socket (re)connected: the register may have missed anything while it was away. */
  onHello(headSeq: number): void
  /** The server committed something for this store; its head after it, when the server says. */
  onPoke(headSeq: number | undefined): void
  /** Shared with the status view: the link sets isRealtimeConnected (and offline on a drop). */
  runtime: RuntimeState
  emitStatus(): void
  random?: () => number
}

export interface RealtimeLink {
  /** Opens the socket when enrolled; returns the function that closes it. */
  start(): () => void
  /** Reopens the socket after an enrollment changed the server or the token (no-op when stopped). */
  reconnect(): void
}

/** The worker's poke socket: open while started and enrolled, reopened after each enrollment. */
export function createRealtimeLink(options: RealtimeLinkOptions): RealtimeLink {
  const { runtime } = options
  let isStarted = false
  let stopSocket: (() => void) | null = null

  function reconnect() {
    stopSocket?.()
    stopSocket = null
    const serverUrl = options.enrolledServerUrl()
    if (!isStarted || !options.isEnabled || !serverUrl) return
    stopSocket = startRealtime({
      serverUrl,
      accessToken: () => options.accessToken(),
      onHello: (headSeq) => options.onHello(headSeq),
      onPoke: (headSeq) => options.onPoke(headSeq),
      onConnectionChange: (isConnected) => {
        runtime.isRealtimeConnected = isConnected
        // A dropped live connection is the first sign the server is gone: say so before the next
        // run proves it. Reconnecting says hello, which triggers a run that sets the real state.
        if (!isConnected && runtime.state === 'idle') runtime.state = 'offline'
        options.emitStatus()
      },
      onUnauthorized: () => void options.accessToken(true).catch(() => undefined),
      random: options.random,
    })
  }

  return {
    start() {
      isStarted = true
      reconnect()
      return () => {
        isStarted = false
        stopSocket?.()
        stopSocket = null
        runtime.isRealtimeConnected = false
      }
    },
    reconnect,
  }
}
