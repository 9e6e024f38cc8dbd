import { timingSafeEqual } from 'node:crypto'
import type {} from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { CSRF_HEADER } from '../../shared/backoffice/api'
import type { ServerConfig } from '../config'
import type { Executor } from '../db/connection'
import {
  deleteAdminSession,
  insertAdminSession,
  purgeExpiredAdminSessions,
  touchLiveAdminSession,
} from '../db/backofficeRepository'
import { HttpError } from '../http/errors'
import { newOpaqueToken, sha256Hex } from './tokens'

/**
 * Back-office cookie sessions. The cookie carries a random id; the server keeps only its SHA-256
 * (admin_sessions), so a database leak yields no usable session. A session ends when it is idle
 * longer than `idleMinutes`, `absoluteHours` after sign-in, at logout (row deleted), or at once
 * when its admin is disabled (the lookup joins the admin row).
 *
 * CSRF: a per-session random token (stored with the session, returned at sign-in) must come back
 * in `x-csrf-token` on every POST/PUT/PATCH/DELETE authenticated by the cookie; it is compared in
 * constant time. Bearer tokens are not sent by browsers on their own and need no CSRF token.
 */

export const SESSION_COOKIE = 'auraflow_session'

export interface SessionSettings {
  idleSeconds: number
  absoluteSeconds: number
  secureCookie: ServerConfig['adminSession']['secureCookie']
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by buildServer: how authenticate checks a back-office session cookie. */
    adminSessionSettings: SessionSettings
  }
}

export function sessionSettingsOf(config: ServerConfig): SessionSettings {
  return {
    idleSeconds: config.adminSession.idleMinutes * 60,
    absoluteSeconds: config.adminSession.absoluteHours * 60 * 60,
    secureCookie: config.adminSession.secureCookie,
  }
}

export function registerSessionSettings(app: FastifyInstance, config: ServerConfig): void {
  app.decorate('adminSessionSettings', sessionSettingsOf(config))
}

export interface LiveSession {
  idHash: string
  adminId: string
  csrfToken: string
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function sessionCookieOf(request: FastifyRequest): string | null {
  const value = (request.cookies as Record<string, string | undefined> | undefined)?.[
    SESSION_COOKIE
  ]
  return value && value.length <= 200 ? value : null
}

/** Equal-length digests, so the comparison's time does not depend on where the strings differ. */
export function isSameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(
    Buffer.from(sha256Hex(presented), 'hex'),
    Buffer.from(sha256Hex(expected), 'hex'),
  )
}

/**
 * The live session named by the request's cookie, or null when there is no cookie. A cookie that
 * names no live session is a 401; a state-changing request without the session's CSRF token a 403.
 */
export async function liveSessionOf(
  db: Executor,
  request: FastifyRequest,
  isCsrfChecked = true,
): Promise<LiveSession | null> {
  const cookie = sessionCookieOf(request)
  // An app built without back-office sessions (no settings) knows no cookie.
  const settings = request.server.adminSessionSettings as SessionSettings | undefined
  if (!cookie || !settings) return null
  const idHash = sha256Hex(cookie)
  const session = await touchLiveAdminSession(db, idHash, settings)
  if (!session) throw new HttpError(401, 'SESSION_EXPIRED', 'signed out: sign in again')
  if (isCsrfChecked && !SAFE_METHODS.has(request.method)) {
    const header = request.headers[CSRF_HEADER]
    if (typeof header !== 'string' || !isSameSecret(header, session.csrfToken))
      throw new HttpError(403, 'CSRF_REJECTED', `missing or wrong ${CSRF_HEADER} header`)
  }
  return { idHash, ...session }
}

function isSecure(request: FastifyRequest): boolean {
  const mode = request.server.adminSessionSettings.secureCookie
  return mode === 'always' || (mode === 'auto' && request.protocol === 'https')
}

/**
 * Creates the session row (in the caller's transaction, if any); the caller sets the cookie with
 * setSessionCookie once that has committed.
 */
export async function createSession(
  db: Executor,
  settings: SessionSettings,
  adminId: string,
): Promise<{ cookieValue: string; session: LiveSession }> {
  await purgeExpiredAdminSessions(db, settings)
  const cookieValue = newOpaqueToken()
  const session = { idHash: sha256Hex(cookieValue), adminId, csrfToken: newOpaqueToken() }
  await insertAdminSession(db, session)
  return { cookieValue, session }
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  cookieValue: string,
): void {
  void reply.setCookie(SESSION_COOKIE, cookieValue, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: isSecure(request),
    maxAge: request.server.adminSessionSettings.absoluteSeconds,
  })
}

/** Deletes the cookie's session row (if any) and clears the cookie. */
export async function endSession(
  db: Executor,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const cookie = sessionCookieOf(request)
  if (cookie) await deleteAdminSession(db, sha256Hex(cookie))
  void reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: isSecure(request),
  })
}
