import { performance } from 'node:perf_hooks'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/server/db/connection'
import type { ServerDatabase } from '../../src/server/db/connection'
import { createAdminUser } from '../../src/server/tenancy/admins'
import { makeApp } from './support/harness'

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * Admin login must not tell which e-mails have an account by how fast it answers. An Argon2id
 * verify costs tens of milliseconds and a lookup of an unknown e-mail about one, so without the
 * dummy verify the ratio is near 0.05; with it near 1. The bound (0.4) is wide on purpose: two
 * shared cores make single timings noisy, medians of alternating runs much less so.
 */
describe('admin login timing', () => {
  let database: ServerDatabase
  let app: FastifyInstance
  const email = 'owner@timing.example'

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null })
    app = await makeApp(database.db)
    await createAdminUser(database.db, { email, role: 'super_admin', password: 'right password' })
  })
  afterAll(async () => {
    await app?.close()
    await database?.close()
  })

  const login = async (url: string, payload: { email: string; password: string }) => {
    const started = performance.now()
    const response = await app.inject({ method: 'POST', url, payload })
    expect(response.statusCode).toBe(401)
    return performance.now() - started
  }

  // The bearer login and the back office's cookie sign-in share the same check.
  it.each(['/api/admin/login', '/api/backoffice/session'])(
    '%s answers an unknown e-mail as slowly as a wrong password',
    async (url) => {
      const unknown = { email: 'nobody@timing.example', password: 'whatever' }
      const wrong = { email, password: 'wrong password' }
      await login(url, unknown)
      await login(url, wrong)
      const unknownTimes: number[] = []
      const wrongTimes: number[] = []
      for (let round = 0; round < 7; round += 1) {
        unknownTimes.push(await login(url, unknown))
        wrongTimes.push(await login(url, wrong))
      }
      const ratio = median(unknownTimes) / median(wrongTimes)
      expect(
        ratio,
        `unknown ${unknownTimes.join(',')} vs wrong ${wrongTimes.join(',')}`,
      ).toBeGreaterThan(0.4)
    },
  )
})
