import { v4 as uuidv4 } from 'uuid'
import { afterEach, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { OrderSummary } from '../../../src/shared/ipc/schemas'
import { startFakePrinter, type FakePrinter } from '../../support/fakePrinter'
import { call, callError, openTestCore, type TestCoreOptions } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'
import {
  configure,
  fastPrinting,
  initCount,
  latin1,
  networkPrinter,
  sell,
  waitFor,
} from './printingHelpers'

const tempDir = useTempDirs('auraflow-print-')
const running: { core: RegisterCore; stop: (() => Promise<void>) | null }[] = []
const printers: FakePrinter[] = []

afterEach(async () => {
  for (const entry of running.splice(0)) {
    await entry.stop?.()
    entry.core.close()
  }
  for (const printer of printers.splice(0)) await printer.stop()
})

async function fakePrinter(mode: Parameters<typeof startFakePrinter>[0] = 'accept') {
  const printer = await startFakePrinter(mode)
  printers.push(printer)
  return printer
}

/** A register printing in the background, closed after the test. */
function openPrinting(dataDir: string, options: TestCoreOptions = {}) {
  const core = openTestCore(dataDir, { printing: fastPrinting, ...options })
  const entry = { core, stop: core.startBackground() as (() => Promise<void>) | null }
  running.push(entry)
  return {
    core,
    /** Stops and closes, as quitting the app does. */
    async quit() {
      await entry.stop?.()
      entry.stop = null
      core.close()
      running.splice(running.indexOf(entry), 1)
    },
  }
}

const jobsOf = (core: RegisterCore) => call(core, 'print:listJobs', { limit: 100, hideDone: false })

async function jobFor(core: RegisterCore, orderId: string) {
  return (await jobsOf(core)).find((job) => job.orderId === orderId && !job.isCopy)
}

describe('the print queue on a network receipt printer', () => {
  it('prints each sale once, in the order the sales were made', async () => {
    const printer = await fakePrinter()
    const { core } = openPrinting(tempDir())
    await configure(core, { printers: [networkPrinter(printer)] })
    const sales = [await sell(core), await sell(core), await sell(core)]
    const received = await printer.waitForJobs(3)
    expect(
      received.map((bytes) => sales.findIndex((o) => latin1(bytes).includes(o.orderNumber))),
    ).toEqual([0, 1, 2])
    await waitFor(
      async () => (await jobsOf(core)).every((job) => job.status === 'printed'),
      'every job printed',
    )
    const jobs = await jobsOf(core)
    expect(jobs).toHaveLength(3)
    expect(jobs.map((job) => job.orderNumber).reverse()).toEqual(sales.map((o) => o.orderNumber))
    expect(jobs[0]).toMatchObject({ kind: 'receipt', printerName: 'Front', isCopy: false })
    // The same sale announced again (a replayed event) queues nothing new.
    core.events.emit('order:created', OrderSummary.parse(sales[0]))
    expect(await jobsOf(core)).toHaveLength(3)
    expect(printer.jobs()).toHaveLength(3)
  })

  it('shows a refusing printer as unreachable, keeps retrying, and prints once when it is back', async () => {
    const printer = await fakePrinter('refuse')
    const { core } = openPrinting(tempDir())
    const config = await configure(core, {
      printers: [networkPrinter(printer, { name: 'Kitchen pass' })],
    })
    const order = await sell(core)
    const failed = await waitFor(async () => {
      const job = await jobFor(core, order.id)
      return job && job.status === 'failed' && job.attempts >= 2 ? job : null
    }, 'two failed attempts')
    expect(failed.lastError).toBe(
      `Printer Kitchen pass (127.0.0.1:${printer.port}) is not reachable. Check that it is on and connected to the network.`,
    )
    expect(failed.nextAttemptAt).not.toBeNull()
    const [status] = await call(core, 'print:getStatus')
    expect(status).toMatchObject({
      printerId: config.printers[0]!.id,
      state: 'unreachable',
      lastError: failed.lastError,
      waitingJobs: 1,
    })

    await printer.setMode('accept')
    await printer.waitForJobs(1)
    const printed = await waitFor(async () => {
      const job = await jobFor(core, order.id)
      return job?.status === 'printed' ? job : null
    }, 'the job printed')
    expect(printed.lastError).toBeNull()
    expect(latin1(printer.jobs()[0]!)).toContain(order.orderNumber)
    expect((await call(core, 'print:getStatus'))[0]).toMatchObject({
      state: 'ready',
      waitingJobs: 0,
    })
    expect(printer.jobs()).toHaveLength(1)
  })

  it('times out on a stalled printer, then prints when it takes jobs again', async () => {
    const printer = await fakePrinter('stall')
    const { core } = openPrinting(tempDir())
    await configure(core, { printers: [networkPrinter(printer)] })
    const order = await sell(core)
    const failed = await waitFor(async () => {
      const job = await jobFor(core, order.id)
      return job?.status === 'failed' ? job : null
    }, 'a timed-out attempt')
    expect(failed.lastError).toMatch(/did not take the job within/)
    expect((await call(core, 'print:getStatus'))[0]!.state).toBe('error')
    await printer.setMode('accept')
    await waitFor(async () => (await jobFor(core, order.id))?.status === 'printed', 'printed')
    expect(printer.jobs()).toHaveLength(1)
    expect(latin1(printer.jobs()[0]!)).toContain(order.orderNumber)
  })

  it('sends a job again after the printer dropped the connection mid-job', async () => {
    // An ESC/POS printer has no job id: a dropped job may have printed in part, and is resent
    // whole. A torn receipt followed by a full one beats a missing one.
    const printer = await fakePrinter('drop')
    const { core } = openPrinting(tempDir())
    await configure(core, { printers: [networkPrinter(printer)] })
    const order = await sell(core)
    const failed = await waitFor(async () => {
      const job = await jobFor(core, order.id)
      return job?.status === 'failed' ? job : null
    }, 'a dropped attempt')
    expect(failed.lastError).toMatch(/cut the connection|closed the connection/)
    expect(printer.dropped().length).toBeGreaterThanOrEqual(1)
    await printer.setMode('accept')
    await waitFor(async () => (await jobFor(core, order.id))?.status === 'printed', 'printed')
    expect(printer.jobs()).toHaveLength(1)
    expect(initCount(printer.jobs()[0]!)).toBeGreaterThanOrEqual(1)
  })

  it('never resends a job the register was printing when it stopped: it is uncertain', async () => {
    const printer = await fakePrinter('stall')
    const dataDir = tempDir()
    const slowWrite = { ...fastPrinting, network: { connectMs: 1_000, writeMs: 30_000 } }
    const first = openPrinting(dataDir, { printing: slowWrite })
    const config = await configure(first.core, { printers: [networkPrinter(printer)] })
    const order = await sell(first.core)
    await waitFor(
      () => printer.stalled().some((bytes) => latin1(bytes).includes(order.orderNumber)),
      'the receipt on the wire',
    )
    expect((await jobFor(first.core, order.id))?.status).toBe('printing')
    // The register dies with the bytes on the wire (closed without waiting for the job).
    first.core.close()

    await printer.setMode('accept')
    const second = openPrinting(dataDir)
    const uncertain = await jobFor(second.core, order.id)
    expect(uncertain).toMatchObject({
      status: 'uncertain',
      lastError: expect.stringMatching(/may have printed/),
    })
    // The printer's queue is in order: once a later test page is out, the uncertain job was passed over.
    await call(second.core, 'printer:testPage', { printerId: config.printers[0]!.id })
    await printer.waitForJobs(1)
    await waitFor(
      async () =>
        (await jobsOf(second.core)).some((job) => job.kind === 'test' && job.status === 'printed'),
      'the test page printed',
    )
    expect(printer.jobs().some((bytes) => latin1(bytes).includes(order.orderNumber))).toBe(false)
    expect((await jobFor(second.core, order.id))?.status).toBe('uncertain')

    // A person decides it did not print: it prints now, still as the original.
    const retried = await call(second.core, 'print:retry', { jobId: uncertain!.id })
    expect(retried.status).toBe('pending')
    await printer.waitForJobs(2)
    expect(latin1(printer.jobs()[1]!)).toContain(order.orderNumber)
    expect(latin1(printer.jobs()[1]!)).not.toContain('COPY')
  })

  it('prints every sale made while the printer was off exactly once after a restart', async () => {
    const printer = await fakePrinter('refuse')
    const dataDir = tempDir()
    const first = openPrinting(dataDir)
    await configure(first.core, { printers: [networkPrinter(printer)] })
    const sales = [await sell(first.core), await sell(first.core), await sell(first.core)]
    await waitFor(async () => {
      const jobs = await jobsOf(first.core)
      return jobs.length === 3 && jobs.some((job) => job.status === 'failed')
    }, 'a failed attempt')
    // Jobs print in order: the later sales wait behind the first one.
    const before = await jobsOf(first.core)
    expect(before.find((job) => job.orderId === sales[0]!.id)?.status).toBe('failed')
    expect(before.filter((job) => job.status === 'pending')).toHaveLength(2)
    await first.quit()

    await printer.setMode('accept')
    const second = openPrinting(dataDir)
    await printer.waitForJobs(3)
    await waitFor(
      async () => (await jobsOf(second.core)).every((job) => job.status === 'printed'),
      'every job printed',
    )
    const received = printer.jobs()
    expect(received).toHaveLength(3)
    expect(received.reduce((sum, bytes) => sum + initCount(bytes), 0)).toBeGreaterThanOrEqual(3)
    for (const [index, sale] of sales.entries())
      expect(latin1(received[index]!), sale.orderNumber).toContain(sale.orderNumber)
    await second.quit()

    // A third start finds nothing left to print.
    const third = openPrinting(dataDir)
    await call(third.core, 'printer:testPage', {
      printerId: (await call(third.core, 'register:getConfig')).printers[0]!.id,
    })
    await printer.waitForJobs(4)
    expect(
      printer
        .jobs()
        .slice(3)
        .map((bytes) => sales.some((s) => latin1(bytes).includes(s.orderNumber))),
    ).toEqual([false])
  })

  it('reprints an order as a COPY on top of the original', async () => {
    const printer = await fakePrinter()
    const { core } = openPrinting(tempDir())
    await configure(core, { printers: [networkPrinter(printer)] })
    const order = await sell(core)
    await printer.waitForJobs(1)
    expect(latin1(printer.jobs()[0]!)).not.toContain('COPY')
    const copy = await call(core, 'print:reprint', { orderId: order.id, kind: 'receipt' })
    expect(copy).toMatchObject({ isCopy: true, orderNumber: order.orderNumber, status: 'pending' })
    await printer.waitForJobs(2)
    expect(latin1(printer.jobs()[1]!)).toContain('COPY')
    expect(latin1(printer.jobs()[1]!)).toContain(order.orderNumber)
    const audit = core.database.sqlite
      .prepare(
        "select subject_id as subjectId from audit_events where action = 'receipt.reprinted'",
      )
      .all()
    expect(audit).toEqual([{ subjectId: order.id }])
  })

  it('does not print when auto-print is off, and a cancelled job never prints', async () => {
    const printer = await fakePrinter('refuse')
    const { core } = openPrinting(tempDir())
    const config = await configure(core, {
      printers: [networkPrinter(printer)],
      autoPrintReceipt: false,
    })
    const order = await sell(core)
    expect(await jobsOf(core)).toEqual([])
    const copy = await call(core, 'print:reprint', { orderId: order.id, kind: 'receipt' })
    await waitFor(
      async () => (await jobsOf(core)).find((job) => job.id === copy.id)?.status === 'failed',
      'a failed attempt',
    )
    await call(core, 'print:cancel', { jobId: copy.id })
    await printer.setMode('accept')
    await call(core, 'printer:testPage', { printerId: config.printers[0]!.id })
    await printer.waitForJobs(1)
    expect(latin1(printer.jobs()[0]!)).not.toContain(order.orderNumber)
    expect((await jobsOf(core)).find((job) => job.id === copy.id)?.status).toBe('cancelled')
    expect(
      await callError(core, 'print:retry', { jobId: (await jobsOf(core))[0]!.id }),
    ).toMatchObject({ code: 'CONFLICT' })
  })
})

describe('the cash drawer', () => {
  type DrawerEvent = { id: string; employeeId: string | null; subjectId: string; details: string }
  const drawerOpens = (core: RegisterCore) =>
    core.database.sqlite
      .prepare(
        "select id, employee_id as employeeId, subject_id as subjectId, details from audit_events where action = 'drawer.opened'",
      )
      .all() as DrawerEvent[]
  const pulses = (printer: FakePrinter) =>
    printer.jobs().map((bytes) => latin1(bytes).includes('\x1bp'))

  it('audits each cash sale that kicks it open once, when the receipt prints', async () => {
    const printer = await fakePrinter('refuse')
    const { core } = openPrinting(tempDir())
    await configure(core, { printers: [networkPrinter(printer, { opensDrawer: true })] })
    const cash = await sell(core)
    await waitFor(async () => {
      const job = await jobFor(core, cash.id)
      return job && job.status === 'failed' && job.attempts >= 2
    }, 'failed attempts')
    // The printer is off: the drawer did not open.
    expect(drawerOpens(core)).toEqual([])

    await printer.setMode('accept')
    await waitFor(async () => (await jobFor(core, cash.id))?.status === 'printed', 'printed')
    const { order: card } = await call(core, 'sale:complete', {
      clientRequestId: uuidv4(),
      lines: [{ productId: cash.items[0]!.productId!, quantity: 1, modifierOptionIds: [] }],
      payments: [{ method: 'card', amountCents: cash.totalCents, referenceNumber: 'AUTH-1' }],
    })
    await call(core, 'print:reprint', { orderId: cash.id, kind: 'receipt' })
    await printer.waitForJobs(3)
    await waitFor(async () => {
      const jobs = await jobsOf(core)
      return jobs.length === 3 && jobs.every((job) => job.status === 'printed')
    }, 'every job printed')
    // The original cash receipt kicked the drawer; the card sale and the COPY did not.
    expect(pulses(printer)).toEqual([true, false, false])
    const opens = drawerOpens(core)
    expect(opens).toHaveLength(1)
    expect(opens[0]).toMatchObject({ subjectId: cash.id, employeeId: cash.employeeId })
    expect(cash.employeeId).not.toBeNull()
    expect(JSON.parse(opens[0]!.details)).toEqual({
      reason: 'cash sale',
      orderId: cash.id,
      printer: 'Front',
    })
    expect(opens.some((event) => event.subjectId === card.id)).toBe(false)
    // It syncs like every audit event.
    const queued = core.database.sqlite
      .prepare("select entity_id as entityId from outbox where entity = 'auditEvent'")
      .all() as { entityId: string }[]
    expect(queued.map((row) => row.entityId)).toContain(opens[0]!.id)
  })

  it('is not audited for a printer with no drawer', async () => {
    const printer = await fakePrinter()
    const { core } = openPrinting(tempDir())
    await configure(core, { printers: [networkPrinter(printer, { opensDrawer: false })] })
    const cash = await sell(core)
    await waitFor(async () => (await jobFor(core, cash.id))?.status === 'printed', 'printed')
    expect(pulses(printer)).toEqual([false])
    expect(drawerOpens(core)).toEqual([])
  })
})

describe('register settings', () => {
  it('are readable before anyone signs in, and saved only with a manager', async () => {
    const core = openTestCore(tempDir(), { signIn: 'nobody' })
    running.push({ core, stop: null })
    expect(await call(core, 'register:getConfig')).toMatchObject({
      mode: 'register',
      language: 'en',
      printers: [],
    })
    expect(
      await callError(core, 'register:saveConfig', { config: { language: 'ar' } }),
    ).toMatchObject({
      code: 'SIGN_IN_REQUIRED',
    })
    core.authority.signIn('1111')
    expect(
      await callError(core, 'register:saveConfig', { config: { language: 'ar' } }),
    ).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      path: 'settings',
    })
    const { approvalId } = core.authority.approve('1234', 'settings')
    const changes: unknown[] = []
    core.events.onAny((event, payload) => {
      if (event === 'register:configChanged') changes.push(payload)
    })
    const saved = await call(core, 'register:saveConfig', {
      config: { language: 'ar' },
      approvalId,
    })
    expect(saved).toMatchObject({ language: 'ar', mode: 'register' })
    expect(changes).toEqual([saved])
    expect(await call(core, 'register:getConfig')).toEqual(saved)
    const audit = core.database.sqlite
      .prepare("select details from audit_events where action = 'register.configChanged'")
      .all() as { details: string }[]
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.details)).toMatchObject({
      before: { language: 'en' },
      after: { language: 'ar' },
    })
  })

  it('refuse two printers with one id', async () => {
    const core = openTestCore(tempDir())
    running.push({ core, stop: null })
    const printer = {
      id: '0190a9c4-5f1e-7000-8000-000000000001',
      name: 'A',
      kind: 'system' as const,
      role: 'receipt' as const,
    }
    expect(
      await callError(core, 'register:saveConfig', {
        config: { printers: [printer, { ...printer, name: 'B' }] },
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', path: 'config.printers.1.id' })
  })
})

describe('receipts as HTML and PDF', () => {
  it('renders the preview, and says PDF needs the desktop app in the web host', async () => {
    const core = openTestCore(tempDir())
    running.push({ core, stop: null })
    const order = await sell(core)
    const preview = await call(core, 'receipt:renderHtml', { orderId: order.id, paperWidthMm: 58 })
    expect(preview).toMatchObject({ paperWidthMm: 58, language: 'en' })
    expect(preview.html).toContain(order.orderNumber)
    expect(await callError(core, 'receipt:renderPdf', { orderId: order.id })).toEqual({
      code: 'NOT_SUPPORTED',
      message: 'PDF needs the desktop app.',
    })
  })

  it('makes a PDF through the host renderer where there is one', async () => {
    const seen: { html: string; width: number }[] = []
    const core = openTestCore(tempDir(), {
      printing: {
        renderPdf: (html, width) => {
          seen.push({ html, width })
          return Promise.resolve(new TextEncoder().encode('%PDF-1.7 test'))
        },
      },
    })
    running.push({ core, stop: null })
    const order = await sell(core)
    const pdf = await call(core, 'receipt:renderPdf', { orderId: order.id, isCopy: true })
    expect(pdf.fileName).toBe(`receipt-${order.orderNumber}-copy.pdf`)
    expect(Buffer.from(pdf.base64, 'base64').toString()).toBe('%PDF-1.7 test')
    expect(seen[0]!.width).toBe(80)
    expect(seen[0]!.html).toContain('COPY')
  })
})
