import net from 'node:net'
import {
  faultKinds,
  passPlan,
  type ExchangeFault,
  type ExchangeInfo,
  type FaultKind,
  type FaultPlan,
} from './faultPlan'

/**
 * A TCP proxy on 127.0.0.1:0 in front of the sync server that injects faults per connection and
 * per HTTP exchange. It understands just enough HTTP/1.1 to tell exchanges apart on a keep-alive
 * connection (a client chunk after the reply started opens the next one) and to let WebSocket
 * upgrades through untouched.
 */
export interface FaultProxy {
  readonly url: string
  readonly port: number
  /** Faults injected so far, by kind. */
  readonly injected: Record<FaultKind, number>
  /** Total faults injected so far. */
  injectedTotal(): number
  /** Requests handed on to the server (including those whose reply was then delayed or cut). */
  readonly forwarded: { count: number }
  setPlan(plan: FaultPlan): void
  /** Points the proxy at another server port (a restarted server). */
  setTarget(port: number): void
  /** Called as a request starts going to the server: tests kill processes on it. */
  onForwarded(listener: ((info: ExchangeInfo) => void) | null): void
  /** Drops every open connection (keep-alive pools and sockets see the network go away). */
  dropAll(): void
  stop(): Promise<void>
}

type Phase = 'idle' | 'request' | 'response'

export async function startFaultProxy(
  targetPort: number,
  plan: FaultPlan = passPlan,
): Promise<FaultProxy> {
  let target = targetPort
  let currentPlan = plan
  let forwardedListener: ((info: ExchangeInfo) => void) | null = null
  let nextConnectionId = 0
  const injected = Object.fromEntries(faultKinds.map((kind) => [kind, 0])) as Record<
    FaultKind,
    number
  >
  const forwarded = { count: 0 }
  const sockets = new Set<net.Socket>()
  const count = (kind: FaultKind) => {
    injected[kind]++
  }

  const server = net.createServer((client) => {
    const connectionId = nextConnectionId++
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => undefined)
    if (currentPlan.connect().kind === 'refuse') {
      count('refuse')
      client.destroy()
      return
    }
    const upstream = net.connect({ host: '127.0.0.1', port: target, noDelay: true })
    client.setNoDelay(true)
    sockets.add(upstream)
    upstream.on('close', () => {
      sockets.delete(upstream)
      client.destroy()
    })
    upstream.on('error', () => client.destroy())
    client.on('close', () => upstream.destroy())

    let phase: Phase = 'idle'
    let isTunnel = false
    let exchangeIndex = 0
    let fault: ExchangeFault = { kind: 'pass' }
    let info: ExchangeInfo | null = null
    let held: Buffer[] | null = null
    let isReplyFaulted = false
    let heldReply: Buffer[] | null = null
    let isReplyReleased = false

    const cut = () => {
      client.destroy()
      upstream.destroy()
    }
    const forward = (chunk: Buffer) => {
      upstream.write(chunk)
    }
    const forwardThenCut = (socket: net.Socket, part: Buffer) => {
      socket.write(part, () => setImmediate(cut))
    }

    // Mid-body: the headers go through and the body stops half-way (a bodiless request is cut in its headers).
    let requestBytesToCut: number | null = null
    const cutRequestPart = (chunk: Buffer) => {
      if (requestBytesToCut === 0) return
      if (requestBytesToCut === null) {
        const headerEnd = chunk.indexOf('\r\n\r\n')
        const length = contentLength(chunk, headerEnd)
        if (headerEnd < 0 || length === 0)
          return forwardThenCut(upstream, chunk.subarray(0, Math.max(1, chunk.length >> 1)))
        requestBytesToCut = headerEnd + 4 + Math.max(1, length >> 1)
      }
      if (chunk.length < requestBytesToCut) {
        requestBytesToCut -= chunk.length
        return forward(chunk)
      }
      forwardThenCut(upstream, chunk.subarray(0, requestBytesToCut))
      requestBytesToCut = 0
    }

    let replyBytesToCut: number | null = null
    const cutReplyPart = (chunk: Buffer) => {
      if (replyBytesToCut === 0) return
      if (replyBytesToCut === null) {
        const headerEnd = chunk.indexOf('\r\n\r\n')
        const length = contentLength(chunk, headerEnd)
        replyBytesToCut =
          headerEnd < 0 || length === 0
            ? Math.max(1, chunk.length >> 1)
            : headerEnd + 4 + Math.max(1, length >> 1)
      }
      if (chunk.length < replyBytesToCut) {
        replyBytesToCut -= chunk.length
        return void client.write(chunk)
      }
      forwardThenCut(client, chunk.subarray(0, replyBytesToCut))
      replyBytesToCut = 0
    }

    client.on('data', (chunk: Buffer) => {
      if (isTunnel) return forward(chunk)
      if (phase !== 'request') {
        // A new request on this connection.
        const [method = '?', path = '?'] = chunk
          .toString('latin1', 0, Math.min(chunk.length, 512))
          .split(' ', 2)
        const head = chunk.toString('latin1', 0, Math.min(chunk.length, 2048)).toLowerCase()
        info = { connectionId, index: exchangeIndex++, method, path }
        phase = 'request'
        isReplyFaulted = false
        requestBytesToCut = null
        replyBytesToCut = null
        heldReply = null
        isReplyReleased = false
        if (head.includes('upgrade: websocket')) {
          isTunnel = true
          return forward(chunk)
        }
        fault = currentPlan.exchange(info)
        if (fault.kind !== 'pass') count(fault.kind)
        switch (fault.kind) {
          case 'pass':
          case 'delayReply':
          case 'cutBeforeReply':
          case 'cutMidReply':
            break
          case 'cutRequest':
            return cutRequestPart(chunk)
          case 'blackhole':
            held = []
            return
          case 'delay': {
            held = [chunk]
            const timer = setTimeout(() => {
              const chunks = held ?? []
              held = null
              for (const part of chunks) forward(part)
              if (info) notifyForwarded(info)
            }, fault.ms)
            timer.unref()
            return
          }
          default: {
            const exhaustive: never = fault
            throw new Error(`unknown fault ${JSON.stringify(exhaustive)}`)
          }
        }
        forward(chunk)
        notifyForwarded(info)
        return
      }
      // More of the same request (a body in several chunks).
      if (fault.kind === 'cutRequest') return cutRequestPart(chunk)
      if (held) return void held.push(chunk)
      forward(chunk)
    })

    upstream.on('data', (chunk: Buffer) => {
      if (isTunnel) return void client.write(chunk)
      if (phase === 'request') phase = 'response'
      if (isReplyFaulted) return
      if (fault.kind === 'cutBeforeReply') {
        isReplyFaulted = true
        return cut()
      }
      if (fault.kind === 'cutMidReply') return cutReplyPart(chunk)
      if (fault.kind === 'delayReply' && !isReplyReleased) {
        if (heldReply) return void heldReply.push(chunk)
        heldReply = [chunk]
        const ms = fault.ms
        setTimeout(() => {
          for (const part of heldReply ?? []) client.write(part)
          heldReply = null
          isReplyReleased = true
        }, ms).unref()
        return
      }
      client.write(chunk)
    })
  })

  /** Content-Length of a message whose headers end at `headerEnd` (0 when absent or unknown). */
  function contentLength(chunk: Buffer, headerEnd: number): number {
    if (headerEnd < 0) return 0
    const match = /\r\ncontent-length:\s*(\d+)/i.exec(chunk.toString('latin1', 0, headerEnd))
    return match ? Number(match[1]) : 0
  }

  function notifyForwarded(info: ExchangeInfo) {
    forwarded.count++
    forwardedListener?.(info)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('proxy has no port')

  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    injected,
    injectedTotal: () => Object.values(injected).reduce((sum, value) => sum + value, 0),
    forwarded,
    setPlan(next) {
      currentPlan = next
    },
    setTarget(port) {
      target = port
    },
    onForwarded(listener) {
      forwardedListener = listener
    },
    dropAll() {
      for (const socket of sockets) socket.destroy()
    },
    async stop() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
