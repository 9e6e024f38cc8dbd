import type { Database } from '../db/connection'
import { countStores, findFirstStore, insertStore, insertTenant } from '../db/tenancyRepository'
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
  let createdCode: string | null = null
  let storeCode: string | null = null
  if ((await countStores(db)) === 0) {
    const tenant = await insertTenant(db, 'Demo tenant', { isStarter: true })
    const store = await insertStore(db, { tenantId: tenant.id, code: 'DEMO', name: 'Demo store' })
    storeCode = store.code
    createdCode = knownCode ?? (await issueEnrollmentCode(db, store.id))
  }
  if (knownCode) {
    const first = await findFirstStore(db)
    if (first) {
      await issueEnrollmentCode(db, first.id, { code: knownCode, uses: null, ttlMs: null })
      storeCode = first.code
    }
  }
  return { createdCode, storeCode }
}
