import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { RegisterCore } from '../../../src/main/core'
import { startWebHost, type WebHost } from '../../../src/main/web/webHost'
import { openTestCore } from '../../support/registerCore'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs()
const running: { host: WebHost; core: RegisterCore }[] = []
afterEach(async () => {
  for (const { host, core } of running.splice(0)) {
    await host.close()
    core.close()
  }
})

async function startHost() {
  const rendererDir = tempDir()
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  )
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(tempDir(), 'secret.txt'), 'outside')
  const core = openTestCore(tempDir())
  const host = await startWebHost({ core, rendererDir, port: 0 })
  running.push({ host, core })
  const login = await fetch(host.launchUrl, { redirect: 'manual' })
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? ''
  return { host, core, cookie, login }
}

function openSocket(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers })
    socket.once('open', () => resolve(socket))
    socket.once('error', reject)
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`HTTP ${response.statusCode}`)),
    )
  })
}

describe('web host', () => {
  it('listens on loopback and trades the launch token for an HttpOnly session cookie', async () => {
    const { host, login, cookie } = await startHost()
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(login.status).toBe(302)
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/)
    const page = await fetch(`${host.origin}/`, { headers: { cookie } })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await page.text()
    expect(html).toContain('<script src="/pos-bridge.js"></script>')
    expect((await fetch(`${host.origin}/assets/app.js`, { headers: { cookie } })).status).toBe(200)
  })

  it('refuses the page, assets and bridge without the session', async () => {
    const { host } = await startHost()
    expect((await fetch(`${host.origin}/`)).status).toBe(401)
    expect((await fetch(`${host.origin}/?token=wrong`)).status).toBe(401)
    expect((await fetch(`${host.origin}/pos-bridge.js`)).status).toBe(401)
    await expect(
      openSocket(`${host.origin.replace('http', 'ws')}/pos-bridge`, { origin: host.origin }),
    ).rejects.toThrow('403')
  })

  it('refuses a bridge socket from another origin even with the cookie', async () => {
    const { host, cookie } = await startHost()
    await expect(
      openSocket(`${host.origin.replace('http', 'ws')}/pos-bridge`, {
        origin: 'http://evil.example',
        cookie,
      }),
    ).rejects.toThrow('403')
  })

  it('does not serve files outside the renderer folder', async () => {
    const { host, cookie } = await startHost()
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%E0%A4%A',
    ]) {
      const response = await fetch(`${host.origin}${path}`, { headers: { cookie } })
      expect(response.status, path).toBe(404)
    }
  })

  it('carries invoke calls and events over the bridge socket, with typed errors', async () => {
    const { host, core, cookie } = await startHost()
    const socket = await openSocket(`${host.origin.replace('http', 'ws')}/pos-bridge`, {
      origin: host.origin,
      cookie,
    })
    const messages: {
      type: string
      id?: number
      result?: { ok: boolean; value?: unknown; error?: { code: string } }
      event?: string
    }[] = []
    socket.on('message', (data) => messages.push(JSON.parse(data.toString())))
    const waitFor = async (predicate: () => boolean) => {
      for (let index = 0; index < 100 && !predicate(); index++)
        await new Promise((resolve) => setTimeout(resolve, 20))
    }
    socket.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app:getInfo' }))
    socket.send(
      JSON.stringify({ type: 'invoke', id: 2, channel: 'sale:complete', input: { lines: 'nope' } }),
    )
    await waitFor(() => messages.length >= 2)
    const byId = new Map(messages.map((message) => [message.id, message.result]))
    expect(byId.get(1)).toMatchObject({
      ok: true,
      value: { deviceId: core.device.deviceId, host: 'web' },
    })
    expect(byId.get(2)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })

    core.events.emit('order:created', {
      id: core.device.deviceId,
      orderNumber: 'S01-X-000001',
      status: 'COMPLETED',
      kind: 'SALE',
      refundOfOrderId: null,
      createdAt: new Date().toISOString(),
      itemCount: 1,
      totalCents: 100,
      currency: 'USD',
      syncStatus: 'PENDING',
    })
    await waitFor(() => messages.some((message) => message.event === 'order:created'))
    expect(messages.find((message) => message.event === 'order:created')).toMatchObject({
      type: 'event',
    })

    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
    socket.send('not json')
    expect(await closed).toBe(1007)
  })

  it('opens the customer display with its own key: the display feed only, never the register', async () => {
    const { host, core } = await startHost()
    expect(host.customerDisplayUrl).toMatch(/\/customer-display\?key=[\w-]+$/)
    expect(host.customerDisplayUrl).not.toContain(host.token)
    expect((await fetch(`${host.origin}/customer-display?key=wrong`)).status).toBe(401)
    const entry = await fetch(host.customerDisplayUrl, { redirect: 'manual' })
    expect(entry.status).toBe(302)
    expect(entry.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/)
    const cookie = entry.headers.get('set-cookie')?.split(';')[0] ?? ''
    expect((await fetch(`${host.origin}/customer-display`, { headers: { cookie } })).status).toBe(
      200,
    )
    expect((await fetch(`${host.origin}/assets/app.js`, { headers: { cookie } })).status).toBe(200)
    // The register page and its bridge stay closed to the display key.
    expect((await fetch(`${host.origin}/`, { headers: { cookie } })).status).toBe(401)
    const ws = host.origin.replace('http', 'ws')
    await expect(openSocket(`${ws}/pos-bridge`, { origin: host.origin, cookie })).rejects.toThrow(
      '403',
    )
    await expect(openSocket(`${ws}/display-feed`, { origin: host.origin })).rejects.toThrow('403')

    const feed = await openSocket(`${ws}/display-feed`, { origin: host.origin, cookie })
    const messages: {
      id?: number
      event?: string
      result?: { ok: boolean; error?: { code: string } }
    }[] = []
    feed.on('message', (data) => messages.push(JSON.parse(data.toString())))
    feed.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'display:getState' }))
    feed.send(JSON.stringify({ type: 'invoke', id: 2, channel: 'app:getInfo' }))
    feed.send(
      JSON.stringify({
        type: 'invoke',
        id: 3,
        channel: 'display:publish',
        input: { phase: 'idle' },
      }),
    )
    core.events.emit('order:synced', { orderIds: [] })
    for (let index = 0; index < 100 && messages.length < 3; index++)
      await new Promise((resolve) => setTimeout(resolve, 20))
    const published = await core.registry.dispatch('display:publish', {
      phase: 'cart',
      lines: [{ name: 'Latte', quantity: 1, totalCents: 450 }],
      totalCents: 450,
    })
    expect(published.ok).toBe(true)
    for (let index = 0; index < 100 && messages.length < 4; index++)
      await new Promise((resolve) => setTimeout(resolve, 20))
    const byId = new Map(messages.map((message) => [message.id, message.result]))
    expect(byId.get(1)).toMatchObject({ ok: true, value: { phase: 'idle', language: 'en' } })
    expect(byId.get(2)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(byId.get(3)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // Only the display's own event comes down this socket.
    expect(messages.filter((message) => message.event).map((message) => message.event)).toEqual([
      'display:stateChanged',
    ])
    expect(messages.find((message) => message.event)).toMatchObject({
      payload: { phase: 'cart', totalCents: 450, lines: [{ name: 'Latte', detail: '' }] },
    })
    feed.close()
  })
})
