import { createHmac } from 'node:crypto'
import type { WebSocket } from 'ws'
import { customerDisplayChannels, customerDisplayEvents } from '../../shared/ipc/access'
import type { RegisterCore } from '../core'
import { serveBridgeSocket } from './bridgeSocket'

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
  serveBridgeSocket(ws, core, {
    events: displayEvents,
    channels: displayInvokeChannels,
    refusal: 'A customer display only shows the cart.',
  })
}
