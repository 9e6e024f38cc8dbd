import { count } from 'drizzle-orm'
import type { Database } from '../db/connection'
import { stores, tenants } from '../db/schema'
import { issueEnrollmentCode } from './enrollmentCodes'

export interface BootstrapResult {
  /** Set when this start created the demo tenant: the one-time code to print. */
  createdCode: string | null
  storeCode: string | null
}

/**
 * On an empty database: a demo tenant and store, and a one-time enrollment code.
 * `knownCode` (AURAFLOW_ENROLLMENT_CODE) is registered for the first store on every start,
 * without expiry or use limit, so scripted set-ups can enroll any number of registers.
 */
export async function bootstrap(db: Database, knownCode: string | null): Promise<BootstrapResult> {
  const [row] = await db.select({ total: count() }).from(stores)
  let createdCode: string | null = null
  let storeCode: string | null = null
  if ((row?.total ?? 0) === 0) {
    const [tenant] = await db.insert(tenants).values({ name: 'Demo tenant' }).returning()
    if (!tenant) throw new Error('tenant insert returned nothing')
    const [store] = await db
      .insert(stores)
      .values({ tenantId: tenant.id, code: 'DEMO', name: 'Demo store' })
      .returning()
    if (!store) throw new Error('store insert returned nothing')
    storeCode = store.code
    createdCode = knownCode ?? (await issueEnrollmentCode(db, store.id))
  }
  if (knownCode) {
    const [first] = await db.select().from(stores).orderBy(stores.createdAt).limit(1)
    if (first) {
      await issueEnrollmentCode(db, first.id, { code: knownCode, uses: null, ttlMs: null })
      storeCode = first.code
    }
  }
  return { createdCode, storeCode }
}
