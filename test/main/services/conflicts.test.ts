import { and, eq } from 'drizzle-orm'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { defaultConfig } from '../../../src/server/config'
import { syncRecords } from '../../../src/server/db/schema'
import { startServer } from '../../../src/server/main'
import { call, callError } from '../../support/registerCore'
import { createTestStore } from '../../support/syncServer'
import { editable } from './catalogFixtures'
import { useRegisters } from './managerHarness'

/*
 * Under the default policies a stale product edit loses to the server without a stored conflict
 * (server-wins: the register logs it locally). A store that wants a manager to decide sets the
 * product policy to manual; those conflicts are what the console lists and resolves.
 */
const { server, enrolled } = useRegisters(() =>
  startServer(
    {
      port: 0,
      host: '127.0.0.1',
      database: { kind: 'pglite', dataDir: null },
      enrollmentCode: null,
      logLevel: 'silent',
      config: defaultConfig({
        jwtSecret: 'test-secret-that-is-long-enough-0123456789',
        authRateLimit: { max: 1000, windowMs: 60_000 },
        policies: { product: 'manual' },
      }),
    },
    pino({ level: 'silent' }),
  ),
)

async function renameOffline(core: RegisterCore, sku: string, name: string, priceCents: number) {
  const [product] = await call(core, 'catalog:search', { query: sku })
  return call(core, 'catalog:saveProduct', { ...editable(product!), name, priceCents })
}

describe('manager conflicts', () => {
  it('lists a conflict with both versions and takes the device version on request', async () => {
    const { storeId, code } = await createTestStore(server())
    const a = await enrolled(code, 'A')
    const b = await enrolled(code, 'B')
    expect(await call(b, 'manager:listConflicts')).toEqual([])

    // Both registers edit the lemonade before either syncs; A reaches the server first.
    const fromA = await renameOffline(a, 'DRK-LEM', 'Lemonade (large)', 450)
    const fromB = await renameOffline(b, 'DRK-LEM', 'Fresh lemonade', 395)
    expect(fromA.id).toBe(fromB.id)
    await call(a, 'sync:runNow')
    await call(b, 'sync:runNow')

    const listed = await call(a, 'manager:listConflicts')
    expect(listed).toEqual([
      {
        id: expect.any(String),
        entity: 'product',
        recordId: fromA.id,
        label: 'Lemonade (large)',
        deviceName: 'Register B',
        serverVersion: expect.any(Number),
        serverData: expect.objectContaining({ name: 'Lemonade (large)', priceCents: 450 }),
        deviceData: expect.objectContaining({ name: 'Fresh lemonade', priceCents: 395 }),
        createdAt: expect.any(String),
      },
    ])
    const health = await call(a, 'manager:getHealth')
    expect(health.registers.find((row) => row.deviceId === b.device.deviceId)?.openConflicts).toBe(
      1,
    )

    const remaining = await call(a, 'manager:resolveConflict', {
      conflictId: listed[0]!.id,
      resolution: 'take-client',
    })
    expect(remaining).toEqual([])
    const [onServer] = await server()
      .database.db.select()
      .from(syncRecords)
      .where(
        and(
          eq(syncRecords.storeId, storeId),
          eq(syncRecords.entity, 'product'),
          eq(syncRecords.id, fromA.id),
        ),
      )
    expect(onServer?.data).toMatchObject({ name: 'Fresh lemonade', priceCents: 395 })

    // The decision is in A's audit log, with who took it.
    const audit = await call(a, 'audit:list', { limit: 20 })
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'conflict.resolved', subjectId: listed[0]!.id }),
    )
    // Both registers pull the settled version.
    await call(a, 'sync:runNow')
    expect((await call(a, 'catalog:search', { query: 'DRK-LEM' }))[0]).toMatchObject({
      name: 'Fresh lemonade',
      priceCents: 395,
    })

    expect(
      await callError(a, 'manager:resolveConflict', {
        conflictId: listed[0]!.id,
        resolution: 'keep-server',
      }),
    ).toMatchObject({ code: 'CONFLICT' })
  })

  it('settles a conflict with a merged version the manager edited', async () => {
    const { code } = await createTestStore(server())
    const a = await enrolled(code, 'A')
    const b = await enrolled(code, 'B')
    await renameOffline(a, 'DRK-LEM', 'Lemonade (large)', 450)
    await renameOffline(b, 'DRK-LEM', 'Fresh lemonade', 395)
    await call(a, 'sync:runNow')
    await call(b, 'sync:runNow')
    const [conflict] = await call(b, 'manager:listConflicts')
    const merged = {
      ...(conflict!.serverData as Record<string, unknown>),
      name: 'Fresh lemonade (large)',
    }
    const invalid = await callError(b, 'manager:resolveConflict', {
      conflictId: conflict!.id,
      resolution: 'merge',
      mergedData: { ...merged, priceCents: 1.5 },
    })
    expect(invalid).toMatchObject({ code: 'VALIDATION_FAILED', path: 'mergedData' })
    expect(
      await call(b, 'manager:resolveConflict', {
        conflictId: conflict!.id,
        resolution: 'merge',
        mergedData: merged,
      }),
    ).toEqual([])
    await call(b, 'sync:runNow')
    expect((await call(b, 'catalog:search', { query: 'DRK-LEM' }))[0]).toMatchObject({
      name: 'Fresh lemonade (large)',
      priceCents: 450,
    })
  })
})
