import { afterEach, describe, expect, it } from 'vitest'
import {
  PrinterError,
  probeNetworkPrinter,
  sendToNetworkPrinter,
} from '../../../src/main/printing/networkPrinter'
import { startFakePrinter, type FakePrinter } from '../../support/fakePrinter'

const printers: FakePrinter[] = []
afterEach(async () => {
  for (const printer of printers.splice(0)) await printer.stop()
})

async function fakePrinter(mode: Parameters<typeof startFakePrinter>[0] = 'accept') {
  const printer = await startFakePrinter(mode)
  printers.push(printer)
  return printer
}

const target = (printer: FakePrinter) => ({
  name: 'Kitchen',
  host: printer.host,
  port: printer.port,
})
const fast = { connectMs: 1_000, writeMs: 300 }
const job = (text: string) => new TextEncoder().encode(`\x1b@${text}\x1dV\x00`)

async function failure(promise: Promise<unknown>): Promise<PrinterError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(PrinterError)
  return error as PrinterError
}

describe('a network printer on TCP', () => {
  it('receives every byte of a job on its own connection', async () => {
    const printer = await fakePrinter()
    const big = new Uint8Array(200_000).fill(0x41)
    await sendToNetworkPrinter(target(printer), job('first'), fast)
    await sendToNetworkPrinter(target(printer), big, fast)
    expect(printer.jobs().map((bytes) => bytes.length)).toEqual([job('first').length, 200_000])
    expect(printer.jobs()[0]!.toString('latin1')).toContain('first')
  })

  it('says which printer is not reachable when it refuses, and works once it is back', async () => {
    const printer = await fakePrinter('refuse')
    const error = await failure(sendToNetworkPrinter(target(printer), job('x'), fast))
    expect(error.kind).toBe('unreachable')
    expect(error.message).toBe(
      `Printer Kitchen (127.0.0.1:${printer.port}) is not reachable. Check that it is on and connected to the network.`,
    )
    await printer.setMode('accept')
    await sendToNetworkPrinter(target(printer), job('back'), fast)
    expect(printer.jobs()).toHaveLength(1)
  })

  it('times out on a printer that takes the connection but not the job', async () => {
    const printer = await fakePrinter('stall')
    const error = await failure(sendToNetworkPrinter(target(printer), job('stuck'), fast))
    expect(error.kind).toBe('timeout')
    expect(error.message).toMatch(/^Printer Kitchen \(127\.0\.0\.1:\d+\) did not take the job/)
    expect(printer.jobs()).toHaveLength(0)
  })

  it('reports a connection dropped mid-job as a failure, not a printed job', async () => {
    const printer = await fakePrinter('drop')
    const error = await failure(sendToNetworkPrinter(target(printer), job('cut'), fast))
    expect(error.kind).toBe('dropped')
    expect(printer.dropped()).toHaveLength(1)
    expect(printer.jobs()).toHaveLength(0)
  })

  it('probes without printing anything', async () => {
    const printer = await fakePrinter()
    await probeNetworkPrinter(target(printer), fast)
    expect(printer.connectionCount()).toBe(1)
    await printer.setMode('refuse')
    expect((await failure(probeNetworkPrinter(target(printer), fast))).kind).toBe('unreachable')
    expect(printer.jobs()).toHaveLength(0)
  })
})
