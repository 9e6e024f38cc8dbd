import { createServer, type Server, type Socket } from 'node:net'

/**
 * accept: reads the job and closes when the sender has finished (a healthy printer);
 * refuse: not listening, so connections are refused (switched off); stall: takes the connection
 * and the bytes but never finishes the job or closes (paper out); drop: resets the connection
 * after the first chunk.
 */
export type FakePrinterMode = 'accept' | 'refuse' | 'stall' | 'drop'

export interface FakePrinter {
  readonly host: string
  readonly port: number
  /** Every complete job received, in order (one connection that sent bytes = one job). */
  jobs(): Buffer[]
  /** What arrived on connections this printer dropped (it may have printed that much). */
  dropped(): Buffer[]
  /** What arrived so far on connections stalled open (nothing printed yet). */
  stalled(): Buffer[]
  /** Connections taken in any mode, including probes that sent nothing. */
  connectionCount(): number
  setMode(mode: FakePrinterMode): Promise<void>
  /** Resolves once `count` jobs have arrived; rejects after `timeoutMs` with what did. */
  waitForJobs(count: number, timeoutMs?: number): Promise<Buffer[]>
  stop(): Promise<void>
}

/** A small, honest ESC/POS printer simulator on 127.0.0.1: a real TCP server. */
export async function startFakePrinter(
  initialMode: FakePrinterMode = 'accept',
): Promise<FakePrinter> {
  const sockets = new Set<Socket>()
  const received: Buffer[] = []
  const droppedJobs: Buffer[] = []
  const stalledJobs: { chunks: Buffer[] }[] = []
  const waiters = new Set<() => void>()
  let mode: FakePrinterMode = initialMode
  let connections = 0
  let server: Server | null = null
  let port = 0

  const handle = (socket: Socket) => {
    connections += 1
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    if (mode === 'stall') {
      const stalled = { chunks: [] as Buffer[] }
      stalledJobs.push(stalled)
      socket.on('data', (chunk: Buffer) => stalled.chunks.push(chunk))
      return
    }
    const chunks: Buffer[] = []
    if (mode === 'drop') {
      socket.once('data', (chunk: Buffer) => {
        droppedJobs.push(Buffer.from(chunk))
        socket.resetAndDestroy()
      })
      return
    }
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('end', () => {
      const job = Buffer.concat(chunks)
      if (job.length > 0) {
        received.push(job)
        for (const waiter of waiters) waiter()
      }
      socket.end()
    })
  }

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      // Half-open: a stalled printer keeps its side open after the sender finished.
      const next = createServer({ allowHalfOpen: true }, handle)
      next.once('error', reject)
      next.listen(port, '127.0.0.1', () => {
        next.off('error', reject)
        const address = next.address()
        if (address && typeof address === 'object') port = address.port
        server = next
        resolve()
      })
    })

  const stopListening = () => {
    // Stops accepting at once; connections already open live on until stop().
    server?.close()
    server = null
  }

  if (initialMode === 'refuse') {
    // Reserve a port that then refuses, so the printer can come back on the same address.
    await listen()
    stopListening()
  } else await listen()

  return {
    host: '127.0.0.1',
    get port() {
      return port
    },
    jobs: () => [...received],
    dropped: () => [...droppedJobs],
    stalled: () => stalledJobs.map((job) => Buffer.concat(job.chunks)),
    connectionCount: () => connections,
    async setMode(next) {
      mode = next
      if (next === 'refuse') stopListening()
      else if (!server) await listen()
    },
    waitForJobs(count, timeoutMs = 10_000) {
      return new Promise<Buffer[]>((resolve, reject) => {
        const check = () => {
          if (received.length < count) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve([...received])
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`fake printer got ${received.length} of ${count} jobs`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    async stop() {
      for (const socket of sockets) socket.destroy()
      const closing = server
      server = null
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()))
    },
  }
}
