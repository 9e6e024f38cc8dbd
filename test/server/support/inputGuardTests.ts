import { expect, it } from 'vitest'
import { createAdmin, uuid } from './harness'
import type { SuiteContext } from './suiteContext'
import { countRecords } from './suiteContext'

/** The input guard of every non-push route (issue 12, items 9 and 10). */
export function inputGuardTests(ctx: SuiteContext): void {
  it('refuses a lone surrogate or an overflowing number on heartbeat, admin saves and login', async () => {
    const { store, a } = await ctx.setUp()
    const manager = await createAdmin(ctx.db, ctx.app, 'store_manager', { storeId: store.storeId })
    const cases: [string, string, Record<string, string>, string][] = [
      [
        'POST',
        '/api/sync/heartbeat',
        a.headers,
        '{"pending":0,"oldestPendingAt":null,"deadRecords":0,"deadReasons":[],"registerCode":"\\ud800","appVersion":"1"}',
      ],
      ['POST', '/api/sync/heartbeat', a.headers, '{"pending":1e400}'],
      [
        'PUT',
        `/api/admin/products/${uuid()}`,
        manager,
        '{"sku":"S1","name":"Tea \\udc00","priceCents":100}',
      ],
      ['PUT', `/api/admin/categories/${uuid()}`, manager, '{"name":"\\ud800x"}'],
      ['POST', '/api/admin/login', {}, '{"email":"a@b.c","password":"\\ud800"}'],
    ]
    for (const [method, url, headers, payload] of cases) {
      const response = await ctx.app.inject({
        method: method as 'POST' | 'PUT',
        url,
        headers: { ...headers, 'content-type': 'application/json' },
        payload,
      })
      expect(response.statusCode, `${url} ${response.body}`).toBe(400)
      expect(response.json()).toMatchObject({ code: 'VALIDATION' })
      expect(response.body).not.toMatch(/insert|update|params/i)
    }
    expect(await countRecords(ctx.db, store.storeId)).toBe(0)
  })
}
