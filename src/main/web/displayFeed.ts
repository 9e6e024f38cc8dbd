import { createHmac } from 'node:crypto'
import type { WebSocket } from 'ws'
import { customerDisplayChannels, customerDisplayEvents } from '../../shared/ipc/access'
import { PosError } from '../../shared/ipc/errors'
import type { RegisterCore } from '../core'
import { BridgeRequest } from './protocol'

/** The customer display's page, and the socket that feeds it. */
export const customerDisplayPath = '/customer-display'
export const displayFeedPath = '/display-feed'

const displayInvokeChannels: ReadonlySet<string> = new Set(customerDisplayChannels)
const displayEvents: ReadonlySet<string> = new Set(customerDisplayEvents)

/**
 * The customer display's own key, derived from the launch secret: it opens the display page and
 * its feed, never the register. Derived rather than random so a fixed --token gives a fixed
 * display link (a screen on a stand keeps working across restarts); the key does not reveal the
 * secret it came from.
 */
export function displayKeyFor(token: string): string {
  return createHmac('sha256', token).update('auraflow customer display').digest('base64url')
}

/**
 * A customer display's socket: the same envelopes as the register's bridge, but it receives only
 * display:stateChanged and may call only display:getState. Anything else is answered FORBIDDEN
 * without reaching the register core.
 */
export function serveDisplayFeed(ws: WebSocket, core: Pick<RegisterCore, 'events' | 'registry'>) {
  const unsubscribe = core.events.onAny((event, payload) => {
    if (displayEvents.has(event)) ws.send(JSON.stringify({ type: 'event', event, payload }))
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
    const reply = displayInvokeChannels.has(channel)
      ? core.registry.dispatch(channel, input)
      : Promise.resolve({
          ok: false as const,
          error: new PosError('FORBIDDEN', 'A customer display only shows the cart.').toData(),
        })
    void reply.then((result) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id, result }))
    })
  })
}
