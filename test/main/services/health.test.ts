import { describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { passPlan, refusePlan } from '../../support/faultPlan'
import { startFaultProxy } from '../../support/faultProxy'
import { call } from '../../support/registerCore'
import { createTestStore } from '../../support/syncServer'
import { sell, useRegisters } from './managerHarness'

const { server, enrolled } = useRegisters()

const rowOf = async (viewer: RegisterCore, subject: RegisterCore) => {
  const health = await call(viewer, 'manager:getHealth')
  return { health, row: health.registers.find((row) => row.deviceId === subject.device.deviceId) }
}

describe('manager:getHealth', () => {
  it("shows every register's pending work, live for this register even while the server is down", async () => {
    const { code } = await createTestStore(server())
    const proxy = await startFaultProxy(Number(new URL(server().url).port))
    try {
      // A reaches the server through a proxy the test can cut; B talks to it directly.
      const a = await enrolled(code, 'A', { serverUrl: proxy.url })
      const b = await enrolled(code, 'B')
      const startedAt = Date.now()
      await sell(a)
      await sell(a)
      const poison = await sell(a)
      // The server refuses a NUL character: this sale goes dead, and A reports why.
      a.database.sqlite
        .prepare('update orders set currency = ? where id = ?')
        .run('US\u0000', poison.id)
      expect((await call(a, 'sync:runNow')).counts).toMatchObject({ pending: 0, dead: 1 })

      const seenByB = await rowOf(b, a)
      expect(seenByB.health).toMatchObject({ enrolled: true, serverReachable: true, error: null })
      expect(seenByB.row).toMatchObject({
        name: 'Register A',
        registerCode: 'A',
        isThisRegister: false,
        pending: 0,
        oldestPendingAt: null,
        deadRecords: 1,
        deadReasons: [
          {
            label: poison.orderNumber,
            reason: expect.stringMatching(/NUL characters are not accepted/),
          },
        ],
      })
      expect(Date.parse(seenByB.row!.lastSeenAt!)).toBeGreaterThanOrEqual(startedAt - 1_000)
      expect(Date.parse(seenByB.row!.reportedAt!)).toBeGreaterThanOrEqual(startedAt - 1_000)
      expect(
        seenByB.health.registers.find((row) => row.deviceId === b.device.deviceId),
      ).toMatchObject({ isThisRegister: true, registerCode: 'B', pending: 0 })

      const beforeOutage = await call(a, 'manager:getHealth')
      expect(beforeOutage.serverReachable).toBe(true)

      proxy.setPlan(refusePlan)
      proxy.dropAll()
      const offline = [await sell(a), await sell(a), await sell(a)]
      const down = await rowOf(a, a)
      expect(down.health).toMatchObject({
        enrolled: true,
        serverReachable: false,
        error: expect.stringMatching(/unreachable/i),
        // The other registers are as last fetched.
        fetchedAt: beforeOutage.fetchedAt,
      })
      expect(down.row).toMatchObject({
        isThisRegister: true,
        pending: 3,
        oldestPendingAt: offline[0]!.createdAt,
        deadRecords: 1,
      })
      expect(down.health.registers.map((row) => row.deviceId).sort()).toEqual(
        [a.device.deviceId, b.device.deviceId].sort(),
      )

      proxy.setPlan(passPlan)
      a.database.sqlite.prepare('update orders set currency = ? where id = ?').run('USD', poison.id)
      await call(a, 'sync:retryDead', {})
      expect((await call(a, 'sync:runNow')).counts).toMatchObject({
        pending: 0,
        failed: 0,
        dead: 0,
      })
      const back = await rowOf(a, a)
      expect(back.health).toMatchObject({ serverReachable: true, error: null })
      expect(back.row).toMatchObject({ pending: 0, oldestPendingAt: null, deadRecords: 0 })
      expect(Date.parse(back.health.fetchedAt!)).toBeGreaterThan(
        Date.parse(beforeOutage.fetchedAt!),
      )

      const afterByB = await rowOf(b, a)
      expect(afterByB.row).toMatchObject({ pending: 0, deadRecords: 0, deadReasons: [] })
      expect(Date.parse(afterByB.row!.reportedAt!)).toBeGreaterThan(
        Date.parse(seenByB.row!.reportedAt!),
      )
    } finally {
      await proxy.stop()
    }
  })
})
