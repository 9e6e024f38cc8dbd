import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { hashPassword } from '../../../src/server/auth/passwords'
import type { ServerConfig } from '../../../src/server/config'
import { buildServer } from '../../../src/server/app'
import type { Database } from '../../../src/server/db/connection'
import { adminStoreAccess, adminUsers } from '../../../src/server/db/schema'
import { CSRF_HEADER } from '../../../src/shared/backoffice/api'
import type { SessionReply } from '../../../src/shared/backoffice/api'
import { testConfig } from './harness'

/** A real server on 127.0.0.1:0 and a fetch client that speaks the back office's cookie session. */

export const PASSWORD = 'correct horse battery staple'

export interface Listening {
  app: FastifyInstance
  baseUrl: string
}

export async function listen(
  db: Database,
  overrides: Partial<ServerConfig> = {},
  setupToken?: string,
): Promise<Listening> {
  const app = await buildServer({
    db,
    config: testConfig({ backofficeDir: '/nonexistent/backoffice', ...overrides }),
    ...(setupToken ? { setupToken } : {}),
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { app, baseUrl: `http://127.0.0.1:${port}` }
}

export interface Session {
  cookie: string
  csrfToken: string
  reply: SessionReply
}

export interface Reply {
  status: number
  body: unknown
  text: string
  headers: Headers
}

export interface CallOptions {
  session?: Session | null
  bearer?: string
  body?: unknown
  /** false: leave the CSRF header out; a string: send that instead of the session's token. */
  csrf?: false | string
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = {}
  if (options.session) {
    headers.cookie = options.session.cookie
    if (options.csrf !== false) headers[CSRF_HEADER] = options.csrf ?? options.session.csrfToken
  }
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    redirect: 'manual',
    signal: AbortSignal.timeout(20_000),
  })
  const text = await response.text()
  let body: unknown
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = null
  }
  return { status: response.status, body, text, headers: response.headers }
}

/** The `name=value` part of the session cookie a reply set. */
export function sessionCookieFrom(headers: Headers): string | null {
  const cookie = headers.getSetCookie().find((line) => line.startsWith('auraflow_session='))
  return cookie ? cookie.split(';')[0]! : null
}

export async function signIn(
  baseUrl: string,
  email: string,
  password = PASSWORD,
): Promise<Session> {
  const reply = await call(baseUrl, 'POST', '/api/backoffice/session', {
    body: { email, password },
  })
  if (reply.status !== 200) throw new Error(`sign-in failed ${reply.status}: ${reply.text}`)
  const cookie = sessionCookieFrom(reply.headers)
  if (!cookie) throw new Error('sign-in set no cookie')
  const session = reply.body as SessionReply
  return { cookie, csrfToken: session.csrfToken, reply: session }
}

/** Inserts an admin row (store managers bound through admin_store_access) and returns its e-mail. */
export async function insertAdmin(
  db: Database,
  role: 'super_admin' | 'tenant_admin' | 'store_manager',
  scope: { tenantId?: string; storeIds?: string[]; legacyStoreId?: string } = {},
): Promise<{ id: string; email: string }> {
  const email = `${role}-${randomUUID()}@example.test`
  const [row] = await db
    .insert(adminUsers)
    .values({
      email,
      passwordHash: await hashPassword(PASSWORD),
      role,
      tenantId: scope.tenantId ?? null,
      storeId: scope.legacyStoreId ?? null,
    })
    .returning({ id: adminUsers.id })
  for (const storeId of scope.storeIds ?? [])
    await db.insert(adminStoreAccess).values({ adminId: row!.id, storeId })
  return { id: row!.id, email }
}

/** A bearer token from the CLI/script login route. */
export async function bearerLogin(baseUrl: string, email: string): Promise<string> {
  const reply = await call(baseUrl, 'POST', '/api/admin/login', {
    body: { email, password: PASSWORD },
  })
  if (reply.status !== 200) throw new Error(`login failed ${reply.status}: ${reply.text}`)
  return (reply.body as { accessToken: string }).accessToken
}
