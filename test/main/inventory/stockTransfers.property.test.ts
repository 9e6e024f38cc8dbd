import fc from 'fast-check'
import { v4 as uuidv4 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { hashPassword } from '../../../src/server/auth/passwords'
import { adminUsers, stores, tenants } from '../../../src/server/db/schema'
import {
  createTransferRelay,
  type TransferRelay,
} from '../../../src/server/inventory/transferRelay'
import type { RunningServer } from '../../../src/server/main'
import { writeServerChange } from '../../../src/server/sync/serverWrite'
import { issueEnrollmentCode } from '../../../src/server/tenancy/enrollmentCodes'
import type { StockReply } from '../../../src/shared/backoffice/stock'
import { startNetworkGate, type NetworkGate } from '../../support/networkGate'
import { call, openTestCore } from '../../support/registerCore'
import { startTestSyncServer } from '../../support/syncServer'
import { useTempDirs } from '../../support/tempDir'
import { catalogBySku, sell } from '../services/salesSupport'

/**
 * The issue's property across two stores of one tenant: registers of store A send transfers to
 * store B and receive a purchase order, store B's register receives the transfers it has pulled
 * (partially), everyone sells, all offline in any interleaving, with syncs in any order between
 * two offline phases. On hand ends equal to the reference model of each store on every register
 * and on the server (GET /api/admin/stock for both stores). Real register cores, the real sync
 * engine and server (PGlite), the server's transfer relay; "offline" is a gate that drops
 * connections.
 */

const tempDir = useTempDirs('auraflow-transfers-')
let server: RunningServer
let relay: TransferRelay

beforeAll(async () => {
  server = await startTestSyncServer()
  relay = createTransferRelay(server.database.db, null)
})
afterAll(async () => {
  await relay?.close()
  await server?.stop()
})

const INITIAL = 20
const A = 0
const B = 1
/** Registers 0 and 1 are store A's, register 2 store B's. */
const storeOf = [A, A, B] as const
const quiet = { isRealtimeEnabled: false, intervalMs: 3_600_000, backoff: { baseMs: 5, capMs: 20 } }

type Command =
  | { kind: 'send'; register: 0 | 1; product: number; quantity: number }
  | { kind: 'receiveOrder'; register: 0 | 1; product: number; quantity: number }
  | { kind: 'sell'; register: number; product: number; quantity: number }
  | { kind: 'receiveTransfer'; pick: number; quantity: number }

const storeARegister = fc.constantFrom(0 as const, 1 as const)
const product = fc.nat({ max: 1 })
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('send' as const),
    register: storeARegister,
    product,
    quantity: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('receiveOrder' as const),
    register: storeARegister,
    product,
    quantity: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constant('sell' as const),
    register: fc.nat({ max: 2 }),
    product,
    quantity: fc.integer({ min: 1, max: 2 }),
  }),
  fc.record({
    kind: fc.constant('receiveTransfer' as const),
    pick: fc.nat({ max: 5 }),
    quantity: fc.integer({ min: 1, max: 3 }),
  }),
)

async function syncClean(core: RegisterCore) {
  let status = await call(core, 'sync:runNow')
  for (let attempt = 0; attempt < 3 && status.state === 'offline'; attempt++)
    status = await call(core, 'sync:runNow')
  expect(status, JSON.stringify(status)).toMatchObject({
    state: 'idle',
    counts: { pending: 0, inFlight: 0, failed: 0, dead: 0 },
  })
}

/** Each register in this order syncs; after a store A register pushed, the relay runs. */
async function syncAll(open: RegisterCore[], order: number[], storeIds: string[]) {
  for (const index of order) {
    await syncClean(open[index]!)
    await relay.relayStore(storeIds[storeOf[index]!]!)
  }
}

/** One tenant with stores A and B, an owner's token, and three registers behind a gate. */
async function tenantWithRegisters(gate: NetworkGate, open: RegisterCore[]) {
  const db = server.database.db
  const suffix = crypto.randomUUID().slice(0, 8)
  const [tenant] = await db
    .insert(tenants)
    .values({ name: `tenant ${suffix}` })
    .returning()
  const storeIds: string[] = []
  for (const name of ['A', 'B']) {
    const [store] = await db
      .insert(stores)
      .values({ tenantId: tenant!.id, code: `${name}-${suffix}`, name: `Store ${name}` })
      .returning()
    storeIds.push(store!.id)
  }
  for (const [index, store] of storeOf.entries()) {
    const core = openTestCore(tempDir(), {
      registerCode: `R${index + 1}`,
      fingerprint: `machine-${crypto.randomUUID()}`,
      sync: quiet,
    })
    open.push(core)
    const enrollmentCode = await issueEnrollmentCode(db, storeIds[store]!, { uses: 1 })
    const status = await call(core, 'sync:enroll', { serverUrl: gate.url, enrollmentCode })
    expect(status.enrollment).toBe('enrolled')
  }
  const email = `owner-${crypto.randomUUID()}@example.test`
  await db.insert(adminUsers).values({
    email,
    passwordHash: await hashPassword('correct horse battery'),
    role: 'tenant_admin',
    tenantId: tenant!.id,
  })
  const login = await fetch(`${server.url}/api/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery' }),
  })
  const { accessToken } = (await login.json()) as { accessToken: string }
  const serverStock = async (storeId: string): Promise<StockReply> => {
    const response = await fetch(`${server.url}/api/admin/stock?storeId=${storeId}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    })
    expect(response.status, await response.clone().text()).toBe(200)
    return (await response.json()) as StockReply
  }
  return { storeIds, serverStock }
}

const onHandOf = async (core: RegisterCore, productId: string) =>
  (await call(core, 'stock:levels', { productIds: [productId] })).find(
    (level) => level.variantId === null,
  )?.onHand ?? 0

describe('stock across two stores converges (fast-check, real registers and server)', () => {
  it('ends with each store’s reference on hand everywhere, transfers and receipts included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(commandArb, { minLength: 1, maxLength: 8 }),
        fc.array(commandArb, { minLength: 1, maxLength: 8 }),
        fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
        fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
        async (firstPhase, secondPhase, middleOrder, finalOrder) => {
          const gate = await startNetworkGate(server.url)
          const open: RegisterCore[] = []
          try {
            const { storeIds, serverStock } = await tenantWithRegisters(gate, open)
            const registerB = open[2]!
            const plain = [...(await catalogBySku(open[0]!)).values()].filter(
              (p) => p.isActive && p.variants.length === 0 && p.modifierGroups.length === 0,
            )
            const tracked = plain.slice(0, 2)
            // Each store tracks the two products, and starts with INITIAL of each.
            for (const core of [open[0]!, registerB]) {
              for (const item of tracked)
                await call(core, 'catalog:saveProduct', {
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
              await call(core, 'stock:adjust', {
                movementId: uuidv4(),
                reason: 'CORRECTION',
                lines: tracked.map((item) => ({
                  productId: item.id,
                  variantId: null,
                  quantity: INITIAL,
                })),
              })
            }
            // The back office orders both products for store A.
            const orderId = uuidv4()
            await writeServerChange(server.database.db, {
              storeId: storeIds[A]!,
              writerId: 'admin:test',
              entity: 'purchaseOrder',
              id: orderId,
              data: {
                id: orderId,
                supplierId: uuidv4(),
                status: 'ORDERED',
                createdAt: new Date().toISOString(),
                lines: tracked.map((item) => ({
                  productId: item.id,
                  variantId: null,
                  quantity: 5,
                  unitCostCents: 120,
                })),
              },
            })
            await syncAll(open, [0, 1, 2], storeIds)
            await syncAll(open, [0, 1, 2], storeIds)
            // Store A's registers learn their destination while online, and keep it offline.
            for (const core of open.slice(0, 2))
              expect(await call(core, 'stock:transferDestinations', {})).toMatchObject({
                stores: [{ storeId: storeIds[B], name: 'Store B' }],
                isCached: false,
              })

            const expected = [tracked.map(() => INITIAL * 1000), tracked.map(() => INITIAL * 1000)]
            let receivedByB = 0
            const run = async (commands: Command[]) => {
              for (const command of commands) {
                switch (command.kind) {
                  case 'send': {
                    const item = tracked[command.product]!
                    await call(open[command.register]!, 'stock:transferSend', {
                      transferId: uuidv4(),
                      movementId: uuidv4(),
                      toStoreId: storeIds[B]!,
                      lines: [{ productId: item.id, variantId: null, quantity: command.quantity }],
                    })
                    expected[A]![command.product]! -= command.quantity * 1000
                    break
                  }
                  case 'receiveOrder': {
                    const item = tracked[command.product]!
                    await call(open[command.register]!, 'stock:receive', {
                      movementId: uuidv4(),
                      purchaseOrderId: orderId,
                      lines: [{ productId: item.id, variantId: null, quantity: command.quantity }],
                    })
                    expected[A]![command.product]! += command.quantity * 1000
                    break
                  }
                  case 'sell': {
                    const item = tracked[command.product]!
                    await sell(
                      open[command.register]!,
                      [{ productId: item.id, quantity: command.quantity }],
                      [{ method: 'cash', amountCents: 1_000_000 }],
                    )
                    expected[storeOf[command.register]!]![command.product]! -=
                      command.quantity * 1000
                    break
                  }
                  case 'receiveTransfer': {
                    // Store B receives part of a transfer it has pulled and not fully received.
                    const { incoming } = await call(registerB, 'stock:transfers', {})
                    const open = incoming.filter((transfer) => !transfer.isFullyReceived)
                    const transfer = open[command.pick % Math.max(open.length, 1)]
                    if (!transfer) break
                    const line = transfer.lines.find(
                      (candidate) => candidate.received < candidate.sent,
                    )!
                    const quantity = Math.min(command.quantity, line.sent - line.received)
                    await call(registerB, 'stock:transferReceive', {
                      transferId: transfer.id,
                      movementId: uuidv4(),
                      lines: [{ productId: line.productId, variantId: null, quantity }],
                    })
                    receivedByB += quantity
                    expected[B]![tracked.findIndex((item) => item.id === line.productId)]! +=
                      quantity * 1000
                    break
                  }
                }
              }
            }

            gate.setOnline(false)
            // Offline, the destinations come from what the register kept.
            expect(await call(open[0]!, 'stock:transferDestinations', {})).toMatchObject({
              stores: [{ storeId: storeIds[B] }],
              isCached: true,
            })
            await run(firstPhase)
            gate.setOnline(true)
            await syncAll(open, middleOrder, storeIds)
            await syncAll(open, middleOrder, storeIds)
            // Every transfer sent so far reached store B's register through the relay.
            const sentBefore = firstPhase.filter((command) => command.kind === 'send').length
            expect((await call(registerB, 'stock:transfers', {})).incoming).toHaveLength(sentBefore)
            gate.setOnline(false)
            await run(secondPhase)
            gate.setOnline(true)
            await syncAll(open, finalOrder, storeIds)
            await syncAll(open, finalOrder, storeIds)

            const { incoming } = await call(registerB, 'stock:transfers', {})
            expect(incoming).toHaveLength(
              [...firstPhase, ...secondPhase].filter((command) => command.kind === 'send').length,
            )
            // What store B's register says arrived is what it received, to the unit.
            expect(
              incoming
                .flatMap((transfer) => transfer.lines)
                .reduce((sum, l) => sum + l.received, 0),
            ).toBe(receivedByB)
            for (const [index, core] of open.entries())
              for (const [productIndex, item] of tracked.entries())
                expect(await onHandOf(core, item.id), `register ${index}`).toBe(
                  expected[storeOf[index]!]![productIndex]! / 1000,
                )
            for (const store of [A, B]) {
              const reply = await serverStock(storeIds[store]!)
              for (const [productIndex, item] of tracked.entries()) {
                const line = reply.products.find(
                  (candidate) => candidate.productId === item.id && candidate.variantId === null,
                )
                expect(line?.onHand, `store ${store}`).toBe(expected[store]![productIndex]! / 1000)
              }
            }
            // Every register of store A sees the same progress of the purchase order.
            const [first, second] = await Promise.all(
              open
                .slice(0, 2)
                .map((core) => call(core, 'stock:purchaseOrders', { includeReceived: true })),
            )
            expect(first).toEqual(second)
          } finally {
            for (const core of open) core.close()
            await gate.close()
          }
        },
      ),
      {
        numRuns: 4,
        interruptAfterTimeLimit: 45_000,
        endOnFailure: true,
        // Always once: a transfer sent offline, synced, then received in two parts offline.
        examples: [
          [
            [
              { kind: 'send', register: 1, product: 0, quantity: 4 },
              { kind: 'receiveOrder', register: 0, product: 1, quantity: 7 },
            ],
            [
              { kind: 'receiveTransfer', pick: 0, quantity: 3 },
              { kind: 'sell', register: 2, product: 0, quantity: 1 },
              { kind: 'receiveTransfer', pick: 0, quantity: 3 },
            ],
            [2, 0, 1],
            [1, 2, 0],
          ],
        ],
      },
    )
  }, 120_000)
})
