import { setTimeout as sleep } from 'node:timers/promises'
import type { RegisterCore, RegisterCoreOptions } from '../../src/main/core'
import { call, openTestCore } from './registerCore'

/**
 * Registers for fault scenarios: no realtime or timer unless asked, short backoff and timeouts so
 * a blackholed request costs little, and a seeded jitter. No vitest import: the child-process
 * register (test/fixtures/registerProcess.ts) uses these too.
 */
export function faultSyncOptions(
  random: () => number,
  overrides: RegisterCoreOptions['sync'] = {},
): NonNullable<RegisterCoreOptions['sync']> {
  return {
    isRealtimeEnabled: false,
    intervalMs: 3_600_000,
    commitDebounceMs: 20,
    backoff: { baseMs: 2, capMs: 20 },
    requestTimeoutMs: 1_500,
    random,
    ...overrides,
  }
}

export interface FaultRegisterInput {
  dir: string
  registerCode: string
  /** The URL the register enrolls with (usually the proxy's). */
  serverUrl: string
  enrollmentCode: string
  random: () => number
  now?: () => Date
  sync?: RegisterCoreOptions['sync']
}

/** Opens a register on its own data folder and enrolls it; the caller closes it. */
export async function openEnrolledRegister(input: FaultRegisterInput): Promise<RegisterCore> {
  const core = openTestCore(input.dir, {
    registerCode: input.registerCode,
    fingerprint: `machine-${input.registerCode}`,
    ...(input.now ? { now: input.now } : {}),
    sync: faultSyncOptions(input.random, input.sync),
  })
  try {
    const status = await call(core, 'sync:enroll', {
      serverUrl: input.serverUrl,
      enrollmentCode: input.enrollmentCode,
    })
    if (status.enrollment !== 'enrolled')
      throw new Error(`register ${input.registerCode} did not enroll: ${JSON.stringify(status)}`)
    return core
  } catch (error) {
    core.close()
    throw error
  }
}

const productCache = new WeakMap<RegisterCore, string[]>()

/** Rings up a sale of 1–3 random products, 1–3 of each, paid cash; returns its order. */
export async function sellRandom(core: RegisterCore, random: () => number) {
  let productIds = productCache.get(core)
  if (!productIds) {
    // Products a plain line can sell: not weighed, no choice the cashier must make.
    productIds = (await call(core, 'catalog:list')).products
      .filter(
        (product) =>
          product.pricingUnit === 'each' &&
          product.priceCents > 0 &&
          product.modifierGroups.every((group) => group.minSelect === 0),
      )
      .map((product) => product.id)
    productCache.set(core, productIds)
  }
  const pick = (max: number) => Math.floor(random() * max)
  const lines = Array.from({ length: 1 + pick(3) }, () => ({
    productId: productIds[pick(productIds.length)]!,
    quantity: 1 + pick(3),
    modifierOptionIds: [],
  }))
  const unique = [...new Map(lines.map((line) => [line.productId, line])).values()]
  const receipt = await call(core, 'sale:complete', {
    clientRequestId: crypto.randomUUID(),
    lines: unique,
    payments: [{ method: 'cash', amountCents: 1_000_00 }],
  })
  return receipt.order
}

/** Runs "Sync now" until the register's outbox is drained or the deadline passes. */
export async function syncUntilDrained(core: RegisterCore, deadline: number): Promise<void> {
  for (;;) {
    const status = await call(core, 'sync:runNow')
    const { pending, inFlight, failed } = status.counts
    if (pending + inFlight + failed === 0 && status.state === 'idle') return
    if (Date.now() > deadline)
      throw new Error(`register did not drain in time: ${JSON.stringify(status)}`)
    await sleep(20)
  }
}
