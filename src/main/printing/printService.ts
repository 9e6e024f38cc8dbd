import type { z } from 'zod'
import { PosError } from '../../shared/ipc/errors'
import type { OrderDetail as OrderDetailSchema } from '../../shared/ipc/schemas'
import type { PrintJob, PrinterStatus } from '../../shared/ipc/printSchemas'
import type { PrinterConfig, RegisterConfig } from '../../shared/store/registerConfig'
import type { RegisterEvents } from '../events'
import type { Actor, Authority } from '../services/authority'
import type { JobListQuery, PrintJobRow } from '../store/printJobRepository'
import type { PrintStore } from '../store/printStore'
import type { BackoffPolicy } from '../sync/backoff'
import {
  defaultNetworkTimeouts,
  probeNetworkPrinter,
  sendToNetworkPrinter,
  type NetworkTimeouts,
} from './networkPrinter'
import { createPrintWorker, JobNotPrintableError, type Delivered } from './printWorker'
import { shouldOpenDrawer } from './receiptModel'
import { renderEscPos, renderReceiptHtml, type RenderInput } from './render'
import {
  catchUpStation,
  enqueueForLocalOrder,
  enqueueForSyncedOrders,
  registerCodeOf,
} from './station'

type OrderDetail = z.infer<typeof OrderDetailSchema>
export type PrintJobView = z.infer<typeof PrintJob>
export type PrinterStatusView = z.infer<typeof PrinterStatus>

/** Prints HTML on an OS printer without a dialog (Electron's webContents.print). */
export type SystemPrint = (
  html: string,
  printer: { deviceName: string; paperWidthMm: number },
) => Promise<void>

export interface PrintServiceOptions {
  /** The print queue and what printing reads, bound to the register's database. */
  store: PrintStore
  events: RegisterEvents
  now: () => Date
  /** This register as it is now (its code changes when a copied folder is enrolled again). */
  device: () => { deviceId: string; registerCode: string }
  /** Present where Electron runs; without it a system printer's jobs fail with a clear reason. */
  printHtml?: SystemPrint | undefined
  network?: Partial<NetworkTimeouts> | undefined
  backoff?: BackoffPolicy | undefined
  random?: (() => number) | undefined
  pollIntervalMs?: number | undefined
  stopGraceMs?: number | undefined
  log: (message: string, error?: unknown) => void
  /** The core's authority: writes the drawer's audit events. */
  authority: Pick<Authority, 'audit'>
}

/** Audit action of a drawer kicked open by a receipt (issue 5: every drawer open is audited). */
export const drawerOpenedAction = 'drawer.opened'

export interface PrintService {
  /** Prints the queue and follows sales and pulls; returns the function that stops it. */
  start(): () => Promise<void>
  config(): RegisterConfig
  /** Settings were saved: print to the new printers, and check them. */
  configChanged(): void
  reprint(orderId: string, kind: 'receipt' | 'kitchen', printerId?: string): PrintJobView
  /**
   * A sale's original receipt on each receipt printer, when its customer asks for it after the
   * sale; returns how many jobs were queued (none when it was queued at the sale already).
   */
  printReceipt(orderId: string): number
  testPage(printerId: string): PrintJobView
  retry(jobId: string): PrintJobView
  cancel(jobId: string): PrintJobView
  markDone(jobId: string): PrintJobView
  jobs(query: JobListQuery): PrintJobView[]
  status(): PrinterStatusView[]
  /** A receipt as the customer would get it, for the preview, PDF and e-mail. */
  receiptHtml(
    orderId: string,
    options: { isCopy: boolean; paperWidthMm: 58 | 80 },
  ): { html: string; bodyHtml: string; language: 'en' | 'ar'; orderNumber: string }
}

export function createPrintService(options: PrintServiceOptions): PrintService {
  const { store, events } = options
  const timeouts: NetworkTimeouts = { ...defaultNetworkTimeouts, ...options.network }
  const config = () => store.registerConfig()
  const changed = (printerIds: string[]) => events.emit('print:changed', { printerIds })
  const { authority } = options
  let isStarted = false

  function orderFor(orderId: string): OrderDetail | null {
    return store.order(orderId)
  }

  function renderInput(
    kind: RenderInput['kind'],
    order: OrderDetail | null,
    settings: { isCopy: boolean; paperWidthMm: 58 | 80 },
  ): RenderInput {
    const registerConfig = config()
    const storeSettings = store.storeSettings()
    return {
      kind,
      order,
      isCopy: settings.isCopy,
      paperWidthMm: settings.paperWidthMm,
      language: registerConfig.language,
      store: {
        name: storeSettings.storeName,
        code: storeSettings.storeCode,
        currency: storeSettings.currency,
        locale: storeSettings.locale,
      },
      registerCode: options.device().registerCode,
      footer: registerConfig.receiptFooter,
      now: options.now().toISOString(),
    }
  }

  /** The order as this job prints it: a kitchen ticket keeps the station's categories only. */
  function jobOrder(job: PrintJobRow): OrderDetail | null {
    if (!job.orderId) return null
    const order = orderFor(job.orderId)
    if (!order) throw new JobNotPrintableError('The order of this job is not on this register.')
    const categoryIds = config().stationCategoryIds
    if (job.kind !== 'kitchen' || categoryIds.length === 0) return order
    const kept = store.productsInCategories(
      order.items.flatMap((item) => (item.productId ? [item.productId] : [])),
      categoryIds,
    )
    return {
      ...order,
      items: order.items.filter((item) => item.productId !== null && kept.has(item.productId)),
    }
  }

  /** The drawer opens for a sale rung up here, never for a copy or another register's order. */
  function opensDrawer(job: PrintJobRow, order: OrderDetail | null, printer: PrinterConfig) {
    if (!printer.opensDrawer || job.isCopy || job.kind !== 'receipt' || !order) return false
    const code = registerCodeOf(order.orderNumber, store.storeSettings().storeCode)
    return code === options.device().registerCode
  }

  /** The employee who rang the order up, as the actor of its drawer open (null if unknown). */
  function orderActor(employeeId: string | null): Actor | null {
    if (!employeeId) return null
    const employee = store.employee(employeeId)
    return employee ? { employeeId: employee.id, name: employee.name, role: employee.role } : null
  }

  async function deliver(job: PrintJobRow, printer: PrinterConfig): Promise<Delivered> {
    const order = jobOrder(job)
    const input = renderInput(job.kind, order, {
      isCopy: job.isCopy,
      paperWidthMm: printer.paperWidthMm,
    })
    if (printer.kind === 'system') {
      if (!options.printHtml)
        throw new JobNotPrintableError('System printers print only from the desktop app.')
      await options.printHtml(renderReceiptHtml(input).html, {
        deviceName: printer.systemName,
        paperWidthMm: printer.paperWidthMm,
      })
      return {}
    }
    // The same decision the renderer makes (it is idempotent), so the audit follows the bytes.
    const pulse = shouldOpenDrawer(input, opensDrawer(job, order, printer))
    const bytes = renderEscPos({
      ...input,
      hasArabicCodePage: printer.hasArabicCodePage,
      opensDrawer: pulse,
    })
    await sendToNetworkPrinter(printer, bytes, timeouts)
    if (!pulse || !order) return {}
    return {
      // In the transaction that marks the job printed: the drawer open syncs with it, once.
      onPrinted: (repositories) => {
        authority.audit(repositories.audit, {
          action: drawerOpenedAction,
          // Read inside the transaction (one connection), so the actor is as of the print.
          actor: orderActor(order.employeeId),
          subjectId: order.id,
          details: { reason: 'cash sale', orderId: order.id, printer: printer.name },
        })
      },
    }
  }

  const worker = createPrintWorker({
    store,
    now: options.now,
    printers: () => config().printers,
    deliver,
    probe: (printer) => probeNetworkPrinter(printer, timeouts),
    onChange: changed,
    backoff: options.backoff,
    random: options.random,
    pollIntervalMs: options.pollIntervalMs,
    stopGraceMs: options.stopGraceMs,
    log: options.log,
  })

  function view(job: PrintJobRow & { orderNumber?: string | null }): PrintJobView {
    const printer = config().printers.find((candidate) => candidate.id === job.printerId)
    const orderNumber =
      job.orderNumber !== undefined
        ? job.orderNumber
        : job.orderId
          ? (orderFor(job.orderId)?.orderNumber ?? null)
          : null
    return {
      id: job.id,
      kind: job.kind,
      orderId: job.orderId,
      orderNumber,
      printerId: job.printerId,
      printerName: printer?.name ?? null,
      isCopy: job.isCopy,
      status: job.status,
      attempts: job.attempts,
      lastError: job.lastError,
      nextAttemptAt: job.nextAttemptAt,
      createdAt: job.createdAt,
      printedAt: job.printedAt,
      doneAt: job.doneAt,
    }
  }

  /** A job changed by a person: the screens refresh and the worker looks again. */
  function touched(job: PrintJobRow): PrintJobView {
    changed([job.printerId])
    worker.wake()
    return view(job)
  }

  function requirePrinter(printerId: string): PrinterConfig {
    const printer = config().printers.find((candidate) => candidate.id === printerId)
    if (!printer)
      throw new PosError('NOT_FOUND', 'That printer is not set up on this register.', 'printerId')
    return printer
  }

  function afterEnqueue(printerIds: string[]) {
    if (printerIds.length === 0) return
    changed([...new Set(printerIds)])
    worker.wake()
  }

  /** A station queues what a pull committed while the print service was not listening. */
  function catchUp() {
    try {
      afterEnqueue(
        catchUpStation(store, config(), {
          now: options.now(),
          storeCode: store.storeSettings().storeCode,
          registerCode: options.device().registerCode,
        }),
      )
    } catch (error) {
      options.log('could not catch up on station print jobs', error)
    }
  }

  return {
    start() {
      const stopWorker = worker.start()
      isStarted = true
      catchUp()
      const unsubscribe = events.onAny((event, payload) => {
        try {
          if (event === 'order:created') {
            const order = payload as { id: string; kind: 'SALE' | 'REFUND' }
            afterEnqueue(enqueueForLocalOrder(store, config(), order, options.now().toISOString()))
          } else if (event === 'order:synced') {
            const { orderIds } = payload as { orderIds: string[] }
            afterEnqueue(
              enqueueForSyncedOrders(store, config(), orderIds, {
                now: options.now(),
                storeCode: store.storeSettings().storeCode,
              }),
            )
          }
        } catch (error) {
          // Printing must never undo or fail the sale or pull that was just committed.
          options.log('could not queue print jobs', error)
        }
      })
      return async () => {
        isStarted = false
        unsubscribe()
        await stopWorker()
      }
    },
    config,
    configChanged() {
      // A new mode or subscription takes effect at this save (stationSince), so this finds only
      // orders made since; it runs for any save, as a save cannot tell what it changed.
      if (isStarted) catchUp()
      changed(config().printers.map((printer) => printer.id))
      worker.wake()
      worker.probeIdle()
    },
    reprint(orderId, kind, printerId) {
      const order = orderFor(orderId)
      if (!order)
        throw new PosError('NOT_FOUND', 'No order with that id on this register.', 'orderId')
      const printer = printerId
        ? requirePrinter(printerId)
        : config().printers.find((candidate) => candidate.role === kind)
      if (!printer)
        throw new PosError(
          'NOT_FOUND',
          kind === 'receipt'
            ? 'No receipt printer is set up on this register.'
            : 'No kitchen printer is set up on this register.',
          'printerId',
        )
      const job = store.enqueueExtra(
        { kind, orderId, printerId: printer.id },
        options.now().toISOString(),
      )
      return touched(job)
    },
    printReceipt(orderId) {
      if (!orderFor(orderId))
        throw new PosError('NOT_FOUND', 'No order with that id on this register.', 'orderId')
      const printerIds = store.enqueueOriginals(
        config()
          .printers.filter((printer) => printer.role === 'receipt')
          .map((printer) => ({ kind: 'receipt' as const, orderId, printerId: printer.id })),
        options.now().toISOString(),
      )
      afterEnqueue(printerIds)
      return printerIds.length
    },
    testPage(printerId) {
      const printer = requirePrinter(printerId)
      return touched(
        store.enqueueExtra(
          { kind: 'test', orderId: null, printerId: printer.id },
          options.now().toISOString(),
        ),
      )
    },
    retry: (jobId) => touched(store.retry(jobId)),
    cancel: (jobId) => touched(store.cancel(jobId)),
    markDone: (jobId) => touched(store.markDone(jobId, options.now().toISOString())),
    jobs: (query) => store.list(query).map(view),
    status() {
      const waiting = store.waitingCounts()
      return config().printers.map((printer) => ({
        printerId: printer.id,
        name: printer.name,
        role: printer.role,
        ...worker.health(printer.id),
        waitingJobs: waiting.get(printer.id) ?? 0,
      }))
    },
    receiptHtml(orderId, settings) {
      const order = orderFor(orderId)
      if (!order)
        throw new PosError('NOT_FOUND', 'No order with that id on this register.', 'orderId')
      const rendered = renderReceiptHtml(renderInput('receipt', order, settings))
      return { ...rendered, language: config().language, orderNumber: order.orderNumber }
    },
  }
}
