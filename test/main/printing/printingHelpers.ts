import { v4 as uuidv4 } from 'uuid'
import type { RegisterCore } from '../../../src/main/core'
import type { PrintingOptions } from '../../../src/main/core'
import type { InvokeInput } from '../../../src/shared/ipc/contract'
import type { FakePrinter } from '../../support/fakePrinter'
import { call } from '../../support/registerCore'

/** Quick retries and short timeouts, so failure paths run in a test's time. */
export const fastPrinting: PrintingOptions = {
  network: { connectMs: 1_000, writeMs: 300 },
  backoff: { baseMs: 20, capMs: 100 },
  pollIntervalMs: 200,
  stopGraceMs: 2_000,
}

type Config = InvokeInput<'register:saveConfig'>['config']
type Printer = NonNullable<Config['printers']>[number]

export function networkPrinter(
  printer: FakePrinter,
  overrides: Partial<Printer> = {},
): Printer & { id: string } {
  return {
    id: uuidv4(),
    name: 'Front',
    kind: 'network',
    host: printer.host,
    port: printer.port,
    role: 'receipt',
    paperWidthMm: 80,
    ...overrides,
  }
}

export async function configure(core: RegisterCore, config: Config) {
  return call(core, 'register:saveConfig', { config })
}

/** Rings up one paid sale of the first plain products on this register. */
export async function sell(core: RegisterCore, productIds?: string[]) {
  const ids = productIds ?? [(await plainProducts(core))[0]!.id]
  const { order } = await call(core, 'sale:complete', {
    clientRequestId: uuidv4(),
    lines: ids.map((productId) => ({ productId, quantity: 1, modifierOptionIds: [] })),
    payments: [{ method: 'cash', amountCents: 1_000_00 }],
  })
  return order
}

export async function plainProducts(core: RegisterCore) {
  const catalog = await call(core, 'catalog:list')
  return catalog.products.filter(
    (product) =>
      product.variants.length === 0 &&
      product.modifierGroups.length === 0 &&
      product.pricingUnit === 'each',
  )
}

/** Polls until the check passes (the print worker runs in the background). */
export async function waitFor<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export const latin1 = (bytes: Buffer) => bytes.toString('latin1')

/** ESC @ (initialise) starts every job the renderer makes. */
export const initCount = (bytes: Buffer) => latin1(bytes).split('\x1b@').length - 1
