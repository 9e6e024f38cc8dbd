import { asc, eq } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { stores, syncRecords } from '../../../src/server/db/schema'
import { PullChangesResponse } from '../../../src/shared/sync'
import type { SuiteContext } from './suiteContext'

/**
 * Record data the JSON path must carry exactly: non-ASCII text, emoji (astral code points),
 * escapes, nested arrays and objects, numbers beyond 2^53 and at the edges of a double.
 */
const awkwardData = {
  id: 'p-awkward',
  name: 'Crème brûlée — 東京 🍮👩‍🍳',
  notes: 'quote " backslash \\ newline \n tab \t control \u0001 separator \u2028 end',
  tags: [['a', ['b', ['c', []]]], [], [{ deep: [1, [2, [3.25, null, true, false]]] }]],
  empty: {},
  huge: 1.5e300,
  tiny: 1e-7,
  fraction: 0.1,
  negative: -42.5,
  priceCents: 199,
}

/** As the JSON text a client sent: numbers with more digits than a double holds. */
const awkwardJson = JSON.stringify(awkwardData).replace(
  /}$/,
  ',"bigInt":12345678901234567890,"beyondSafe":9007199254740993}',
)

/** The page the pull route served before it built its JSON in the database, for comparison. */
function expectedChange(row: typeof syncRecords.$inferSelect) {
  return {
    entity: row.entity,
    id: row.id,
    op: row.deleted ? 'delete' : 'upsert',
    version: row.version,
    seq: row.seq,
    hash: row.hash,
    data: row.data ?? null,
    deviceId: row.lastDeviceId,
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** The pull page is built as text by the database: it must parse and mean what the rows hold. */
export function pullSerializationTests(ctx: SuiteContext): void {
  it('serves a pull page that parses with the shared schema and carries awkward data exactly', async () => {
    const { db, database, setUp, pushOk, pull, orderChange } = ctx
    const { store, a, b } = await setUp()
    await pushOk(a, [orderChange('7b0c4f5e-0000-4000-8000-000000000001')])
    // Written straight to the table, as an admin import or older server could have: the push
    // path's entity schemas would refuse fields a product does not have.
    const [head] = await db
      .select({ headSeq: stores.headSeq })
      .from(stores)
      .where(eq(stores.id, store.storeId))
    const seq = head!.headSeq
    await database.query(
      `INSERT INTO sync_records
         (store_id, entity, id, version, seq, hash, data, deleted, last_device_id, updated_at)
       VALUES ($1, 'product', 'p-awkward', 3, $2, 'h-awkward', $3::jsonb, false, NULL,
               '2026-01-02 03:04:05.678901+00'),
              ($1, 'product', 'p-gone', 2, $4, 'h-gone', NULL, true, $5,
               '1999-12-31 23:59:59.999+00')`,
      [store.storeId, seq + 1, awkwardJson, seq + 2, a.deviceId],
    )
    await database.query(`UPDATE stores SET head_seq = $2 WHERE id = $1`, [store.storeId, seq + 2])

    const response = await pull(b)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    const page = PullChangesResponse.parse(JSON.parse(response.body))
    const rows = await db
      .select()
      .from(syncRecords)
      .where(eq(syncRecords.storeId, store.storeId))
      .orderBy(asc(syncRecords.seq))
    expect(page.changes).toEqual(rows.map(expectedChange))
    expect(page).toMatchObject({ hasMore: false, headSeq: seq + 2 })

    const awkward = page.changes.find((change) => change.id === 'p-awkward')!
    expect(awkward.data).toEqual(JSON.parse(awkwardJson))
    expect(awkward.data).toMatchObject({ beyondSafe: 2 ** 53, bigInt: 12345678901234567000 })
    expect(awkward.updatedAt).toBe('2026-01-02T03:04:05.678Z')
    expect(awkward.deviceId).toBeNull()
    const gone = page.changes.find((change) => change.id === 'p-gone')!
    expect(gone).toMatchObject({ op: 'delete', data: null, deviceId: a.deviceId })
    expect(gone.updatedAt).toBe('1999-12-31T23:59:59.999Z')

    // Paging over the same rows ends on the same cursor and sees every record once.
    const seen: string[] = []
    let since: string | undefined
    for (let index = 0; index < 5; index += 1) {
      const next = PullChangesResponse.parse(JSON.parse((await pull(b, since, 1)).body))
      seen.push(...next.changes.map((change) => change.id))
      since = next.nextSyncToken
      if (!next.hasMore) break
    }
    expect(seen).toEqual(rows.map((row) => row.id))
    expect(since).toBe(page.nextSyncToken)
  })
}
