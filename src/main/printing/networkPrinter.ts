import { createConnection, type Socket } from 'node:net'

/** Where a network (ESC/POS over raw TCP, usually port 9100) printer listens. */
export interface NetworkTarget {
  name: string
  host: string
  port: number
}

export interface NetworkTimeouts {
  /** How long the printer may take to accept the connection. */
  connectMs: number
  /** How long it may take to read the whole job and close (paper out or cover open stalls it). */
  writeMs: number
}

export const defaultNetworkTimeouts: NetworkTimeouts = { connectMs: 3_000, writeMs: 10_000 }

/**
 * unreachable: nothing took the connection (off, unplugged, wrong address);
 * timeout: connected but it did not take the job; dropped: it cut the connection mid-job.
 */
export type PrinterFailureKind = 'unreachable' | 'timeout' | 'dropped' | 'error'

export class PrinterError extends Error {
  readonly kind: PrinterFailureKind

  constructor(kind: PrinterFailureKind, message: string) {
    super(message)
    this.name = 'PrinterError'
    this.kind = kind
  }
}

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
])
const droppedCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED'])

function label(target: NetworkTarget): string {
  return `Printer ${target.name} (${target.host}:${target.port})`
}

/** Turns a socket failure into a message a cashier can act on. */
export function classifyPrinterError(
  target: NetworkTarget,
  error: unknown,
  isConnected: boolean,
): PrinterError {
  if (error instanceof PrinterError) return error
  const code = (error as NodeJS.ErrnoException | null)?.code ?? ''
  if (!isConnected || unreachableCodes.has(code))
    return new PrinterError(
      'unreachable',
      `${label(target)} is not reachable. Check that it is on and connected to the network.`,
    )
  if (droppedCodes.has(code))
    return new PrinterError(
      'dropped',
      `${label(target)} cut the connection while printing; the job will be sent again.`,
    )
  const detail = error instanceof Error ? error.message : String(error)
  return new PrinterError('error', `${label(target)} failed: ${detail}`)
}

/**
 * One connection, settled exactly once: resolves when the printer closes its side cleanly,
 * rejects on an error or a timeout. The socket is always destroyed before it settles.
 */
function withConnection(
  target: NetworkTarget,
  timeouts: NetworkTimeouts,
  onConnect: (socket: Socket, done: () => void) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let isConnected = false
    let isFinished = false
    let isSettled = false
    const socket = createConnection({ host: target.host, port: target.port })
    const settle = (error: PrinterError | null) => {
      if (isSettled) return
      isSettled = true
      clearTimeout(timer)
      socket.destroy()
      if (error) reject(error)
      else resolve()
    }
    let timer = setTimeout(
      () =>
        settle(
          new PrinterError(
            'unreachable',
            `${label(target)} is not reachable (no answer within ${Math.round(timeouts.connectMs / 1000)} s). Check that it is on and connected to the network.`,
          ),
        ),
      timeouts.connectMs,
    )
    socket.on('connect', () => {
      isConnected = true
      clearTimeout(timer)
      timer = setTimeout(
        () =>
          settle(
            new PrinterError(
              'timeout',
              `${label(target)} did not take the job within ${Math.round(timeouts.writeMs / 1000)} s. Check its paper and cover.`,
            ),
          ),
        timeouts.writeMs,
      )
      onConnect(socket, () => settle(null))
    })
    socket.on('finish', () => (isFinished = true))
    // A printer sends status bytes now and then; they are not needed, but must be read.
    socket.on('data', () => {})
    socket.on('error', (error) => settle(classifyPrinterError(target, error, isConnected)))
    socket.on('close', (hadError) => {
      if (hadError) return // 'error' settled it
      if (!isConnected)
        settle(new PrinterError('unreachable', `${label(target)} closed the connection at once.`))
      else if (!isFinished)
        settle(
          new PrinterError(
            'dropped',
            `${label(target)} closed the connection before taking the whole job; it will be sent again.`,
          ),
        )
      else settle(null)
    })
  })
}

/**
 * Sends one job: connect, write every byte, half-close, and wait until the printer has read it all
 * and closed its side. Waiting for that close is what makes a stalled printer (paper out) a
 * timeout rather than a false success.
 */
export function sendToNetworkPrinter(
  target: NetworkTarget,
  bytes: Uint8Array,
  timeouts: NetworkTimeouts = defaultNetworkTimeouts,
): Promise<void> {
  return withConnection(target, timeouts, (socket) => {
    socket.end(bytes)
  })
}

/** Checks the printer takes connections, sending nothing (nothing prints). */
export function probeNetworkPrinter(
  target: NetworkTarget,
  timeouts: NetworkTimeouts = defaultNetworkTimeouts,
): Promise<void> {
  return withConnection(target, timeouts, (_socket, done) => done())
}
