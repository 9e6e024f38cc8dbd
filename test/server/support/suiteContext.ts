import { and, count, eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect } from 'vitest'
import type { Database, ServerDatabase } from '../../../src/server/db/connection'
import { syncRecords } from '../../../src/server/db/schema'
import type { BatchPushResponse, ChangeResult } from '../../../src/shared/sync'
import type { Device, TestStore } from './harness'
import { createStore, enroll, makeApp, mutationId, orderEnvelope } from './harness'

export interface SuiteDatabase {
  open(): Promise<ServerDatabase>
}

export async function countRecords(
  db: Database,
  storeId: string,
  entity?: string,
): Promise<number> {
  const filter = entity
    ? and(eq(syncRecords.storeId, storeId), eq(syncRecords.entity, entity))
    : eq(syncRecords.storeId, storeId)
  const [row] = await db.select({ total: count() }).from(syncRecords).where(filter)
  return row?.total ?? 0
}

/** One database and app per suite (opening PGlite costs seconds); each test makes its own store. */
export class SuiteContext {
  #database: ServerDatabase | null = null
  #app: FastifyInstance | null = null

  constructor(target: SuiteDatabase) {
    beforeAll(async () => {
      this.#database = await target.open()
      this.#app = await makeApp(this.#database.db)
    })
    afterAll(async () => {
      await this.#app?.close()
      await this.#database?.close()
    })
  }

  get database(): ServerDatabase {
    if (!this.#database) throw new Error('suite database not open yet')
    return this.#database
  }
  get db(): Database {
    return this.database.db
  }
  get app(): FastifyInstance {
    if (!this.#app) throw new Error('suite app not built yet')
    return this.#app
  }

  /** A fresh store with two enrolled registers. */
  setUp = async (): Promise<{ store: TestStore; a: Device; b: Device }> => {
    const store = await createStore(this.db)
    return {
      store,
      a: await enroll(this.app, store.code, 'Register A'),
      b: await enroll(this.app, store.code, 'Register B'),
    }
  }

  push = (device: Device, changes: unknown[], on: FastifyInstance = this.app) =>
    on.inject({
      method: 'POST',
      url: '/api/sync/batch-push',
      headers: device.headers,
      payload: { deviceId: device.deviceId, changes },
    })

  pushOk = async (
    device: Device,
    changes: unknown[],
    on: FastifyInstance = this.app,
  ): Promise<ChangeResult[]> => {
    const response = await this.push(device, changes, on)
    expect(response.statusCode, response.body).toBe(200)
    return response.json<BatchPushResponse>().results
  }

  pull = (device: Device, since?: string, limit?: number) => {
    const query = new URLSearchParams()
    if (since) query.set('since', since)
    if (limit) query.set('limit', String(limit))
    return this.app.inject({
      method: 'GET',
      url: `/api/sync/pull-changes?${query}`,
      headers: device.headers,
    })
  }

  orderChange = (
    id: string,
    extra: { status?: string; baseVersion?: number; mutation?: string } = {},
  ) => ({
    mutationId: extra.mutation ?? mutationId(),
    entity: 'order',
    id,
    op: 'upsert',
    baseVersion: extra.baseVersion ?? 0,
    data: orderEnvelope(id, extra.status ? { status: extra.status } : {}),
  })
}
