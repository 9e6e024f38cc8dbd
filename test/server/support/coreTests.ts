import { expect, it } from 'vitest'
import { pushRecords } from '../../../src/server/sync/push'
import type { BatchPushResponse, PullChangesResponse } from '../../../src/shared/sync'
import { createStore, enroll, mutationId, orderEnvelope, product, uuid } from './harness'
import type { SuiteContext } from './suiteContext'
import { countRecords } from './suiteContext'

/** Health, enrollment, idempotency, pulls, batch isolation. */
export function coreTests(ctx: SuiteContext): void {
  it('answers /healthz and /readyz', async () => {
    const { app } = ctx
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' })
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready' })
  })

  it('enrolls, refreshes with rotation, and refuses a bad code', async () => {
    const { app, db } = ctx
    const store = await createStore(db)
    const device = await enroll(app, store.code)
    expect(device.storeId).toBe(store.storeId)
    const refresh = (refreshToken: string) =>
      app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })
    const refreshed = await refresh(device.refreshToken)
    expect(refreshed.statusCode).toBe(200)
    // The reply was "lost": the same token again, while its replacement is unused, works once more
    // and retires that replacement.
    const replayed = await refresh(device.refreshToken)
    expect(replayed.statusCode).toBe(200)
    expect(
      (await refresh(refreshed.json<{ refreshToken: string }>().refreshToken)).statusCode,
    ).toBe(401)
    // Once the newest replacement has been used, the old token coming back is theft (no lost reply
    // explains it): the whole family is revoked, the live token with it (OAuth 2.1).
    const next = await refresh(replayed.json<{ refreshToken: string }>().refreshToken)
    expect(next.statusCode).toBe(200)
    expect((await refresh(device.refreshToken)).statusCode).toBe(401)
    expect((await refresh(next.json<{ refreshToken: string }>().refreshToken)).statusCode).toBe(401)
    expect((await refresh(replayed.json<{ refreshToken: string }>().refreshToken)).statusCode).toBe(
      401,
    )
    const bad = await app.inject({
      method: 'POST',
      url: '/api/auth/enroll',
      payload: { enrollmentCode: 'NOPE-NOPE', deviceId: uuid(), name: 'x', fingerprint: 'f' },
    })
    expect(bad.statusCode).toBe(401)
  })

  it('stores the same order sent 10 times once, with 10 success replies', async () => {
    const { db, setUp, pushOk, orderChange } = ctx
    const { store, a } = await setUp()
    const id = uuid()
    const fixedMutation = mutationId()
    const statuses: string[] = []
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const [result] = await pushOk(a, [orderChange(id, { mutation: fixedMutation })])
      statuses.push(result!.status)
    }
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const [result] = await pushOk(a, [orderChange(id)])
      statuses.push(result!.status)
    }
    expect(statuses).toHaveLength(10)
    expect(statuses.every((status) => status === 'applied' || status === 'duplicate')).toBe(true)
    expect(statuses.slice(5)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
    ])
    expect(await countRecords(db, store.storeId, 'order')).toBe(1)
  })

  it('returns the same results when a lost reply makes the client resend the batch', async () => {
    const { db, setUp, pushOk, orderChange } = ctx
    const { store, a } = await setUp()
    const changes = [
      orderChange(uuid()),
      orderChange(uuid()),
      {
        mutationId: mutationId(),
        entity: 'product',
        id: 'p-1',
        op: 'upsert',
        baseVersion: 0,
        data: product('p-1', 'Tea'),
      },
    ]
    const first = await pushOk(a, changes)
    const second = await pushOk(a, changes)
    expect(first.map((result) => result.status)).toEqual(['applied', 'applied', 'applied'])
    expect(second).toEqual(first)
    expect(await countRecords(db, store.storeId)).toBe(3)
  })

  it('pulls other devices changes page by page with an opaque token', async () => {
    const { setUp, pushOk, pull, orderChange } = ctx
    const { a, b } = await setUp()
    const ids = Array.from({ length: 7 }, () => uuid())
    await pushOk(
      a,
      ids.map((id) => orderChange(id)),
    )
    const seen: string[] = []
    let since: string | undefined
    for (let page = 0; page < 10; page += 1) {
      const response = await pull(b, since, 3)
      expect(response.statusCode).toBe(200)
      const body = response.json<PullChangesResponse>()
      seen.push(...body.changes.map((change) => change.id))
      since = body.nextSyncToken
      if (!body.hasMore) break
    }
    expect(seen).toEqual(ids)
    const tail = (await pull(b, since)).json<PullChangesResponse>()
    expect(tail.changes).toEqual([])
    expect(tail.hasMore).toBe(false)
  })

  it('treats an equal hash as in sync and refuses edits to a completed sale', async () => {
    const { setUp, pushOk, orderChange } = ctx
    const { a, b } = await setUp()
    const id = uuid()
    await pushOk(a, [orderChange(id)])
    expect((await pushOk(b, [orderChange(id, { baseVersion: 0 })]))[0]!.status).toBe('duplicate')
    const changed = orderChange(id, { baseVersion: 1 })
    changed.data.items[0]!.unitPriceCents = 1
    const [rejected] = await pushOk(a, [changed])
    expect(rejected).toMatchObject({
      status: 'rejected',
      error: { code: 'IMMUTABLE_SALE', retryable: false },
    })
    const [refunded] = await pushOk(a, [orderChange(id, { baseVersion: 1, status: 'REFUNDED' })])
    expect(refunded).toMatchObject({ status: 'applied', serverVersion: 2 })
  })

  it('keeps one bad record from blocking the others in its batch', async () => {
    const { db, setUp, pushOk, orderChange } = ctx
    const { store, a } = await setUp()
    const id = uuid()
    await pushOk(a, [orderChange(id)])
    const results = await pushOk(a, [
      orderChange(uuid()),
      { mutationId: mutationId(), entity: 'order', id, op: 'delete', baseVersion: 1 },
      {
        mutationId: mutationId(),
        entity: 'product',
        id: 'p-9',
        op: 'upsert',
        baseVersion: 0,
        data: product('p-other', 'Mismatch'),
      },
      orderChange(uuid()),
    ])
    expect(results.map((result) => result.status)).toEqual([
      'applied',
      'rejected',
      'rejected',
      'applied',
    ])
    expect(results[2]!.error?.code).toBe('ID_MISMATCH')
    expect(await countRecords(db, store.storeId)).toBe(3)
  })

  it('isolates a record the database refuses: the others apply, it comes back as retry', async () => {
    const { db, database, setUp, pushOk, orderChange } = ctx
    // A real storage failure for one record: a trigger refusing ids that start with "poison-".
    await database.query(`CREATE OR REPLACE FUNCTION auraflow_test_poison() RETURNS trigger AS $$
      BEGIN IF NEW.id LIKE 'poison-%' THEN RAISE EXCEPTION 'poisoned record %', NEW.id; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`)
    await database.query('DROP TRIGGER IF EXISTS auraflow_test_poison ON sync_records')
    await database.query(
      'CREATE TRIGGER auraflow_test_poison BEFORE INSERT OR UPDATE ON sync_records FOR EACH ROW EXECUTE FUNCTION auraflow_test_poison()',
    )
    try {
      const { store, a } = await setUp()
      const poisonId = `poison-${uuid()}`
      const changes = [
        orderChange(uuid()),
        {
          mutationId: mutationId(),
          entity: 'product',
          id: poisonId,
          op: 'upsert',
          baseVersion: 0,
          data: product(poisonId, 'Bad'),
        },
        orderChange(uuid()),
      ]
      const first = await pushOk(a, changes)
      expect(first.map((result) => result.status)).toEqual(['applied', 'retry', 'applied'])
      expect(first[1]!.error).toMatchObject({ code: 'STORE_ERROR', retryable: true })
      // The database's message names the statement and its parameters: never sent to a client.
      expect(first[1]!.error!.message).not.toMatch(/insert|select|params|sync_records|poison/i)
      expect(first.map((result) => result.serverSeq)).toEqual([1, null, 2])
      expect(await countRecords(db, store.storeId)).toBe(2)
      const second = await pushOk(a, changes)
      expect(second[0]).toEqual(first[0])
      expect(second[2]).toEqual(first[2])
      expect(second[1]!.status).toBe('retry')
      // The engine itself: a clean batch takes the one-statement path, a poisoned one is isolated.
      const context = { storeId: store.storeId, deviceId: a.deviceId, policies: {} }
      const item = (id: string, entity: 'order' | 'product') => ({
        mutationId: mutationId(),
        entity,
        id,
        deleted: false,
        baseVersion: 0,
        clientVersion: null,
        data: entity === 'order' ? orderEnvelope(id) : product(id, 'Bad'),
      })
      expect(
        (await pushRecords(db, context, [item(uuid(), 'order'), item(uuid(), 'order')])).isIsolated,
      ).toBe(false)
      const isolated = await pushRecords(db, context, [
        item(uuid(), 'order'),
        item(`poison-${uuid()}`, 'product'),
      ])
      expect(isolated.isIsolated).toBe(true)
      expect(isolated.results.map((result) => result.status)).toEqual(['applied', 'retry'])
    } finally {
      await database.query('DROP TRIGGER IF EXISTS auraflow_test_poison ON sync_records')
    }
  })

  it('refuses NUL, lone surrogates, overflowing numbers and deep nesting in one record alone', async () => {
    const { app, db, setUp, orderChange } = ctx
    const { store, a } = await setUp()
    // Written as text: JSON.stringify cannot write 1e400, and 5,000 levels would overflow the
    // test's own stack.
    const poisons: [string, string, RegExp][] = [
      ['"a\\u0000b"', 'order.note', /NUL/],
      ['"\\ud800"', 'order.note', /surrogate/],
      ['1e400', 'order.note', /finite/],
      ['-1e400', 'order.note', /finite/],
      [`${'['.repeat(5000)}1${']'.repeat(5000)}`, 'order.note', /nested deeper than/],
    ]
    const valid = orderChange(uuid())
    for (const [poison, path, reason] of poisons) {
      const bad = orderChange(uuid())
      ;(bad.data.order as Record<string, unknown>).note = 'POISON'
      const text = JSON.stringify({ deviceId: a.deviceId, changes: [bad, valid] }).replace(
        '"POISON"',
        poison,
      )
      const response = await app.inject({
        method: 'POST',
        url: '/api/sync/batch-push',
        headers: { ...a.headers, 'content-type': 'application/json' },
        payload: text,
      })
      expect(response.statusCode, response.body).toBe(200)
      const [refused, applied] = response.json<BatchPushResponse>().results
      expect(refused).toMatchObject({
        id: bad.id,
        status: 'rejected',
        error: { code: 'INVALID_VALUE', retryable: false },
      })
      expect(refused!.error!.message).toContain(`data.${path}`)
      expect(refused!.error!.message).toMatch(reason)
      expect(['applied', 'duplicate']).toContain(applied!.status)
    }
    // Outside a record (the envelope) the whole body is refused.
    const envelope = await app.inject({
      method: 'POST',
      url: '/api/sync/batch-push',
      headers: { ...a.headers, 'content-type': 'application/json' },
      payload: `{"deviceId":"${a.deviceId}","changes":[{"mutationId":"\\ud800","entity":"order","id":"x","op":"delete","baseVersion":1e400}]}`,
    })
    expect(envelope.statusCode).toBe(400)
    expect(envelope.json()).toMatchObject({ code: 'VALIDATION' })
    expect(await countRecords(db, store.storeId)).toBe(1)
  })
}
