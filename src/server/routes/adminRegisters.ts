import type { FastifyInstance, FastifyRequest } from 'fastify'
import QRCode from 'qrcode'
import { z } from 'zod'
import {
  CreateEnrollmentCodeBody,
  RegisterListQuery,
  RenameRegisterBody,
} from '../../shared/backoffice/api'
import type {
  EnrollmentCodeReply,
  RegisterListReply,
  RegisterReply,
} from '../../shared/backoffice/api'
import type { AdminPrincipal } from '../auth/principal'
import { adminCoversStore } from '../auth/principal'
import { findDevice, revokeDevice } from '../db/authRepository'
import type { Database } from '../db/connection'
import { renameDevice, selectRegisters } from '../db/backofficeRepository'
import { parseOrThrow } from '../http/errors'
import { issueEnrollmentCode } from '../tenancy/enrollmentCodes'
import { registerView } from '../tenancy/views'
import { notFound, requireAdmin, requireStoreInScope, scopeFilterFor } from './adminScope'
import type { RouteContext } from './context'

const RegisterParams = z.strictObject({ id: z.uuid() })

/** What a register's enrollment screen scans: this server's address and the code. */
export function enrollUriOf(serverUrl: string, code: string): string {
  const query = new URLSearchParams({ server: serverUrl, code })
  return `auraflow://enroll?${query.toString()}`
}

/** The address the admin reached this server at (Host header, TLS or not). */
function serverUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`
}

/** A register (device) the admin may see; 404 otherwise, revealing nothing about other stores. */
async function registerInScope(db: Database, admin: AdminPrincipal, deviceId: string) {
  const device = await findDevice(db, deviceId)
  if (!device || !(await adminCoversStore(db, admin, device.storeId))) throw notFound('register')
  return device
}

/**
 * Registers of the stores an admin may see (last seen, app version, pending and refused work from
 * the register's last heartbeat), renaming and revoking them, and enrollment codes with a QR code.
 * Store managers may do all of this in their own stores.
 */
export function registerAdminRegisterRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config } = context
  const rateLimit = {
    max: config.backofficeRateLimit.max,
    timeWindow: config.backofficeRateLimit.windowMs,
  }

  app.get('/api/admin/registers', { config: { rateLimit } }, async (request) => {
    const admin = await requireAdmin(db, signer, request)
    const { storeId, tenantId } = parseOrThrow(RegisterListQuery, request.query, 'query')
    const filter = scopeFilterFor(admin, tenantId)
    if (storeId) await requireStoreInScope(db, admin, storeId)
    const rows = await selectRegisters(db, storeId ? { storeId } : filter)
    const reply: RegisterListReply = { registers: rows.map(registerView) }
    return reply
  })

  app.patch('/api/admin/registers/:id', { config: { rateLimit } }, async (request) => {
    const admin = await requireAdmin(db, signer, request)
    const { id } = parseOrThrow(RegisterParams, request.params, 'path')
    await registerInScope(db, admin, id)
    const { name } = parseOrThrow(RenameRegisterBody, request.body, 'register')
    await renameDevice(db, id, name)
    const renamed = await findDevice(db, id)
    if (!renamed) throw notFound('register')
    const reply: RegisterReply = { register: registerView(renamed) }
    return reply
  })

  app.post('/api/admin/registers/:id/revoke', { config: { rateLimit } }, async (request) => {
    const admin = await requireAdmin(db, signer, request)
    const { id } = parseOrThrow(RegisterParams, request.params, 'path')
    const device = await registerInScope(db, admin, id)
    if (!device.revokedAt) {
      await revokeDevice(db, id)
      context.bus.publish({ type: 'revoke', deviceId: id })
    }
    const revoked = await findDevice(db, id)
    if (!revoked) throw notFound('register')
    const reply: RegisterReply = { register: registerView(revoked) }
    return reply
  })

  app.post('/api/admin/enrollment-codes', { config: { rateLimit } }, async (request) => {
    const admin = await requireAdmin(db, signer, request)
    const body = parseOrThrow(CreateEnrollmentCodeBody, request.body, 'enrollment code')
    await requireStoreInScope(db, admin, body.storeId)
    const ttlMs = body.expiresInMinutes * 60_000
    const expiresAt = new Date(Date.now() + ttlMs)
    const code = await issueEnrollmentCode(db, body.storeId, {
      uses: body.uses,
      ttlMs,
      role: body.role,
    })
    const enrollUri = enrollUriOf(serverUrlOf(request), code)
    const reply: EnrollmentCodeReply = {
      code,
      storeId: body.storeId,
      expiresAt: expiresAt.toISOString(),
      uses: body.uses,
      enrollUri,
      qrSvg: await QRCode.toString(enrollUri, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 2,
      }),
    }
    return reply
  })
}
