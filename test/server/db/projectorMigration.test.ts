import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import { afterAll, describe, expect, it } from 'vitest'
import { migrationsFolder } from '../../../src/server/db/connection'
import { schema } from '../../../src/server/db/schema'
import { writeMigrationsBefore } from '../support/migrationsBefore'
import { createReportProjector } from '../../../src/server/reports/projector'
import { projectionOf, referenceOf, sale } from '../reports/projectorReference'

/**
 * The record-stream migration on a database the in-transaction triggers kept: the orders already
 * projected stay as they were (the cursor starts at the head, nothing projected twice), the
 * triggers are gone, and an order written after it is projected by the projector.
 */
describe('report stream projector migration (PGlite)', () => {
  const before = mkdtempSync(path.join(os.tmpdir(), 'auraflow-migrations-'))
  afterAll(() => rmSync(before, { recursive: true, force: true }))

  it('keeps the projected orders, starts the cursor at the head and projects what comes next', async () => {
    expect(writeMigrationsBefore(before, '_report_stream_projector')).toBeGreaterThan(0)

    const client = new PGlite()
    try {
      const db = drizzle({ client, schema })
      await migrate(db, { migrationsFolder: before })
      const tenant = await client.query<{ id: string }>(
        "INSERT INTO tenants (name) VALUES ('Old') RETURNING id",
      )
      const store = await client.query<{ id: string }>(
        "INSERT INTO stores (tenant_id, code, name, head_seq) VALUES ($1, 'OLD', 'Old store', 2) RETURNING id",
        [tenant.rows[0]!.id],
      )
      const storeId = store.rows[0]!.id
      const insert = (id: string, seq: number, cents: number) =>
        client.query(
          `INSERT INTO sync_records (store_id, entity, id, version, seq, hash, data)
           VALUES ($1, 'order', $2, 1, $3, 'h', $4::jsonb)`,
          [storeId, id, seq, JSON.stringify(sale(id, '2026-05-01T10:00:00.000Z', cents))],
        )
      await insert('OLD-1', 1, 500)
      await insert('OLD-2', 2, 700)
      const triggered = await projectionOf(db, storeId)
      expect(triggered.map((row) => row.orderId)).toEqual(['OLD-1', 'OLD-2'])

      await migrate(db, { migrationsFolder })
      const cursor = await client.query(
        'SELECT seq FROM report_projection_cursor WHERE store_id = $1',
        [storeId],
      )
      expect(cursor.rows).toEqual([{ seq: 2 }])
      const triggers = await client.query(
        "SELECT tgname FROM pg_trigger WHERE tgrelid = 'sync_records'::regclass AND NOT tgisinternal",
      )
      expect(triggers.rows).toEqual([])

      await insert('NEW-1', 3, 900)
      await client.query('UPDATE stores SET head_seq = 3 WHERE id = $1', [storeId])
      expect((await projectionOf(db, storeId)).map((row) => row.orderId)).toEqual([
        'OLD-1',
        'OLD-2',
      ])
      const projector = createReportProjector(db, null, { sweepMs: 3_600_000 })
      try {
        expect((await projector.catchUp([storeId])).isCurrent).toBe(true)
      } finally {
        await projector.close()
      }
      expect(await projectionOf(db, storeId)).toEqual(await referenceOf(db, storeId))
      expect((await projectionOf(db, storeId)).map((row) => row.orderId)).toEqual([
        'NEW-1',
        'OLD-1',
        'OLD-2',
      ])
    } finally {
      await client.close()
    }
  })
})
