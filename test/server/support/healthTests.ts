import { expect, it } from 'vitest'
import type { Device } from './harness'
import type { SuiteContext } from './suiteContext'

interface ReportedDevice {
  deviceId: string
  name: string
  pending: number | null
  oldestPendingAt: string | null
  deadRecords: number | null
  deadReasons: { label: string; reason: string }[]
  registerCode: string | null
  reportedAt: string | null
  lastSeenAt: string | null
  cursorLag: number
}

const report = {
  pending: 3,
  oldestPendingAt: '2030-01-02T09:15:00.000Z',
  deadRecords: 1,
  deadReasons: [{ label: 'S01-A-000007', reason: 'ORDER_INVALID: total does not match the lines' }],
  registerCode: 'A',
  appVersion: '1.2.3',
}

/** Heartbeats: registers report their own outbox and stats shows it per device. */
export function healthTests(ctx: SuiteContext): void {
  const heartbeat = (device: Device, payload: unknown) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/sync/heartbeat',
      headers: device.headers,
      payload: payload as Record<string, unknown>,
    })
  const statsDevices = async (device: Device) => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/api/sync/stats',
      headers: device.headers,
    })
    expect(response.statusCode, response.body).toBe(200)
    return new Map(
      response
        .json<{ devices: ReportedDevice[] }>()
        .devices.map((device) => [device.deviceId, device]),
    )
  }

  it('stores a register heartbeat and returns it in stats beside the server figures', async () => {
    const { a, b } = await ctx.setUp()
    const first = await heartbeat(a, report)
    expect(first.statusCode, first.body).toBe(200)
    const reportedAt = first.json<{ reportedAt: string }>().reportedAt

    const seenByB = await statsDevices(b)
    expect(seenByB.get(a.deviceId)).toMatchObject({
      ...report,
      appVersion: '1.2.3',
      reportedAt,
      cursorLag: 0,
    })
    expect(seenByB.get(a.deviceId)?.lastSeenAt).not.toBeNull()
    // B never reported: its figures are unknown, not zero.
    expect(seenByB.get(b.deviceId)).toMatchObject({
      pending: null,
      deadRecords: null,
      deadReasons: [],
      registerCode: null,
      reportedAt: null,
    })

    // A later report replaces the earlier one.
    const cleared = await heartbeat(a, {
      ...report,
      pending: 0,
      oldestPendingAt: null,
      deadRecords: 0,
      deadReasons: [],
    })
    expect(cleared.statusCode, cleared.body).toBe(200)
    expect((await statsDevices(b)).get(a.deviceId)).toMatchObject({
      pending: 0,
      oldestPendingAt: null,
      deadRecords: 0,
      deadReasons: [],
    })
  })

  it('refuses a malformed heartbeat with 400 naming the field, and keeps the last good one', async () => {
    const { a, b } = await ctx.setUp()
    expect((await heartbeat(a, report)).statusCode).toBe(200)
    const cases: [unknown, string][] = [
      [{ ...report, pending: -1 }, 'pending'],
      [{ ...report, oldestPendingAt: 'yesterday' }, 'oldestPendingAt'],
      [
        {
          ...report,
          deadReasons: Array.from({ length: 21 }, () => ({ label: 'x', reason: 'y' })),
        },
        'deadReasons',
      ],
      [
        { ...report, deadReasons: [{ label: 'x', reason: 'y'.repeat(501) }] },
        'deadReasons.0.reason',
      ],
      [{ ...report, registerCode: undefined }, 'registerCode'],
      [{ ...report, storeId: b.storeId }, '(root)'],
    ]
    for (const [payload, path] of cases) {
      const response = await heartbeat(a, payload)
      expect(response.statusCode, response.body).toBe(400)
      expect(response.json<{ issues: { path: string }[] }>().issues[0]?.path).toBe(path)
    }
    expect((await statsDevices(b)).get(a.deviceId)).toMatchObject({ pending: 3, deadRecords: 1 })
  })

  it("keeps a store's heartbeats from another store's devices", async () => {
    const { store, a } = await ctx.setUp()
    const { a: outsider } = await ctx.setUp()
    expect((await heartbeat(a, { ...report, registerCode: 'SECRET-A' })).statusCode).toBe(200)
    const own = await ctx.app.inject({
      method: 'GET',
      url: '/api/sync/stats',
      headers: outsider.headers,
    })
    expect(own.statusCode).toBe(200)
    expect(own.body).not.toContain(a.deviceId)
    expect(own.body).not.toContain('SECRET-A')
    const naming = await ctx.app.inject({
      method: 'GET',
      url: `/api/sync/stats?storeId=${store.storeId}`,
      headers: outsider.headers,
    })
    expect(naming.statusCode).toBe(403)
    expect(naming.body).not.toContain('SECRET-A')
  })
}
