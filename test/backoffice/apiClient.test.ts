import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  CSRF_HEADER,
  CreateStoreBody,
  backofficePaths as routes,
} from '../../src/shared/backoffice/api'
import { BackofficeApi } from '../../src/backoffice/src/api/backoffice'
import { ApiError, NetworkError } from '../../src/backoffice/src/api/errors'
import { signInErrorText } from '../../src/backoffice/src/features/session/signInError'
import { i18n } from '../../src/backoffice/src/i18n'
import { startContractServer, type ContractServer } from './support/contractServer'
import { mainStore, ownerSession } from './support/fixtures'

let server: ContractServer
let ended: number
let api: BackofficeApi

beforeEach(async () => {
  server = await startContractServer()
  ended = 0
  api = new BackofficeApi({ baseUrl: server.baseUrl, onSessionEnded: () => (ended += 1) })
})
afterEach(() => server.close())

const newStore = CreateStoreBody.parse({ code: 'MALL', name: 'City Mall' })

function lastSeen(method: string, path: string) {
  const found = server.seen.filter((request) => request.method === method && request.path === path)
  const last = found[found.length - 1]
  if (!last) throw new Error(`no ${method} ${path} reached the server`)
  return last
}

describe('the back office API client', () => {
  it('sends the CSRF token from the sign-in reply on mutating calls, and only there', async () => {
    server.answer('POST', routes.session, { status: 200, body: ownerSession })
    server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore] } })
    server.answer('POST', routes.stores, {
      status: 200,
      body: { store: { ...mainStore, code: 'MALL' } },
    })
    server.answer('DELETE', routes.session, { status: 204 })

    await api.signIn({ email: 'owner@example.com', password: 'correct horse battery' })
    expect(lastSeen('POST', routes.session).headers[CSRF_HEADER]).toBeUndefined()

    expect(await api.listStores()).toEqual([mainStore])
    expect(lastSeen('GET', routes.stores).headers[CSRF_HEADER]).toBeUndefined()

    const created = await api.createStore(newStore)
    expect(created.code).toBe('MALL')
    const post = lastSeen('POST', routes.stores)
    expect(post.headers[CSRF_HEADER]).toBe(ownerSession.csrfToken)
    expect(post.headers['content-type']).toBe('application/json')
    expect(post.body).toEqual(newStore)

    await api.signOut()
    expect(lastSeen('DELETE', routes.session).headers[CSRF_HEADER]).toBe(ownerSession.csrfToken)

    // Signed out: the old token is not sent again.
    await expect(api.createStore(newStore)).resolves.toBeDefined()
    expect(lastSeen('POST', routes.stores).headers[CSRF_HEADER]).toBeUndefined()
  })

  it('a 401 on an ordinary call ends the session once and forgets the CSRF token', async () => {
    server.answer('GET', routes.session, { status: 200, body: ownerSession })
    server.answer('GET', routes.stores, {
      status: 401,
      body: { code: 'UNAUTHORIZED', message: 'session expired' },
    })
    server.answer('PATCH', routes.store(mainStore.id), {
      status: 401,
      body: { code: 'UNAUTHORIZED', message: 'session expired' },
    })

    expect(await api.currentSession()).toEqual(ownerSession)
    const refused = await api.listStores().catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused).toMatchObject({ status: 401, code: 'UNAUTHORIZED' })
    expect(ended).toBe(1)

    await api.updateStore(mainStore.id, { name: 'Renamed' }).catch(() => {})
    expect(lastSeen('PATCH', routes.store(mainStore.id)).headers[CSRF_HEADER]).toBeUndefined()
  })

  it('a wrong password or no session yet is an answer, not an ended session', async () => {
    server.answer('POST', routes.session, {
      status: 401,
      body: { code: 'INVALID_CREDENTIALS', message: 'wrong email or password' },
    })
    server.answer('GET', routes.session, {
      status: 401,
      body: { code: 'UNAUTHORIZED', message: 'no session' },
    })

    expect(await api.currentSession()).toBeNull()
    const refused = await api
      .signIn({ email: 'owner@example.com', password: 'wrong' })
      .catch((error: unknown) => error)
    expect(refused).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' })
    expect(ended).toBe(0)
    expect(signInErrorText(refused, i18n.t)).toBe('The email or the password is wrong.')
  })

  it('turns the server issues into per-field messages, the first per field', async () => {
    server.answer('POST', routes.stores, {
      status: 400,
      body: {
        code: 'VALIDATION',
        message: 'invalid store at timeZone: not an IANA time zone',
        issues: [
          { path: 'timeZone', message: 'not an IANA time zone (e.g. Europe/London)' },
          { path: 'code', message: 'a store code is 1–16 capital letters or digits' },
          { path: 'timeZone', message: 'second complaint' },
        ],
      },
    })
    const refused = await api.createStore(newStore).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ApiError)
    const error = refused as ApiError
    expect(error.status).toBe(400)
    expect(error.fieldErrors()).toEqual({
      timeZone: 'not an IANA time zone (e.g. Europe/London)',
      code: 'a store code is 1–16 capital letters or digits',
    })
    expect(ended).toBe(0)
  })

  it('a rate-limited sign-in says how long to wait, in words', async () => {
    server.answer('POST', routes.session, {
      status: 429,
      headers: { 'retry-after': '300' },
      body: { code: 'RATE_LIMITED', message: 'too many requests' },
    })
    const refused = await api
      .signIn({ email: 'owner@example.com', password: 'guess' })
      .catch((error: unknown) => error)
    expect(refused).toMatchObject({ status: 429, retryAfterSeconds: 300 })
    expect(signInErrorText(refused, i18n.t)).toBe('Too many attempts. Wait 5 min and try again.')
    expect(signInErrorText(refused, i18n.getFixedT('ar'))).toMatch(/[\u0600-\u06FF]/)
  })

  it('a reply that breaks the contract is refused, never handed to a screen', async () => {
    server.answer('GET', routes.stores, {
      status: 200,
      body: { stores: [{ ...mainStore, registerCount: 'two' }] },
    })
    await expect(api.listStores()).rejects.toBeInstanceOf(NetworkError)
  })

  it('an unreachable server is a network error', async () => {
    await server.close()
    const offline = new BackofficeApi({ baseUrl: server.baseUrl })
    await expect(offline.listStores()).rejects.toBeInstanceOf(NetworkError)
    server = await startContractServer()
  })

  it('asks for a super admin’s chosen tenant on list calls, and creates stores and users in it', async () => {
    const tenantId = '4a6c8e0a-2c4e-4a6c-8e0a-2c4e6a8c0e2a'
    const inTenant = (path: string) => `${path}?tenantId=${tenantId}`
    server.answer('GET', inTenant(routes.stores), { status: 200, body: { stores: [] } })
    server.answer('GET', inTenant(routes.users), { status: 200, body: { users: [] } })
    server.answer('POST', routes.stores, { status: 200, body: { store: mainStore } })
    server.answer('POST', routes.users, {
      status: 200,
      body: { user: { ...ownerSession.admin, tenantId } },
    })
    api.setTenant(tenantId)
    expect(await api.listStores()).toEqual([])
    expect(await api.listAdmins()).toEqual([])
    await api.createStore(newStore)
    expect(lastSeen('POST', routes.stores).body).toMatchObject({ code: 'MALL', tenantId })
    await api.createAdmin({
      email: 'new@example.com',
      password: 'correct horse battery staple',
      role: 'tenant_admin',
      storeIds: [],
    })
    expect(lastSeen('POST', routes.users).body).toMatchObject({ tenantId })
    // Every tenant again: the plain paths, no tenant in the body.
    api.setTenant(null)
    server.answer('GET', routes.stores, { status: 200, body: { stores: [mainStore] } })
    expect(await api.listStores()).toEqual([mainStore])
    await api.createStore(newStore)
    expect(lastSeen('POST', routes.stores).body).not.toHaveProperty('tenantId')
  })
})
