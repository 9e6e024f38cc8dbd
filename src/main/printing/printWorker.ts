import type { PrinterConfig } from '../../shared/store/registerConfig'
import type { PrintJobRow } from '../store/printJobRepository'
import type { PrintedHook, PrintStore } from '../store/printStore'
import { backoffDelayMs, type BackoffPolicy } from '../sync/backoff'
import { PrinterError } from './networkPrinter'

export type PrinterState = 'ready' | 'unreachable' | 'error' | 'unknown'

export interface PrinterHealth {
  state: PrinterState
  lastError: string | null
  checkedAt: string | null
}

/** A job that cannot print however long it waits (its order is gone, no system printing here). */
export class JobNotPrintableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'JobNotPrintableError'
  }
}

export interface Delivered {
  /** Runs in the transaction that marks the job printed, only if it does. */
  onPrinted?: PrintedHook | undefined
}

export interface PrintWorkerOptions {
  store: Pick<
    PrintStore,
    'queueHead' | 'claimNext' | 'markPrinted' | 'markFailed' | 'markInterruptedUncertain'
  >
  now: () => Date
  /** The configured printers, read on every pass (settings can change at any time). */
  printers: () => PrinterConfig[]
  /**
   * Renders and sends one job; throws PrinterError (retried) or JobNotPrintableError (not). What
   * it returns may record more in the transaction that marks the job printed (the drawer's audit).
   */
  deliver: (job: PrintJobRow, printer: PrinterConfig) => Promise<Delivered | void>
  /** Only connects (nothing prints), to show a printer's state before its first job. */
  probe: (printer: PrinterConfig) => Promise<void>
  /** Jobs or printer states changed. */
  onChange: (printerIds: string[]) => void
  backoff?: BackoffPolicy | undefined
  random?: (() => number) | undefined
  /** Safety-net pass when nothing wakes the worker. */
  pollIntervalMs?: number | undefined
  /** How long stopping waits for jobs being sent. */
  stopGraceMs?: number | undefined
  log: (message: string, error?: unknown) => void
}

export interface PrintWorker {
  /** Starts printing; returns the function that stops it (after the jobs in flight, briefly). */
  start(): () => Promise<void>
  /** Looks for due jobs now (a job was queued or retried). */
  wake(): void
  /** Checks the network printers that have nothing to print (settings changed). */
  probeIdle(): void
  health(printerId: string): PrinterHealth
}

/** Retries of a failing printer: quick at first, then once a minute at most. */
export const printBackoff: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 }

const unknownHealth: PrinterHealth = { state: 'unknown', lastError: null, checkedAt: null }

/**
 * Prints the queue: one job in flight per printer, each printer's jobs in order, printers
 * independent of each other (a kitchen printer that is off never holds receipts).
 */
export function createPrintWorker(options: PrintWorkerOptions): PrintWorker {
  const { store } = options
  const pollIntervalMs = options.pollIntervalMs ?? 5_000
  const inFlight = new Map<string, Promise<void>>()
  const probing = new Set<Promise<void>>()
  const health = new Map<string, PrinterHealth>()
  // Bumped whenever a job settles, so a slower probe never overwrites what a job learnt.
  const observed = new Map<string, number>()
  let isRunning = false
  let timer: NodeJS.Timeout | null = null

  const iso = () => options.now().toISOString()

  function setHealth(printerId: string, next: PrinterHealth): void {
    const previous = health.get(printerId)
    health.set(printerId, next)
    if (previous?.state !== next.state || previous.lastError !== next.lastError)
      options.onChange([printerId])
  }

  function recordFailure(job: PrintJobRow, error: unknown): void {
    const isPrinterFault = error instanceof PrinterError
    const message =
      error instanceof Error ? error.message : `The job could not print: ${String(error)}`
    if (!isPrinterFault && !(error instanceof JobNotPrintableError))
      options.log('print job failed', error)
    const nowMs = options.now().getTime()
    store.markFailed(job.id, {
      message,
      // Anything but a plain "cannot print this" is worth another try (a system printer's hiccup),
      // after a growing, jittered wait.
      retryAt:
        error instanceof JobNotPrintableError
          ? null
          : (attempts) =>
              new Date(
                nowMs +
                  backoffDelayMs(attempts - 1, options.backoff ?? printBackoff, options.random),
              ).toISOString(),
    })
    if (isPrinterFault)
      setHealth(job.printerId, {
        state: error.kind === 'unreachable' ? 'unreachable' : 'error',
        lastError: message,
        checkedAt: iso(),
      })
  }

  async function print(job: PrintJobRow, printer: PrinterConfig): Promise<void> {
    let outcome: { ok: true; delivered: Delivered | void } | { ok: false; error: unknown }
    try {
      outcome = { ok: true, delivered: await options.deliver(job, printer) }
    } catch (error) {
      outcome = { ok: false, error }
    }
    observed.set(printer.id, (observed.get(printer.id) ?? 0) + 1)
    try {
      if (outcome.ok) {
        const { delivered } = outcome
        store.markPrinted(job.id, iso(), delivered?.onPrinted)
        setHealth(printer.id, { state: 'ready', lastError: null, checkedAt: iso() })
      } else recordFailure(job, outcome.error)
      options.onChange([printer.id])
    } catch (error) {
      // The database closed under a stop that gave up waiting: the job stays 'printing' and
      // becomes 'uncertain' at the next start, which is the truth (it may have printed).
      options.log('could not record a print result', error)
    }
  }

  function pass(): void {
    if (!isRunning) return
    if (timer) clearTimeout(timer)
    timer = null
    let sleepMs = pollIntervalMs
    try {
      const nowIso = iso()
      for (const printer of options.printers()) {
        if (inFlight.has(printer.id)) continue
        const head = store.queueHead(printer.id)
        if (!head) continue
        if (head.status === 'failed' && head.nextAttemptAt && head.nextAttemptAt > nowIso) {
          const dueInMs = Date.parse(head.nextAttemptAt) - Date.parse(nowIso)
          sleepMs = Math.min(sleepMs, Math.max(dueInMs, 1))
          continue
        }
        const job = store.claimNext(printer.id, nowIso)
        if (!job) continue
        options.onChange([printer.id])
        const running = print(job, printer).finally(() => {
          inFlight.delete(printer.id)
          pass()
        })
        inFlight.set(printer.id, running)
      }
    } catch (error) {
      options.log('print queue pass failed', error)
    }
    if (isRunning) timer = setTimeout(pass, sleepMs)
  }

  function probeIdle(): void {
    if (!isRunning) return
    for (const printer of options.printers()) {
      if (printer.kind !== 'network' || inFlight.has(printer.id)) continue
      if (store.queueHead(printer.id)) continue // its next job tells us soon enough
      const before = observed.get(printer.id) ?? 0
      const probe = options
        .probe(printer)
        .then(
          () => ({ state: 'ready' as const, lastError: null }),
          (error: unknown) => ({
            state:
              error instanceof PrinterError && error.kind === 'unreachable'
                ? ('unreachable' as const)
                : ('error' as const),
            lastError: error instanceof Error ? error.message : String(error),
          }),
        )
        .then((result) => {
          if (isRunning && (observed.get(printer.id) ?? 0) === before)
            setHealth(printer.id, { ...result, checkedAt: iso() })
        })
        .finally(() => probing.delete(probe))
      probing.add(probe)
    }
  }

  return {
    start() {
      if (isRunning) throw new Error('The print worker is already running.')
      const uncertain = store.markInterruptedUncertain()
      isRunning = true
      if (uncertain > 0) options.onChange([])
      pass()
      probeIdle()
      return async () => {
        isRunning = false
        if (timer) clearTimeout(timer)
        timer = null
        const grace = new Promise<void>((resolve) => {
          const wait = setTimeout(resolve, options.stopGraceMs ?? 5_000)
          void Promise.allSettled([...inFlight.values(), ...probing]).then(() => {
            clearTimeout(wait)
            resolve()
          })
        })
        await grace
      }
    },
    wake: () => pass(),
    probeIdle,
    health: (printerId) => health.get(printerId) ?? unknownHealth,
  }
}
