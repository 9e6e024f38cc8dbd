import http from 'node:http'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { v4 as uuidv4 } from 'uuid'
import { afterEach, describe, expect, it } from 'vitest'
import type { RegisterCore } from '../../../src/main/core'
import { rowsOf } from '../../../src/server/db/connection'
import { defaultConfig } from '../../../src/server/config'
import { startServer, type RunningServer } from '../../../src/server/main'
import { MAX_BATCH_RECORDS, SERVER_MAX_BATCH_RECORDS } from '../../../src/shared/sync/protocol'
import { call, openTestCore } from '../../support/registerCore'
import { createTestStore } from '../../support/syncServer'
import { useTempDirs } from '../../support/tempDir'

/**
 * Batch-size negotiation (protocol.ts): a register sends 50 records until a push reply advertises
 * the server's maximum, then min(its preferred size, that maximum); a server that never says
 * (one from before the advertisement) keeps getting 50.
 */

const tempDir = useTempDirs('auraflow-batch-')
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function startSyncServer(maxPushRecords?: number): Promise<RunningServer> {
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      database: { kind: 'pglite', dataDir: null },
      enrollmentCode: null,
      logLevel: 'silent',
      config: defaultConfig({
        jwtSecret: 'test-secret-that-is-long-enough-0123456789',
        ...(maxPushRecords === undefined ? {} : { maxPushRecords }),
      }),
    },
    pino({ level: 'silent' }),
  )
  cleanups.push(() => server.stop())
  return server
}

/**
 * An HTTP proxy on 127.0.0.1 in front of the server that notes how many records each push
 * carries; `isOldServer` removes `maxBatchRecords` from push replies, as a server from before the
 * advertisement would answer.
 */
async function startRecordingProxy(target: string, isOldServer: boolean) {
  const pushSizes: number[] = []
  const proxy = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      const isPush = request.url === '/api/sync/batch-push'
      if (isPush)
        pushSizes.push((JSON.parse(body.toString()) as { changes: unknown[] }).changes.length)
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(
          ([name]) => !['host', 'content-length', 'connection'].includes(name),
        ),
      ) as Record<string, string>
      void fetch(`${target}${request.url}`, {
        method: request.method,
        headers,
        body: body.length > 0 ? body : undefined,
      })
        .then(async (reply) => {
          let text = await reply.text()
          if (isPush && isOldServer && reply.ok) {
            const { maxBatchRecords: _dropped, ...rest } = JSON.parse(text) as Record<
              string,
              unknown
            >
            text = JSON.stringify(rest)
          }
          response.writeHead(reply.status, { 'content-type': 'application/json' })
          response.end(text)
        })
        .catch(() => {
          response.writeHead(502)
          response.end()
        })
    })
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections()
        proxy.close(() => resolve())
      }),
  )
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, pushSizes }
}

function openRegister(preferred: number): RegisterCore {
  const core = openTestCore(tempDir(), {
    registerCode: 'N1',
    fingerprint: 'machine-n',
    sync: {
      isRealtimeEnabled: false,
      intervalMs: 3_600_000,
      backoff: { baseMs: 10, capMs: 50 },
      pushBatchRecords: preferred,
      pushLanes: 1,
    },
  })
  cleanups.push(() => core.close())
  return core
}

async function sellOffline(core: RegisterCore, sales: number): Promise<void> {
  const catalog = await call(core, 'catalog:list')
  const product = catalog.products.find((candidate) => candidate.sku === 'COF-LAT')!
  for (let index = 0; index < sales; index++)
    await call(core, 'sale:complete', {
      clientRequestId: uuidv4(),
      lines: [{ productId: product.id, quantity: 1 }],
      payments: [{ method: 'cash', amountCents: 100_00 }],
    })
}

async function serverOrders(server: RunningServer, storeId: string): Promise<number> {
  const rows = rowsOf<{ count: string | number }>(
    await server.database.query(
      `SELECT count(*) AS count FROM sync_records WHERE store_id = $1 AND entity = 'order'`,
      [storeId],
    ),
  )
  return Number(rows[0]!.count)
}

describe('push batch size negotiation', () => {
  it('sends 50 first, then as many as the server advertises, never more', async () => {
    const server = await startSyncServer(120)
    const proxy = await startRecordingProxy(server.url, false)
    const { storeId, code } = await createTestStore(server)
    const register = openRegister(500)
    await sellOffline(register, 300)

    const status = await call(register, 'sync:enroll', {
      serverUrl: proxy.url,
      enrollmentCode: code,
    })

    expect(status.counts).toMatchObject({
      pending: 0,
      inFlight: 0,
      failed: 0,
      dead: 0,
      synced: 300,
    })
    expect(proxy.pushSizes).toEqual([MAX_BATCH_RECORDS, 120, 120, 10])
    expect(await serverOrders(server, storeId)).toBe(300)
  })

  it('keeps to its own preferred size when the server takes more', async () => {
    const server = await startSyncServer()
    const proxy = await startRecordingProxy(server.url, false)
    const { code } = await createTestStore(server)
    const register = openRegister(80)
    await sellOffline(register, 200)

    await call(register, 'sync:enroll', { serverUrl: proxy.url, enrollmentCode: code })

    expect(SERVER_MAX_BATCH_RECORDS).toBeGreaterThan(80)
    expect(proxy.pushSizes).toEqual([50, 80, 70])
  })

  it('stays at 50 against a server that does not advertise a maximum', async () => {
    const server = await startSyncServer()
    const proxy = await startRecordingProxy(server.url, true)
    const { storeId, code } = await createTestStore(server)
    const register = openRegister(500)
    await sellOffline(register, 130)

    const status = await call(register, 'sync:enroll', {
      serverUrl: proxy.url,
      enrollmentCode: code,
    })

    expect(status.counts).toMatchObject({ pending: 0, synced: 130 })
    expect(proxy.pushSizes).toEqual([50, 50, 30])
    expect(await serverOrders(server, storeId)).toBe(130)
  })

  it('refuses a push above its maximum with 413 and the limit in the message', async () => {
    const server = await startSyncServer(60)
    const { code } = await createTestStore(server)
    const enrolled = await server.app.inject({
      method: 'POST',
      url: '/api/auth/enroll',
      payload: { enrollmentCode: code, deviceId: uuidv4(), name: 'n', fingerprint: 'n' },
    })
    const { accessToken, deviceId } = enrolled.json() as { accessToken: string; deviceId: string }
    const refused = await server.app.inject({
      method: 'POST',
      url: '/api/sync/batch-push',
      headers: { authorization: `Bearer ${accessToken}`, 'x-sync-protocol': '1' },
      payload: {
        deviceId,
        changes: Array.from({ length: 61 }, () => ({
          mutationId: uuidv4(),
          entity: 'category',
          id: uuidv4(),
          op: 'delete',
          baseVersion: 0,
        })),
      },
    })
    expect(refused.statusCode).toBe(413)
    expect(refused.json()).toMatchObject({ code: 'BATCH_TOO_LARGE' })
    expect((refused.json() as { message: string }).message).toContain('at most 60')
  })
})
