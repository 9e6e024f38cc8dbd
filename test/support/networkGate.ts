import { createConnection, createServer, type Socket } from 'node:net'

/**
 * A TCP pass-through on 127.0.0.1:0 in front of the sync server that can be taken offline: while
 * closed it drops every open connection and every new one, as a cable pulled out would. Registers
 * enroll through it, so "offline" is the real sync engine failing to reach the server.
 */
export interface NetworkGate {
  url: string
  setOnline(isOnline: boolean): void
  close(): Promise<void>
}

export async function startNetworkGate(serverUrl: string): Promise<NetworkGate> {
  const target = new URL(serverUrl)
  const sockets = new Set<Socket>()
  let isOnline = true
  const server = createServer((client) => {
    if (!isOnline) return client.destroy()
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => undefined)
    }
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('gate did not listen')
  return {
    url: `http://127.0.0.1:${address.port}`,
    setOnline(next) {
      isOnline = next
      if (!next) for (const socket of sockets) socket.destroy()
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
