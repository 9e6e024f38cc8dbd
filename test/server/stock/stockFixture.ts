import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import type { ServerDatabase } from '../../../src/server/db/connection'
import { writeServerChanges } from '../../../src/server/sync/serverWrite'
import type { EntityName } from '../../../src/shared/sync'
import type { Listening, Reply, Session } from '../support/backofficeClient'
import { call, insertAdmin, listen, signIn } from '../support/backofficeClient'
import { createStore } from '../support/harness'
import type { TestStore } from '../support/harness'

/*
 * One business (stores A and B) and another (store C), on a real server (127.0.0.1:0), with the
 * catalog and movements worked out by hand:
 *
 * Store A
 *   Beans (BEANS, tracked): received 10 @ 4.50, 5 @ 5.10 and 0.333 @ 9.99; sold 3 (Alice, order
 *     o-1); 1 damaged. On hand 11.333. Average (10·450 + 5·510 + 0.333·999) / 15.333
 *     = 7 382 667 / 15 333 = 481.49 → 4.81; value 11.333 × 481 = 5451.17 → 54.51.
 *     Reorder point 12, quantity 20, Roastery (4.60): order 12 + 20 − 11.333 = 20.667 = 95.07.
 *   Mug (MUG, tracked): received 4 @ 3.00, sold 6: on hand −2, valued 0, flagged.
 *   Shirt S / L (SHIRT-S, SHIRT-L; product SKU SHIRT): S received 3 @ 10.01 → 30.03; L none.
 *   Tea (TEA, tracked): no receipt; lowest supplier cost 1.99 (of 2.50 and 1.99); on hand 0.
 *   Gift card (GIFT): not tracked, never moved: not listed.
 * Total value of A: 54.51 + 0 + 30.03 + 0 + 0 = 84.54.
 */
export const BEANS = 'p-beans'
export const MUG = 'p-mug'
export const SHIRT = 'p-shirt'
export const TEA = 'p-tea'
export const SHIRT_S = '11111111-1111-4111-8111-111111111111'
export const SHIRT_L = '22222222-2222-4222-8222-222222222222'

export type Role = 'owner' | 'managerA' | 'managerC' | 'super'

export interface StockWorld {
  database: ServerDatabase
  server: Listening
  a: TestStore
  b: TestStore
  c: TestStore
  sessions: Record<Role, Session>
  as(role: Role, method: string, path: string, body?: unknown): Promise<Reply>
  write(
    storeId: string,
    entity: EntityName,
    data: { id: string } & Record<string, unknown>,
  ): Promise<void>
  movement(storeId: string, data: Record<string, unknown>): Promise<string>
}

const product = (id: string, name: string, sku: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  sku,
  priceCents: 1000,
  trackStock: true,
  variants: [],
  ...extra,
})

export async function openStockWorld(open: () => Promise<ServerDatabase>): Promise<StockWorld> {
  const database = await open()
  const server = await listen(database.db)
  const a = await createStore(database.db)
  const b = await createStore(database.db, a.tenantId)
  const c = await createStore(database.db)
  const owner = await insertAdmin(database.db, 'tenant_admin', { tenantId: a.tenantId })
  const managerA = await insertAdmin(database.db, 'store_manager', {
    tenantId: a.tenantId,
    storeIds: [a.storeId],
  })
  const managerC = await insertAdmin(database.db, 'store_manager', {
    tenantId: c.tenantId,
    storeIds: [c.storeId],
  })
  const superAdmin = await insertAdmin(database.db, 'super_admin')
  const sessions: Record<Role, Session> = {
    owner: await signIn(server.baseUrl, owner.email),
    managerA: await signIn(server.baseUrl, managerA.email),
    managerC: await signIn(server.baseUrl, managerC.email),
    super: await signIn(server.baseUrl, superAdmin.email),
  }
  const write: StockWorld['write'] = async (storeId, entity, data) => {
    const outcome = await writeServerChanges(database.db, [
      { storeId, writerId: 'admin:fixture', entity, id: data.id, data },
    ])
    expect(outcome.kind).toBe('written')
  }
  const movement: StockWorld['movement'] = async (storeId, data) => {
    const id = randomUUID()
    await write(storeId, 'stockMovement', { id, createdAt: '2026-11-01T10:00:00.000Z', ...data })
    return id
  }
  const world: StockWorld = {
    database,
    server,
    a,
    b,
    c,
    sessions,
    as: (role, method, path, body) =>
      call(server.baseUrl, method, path, {
        session: sessions[role],
        ...(body !== undefined ? { body } : {}),
      }),
    write,
    movement,
  }
  const catalog = [
    product(BEANS, 'Beans', 'BEANS'),
    product(MUG, 'Mug', 'MUG'),
    product(SHIRT, 'Shirt', 'SHIRT', {
      variants: [
        { id: SHIRT_S, name: 'S', priceCents: 1500, sku: 'SHIRT-S', barcode: null },
        { id: SHIRT_L, name: 'L', priceCents: 1500, sku: 'SHIRT-L', barcode: null },
      ],
    }),
    product(TEA, 'Tea', 'TEA'),
    product('p-gift', 'Gift card', 'GIFT', { trackStock: false }),
  ]
  for (const storeId of [a.storeId, b.storeId, c.storeId])
    for (const data of catalog) await write(storeId, 'product', data)
  const A = a.storeId
  await write(A, 'employee', { id: 'e-alice', name: 'Alice', role: 'cashier' })
  await write(A, 'supplier', { id: 'sup-roastery', name: 'Roastery' })
  await write(A, 'supplierProduct', {
    id: 'sp-1',
    supplierId: 'sup-roastery',
    productId: BEANS,
    costCents: 460,
  })
  await write(A, 'supplierProduct', {
    id: 'sp-2',
    supplierId: 'sup-x',
    productId: TEA,
    costCents: 250,
  })
  await write(A, 'supplierProduct', {
    id: 'sp-3',
    supplierId: 'sup-y',
    productId: TEA,
    costCents: 199,
  })
  const line = (productId: string, quantity: number, extra: Record<string, unknown> = {}) => ({
    productId,
    variantId: null,
    quantity,
    ...extra,
  })
  await movement(A, {
    kind: 'RECEIPT',
    refId: 'po-1',
    lines: [line(BEANS, 10, { unitCostCents: 450 }), line(MUG, 4, { unitCostCents: 300 })],
  })
  await movement(A, {
    kind: 'RECEIPT',
    refId: 'po-2',
    lines: [line(BEANS, 5, { unitCostCents: 510 })],
  })
  await movement(A, {
    kind: 'RECEIPT',
    refId: 'po-3',
    lines: [line(BEANS, 0.333, { unitCostCents: 999 })],
  })
  await movement(A, {
    kind: 'SALE',
    refId: 'o-1',
    employeeId: 'e-alice',
    lines: [line(BEANS, -3), line(MUG, -6)],
  })
  await movement(A, { kind: 'ADJUSTMENT', reason: 'DAMAGE', lines: [line(BEANS, -1)] })
  await movement(A, {
    kind: 'RECEIPT',
    refId: 'po-4',
    lines: [{ productId: SHIRT, variantId: SHIRT_S, quantity: 3, unitCostCents: 1001 }],
  })
  return world
}
