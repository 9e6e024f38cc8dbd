import { hash, verify } from '@node-rs/argon2'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { AdminEmployeeBody, AdminPinBody } from '../../shared/backoffice/catalog'
import type {
  AdminEmployeeListReply,
  AdminEmployeeReply,
  AdminEmployeeView,
} from '../../shared/backoffice/catalog'
import { Role } from '../../shared/ipc/staffSchemas'
import type { AdminPrincipal } from '../auth/principal'
import { findLiveRecord, listLiveRecords } from '../db/adminCatalogRepository'
import type { Executor } from '../db/connection'
import { HttpError, parseOrThrow, refuseUnstorableValues } from '../http/errors'
import type { RecordRow } from '../sync/records'
import { storeOf, writeAdminRecord } from './adminCatalog'
import { requireAdmin } from './adminScope'
import type { RouteContext } from './context'

/**
 * The register's PIN hash (src/main/services/pin.ts): argon2id with the same low cost, so a
 * register checks every active employee at sign-in instantly, and verifies this hash offline.
 */
const pinHashOptions = { memoryCost: 4096, timeCost: 2, parallelism: 1 }
export const hashStaffPin = (pin: string): Promise<string> => hash(pin, pinHashOptions)

async function pinMatches(pinHash: string, pin: string): Promise<boolean> {
  try {
    return await verify(pinHash, pin)
  } catch {
    return false
  }
}

const StoredEmployee = z.looseObject({
  name: z.string(),
  role: Role,
  isActive: z.boolean().optional(),
  pinHash: z.string(),
})
type StoredEmployee = z.infer<typeof StoredEmployee>

const RecordParams = z.strictObject({ id: z.uuid() })
const StoreQuery = z.strictObject({ storeId: z.string().optional() })

function employeeOf(row: RecordRow): StoredEmployee | null {
  const parsed = StoredEmployee.safeParse(row.data)
  return parsed.success ? parsed.data : null
}

/** Never the PIN hash: the view carries who, what role, active or not. */
function employeeView(row: RecordRow): AdminEmployeeView {
  const employee = employeeOf(row)
  return {
    id: row.id,
    version: row.version,
    name: employee?.name ?? '',
    role: employee?.role ?? 'cashier',
    isActive: employee?.isActive ?? true,
    updatedAt: row.updatedAt.toISOString(),
  }
}

const conflict = (code: string, message: string, path: string) =>
  new HttpError(409, code, message, [{ path, message }])

/** The register's staff rules (src/main/services/employeeService.ts), read under the store's lock. */
async function checkStaffRules(
  tx: Executor,
  storeId: string,
  id: string,
  before: StoredEmployee | null,
  after: { role: string; isActive: boolean },
  pin: string | undefined,
): Promise<void> {
  const others = (await listLiveRecords(tx, storeId, 'employee'))
    .filter((row) => row.id !== id)
    .map(employeeOf)
    .filter((employee): employee is StoredEmployee => employee !== null)
    .filter((employee) => employee.isActive !== false)
  // Sign-in is by PIN alone: two active people must never share one.
  if (pin !== undefined && after.isActive) {
    for (const other of others)
      if (await pinMatches(other.pinHash, pin))
        throw conflict('PIN_TAKEN', 'Another active employee already uses that PIN.', 'pin')
  }
  // Taking away the last active admin would leave no one able to manage staff on a register.
  const wasAdmin = before !== null && before.role === 'admin' && before.isActive !== false
  const staysAdmin = after.role === 'admin' && after.isActive
  if (wasAdmin && !staysAdmin && !others.some((other) => other.role === 'admin'))
    throw conflict(
      'LAST_ADMIN',
      'This is the last active admin. Make someone else an admin first.',
      after.isActive ? 'role' : 'isActive',
    )
}

/**
 * Staff of one store, as registers keep them (synced employee records with a PIN hash): list,
 * add, change name/role/active, set or reset a PIN. The PIN is hashed here, never stored, logged
 * or returned. Out-of-scope stores are 404, as for the catalog.
 */
export function registerAdminStaffRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config } = context
  const rateLimit = {
    max: config.backofficeRateLimit.max,
    timeWindow: config.backofficeRateLimit.windowMs,
  }

  async function scope(request: FastifyRequest) {
    const admin = await requireAdmin(db, signer, request)
    const query = parseOrThrow(StoreQuery, request.query, 'query')
    return { admin, storeId: await storeOf(context, admin, query.storeId) }
  }

  async function save(
    admin: AdminPrincipal,
    storeId: string,
    id: string,
    input: { name?: string; role?: string; isActive?: boolean; pin?: string },
    baseVersion: number | undefined,
  ): Promise<AdminEmployeeReply> {
    const current = await findLiveRecord(db, storeId, 'employee', id)
    const before = current ? employeeOf(current) : null
    if (!before && input.pin === undefined)
      throw new HttpError(400, 'VALIDATION', 'invalid employee at pin: a new person needs a PIN', [
        { path: 'pin', message: 'Enter a PIN for the new person.' },
      ])
    if (!before && input.name === undefined)
      throw new HttpError(404, 'NOT_FOUND', 'employee not found')
    const after = {
      name: input.name ?? before!.name,
      role: input.role ?? before!.role,
      isActive: input.isActive ?? before?.isActive ?? true,
    }
    // The old PIN may have gone to someone else meanwhile, and a salted hash cannot be compared.
    if (input.pin === undefined && before && after.isActive && before.isActive === false)
      throw new HttpError(
        400,
        'VALIDATION',
        'invalid employee at pin: enter a new PIN to make this person active again',
        [{ path: 'pin', message: 'Enter a new PIN to make this person active again.' }],
      )
    const pinHash = input.pin !== undefined ? await hashStaffPin(input.pin) : before!.pinHash
    const data = { ...(before ?? {}), id, ...after, pinHash }
    const saved = await writeAdminRecord(context, {
      storeId,
      admin,
      entity: 'employee',
      id,
      data,
      baseVersion,
      check: (tx) => checkStaffRules(tx, storeId, id, before, after, input.pin),
    })
    const row = await findLiveRecord(db, storeId, 'employee', id)
    if (!row) throw new HttpError(404, 'NOT_FOUND', 'employee not found')
    return { employee: employeeView(row), isChanged: saved.isChanged }
  }

  app.get('/api/admin/employees', { config: { rateLimit } }, async (request) => {
    const { storeId } = await scope(request)
    const rows = await listLiveRecords(db, storeId, 'employee')
    const employees = rows
      .map(employeeView)
      .sort(
        (a, b) =>
          Number(b.isActive) - Number(a.isActive) ||
          a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
      )
    const reply: AdminEmployeeListReply = { employees }
    return reply
  })

  app.put('/api/admin/employees/:id', { config: { rateLimit } }, async (request) => {
    const { admin, storeId } = await scope(request)
    const { id } = parseOrThrow(RecordParams, request.params, 'path')
    refuseUnstorableValues(request.body, 'employee')
    const { baseVersion, ...body } = parseOrThrow(AdminEmployeeBody, request.body, 'employee')
    return save(admin, storeId, id, body, baseVersion)
  })

  app.post('/api/admin/employees/:id/pin', { config: { rateLimit } }, async (request) => {
    const { admin, storeId } = await scope(request)
    const { id } = parseOrThrow(RecordParams, request.params, 'path')
    const { baseVersion, pin } = parseOrThrow(AdminPinBody, request.body, 'pin')
    if (!(await findLiveRecord(db, storeId, 'employee', id)))
      throw new HttpError(404, 'NOT_FOUND', 'employee not found')
    return save(admin, storeId, id, { pin }, baseVersion)
  })
}
