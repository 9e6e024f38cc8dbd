import { v4 as uuidv4 } from 'uuid'
import { afterEach, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { createPrintStore } from '../../../src/main/store/printStore'
import { getRegisterConfig } from '../../../src/main/store/registerConfigRepository'
import {
  enqueueForSyncedOrders,
  registerCodeOf,
  stationWindowMs,
} from '../../../src/main/printing/station'
import { startFakePrinter, type FakePrinter } from '../../support/fakePrinter'
import { call, demoPins } from '../../support/registerCore'
import { createTestStore } from '../../support/syncServer'
import { useTempDirs } from '../../support/tempDir'
import { configure, latin1, networkPrinter, plainProducts, sell, waitFor } from './printingHelpers'
import { useStationCores } from './stationCores'

const tempDir = useTempDirs('auraflow-station-')
const printers: FakePrinter[] = []
const { server, openCore, enroll, syncClean } = useStationCores()
afterEach(async () => {
  for (const printer of printers.splice(0)) await printer.stop()
})

const jobsOf = (core: RegisterCore) => call(core, 'print:listJobs', { limit: 100, hideDone: false })

async function allPrinted(core: RegisterCore, count: number) {
  return waitFor(async () => {
    const jobs = await jobsOf(core)
    return jobs.length === count && jobs.every((job) => job.status === 'printed') ? jobs : null
  }, `${count} printed jobs`)
}

describe('a receipt station', () => {
  it("prints each subscribed register's order once, across repeated pulls and a restart", async () => {
    const { code } = await createTestStore(server())
    const printer = await startFakePrinter()
    printers.push(printer)
    const a = openCore(tempDir(), 'A')
    const b = openCore(tempDir(), 'B')
    const stationDir = tempDir()
    const station = openCore(stationDir, 'S')
    for (const register of [a, b, station]) await enroll(register.core, code)
    await configure(station.core, {
      mode: 'receipt-station',
      stationRegisterCodes: ['A'],
      printers: [networkPrinter(printer, { name: 'Pickup' })],
    })
    station.start()

    const sales = [await sell(a.core), await sell(a.core)]
    const fromB = await sell(b.core)
    await syncClean(a.core)
    await syncClean(b.core)
    await syncClean(station.core)
    await printer.waitForJobs(2)
    const jobs = await allPrinted(station.core, 2)
    expect(jobs.map((job) => job.orderNumber).sort()).toEqual(
      sales.map((o) => o.orderNumber).sort(),
    )
    expect(jobs.some((job) => job.orderId === fromB.id)).toBe(false)

    // A pull that brings the same orders again (a replay) and another sync run queue nothing.
    station.core.events.emit('order:synced', { orderIds: [...sales.map((o) => o.id), fromB.id] })
    await syncClean(station.core)
    expect(await jobsOf(station.core)).toHaveLength(2)

    await station.quit()
    const again = openCore(stationDir, 'S')
    again.start()
    again.core.events.emit('order:synced', { orderIds: sales.map((o) => o.id) })
    const third = await sell(a.core)
    await syncClean(a.core)
    await syncClean(again.core)
    await printer.waitForJobs(3)
    await allPrinted(again.core, 3)
    const received = printer.jobs()
    expect(received).toHaveLength(3)
    for (const sale of [...sales, third])
      expect(
        received.filter((bytes) => latin1(bytes).includes(sale.orderNumber)),
        sale.orderNumber,
      ).toHaveLength(1)
    // The station prints; its drawer stays shut for another register's cash sale.
    expect(received.some((bytes) => latin1(bytes).includes('\x1bp'))).toBe(false)
  })
})

describe('a station that was stopped when a pull committed', () => {
  it('prints each pulled order once at the next start, and nothing from before it became a station', async () => {
    const { code } = await createTestStore(server())
    const printer = await startFakePrinter()
    printers.push(printer)
    const a = openCore(tempDir(), 'A')
    const stationDir = tempDir()
    const station = openCore(stationDir, 'S')
    for (const register of [a, station]) await enroll(register.core, code)
    const history = await sell(a.core)
    await syncClean(a.core)
    const config = await configure(station.core, {
      mode: 'receipt-station',
      stationRegisterCodes: ['A'],
      printers: [networkPrinter(printer, { name: 'Pickup' })],
    })
    const sales = [await sell(a.core), await sell(a.core)]
    await syncClean(a.core)
    // The pull commits while nothing prints (the register stops before queueing the jobs).
    await syncClean(station.core)
    expect(await jobsOf(station.core)).toEqual([])

    station.start()
    await printer.waitForJobs(2)
    const jobs = await allPrinted(station.core, 2)
    expect(jobs.map((job) => job.orderId).sort()).toEqual(sales.map((o) => o.id).sort())
    await station.quit()

    const again = openCore(stationDir, 'S')
    again.start()
    await call(again.core, 'printer:testPage', { printerId: config.printers[0]!.id })
    await printer.waitForJobs(3)
    await allPrinted(again.core, 3)
    const received = printer.jobs()
    expect(received).toHaveLength(3)
    for (const sale of sales)
      expect(
        received.filter((bytes) => latin1(bytes).includes(sale.orderNumber)),
        sale.orderNumber,
      ).toHaveLength(1)
    expect(received.some((bytes) => latin1(bytes).includes(history.orderNumber))).toBe(false)
    expect((await jobsOf(again.core)).some((job) => job.orderId === history.id)).toBe(false)
  })

  it('catches up only on orders of its subscription', async () => {
    const { code } = await createTestStore(server())
    const printer = await startFakePrinter()
    printers.push(printer)
    const a = openCore(tempDir(), 'A')
    const b = openCore(tempDir(), 'B')
    const station = openCore(tempDir(), 'S')
    for (const register of [a, b, station]) await enroll(register.core, code)
    await configure(station.core, {
      mode: 'receipt-station',
      stationRegisterCodes: ['A'],
      printers: [networkPrinter(printer)],
    })
    const fromA = await sell(a.core)
    const fromB = await sell(b.core)
    await syncClean(a.core)
    await syncClean(b.core)
    await syncClean(station.core)
    station.start()
    const [job] = await allPrinted(station.core, 1)
    expect(job!.orderId).toBe(fromA.id)
    expect(printer.jobs().some((bytes) => latin1(bytes).includes(fromB.orderNumber))).toBe(false)
  })
})

describe('a kitchen station', () => {
  it('prints only the lines of its categories and skips orders with none', async () => {
    const { code } = await createTestStore(server())
    const printer = await startFakePrinter()
    printers.push(printer)
    const a = openCore(tempDir(), 'A')
    const kitchen = openCore(tempDir(), 'K')
    for (const register of [a, kitchen]) await enroll(register.core, code)
    const plain = await plainProducts(a.core)
    const hot = plain[0]!
    const other = plain.find(
      (product) => product.categoryId && product.categoryId !== hot.categoryId,
    )!
    expect(hot.categoryId).not.toBeNull()
    await configure(kitchen.core, {
      mode: 'kitchen-station',
      stationCategoryIds: [hot.categoryId!],
      printers: [networkPrinter(printer, { name: 'Grill', role: 'kitchen' })],
    })
    kitchen.start()

    const mixed = await sell(a.core, [hot.id, other.id])
    const nothingForUs = await sell(a.core, [other.id])
    await call(a.core, 'refund:create', {
      clientRequestId: uuidv4(),
      orderId: mixed.id,
      lines: [{ orderItemId: mixed.items[0]!.id, quantity: 1 }],
      refundTo: 'cash',
      reason: 'cold',
    })
    await syncClean(a.core)
    await syncClean(kitchen.core)
    await printer.waitForJobs(1)
    const [ticket] = await allPrinted(kitchen.core, 1)
    expect(ticket).toMatchObject({ kind: 'kitchen', orderId: mixed.id, printerName: 'Grill' })
    const bytes = latin1(printer.jobs()[0]!)
    expect(bytes).toContain(hot.name)
    expect(bytes).not.toContain(other.name)
    expect((await jobsOf(kitchen.core)).some((job) => job.orderId === nothingForUs.id)).toBe(false)

    // The kitchen taps "done" without a PIN.
    kitchen.core.authority.signOut()
    const done = await call(kitchen.core, 'print:markDone', { jobId: ticket!.id })
    expect(done.doneAt).not.toBeNull()
    // Reading the job list is not for the lock screen: someone signs in to see it.
    kitchen.core.authority.signIn(demoPins.cashier)
    expect(await call(kitchen.core, 'print:listJobs', { limit: 10, hideDone: true })).toEqual([])
  })
})

describe('which pulled orders a station prints', () => {
  it('reads the register code from an order number, whatever the store code', () => {
    expect(registerCodeOf('S01-A-000001', 'S01')).toBe('A')
    expect(registerCodeOf('S-1a2b3c4d-K2-000014', 'S-1a2b3c4d')).toBe('K2')
    expect(registerCodeOf('OTHER-B7-000002', 'S01')).toBe('B7')
    expect(registerCodeOf('garbage', 'S01')).toBeNull()
  })

  it('skips orders made more than 12 hours ago (a station enrolled late)', async () => {
    const { core } = openCore(tempDir(), 'A')
    await configure(core, {
      mode: 'receipt-station',
      printers: [networkPrinter({ host: '127.0.0.1', port: 9 } as FakePrinter)],
    })
    const order = await sell(core)
    const config = getRegisterConfig(core.database.db)
    const later = (ms: number) => ({
      now: new Date(Date.parse(order.createdAt) + ms),
      storeCode: 'S01',
    })
    expect(
      enqueueForSyncedOrders(
        createPrintStore(core.database.db),
        config,
        [order.id],
        later(stationWindowMs + 60_000),
      ),
    ).toEqual([])
    expect(
      enqueueForSyncedOrders(createPrintStore(core.database.db), config, [order.id], later(60_000)),
    ).toEqual([config.printers[0]!.id])
  })
})
