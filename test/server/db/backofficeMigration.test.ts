import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import { afterAll, describe, expect, it } from 'vitest'
import { findEnabledAdminScope } from '../../../src/server/db/backofficeRepository'
import { migrationsFolder } from '../../../src/server/db/connection'
import { schema } from '../../../src/server/db/schema'
import { writeMigrationsBefore } from '../support/migrationsBefore'

/**
 * The back-office migration on a database written by the previous release: a store manager's
 * single admin_users.store_id becomes an admin_store_access row, and stores get their details
 * with defaults.
 */
describe('back office migration (PGlite)', () => {
  const before = mkdtempSync(path.join(os.tmpdir(), 'auraflow-migrations-'))
  afterAll(() => rmSync(before, { recursive: true, force: true }))

  it("moves a store manager's store into admin_store_access and keeps old stores valid", async () => {
    // The migrations folder as the previous release shipped it: everything before this one.
    expect(writeMigrationsBefore(before, '_backoffice')).toBeGreaterThan(0)

    const client = new PGlite()
    try {
      const db = drizzle({ client, schema })
      await migrate(db, { migrationsFolder: before })
      const tenant = await client.query<{ id: string }>(
        "INSERT INTO tenants (name) VALUES ('Old') RETURNING id",
      )
      const tenantId = tenant.rows[0]!.id
      const store = await client.query<{ id: string }>(
        "INSERT INTO stores (tenant_id, code, name) VALUES ($1, 'OLD', 'Old store') RETURNING id",
        [tenantId],
      )
      const storeId = store.rows[0]!.id
      const manager = await client.query<{ id: string }>(
        `INSERT INTO admin_users (email, password_hash, role, tenant_id, store_id)
         VALUES ('m@old.example', 'x', 'store_manager', $1, $2) RETURNING id`,
        [tenantId, storeId],
      )
      const owner = await client.query<{ id: string }>(
        `INSERT INTO admin_users (email, password_hash, role, tenant_id)
         VALUES ('o@old.example', 'x', 'tenant_admin', $1) RETURNING id`,
        [tenantId],
      )

      await migrate(db, { migrationsFolder })
      const access = await client.query('SELECT admin_id, store_id FROM admin_store_access')
      expect(access.rows).toEqual([{ admin_id: manager.rows[0]!.id, store_id: storeId }])
      const details = await client.query(
        'SELECT address, phone, tax_id, currency, time_zone, locale FROM stores',
      )
      expect(details.rows).toEqual([
        { address: '', phone: '', tax_id: '', currency: 'USD', time_zone: 'UTC', locale: 'en' },
      ])
      expect((await findEnabledAdminScope(db, manager.rows[0]!.id))?.storeIds).toEqual([storeId])
      expect((await findEnabledAdminScope(db, owner.rows[0]!.id))?.storeIds).toEqual([])
    } finally {
      await client.close()
    }
  })
})
