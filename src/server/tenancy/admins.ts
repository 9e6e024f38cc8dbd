import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { hashPassword } from '../auth/passwords'
import type { Executor } from '../db/connection'
import { findStoreByCode, upsertAdminUser } from '../db/tenancyRepository'

export const AdminRole = z.enum(['super_admin', 'tenant_admin', 'store_manager'])
export type AdminRole = z.infer<typeof AdminRole>

export interface CreateAdminInput {
  email: string
  role: AdminRole
  /** Required for tenant_admin and store_manager: the store (and through it the tenant) they manage. */
  storeCode?: string
  password?: string
}

/** Creates (or resets the password of) an admin user; returns the password to hand over. */
export async function createAdminUser(
  db: Executor,
  input: CreateAdminInput,
): Promise<{ email: string; password: string }> {
  const email = z.string().email().parse(input.email).toLowerCase()
  let tenantId: string | null = null
  let storeId: string | null = null
  if (input.role !== 'super_admin') {
    if (!input.storeCode) throw new Error(`${input.role} needs --store <code>`)
    const store = await findStoreByCode(db, input.storeCode)
    if (!store) throw new Error(`no store with code ${input.storeCode}`)
    tenantId = store.tenantId
    storeId = input.role === 'store_manager' ? store.id : null
  }
  const password = input.password ?? randomBytes(12).toString('base64url')
  const passwordHash = await hashPassword(password)
  await upsertAdminUser(db, { email, passwordHash, role: input.role, tenantId, storeId })
  return { email, password }
}
