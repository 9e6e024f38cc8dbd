import type { FastifyInstance } from 'fastify'
import { SetupBody, SignInBody } from '../../shared/backoffice/api'
import type {
  SessionReply,
  SetupBody as SetupInput,
  SetupStatus,
} from '../../shared/backoffice/api'
import { createAdminLoginCheck } from '../auth/adminLogin'
import { hashPassword } from '../auth/passwords'
import type { LiveSession } from '../auth/sessions'
import {
  createSession,
  endSession,
  isSameSecret,
  liveSessionOf,
  sessionCookieOf,
  setSessionCookie,
} from '../auth/sessions'
import { sha256Hex } from '../auth/tokens'
import {
  countAdmins,
  countStoreDependents,
  deleteAdminSession,
  findStarterStore,
  findEnabledAdminScope,
  insertAdminUnlessEmailTaken,
  lockFirstRunSetup,
  adoptTenant,
  setStoreCodeUnlessTaken,
  updateStoreDetails,
} from '../db/backofficeRepository'
import type { StoreRow } from '../db/backofficeRepository'
import type { Executor } from '../db/connection'
import { insertStoreUnlessCodeTaken, insertTenant } from '../db/tenancyRepository'
import { HttpError, parseOrThrow } from '../http/errors'
import { adminView } from '../tenancy/views'
import type { RouteContext } from './context'

/** The one-time first-run token (printed by `npm run server` on an empty database); kept hashed. */
export interface FirstRunToken {
  hash: string | null
  isUsed: boolean
}

export function firstRunToken(token: string | null | undefined): FirstRunToken {
  return { hash: token ? sha256Hex(token) : null, isUsed: false }
}

/**
 * The owner's business: a fresh server's starter tenant (the one whose enrollment code it printed)
 * is taken over and renamed, so registers already enrolled with that code stay in it.
 */
async function firstRunTenant(
  tx: Executor,
  starter: StoreRow | undefined,
  businessName: string,
): Promise<string> {
  if (!starter) return (await insertTenant(tx, businessName)).id
  await adoptTenant(tx, starter.tenantId, businessName)
  return starter.tenantId
}

/**
 * The first store: the starter store becomes it while untouched (no register, no data); otherwise
 * a new store in the owner's business. False when the store code is taken.
 */
async function firstRunStore(
  tx: Executor,
  starter: StoreRow | undefined,
  tenantId: string,
  body: SetupInput,
): Promise<boolean> {
  const details = { name: body.storeName, timeZone: body.timeZone, currency: body.currency }
  if (starter) {
    const dependents = await countStoreDependents(tx, starter.id)
    if (dependents.registers === 0 && dependents.records === 0) {
      if (!(await setStoreCodeUnlessTaken(tx, starter.id, body.storeCode))) return false
      await updateStoreDetails(tx, starter.id, details)
      return true
    }
  }
  const store = await insertStoreUnlessCodeTaken(tx, { tenantId, code: body.storeCode, ...details })
  return store !== undefined
}

const notSignedIn = () => new HttpError(401, 'UNAUTHORIZED', 'not signed in')

/**
 * The back office's cookie session (sign in, who am I, sign out) and the first-run set-up that
 * creates the first tenant, store and owner from the browser.
 */
export function registerBackofficeSessionRoutes(
  app: FastifyInstance,
  context: RouteContext,
  setup: FirstRunToken,
): void {
  const { db, config } = context
  const signInLimit = {
    max: config.authRateLimit.max,
    timeWindow: config.authRateLimit.windowMs,
  }
  const readLimit = {
    max: config.backofficeRateLimit.max,
    timeWindow: config.backofficeRateLimit.windowMs,
  }
  const checkLogin = createAdminLoginCheck(db)
  const settings = app.adminSessionSettings

  async function sessionReply(session: LiveSession): Promise<SessionReply> {
    const admin = await findEnabledAdminScope(db, session.adminId)
    if (!admin) throw notSignedIn()
    return {
      admin: adminView(admin),
      csrfToken: session.csrfToken,
      idleMinutes: config.adminSession.idleMinutes,
    }
  }

  app.post(
    '/api/backoffice/session',
    { config: { rateLimit: signInLimit } },
    async (request, reply) => {
      const body = parseOrThrow(SignInBody, request.body, 'sign-in')
      const admin = await checkLogin(body.email, body.password)
      if (!admin) throw new HttpError(401, 'UNAUTHORIZED', 'wrong email or password')
      // A new id at every sign-in: a session id planted before sign-in is never promoted.
      const previous = sessionCookieOf(request)
      if (previous) await deleteAdminSession(db, sha256Hex(previous))
      const { cookieValue, session } = await createSession(db, settings, admin.id)
      setSessionCookie(request, reply, cookieValue)
      return sessionReply(session)
    },
  )

  app.get('/api/backoffice/session', { config: { rateLimit: readLimit } }, async (request) => {
    const session = await liveSessionOf(db, request)
    if (!session) throw notSignedIn()
    return sessionReply(session)
  })

  app.delete(
    '/api/backoffice/session',
    { config: { rateLimit: readLimit } },
    async (request, reply) => {
      try {
        // A live session signs out only with its CSRF token: another site cannot sign you out.
        await liveSessionOf(db, request)
      } catch (error) {
        const isGone = error instanceof HttpError && error.statusCode === 401
        if (!isGone) throw error
      }
      await endSession(db, request, reply)
      return reply.status(204).send()
    },
  )

  app.get('/api/backoffice/setup', { config: { rateLimit: readLimit } }, async () => {
    const status: SetupStatus = { isSetupNeeded: (await countAdmins(db)) === 0 }
    return status
  })

  let isSetupRunning = false
  app.post(
    '/api/backoffice/setup',
    { config: { rateLimit: signInLimit } },
    async (request, reply) => {
      const body = parseOrThrow(SetupBody, request.body, 'set-up')
      const alreadyDone = () =>
        new HttpError(409, 'SETUP_DONE', 'this server is set up: sign in instead')
      if ((await countAdmins(db)) > 0) throw alreadyDone()
      if (!setup.hash || setup.isUsed || !isSameSecret(sha256Hex(body.token), setup.hash))
        throw new HttpError(
          403,
          'SETUP_TOKEN_REJECTED',
          'the set-up link is wrong or used: use the link the server printed at its last start',
          [{ path: 'token', message: 'not the set-up token of this server start' }],
        )
      if (isSetupRunning) throw new HttpError(409, 'SETUP_RUNNING', 'a set-up is already running')
      isSetupRunning = true
      try {
        const passwordHash = await hashPassword(body.password)
        // Tenant, first store, owner and session in one transaction: nothing is half-created.
        const created = await db.transaction(async (tx) => {
          await lockFirstRunSetup(tx)
          if ((await countAdmins(tx)) > 0) throw alreadyDone()
          const starter = await findStarterStore(tx)
          const tenantId = await firstRunTenant(tx, starter, body.businessName)
          const isStoreMade = await firstRunStore(tx, starter, tenantId, body)
          if (!isStoreMade)
            throw new HttpError(409, 'STORE_CODE_TAKEN', `store code ${body.storeCode} is taken`, [
              { path: 'storeCode', message: 'taken by another store on this server' },
            ])
          const admin = await insertAdminUnlessEmailTaken(tx, {
            email: body.email.toLowerCase(),
            passwordHash,
            role: 'tenant_admin',
            tenantId,
          })
          if (!admin)
            throw new HttpError(409, 'EMAIL_TAKEN', 'this e-mail already has an account', [
              { path: 'email', message: 'already has an account' },
            ])
          return createSession(tx, settings, admin.id)
        })
        setup.isUsed = true
        setSessionCookie(request, reply, created.cookieValue)
        return await sessionReply(created.session)
      } finally {
        isSetupRunning = false
      }
    },
  )
}
