import { and, eq } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { syncRecords } from '../../../src/server/db/schema'
import type { ConflictPolicy } from '../../../src/shared/sync'
import { createAdmin, createStore, enroll, makeApp, mutationId, product, uuid } from './harness'
import type { SuiteContext } from './suiteContext'

/** Conflict policies and resolve-conflict. */
export function conflictTests(ctx: SuiteContext): void {
  const policies: ConflictPolicy[] = ['server-wins', 'client-wins', 'last-write-wins', 'manual']
  for (const policy of policies) {
    it(`settles two devices editing one product under ${policy}`, async () => {
      const { db, pushOk } = ctx
      const policyApp = await makeApp(db, { policies: { product: policy } })
      try {
        const store = await createStore(db)
        const a = await enroll(policyApp, store.code)
        const b = await enroll(policyApp, store.code)
        const id = uuid()
        const change = (name: string, baseVersion: number) => ({
          mutationId: mutationId(),
          entity: 'product',
          id,
          op: 'upsert',
          baseVersion,
          data: product(id, name),
        })
        expect((await pushOk(a, [change('Tea', 0)], policyApp))[0]).toMatchObject({
          status: 'applied',
          serverVersion: 1,
        })
        expect((await pushOk(a, [change('Green tea', 1)], policyApp))[0]).toMatchObject({
          status: 'applied',
          serverVersion: 2,
        })
        const [fromB] = await pushOk(b, [change('Black tea', 1)], policyApp)
        const [row] = await db
          .select()
          .from(syncRecords)
          .where(and(eq(syncRecords.storeId, store.storeId), eq(syncRecords.id, id)))
        switch (policy) {
          case 'server-wins':
            expect(fromB).toMatchObject({
              status: 'conflict',
              serverVersion: 2,
              resolution: 'server-wins',
            })
            expect(fromB!.serverRecord?.data).toMatchObject({ name: 'Green tea' })
            expect(row).toMatchObject({ version: 2, data: { name: 'Green tea' } })
            break
          case 'client-wins':
          case 'last-write-wins':
            expect(fromB).toMatchObject({ status: 'applied', serverVersion: 3, resolution: policy })
            expect(row).toMatchObject({ version: 3, data: { name: 'Black tea' } })
            break
          case 'manual': {
            expect(fromB).toMatchObject({ status: 'conflict', resolution: 'manual' })
            expect(row).toMatchObject({ version: 2, data: { name: 'Green tea' } })
            const listed = await policyApp.inject({
              method: 'GET',
              url: '/api/sync/conflicts',
              headers: a.headers,
            })
            expect(
              listed
                .json<{ conflicts: { conflictId: string }[] }>()
                .conflicts.map((conflict) => conflict.conflictId),
            ).toEqual([fromB!.conflictId])
            // Both sides, so a manager can compare them without another call.
            expect(listed.json<{ conflicts: unknown[] }>().conflicts[0]).toMatchObject({
              serverVersion: 2,
              serverData: { name: 'Green tea' },
              serverDeleted: false,
              clientData: { name: 'Black tea' },
            })
            const resolved = await policyApp.inject({
              method: 'POST',
              url: '/api/sync/resolve-conflict',
              headers: a.headers,
              payload: { conflictId: fromB!.conflictId, resolution: 'take-client' },
            })
            expect(resolved.statusCode, resolved.body).toBe(200)
            expect(resolved.json()).toMatchObject({
              success: true,
              record: { version: 3, data: { name: 'Black tea' } },
            })
            const twice = await policyApp.inject({
              method: 'POST',
              url: '/api/sync/resolve-conflict',
              headers: a.headers,
              payload: { conflictId: fromB!.conflictId, resolution: 'keep-server' },
            })
            expect(twice.statusCode).toBe(409)
            // A second conflict, settled by a manager with merged data (validated like a push).
            const [again] = await pushOk(a, [change('Oolong', 2)], policyApp)
            expect(again).toMatchObject({
              status: 'conflict',
              resolution: 'manual',
              serverVersion: 3,
            })
            const manager = await createAdmin(db, policyApp, 'store_manager', {
              storeId: store.storeId,
            })
            const invalid = await policyApp.inject({
              method: 'POST',
              url: `/api/sync/resolve-conflict?storeId=${store.storeId}`,
              headers: manager,
              payload: {
                conflictId: again!.conflictId,
                resolution: 'merge',
                mergedData: { id, name: 'Merged', priceCents: 1.5 },
              },
            })
            expect(invalid.statusCode).toBe(400)
            expect(invalid.json()).toMatchObject({ issues: [{ path: 'priceCents' }] })
            const merged = await policyApp.inject({
              method: 'POST',
              url: `/api/sync/resolve-conflict?storeId=${store.storeId}`,
              headers: manager,
              payload: {
                conflictId: again!.conflictId,
                resolution: 'merge',
                mergedData: product(id, 'Black oolong', 250),
              },
            })
            expect(merged.statusCode, merged.body).toBe(200)
            expect(merged.json()).toMatchObject({
              record: { version: 4, data: { name: 'Black oolong', priceCents: 250 } },
            })
            const pulled = (
              await policyApp.inject({
                method: 'GET',
                url: '/api/sync/pull-changes',
                headers: b.headers,
              })
            ).json<{ changes: { id: string; version: number }[] }>()
            expect(pulled.changes.filter((pulledChange) => pulledChange.id === id)).toMatchObject([
              { version: 4 },
            ])
            break
          }
        }
      } finally {
        await policyApp.close()
      }
    })
  }
}
