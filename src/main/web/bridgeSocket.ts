import type { WebSocket } from 'ws'
import { PosError } from '../../shared/ipc/errors'
import type { RegisterCore } from '../core'
import { BridgeRequest } from './protocol'

/** What a socket may see and ask: everything (the register page) or a named few (a display). */
export interface BridgeScope {
  events?: ReadonlySet<string>
  channels?: ReadonlySet<string>
  /** The refusal for a channel outside `channels`. */
  refusal?: string
}

/**
 * One bridge socket: the register core's events out, invoke envelopes in, answered through the
 * same handler registry ipcMain uses. A channel outside the scope is answered FORBIDDEN without
 * reaching the core; a message that is not a bridge request closes the socket.
 */
export function serveBridgeSocket(
  ws: WebSocket,
  core: Pick<RegisterCore, 'events' | 'registry'>,
  scope: BridgeScope = {},
): void {
  const unsubscribe = core.events.onAny((event, payload) => {
    if (!scope.events || scope.events.has(event))
      ws.send(JSON.stringify({ type: 'event', event, payload }))
  })
  ws.on('close', unsubscribe)
  ws.on('message', (data) => {
    let message: unknown
    try {
      message = JSON.parse(data.toString())
    } catch {
      ws.close(1007, 'Bridge messages are JSON')
      return
    }
    const request = BridgeRequest.safeParse(message)
    if (!request.success) {
      ws.close(1008, 'Not a bridge request')
      return
    }
    const { id, channel, input } = request.data
    const reply =
      !scope.channels || scope.channels.has(channel)
        ? core.registry.dispatch(channel, input)
        : Promise.resolve({
            ok: false as const,
            error: new PosError('FORBIDDEN', scope.refusal ?? 'Not allowed here.').toData(),
          })
    void reply.then((result) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id, result }))
    })
  })
}
