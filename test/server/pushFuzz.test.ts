import { count, eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/server/db/connection'
import type { ServerDatabase } from '../../src/server/db/connection'
import { mutationLedger, stores, syncRecords } from '../../src/server/db/schema'
import type { Device } from './support/harness'
import { createStore, enroll, makeApp, orderEnvelope, product, uuid } from './support/harness'

/**
 * Property: any malformed push body gets a 400 naming a path and leaves the database unchanged.
 * Bodies are valid pushes with one mutation applied somewhere, so they stay close to the schema.
 */
describe('batch-push validation fuzz (PGlite)', () => {
  let database: ServerDatabase
  let app: FastifyInstance
  let device: Device
  let storeId: string

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null })
    app = await makeApp(database.db)
    const store = await createStore(database.db)
    storeId = store.storeId
    device = await enroll(app, store.code)
  })
  afterAll(async () => {
    await app?.close()
    await database?.close()
  })

  const validChange = fc.oneof(
    fc.uuid().map((id) => ({
      mutationId: `m-${id}`,
      entity: 'order',
      id,
      op: 'upsert',
      baseVersion: 0,
      data: orderEnvelope(id),
    })),
    fc.uuid().map((id) => ({
      mutationId: `m-${id}`,
      entity: 'product',
      id,
      op: 'upsert',
      baseVersion: 0,
      data: product(id, 'Tea'),
    })),
  )
  // Values invalid at every breakable path (no integers, arrays or plain strings, which some accept).
  const junk = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.constantFrom('', ' ', 'a b', '\u0000'),
    fc.double().filter((value) => !Number.isInteger(value)),
    fc.boolean(),
    fc.constant({}),
    fc.constant({ nested: [1, 2] }),
  )
  type Path = (string | number)[]
  const breakable: Path[] = [
    ['deviceId'],
    ['changes'],
    ['changes', 0],
    ['changes', 0, 'mutationId'],
    ['changes', 0, 'entity'],
    ['changes', 0, 'id'],
    ['changes', 0, 'op'],
    ['changes', 0, 'baseVersion'],
    ['changes', 0, 'data'],
    ['changes', 0, 'data', 'order'],
    ['changes', 0, 'data', 'order', 'totalCents'],
    ['changes', 0, 'data', 'items'],
    ['changes', 0, 'data', 'items', 0, 'unitPriceCents'],
    ['changes', 0, 'data', 'payments', 0, 'amountCents'],
    ['changes', 0, 'data', 'name'],
    ['changes', 0, 'data', 'priceCents'],
  ]

  function corrupt(
    body: Record<string, unknown>,
    path: Path,
    value: unknown,
    mode: 'set' | 'extra',
  ): boolean {
    let node: unknown = body
    for (const key of path.slice(0, -1)) {
      node = (node as Record<string | number, unknown> | undefined)?.[key]
      if (node === null || typeof node !== 'object') return false
    }
    const last = path.at(-1)!
    const parent = node as Record<string | number, unknown>
    if (!(last in parent)) return false
    if (mode === 'extra') {
      // Unknown keys are refused on the strict envelope: the body and each change object.
      const changes = body.changes as Record<string, unknown>[]
      const target = path[0] === 'changes' && path.length >= 2 ? changes[0]! : body
      target['unexpected'] = value ?? 'x'
      return true
    }
    parent[last] = value
    return true
  }

  async function snapshot() {
    const [records] = await database.db
      .select({ total: count() })
      .from(syncRecords)
      .where(eq(syncRecords.storeId, storeId))
    const [ledger] = await database.db
      .select({ total: count() })
      .from(mutationLedger)
      .where(eq(mutationLedger.deviceId, device.deviceId))
    const [store] = await database.db
      .select({ headSeq: stores.headSeq })
      .from(stores)
      .where(eq(stores.id, storeId))
    return { records: records?.total, ledger: ledger?.total, headSeq: store?.headSeq }
  }

  it('refuses 500+ malformed bodies with a path and leaves the database unchanged', async () => {
    const before = await snapshot()
    let tried = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(validChange, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...breakable),
        junk,
        fc.constantFrom<'set' | 'extra'>('set', 'set', 'set', 'extra'),
        async (changes, path, value, mode) => {
          const body: Record<string, unknown> = {
            deviceId: device.deviceId,
            changes: structuredClone(changes),
          }
          // Removing an optional field (an item's unit price, for seed compatibility) is valid.
          fc.pre(!(value === undefined && path.at(-1) === 'unitPriceCents'))
          fc.pre(!(value === 'a b' && path.at(-1) === 'name'))
          // NUL inside one record's data refuses that record alone (coreTests), not the body.
          fc.pre(!(value === '\u0000' && mode === 'set' && path[2] === 'data'))
          const isCorrupted = corrupt(body, path, value, mode)
          fc.pre(isCorrupted)
          // Some replacements are still valid (an object where loose data allows it): skip those.
          const response = await app.inject({
            method: 'POST',
            url: '/api/sync/batch-push',
            headers: device.headers,
            payload: body,
          })
          if (response.statusCode === 200) {
            throw new Error(`malformed body accepted: ${JSON.stringify(body).slice(0, 300)}`)
          }
          tried += 1
          expect([400, 403]).toContain(response.statusCode)
          if (response.statusCode === 400) {
            const error = response.json<{
              code: string
              message: string
              issues?: { path: string }[]
            }>()
            expect(error.code).toMatch(/VALIDATION|FST_ERR_CTP/)
            if (error.code === 'VALIDATION') expect(error.issues?.[0]?.path).toBeTruthy()
          }
        },
      ),
      { numRuns: 600, seed: Number(process.env.FUZZ_SEED ?? 20261121) },
    )
    expect(tried).toBeGreaterThanOrEqual(500)
    expect(await snapshot()).toEqual(before)
  })

  it('still accepts a well-formed push afterwards', async () => {
    const id = uuid()
    const response = await app.inject({
      method: 'POST',
      url: '/api/sync/batch-push',
      headers: device.headers,
      payload: {
        deviceId: device.deviceId,
        changes: [
          {
            mutationId: 'ok',
            entity: 'order',
            id,
            op: 'upsert',
            baseVersion: 0,
            data: orderEnvelope(id),
          },
        ],
      },
    })
    expect(response.statusCode).toBe(200)
  })
})
