import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { EnrollRequest, RefreshRequest } from '../../shared/sync'
import type { TokenResponse } from '../../shared/sync'
import { adminCoversStore, authenticate } from '../auth/principal'
import type { Principal } from '../auth/principal'
import { createAdminLoginCheck } from '../auth/adminLogin'
import { newOpaqueToken, sha256Hex } from '../auth/tokens'
import type { Executor } from '../db/connection'
import {
  findDevice,
  findLiveDevice,
  insertDevice,
  insertRefreshToken,
  lockDevice,
  lockEnrollmentCode,
  lockRefreshToken,
  lockUnexpiredRefreshToken,
  markRefreshTokenUsed,
  revokeDevice,
  revokeRefreshTokenFamily,
  setEnrollmentCodeUsesLeft,
  updateEnrolledDevice,
} from '../db/authRepository'
import { findStoreById } from '../db/tenancyRepository'
import { HttpError, parseOrThrow, refuseUnstorableValues } from '../http/errors'
import { issueEnrollmentCode, normaliseCode } from '../tenancy/enrollmentCodes'
import type { RouteContext } from './context'

const AdminLogin = z.strictObject({
  email: z.string().email().max(200),
  password: z.string().min(1).max(200),
})
const DeviceParams = z.strictObject({ deviceId: z.string().uuid() })
const StoreParams = z.strictObject({ storeId: z.string().uuid() })
const IssueCodeBody = z
  .strictObject({
    uses: z.number().int().min(1).max(100).optional(),
    ttlMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .optional(),
  })
  .optional()

const refreshRejected = () =>
  new HttpError(401, 'REFRESH_TOKEN_REJECTED', 'refresh token unknown, used or expired')

/** Enrollment, token refresh and the admin routes: all behind the rate limiter. */
export function registerAuthRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, config, signer } = context
  const rateLimit = { max: config.authRateLimit.max, timeWindow: config.authRateLimit.windowMs }
  const checkLogin = createAdminLoginCheck(db)

  async function issueDeviceTokens(
    tx: Executor,
    device: { id: string; storeId: string; tenantId: string; role: string },
  ): Promise<TokenResponse & { refreshTokenHash: string }> {
    const accessToken = await signer.sign(
      {
        typ: 'device',
        sub: device.id,
        sid: device.storeId,
        tid: device.tenantId,
        role: device.role,
      },
      config.accessTokenTtlSeconds,
    )
    const refreshToken = newOpaqueToken()
    const refreshTokenHash = sha256Hex(refreshToken)
    await insertRefreshToken(tx, {
      tokenHash: refreshTokenHash,
      deviceId: device.id,
      expiresAt: new Date(Date.now() + config.refreshTokenTtlSeconds * 1000),
    })
    return {
      accessToken,
      refreshToken,
      refreshTokenHash,
      expiresIn: config.accessTokenTtlSeconds,
      tokenType: 'Bearer',
      deviceId: device.id,
      storeId: device.storeId,
      tenantId: device.tenantId,
    }
  }

  const withoutHash = ({
    refreshTokenHash: _hash,
    ...tokens
  }: TokenResponse & { refreshTokenHash: string }): TokenResponse => tokens

  app.post('/api/auth/enroll', { config: { rateLimit } }, async (request) => {
    refuseUnstorableValues(request.body, 'enrollment')
    const body = parseOrThrow(EnrollRequest, request.body, 'enrollment')
    return db.transaction(async (tx) => {
      const code = await lockEnrollmentCode(tx, sha256Hex(normaliseCode(body.enrollmentCode)))
      const isUnexpired = !!code && (code.expiresAt === null || code.expiresAt > new Date())
      const existing = await lockDevice(tx, body.deviceId)
      // The device this code already enrolled, on the same hardware, asking again: its reply was lost.
      const isReplay =
        !!code &&
        !!existing &&
        existing.enrolledCodeHash === code.codeHash &&
        existing.fingerprint === body.fingerprint
      const isUsable = isUnexpired && (isReplay || code.usesLeft === null || code.usesLeft > 0)
      if (!code || !isUsable)
        throw new HttpError(
          401,
          'INVALID_ENROLLMENT_CODE',
          'enrollment code unknown, used or expired',
        )
      const store = await findStoreById(tx, code.storeId)
      if (!store)
        throw new HttpError(401, 'INVALID_ENROLLMENT_CODE', 'enrollment code has no store')
      if (existing) {
        if (existing.storeId !== store.id)
          throw new HttpError(
            409,
            'DEVICE_ENROLLED_ELSEWHERE',
            'this deviceId belongs to another store',
          )
        if (existing.revokedAt)
          throw new HttpError(403, 'DEVICE_REVOKED', 'this device was revoked')
        // A copied data folder brings the device id but not the hardware: refuse rather than share an identity.
        if (existing.fingerprint !== body.fingerprint)
          throw new HttpError(
            409,
            'FINGERPRINT_MISMATCH',
            'deviceId already enrolled from other hardware',
          )
        await updateEnrolledDevice(tx, existing.id, {
          name: body.name,
          enrolledCodeHash: code.codeHash,
        })
      } else {
        await insertDevice(tx, {
          id: body.deviceId,
          tenantId: store.tenantId,
          storeId: store.id,
          name: body.name,
          fingerprint: body.fingerprint,
          role: code.role,
          enrolledCodeHash: code.codeHash,
        })
      }
      if (code.usesLeft !== null && !isReplay)
        await setEnrollmentCodeUsesLeft(tx, code.codeHash, code.usesLeft - 1)
      return withoutHash(
        await issueDeviceTokens(tx, {
          id: body.deviceId,
          storeId: store.id,
          tenantId: store.tenantId,
          role: existing?.role ?? code.role,
        }),
      )
    })
  })

  app.post('/api/auth/refresh', { config: { rateLimit } }, async (request) => {
    const body = parseOrThrow(RefreshRequest, request.body, 'refresh request')
    const tokens = await db.transaction(async (tx) => {
      // Rotation: each refresh token is exchanged once and names its replacement. Presenting a used
      // token whose replacement was never used means the reply was lost: the unused replacement is
      // retired and a new pair issued, so a flaky network cannot lock a register out, and at most
      // one refresh token of a chain is ever live.
      const presented = await lockUnexpiredRefreshToken(tx, sha256Hex(body.refreshToken))
      if (!presented) throw refreshRejected()
      if (presented.usedAt) {
        const successor = presented.replacedByHash
          ? await lockRefreshToken(tx, presented.replacedByHash)
          : undefined
        if (successor?.usedAt) {
          // The successor was used, so this holder is not the one who lost a reply: one of the two
          // is a thief. OAuth 2.1: revoke the whole family, so both must enroll again.
          const revoked = await revokeRefreshTokenFamily(tx, presented.tokenHash)
          request.log.warn(
            { deviceId: presented.deviceId, revokedTokens: revoked },
            'refresh token reused after its successor was used: token family revoked',
          )
          // Returned, not thrown: a throw would roll the revocation back.
          return null
        }
        if (!successor) throw refreshRejected()
        // The reply was lost: retire the unused successor and issue a new pair below.
        await markRefreshTokenUsed(tx, successor.tokenHash, { usedAt: new Date() })
      }
      const device = await findLiveDevice(tx, presented.deviceId)
      if (!device) throw new HttpError(401, 'DEVICE_REVOKED', 'device revoked or unknown')
      const tokens = await issueDeviceTokens(tx, device)
      await markRefreshTokenUsed(tx, presented.tokenHash, {
        usedAt: presented.usedAt ?? new Date(),
        replacedByHash: tokens.refreshTokenHash,
      })
      return withoutHash(tokens)
    })
    if (!tokens) throw refreshRejected()
    return tokens
  })

  app.post('/api/admin/login', { config: { rateLimit } }, async (request) => {
    refuseUnstorableValues(request.body, 'login')
    const body = parseOrThrow(AdminLogin, request.body, 'login')
    // Unknown e-mails take as long as wrong passwords (see createAdminLoginCheck).
    const admin = await checkLogin(body.email, body.password)
    if (!admin) throw new HttpError(401, 'UNAUTHORIZED', 'wrong email or password')
    const role = admin.role as 'super_admin' | 'tenant_admin' | 'store_manager'
    const accessToken = await signer.sign(
      { typ: 'admin', sub: admin.id, role, tid: admin.tenantId, sid: admin.storeId },
      config.accessTokenTtlSeconds,
    )
    return { accessToken, expiresIn: config.accessTokenTtlSeconds, tokenType: 'Bearer', role }
  })

  async function requireAdmin(principal: Principal) {
    if (principal.kind !== 'admin') throw new HttpError(403, 'FORBIDDEN', 'admin token required')
    return principal
  }

  app.post('/api/admin/devices/:deviceId/revoke', { config: { rateLimit } }, async (request) => {
    const admin = await requireAdmin(await authenticate(db, signer, request))
    const { deviceId } = parseOrThrow(DeviceParams, request.params, 'path')
    const device = await findDevice(db, deviceId)
    if (!device || !(await adminCoversStore(db, admin, device.storeId)))
      throw new HttpError(404, 'NOT_FOUND', 'device not found')
    await revokeDevice(db, deviceId)
    context.bus.publish({ type: 'revoke', deviceId })
    return { deviceId, isRevoked: true }
  })

  app.post(
    '/api/admin/stores/:storeId/enrollment-codes',
    { config: { rateLimit } },
    async (request) => {
      const admin = await requireAdmin(await authenticate(db, signer, request))
      const { storeId } = parseOrThrow(StoreParams, request.params, 'path')
      const body = parseOrThrow(IssueCodeBody, request.body ?? undefined, 'body')
      if (!(await adminCoversStore(db, admin, storeId)))
        throw new HttpError(404, 'NOT_FOUND', 'store not found')
      const ttlMs = (body?.ttlMinutes ?? 24 * 60) * 60_000
      const code = await issueEnrollmentCode(db, storeId, { uses: body?.uses ?? 1, ttlMs })
      return { code, storeId, expiresAt: new Date(Date.now() + ttlMs).toISOString() }
    },
  )
}
