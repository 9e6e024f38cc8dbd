import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { v4 as uuidv4 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { hashPassword } from '../../../src/server/auth/passwords'
import { adminUsers, stores } from '../../../src/server/db/schema'
import type { RunningServer } from '../../../src/server/main'
import type { StockReply } from '../../../src/shared/backoffice/stock'
import { startNetworkGate, type NetworkGate } from '../../support/networkGate'
import { call, openTestCore } from '../../support/registerCore'
import { createTestStore, startTestSyncServer } from '../../support/syncServer'
import { useTempDirs } from '../../support/tempDir'
import { catalogBySku, sell } from '../services/salesSupport'

/**
 * The property: registers of one store selling, refunding, counting and adjusting the
 * same tracked products while offline, in any interleaving, then syncing in any order, end with
 * on hand = initial − sold + refunded ± adjusted (+ each count's counted − expected at its moment)
 * on every register and on the server. Real register cores (SQLite in temp dirs), the real sync
 * engine, a real server on 127.0.0.1:0 (PGlite); "offline" is a gate that drops the connections.
 */

const tempDir = useTempDirs('auraflow-stock-')
let server: RunningServer

beforeAll(async () => {
  server = await startTestSyncServer()
})
afterAll(async () => {
  await server?.stop()
})

const REGISTERS = 3
const INITIAL = 20
const quiet = { isRealtimeEnabled: false, intervalMs: 3_600_000, backoff: { baseMs: 5, capMs: 20 } }

type Command =
  | { kind: 'sell'; register: number; product: number; quantity: number; withUntracked: boolean }
  | { kind: 'refund'; register: number; product: number; quantity: number }
  | { kind: 'adjust'; register: number; product: number; milli: number }
  | { kind: 'count'; register: number; product: number; counted: number }

const register = fc.nat({ max: REGISTERS - 1 })
const product = fc.nat({ max: 1 })
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('sell' as const),
      register,
      product,
      quantity: fc.integer({ min: 1, max: 3 }),
      withUntracked: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      register,
      product,
      quantity: fc.integer({ min: 1, max: 2 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      register,
      product,
      // Thousandths: a damaged 1.25 kg, a found 0.001.
      milli: fc.integer({ min: -3000, max: 3000 }).filter((milli) => milli !== 0),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('count' as const),
      register,
      product,
      counted: fc.integer({ min: 0, max: 25 }),
    }),
  },
)

/**
 * A sync run that ends clean. Back online, a run the offline phase had scheduled may still be
 * finishing its failed attempt (runNow joins it): one more run then goes through.
 */
async function syncClean(core: RegisterCore) {
  let status = await call(core, 'sync:runNow')
  for (let attempt = 0; attempt < 3 && status.state === 'offline'; attempt++)
    status = await call(core, 'sync:runNow')
  expect(status, JSON.stringify(status)).toMatchObject({
    state: 'idle',
    counts: { pending: 0, inFlight: 0, failed: 0, dead: 0 },
  })
}

/** A store, its owner's token, and registers enrolled through a gate that can go offline. */
async function storeWithRegisters(gate: NetworkGate, open: RegisterCore[]) {
  const { storeId, code } = await createTestStore(server)
  for (let index = 0; index < REGISTERS; index++) {
    const core = openTestCore(tempDir(), {
      registerCode: `R${index + 1}`,
      fingerprint: `machine-${crypto.randomUUID()}`,
      sync: quiet,
    })
    open.push(core)
    const status = await call(core, 'sync:enroll', { serverUrl: gate.url, enrollmentCode: code })
    expect(status.enrollment).toBe('enrolled')
  }
  const [store] = await server.database.db.select().from(stores).where(eq(stores.id, storeId))
  const email = `owner-${crypto.randomUUID()}@example.test`
  await server.database.db.insert(adminUsers).values({
    email,
    passwordHash: await hashPassword('correct horse battery'),
    role: 'tenant_admin',
    tenantId: store!.tenantId,
  })
  const login = await fetch(`${server.url}/api/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery' }),
  })
  const { accessToken } = (await login.json()) as { accessToken: string }
  const serverStock = async (): Promise<StockReply> => {
    const response = await fetch(`${server.url}/api/admin/stock?storeId=${storeId}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    })
    expect(response.status, await response.clone().text()).toBe(200)
    return (await response.json()) as StockReply
  }
  return { storeId, serverStock }
}

const onHandOf = async (core: RegisterCore, productId: string) =>
  (await call(core, 'stock:levels', { productIds: [productId] })).find(
    (level) => level.variantId === null,
  )?.onHand ?? 0

describe('stock on hand converges (fast-check, real registers and server)', () => {
  it('ends with initial − sold + refunded ± adjusted everywhere, whatever the order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(commandArb, { minLength: 1, maxLength: 14 }),
        fc.shuffledSubarray([0, 1, 2], { minLength: REGISTERS, maxLength: REGISTERS }),
        async (commands, syncOrder) => {
          const gate = await startNetworkGate(server.url)
          const open: RegisterCore[] = []
          try {
            const { serverStock } = await storeWithRegisters(gate, open)
            const [first] = open as [RegisterCore]
            // Two plain products (no variants or modifiers) track stock; a third does not.
            const plain = [...(await catalogBySku(first)).values()].filter(
              (p) => p.isActive && p.variants.length === 0 && p.modifierGroups.length === 0,
            )
            expect(plain.length).toBeGreaterThanOrEqual(3)
            const tracked = plain.slice(0, 2)
            const untracked = plain[2]!
            for (const item of tracked) {
              await call(first, 'catalog:saveProduct', {
                id: item.id,
                sku: item.sku,
                name: item.name,
                priceCents: item.priceCents,
                categoryId: item.categoryId,
                taxRateId: item.taxRateId,
                barcodes: item.barcodes,
                pricingUnit: item.pricingUnit,
                isActive: item.isActive,
                trackStock: true,
              })
            }
            await call(first, 'stock:adjust', {
              movementId: uuidv4(),
              reason: 'CORRECTION',
              lines: tracked.map((item) => ({
                productId: item.id,
                variantId: null,
                quantity: INITIAL,
              })),
            })
            for (const core of open) await syncClean(core)
            for (const core of open) await syncClean(core)
            for (const item of tracked)
              for (const core of open) expect(await onHandOf(core, item.id)).toBe(INITIAL)

            // Offline: each register sees only its own movements.
            gate.setOnline(false)
            const expected = tracked.map(() => INITIAL * 1000)
            const local = open.map(() => tracked.map(() => INITIAL * 1000))
            const sales = open.map(
              () => [] as { orderId: string; itemId: string; product: number; left: number }[],
            )
            let movements = 0
            for (const command of commands) {
              const core = open[command.register]!
              const item = tracked[command.product]!
              const move = (milli: number) => {
                expected[command.product]! += milli
                local[command.register]![command.product]! += milli
              }
              switch (command.kind) {
                case 'sell': {
                  const lines = [{ productId: item.id, quantity: command.quantity }]
                  if (command.withUntracked) lines.push({ productId: untracked.id, quantity: 1 })
                  const receipt = await sell(core, lines, [
                    { method: 'cash', amountCents: 1_000_000 },
                  ])
                  const sold = receipt.order.items.find((line) => line.productId === item.id)!
                  sales[command.register]!.push({
                    orderId: receipt.order.id,
                    itemId: sold.id,
                    product: command.product,
                    left: command.quantity,
                  })
                  move(-command.quantity * 1000)
                  movements++
                  break
                }
                case 'refund': {
                  const sale = sales[command.register]!.findLast(
                    (candidate) => candidate.product === command.product && candidate.left > 0,
                  )
                  if (!sale) break
                  const quantity = Math.min(sale.left, command.quantity)
                  await call(core, 'refund:create', {
                    clientRequestId: uuidv4(),
                    orderId: sale.orderId,
                    lines: [{ orderItemId: sale.itemId, quantity }],
                    refundTo: 'cash',
                    reason: 'changed mind',
                  })
                  sale.left -= quantity
                  move(quantity * 1000)
                  movements++
                  break
                }
                case 'adjust': {
                  const result = await call(core, 'stock:adjust', {
                    movementId: uuidv4(),
                    reason: command.milli < 0 ? 'DAMAGE' : 'CORRECTION',
                    lines: [
                      { productId: item.id, variantId: null, quantity: command.milli / 1000 },
                    ],
                  })
                  move(command.milli)
                  expect(result.lines[0]!.onHand * 1000).toBeCloseTo(
                    local[command.register]![command.product]!,
                    6,
                  )
                  movements++
                  break
                }
                case 'count': {
                  const before = local[command.register]![command.product]!
                  const result = await call(core, 'stock:countApply', {
                    movementId: uuidv4(),
                    lines: [{ productId: item.id, variantId: null, counted: command.counted }],
                  })
                  // Expected is this register's on hand at that moment: only its own movements.
                  expect(Math.round(result.lines[0]!.expected! * 1000)).toBe(before)
                  move(command.counted * 1000 - before)
                  expect(await onHandOf(core, item.id)).toBe(command.counted)
                  movements++
                  break
                }
              }
            }
            // Each sale or refund is one movement, whatever its lines.
            const ownMovements = open.reduce(
              (total, core) =>
                total +
                (
                  core.database.sqlite
                    .prepare(
                      "select count(*) as n from stock_movements where sync_status = 'PENDING'",
                    )
                    .get() as { n: number }
                ).n,
              0,
            )
            expect(ownMovements).toBe(movements)

            gate.setOnline(true)
            for (const index of syncOrder) await syncClean(open[index]!)
            for (const index of syncOrder) await syncClean(open[index]!)

            for (const [index, item] of tracked.entries()) {
              const want = expected[index]! / 1000
              for (const core of open) expect(await onHandOf(core, item.id)).toBe(want)
            }
            const reply = await serverStock()
            for (const [index, item] of tracked.entries()) {
              const line = reply.products.find(
                (candidate) => candidate.productId === item.id && candidate.variantId === null,
              )
              expect(line?.onHand).toBe(expected[index]! / 1000)
              expect(line?.isNegative).toBe(expected[index]! < 0)
            }
            expect(reply.products.some((line) => line.productId === untracked.id)).toBe(false)
          } finally {
            for (const core of open) core.close()
            await gate.close()
          }
        },
      ),
      { numRuns: 8, interruptAfterTimeLimit: 150_000, endOnFailure: true },
    )
  }, 240_000)
})
