import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocketServer, type WebSocket } from 'ws'
import { startRealtime } from '../../../src/main/sync/realtime'

const opened: { close(): void }[] = []
afterEach(() => {
  for (const entry of opened.splice(0)) entry.close()
})

/** A bare socket server on 127.0.0.1 standing in for a sync server of another version. */
async function socketServer(): Promise<{ url: string; connected: Promise<WebSocket> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/api/sync/ws' })
  opened.push({ close: () => server.close() })
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  const connected = new Promise<WebSocket>((resolve) => server.once('connection', resolve))
  return { url: `http://127.0.0.1:${port}`, connected }
}

describe('realtime socket', () => {
  it('passes hello and poke heads on, and a poke without a head (older servers) as "something changed"', async () => {
    const { url, connected } = await socketServer()
    const hellos: number[] = []
    const pokes: (number | undefined)[] = []
    const stop = startRealtime({
      serverUrl: url,
      accessToken: async () => 'token',
      onHello: (headSeq) => hellos.push(headSeq),
      onPoke: (headSeq) => pokes.push(headSeq),
      onConnectionChange: () => undefined,
      onUnauthorized: () => undefined,
    })
    opened.push({ close: stop })
    const socket = await connected
    socket.send(JSON.stringify({ type: 'hello', storeId: 'store', headSeq: 7 }))
    socket.send(JSON.stringify({ type: 'poke', headSeq: 8 }))
    socket.send(JSON.stringify({ type: 'poke' }))
    // Malformed and unknown messages are dropped, never passed on as pokes.
    socket.send(JSON.stringify({ type: 'poke', headSeq: 'nine' }))
    socket.send('not json')
    socket.send(JSON.stringify({ type: 'poke', headSeq: 10 }))
    await expect.poll(() => pokes.length, { timeout: 5_000 }).toBe(3)
    expect(hellos).toEqual([7])
    expect(pokes).toEqual([8, undefined, 10])
  })
})
