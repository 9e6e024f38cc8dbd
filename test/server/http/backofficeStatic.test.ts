import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/server/db/connection'
import type { ServerDatabase } from '../../../src/server/db/connection'
import type { Listening } from '../support/backofficeClient'
import { call, listen } from '../support/backofficeClient'

const INDEX = `<!doctype html><html><head><script type="module" src="/assets/app-3f2a.js"></script></head><body><div id="root"></div></body></html>`

/** The web app at `/`: files, the SPA fallback, JSON 404s under /api, and the strict CSP. */
describe('back office web app served by the server (PGlite, real HTTP)', () => {
  let database: ServerDatabase
  let built: Listening
  let missing: Listening
  const dir = mkdtempSync(path.join(os.tmpdir(), 'auraflow-backoffice-'))

  beforeAll(async () => {
    mkdirSync(path.join(dir, 'assets'))
    writeFileSync(path.join(dir, 'index.html'), INDEX)
    writeFileSync(path.join(dir, 'assets', 'app-3f2a.js'), 'console.log("back office")\n')
    database = await openDatabase({ kind: 'pglite', dataDir: null })
    built = await listen(database.db, { backofficeDir: dir })
    missing = await listen(database.db, { backofficeDir: path.join(dir, 'not-there') })
  })
  afterAll(async () => {
    await built?.app.close()
    await missing?.app.close()
    await database?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const cspOf = (headers: Headers) => headers.get('content-security-policy') ?? ''

  it('serves index.html at / and for the app’s own paths, under a strict CSP', async () => {
    for (const page of ['/', '/stores/4f1c', '/setup?token=abc', '/registers']) {
      const reply = await call(built.baseUrl, 'GET', page)
      expect(reply.status, page).toBe(200)
      expect(reply.headers.get('content-type')).toMatch(/^text\/html/)
      expect(reply.text).toBe(INDEX)
      expect(reply.headers.get('cache-control')).toBe('no-cache')
    }
    const csp = cspOf((await call(built.baseUrl, 'GET', '/')).headers)
    const directives = new Map(
      csp.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/)
        return [name!, values.join(' ')] as const
      }),
    )
    expect(directives.get('default-src')).toBe("'self'")
    expect(directives.get('script-src')).toBe("'self'")
    expect(directives.get('frame-ancestors')).toBe("'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toContain('upgrade-insecure-requests')
    const headers = (await call(built.baseUrl, 'GET', '/')).headers
    expect(headers.get('x-frame-options')).toBe('DENY')
    expect(headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('serves built assets as files with a long cache, and a missing asset as 404', async () => {
    const asset = await call(built.baseUrl, 'GET', '/assets/app-3f2a.js')
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toMatch(/javascript/)
    expect(asset.text).toContain('back office')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect((await call(built.baseUrl, 'GET', '/assets/gone-1.js')).status).toBe(404)
  })

  it('keeps /api a JSON API: unknown paths are a JSON 404, not the app', async () => {
    for (const [method, url] of [
      ['GET', '/api/nope'],
      ['GET', '/api'],
      ['POST', '/api/admin/nope'],
      ['POST', '/stores'],
    ] as const) {
      const reply = await call(built.baseUrl, method, url)
      expect(reply.status, url).toBe(404)
      expect(reply.body, url).toEqual({ code: 'NOT_FOUND', message: 'no such route' })
    }
    const health = await call(built.baseUrl, 'GET', '/healthz')
    expect(health.body).toEqual({ status: 'ok' })
    const anonymous = await call(built.baseUrl, 'GET', '/api/admin/stores')
    expect(anonymous.status).toBe(401)
    expect(cspOf(anonymous.headers)).toContain("frame-ancestors 'none'")
  })

  it('says how to build the back office when out/backoffice is missing', async () => {
    for (const page of ['/', '/stores']) {
      const reply = await call(missing.baseUrl, 'GET', page)
      expect(reply.status).toBe(200)
      expect(reply.headers.get('content-type')).toMatch(/^text\/html/)
      expect(reply.text).toContain('not built')
      expect(reply.text).toContain('npm run build')
      expect(reply.text).not.toMatch(/<script/i)
      expect(cspOf(reply.headers)).toContain("default-src 'self'")
    }
    const api = await call(missing.baseUrl, 'GET', '/api/nope')
    expect(api.body).toEqual({ code: 'NOT_FOUND', message: 'no such route' })
  })
})
