import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import type { ServerConfig } from '../../../src/server/config'
import { openDatabase } from '../../../src/server/db/connection'
import type { ServerDatabase } from '../../../src/server/db/connection'
import type { AdminSaveReply } from '../../../src/shared/backoffice/catalog'
import type { PurchaseOrderReply } from '../../../src/shared/backoffice/purchasing'
import type { Listening, Reply, Session } from './backofficeClient'
import { call, insertAdmin, listen, signIn } from './backofficeClient'
import { createStore } from './harness'
import type { TestStore } from './harness'

/**
 * Two stores of one tenant on a real server (PGlite, 127.0.0.1:0): the owner sees both, a manager
 * only store A. Helpers create products, suppliers, costs and orders through the admin routes.
 */
export interface PurchasingFixture {
  database: ServerDatabase
  server: Listening
  storeA: TestStore
  storeB: TestStore
  owner: Session
  managerA: Session
  as(session: Session, method: string, path: string, body?: unknown): Promise<Reply>
  product(storeId: string, sku?: string): Promise<string>
  supplier(storeId: string, body?: Record<string, unknown>): Promise<string>
  cost(storeId: string, supplierId: string, productId: string, costCents: number): Promise<string>
  order(storeId: string, body: Record<string, unknown>): Promise<PurchaseOrderReply>
  close(): Promise<void>
}

export const onStore = (path: string, storeId: string) =>
  `${path}${path.includes('?') ? '&' : '?'}storeId=${storeId}`

export function ok<T>(reply: Reply): T {
  expect(reply.status, reply.text).toBe(200)
  return reply.body as T
}

export async function purchasingFixture(
  overrides: Partial<ServerConfig> = {},
): Promise<PurchasingFixture> {
  const database = await openDatabase({ kind: 'pglite', dataDir: null })
  const server = await listen(database.db, overrides)
  const storeA = await createStore(database.db)
  const storeB = await createStore(database.db, storeA.tenantId)
  const ownerRow = await insertAdmin(database.db, 'tenant_admin', { tenantId: storeA.tenantId })
  const managerRow = await insertAdmin(database.db, 'store_manager', {
    tenantId: storeA.tenantId,
    storeIds: [storeA.storeId],
  })
  const owner = await signIn(server.baseUrl, ownerRow.email)
  const managerA = await signIn(server.baseUrl, managerRow.email)
  const as = (session: Session, method: string, path: string, body?: unknown) =>
    call(server.baseUrl, method, path, { session, ...(body !== undefined ? { body } : {}) })
  return {
    database,
    server,
    storeA,
    storeB,
    owner,
    managerA,
    as,
    async product(storeId, sku = `SKU-${randomUUID().slice(0, 8)}`) {
      const id = randomUUID()
      ok<AdminSaveReply>(
        await as(owner, 'PUT', onStore(`/api/admin/products/${id}`, storeId), {
          sku,
          name: `Beans ${sku}`,
          priceCents: 999,
          trackStock: true,
        }),
      )
      return id
    },
    async supplier(storeId, body = {}) {
      const id = randomUUID()
      ok<AdminSaveReply>(
        await as(owner, 'PUT', onStore(`/api/admin/suppliers/${id}`, storeId), {
          baseVersion: 0,
          name: `Roaster ${id.slice(0, 6)}`,
          email: 'orders@roaster.example',
          leadTimeDays: 3,
          ...body,
        }),
      )
      return id
    },
    async cost(storeId, supplierId, productId, costCents) {
      const id = randomUUID()
      ok<AdminSaveReply>(
        await as(owner, 'PUT', onStore(`/api/admin/supplier-products/${id}`, storeId), {
          baseVersion: 0,
          supplierId,
          productId,
          costCents,
          supplierSku: `S-${productId.slice(0, 4)}`,
        }),
      )
      return id
    },
    async order(storeId, body) {
      return ok<PurchaseOrderReply>(
        await as(owner, 'POST', onStore('/api/admin/purchase-orders', storeId), body),
      )
    },
    async close() {
      await server.app.close()
      await database.close()
    },
  }
}
