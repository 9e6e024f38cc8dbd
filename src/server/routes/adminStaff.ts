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
import { adminCoversStore } from '../auth/principal'
import { findLiveRecord, listLiveRecords } from '../db/adminCatalogRepository'
import { liveEmployeeRows, tenantStoreIds } from '../db/staffRepository'
import type { Executor } from '../db/connection'
import { HttpError, parseOrThrow, refuseUnstorableValues } from '../http/errors'
import type { RecordRow } from '../sync/records'
import { storeOf, writeAdminRecords } from './adminCatalog'
import type { AdminWrite } from './adminCatalog'
import { notFound, requireAdmin } from './adminScope'
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

/** Never the PIN hash: the view carries who, what role, active or not, and where they work. */
function employeeView(
  record: { id: string; version: number; data: unknown; updatedAt: string },
  storeIds: string[],
): AdminEmployeeView {
  const parsed = StoredEmployee.safeParse(record.data)
  const employee = parsed.success ? parsed.data : null
  return {
    id: record.id,
    version: record.version,
    name: employee?.name ?? '',
    role: employee?.role ?? 'cashier',
    isActive: employee?.isActive ?? true,
    storeIds,
    updatedAt: record.updatedAt,
  }
}

const conflict = (code: string, message: string, path: string) =>
  new HttpError(409, code, message, [{ path, message }])
const invalid = (path: string, message: string, code = 'VALIDATION') =>
  new HttpError(400, code, `invalid employee at ${path}: ${message}`, [{ path, message }])

/** The register's staff rules (src/main/services/employeeService.ts), read under the store's lock. */
async function checkStaffRules(
  tx: Executor,
  storeId: string,
  id: string,
  before: StoredEmployee | null,
  after: { role: string; isActive: boolean },
  pin: string | undefined,
  lastAdminPath = after.isActive ? 'role' : 'isActive',
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
      lastAdminPath,
    )
}

interface StaffScope {
  admin: AdminPrincipal
  /** The store of the request (`?storeId=`). */
  storeId: string
  /** Every store of that store's tenant: a person's records are looked up there. */
  tenantStores: string[]
  /** The tenant's stores this admin may see and change (a store manager: theirs). */
  visible: string[]
}

interface PersonInput {
  name?: string
  role?: string
  isActive?: boolean
  pin?: string
  storeIds?: string[]
}

/**
 * Staff as registers keep them (synced employee records with a PIN hash). One person is the same
 * employee record (id, name, role, PIN hash) in each store they work in: list, add, change
 * name/role/active, choose their stores, set or reset a PIN — each save one transaction across
 * those stores. The PIN is hashed here, never stored, logged or returned. Out-of-scope stores
 * are 404, as for the catalog.
 */
export function registerAdminStaffRoutes(app: FastifyInstance, context: RouteContext): void {
  const { db, signer, config } = context
  const rateLimit = {
    max: config.backofficeRateLimit.max,
    timeWindow: config.backofficeRateLimit.windowMs,
  }

  async function scope(request: FastifyRequest): Promise<StaffScope> {
    const admin = await requireAdmin(db, signer, request)
    const query = parseOrThrow(StoreQuery, request.query, 'query')
    const storeId = await storeOf(context, admin, query.storeId)
    const tenantStores = await tenantStoreIds(db, storeId)
    const visible =
      admin.role === 'store_manager'
        ? tenantStores.filter((id) => admin.storeIds.includes(id))
        : tenantStores
    return { admin, storeId, tenantStores, visible }
  }

  /** The stores asked for, each one this admin may change in the request store's tenant. */
  async function requestedStores(where: StaffScope, storeIds: string[]): Promise<string[]> {
    for (const id of storeIds) {
      if (where.visible.includes(id)) continue
      // Another tenant's store an admin does see: say why; anything else is simply not found.
      if (!where.tenantStores.includes(id) && (await adminCoversStore(db, where.admin, id)))
        throw invalid('storeIds', 'A person works in the stores of one business.', 'OTHER_TENANT')
      throw notFound('store')
    }
    return where.visible.filter((id) => storeIds.includes(id))
  }

  async function save(
    where: StaffScope,
    id: string,
    input: PersonInput,
    baseVersion: number | undefined,
  ): Promise<AdminEmployeeReply> {
    const { admin, storeId, visible } = where
    const rows = await liveEmployeeRows(db, where.tenantStores, [id])
    const byStore = new Map(rows.map((row) => [row.storeId, row]))
    const beforeIn = (store: string) => {
      const row = byStore.get(store)
      return row ? employeeOf(row) : null
    }
    const primary = byStore.get(storeId) ?? rows[0]
    const before = primary ? employeeOf(primary) : null
    if (!before && input.pin === undefined) throw invalid('pin', 'Enter a PIN for the new person.')
    if (!before && input.name === undefined) throw notFound('employee')
    const after = {
      name: input.name ?? before!.name,
      role: input.role ?? before!.role,
      isActive: input.isActive ?? before?.isActive ?? true,
    }
    const worksIn = rows.map((row) => row.storeId)
    const targets = input.storeIds
      ? await requestedStores(where, input.storeIds)
      : visible.filter((store) => worksIn.includes(store) || store === storeId)
    const isOutsideToo = worksIn.some((store) => !visible.includes(store))
    if (targets.length === 0 && !isOutsideToo)
      throw invalid('storeIds', 'Choose at least one store this person works in.', 'NO_STORE')
    const removed = visible.filter((store) => worksIn.includes(store) && !targets.includes(store))
    const added = targets.filter((store) => !worksIn.includes(store))
    // The old PIN may have gone to someone else meanwhile, and a salted hash cannot be compared.
    if (input.pin === undefined && before && after.isActive && before.isActive === false)
      throw invalid('pin', 'Enter a new PIN to make this person active again.')
    if (input.pin === undefined && before && after.isActive && added.length > 0)
      throw invalid(
        'pin',
        'Enter a PIN to add this person to another store: it must be unique there.',
        'PIN_FOR_STORE',
      )
    // A store manager changes a person who also works elsewhere only by adding or removing stores
    // they manage; who the person is (and the PIN that signs them in elsewhere) stays an owner's.
    const changesPerson =
      before !== null &&
      (input.pin !== undefined ||
        after.name !== before.name ||
        after.role !== before.role ||
        after.isActive !== (before.isActive ?? true))
    if (admin.role === 'store_manager' && isOutsideToo && changesPerson)
      throw new HttpError(
        403,
        'STAFF_SHARED',
        'This person also works in stores you do not manage: an owner changes their name, role, status or PIN.',
        [{ path: 'storeIds', message: 'This person also works in stores you do not manage.' }],
      )
    const pinHash = input.pin !== undefined ? await hashStaffPin(input.pin) : before!.pinHash
    const writes: AdminWrite[] = targets.map((store) => ({
      storeId: store,
      admin,
      entity: 'employee',
      id,
      data: { ...(beforeIn(store) ?? before ?? {}), id, ...after, pinHash },
      baseVersion: store === storeId ? baseVersion : byStore.get(store)?.version,
      check: (tx) => checkStaffRules(tx, store, id, beforeIn(store), after, input.pin),
    }))
    for (const store of removed) {
      const inStore = beforeIn(store)
      writes.push({
        storeId: store,
        admin,
        entity: 'employee',
        id,
        data: null,
        baseVersion: store === storeId ? baseVersion : byStore.get(store)?.version,
        deleted: true,
        check: (tx) =>
          checkStaffRules(
            tx,
            store,
            id,
            inStore,
            { role: inStore?.role ?? 'cashier', isActive: false },
            undefined,
            'storeIds',
          ),
      })
    }
    if (writes.length === 0) throw notFound('employee')
    const saved = await writeAdminRecords(context, writes)
    // The first writes are the stores they work in: the request's store if one of them. Removed
    // from every store this admin sees, the person is shown as they were, in none of them.
    const first = saved[Math.max(0, targets.indexOf(storeId))]!.record
    const record = targets.length > 0 ? first : { ...first, data: before }
    return {
      employee: employeeView(record, targets),
      isChanged: saved.some((one) => one.isChanged),
    }
  }

  app.get('/api/admin/employees', { config: { rateLimit } }, async (request) => {
    const { storeId, visible } = await scope(request)
    const rows = await listLiveRecords(db, storeId, 'employee')
    const everywhere = await liveEmployeeRows(
      db,
      visible,
      rows.map((row) => row.id),
    )
    const storesOf = (id: string) => {
      const stores = new Set(everywhere.filter((row) => row.id === id).map((row) => row.storeId))
      return visible.filter((store) => stores.has(store))
    }
    const employees = rows
      .map((row) =>
        employeeView({ ...row, updatedAt: row.updatedAt.toISOString() }, storesOf(row.id)),
      )
      .sort(
        (a, b) =>
          Number(b.isActive) - Number(a.isActive) ||
          a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
      )
    const reply: AdminEmployeeListReply = { employees }
    return reply
  })

  app.put('/api/admin/employees/:id', { config: { rateLimit } }, async (request) => {
    const where = await scope(request)
    const { id } = parseOrThrow(RecordParams, request.params, 'path')
    refuseUnstorableValues(request.body, 'employee')
    const { baseVersion, ...body } = parseOrThrow(AdminEmployeeBody, request.body, 'employee')
    return save(where, id, body, baseVersion)
  })

  app.post('/api/admin/employees/:id/pin', { config: { rateLimit } }, async (request) => {
    const where = await scope(request)
    const { id } = parseOrThrow(RecordParams, request.params, 'path')
    const { baseVersion, pin } = parseOrThrow(AdminPinBody, request.body, 'pin')
    if (!(await findLiveRecord(db, where.storeId, 'employee', id))) throw notFound('employee')
    return save(where, id, { pin }, baseVersion)
  })
}
